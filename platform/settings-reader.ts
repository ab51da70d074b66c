/**
 * The content script's view of the stored settings: one `storage.local.get` of the raw keys that `storage.ts`
 * declares, instead of WXT's storage items (which run their migration check in every tab, on every page).
 * A value stored by an older version than the item's current one has not been migrated yet: then the
 * background, which holds the versioned items, is asked for the migrated values (it migrates on start).
 */
import {
  DEFAULT_FACT_PACKS,
  DEFAULT_PREFERENCES,
  DEFAULT_SITE_SETTINGS,
  type FactPacks,
  type Preferences,
  type SiteSettings,
} from '../core/settings';
import { browser } from '#imports';
import { STORED } from './storage-keys';

export interface StoredSettings {
  siteSettings: SiteSettings;
  preferences: Preferences;
  factPacks: FactPacks;
}

const ITEMS = Object.values(STORED);
const KEYS = ITEMS.flatMap((s) => [s.key, `${s.key}$`]);
const FALLBACK: StoredSettings = {
  siteSettings: DEFAULT_SITE_SETTINGS,
  preferences: DEFAULT_PREFERENCES,
  factPacks: DEFAULT_FACT_PACKS,
};

/** True when every stored value is written in its item's current version (WXT counts a missing version as 1). */
export function isCurrent(raw: Record<string, unknown>): boolean {
  return ITEMS.every((s) => {
    if (raw[s.key] === undefined || raw[s.key] === null) return true;
    const meta = raw[`${s.key}$`] as { v?: unknown } | undefined;
    return (typeof meta?.v === 'number' ? meta.v : 1) === s.version;
  });
}

/** The stored values, or the defaults where nothing is stored. */
export function fromRaw(raw: Record<string, unknown>): StoredSettings {
  const pick = <K extends keyof StoredSettings>(k: K): StoredSettings[K] =>
    (raw[STORED[k].key] as StoredSettings[K] | null | undefined) ?? FALLBACK[k];
  return { siteSettings: pick('siteSettings'), preferences: pick('preferences'), factPacks: pick('factPacks') };
}

export async function readSettings(): Promise<StoredSettings> {
  const raw = (await browser.storage.local.get(KEYS)) as Record<string, unknown>;
  if (isCurrent(raw)) return fromRaw(raw);
  return (await browser.runtime.sendMessage({ type: 'settings' })) as StoredSettings;
}

/** Calls back with the new settings whenever one of them changes in storage; returns the unsubscribe. */
export function watchSettings(onChange: (s: StoredSettings) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KEYS.some((k) => k in changes)) void readSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
