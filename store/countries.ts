/**
 * Countries and territories generated at build time from the `world-countries` package (mledoze/countries,
 * ODbL 1.0): capital, region, area, languages, currencies, neighbours, coordinates and native-script names.
 * A hand-written record for the same Wikipedia title wins; it only gains the generated facts it lacks.
 * Generated aliases that another record already claims are dropped (hand-written records win).
 */
import countries from 'world-countries';
import { aliasKey, aliasEntries, type SourcedRecord } from './compile';
import { idOf, wikipediaUrl } from './generated';
import type { AliasSpec, Fact, FactRecord } from './schema';

/** The package's release these facts hold as of (world-countries 5.1.0, published 2025-06-03). */
export const COUNTRY_DATA_AS_OF = '2025-06';
export const COUNTRY_DATA_SOURCE = 'https://github.com/mledoze/countries';
const FILE = 'facts/countries.ts (world-countries)';

/** Where the package's common name is not the English Wikipedia title. */
const TITLES: Record<string, string> = {
  ALA: 'Åland',
  BHS: 'The Bahamas',
  COD: 'Democratic Republic of the Congo',
  CZE: 'Czech Republic',
  FSM: 'Federated States of Micronesia',
  GEO: 'Georgia (country)',
  GMB: 'The Gambia',
  IRL: 'Republic of Ireland',
  MAF: 'Collectivity of Saint Martin',
  PSE: 'State of Palestine',
  SGS: 'South Georgia and the South Sandwich Islands',
  TLS: 'East Timor',
  TUR: 'Turkey',
};
/** Not a country or territory in the news sense. */
const SKIP = new Set(['ATA']);
/** Names that are also English words or first names: they link only where context says so. */
const AMBIGUOUS = new Set(['TCD', 'JOR', 'GEO', 'TUR', 'GIN', 'JEY', 'GGY', 'REU']);
/**
 * Alternative spellings the package lists that are not names of the country in English text: common words
 * ("Island" is Icelandic for Iceland, "Mann" the Manx name), demonyms and adjectives ("Thai", "Togolese",
 * "Mexicanos", "Portuguesa"), first names ("Dominique"), and names that mostly mean something else ("Congo" is
 * usually the other Congo; "Guiana" the region). Found by linking the 130-page corpus and reading every link.
 */
const NOT_ALIASES = new Set([
  'Island',
  'Mann',
  'Thai',
  'Togolese',
  'Mexicanos',
  'Portuguesa',
  'Dominique',
  'Congo',
  'Guiana',
]);
/**
 * Alternative names that are also surnames or first names ("Patrick Holland"), or also a region of another
 * country ("Macedonia" is a region of Greece as well as North Macedonia's old name): linked only where context
 * says so.
 */
const AMBIGUOUS_ALIASES = new Set(['Holland', 'Macedonia']);

const LATIN = /\p{Script=Latin}/u;

/** The Wikipedia title of a country or territory by its ISO 3166-1 alpha-2 code ("GE" → "Georgia (country)"). */
export function countryTitle(cca2: string): string | undefined {
  const c = countries.find((x) => x.cca2 === cca2);
  return c ? (TITLES[c.cca3] ?? c.name.common) : undefined;
}

