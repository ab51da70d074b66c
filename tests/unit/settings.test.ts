import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SITE_SETTINGS, isSiteEnabled, siteKey, withSite } from '../../core/settings';
import { setSiteEnabled, siteSettings } from '../../platform/storage';

describe('siteKey', () => {
  it.each([
    ['https://www.example.com/a?b#c', 'example.com'],
    ['http://News.Example.COM/', 'news.example.com'],
    ['https://example.com:8443/x', 'example.com'],
    ['http://127.0.0.1:4173/page.html', '127.0.0.1'],
    ['https://wwwexample.com/', 'wwwexample.com'],
    ['chrome://extensions', null],
    ['file:///home/me/page.html', null],
    ['about:blank', null],
    ['not a url', null],
  ])('%s → %s', (url, expected) => {
    expect(siteKey(url)).toBe(expected);
  });
});

describe('isSiteEnabled', () => {
  const off = { disabled: ['example.com'] };
  it.each([
    ['https://example.com/', DEFAULT_SITE_SETTINGS, true],
    ['https://example.com/', off, false],
    ['https://www.example.com/story', off, false],
    ['https://news.example.com/', off, true],
    ['https://other.org/', off, true],
    ['chrome://newtab', DEFAULT_SITE_SETTINGS, false],
  ])('%s with %j → %s', (url, settings, expected) => {
    expect(isSiteEnabled(url, settings)).toBe(expected);
  });
});

describe('withSite', () => {
  it.each([
    [{ disabled: [] }, 'b.com', false, ['b.com']],
    [{ disabled: ['c.com', 'a.com'] }, 'b.com', false, ['a.com', 'b.com', 'c.com']],
    [{ disabled: ['b.com'] }, 'b.com', false, ['b.com']],
    [{ disabled: ['a.com', 'b.com'] }, 'b.com', true, ['a.com']],
    [{ disabled: [] }, 'b.com', true, []],
  ])('%j + %s %s → %j', (settings, host, enabled, expected) => {
    expect(withSite(settings, host, enabled).disabled).toEqual(expected);
  });

  it('does not change its input', () => {
    const before = { disabled: ['a.com'] };
    withSite(before, 'b.com', false);
    expect(before).toEqual({ disabled: ['a.com'] });
  });
});

describe('setSiteEnabled', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('starts with every site on', async () => {
    expect(await siteSettings.getValue()).toEqual({ disabled: [] });
  });

  it('stores the switch and reads it back', async () => {
    await setSiteEnabled('example.com', false);
    await setSiteEnabled('other.org', false);
    expect(await siteSettings.getValue()).toEqual({ disabled: ['example.com', 'other.org'] });
    expect(isSiteEnabled('https://www.example.com/x', await siteSettings.getValue())).toBe(false);
    await setSiteEnabled('example.com', true);
    expect(await siteSettings.getValue()).toEqual({ disabled: ['other.org'] });
    expect(await fakeBrowser.storage.local.get('siteSettings')).toEqual({ siteSettings: { disabled: ['other.org'] } });
  });

  it('notifies watchers', async () => {
    const seen: string[][] = [];
    const unwatch = siteSettings.watch((v) => seen.push(v.disabled));
    await setSiteEnabled('example.com', false);
    await new Promise((r) => setTimeout(r, 0));
    unwatch();
    expect(seen).toEqual([['example.com']]);
  });
});
