/**
 * First-level divisions generated at build time from `@countrystatecity/countries` (dr5hn's countries, states
 * and cities database, ODbL 1.0; credit to Darshan Gada and contributors): name, kind and coordinates. The
 * package mixes levels (France lists departments and regions) and gives no Wikipedia titles, so each country
 * below names the division types that are its first level and how English Wikipedia titles them; countries
 * not listed are not generated yet (README, "The fact store"). Pure apart from reading the package's files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AliasSpec, FactRecord } from './schema';
import { idOf, wikipediaUrl } from './generated';
import { isCommonWordOrFirstName } from './word-rules';

/** The package release the records hold as of (1.0.9, published 2026-08-10). */
export const DIVISIONS_AS_OF = '2026-08';
export const DIVISIONS_SOURCE = 'https://github.com/dr5hn/countries-states-cities-database';
export const DIVISIONS_FILE = 'store/divisions.ts (@countrystatecity/countries)';

interface Spec {
  /** The package's folder for the country. */
  folder: string;
  /** Wikipedia title of the country (its record's title). */
  country: string;
  /** The package's types that are the first level here. */
  types: string[];
  /** English name where the package writes another ("Hessen" → "Hesse"). */
  names?: Record<string, string>;
  /** How Wikipedia titles a division, from its English name; `titles` overrides it per name. */
  title?: (name: string) => string;
  titles?: Record<string, string>;
  /** Divisions left out: cities with records of their own (Berlin), or a title we could not settle. */
  skip?: string[];
  /** The bare name is also given as an alias when the title adds a word ("Aichi" for "Aichi Prefecture"). */
  bareAlias?: boolean;
}

const noMacrons = (s: string) => s.replace(/[āēīōū]/g, (c) => ({ ā: 'a', ē: 'e', ī: 'i', ō: 'o', ū: 'u' })[c]!);

