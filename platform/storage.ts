/**
 * Every stored item, declared in one place, typed, defaulted and versioned with `storage.defineItem`. Nothing
 * else names a storage key. Everything lives in `storage.local` (10 MB), not `storage.sync`: sync allows 8 KB
 * per item and 100 KB in all, which 2,000 disabled hosts (40–60 KB) or one fact pack would overflow.
 */
import { storage } from '#imports';
import { withSite, type FactPacks, type Preferences, type SiteSettings } from '../core/settings';
import { STORED } from './storage-keys';

/**
 * v1: `{ disabled: string[] }`. No migration yet; the empty `migrations` still makes the item record its
 * version (`siteSettings$: { v: 1 }`) on first write, so a later v2 knows what it is upgrading.
 */
export const siteSettings = storage.defineItem<SiteSettings>(`local:${STORED.siteSettings.key}`, {
  fallback: STORED.siteSettings.fallback,
  version: STORED.siteSettings.version,
  migrations: {},
});

/** v1: the shape of `Preferences`. */
export const preferences = storage.defineItem<Preferences>(`local:${STORED.preferences.key}`, {
  fallback: STORED.preferences.fallback,
  version: STORED.preferences.version,
  migrations: {},
});

/** v1: `{ packs: StoredPack[] }`. In `local`: a pack may be up to 1 MB, far over sync's 8 KB per item. */
export const factPacks = storage.defineItem<FactPacks>(`local:${STORED.factPacks.key}`, {
  fallback: STORED.factPacks.fallback,
  version: STORED.factPacks.version,
  migrations: {},
});

/** Switches a site on or off and persists it; every open tab of that host reacts through `siteSettings.watch`. */
export async function setSiteEnabled(host: string, enabled: boolean): Promise<void> {
  await siteSettings.setValue(withSite(await siteSettings.getValue(), host, enabled));
}

/**
 * Stores imported site settings and preferences in one `storage.local.set`, so a reader never sees half an
 * import. The value must come from `parseSettingsImport`.
 */
export async function replaceSettings(value: { siteSettings: SiteSettings; preferences: Preferences }): Promise<void> {
  await storage.setItems([
    { item: siteSettings, value: value.siteSettings },
    { item: preferences, value: value.preferences },
  ]);
}
