import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_PREFERENCES } from '../../core/settings';
import { preferences, replaceSettings, siteSettings } from '../../platform/storage';
import { exportSettings, parseSettingsImport } from '../../core/settings-file';

const valid = () => ({
  format: 'fact-cards-settings',
  version: 1,
  siteSettings: { disabled: ['a.com', 'news.example.org'] },
  preferences: {
    paused: true,
    hoverDelayMs: 600,
    types: { person: true, place: false, organization: true, event: false },
    markStyle: 'solid',
    theme: 'dark',
  },
});

/** Applies a patch at a dotted path of the valid file ("preferences.types.place"); `undefined` deletes. */
function variant(path: string, value: unknown): string {
  const file: Record<string, unknown> = valid();
  const keys = path.split('.');
  let at = file;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  if (value === undefined) delete at[keys.at(-1)!];
  else at[keys.at(-1)!] = value;
  return JSON.stringify(file);
}

describe('exportSettings', () => {
  it('writes the documented shape, hosts sorted', () => {
    const text = exportSettings({
      siteSettings: { disabled: ['b.com', 'a.com'] },
      preferences: DEFAULT_PREFERENCES,
    });
    expect(JSON.parse(text)).toEqual({
      format: 'fact-cards-settings',
      version: 1,
      siteSettings: { disabled: ['a.com', 'b.com'] },
      preferences: DEFAULT_PREFERENCES,
    });
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'version', 'siteSettings', 'preferences']);
  });

  it('round-trips through parseSettingsImport', () => {
    const value = parseSettingsImport(JSON.stringify(valid()));
    expect(value.ok).toBe(true);
    if (!value.ok) return;
    expect(parseSettingsImport(exportSettings(value.value))).toEqual(value);
  });
});

describe('parseSettingsImport', () => {
  it('accepts a valid file', () => {
    const { format: _f, version: _v, ...expected } = valid();
    expect(parseSettingsImport(JSON.stringify(valid()))).toEqual({ ok: true, value: expected });
  });

  it('normalises hand-written hosts (case, www., duplicates)', () => {
    const r = parseSettingsImport(variant('siteSettings.disabled', ['WWW.B.com', 'a.com', 'b.com']));
    expect(r).toMatchObject({ ok: true, value: { siteSettings: { disabled: ['a.com', 'b.com'] } } });
  });

  it.each([
    ['malformed JSON', '{"format": "fact-cards-settings",', 'not valid JSON'],
    ['not an object', '[1, 2]', 'must contain a JSON object'],
    ['wrong format', variant('format', 'fact-cards-pack'), 'not a Fact Cards settings file'],
    ['wrong version', variant('version', 2), 'version 2 is not supported'],
    ['unknown top-level key', variant('extra', 1), 'unknown key "extra"'],
    ['missing preferences', variant('preferences', undefined), 'missing "preferences"'],
    ['siteSettings not an object', variant('siteSettings', ['a.com']), 'siteSettings must be an object'],
    ['disabled not an array', variant('siteSettings.disabled', 'a.com'), 'siteSettings.disabled must be an array'],
    [
      'host not a string',
      variant('siteSettings.disabled', ['a.com', 7]),
      'siteSettings.disabled[1] must be a hostname',
    ],
    [
      'host with a path',
      variant('siteSettings.disabled', ['a.com/x']),
      'siteSettings.disabled[0] "a.com/x" is not a hostname',
    ],
    ['host as a URL', variant('siteSettings.disabled', ['https://a.com']), 'is not a hostname'],
    ['host with spaces', variant('siteSettings.disabled', ['a b.com']), 'is not a hostname'],
    ['host with markup', variant('siteSettings.disabled', ['<img src=x>']), 'is not a hostname'],
    ['unknown siteSettings key', variant('siteSettings.enabled', []), 'siteSettings has an unknown key "enabled"'],
    ['paused not boolean', variant('preferences.paused', 'yes'), 'preferences.paused must be true or false'],
    [
      'delay too small',
      variant('preferences.hoverDelayMs', 100),
      'hoverDelayMs must be a whole number from 150 to 1500 (got 100)',
    ],
    ['delay too large', variant('preferences.hoverDelayMs', 1501), '(got 1501)'],
    ['delay fractional', variant('preferences.hoverDelayMs', 350.5), '(got 350.5)'],
    ['delay a string', variant('preferences.hoverDelayMs', '350'), '(got "350")'],
    ['types missing a type', variant('preferences.types.event', undefined), 'preferences.types is missing "event"'],
    ['unknown type', variant('preferences.types.animal', true), 'preferences.types has an unknown key "animal"'],
    ['type not boolean', variant('preferences.types.place', 1), 'preferences.types.place must be true or false'],
    ['bad mark style', variant('preferences.markStyle', 'wavy'), 'preferences.markStyle must be one of "dotted"'],
    ['bad theme', variant('preferences.theme', 'sepia'), 'preferences.theme must be one of "auto", "light", "dark"'],
    ['unknown preference', variant('preferences.fontSize', 12), 'preferences has an unknown key "fontSize"'],
    ['huge file', ' '.repeat(1_000_001), 'too large'],
  ])('rejects %s with a clear message, and nothing is written', async (_what, text, message) => {
    fakeBrowser.reset();
    const r = parseSettingsImport(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain(message);
    // Parsing never writes; the options page stores only an ok value (tests/unit/options.test.tsx).
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe('import into storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('stores a valid import in both items', async () => {
    const r = parseSettingsImport(JSON.stringify(valid()));
    if (!r.ok) throw new Error(r.error);
    await replaceSettings(r.value);
    expect(await siteSettings.getValue()).toEqual({ disabled: ['a.com', 'news.example.org'] });
    expect((await preferences.getValue()).theme).toBe('dark');
  });
});
