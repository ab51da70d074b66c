/**
 * `link(text, mentions, state, context)`: decides which matched mentions become links, by the rules a careful
 * editor uses (docs/adr/0005-linking.md is the one place they are written out in full).
 * - A surname links only when the page named exactly one of its claimants in full earlier ("Putin" after
 *   "Vladimir Putin"; "Assad" after "Bashar al-Assad", but not when Hafez al-Assad was also named), or when an
 *   office title stands before it and the store knows one holder ("Foreign Minister Lavrov").
 * - A prominent surname (one prominent holder, no common word) links alone; a claimant the page named in full wins.
 * - An acronym followed by a capitalised word that is no title is part of a longer name ("US Open",
 *   "UK Independence Party"), not the country.
 * - An ambiguous word also links at the start of a sentence when the page names an entity related to it
 *   ("Turkey closed its border …, officials in Ankara said").
 * - An ambiguous word opening a sentence links only when the page (or this text) names that entity otherwise.
 * - Surnames and ambiguous words ("Jordan", "Georgia", "Paris") do not link when a capitalised word beside them
 *   makes them part of a name we do not know ("Michael Jordan", "Jordan Peterson", "Novak Djokovic"), or in
 *   "Place, Georgia" when the place before the comma is not one we know, or after "state of" ("the state of Georgia").
 * - A place outside the United States followed by ", <US state>" is an American namesake ("Moscow, Idaho").
 * Pure: `state` carries what the page has named so far, in page order.
 */
import type { Mention } from './matcher';
import { gapClass, startsUpper } from './text';
import {
  OPENERS,
  TITLES,
  OFFICE_TITLES,
  wordBefore,
  wordAfter,
  atSentenceStart,
  US_STATE_AFTER,
  STATE_OF,
  closesWithStop,
  ACRONYM,
  joinsName,
  dateline,
  insideLongerName,
  sportsContext,
  isAllUpperWord,
} from './link-context';

export { OPENERS } from './link-context';

export interface LinkState {
  /** Entities named in full so far on this page. */
  named: Set<number>;
  /** Entities linked so far on this page, by any alias. */
  seen: Set<number>;
}

export interface Link {
  start: number;
  end: number;
  entity: number;
  text: string;
}

export const newLinkState = (): LinkState => ({ named: new Set(), seen: new Set() });

/**
 * The teams named after a place ("Serbia national football team", "FC Barcelona"): related teams whose name
 * carries the place's name. -1 for none, -2 for several (then the name alone cannot say which).
 */
function teamOf(place: number, ctx: LinkContext): number {
  const rel = ctx.related(place);
  const name = ctx.name(place);
  let found = -1;
  for (let i = 0; i < rel.length; i++) {
    const e = rel[i]!;
    if (!ctx.isTeam(e) || !ctx.name(e).includes(name)) continue;
    if (found !== -1) return -2;
    found = e;
  }
  return found;
}

/** "in Munich", "the streets of Amman": a place word after a preposition of place is the place, not its team. */
const LOCATIVE = new Set(
  'in at near outside from to into across around of throughout within toward towards via'.split(' '),
);

/** What the linker may ask about an entity. */
export interface LinkContext {
  /** A place (for the "Atlanta, Georgia" rule). */
  isPlace(entity: number): boolean;
  /** A place in the United States (for "Moscow, Idaho"). */
  inUS(entity: number): boolean;
  /** The entities its record is related to, both ways (for the coherence rule). */
  related(entity: number): ArrayLike<number>;
  /** A sports team or club (for "Serbia won 2-1": the team, not the country). */
  isTeam(entity: number): boolean;
  /** The entity's display name. */
  name(entity: number): string;
}

const NO_CONTEXT: LinkContext = {
  isPlace: () => false,
  inUS: () => false,
  related: () => [],
  isTeam: () => false,
  name: () => '',
};

/** True when an entity related to `e` is named on the page so far or anywhere in this text. */
function coherent(e: number, ctx: LinkContext, state: LinkState, here: Set<number>): boolean {
  const rel = ctx.related(e);
  for (let i = 0; i < rel.length; i++) if (state.seen.has(rel[i]!) || here.has(rel[i]!)) return true;
  return false;
}

/**
 * Keeps the mentions that should link and picks one entity for each. Updates `state.named` as full names are
 * met and `state.seen` as entities link.
 */
