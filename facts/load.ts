/**
 * Reads every record under `facts/<type>/*.json` (Node only; used by the build, tests and scripts).
 * Fails on the first bad file with a FactError that names the file and the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkStore, type SourcedRecord } from './compile';
import { ENTITY_TYPES, FactError, validateRecord } from './schema';

export const FACTS_DIR = new URL('.', import.meta.url).pathname;

/** Loads, validates and cross-checks all records. `root` defaults to this folder. */
export function loadRecords(root: string = FACTS_DIR): SourcedRecord[] {
  const out: SourcedRecord[] = [];
  for (const type of ENTITY_TYPES) {
    const dir = join(root, type);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
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
  checkStore(out);
  return out;
}
