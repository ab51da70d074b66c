/**
 * `npm run check:facts`: loads and validates every record (schema and cross-record rules) without a build,
 * and prints the store's size by type. Exits non-zero with the file and field of the first bad record.
 */
import { loadRecords } from '../facts/load';

try {
  const all = loadRecords();
  const byType = new Map<string, number>();
  for (const { record } of all) byType.set(record.type, (byType.get(record.type) ?? 0) + 1);
  console.log(`${all.length} entities: ${[...byType].map(([t, n]) => `${n} ${t}`).join(', ')}`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
