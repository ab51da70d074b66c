import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_FACT_PACKS, DEFAULT_PREFERENCES, DEFAULT_SITE_SETTINGS } from '../../core/settings';
import { isCurrent, readSettings, watchSettings, type StoredSettings } from '../../platform/settings-reader';
import { preferences, setSiteEnabled, siteSettings } from '../../platform/storage';
import { STORED } from '../../platform/storage-keys';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("the content script's settings reader", () => {
  it('reads the defaults when nothing is stored', async () => {
    await expect(readSettings()).resolves.toEqual({
      siteSettings: DEFAULT_SITE_SETTINGS,
      preferences: DEFAULT_PREFERENCES,
      factPacks: DEFAULT_FACT_PACKS,
    });
  });

  it('reads what the versioned items wrote, key for key', async () => {
    await setSiteEnabled('example.com', false);
    await preferences.setValue({ ...DEFAULT_PREFERENCES, hoverDelayMs: 600 });
    const read = await readSettings();
    expect(read.siteSettings).toEqual(await siteSettings.getValue());
    expect(read.siteSettings.disabled).toContain('example.com');
    expect(read.preferences.hoverDelayMs).toBe(600);
  });

  it('asks the background for migrated values when a value is older than its item', async () => {
    const older = { [STORED.siteSettings.key]: { disabled: [] }, [`${STORED.siteSettings.key}$`]: { v: 0 } };
    expect(isCurrent(older)).toBe(false);
    expect(isCurrent({ [STORED.siteSettings.key]: { disabled: [] } })).toBe(true);
    await fakeBrowser.storage.local.set(older);
    const migrated = {
      siteSettings: { disabled: ['a.org'] },
      preferences: DEFAULT_PREFERENCES,
      factPacks: DEFAULT_FACT_PACKS,
    };
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(migrated);
    await expect(readSettings()).resolves.toEqual(migrated);
    expect(send).toHaveBeenCalledWith({ type: 'settings' });
  });

  it('calls back with the new settings when one changes, and stops when unsubscribed', async () => {
    const seen: string[][] = [];
    const stop = watchSettings(await readSettings(), (s) => seen.push(s.siteSettings.disabled));
    await setSiteEnabled('example.com', false);
    await vi.waitFor(() => expect(seen).toEqual([['example.com']]));
    stop();
    await setSiteEnabled('example.org', false);
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toHaveLength(1);
  });

  it('takes a change from the change itself: the other settings are kept and nothing is read again', async () => {
    await preferences.setValue({ ...DEFAULT_PREFERENCES, hoverDelayMs: 700 });
    const seen: StoredSettings[] = [];
    const stop = watchSettings(await readSettings(), (s) => seen.push(s));
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await setSiteEnabled('example.com', false);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]!.siteSettings.disabled).toEqual(['example.com']);
    expect(seen[0]!.preferences.hoverDelayMs).toBe(700);
    expect(seen[0]!.factPacks).toEqual(DEFAULT_FACT_PACKS);
    expect(get).not.toHaveBeenCalledWith(expect.arrayContaining([STORED.factPacks.key]));
    stop();
  });

  it('reads the migrated settings when a change arrives in an older version', async () => {
    const migrated = {
      siteSettings: { disabled: ['b.org'] },
      preferences: DEFAULT_PREFERENCES,
      factPacks: DEFAULT_FACT_PACKS,
    };
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(migrated);
    const seen: StoredSettings[] = [];
    const stop = watchSettings(await readSettings(), (s) => seen.push(s));
    await fakeBrowser.storage.local.set({
      [STORED.siteSettings.key]: { disabled: [] },
      [`${STORED.siteSettings.key}$`]: { v: 0 },
    });
    await vi.waitFor(() => expect(seen).toEqual([migrated]));
    expect(send).toHaveBeenCalledWith({ type: 'settings' });
    stop();
  });
});
