/**
 * The binary index: the matcher's typed arrays and the entity table, written once at build time into one
 * buffer (`fact-index.bin`) and read in a tab through views of that buffer. Opening it copies nothing and builds
 * nothing in proportion to the store: a tab holds the buffer's bytes, one small regex and the entities a page
 * names. See docs/adr/0002-index.md.
 *
 * Layout (little-endian): `u32 magic, u32 version, u32 sections`, then per section `u32 offset, u32 bytes`, then
 * the sections, each starting on a multiple of 4 bytes, in the order of `SECTIONS`.
 */
import { IN_US, IS_TEAM, typeOfCode, type EntityType } from './types';
import type { Dictionary, Matcher } from './matcher';

/** The index's file in the extension package (`modules/fact-store.ts` writes it, the content script fetches it). */
export const INDEX_FILE = 'fact-index.bin';
export const INDEX_MAGIC = 0x31494346; // "FCI1"
export const INDEX_VERSION = 1;

/** One entity as the page side needs it; decoded from the buffer only when a page names it. */
export interface EntityInfo {
  id: string;
  name: string;
  type: EntityType;
  wikipedia: string;
}

/** The entities of an index, read on demand. */
export interface EntityTable {
  readonly length: number;
  get(entity: number): EntityInfo;
  type(entity: number): EntityType;
  inUS(entity: number): boolean;
  isTeam(entity: number): boolean;
  /** The entities this one is related to (its record's `related`, and the records that name it there). */
  related(entity: number): ArrayLike<number>;
}

const SECTIONS = [
  'keyChars',
  'keyStart',
  'keyTable',
  'keyFlags',
  'one',
  'pairs',
  'pairTable',
  'wordStart',
  'flags',
  'entity',
  'shared',
  'wordKey',
  'wordForm',
  'wordGap',
  'formChars',
  'formStart',
  'formLower',
  'starts',
  'entityType',
  'entityText',
  'entityTextStart',
  'relatedStart',
  'related',
] as const;
type Section = (typeof SECTIONS)[number];

/** The rows of the entity table: id, display name, type code (with `IN_US`), English Wikipedia title. */
export type EntityRow = [id: string, name: string, typeCode: number, wikipedia: string];

/** Writes a packed matcher and its entity rows into one buffer. */
export function writeIndex(m: Matcher, entities: EntityRow[], relatedPairs: [number, number][] = []): Uint8Array {
  const utf8 = new TextEncoder();
  const texts: Uint8Array[] = [];
  const textStart = new Int32Array(entities.length * 3 + 1);
  let at = 0;
  entities.forEach(([id, name, , wikipedia], i) => {
    [id, name, wikipedia].forEach((s, k) => {
      const bytes = utf8.encode(s);
      textStart[i * 3 + k] = at;
      texts.push(bytes);
      at += bytes.length;
    });
  });
  textStart[entities.length * 3] = at;
  const entityText = new Uint8Array(at);
  let o = 0;
  for (const t of texts) {
    entityText.set(t, o);
    o += t.length;
  }
  const starts = Uint16Array.from(m.starts.source, (c) => c.charCodeAt(0));
  const { start: relatedStart, list: related } = adjacency(entities.length, relatedPairs);
  const parts: Record<Section, ArrayBufferView> = {
    keyChars: m.keys.chars,
    keyStart: m.keys.start,
    keyTable: m.keys.table,
    keyFlags: m.keyFlags,
    one: m.one,
    pairs: m.pairs,
    pairTable: m.pairTable,
    wordStart: m.wordStart,
    flags: m.flags,
    entity: m.entity,
    shared: m.shared,
    wordKey: m.wordKey,
    wordForm: m.wordForm,
    wordGap: m.wordGap,
    formChars: m.forms.chars,
    formStart: m.forms.start,
    formLower: m.formLower,
    starts,
    entityType: Uint8Array.from(entities, (e) => e[2]),
    entityText,
    entityTextStart: textStart,
    relatedStart,
    related,
  };
  const headerBytes = 12 + SECTIONS.length * 8;
  let size = headerBytes;
  const offsets = SECTIONS.map((name) => {
    size = align4(size);
    const off = size;
    size += parts[name].byteLength;
    return off;
  });
  const out = new Uint8Array(align4(size));
  const head = new DataView(out.buffer);
  head.setUint32(0, INDEX_MAGIC, true);
  head.setUint32(4, INDEX_VERSION, true);
  head.setUint32(8, SECTIONS.length, true);
  SECTIONS.forEach((name, i) => {
    const view = parts[name];
    head.setUint32(12 + i * 8, offsets[i]!, true);
    head.setUint32(16 + i * 8, view.byteLength, true);
    out.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), offsets[i]!);
  });
  return out;
}

const align4 = (n: number): number => (n + 3) & ~3;

