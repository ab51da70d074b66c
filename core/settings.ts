/**
 * The shapes and defaults of every stored setting (the items themselves, with their keys and versions, are in
 * `platform/storage.ts`), and the pure per-site rule.
 * `isSiteEnabled` is the one rule for "does Fact Cards run here", shared by content, popup and background;
 * `whyDisabled` says which part of that rule said no.
 *
 * Everything lives in `storage.local` (10 MB), not `storage.sync`: sync allows 8 KB per item and 100 KB in all,
 * which 2,000 disabled hosts (40–60 KB) or one fact pack would overflow.
 */
import type { EntityType, FactRecord } from '../engine/types';

export interface SiteSettings {
  /** Hosts (normalised by `siteKey`) where the user switched Fact Cards off. */
  disabled: string[];
}

/** Frozen: storage hands the fallback out by reference, so no reader may change it. */
export const DEFAULT_SITE_SETTINGS: SiteSettings = deepFreeze({ disabled: [] });

export const MARK_STYLES = ['dotted', 'solid', 'background', 'none'] as const;
export type MarkStyle = (typeof MARK_STYLES)[number];
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Dwell before a card opens. Below 150 ms a pointer crossing a paragraph opens cards it merely passes over;
 * above 1.5 s the card feels broken rather than patient. 350 ms is the default the hover machine was tuned to.
 */
export const HOVER_DELAY_MS = { min: 150, max: 1500, default: 350 } as const;

export interface Preferences {
  /** The global pause: off everywhere, whatever the per-site list says. */
  paused: boolean;
  hoverDelayMs: number;
  /** Which entity types are marked. */
  types: Record<EntityType, boolean>;
  markStyle: MarkStyle;
  /** Card (and options page) colours: follow the OS, or force one. */
  theme: Theme;
}

export const DEFAULT_PREFERENCES: Preferences = deepFreeze({
  paused: false,
  hoverDelayMs: HOVER_DELAY_MS.default,
  types: { person: true, place: true, organization: true, event: true },
  markStyle: 'dotted',
  theme: 'auto',
});

/** A fact pack the user imported on the options page; validated by `lib/packs.ts` before it is stored. */
export interface StoredPack {
  /** Random id of this import (not an entity id), used to remove it. */
  id: string;
  name: string;
  /** ISO timestamp of the import. */
  importedAt: string;
  records: FactRecord[];
}

export interface FactPacks {
  packs: StoredPack[];
}

export const DEFAULT_FACT_PACKS: FactPacks = deepFreeze({ packs: [] });

/** Identifies a set of packs for caching what is built from them: which imports, of how many records. */
export const packsKey = (v: FactPacks): string => v.packs.map((p) => `${p.id}:${p.records.length}`).join('|');

/** Every stored setting at once: what the content script reads, and the background answers when asked. */
export interface StoredSettings {
  siteSettings: SiteSettings;
  preferences: Preferences;
  factPacks: FactPacks;
}

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

const LABEL = '[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?';
const HOST_RE = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*$`);
const IPV6_RE = /^\[[0-9a-f:.]+\]$/;

/**
 * True for a host in the form `siteKey` produces: lowercase ASCII labels (IDNs in punycode, as URL gives them),
 * an IPv4 address or a bracketed IPv6 address; no "www." prefix, port, path or spaces.
 */
export function isSiteKey(host: string): boolean {
  if (host.startsWith('www.')) return false;
  return HOST_RE.test(host) || IPV6_RE.test(host);
}

/**
 * What a person typed into "add a site" ("News.Example.com", "https://www.example.com/story", "bücher.de")
 * as a site key, or null when it is not a host.
 */
export function hostFromInput(input: string): string | null {
  const text = input.trim();
  if (text === '' || /\s/.test(text)) return null;
  const key = siteKey(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  return key !== null && isSiteKey(key) ? key : null;
}

/** Why Fact Cards does not run on a URL: the global pause, the site's switch, or a page it never runs on. */
export type DisabledReason = 'paused' | 'site' | 'unsupported';

/**
 * The reason Fact Cards is off for `url`, or null when it runs there. Checked in this order: a page it can
 * never run on ("unsupported"; no switch helps), then the global pause, then the per-site list.
 */
export function whyDisabled(
  url: string,
  settings: SiteSettings,
  prefs?: Pick<Preferences, 'paused'>,
): DisabledReason | null {
  const key = siteKey(url);
  if (key === null) return 'unsupported';
  if (prefs?.paused) return 'paused';
  if (settings.disabled.includes(key)) return 'site';
  return null;
}

/** True when Fact Cards should mark this URL. Without `prefs` the global pause is not considered. */
export function isSiteEnabled(url: string, settings: SiteSettings, prefs?: Pick<Preferences, 'paused'>): boolean {
  return whyDisabled(url, settings, prefs) === null;
}

/** Returns new settings with `host` switched on or off (pure; callers store the result). */
export function withSite(settings: SiteSettings, host: string, enabled: boolean): SiteSettings {
  const rest = settings.disabled.filter((h) => h !== host);
  return { ...settings, disabled: enabled ? rest : [...rest, host].sort() };
}

/** Clamps a hover delay into the allowed range, rounded to whole milliseconds; NaN gives the default. */
export function clampHoverDelay(ms: number): number {
  if (!Number.isFinite(ms)) return HOVER_DELAY_MS.default;
  return Math.min(HOVER_DELAY_MS.max, Math.max(HOVER_DELAY_MS.min, Math.round(ms)));
}

export function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (typeof v === 'object' && v !== null) deepFreeze(v);
  return Object.freeze(value);
}
