/**
 * User fact packs: a JSON file of fact records the user imports on the options page.
 * `validatePack` is the one gate a pack passes before it is stored; `compilePack` and `mergeIndexes` turn stored
 * packs into the same index and card bodies the built-in store compiles to. Pure: no browser, no DOM.
 *
 * File format: `{ "format": "fact-cards-pack", "version": 1, "name": "...", "records": [FactRecord, ...] }`,
 * each record in the fact-store schema (`facts/schema.ts`). Rules beyond the schema:
 * - ids and Wikipedia titles are unique within the pack and must not exist built in (or in another pack);
 * - a pack may not claim any alias key (name or alias) that a built-in entity uses: built-ins are reviewed,
 *   packs are not, so a pack cannot take over or blur a reviewed name. The one exception is the store's own
 *   rule: an alias marked `"rule": "surname"` may share a key that built-ins only use as a surname;
 * - `related` ids must exist in the pack or built in;
 * - at most `MAX_PACK_RECORDS` records and `MAX_PACK_BYTES` of JSON.
 */
import { aliasEntries, aliasKey, compileCards, compileIndex, RULE_CODE, type CompiledIndex } from './compile';
import { FactError, validateRecord, type FactRecord } from './schema';
import type { CardBody } from '../core/messages';
import { isObject, MARKUP_RE } from '../core/guards';

export const PACK_FORMAT = 'fact-cards-pack';
export const PACK_VERSION = 1;
/** 500 records is a generous topical pack; the cap keeps the merged matcher's start-up cost near the built-in one. */
export const MAX_PACK_RECORDS = 500;
/** 1 MB of JSON (UTF-8 bytes): ten packs stay well inside storage.local's 10 MB. */
export const MAX_PACK_BYTES = 1_000_000;
export const MAX_PACK_NAME = 80;
/** A pack with hundreds of mistakes needs the first screenful, not all of them. */
export const MAX_PACK_ERRORS = 50;

/** What a pack may not reuse, computed from the built-in index by `builtInKeys`. */
export interface BuiltInKeys {
  ids: Set<string>;
  /** Wikipedia titles as written. */
  titles: Set<string>;
  /** `aliasKey` of every built-in name and alias. */
  aliasKeys: Set<string>;
  /** Alias keys that built-ins use only with rule "surname" (a pack's surname alias may share these). */
  surnameKeys?: Set<string>;
  /** Alias key → the name of a built-in entity that claims it, for the error message. */
  aliasOwners?: Map<string, string>;
}

/** Another pack already installed, which a new pack must not collide with either. */
export interface InstalledPack {
  name: string;
  records: FactRecord[];
}

export type PackResult = { ok: true; pack: { name: string; records: FactRecord[] } } | { ok: false; errors: string[] };

const SURNAME_CODE = RULE_CODE.surname;

/** The ids, titles and alias keys of a compiled index (the built-in store's `virtual:fact-index`). */
export function builtInKeys(index: CompiledIndex): Required<BuiltInKeys> {
  const keys: Required<BuiltInKeys> = {
    ids: new Set(index.entities.map((e) => e[0])),
    titles: new Set(index.entities.map((e) => e[3])),
    aliasKeys: new Set(),
    surnameKeys: new Set(),
    aliasOwners: new Map(),
  };
  const notSurname = new Set<string>();
  for (const [text, entity, flags] of index.aliases) {
    const key = aliasKey(text);
    keys.aliasKeys.add(key);
    if (!keys.aliasOwners.has(key)) keys.aliasOwners.set(key, index.entities[entity]?.[1] ?? text);
    if ((flags & 3) !== SURNAME_CODE) notSurname.add(key);
  }
  for (const key of keys.aliasKeys) if (!notSurname.has(key)) keys.surnameKeys.add(key);
  return keys;
}

/** The label validateRecord puts before every message: "pack record 3 (khmeimim-air-base)". */
function recordLabel(raw: unknown, i: number): string {
  const id = isObject(raw) && typeof raw.id === 'string' && raw.id.length <= 80 ? ` (${raw.id})` : '';
  return `pack record ${i + 1}${id}`;
}

