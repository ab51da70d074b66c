/**
 * Turns validated fact records into what ships: a compact matching index for the content script and card
 * bodies for the background and popup. Pure; `facts/load.ts` reads the files, `facts/vite-plugin.ts` wires it
 * into the build. Every cross-record rule (unique ids and titles, known related ids, alias collisions) lives here.
 */
import type { CardBody } from '../core/messages';
import { ENTITY_TYPES, FactError, type AliasRule, type FactRecord } from './schema';
import { FLAG_EXACT, IN_US, IS_TEAM, RULE_CODE, type CompiledIndex } from '../engine/types';

export { FLAG_EXACT, IN_US, RULE_CODE, typeOfCode, type CompiledIndex } from '../engine/types';
import { foldWord, isAllUpper, stripMarks, words } from '../engine/text';

export interface SourcedRecord {
  record: FactRecord;
  file: string;
}

interface AliasEntry {
  text: string;
  rule: AliasRule;
  exact: boolean;
}

/** An acronym ("AFP", "HTS", "UN") must match with its case as written: "un" is a word, not the UN. */
const looksLikeAcronym = (text: string): boolean => !text.includes(' ') && text.length <= 6 && isAllUpper(text);

/** Words that many parties and bodies share: a name made only of them ("Conservative Party") names no one party. */
const GENERIC = new Set(
  (
    'the of and for party democratic democrats conservative conservatives labour labor liberal liberals socialist ' +
    "socialists social green greens people’s people's popular national centre center progress progressive republican " +
    'republicans christian union alliance front movement freedom reform unity left right new workers communist ' +
    'independence senate house assembly parliament congress council court supreme federal ministry department'
  ).split(' '),
);
const genericName = (text: string): boolean => {
  const ws = text.toLowerCase().split(/\s+/);
  return ws.length > 0 && ws.every((w) => GENERIC.has(w)) && ws.some((w) => w !== 'the');
};

/** The record's aliases with the name first; an alias object repeating the name overrides the name's rule. */
export function aliasEntries(record: FactRecord): AliasEntry[] {
  const byText = new Map<string, AliasEntry>();
  const add = (text: string, rule: AliasRule, exact: boolean) =>
    byText.set(text, {
      text,
      rule: rule === 'name' && record.type === 'organization' && genericName(text) ? 'ambiguous' : rule,
      exact: exact || looksLikeAcronym(text),
    });
  add(record.name, 'name', false);
  for (const a of record.aliases) {
    if (typeof a === 'string') add(a, 'name', false);
    else add(a.text, a.rule ?? 'name', a.case === 'exact');
  }
  return [...byText.values()];
}

/** The look-up key of a whole alias: its folded words joined by single spaces. */
export function aliasKey(text: string): string {
  return words(text)
    .map((w) => foldWord(text.slice(w.start, w.end)))
    .join(' ');
}

const isSurnameRule = (rule: AliasRule | undefined): boolean => rule === 'surname' || rule === 'prominent';

/** Checks the rules that span records. Throws a FactError naming the file and field. */
export function checkStore(
  sourced: SourcedRecord[],
  report: (err: FactError) => void = (err) => {
    throw err;
  },
): void {
  const ids = new Map<string, string>();
  const titles = new Map<string, string>();
  for (const { record, file } of sourced) {
    const prevId = ids.get(record.id);
    if (prevId) report(new FactError(file, 'id', `"${record.id}" is already used by ${prevId}`));
    ids.set(record.id, file);
    const prevTitle = titles.get(record.wikipedia);
    if (prevTitle) report(new FactError(file, 'wikipedia', `"${record.wikipedia}" is already used by ${prevTitle}`));
    titles.set(record.wikipedia, file);
  }
  // Two entities may share an alias only when both mark it as a surname: the linker then picks the one the
  // page named in full. Any other shared alias would make a link a coin toss, so the build refuses it.
  const claims = new Map<string, { file: string; rule: AliasRule; text: string; place: boolean }>();
  for (const { record, file } of sourced) {
    record.related?.forEach((rid, i) => {
      if (!ids.has(rid)) report(new FactError(file, `related[${i}]`, `"${rid}" is not the id of any record`));
      if (rid === record.id) report(new FactError(file, `related[${i}]`, 'must not name the record itself'));
    });
    for (const entry of aliasEntries(record)) {
      const key = aliasKey(entry.text);
      const field = entry.text === record.name ? 'name' : `aliases ("${entry.text}")`;
      if (key === '') report(new FactError(file, field, 'has no letters or digits'));
      const prev = claims.get(key);
      const surnames = isSurnameRule(prev?.rule) && isSurnameRule(entry.rule);
      // Two places may share an ambiguous name ("Georgia" the country and the US state): the linker picks the one
      // the page's context points to.
      const homonyms = prev?.rule === 'ambiguous' && entry.rule === 'ambiguous';
      // A person's surname may also be a place's name ("Mary Sheffield", "Sheffield"): the linker tries the
      // surname first and falls back to the place.
      const surnameAndPlace =
        prev !== undefined &&
        isSurnameRule(prev.rule) !== isSurnameRule(entry.rule) &&
        (isSurnameRule(prev.rule) ? record.type === 'place' : prev.place);
      if (prev && prev.file !== file && !surnames && !homonyms && !surnameAndPlace) {
        report(
          new FactError(
            file,
            field,
            `"${entry.text}" is also claimed by ${prev.file} ("${prev.text}"); mark both as rule "surname" (or both "ambiguous") or keep one`,
          ),
        );
      }
      if (prev && prev.file !== file && prev.rule === 'prominent' && entry.rule === 'prominent') {
        report(
          new FactError(
            file,
            field,
            `"${entry.text}" is marked "prominent" by ${prev.file} too; a surname has at most one prominent holder`,
          ),
        );
      }
      if (prev?.rule === 'prominent') continue;
      if (!(prev && isSurnameRule(prev.rule) && !isSurnameRule(entry.rule)))
        claims.set(key, { file, rule: entry.rule, text: entry.text, place: record.type === 'place' });
    }
  }
}