/** Opens a buffer written by `writeIndex`: views only. Throws on a buffer of another format or version. */
export function openIndex(buffer: ArrayBuffer): { matcher: Matcher; entities: EntityTable } {
  const head = new DataView(buffer);
  if (buffer.byteLength < 12 || head.getUint32(0, true) !== INDEX_MAGIC)
    throw new Error('fact index: not a Fact Cards index');
  if (head.getUint32(4, true) !== INDEX_VERSION)
    throw new Error(`fact index: version ${head.getUint32(4, true)}, expected ${INDEX_VERSION}`);
  if (head.getUint32(8, true) !== SECTIONS.length) throw new Error('fact index: unexpected section count');
  const span = (name: Section): [number, number] => {
    const i = SECTIONS.indexOf(name);
    return [head.getUint32(12 + i * 8, true), head.getUint32(16 + i * 8, true)];
  };
  const i32 = (name: Section) => {
    const [off, bytes] = span(name);
    return new Int32Array(buffer, off, bytes / 4);
  };
  const u16 = (name: Section) => {
    const [off, bytes] = span(name);
    return new Uint16Array(buffer, off, bytes / 2);
  };
  const u8 = (name: Section) => {
    const [off, bytes] = span(name);
    return new Uint8Array(buffer, off, bytes);
  };
  const [gapOff, gapBytes] = span('wordGap');
  const keys: Dictionary = { chars: u16('keyChars'), start: i32('keyStart'), table: i32('keyTable') };
  const forms: Dictionary = { chars: u16('formChars'), start: i32('formStart'), table: new Int32Array(0) };
  const matcher: Matcher = {
    keys,
    keyFlags: u8('keyFlags'),
    one: i32('one'),
    pairs: i32('pairs'),
    pairTable: i32('pairTable'),
    wordStart: i32('wordStart'),
    flags: u8('flags'),
    entity: i32('entity'),
    shared: i32('shared'),
    wordKey: i32('wordKey'),
    wordForm: i32('wordForm'),
    wordGap: new Int8Array(buffer, gapOff, gapBytes),
    forms,
    formLower: u8('formLower'),
    starts: new RegExp(new TextDecoder('utf-16le').decode(u16('starts')), 'g'),
    foldCache: new Map(),
  };
  const entities = entityTable(u8('entityType'), u8('entityText'), i32('entityTextStart'));
  const relatedStart = i32('relatedStart');
  const related = i32('related');
  entities.related = (e) => related.subarray(relatedStart[e] ?? 0, relatedStart[e + 1] ?? 0);
  return { matcher, entities };
}

/** Entities a page names are decoded once and kept; the rest stay bytes in the buffer. */
function entityTable(
  types: Uint8Array,
  text: Uint8Array,
  start: Int32Array,
): EntityTable & { related: EntityTable['related'] } {
  const utf8 = new TextDecoder();
  const decoded = new Map<number, EntityInfo>();
  const str = (k: number) => utf8.decode(text.subarray(start[k]!, start[k + 1]!));
  return {
    length: types.length,
    get(e) {
      let info = decoded.get(e);
      if (!info) {
        if (!(e >= 0 && e < types.length)) throw new RangeError(`no entity ${e}`);
        info = { id: str(e * 3), name: str(e * 3 + 1), type: typeOfCode(types[e]!), wikipedia: str(e * 3 + 2) };
        decoded.set(e, info);
      }
      return info;
    },
    type: (e) => typeOfCode(types[e] ?? 0),
    inUS: (e) => ((types[e] ?? 0) & IN_US) !== 0,
    isTeam: (e) => ((types[e] ?? 0) & IS_TEAM) !== 0,
    related: () => [],
  };
}

/** Both directions of every pair as one list per entity: `list[start[e] .. start[e + 1]]`. */
export function adjacency(n: number, pairs: [number, number][]): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(n + 1);
  for (const [a, b] of pairs) {
    start[a + 1]!++;
    start[b + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const list = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  for (const [a, b] of pairs) {
    list[fill[a]!++] = b;
    list[fill[b]!++] = a;
  }
  return { start, list };
}

/** An entity table over rows already in memory (fact packs, tests). */
export function rowTable(rows: EntityRow[], pairs: [number, number][] = []): EntityTable {
  const { start, list } = adjacency(rows.length, pairs);
  const infos = rows.map(([id, name, type, wikipedia]) => ({ id, name, type: typeOfCode(type), wikipedia }));
  return {
    length: infos.length,
    get(e) {
      const info = infos[e];
      if (!info) throw new RangeError(`no entity ${e}`);
      return info;
    },
    type: (e) => infos[e]?.type ?? 'place',
    inUS: (e) => ((rows[e]?.[2] ?? 0) & IN_US) !== 0,
    isTeam: (e) => ((rows[e]?.[2] ?? 0) & IS_TEAM) !== 0,
    related: (e) => list.subarray(start[e] ?? 0, start[e + 1] ?? 0),
  };
}