/** The top level of the file; returns the raw records or throws a message. */
function readEnvelope(text: string): { name: string; records: unknown[] } | string {
  // Checked before parsing: a huge file is refused without spending memory on it.
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_PACK_BYTES)
    return `The pack is ${(bytes / 1_000_000).toFixed(1)} MB; a pack may be at most ${MAX_PACK_BYTES / 1_000_000} MB of JSON`;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return `The file is not valid JSON (${(err as Error).message})`;
  }
  if (!isObject(raw)) return 'The file must contain a JSON object { format, version, name, records }';
  if (raw.format !== PACK_FORMAT) return `This is not a Fact Cards pack: "format" must be "${PACK_FORMAT}"`;
  if (raw.version !== PACK_VERSION)
    return `Pack version ${JSON.stringify(raw.version)} is not supported: "version" must be ${PACK_VERSION}`;
  const unknown = Object.keys(raw).find((k) => !['format', 'version', 'name', 'records'].includes(k));
  if (unknown !== undefined)
    return `The pack has an unknown key "${unknown}" (allowed: format, version, name, records)`;
  const name = raw.name;
  if (typeof name !== 'string' || name.trim() === '') return 'The pack\'s "name" must be a non-empty string';
  if (name.length > MAX_PACK_NAME) return `The pack's "name" must be at most ${MAX_PACK_NAME} characters`;
  if (MARKUP_RE.test(name)) return 'The pack\'s "name" must be plain text, not HTML';
  if (!Array.isArray(raw.records)) return 'The pack\'s "records" must be an array of fact records';
  if (raw.records.length === 0) return 'The pack has no records';
  if (raw.records.length > MAX_PACK_RECORDS)
    return `The pack has ${raw.records.length} records; a pack may have at most ${MAX_PACK_RECORDS}`;
  return { name: name.trim(), records: raw.records };
}

interface Claim {
  owner: string;
  rule: string;
  text: string;
}

/**
 * Validates a pack file's text against the schema, the built-in store and the packs already installed.
 * Every error names the record ("pack record 3 (some-id)") and the field; all records are checked, so one
 * import shows every problem (up to MAX_PACK_ERRORS).
 */
