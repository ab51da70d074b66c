/**
 * The fact-record schema: one JSON file per entity under `facts/<type>/<id>.json` (the types are in
 * `engine/types.ts`). Pure: no Node, no DOM. `validateRecord` is the single gate every record passes at build time.
 */
import {
  ALIAS_RULES,
  ENTITY_TYPES,
  type AliasRule,
  type AliasSpec,
  type EntityType,
  type Fact,
  type FactRecord,
} from '../engine/types';
import { isObject, MARKUP_RE } from '../core/guards';

export { ALIAS_RULES, ENTITY_TYPES, type AliasRule, type AliasSpec, type EntityType, type Fact, type FactRecord };

export class FactError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    message: string,
  ) {
    super(`${file}: field "${field}": ${message}`);
    this.name = 'FactError';
  }
}

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_RE = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
const KNOWN_FIELDS = new Set([
  'id',
  'type',
  'name',
  'wikipedia',
  'summary',
  'aliases',
  'facts',
  'sources',
  'related',
  'coordinates',
  'kind',
]);

function text(file: string, field: string, v: unknown, max: number): string {
  if (typeof v !== 'string' || v.trim() === '') throw new FactError(file, field, 'must be a non-empty string');
  if (v !== v.trim()) throw new FactError(file, field, 'must not start or end with spaces');
  if (v.length > max) throw new FactError(file, field, `must be at most ${max} characters (has ${v.length})`);
  if (MARKUP_RE.test(v)) throw new FactError(file, field, 'must be plain text, not HTML');
  return v;
}

/**
 * Checks one parsed record and returns it typed. Throws a `FactError` naming the file and the first bad field.
 * `expectedId` / `expectedType` come from the file's path, so a record cannot drift from its location.
 */
export function validateRecord(raw: unknown, file: string, expected: { id?: string; type?: string } = {}): FactRecord {
  if (!isObject(raw)) throw new FactError(file, '(root)', 'must be a JSON object');
  for (const key of Object.keys(raw)) {
    if (!KNOWN_FIELDS.has(key)) throw new FactError(file, key, 'is not a known field');
  }
  const id = text(file, 'id', raw.id, 80);
  if (!ID_RE.test(id)) throw new FactError(file, 'id', 'must be lowercase words joined by hyphens');
  if (expected.id !== undefined && id !== expected.id)
    throw new FactError(file, 'id', `must equal the file name "${expected.id}"`);
  const type = raw.type;
  if (typeof type !== 'string' || !(ENTITY_TYPES as readonly string[]).includes(type))
    throw new FactError(file, 'type', `must be one of ${ENTITY_TYPES.join(', ')}`);
  if (expected.type !== undefined && type !== expected.type)
    throw new FactError(file, 'type', `must equal the folder name "${expected.type}"`);
  const name = text(file, 'name', raw.name, 120);
  const wikipedia = text(file, 'wikipedia', raw.wikipedia, 200);
  if (wikipedia.includes('_')) throw new FactError(file, 'wikipedia', 'must be the title with spaces, not underscores');
  const summary = text(file, 'summary', raw.summary, 600);

  if (!Array.isArray(raw.aliases)) throw new FactError(file, 'aliases', 'must be an array');
  const aliases: (string | AliasSpec)[] = raw.aliases.map((a, i) => {
    const field = `aliases[${i}]`;
    if (typeof a === 'string') return text(file, field, a, 120);
    if (!isObject(a)) throw new FactError(file, field, 'must be a string or { text, rule?, case? }');
    for (const key of Object.keys(a)) {
      if (!['text', 'rule', 'case'].includes(key)) throw new FactError(file, `${field}.${key}`, 'is not a known field');
    }
    const spec: AliasSpec = { text: text(file, `${field}.text`, a.text, 120) };
    if (a.rule !== undefined) {
      if (typeof a.rule !== 'string' || !(ALIAS_RULES as readonly string[]).includes(a.rule))
        throw new FactError(file, `${field}.rule`, `must be one of ${ALIAS_RULES.join(', ')}`);
      spec.rule = a.rule as AliasRule;
    }
    if (a.case !== undefined) {
      if (a.case !== 'exact') throw new FactError(file, `${field}.case`, 'must be "exact" when present');
      spec.case = 'exact';
    }
    return spec;
  });

  if (!Array.isArray(raw.facts)) throw new FactError(file, 'facts', 'must be an array');
  const facts: Fact[] = raw.facts.map((f, i) => {
    const field = `facts[${i}]`;
    if (!isObject(f)) throw new FactError(file, field, 'must be an object { label, value, asOf }');
    for (const key of Object.keys(f)) {
      if (!['label', 'value', 'asOf'].includes(key))
        throw new FactError(file, `${field}.${key}`, 'is not a known field');
    }
    const asOf = text(file, `${field}.asOf`, f.asOf, 10);
    if (!DATE_RE.test(asOf)) throw new FactError(file, `${field}.asOf`, 'must be a date YYYY, YYYY-MM or YYYY-MM-DD');
    return {
      label: text(file, `${field}.label`, f.label, 60),
      value: text(file, `${field}.value`, f.value, 300),
      asOf,
    };
  });

  if (!Array.isArray(raw.sources) || raw.sources.length === 0)
    throw new FactError(file, 'sources', 'must be a non-empty array of URLs');
  const sources = raw.sources.map((s, i) => {
    const field = `sources[${i}]`;
    const url = text(file, field, s, 500);
    if (!/^https:\/\/[^\s]+$/.test(url)) throw new FactError(file, field, 'must be an https URL');
    return url;
  });

  const record: FactRecord = { id, type: type as EntityType, name, wikipedia, summary, aliases, facts, sources };
  if (raw.related !== undefined) {
    if (!Array.isArray(raw.related)) throw new FactError(file, 'related', 'must be an array of entity ids');
    record.related = raw.related.map((r, i) => {
      const rid = text(file, `related[${i}]`, r, 80);
      if (!ID_RE.test(rid)) throw new FactError(file, `related[${i}]`, 'must be an entity id');
      return rid;
    });
  }
  if (raw.coordinates !== undefined) {
    const c = raw.coordinates;
    if (
      !Array.isArray(c) ||
      c.length !== 2 ||
      typeof c[0] !== 'number' ||
      typeof c[1] !== 'number' ||
      Math.abs(c[0]) > 90 ||
      Math.abs(c[1]) > 180
    )
      throw new FactError(file, 'coordinates', 'must be [latitude, longitude] in degrees');
    record.coordinates = [c[0], c[1]];
  } else if (type === 'place') {
    throw new FactError(file, 'coordinates', 'is required for places');
  }
  if (raw.kind !== undefined) record.kind = text(file, 'kind', raw.kind, 60);
  return record;
}
