/**
 * The words around a mention that the linker reads: titles and sentence openers, the word before and after,
 * sentence starts, datelines, headlines, names that continue past the mention, and the signals of a match
 * report. Pure string work; the rules that use them are in `link.ts` (docs/adr/0005-linking.md).
 */
import type { Mention } from './matcher';
import { gapClass, isWordChar, startsUpper } from './text';

/** Capitalised words that may stand before a name without being part of it (titles, sentence openers). */
export const TITLES = new Set(
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
export const OFFICE_TITLES = new Set(
  (
    'president minister chancellor secretary senator sen rep representative congressman congresswoman governor ' +
    'mayor spokesman spokeswoman spokesperson ambassador envoy general gen admiral commander premier king queen ' +
    'prince princess emir sheikh sultan ayatollah pope patriarch speaker leader chairman chairwoman chair ceo ' +
    'judge justice prosecutor director chief coach manager striker midfielder defender goalkeeper quarterback ' +
    'captain prime'
  ).split(' '),
);

/** The word right before `pos` and the gap to it, or null. */
export function wordBefore(text: string, pos: number): { word: string; start: number; gap: string } | null {
  let e = pos;
  while (e > 0 && pos - e < 64 && !isWordChar(text.charCodeAt(e - 1))) e--;
  if (e === 0 || !isWordChar(text.charCodeAt(e - 1))) return null;
  let s = e;
  while (s > 0 && isWordChar(text.charCodeAt(s - 1))) s--;
  return { word: text.slice(s, e), start: s, gap: text.slice(e, pos) };
}

export function wordAfter(text: string, pos: number): { word: string; gap: string } | null {
  let s = pos;
  while (s < text.length && s - pos < 64 && !isWordChar(text.charCodeAt(s))) s++;
  if (s >= text.length || !isWordChar(text.charCodeAt(s))) return null;
  let e = s;
  while (e < text.length && isWordChar(text.charCodeAt(e))) e++;
  return { word: text.slice(s, e), gap: text.slice(pos, s) };
}

/** True when `pos` opens a sentence: only white space, quotes or brackets since the last full stop. */
export function atSentenceStart(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && /[\s"'“‘«([]/.test(text.charAt(i))) i--;
  return i < 0 || '.!?…:;'.includes(text.charAt(i));
}

/** ", <US state>" right after a mention. Georgia is left out: "Tbilisi, Georgia" is the country. */
export const US_STATE_AFTER = new RegExp(
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
export const STATE_OF = /\bstate of\s+$/i;

/** "U.S.", "Washington, D.C.", "Robert F. Kennedy Jr.", "Warner Bros.": names whose last word takes a full stop. */
export const closesWithStop = (name: string): boolean =>
  (name.includes('.') && /(?:^|[\s.])\p{Lu}$/u.test(name)) || /\b(?:Jr|Sr|Inc|Co|Ltd|Corp|Bros)$/.test(name);

/** An acronym as written ("US", "U.S.", "UK", "EU"): capitals, optionally with full stops, up to five letters. */
export const ACRONYM = /^(?:\p{Lu}\.?){2,5}$/u;

/** A capitalised word that would make the mention part of a longer, unknown name. */
export const joinsName = (w: { word: string; gap: string } | null, allowed: Set<string>): boolean =>
  w !== null && gapClass(w.gap) === ' ' && startsUpper(w.word) && !allowed.has(w.word) && !OPENERS.has(w.word);

/** Words that may stand before a place without making it part of another name ("North", "Greater"). */
export const PLACE_PREFIXES = new Set(
  'North South East West Northern Southern Eastern Western Central Greater Upper Lower Inner Outer Downtown Metro Occupied'.split(
    ' ',
  ),
);

/** "WASHINGTON —", "NEW YORK (Reuters) —": a place in capitals opening a dateline. */
export const dateline = (text: string, m: Mention): boolean =>
  m.text === m.text.toUpperCase() && /^\s*(?:\([^)]{1,40}\)\s*)?[—–-]/.test(text.slice(m.end, m.end + 48));

/** A line written in title case (a headline: "Trump Tariffs Hit Canada"), where capitals say nothing. */
export function titleCaseLine(text: string, pos: number): boolean {
  const from = text.lastIndexOf('\n', pos) + 1;
  const to = text.indexOf('\n', pos);
  const line = text.slice(from, to < 0 ? text.length : to);
  const words = line.match(/[\p{L}][\p{L}\p{M}'’-]*/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  if (long.length < 2) return false;
  return long.filter((w) => startsUpper(w)).length / long.length >= 0.8;
}

/**
 * A place that is one word of a longer name we do not know: "Kansas City", "Westminster Hall", "Maccabi Tel
 * Aviv", "Bank of Japan", "University of Texas". Titles and directions do not count ("President of France",
 * "Northern Ireland" has its own record anyway), nor capitals in a title-case headline.
 */
export function insideLongerName(
  text: string,
  m: Mention,
  before: { word: string; start: number; gap: string } | null,
) {
  if (m.text === m.text.toUpperCase() || titleCaseLine(text, m.start)) return false;
  if (joinsName(wordAfter(text, m.end), TITLES)) return true;
  if (before && !PLACE_PREFIXES.has(before.word) && joinsName(before, TITLES)) return true;
  if (before?.word === 'of' && gapClass(before.gap) === ' ') {
    const head = wordBefore(text, before.start);
    return (
      head !== null &&
      gapClass(head.gap) === ' ' &&
      startsUpper(head.word) &&
      !TITLES.has(head.word) &&
      !OPENERS.has(head.word)
    );
  }
  return false;
}

/** Results and the words of a match report: in such text a country or city is often its team ("Serbia won 2-1"). */
export const SPORT_WORDS =
  /\b(?:\d+[-–]\d+|coach|qualified|qualifying|tournament|league|championship|cup|matches|match|season|stadium|fans|striker|midfielder|defender|goalkeeper|goals?|scored|hat-trick|penalt(?:y|ies)|half-time|stoppage time|innings|wickets?|batting|bowled|quarterback|touchdown|playoffs?|semi-finals?|quarter-finals?|qualifiers?|kick-off|fixtures?|squad|friendly|derby|centur(?:y|ies)|overs|batsman|batter|bowler|stumps|test match|t20|odi|grand prix|podium|pole position)\b/gi;

/** At least two sport signals in the text. */
export function sportsContext(text: string): boolean {
  let n = 0;
  SPORT_WORDS.lastIndex = 0;
  while (SPORT_WORDS.exec(text)) if (++n >= 2) return true;
  return false;
}

export const isAllUpperWord = (w: string): boolean => w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