export function validatePack(text: string, builtIn: BuiltInKeys, installed: InstalledPack[] = []): PackResult {
  const envelope = readEnvelope(text);
  if (typeof envelope === 'string') return { ok: false, errors: [envelope] };

  const errors: string[] = [];
  const fail = (label: string, field: string, message: string) =>
    errors.push(new FactError(label, field, message).message);

  const valid: { record: FactRecord; label: string }[] = [];
  envelope.records.forEach((raw, i) => {
    const label = recordLabel(raw, i);
    try {
      valid.push({ record: validateRecord(raw, label), label });
    } catch (err) {
      if (!(err instanceof FactError)) throw err;
      errors.push(err.message);
    }
  });

  // What the new pack must not collide with: built-ins first, then every installed pack.
  const lower = (s: string) => s.toLowerCase();
  const builtInTitles = new Set([...builtIn.titles].map(lower));
  const otherIds = new Map<string, string>();
  const otherTitles = new Map<string, string>();
  const otherClaims = new Map<string, Claim>();
  for (const pack of installed) {
    for (const r of pack.records) {
      otherIds.set(r.id, pack.name);
      otherTitles.set(lower(r.wikipedia), pack.name);
      for (const e of aliasEntries(r))
        otherClaims.set(aliasKey(e.text), { owner: `pack "${pack.name}"`, rule: e.rule, text: e.text });
    }
  }

  const ids = new Map<string, string>();
  const titles = new Map<string, string>();
  for (const { record, label } of valid) {
    const prevId = ids.get(record.id);
    if (prevId) fail(label, 'id', `"${record.id}" is already used by ${prevId}`);
    else if (builtIn.ids.has(record.id)) fail(label, 'id', `"${record.id}" is already a built-in entity`);
    else if (otherIds.has(record.id))
      fail(label, 'id', `"${record.id}" is already used by the pack "${otherIds.get(record.id)}"`);
    ids.set(record.id, prevId ?? label);
    const title = lower(record.wikipedia);
    const prevTitle = titles.get(title);
    if (prevTitle) fail(label, 'wikipedia', `"${record.wikipedia}" is already used by ${prevTitle}`);
    else if (builtInTitles.has(title)) fail(label, 'wikipedia', `"${record.wikipedia}" is already a built-in entity`);
    else if (otherTitles.has(title))
      fail(label, 'wikipedia', `"${record.wikipedia}" is already used by the pack "${otherTitles.get(title)}"`);
    titles.set(title, prevTitle ?? label);
  }

  const claims = new Map<string, Claim>();
  const bothSurnames = (a: string, b: string) => a === 'surname' && b === 'surname';
  for (const { record, label } of valid) {
    record.related?.forEach((rid, i) => {
      if (rid === record.id) fail(label, `related[${i}]`, 'must not name the record itself');
      else if (!ids.has(rid) && !builtIn.ids.has(rid))
        fail(label, `related[${i}]`, `"${rid}" is not the id of a record in this pack or a built-in entity`);
    });
    for (const entry of aliasEntries(record)) {
      const key = aliasKey(entry.text);
      const field = entry.text === record.name ? 'name' : `aliases ("${entry.text}")`;
      if (key === '') {
        fail(label, field, 'has no letters or digits');
        continue;
      }
      if (builtIn.aliasKeys.has(key) && !(entry.rule === 'surname' && builtIn.surnameKeys?.has(key))) {
        const owner = builtIn.aliasOwners?.get(key);
        fail(
          label,
          field,
          `"${entry.text}" is already a name of the built-in entity${owner ? ` "${owner}"` : ''}; packs may not claim built-in names` +
            (builtIn.surnameKeys?.has(key) ? ' (it may be shared as rule "surname")' : ''),
        );
        continue;
      }
      const prev = claims.get(key) ?? otherClaims.get(key);
      if (prev && prev.owner !== label && !bothSurnames(prev.rule, entry.rule)) {
        fail(
          label,
          field,
          `"${entry.text}" is also claimed by ${prev.owner} ("${prev.text}"); mark both as rule "surname" or keep one`,
        );
        continue;
      }
      claims.set(key, { owner: label, rule: entry.rule, text: entry.text });
    }
  }

  if (errors.length > 0) {
    const shown = errors.slice(0, MAX_PACK_ERRORS);
    if (errors.length > shown.length) shown.push(`…and ${errors.length - shown.length} more errors`);
    return { ok: false, errors: shown };
  }
  return { ok: true, pack: { name: envelope.name, records: valid.map((v) => v.record) } };
}

/**
 * Compiles pack records as the build compiles the store. With `base` (the built-in index), related built-in
 * entities show their names on the card instead of their ids.
 */
export function compilePack(
  records: FactRecord[],
  base?: CompiledIndex,
): { index: CompiledIndex; cards: Record<string, CardBody> } {
  const cards = compileCards(records);
  if (base) {
    const names = new Map(base.entities.map((e) => [e[0], e[1]]));
    for (const card of Object.values(cards)) {
      card.related = card.related.map((r) =>
        r.name === r.id && names.has(r.id) ? { id: r.id, name: names.get(r.id)! } : r,
      );
    }
  }
  return { index: compileIndex(records), cards };
}

/** One index from several: entities are appended in order and each alias's entity number shifted to match. */
export function mergeIndexes(base: CompiledIndex, ...extras: CompiledIndex[]): CompiledIndex {
  const merged: CompiledIndex = {
    version: 1,
    entities: [...base.entities],
    aliases: [...base.aliases],
    related: [...(base.related ?? [])],
  };
  for (const extra of extras) {
    const offset = merged.entities.length;
    merged.entities.push(...extra.entities);
    for (const [text, entity, flags] of extra.aliases) merged.aliases.push([text, entity + offset, flags]);
    for (const [a, b] of extra.related ?? []) merged.related!.push([a + offset, b + offset]);
  }
  return merged;
}
