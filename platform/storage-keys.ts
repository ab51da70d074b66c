/**
 * The storage keys and versions of every stored item, in one place: `storage.ts` declares the items with them,
 * and the content script's light reader (`settings-reader.ts`) reads the same keys directly.
 * WXT keeps an item's value under its key and its version under `<key>$` (`{ v }`).
 */
export const STORED = {
  siteSettings: { key: 'siteSettings', version: 1 },
  preferences: { key: 'preferences', version: 1 },
  factPacks: { key: 'factPacks', version: 1 },
} as const;
