import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_FACT_PACKS,
  DEFAULT_PREFERENCES,
  DEFAULT_SITE_SETTINGS,
  clampHoverDelay,
  hostFromInput,
  isSiteEnabled,
  isSiteKey,
  whyDisabled,
  type Preferences,
} from '../../core/settings';
import { factPacks, preferences, replaceSettings, siteSettings } from '../../platform/storage';

beforeEach(() => {
  fakeBrowser.reset();
});

const prefs = (patch: Partial<Preferences> = {}): Preferences => ({ ...DEFAULT_PREFERENCES, ...patch });

describe('stored items', () => {
  it.each([
    ['siteSettings', siteSettings, DEFAULT_SITE_SETTINGS],
    ['preferences', preferences, DEFAULT_PREFERENCES],
    ['factPacks', factPacks, DEFAULT_FACT_PACKS],
  ] as const)('%s falls back to its frozen default', async (_key, item, fallback) => {
    expect(await item.getValue()).toBe(fallback);
    expect(Object.isFrozen(fallback)).toBe(true);
  });

  it('has the documented default preferences', () => {
    expect(DEFAULT_PREFERENCES).toEqual({
      paused: false,
      hoverDelayMs: 350,
      types: { person: true, place: true, organization: true, event: true },
      markStyle: 'dotted',
      theme: 'auto',
    });
  });

  it.each([
    ['siteSettings', siteSettings, { disabled: ['example.com'] }],
    ['preferences', preferences, prefs({ paused: true, theme: 'dark' })],
    [
      'factPacks',
      factPacks,
      { packs: [{ id: 'p1', name: 'Mine', importedAt: '2026-01-01T00:00:00.000Z', records: [] }] },
    ],
  ] as const)('%s writes its value with version meta v1', async (key, item, value) => {
    await item.migrate(); // as at start-up in a fresh profile
    await (item.setValue as (v: unknown) => Promise<void>)(value);
    expect(await fakeBrowser.storage.local.get([key, `${key}$`])).toEqual({ [key]: value, [`${key}$`]: { v: 1 } });
  });

  it('reads a v1 siteSettings fixture (value and meta) unchanged', async () => {
    await fakeBrowser.storage.local.set({ siteSettings: { disabled: ['a.com', 'b.org'] }, siteSettings$: { v: 1 } });
    await siteSettings.migrate();
    expect(await siteSettings.getValue()).toEqual({ disabled: ['a.com', 'b.org'] });
    expect(await siteSettings.getMeta()).toEqual({ v: 1 });
  });

  it('reads siteSettings stored by the first release, which wrote no version meta, as v1', async () => {
    await fakeBrowser.storage.local.set({ siteSettings: { disabled: ['a.com'] } });
    await siteSettings.migrate();
    expect(await siteSettings.getValue()).toEqual({ disabled: ['a.com'] });
    expect(isSiteEnabled('https://a.com/', await siteSettings.getValue())).toBe(false);
  });

  it('reads a v1 preferences fixture unchanged', async () => {
    const stored = prefs({
      hoverDelayMs: 800,
      markStyle: 'background',
      types: { ...DEFAULT_PREFERENCES.types, event: false },
    });
    await fakeBrowser.storage.local.set({ preferences: stored, preferences$: { v: 1 } });
    await preferences.migrate();
    expect(await preferences.getValue()).toEqual(stored);
  });

  it('refuses data written by a newer version instead of misreading it', async () => {
    await fakeBrowser.storage.local.set({ preferences: { paused: 'maybe' }, preferences$: { v: 2 } });
    await expect(preferences.migrate()).rejects.toThrow('Version downgrade detected');
  });

  it('notifies preference watchers (open tabs react at once)', async () => {
    const seen: boolean[] = [];
    const unwatch = preferences.watch((v) => seen.push(v.paused));
    await preferences.setValue(prefs({ paused: true }));
    await new Promise((r) => setTimeout(r, 0));
    unwatch();
    expect(seen).toEqual([true]);
  });

  it('stores an import of both items in one storage write', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await replaceSettings({ siteSettings: { disabled: ['x.com'] }, preferences: prefs({ paused: true }) });
    expect(set).toHaveBeenCalledOnce();
    expect(await siteSettings.getValue()).toEqual({ disabled: ['x.com'] });
    expect((await preferences.getValue()).paused).toBe(true);
  });
});

