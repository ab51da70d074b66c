/**
 * The options page's settings file: `{ format: 'fact-cards-settings', version: 1, siteSettings, preferences }`.
 * Pure: `exportSettings` turns values into text and `parseSettingsImport` turns text back into values or one
 * clear error; the caller stores a value only when parsing succeeded, so a bad file changes nothing.
 * Fact packs are not part of this file: they have their own import, with its own checks.
 */
import { ENTITY_TYPES } from '../engine/types';
import { HOVER_DELAY_MS, MARK_STYLES, THEMES, isSiteKey, type Preferences, type SiteSettings } from './settings';
import { isObject } from './guards';

export const SETTINGS_FORMAT = 'fact-cards-settings';
export const SETTINGS_VERSION = 1;
export const SETTINGS_FILE_NAME = 'fact-cards-settings.json';
/** A settings file is a few kilobytes; anything far larger is not one, and is refused before parsing. */
export const MAX_SETTINGS_BYTES = 1_000_000;

export interface SettingsFile {
  format: typeof SETTINGS_FORMAT;
  version: typeof SETTINGS_VERSION;
  siteSettings: SiteSettings;
  preferences: Preferences;
}

export type ImportResult =
  { ok: true; value: { siteSettings: SiteSettings; preferences: Preferences } } | { ok: false; error: string };

/** The settings as the JSON text of a settings file (keys in a fixed order, hosts sorted). */
export function exportSettings(value: { siteSettings: SiteSettings; preferences: Preferences }): string {
  const p = value.preferences;
  const file: SettingsFile = {
    format: SETTINGS_FORMAT,
    version: SETTINGS_VERSION,
    siteSettings: { disabled: [...value.siteSettings.disabled].sort() },
    preferences: {
      paused: p.paused,
      hoverDelayMs: p.hoverDelayMs,
      types: { person: p.types.person, place: p.types.place, organization: p.types.organization, event: p.types.event },
      markStyle: p.markStyle,
      theme: p.theme,
    },
  };
  return JSON.stringify(file, null, 2);
}

class ImportError extends Error {}

/** Checks that `v` is an object with exactly `keys`; names the first missing or unknown key. */
function exactObject(v: unknown, where: string, keys: readonly string[]): Record<string, unknown> {
  if (!isObject(v)) throw new ImportError(`${where} must be an object`);
  const unknown = Object.keys(v).find((k) => !keys.includes(k));
  if (unknown !== undefined) throw new ImportError(`${where} has an unknown key "${unknown}"`);
  const missing = keys.find((k) => !(k in v));
  if (missing !== undefined) throw new ImportError(`${where} is missing "${missing}"`);
  return v;
}

function bool(v: unknown, where: string): boolean {
  if (typeof v !== 'boolean') throw new ImportError(`${where} must be true or false`);
  return v;
}

function oneOf<T extends string>(v: unknown, where: string, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    throw new ImportError(`${where} must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  return v as T;
}

function parseSiteSettings(v: unknown): SiteSettings {
  const o = exactObject(v, 'siteSettings', ['disabled']);
  if (!Array.isArray(o.disabled)) throw new ImportError('siteSettings.disabled must be an array of hostnames');
  const hosts = o.disabled.map((h, i) => {
    const where = `siteSettings.disabled[${i}]`;
    if (typeof h !== 'string') throw new ImportError(`${where} must be a hostname string`);
    // Accept the case and "www." a person might type by hand; store the key isSiteEnabled looks up.
    const key = h.toLowerCase().replace(/^www\./, '');
    if (!isSiteKey(key))
      throw new ImportError(`${where} "${h}" is not a hostname (expected something like example.com)`);
    return key;
  });
  return { disabled: [...new Set(hosts)].sort() };
}

function parsePreferences(v: unknown): Preferences {
  const o = exactObject(v, 'preferences', ['paused', 'hoverDelayMs', 'types', 'markStyle', 'theme']);
  const delay = o.hoverDelayMs;
  if (typeof delay !== 'number' || !Number.isInteger(delay) || delay < HOVER_DELAY_MS.min || delay > HOVER_DELAY_MS.max)
    throw new ImportError(
      `preferences.hoverDelayMs must be a whole number from ${HOVER_DELAY_MS.min} to ${HOVER_DELAY_MS.max} (got ${JSON.stringify(delay)})`,
    );
  const t = exactObject(o.types, 'preferences.types', ENTITY_TYPES);
  return {
    paused: bool(o.paused, 'preferences.paused'),
    hoverDelayMs: delay,
    types: {
      person: bool(t.person, 'preferences.types.person'),
      place: bool(t.place, 'preferences.types.place'),
      organization: bool(t.organization, 'preferences.types.organization'),
      event: bool(t.event, 'preferences.types.event'),
    },
    markStyle: oneOf(o.markStyle, 'preferences.markStyle', MARK_STYLES),
    theme: oneOf(o.theme, 'preferences.theme', THEMES),
  };
}

/**
 * Reads a settings file. Every field is required and checked; unknown keys are refused rather than dropped, so
 * a file from a newer version (or a typo) is noticed instead of half applied. The error names the field.
 */
export function parseSettingsImport(text: string): ImportResult {
  if (text.length > MAX_SETTINGS_BYTES) return { ok: false, error: 'The file is too large to be a settings file.' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `The file is not valid JSON (${(err as Error).message}).` };
  }
  try {
    if (!isObject(raw)) throw new ImportError('The file must contain a JSON object');
    if (raw.format !== SETTINGS_FORMAT)
      throw new ImportError(`The file is not a Fact Cards settings file (format must be "${SETTINGS_FORMAT}")`);
    if (raw.version !== SETTINGS_VERSION)
      throw new ImportError(
        `Settings file version ${JSON.stringify(raw.version)} is not supported (this version of Fact Cards reads version ${SETTINGS_VERSION})`,
      );
    const o = exactObject(raw, 'The file', ['format', 'version', 'siteSettings', 'preferences']);
    return {
      ok: true,
      value: { siteSettings: parseSiteSettings(o.siteSettings), preferences: parsePreferences(o.preferences) },
    };
  } catch (err) {
    if (err instanceof ImportError) return { ok: false, error: `${err.message}.` };
    throw err;
  }
}