/** Builds the content-script index. Records are sorted by id so the output is stable. */
export function compileIndex(records: FactRecord[]): CompiledIndex {
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : 1));
  const usPlace = (r: FactRecord) =>
    r.id === 'united-states' ||
    (r.type === 'place' && r.facts.some((f) => f.label === 'Country' && f.value === 'United States'));
  const usPlaces = new Set(sorted.filter(usPlace).map((r) => r.id));
  // People and bodies of the United States count for its context too ("Senator Jon Ossoff" → Georgia the state).
  const inUS = (r: FactRecord) =>
    usPlaces.has(r.id) || (r.type !== 'place' && (r.related ?? []).some((id) => usPlaces.has(id)));
  const teamNames = sorted.filter((r) => r.type === 'organization' && /\b(?:team|club)\b/i.test(r.kind ?? ''));
  const index: CompiledIndex = { version: 1, entities: [], aliases: [] };
  sorted.forEach((record, i) => {
    const us = inUS(record);
    const team = record.type === 'organization' && /\b(?:team|club)\b/i.test(record.kind ?? '');
    index.entities.push([
      record.id,
      record.name,
      ENTITY_TYPES.indexOf(record.type) | (us ? IN_US : 0) | (team ? IS_TEAM : 0),
      record.wikipedia,
    ]);
    for (const entry of aliasEntries(record)) {
      index.aliases.push([entry.text, i, RULE_CODE[entry.rule] | (entry.exact ? FLAG_EXACT : 0)]);
    }
  });
  // Related records, as pairs of entity numbers: a relation is a relation both ways for the linker.
  const at = new Map(sorted.map((r, i) => [r.id, i]));
  const pairs = new Set<string>();
  const relate = (i: number, j: number | undefined) => {
    if (j !== undefined && j !== i) pairs.add(i < j ? `${i} ${j}` : `${j} ${i}`);
  };
  sorted.forEach((r, i) => {
    for (const rid of r.related ?? []) relate(i, at.get(rid));
  });
  // A team is related to the place its name carries ("Serbia national football team", "FC Barcelona"), written
  // in its record or not: the linker's sports rule needs it.
  const placeByName = new Map(sorted.filter((r) => r.type === 'place').map((r) => [aliasKey(r.name), r.id]));
  for (const team of teamNames) {
    const ws = aliasKey(team.name).split(' ');
    for (let a = 0; a < ws.length; a++)
      for (let b = a + 1; b <= Math.min(ws.length, a + 4); b++)
        relate(at.get(team.id)!, at.get(placeByName.get(ws.slice(a, b).join(' ')) ?? ''));
  }
  index.related = [...pairs]
    .map((p) => p.split(' ').map(Number) as [number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return index;
}

/** Builds every card body, keyed by id. Surname-only aliases and mere spelling-without-accents are not shown. */
export function compileCards(records: FactRecord[]): Record<string, CardBody> {
  const names = new Map(records.map((r) => [r.id, r.name]));
  const cards: Record<string, CardBody> = {};
  for (const r of [...records].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const shown = new Set([stripMarks(r.name)]);
    const aliases: string[] = [];
    for (const entry of aliasEntries(r)) {
      if (isSurnameRule(entry.rule) || shown.has(stripMarks(entry.text))) continue;
      shown.add(stripMarks(entry.text));
      aliases.push(entry.text);
    }
    const card: CardBody = {
      id: r.id,
      name: r.name,
      type: r.type,
      wikipedia: r.wikipedia,
      summary: r.summary,
      aliases,
      facts: r.facts,
      sources: r.sources,
      related: (r.related ?? []).map((id) => ({ id, name: names.get(id) ?? id })),
    };
    if (r.kind) card.kind = r.kind;
    if (r.coordinates) card.coordinates = r.coordinates;
    cards[r.id] = card;
  }
  return cards;
}