describe('2,000 disabled sites', () => {
  // storage.local allows 10 MB; storage.sync only 8,192 bytes per item, which is why the list is not in sync.
  const SYNC_QUOTA_BYTES_PER_ITEM = 8192;
  const LOCAL_QUOTA_BYTES = 10 * 1024 * 1024;

  it('are stored and read back whole, far inside the local quota and far over sync’s per-item cap', async () => {
    const hosts = Array.from({ length: 2000 }, (_, i) => `news-site-${String(i).padStart(4, '0')}.example.com`).sort();
    await siteSettings.setValue({ disabled: hosts });
    const back = await siteSettings.getValue();
    expect(back.disabled).toHaveLength(2000);
    expect(back.disabled).toEqual(hosts);
    const bytes = new TextEncoder().encode('siteSettings' + JSON.stringify(back)).length;
    expect(bytes).toBeGreaterThan(SYNC_QUOTA_BYTES_PER_ITEM);
    expect(bytes).toBeLessThan(LOCAL_QUOTA_BYTES / 100);
    expect(isSiteEnabled('https://news-site-1999.example.com/x', back)).toBe(false);
    expect(isSiteEnabled('https://news-site-2000.example.com/x', back)).toBe(true);
  });
});

describe('whyDisabled', () => {
  const off = { disabled: ['example.com'] };
  it.each([
    ['https://example.org/', DEFAULT_SITE_SETTINGS, prefs(), null],
    ['https://example.com/', off, prefs(), 'site'],
    ['https://www.example.com/a', off, prefs(), 'site'],
    ['https://example.org/', off, prefs({ paused: true }), 'paused'],
    // The pause is the one to undo first: turning the site on alone would not help.
    ['https://example.com/', off, prefs({ paused: true }), 'paused'],
    ['chrome://extensions', DEFAULT_SITE_SETTINGS, prefs(), 'unsupported'],
    ['file:///tmp/a.html', DEFAULT_SITE_SETTINGS, prefs({ paused: true }), 'unsupported'],
    ['not a url', off, prefs(), 'unsupported'],
  ])('%s with %j, %j → %s', (url, settings, p, expected) => {
    expect(whyDisabled(url, settings, p)).toBe(expected);
    expect(isSiteEnabled(url, settings, p)).toBe(expected === null);
  });

  it('keeps the two-argument isSiteEnabled (no pause considered)', () => {
    expect(isSiteEnabled('https://example.org/', DEFAULT_SITE_SETTINGS)).toBe(true);
    expect(whyDisabled('https://example.org/', DEFAULT_SITE_SETTINGS)).toBeNull();
  });
});

describe('hostFromInput', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  News.Example.COM  ', 'news.example.com'],
    ['www.example.com', 'example.com'],
    ['https://www.example.com/story?id=1', 'example.com'],
    ['example.com/path', 'example.com'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['', null],
    ['   ', null],
    ['exa mple.com', null],
    ['ftp://example.com', null],
    ['chrome://extensions', null],
    ['-bad-.com', null],
    ['a..b', null],
  ])('%j → %s', (input, expected) => {
    expect(hostFromInput(input)).toBe(expected);
  });
});

describe('isSiteKey', () => {
  it.each([
    ['example.com', true],
    ['a-b.example.co.uk', true],
    ['xn--bcher-kva.de', true],
    ['[::1]', true],
    ['www.example.com', false],
    ['Example.com', false],
    ['example.com:8080', false],
    ['example.com/x', false],
    ['', false],
    ['a'.repeat(64) + '.com', false],
  ])('%s → %s', (host, expected) => {
    expect(isSiteKey(host)).toBe(expected);
  });
});

describe('clampHoverDelay', () => {
  it.each([
    [350, 350],
    [100, 150],
    [2000, 1500],
    [349.6, 350],
    [Number.NaN, 350],
  ])('%s → %s', (ms, expected) => {
    expect(clampHoverDelay(ms)).toBe(expected);
  });
});