export function link(text: string, mentions: Mention[], state: LinkState, ctx: LinkContext = NO_CONTEXT): Link[] {
  const out: Link[] = [];
  // Entities this text names unambiguously somewhere ("Turkey, which calls itself Türkiye").
  const namedHere = new Set(mentions.filter((m) => m.rule === 'name').map((m) => m.entities[0]!));
  // Everything this text names with one claimant, for context: "Production in Georgia …, Atlanta crews said".
  const mentionedHere = new Set(mentions.filter((m) => m.entities.length === 1).map((m) => m.entities[0]!));
  let prevEnd = -1;
  let prevPlace = false;
  let prevEntity: number | undefined;
  let us: boolean | undefined;
  // Whether the page so far, or this text, names a place in the United States (or the country itself).
  const usContext = () => {
    if (us === undefined) {
      us = false;
      for (const e of state.seen) if (ctx.inUS(e)) us = true;
      for (const e of mentionedHere) if (ctx.inUS(e)) us = true;
    }
    return us;
  };
  // A queue read by index: a surname that falls back to its place reading puts the alternative back in the slot
  // it was read from, so it is linked next.
  const queue = [...mentions];
  let next = 0;
  const fellBack = new Set<Mention>();
  while (next < queue.length) {
    const m = queue[next++]!;
    let entity: number | undefined;
    const before = wordBefore(text, m.start);
    if (m.rule === 'name') {
      entity = m.entities[0];
      // "US Open", "UK Independence Party", "EU Commission": an acronym opening a longer name we do not know.
      // A title after it keeps the link ("US President", "UK Prime Minister"), and so do headlines in capitals.
      if (ACRONYM.test(m.text)) {
        // "U.S. Senate": the full stop after "U.S" belongs to the acronym.
        const after = wordAfter(text, m.text.includes('.') && text[m.end] === '.' ? m.end + 1 : m.end);
        if (after && gapClass(after.gap) === ' ' && startsUpper(after.word) && !isAllUpperWord(after.word)) {
          if (!TITLES.has(after.word) && !OPENERS.has(after.word)) entity = undefined;
        }
      }
    } else {
      // "Tbilisi, Georgia" is the country; "Atlanta, Georgia" is the US state, whose bare name we do not link.
      const afterKnownPlace =
        before !== null &&
        prevPlace &&
        prevEnd === before.start + before.word.length &&
        !(prevEntity !== undefined && ctx.inUS(prevEntity) && !ctx.inUS(m.entities[0]!));
      const ok =
        !joinsName(before, TITLES) &&
        !joinsName(wordAfter(text, m.end), new Set()) &&
        // "the state of Georgia", "State of Jersey": a US state or a dependency, not the country.
        !(m.rule === 'ambiguous' && STATE_OF.test(text.slice(Math.max(0, m.start - 12), m.start))) &&
        // "Atlanta, Georgia": a capitalised word and a comma before an ambiguous name, not a place we know.
        !(
          m.rule === 'ambiguous' &&
          before !== null &&
          /^,\s$/.test(before.gap) &&
          startsUpper(before.word) &&
          !afterKnownPlace
        );
      // "Nice weather", "Turkey is best roasted": a capitalised common word opening a sentence is a place only
      // when the page already linked that place, names it otherwise here, or names something related to it.
      if (ok && m.rule === 'ambiguous') {
        // Evidence for a claimant: the page names it or something related to it (strong), or it is American and
        // the page names American places (weak).
        const strong = (e: number) => state.seen.has(e) || namedHere.has(e) || coherent(e, ctx, state, mentionedHere);
        const evidence = (e: number) => strong(e) || (ctx.inUS(e) && usContext());
        // Homonyms ("Georgia" the country and the US state): the one the page's context points to, strong
        // evidence first; with no evidence, or as much for several, none.
        let backed = m.entities.length === 1 ? m.entities : m.entities.filter(strong);
        if (m.entities.length > 1 && backed.length === 0) backed = m.entities.filter(evidence);
        const e = backed.length === 1 ? backed[0]! : undefined;
        if (e !== undefined && (!atSentenceStart(text, m.start) || evidence(e) || dateline(text, m))) entity = e;
      }
      if (ok && (m.rule === 'surname' || m.rule === 'prominent')) {
        const eligible = m.entities.filter((e) => state.named.has(e));
        const titled = before !== null && gapClass(before.gap) === ' ' && OFFICE_TITLES.has(before.word.toLowerCase());
        if (eligible.length === 1) entity = eligible[0];
        else if (eligible.length === 0 && m.rule === 'prominent') entity = m.entities[0];
        else if (eligible.length === 0 && titled && m.entities.length === 1) entity = m.entities[0];
      }
    }
    if (entity === undefined && m.alt && !fellBack.has(m)) {
      // The surname did not link ("Sheffield" with no Mary Sheffield named): try the other claim of the word.
      fellBack.add(m.alt);
      queue[--next] = m.alt;
      continue;
    }
    if (entity === undefined) continue;
    if (m.rule === 'name' && ctx.isPlace(entity) && insideLongerName(text, m, before)) continue;
    // "Serbia won 2-1", "Liverpool beat Everton": in a match report a place that names a team is the team (or,
    // when several teams carry its name, nothing), unless a preposition of place stands before it.
    if (ctx.isPlace(entity) && !(before && LOCATIVE.has(before.word.toLowerCase())) && sportsContext(text)) {
      const team = teamOf(entity, ctx);
      if (team === -2) continue;
      if (team >= 0) entity = team;
    }
    // "Moscow, Idaho", "Lebanon, Pennsylvania": an American town named after a place we know elsewhere.
    if (ctx.isPlace(entity) && !ctx.inUS(entity) && US_STATE_AFTER.test(text.slice(m.end, m.end + 20))) continue;
    if (m.rule === 'name') state.named.add(entity);
    state.seen.add(entity);
    // "U.S.": the full stop that closes an acronym written with stops belongs to it.
    const end = text[m.end] === '.' && closesWithStop(m.text) ? m.end + 1 : m.end;
    out.push({ start: m.start, end, entity, text: text.slice(m.start, end) });
    prevEnd = m.end;
    prevPlace = ctx.isPlace(entity);
    prevEntity = entity;
  }
  return out;
}
