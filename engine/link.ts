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
import { gapClass, isWordChar, startsUpper } from './text';

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

/** Capitalised words that may stand before a name without being part of it (titles, sentence openers). */
const TITLES = new Set(
  (
    'President Prime Minister Foreign Defence Defense Deputy Vice Chancellor King Queen Prince Princess Crown Emir ' +
    'Sheikh Sultan Ayatollah Supreme Leader General Gen Colonel Col Admiral Marshal Commander Secretary Spokesman ' +
    'Spokeswoman Spokesperson Ambassador Envoy Senator Sen Rep Governor Mayor Mr Mrs Ms Dr Pope Interim Former ' +
    'Acting Chief Speaker Premier Minister Director Judge Justice Patriarch Mufti Imam'
  ).split(' '),
);
export const OPENERS = new Set(
  (
    'The A An But And Or So Yet Nor In On At For From To With Without By As If When While After Before Since Until ' +
    'Then Now Meanwhile However According Both Even Also Only Under Over Between Against During Despite Though ' +
    'Although Because Unlike Like Why What Who Whom How Where This That These Those It He She They We I You His Her ' +
    'Their Our Its My Your Of Via Amid Across Inside Outside Near Toward Towards Until Upon About Around Among ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August ' +
    'September October November December Is Was Are Were Has Had Have Will Would Can Could Should Did Does Not No ' +
    'Yes Here There Today Yesterday Tomorrow Last Next Every Each Many Most Some Several Other Another Later ' +
    'Earlier Still Instead Indeed Moreover Furthermore Thus Hence Therefore Again Already Once Soon Finally ' +
    'Eventually Initially Previously Recently Currently Officially Separately Similarly Likewise Nevertheless ' +
    'Nonetheless Otherwise Perhaps Clearly Asked Told Said Says Speaking Writing Reporting'
  ).split(' '),
);

/**
 * Office titles that identify a person by surname alone when the store knows one holder ("President Macron",
 * "Kremlin spokesman Peskov"). Forms of address (Mr, Ms, Dr) are left out: they fit anyone.
 */
const OFFICE_TITLES = new Set(
  (
    'president minister chancellor secretary senator sen rep representative congressman congresswoman governor ' +
    'mayor spokesman spokeswoman spokesperson ambassador envoy general gen admiral commander premier king queen ' +
    'prince princess emir sheikh sultan ayatollah pope patriarch speaker leader chairman chairwoman chair ceo ' +
    'judge justice prosecutor director chief coach manager striker midfielder defender goalkeeper quarterback ' +
    'captain prime'
  ).split(' '),
);

/** The word right before `pos` and the gap to it, or null. */
function wordBefore(text: string, pos: number): { word: string; start: number; gap: string } | null {
  let e = pos;
  while (e > 0 && pos - e < 64 && !isWordChar(text.charCodeAt(e - 1))) e--;
  if (e === 0 || !isWordChar(text.charCodeAt(e - 1))) return null;
  let s = e;
  while (s > 0 && isWordChar(text.charCodeAt(s - 1))) s--;
  return { word: text.slice(s, e), start: s, gap: text.slice(e, pos) };
}

function wordAfter(text: string, pos: number): { word: string; gap: string } | null {
  let s = pos;
  while (s < text.length && s - pos < 64 && !isWordChar(text.charCodeAt(s))) s++;
  if (s >= text.length || !isWordChar(text.charCodeAt(s))) return null;
  let e = s;
  while (e < text.length && isWordChar(text.charCodeAt(e))) e++;
  return { word: text.slice(s, e), gap: text.slice(pos, s) };
}

/** True when `pos` opens a sentence: only white space, quotes or brackets since the last full stop. */
function atSentenceStart(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && /[\s"'“‘«([]/.test(text.charAt(i))) i--;
  return i < 0 || '.!?…:;'.includes(text.charAt(i));
}

/** ", <US state>" right after a mention. Georgia is left out: "Tbilisi, Georgia" is the country. */
const US_STATE_AFTER = new RegExp(
  '^,\\s(?:' +
    'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|' +
    'Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|' +
    'Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|' +
    'Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|' +
    'Virginia|Washington|West Virginia|Wisconsin|Wyoming' +
    ')(?![\\p{L}\\p{N}])',
  'u',
);

/** "state of " right before a mention. */
const STATE_OF = /\bstate of\s+$/i;

/** An acronym as written ("US", "U.S.", "UK", "EU"): capitals, optionally with full stops, up to five letters. */
const ACRONYM = /^(?:\p{Lu}\.?){2,5}$/u;

/** A capitalised word that would make the mention part of a longer, unknown name. */
const joinsName = (w: { word: string; gap: string } | null, allowed: Set<string>): boolean =>
  w !== null && gapClass(w.gap) === ' ' && startsUpper(w.word) && !allowed.has(w.word) && !OPENERS.has(w.word);

/** What the linker may ask about an entity. */
export interface LinkContext {
  /** A place (for the "Atlanta, Georgia" rule). */
  isPlace(entity: number): boolean;
  /** A place in the United States (for "Moscow, Idaho"). */
  inUS(entity: number): boolean;
  /** The entities its record is related to, both ways (for the coherence rule). */
  related(entity: number): ArrayLike<number>;
}

const NO_CONTEXT: LinkContext = { isPlace: () => false, inUS: () => false, related: () => [] };

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
  let prevEnd = -1;
  let prevPlace = false;
  let prevEntity: number | undefined;
  for (const m of mentions) {
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
        const e = m.entities[0]!;
        if (
          !atSentenceStart(text, m.start) ||
          state.seen.has(e) ||
          namedHere.has(e) ||
          coherent(e, ctx, state, namedHere)
        )
          entity = e;
      }
      if (ok && (m.rule === 'surname' || m.rule === 'prominent')) {
        const eligible = m.entities.filter((e) => state.named.has(e));
        const titled = before !== null && gapClass(before.gap) === ' ' && OFFICE_TITLES.has(before.word.toLowerCase());
        if (eligible.length === 1) entity = eligible[0];
        else if (eligible.length === 0 && m.rule === 'prominent') entity = m.entities[0];
        else if (eligible.length === 0 && titled && m.entities.length === 1) entity = m.entities[0];
      }
    }
    if (entity === undefined) continue;
    // "Moscow, Idaho", "Lebanon, Pennsylvania": an American town named after a place we know elsewhere.
    if (ctx.isPlace(entity) && !ctx.inUS(entity) && US_STATE_AFTER.test(text.slice(m.end, m.end + 20))) continue;
    if (m.rule === 'name') state.named.add(entity);
    state.seen.add(entity);
    out.push({ start: m.start, end: m.end, entity, text: m.text });
    prevEnd = m.end;
    prevPlace = ctx.isPlace(entity);
    prevEntity = entity;
  }
  return out;
}

const isAllUpperWord = (w: string): boolean => w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
