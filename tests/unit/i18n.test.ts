import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatMessage, t, uiLanguage } from '../../platform/i18n';
import en from '../../public/_locales/en/messages.json';

const root = path.resolve(__dirname, '../..');

/** Every .ts/.tsx file of the extension itself (not tests, scripts or generated folders), plus the manifest config. */
function sourceFiles(): string[] {
  const files: string[] = [path.join(root, 'wxt.config.ts')];
  for (const dir of ['components', 'entrypoints', 'core', 'platform']) {
    for (const entry of readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })) {
      if (/\.tsx?$/.test(entry)) files.push(path.join(root, dir, entry));
    }
  }
  return files;
}

function usedKeys(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const file of sourceFiles()) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([a-z0-9_]+)'|__MSG_([a-z0-9_]+)__/g)) {
      const key = m[1] ?? m[2]!;
      used.set(key, [...(used.get(key) ?? []), path.relative(root, file)]);
    }
  }
  return used;
}

describe('messages.json', () => {
  const keys = Object.keys(en);
  const used = usedKeys();

  it('has every key the code uses', () => {
    const missing = [...used].filter(([key]) => !(key in en)).map(([key, files]) => `${key} (${files.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('has no message the code does not use', () => {
    expect(keys.filter((key) => !used.has(key))).toEqual([]);
  });

  it.each(Object.entries(en))('%s is well formed', (key, entry: { message: string; placeholders?: object }) => {
    expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(entry.message.trim()).toBe(entry.message);
    expect(entry.message).not.toBe('');
    // Each $NAME$ in the message has a placeholder, and each placeholder is used.
    const named = [...entry.message.matchAll(/\$([a-z0-9_]+)\$/gi)].map((m) => m[1]!.toLowerCase());
    expect(new Set(named)).toEqual(new Set(Object.keys(entry.placeholders ?? {})));
  });

  it('fits the manifest limits (name 75, description 132 characters)', () => {
    expect(en.ext_name.message.length).toBeLessThanOrEqual(75);
    expect(en.ext_description.message.length).toBeLessThanOrEqual(132);
  });
});

describe('t', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('falls back to English when the browser has no i18n (fakeBrowser)', () => {
    expect(t('card_close')).toBe('Close');
    expect(t('popup_enabled_on', 'example.com')).toBe('Enabled on example.com');
    expect(t('options_delay_hint', [150, 1500, 350])).toBe('From 150 to 1500 ms; the default is 350 ms.');
    expect(t('options_pack_rejected_other', ['pack.json', 3])).toBe('pack.json was not imported: 3 problems.');
    expect(uiLanguage()).toBe('en');
  });

  it("uses the browser's message and passes the substitutions as strings", () => {
    const get = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('Aktiv auf example.com');
    expect(t('popup_enabled_on', 'example.com')).toBe('Aktiv auf example.com');
    expect(t('options_delay_hint', [150, 1500, 350])).toBe('Aktiv auf example.com');
    expect(get.mock.calls).toEqual([
      ['popup_enabled_on', ['example.com']],
      ['options_delay_hint', ['150', '1500', '350']],
    ]);
  });

  it('falls back to English when the browser returns an empty string (unknown key or locale gap)', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    expect(t('popup_off_for', 'example.com')).toBe('Fact Cards is off for example.com');
  });
});

describe('formatMessage (Chrome substitution rules)', () => {
  const ph = { host: { content: '$1' }, Count: { content: '$2' }, fixed: { content: 'literal' } };
  it.each([
    ['On $HOST$', ['a.com'], 'On a.com'],
    ['On $host$, $COUNT$ times', ['a.com', '3'], 'On a.com, 3 times'],
    ['$2 before $1', ['a', 'b'], 'b before a'],
    ['missing: [$1]', [], 'missing: []'],
    ['A $FIXED$ placeholder', [], 'A literal placeholder'],
    ['Costs $$5', [], 'Costs $5'],
    ['Three $$$', [], 'Three $$'],
    ['Bad $x escape', [], 'Bad  escape'],
    ['trailing $', [], 'trailing '],
    ['not recursive: $1', ['$2'], 'not recursive: $2'],
  ])('%s', (message, subs, expected) => {
    expect(formatMessage({ message, placeholders: ph }, subs)).toBe(expected);
  });
});
