/** The options page's edge: storage items and the download link, turned into the `OptionsDeps` the App uses. */
import type { BuiltInKeys } from '../../store/packs';
import { type FactPacks, type Preferences, type SiteSettings } from '../../core/settings';
import { factPacks, preferences, replaceSettings, siteSettings } from '../../platform/storage';
import { downloadJson } from '../../platform/download';

/** Everything the options page shows, read in one go. */
export interface OptionsState {
  siteSettings: SiteSettings;
  preferences: Preferences;
  packs: FactPacks;
}

export interface OptionsDeps {
  load(): Promise<OptionsState>;
  saveSiteSettings(value: SiteSettings): Promise<void>;
  savePreferences(value: Preferences): Promise<void>;
  savePacks(value: FactPacks): Promise<void>;
  /** Stores an imported settings file in one write. */
  replaceSettings(value: { siteSettings: SiteSettings; preferences: Preferences }): Promise<void>;
  /** Calls back when another page (the popup, a keyboard command) changes a setting; returns the unsubscribe. */
  subscribe(onChange: (patch: Partial<OptionsState>) => void): () => void;
  /** What a pack may not reuse: the built-in store's ids, titles and alias keys. */
  builtIn: BuiltInKeys;
  download(fileName: string, json: string): void;
  /** The import time and id of a new pack (injected so tests are repeatable). */
  now(): string;
  newId(): string;
}

/** The real dependencies: the storage items of `lib/settings.ts` and a download through a temporary link. */
export function createOptionsDeps(builtIn: BuiltInKeys): OptionsDeps {
  return {
    load: async () => {
      const [s, p, packs] = await Promise.all([siteSettings.getValue(), preferences.getValue(), factPacks.getValue()]);
      return { siteSettings: s, preferences: p, packs };
    },
    saveSiteSettings: (v) => siteSettings.setValue(v),
    savePreferences: (v) => preferences.setValue(v),
    savePacks: (v) => factPacks.setValue(v),
    replaceSettings,
    subscribe: (onChange) => {
      const stops = [
        siteSettings.watch((v) => onChange({ siteSettings: v })),
        preferences.watch((v) => onChange({ preferences: v })),
        factPacks.watch((v) => onChange({ packs: v })),
      ];
      return () => stops.forEach((stop) => stop());
    },
    builtIn,
    download: (name, json) => downloadJson(name, json),
    now: () => new Date().toISOString(),
    newId: () => crypto.randomUUID(),
  };
}