/** Every generated record, before merging with the hand-written store. */
export function generatedCountries(): FactRecord[] {
  const byCode = new Map(countries.map((c) => [c.cca3, c]));
  const titleOf = (code: string) => {
    const c = byCode.get(code);
    return c ? (TITLES[code] ?? c.name.common) : undefined;
  };
  const out: FactRecord[] = [];
  for (const c of countries) {
    if (SKIP.has(c.cca3)) continue;
    const title = titleOf(c.cca3)!;
    const name = title.replace(/ \(country\)$/, '');
    const aliases: (string | AliasSpec)[] = [];
    if (AMBIGUOUS.has(c.cca3)) aliases.push({ text: name, rule: 'ambiguous' });
    const extra = new Set<string>([c.name.common, c.name.official]);
    for (const n of Object.values(c.name.native ?? {})) {
      for (const t of [n.common, n.official]) if (t && !LATIN.test(t)) extra.add(t);
    }
    // Alternative English spellings of several words or four letters and more; two-letter codes are not names.
    for (const s of c.altSpellings ?? [])
      if (s.length >= 4 && /^\p{Lu}/u.test(s) && !/^\p{Lu}+$/u.test(s)) extra.add(s);
    for (const t of extra) {
      if (t === name || t.trim() !== t || t.length > 120 || NOT_ALIASES.has(t)) continue;
      aliases.push(AMBIGUOUS_ALIASES.has(t) ? { text: t, rule: 'ambiguous' } : t);
    }

    const facts: Fact[] = [];
    const fact = (label: string, value: string | undefined) => {
      if (value) facts.push({ label, value, asOf: COUNTRY_DATA_AS_OF });
    };
    fact('Capital', c.capital?.join(', '));
    fact('Region', c.subregion || c.region);
    if (c.area > 0) fact('Area', `${Math.round(c.area).toLocaleString('en-US')} km²`);
    fact('Languages', Object.values(c.languages ?? {}).join(', '));
    fact(
      'Currency',
      Object.values(c.currencies ?? {})
        .map((x) => x.name)
        .join(', '),
    );
    fact(
      'Neighbours',
      (c.borders ?? [])
        .map((b) => titleOf(b)?.replace(/ \(country\)$/, ''))
        .filter(Boolean)
        .join(', '),
    );
    const kind = c.independent ? 'country' : 'territory';
    const where = c.subregion || c.region;
    const capital = c.capital?.[0];
    out.push({
      id: idOf(title),
      type: 'place',
      name,
      kind,
      wikipedia: title,
      summary: `${c.independent ? 'Sovereign state' : 'Territory'} in ${where}${capital ? `, with its capital at ${capital}` : ''}. Officially: ${c.name.official}.`,
      aliases,
      facts,
      sources: [wikipediaUrl(title), COUNTRY_DATA_SOURCE],
      related: (c.borders ?? [])
        .map((b) => titleOf(b))
        .filter((t): t is string => !!t)
        .map(idOf),
      coordinates: [c.latlng[0] ?? 0, c.latlng[1] ?? 0],
    });
  }
  return out;
}

/**
 * Merges generated countries into the hand-written store: new countries are added, hand-written ones gain the
 * generated facts (by label) and native names they lack. Aliases someone else claims are dropped. Related ids
 * that name nothing in the store are dropped.
 */
export function withCountries(curated: SourcedRecord[]): SourcedRecord[] {
  const byTitle = new Map(curated.map((s) => [s.record.wikipedia, s]));
  const claimed = new Map<string, string>();
  for (const { record } of curated) for (const a of aliasEntries(record)) claimed.set(aliasKey(a.text), record.id);
  const generated = generatedCountries();
  const out = [...curated];
  for (const g of generated) {
    const own = byTitle.get(g.wikipedia);
    const id = own?.record.id ?? g.id;
    const free = (text: string) => {
      const key = aliasKey(text);
      const holder = claimed.get(key);
      if (holder !== undefined && holder !== id) return false;
      claimed.set(key, id);
      return true;
    };
    if (own) {
      const r = own.record;
      // "Official language" and "Languages" say the same thing.
      const stem = (label: string) =>
        label
          .toLowerCase()
          .replace(/^official /, '')
          .replace(/s$/, '');
      const labels = new Set(r.facts.map((f) => stem(f.label)));
      const added = g.facts.filter((f) => !labels.has(stem(f.label)));
      const native = g.aliases.filter((a): a is string => typeof a === 'string' && !LATIN.test(a) && free(a));
      const merged: FactRecord = {
        ...r,
        aliases: [...r.aliases, ...native.filter((a) => !r.aliases.includes(a))],
        facts: [...r.facts, ...added],
        sources:
          added.length > 0 && !r.sources.includes(COUNTRY_DATA_SOURCE)
            ? [...r.sources, COUNTRY_DATA_SOURCE]
            : r.sources,
        coordinates: r.coordinates ?? g.coordinates,
      };
      out[out.indexOf(own)] = { record: merged, file: own.file };
      continue;
    }
    // Another record already has this id or this name: it stands for the same place under another title.
    if (curated.some((s) => s.record.id === g.id) || !free(g.name)) continue;
    g.aliases = g.aliases.filter((a) => typeof a !== 'string' || free(a));
    out.push({ record: g, file: FILE });
  }
  const final = new Set(out.map((s) => s.record.id));
  for (const s of out) {
    if (s.file === FILE) s.record.related = s.record.related?.filter((rid) => final.has(rid) && rid !== s.record.id);
  }
  return out;
}
