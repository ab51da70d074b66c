/**
 * Reads every record under `facts/<type>/*.json` (Node only; used by the build, tests and scripts).
 * Fails on the first bad file with a FactError that names the file and the field.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { checkStore, type SourcedRecord } from './compile';
import { withCountries } from './countries';
import { CITIES_FILE, generatedCities, townNames } from './cities';
import { DIVISIONS_FILE, generatedDivisions } from './divisions';
import { withClubShortNames, withGenerated } from './generated';
import { isCommonWordOrFirstName } from './word-rules';
import { ENTITY_TYPES, FactError, validateRecord, type FactRecord } from './schema';

// Not `new URL('.', import.meta.url)`: Vite rewrites that pattern into an asset URL.
export const FACTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../facts');

let cache: { key: string; records: SourcedRecord[] } | undefined;

/** Loads, validates and cross-checks all records. `root` defaults to this folder. */
export function loadRecords(root: string = FACTS_DIR): SourcedRecord[] {
  // Tests and tools load the store many times in one process: reuse it while no file under `root` changed.
  const key = signature(root);
  if (cache?.key === key) return cache.records.map((s) => ({ record: structuredClone(s.record), file: s.file }));
  const records = loadFresh(root);
  cache = { key, records };
  return records.map((s) => ({ record: structuredClone(s.record), file: s.file }));
}

/** Root, file names, sizes and modification times: changes whenever a record is added, removed or edited. */
function signature(root: string): string {
  if (!existsSync(root)) return `${root}|missing`;
  let sig = root;
  for (const type of ENTITY_TYPES) {
    const dir = join(root, type);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const st = statSync(join(dir, name));
      sig += `|${type}/${name}:${st.size}:${st.mtimeMs}`;
    }
  }
  return sig;
}

function loadFresh(root: string): SourcedRecord[] {
  const out: SourcedRecord[] = [];
  for (const type of ENTITY_TYPES) {
    const dir = join(root, type);
    // A missing folder is an empty type; a missing root is an error, not an empty store.
    if (!existsSync(dir)) {
      if (!existsSync(root)) throw new FactError(root, '(root)', 'fact store folder not found');
      continue;
    }
    const names = readdirSync(dir);
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const path = join(dir, name);
      const file = relative(join(root, '..'), path);
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(path, 'utf8'));
      } catch (err) {
        throw new FactError(file, '(root)', `is not valid JSON: ${(err as Error).message}`);
      }
      out.push({ record: validateRecord(raw, file, { id: name.slice(0, -5), type }), file });
    }
  }
  const all = withGeneratedSets(withCountries(out), root);
  checkStore(all);
  return all;
}

let generatedCache: { key: string; records: SourcedRecord[] } | undefined;

/**
 * Adds the sets generated from data packages (first-level divisions, cities of 100,000 or more) to a store that
 * already has its countries; hand-written records win. Each generated record passes the schema like a file.
 */
export function withGeneratedSets(store: SourcedRecord[], root: string = FACTS_DIR): SourcedRecord[] {
  const countryIds = new Map(store.map((s) => [s.record.wikipedia, s.record.id]));
  const key = `${root}|${store.length}`;
  if (generatedCache?.key !== key) {
    const checklist = join(root, 'checklists/million-cities.tsv');
    const covered = new Set(
      existsSync(checklist)
        ? readFileSync(checklist, 'utf8')
            .split('\n')
            .map((l) => Number(l.split('\t')[0]))
            .filter((n) => Number.isInteger(n) && n > 0)
        : [],
    );
    const tag = (file: string) => (record: FactRecord) => ({ record: validateRecord(record, file), file });
    generatedCache = {
      key,
      records: [
        ...generatedDivisions(countryIds).map(tag(DIVISIONS_FILE)),
        ...generatedCities(countryIds, covered).map(tag(CITIES_FILE)),
      ],
    };
  }
  // A club's short name that is also a town ("Aberdeen", "Wrexham") stays the town's, even where the store has
  // no record of it yet.
  const towns = townNames();
  return withClubShortNames(withGenerated(store, generatedCache.records), (n) => isCommonWordOrFirstName(n), towns);
}