const SPECS: Spec[] = [
  {
    folder: 'United_States-US',
    country: 'United States',
    types: ['state'],
    titles: { Georgia: 'Georgia (U.S. state)', Washington: 'Washington (state)', 'New York': 'New York (state)' },
  },
  { folder: 'Canada-CA', country: 'Canada', types: ['province', 'territory'] },
  {
    folder: 'Australia-AU',
    country: 'Australia',
    types: ['state', 'territory'],
    titles: { Victoria: 'Victoria (state)' },
  },
  {
    folder: 'India-IN',
    country: 'India',
    types: ['state', 'union territory'],
    titles: {
      Punjab: 'Punjab, India',
      'Jammu and Kashmir': 'Jammu and Kashmir (union territory)',
      Puducherry: 'Puducherry (union territory)',
    },
    skip: ['Delhi', 'Chandigarh'],
  },
  {
    folder: 'China-CN',
    country: 'China',
    types: ['province', 'autonomous region'],
    titles: { Tibet: 'Tibet Autonomous Region' },
    // Taiwan is a country record of its own; the package files it as a province.
    skip: ['Taiwan'],
  },
  {
    folder: 'Germany-DE',
    country: 'Germany',
    types: ['land'],
    names: { Hessen: 'Hesse' },
    titles: { Bremen: 'Bremen (state)' },
    skip: ['Berlin', 'Hamburg'],
  },
  {
    folder: 'Brazil-BR',
    country: 'Brazil',
    types: ['state', 'federal district'],
    names: { 'Distrito Federal': 'Federal District' },
    titles: {
      'São Paulo': 'São Paulo (state)',
      'Rio de Janeiro': 'Rio de Janeiro (state)',
      Amazonas: 'Amazonas (Brazilian state)',
      Paraná: 'Paraná (state)',
      Acre: 'Acre (state)',
      'Santa Catarina': 'Santa Catarina (state)',
      'Federal District': 'Federal District (Brazil)',
    },
  },
  {
    folder: 'Mexico-MX',
    country: 'Mexico',
    types: ['state'],
    names: {
      'Coahuila de Zaragoza': 'Coahuila',
      'Estado de México': 'State of Mexico',
      'Michoacán de Ocampo': 'Michoacán',
      'Veracruz de Ignacio de la Llave': 'Veracruz',
    },
    titles: { Chihuahua: 'Chihuahua (state)', Hidalgo: 'Hidalgo (state)' },
  },
  {
    folder: 'Japan-JP',
    country: 'Japan',
    types: ['prefecture'],
    names: { Hokkaidō: 'Hokkaido', Ōsaka: 'Osaka', Kyōto: 'Kyoto' },
    title: (n) => (n === 'Hokkaido' ? n : `${n} Prefecture`),
    skip: ['Tokyo'],
    bareAlias: true,
  },
  {
    folder: 'France-FR',
    country: 'France',
    types: ['metropolitan region'],
    names: {
      Bretagne: 'Brittany',
      Corse: 'Corsica',
      'Grand-Est': 'Grand Est',
      Normandie: 'Normandy',
      Occitanie: 'Occitania',
      'Pays-de-la-Loire': 'Pays de la Loire',
      'Provence-Alpes-Côte-d’Azur': "Provence-Alpes-Côte d'Azur",
    },
    titles: { Occitania: 'Occitania (administrative region)' },
  },
  {
    folder: 'Italy-IT',
    country: 'Italy',
    types: ['region', 'autonomous region'],
    names: { 'Friuli–Venezia Giulia': 'Friuli Venezia Giulia', 'Trentino-South Tyrol': 'Trentino-Alto Adige/Südtirol' },
  },
  {
    folder: 'Spain-ES',
    country: 'Spain',
    types: ['autonomous community'],
    names: {
      'Asturias, Principality of': 'Asturias',
      'Castile and Leon': 'Castile and León',
      'Castilla-La Mancha': 'Castilla–La Mancha',
      Estremadura: 'Extremadura',
    },
    titles: { Galicia: 'Galicia (Spain)', 'Basque Country': 'Basque Country (autonomous community)' },
    skip: ['La Rioja'],
  },
  {
    folder: 'Nigeria-NG',
    country: 'Nigeria',
    types: ['state'],
    title: (n) => `${n} State`,
  },
  {
    folder: 'Pakistan-PK',
    country: 'Pakistan',
    types: ['province', 'administered area'],
    titles: { Punjab: 'Punjab, Pakistan', Balochistan: 'Balochistan, Pakistan' },
  },
  {
    folder: 'South_Africa-ZA',
    country: 'South Africa',
    types: ['province'],
    titles: { 'North West': 'North West (South African province)', 'Free State': 'Free State (province)' },
  },
  {
    folder: 'Ukraine-UA',
    country: 'Ukraine',
    types: ['region'],
    names: {
      Cherkaska: 'Cherkasy Oblast',
      Chernihivska: 'Chernihiv Oblast',
      Chernivetska: 'Chernivtsi Oblast',
      Dnipropetrovska: 'Dnipropetrovsk Oblast',
      Donetska: 'Donetsk Oblast',
      'Ivano-Frankivska': 'Ivano-Frankivsk Oblast',
      Kharkivska: 'Kharkiv Oblast',
      Khersonska: 'Kherson Oblast',
      Khmelnytska: 'Khmelnytskyi Oblast',
      Kirovohradska: 'Kirovohrad Oblast',
      Kyivska: 'Kyiv Oblast',
      Luhanska: 'Luhansk Oblast',
      Lvivska: 'Lviv Oblast',
      Mykolaivska: 'Mykolaiv Oblast',
      Odeska: 'Odesa Oblast',
      Poltavska: 'Poltava Oblast',
      Rivnenska: 'Rivne Oblast',
      Sumska: 'Sumy Oblast',
      Ternopilska: 'Ternopil Oblast',
      Vinnytska: 'Vinnytsia Oblast',
      Volynska: 'Volyn Oblast',
      Zakarpatska: 'Zakarpattia Oblast',
      Zaporizka: 'Zaporizhzhia Oblast',
      Zhytomyrska: 'Zhytomyr Oblast',
    },
  },
  {
    folder: 'Egypt-EG',
    country: 'Egypt',
    types: ['governorate'],
    title: (n) => `${n} Governorate`,
  },
  {
    folder: 'Afghanistan-AF',
    country: 'Afghanistan',
    types: ['province'],
    names: { Ghōr: 'Ghor', 'Kunduz Province': 'Kunduz' },
    title: (n) => `${n} Province`,
  },
  {
    folder: 'Iraq-IQ',
    country: 'Iraq',
    types: ['governorate'],
    names: { 'Al Muthanna': 'Muthanna', Dohuk: 'Duhok' },
    title: (n) => `${n} Governorate`,
  },
];

