/**
 * `npm run check:facts`: validates every record (schema and cross-record rules) without a build, lists every
 * problem (file and field), and prints the store's size by type. Exits non-zero when any record is bad.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkStore, type SourcedRecord } from '../store/compile';
import { withCountries } from '../store/countries';
import { FACTS_DIR, withGeneratedSets } from '../store/load';
import { ENTITY_TYPES, FactError, validateRecord } from '../store/schema';

const errors: string[] = [];
const sourced: SourcedRecord[] = [];
for (const type of ENTITY_TYPES) {
  const dir = join(FACTS_DIR, type);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const path = join(dir, name);
    const file = relative(join(FACTS_DIR, '..'), path);
    try {
      const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
      sourced.push({ record: validateRecord(raw, file, { id: name.slice(0, -5), type }), file });
    } catch (err) {
      errors.push(err instanceof FactError ? err.message : `${file}: is not valid JSON: ${(err as Error).message}`);
    }
  }
}
const all = withGeneratedSets(withCountries(sourced));
checkStore(all, (err) => errors.push(err.message));
const byType = new Map<string, number>();
for (const { record } of all) byType.set(record.type, (byType.get(record.type) ?? 0) + 1);
console.log(`${all.length} entities: ${[...byType].map(([t, n]) => `${n} ${t}`).join(', ')}`);
for (const e of errors) console.error(e);
if (errors.length > 0) {
  console.error(`${errors.length} problem(s)`);
  process.exit(1);
}
