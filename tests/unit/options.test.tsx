import { describe, expect, it, vi, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createOptionsDeps } from '../../entrypoints/options/deps';
import { DEFAULT_PREFERENCES } from '../../core/settings';
import { factPacks, preferences, siteSettings } from '../../platform/storage';
import { builtIn, useOptionsPage } from '../support/options-page';

const { root, text, byLabel, buttonNamed, type, mount } = useOptionsPage();

describe('options App', () => {
  it('has a heading per section and a label on every control', async () => {
    await mount({ siteSettings: { disabled: ['a.com'] } });
    expect([...root().querySelectorAll('h1, h2')].map((h) => h.textContent)).toEqual([
      'Fact Cards settings',
      'Fact Cards everywhere',
      'Sites where Fact Cards is off',
      'Marks and cards',
      'Fact packs',
      'Settings file',
    ]);
    for (const input of root().querySelectorAll('input')) {
      const labelled = input.closest('label') ?? root().querySelector(`label[for="${input.id}"]`);
      expect(labelled, `input ${input.outerHTML}`).not.toBeNull();
    }
    for (const button of root().querySelectorAll('button')) {
      expect(button.getAttribute('aria-label') ?? button.textContent?.trim()).toBeTruthy();
    }
  });

  it('adds a site (normalised) and removes it', async () => {
    const { deps, stored } = await mount();
    expect(text()).toContain('Fact Cards runs on every site.');
    type(byLabel('Add a site'), 'https://www.Example.com/story');
    root()
      .querySelector('form')!
      .dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(() =>
      expect(root().querySelector('[role="status"]')?.textContent).toContain('now off on example.com'),
    );
    expect(stored.siteSettings.disabled).toEqual(['example.com']);
    expect(root().querySelector('.fc-list')!.textContent).toContain('example.com');

    buttonNamed('Remove example.com')!.click();
    await vi.waitFor(() => expect(text()).toContain('Fact Cards runs on every site.'));
    expect(stored.siteSettings.disabled).toEqual([]);
    expect(deps.saveSiteSettings).toHaveBeenCalledTimes(2);
  });

  it('refuses a site that is not a host, storing nothing', async () => {
    const { deps } = await mount();
    type(byLabel('Add a site'), 'not a host');
    root()
      .querySelector('form')!
      .dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(root().querySelector('[role="alert"]')).not.toBeNull());
    expect(root().querySelector('[role="alert"]')!.textContent).toContain('"not a host" is not a site address');
    expect(deps.saveSiteSettings).not.toHaveBeenCalled();
  });

  it('pauses everywhere through a switch', async () => {
    const { stored } = await mount();
    const sw = root().querySelector<HTMLButtonElement>('[role="switch"]')!;
    expect(sw.textContent).toBe('Pause Fact Cards on every site');
    expect(sw.getAttribute('aria-checked')).toBe('false');
    sw.click();
    await vi.waitFor(() => expect(stored.preferences.paused).toBe(true));
    expect(sw.getAttribute('aria-checked')).toBe('true');
  });

  it('stores the hover delay (clamped), types, mark style and theme at once', async () => {
    const { stored } = await mount();
    const number = byLabel('Hover delay in milliseconds');
    number.value = '5000';
    number.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(stored.preferences.hoverDelayMs).toBe(1500));
    await vi.waitFor(() => expect(number.value).toBe('1500'));

    // Two boxes in a row, without waiting for a re-render: both changes are kept.
    byLabel('Events').click();
    byLabel('Places').click();
    await vi.waitFor(() => expect(stored.preferences.types).toMatchObject({ event: false, place: false }));
    byLabel('Tinted background').click();
    await vi.waitFor(() => expect(stored.preferences.markStyle).toBe('background'));
    byLabel('Dark').click();
    await vi.waitFor(() => expect(stored.preferences.theme).toBe('dark'));
    await vi.waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    // Earlier changes survive later ones.
    expect(stored.preferences).toMatchObject({
      hoverDelayMs: 1500,
      types: { event: false, place: false, person: true },
    });
  });

  it('follows changes made elsewhere (the popup switching a site off)', async () => {
    const { emit } = await mount();
    emit({ siteSettings: { disabled: ['elsewhere.org'] } });
    await vi.waitFor(() => expect(root().querySelector('.fc-list')?.textContent).toContain('elsewhere.org'));
  });
});

describe('createOptionsDeps', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reads and writes the stored items', async () => {
    const deps = createOptionsDeps(builtIn);
    expect(await deps.load()).toEqual({
      siteSettings: { disabled: [] },
      preferences: DEFAULT_PREFERENCES,
      packs: { packs: [] },
    });
    await deps.saveSiteSettings({ disabled: ['a.com'] });
    await deps.savePreferences({ ...DEFAULT_PREFERENCES, paused: true });
    await deps.savePacks({ packs: [] });
    expect(await siteSettings.getValue()).toEqual({ disabled: ['a.com'] });
    expect((await preferences.getValue()).paused).toBe(true);
    expect(await factPacks.getValue()).toEqual({ packs: [] });
  });

  it('passes on changes made in other pages', async () => {
    const deps = createOptionsDeps(builtIn);
    const seen: unknown[] = [];
    const stop = deps.subscribe((patch) => seen.push(patch));
    await siteSettings.setValue({ disabled: ['b.com'] });
    await new Promise((r) => setTimeout(r, 0));
    stop();
    expect(seen).toEqual([{ siteSettings: { disabled: ['b.com'] } }]);
  });
});
