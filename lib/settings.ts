/**
 * Every stored setting, declared in one place, typed, defaulted and versioned.
 * `isSiteEnabled` is the one rule for "does Fact Cards run here", shared by content, popup and background.
 */
import { storage } from '#imports';

export interface SiteSettings {
  /** Hosts (normalised by `siteKey`) where the user switched Fact Cards off. */
  disabled: string[];
}

export const DEFAULT_SITE_SETTINGS: SiteSettings = { disabled: [] };

/** v1: { disabled: string[] }. Kept in `local`: sync's 8 KB per-item cap would overflow after a few hundred hosts. */
export const siteSettings = storage.defineItem<SiteSettings>('local:siteSettings', {
  fallback: DEFAULT_SITE_SETTINGS,
  version: 1,
});

/** The key a site is switched by: the URL's hostname, lowercased, without a leading "www.". Null where we never run. */
export function siteKey(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.hostname.toLowerCase().replace(/^www\./, '');
}

/** True when Fact Cards should mark this URL. */
export function isSiteEnabled(url: string, settings: SiteSettings): boolean {
  const key = siteKey(url);
  return key !== null && !settings.disabled.includes(key);
}

/** Returns new settings with `host` switched on or off (pure; callers store the result). */
export function withSite(settings: SiteSettings, host: string, enabled: boolean): SiteSettings {
  const rest = settings.disabled.filter((h) => h !== host);
  return { ...settings, disabled: enabled ? rest : [...rest, host].sort() };
}

/** Switches a site on or off and persists it; every open tab of that host reacts through `siteSettings.watch`. */
export async function setSiteEnabled(host: string, enabled: boolean): Promise<void> {
  await siteSettings.setValue(withSite(await siteSettings.getValue(), host, enabled));
}
