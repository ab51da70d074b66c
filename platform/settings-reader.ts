/**
 * The content script's view of the stored settings: one `storage.local.get` of the raw keys that `storage.ts`
 * declares, instead of WXT's storage items (which run their migration check in every tab, on every page).
 * A value stored by an older version than the item's current one has not been migrated yet: then the
 * background, which holds the versioned items, is asked for the migrated values (it migrates on start).
 */
import type { StoredSettings } from '../core/settings';
import { browser } from '#imports';
import { STORED } from './storage-keys';

export type { StoredSettings };

const NAMES = Object.keys(STORED) as (keyof StoredSettings)[];
const KEYS = NAMES.flatMap((n) => [STORED[n].key, `${STORED[n].key}$`]);

/** True when every stored value is written in its item's current version (WXT counts a missing version as 1). */
export function isCurrent(raw: Record<string, unknown>): boolean {
  return NAMES.every((n) => {
    const { key, version } = STORED[n];
    if (raw[key] === undefined || raw[key] === null) return true;
    const meta = raw[`${key}$`] as { v?: unknown } | undefined;
    return (typeof meta?.v === 'number' ? meta.v : 1) === version;
  });
}

/** The stored values over `base`: each item present in `raw` (its fallback when stored as null), else `base`'s. */
function over(base: StoredSettings, raw: Record<string, unknown>): StoredSettings {
  const out = { ...base };
  for (const n of NAMES) {
    const { key, fallback } = STORED[n];
    if (key in raw) (out as Record<string, unknown>)[n] = raw[key] ?? fallback;
  }
  return out;
}

const FALLBACKS = Object.fromEntries(NAMES.map((n) => [n, STORED[n].fallback])) as unknown as StoredSettings;

/** The stored values, or the fallbacks where nothing is stored. */
export const fromRaw = (raw: Record<string, unknown>): StoredSettings => over(FALLBACKS, raw);

export async function readSettings(): Promise<StoredSettings> {
  const raw = (await browser.storage.local.get(KEYS)) as Record<string, unknown>;
  if (isCurrent(raw)) return fromRaw(raw);
  return (await browser.runtime.sendMessage({ type: 'settings' })) as StoredSettings;
}

/**
 * Calls back with the new settings whenever one of them changes in storage, starting from `initial`; returns the
 * unsubscribe. The change carries the new values, so nothing is read again (a site switch does not make every
 * tab re-read its fact packs), unless a value arrives in an older version: then the migrated values are read.
 */
export function watchSettings(initial: StoredSettings, onChange: (s: StoredSettings) => void): () => void {
  let current = initial;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !KEYS.some((k) => k in changes)) return;
    const raw: Record<string, unknown> = {};
    for (const k of KEYS) if (k in changes) raw[k] = changes[k]!.newValue;
    if (isCurrent(raw)) onChange((current = over(current, raw)));
    else void readSettings().then((s) => onChange((current = s)));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