/** The region words news adds to a division's name ("Kharkiv region", "Aichi prefecture" in lowercase prose). */
const REGION_WORD: Record<string, string> = { Oblast: 'region' };

function dataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@countrystatecity/countries')), 'data');
}

interface PackageDivision {
  name: string;
  type: string;
  iso3166_2?: string;
  latitude: string | null;
  longitude: string | null;
}

/** Every generated division, before merging with the store. */
export function generatedDivisions(countryIds: Map<string, string>): FactRecord[] {
  const dir = dataDir();
  const out: FactRecord[] = [];
  for (const spec of SPECS) {
    const file = join(dir, spec.folder, 'states.json');
    if (!existsSync(file)) throw new Error(`${DIVISIONS_FILE}: no ${spec.folder} in the package (it changed)`);
    const rows = JSON.parse(readFileSync(file, 'utf8')) as PackageDivision[];
    for (const row of rows) {
      if (!spec.types.includes(row.type)) continue;
      const name = spec.names?.[row.name] ?? row.name;
      if (spec.skip?.includes(name)) continue;
      const lat = Number(row.latitude);
      const lon = Number(row.longitude);
      if (!row.latitude || !row.longitude || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
      const title = spec.titles?.[name] ?? (spec.title ? spec.title(noMacrons(name)) : name);
      // A title with a qualifier ("Georgia (U.S. state)", "Victoria (state)") is also the name matched: the bare
      // name belongs to the country, the capital or the first name.
      const display = title;
      const aliases: (string | AliasSpec)[] = [];
      const bare = title.replace(/ (Prefecture|Province|Governorate|State|Oblast)$/, '');
      if (isCommonWordOrFirstName(display)) aliases.push({ text: display, rule: 'ambiguous' });
      if (spec.bareAlias && bare !== title)
        aliases.push(isCommonWordOrFirstName(bare) ? { text: bare, rule: 'ambiguous' } : bare);
      // News writes "Kharkiv region", "Lagos state", "Buenos Aires province" in prose, in either case.
      const suffix = / (Prefecture|Province|Governorate|State|Oblast)$/.exec(title)?.[1];
      if (suffix) {
        for (const word of new Set([suffix, REGION_WORD[suffix] ?? suffix])) {
          const lower = `${bare} ${word.toLowerCase()}`;
          const upper = `${bare} ${word[0]!.toUpperCase()}${word.slice(1)}`;
          for (const a of [lower, upper]) if (a !== title && !aliases.includes(a)) aliases.push(a);
        }
      }
      if (spec.country === 'United States' && title.endsWith('(state)'))
        aliases.push(`${bare.replace(/ \(state\)$/, '')} State`);
      const kind = row.type === 'land' ? 'state' : row.type;
      const countryId = countryIds.get(spec.country);
      out.push({
        id: idOf(title),
        type: 'place',
        name: display,
        kind,
        wikipedia: title,
        summary: `A ${kind} of ${spec.country}, one of its first-level divisions.`,
        aliases,
        facts: [
          { label: 'Country', value: spec.country, asOf: DIVISIONS_AS_OF },
          ...(row.iso3166_2 ? [{ label: 'ISO 3166-2 code', value: row.iso3166_2, asOf: DIVISIONS_AS_OF }] : []),
        ],
        sources: [wikipediaUrl(title), DIVISIONS_SOURCE],
        ...(countryId ? { related: [countryId] } : {}),
        coordinates: [Math.round(lat * 1e4) / 1e4, Math.round(lon * 1e4) / 1e4],
      });
    }
  }
  return out;
}

/** The folders the specs read, for the test that the package still has them. */
export const divisionFolders = (): string[] => {
  const dir = dataDir();
  return SPECS.map((s) => s.folder).filter((f) => readdirSync(dir).includes(f));
};
