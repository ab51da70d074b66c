/**
 * What every generated set shares: ids and Wikipedia URLs from titles, and the merge into the hand-written
 * store (hand-written records win: a generated record whose title, id or name is already taken is dropped, and
 * so is a generated alias another record claims).
 */
import { aliasEntries, aliasKey, type SourcedRecord } from './compile';
import type { FactRecord } from './schema';

/** The id the store derives from a Wikipedia title: lowercase ASCII words joined by hyphens. */
export const idOf = (title: string): string =>
  title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[()]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export const wikipediaUrl = (title: string): string =>
  `https://en.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}`;

/** Adds generated records (each tagged with the source it names as its file) where they take nothing taken. */
export function withGenerated(
  store: SourcedRecord[],
  generated: { record: FactRecord; file: string }[],
): SourcedRecord[] {
  const titles = new Set(store.map((s) => s.record.wikipedia));
  const ids = new Set(store.map((s) => s.record.id));
  const claimed = new Set<string>();
  for (const { record } of store) for (const a of aliasEntries(record)) claimed.add(aliasKey(a.text));
  const out = [...store];
  const added: SourcedRecord[] = [];
  for (const g of generated) {
    const r = g.record;
    if (titles.has(r.wikipedia) || ids.has(r.id) || claimed.has(aliasKey(r.name))) continue;
    const aliases = r.aliases.filter((a) => !claimed.has(aliasKey(typeof a === 'string' ? a : a.text)));
    const record: FactRecord = { ...r, aliases };
    for (const a of aliasEntries(record)) claimed.add(aliasKey(a.text));
    titles.add(r.wikipedia);
    ids.add(r.id);
    added.push({ record, file: g.file });
  }
  out.push(...added);
  const final = new Set(out.map((s) => s.record.id));
  for (const s of added) s.record.related = s.record.related?.filter((rid) => final.has(rid) && rid !== s.record.id);
  return out;
}
