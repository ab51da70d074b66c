/**
 * The storage key, version and fallback of every stored item, in one place: `storage.ts` declares the items with
 * them, and the content script's light reader (`settings-reader.ts`) reads the same keys directly.
 * WXT keeps an item's value under its key and its version under `<key>$` (`{ v }`).
 */
import { DEFAULT_FACT_PACKS, DEFAULT_PREFERENCES, DEFAULT_SITE_SETTINGS } from '../core/settings';

export const STORED = {
  siteSettings: { key: 'siteSettings', version: 1, fallback: DEFAULT_SITE_SETTINGS },
  preferences: { key: 'preferences', version: 1, fallback: DEFAULT_PREFERENCES },
  factPacks: { key: 'factPacks', version: 1, fallback: DEFAULT_FACT_PACKS },
} as const;
