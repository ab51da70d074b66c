/**
 * The types every layer shares: entity and alias kinds, the record shape, and the compiled index the build
 * hands to the engine. Types and constants only.
 */
export const ENTITY_TYPES = ['person', 'place', 'organization', 'event'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * How an alias may link on its own.
 * - `name` (default): links wherever it appears with the right case.
 * - `surname`: links only when the page named this entity in full earlier ("Putin" after "Vladimir Putin"),
 *   and no other entity named earlier on the page claims the same surname.
 * - `prominent`: a surname with one prominent holder that is no common word or first name ("Putin", "Lavrov",
 *   "Zelensky"): links on its own; when the page named in full another entity claiming it, that one wins.
 * - `ambiguous`: also a common word or first name ("Jordan", "Georgia", "Chad", "Nice"); links only when the
 *   words around it do not make it part of another name ("Michael Jordan", "Jordan Peterson", "Atlanta, Georgia").
 */
export const ALIAS_RULES = ['name', 'surname', 'ambiguous', 'prominent'] as const;
export type AliasRule = (typeof ALIAS_RULES)[number];

export interface AliasSpec {
  text: string;
  rule?: AliasRule;
  /** `exact`: the case must match as written (acronyms such as "AFP" are exact automatically). */
  case?: 'exact';
}

export interface Fact {
  label: string;
  value: string;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) the fact holds as of. */
  asOf: string;
}

export interface FactRecord {
  id: string;
  type: EntityType;
  name: string;
  /** English Wikipedia title, the key outside tests use. */
  wikipedia: string;
  summary: string;
  aliases: (string | AliasSpec)[];
  facts: Fact[];
  sources: string[];
  related?: string[];
  /** [latitude, longitude] in degrees; required for places. */
  coordinates?: [number, number];
  /** Free-text kind shown under the name ("country", "city", "air base", "news agency"). */
  kind?: string;
}

/** Alias flags packed into one small integer. */
export const RULE_CODE: Record<AliasRule, number> = { name: 0, surname: 1, ambiguous: 2, prominent: 3 };
export const FLAG_EXACT = 4;

/**
 * The compiled index, small and flat so it loads fast: one row per entity and one per alias.
 * `entities[i] = [id, name, typeCode, wikipedia]`; `aliases[j] = [text, entityIndex, flags]`.
 */
export interface CompiledIndex {
  version: 1;
  entities: [string, string, number, string][];
  aliases: [string, number, number][];
  /** Pairs of related entities (both directions listed once, lower index first), for the coherence rule. */
  related?: [number, number][];
}

/**
 * Flag in an entity row's type code: a place in the United States. The linker needs it for "Moscow, Idaho"
 * (an American namesake, no link) against "Houston, Texas" (the city itself).
 */
export const IN_US = 8;
/** Flag in an entity row's type code: a sports team or club ("Serbia won 2-1" names the team, not the country). */
export const IS_TEAM = 16;
export const typeOfCode = (code: number): EntityType => ENTITY_TYPES[code & 7] ?? 'place';
