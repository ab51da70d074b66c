/**
 * Reads every record under `facts/<type>/*.json` (Node only; used by the build, tests and scripts).
 * Fails on the first bad file with a FactError that names the file and the field.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { checkStore, type SourcedRecord } from './compile';
import { withCountries } from './countries';
import { ENTITY_TYPES, FactError, validateRecord } from './schema';

// Not `new URL('.', import.meta.url)`: Vite rewrites that pattern into an asset URL.
export const FACTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../facts');

/** Loads, validates and cross-checks all records. `root` defaults to this folder. */
export function loadRecords(root: string = FACTS_DIR): SourcedRecord[] {
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
  const all = withCountries(out);
  checkStore(all);
  return all;
}
