/**
 * `match(text, matcher)`: finds every alias of the store in a text, longest first, on word boundaries in any
 * script. Pure string work: it knows nothing of the DOM or of the page. One pass over the text; each word costs a
 * look-up in a hash table keyed by its folded form, so the cost does not grow with the size of the store.
 *
 * The matcher is typed arrays only (no object per alias or per word): the build packs it
 * (`matcher-build.ts`) and writes it into the binary index (`index-format.ts`), and a tab reads it through views
 * of that one buffer, building nothing; see docs/adr/0002-index.md.
 */
import { FLAG_EXACT } from './types';
import { foldWord, gapClass, isAllLower, isAllUpper, isWordChar, stripMarks, WORD_TABLE } from './text';
import type { AliasRule } from './types';
import { insideToken } from './tokens';

export const RULES: AliasRule[] = ['name', 'surname', 'ambiguous', 'prominent'];

/** Gap classes between the words of a name, as small integers: space and hyphen (0, 1) are interchangeable. */
export const GAP_CODE: Record<string, number> = { ' ': 0, '-': 1, "'": 2, '.': 3, ',': 4, '&': 5 };
export const NO_GAP = -1;

/** Flags per folded word. */
export const KEY_FIRST = 1;
export const KEY_MORE = 2;
export const KEY_PARTICLE = 4;

/** A set of interned strings: all characters in one string, a hash table of ids. */
export interface Dictionary {
  /** UTF-16 code units of every word, one after another. */
  chars: Uint16Array;
  /** `start[id]..start[id + 1]` is the word's span in `chars`. */
  start: Int32Array;
  /** Open addressing, `id + 1` per slot, 0 when empty; the length is a power of two (or 0: not looked up). */
  table: Int32Array;
}

export interface Matcher {
  /** Folded words (lowercase, no diacritics) of every alias. */
  keys: Dictionary;
  /** Per folded word: KEY_FIRST (some alias starts with it), KEY_MORE (a longer one does), KEY_PARTICLE. */
  keyFlags: Uint8Array;
  /** Per folded word k: its one-word candidates, `one[2k]` onwards, `one[2k + 1]` of them. */
  one: Int32Array;
  /**
   * Candidates of two words or more by (first, second) folded word, longest first: pair p is
   * `pairs[4p .. 4p + 3]` = first, second, first candidate, count; `pairTable` holds `p + 1` by hash.
   */
  pairs: Int32Array;
  pairTable: Int32Array;
  /** Per candidate: its words `wordStart[c] .. wordStart[c + 1]`, rule code | FLAG_EXACT, and entity. */
  wordStart: Int32Array;
  flags: Uint8Array;
  /** The entity, or `-(offset + 1)` into `shared` (`[count, ...entities]`) for surnames several entities claim. */
  entity: Int32Array;
  shared: Int32Array;
  /** Per word of a candidate: folded word id, written form id (diacritics stripped), gap class before it. */
  wordKey: Int32Array;
  wordForm: Int32Array;
  wordGap: Int8Array;
  /** Written forms of the alias words, diacritics stripped (for the case rules), and which are all lowercase. */
  forms: Dictionary;
  formLower: Uint8Array;
  /**
   * Finds the characters that may start a word worth looking up: capitals, anything outside ASCII, and the
   * first letter of the lowercase beginnings that start some alias ("al-Assad", "bin Salman"); lowercase
   * ASCII words and numbers name nothing otherwise. Each match is one character long. A V8 regex scans for
   * them several times faster than a loop reading each character.
   */
  starts: RegExp;
  /** Folded word ids of recent words with non-ASCII characters (folding them means Unicode normalisation). */
  foldCache: Map<string, number>;
}

/** A span of text that names one alias. `entities` has more than one id only for shared surnames. */
export interface Mention {
  start: number;
  end: number;
  entities: number[];
  rule: AliasRule;
  text: string;
  /** Another claim of the same word under another rule (a surname that is also a city's name). */
  alt?: Mention;
}

/** FNV-1a over the UTF-16 code units of `s[from, to)` with ASCII capitals lowercased, mixed. */
export function hash(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    h = Math.imul(h ^ (c >= 65 && c <= 90 ? c | 32 : c), 0x01000193);
  }
  return mix(h);
}
export const mix = (h: number): number => h ^ (h >>> 15);

export const tableSize = (n: number): number => {
  let size = 16;
  while (size < n * 2) size <<= 1;
  return size;
};

/**
 * The id of the word `text[from, to)` in the dictionary, or -1: its ASCII capitals are lowercased on the fly, so
 * an ASCII word is looked up in place, without slicing or lowercasing it (others are folded first).
 */
export function lookup(d: Dictionary, text: string, from: number, to: number): number {
  const { chars, start, table } = d;
  const mask = table.length - 1;
  const len = to - from;
  for (let slot = hash(text, from, to) & mask; ; slot = (slot + 1) & mask) {
    const id = table[slot]! - 1;
    if (id < 0) return -1;
    const a = start[id]!;
    if (start[id + 1]! - a !== len) continue;
    let k = 0;
    while (k < len) {
      const c = text.charCodeAt(from + k);
      if (chars[a + k] !== (c >= 65 && c <= 90 ? c | 32 : c)) break;
      k++;
    }
    if (k === len) return id;
  }
}

export const pairHash = (first: number, second: number): number => mix(Math.imul(first + 1, 0x9e3779b1) ^ (second + 1));

/** Cached entries kept for non-ASCII words, enough for the names and words of a long page in any script. */
const FOLD_CACHE_MAX = 8192;
/** Longer words are not cached: V8 may keep such a slice as a view of the whole text, which the cache would keep. */
const FOLD_CACHE_WORD = 12;

/** The folded word id of a word with non-ASCII characters, or -1. */
function lookupFolded(m: Matcher, text: string, from: number, to: number): number {
  const raw = text.slice(from, to);
  let id = m.foldCache.get(raw);
  if (id === undefined) {
    const folded = foldWord(raw);
    id = lookup(m.keys, folded, 0, folded.length);
    if (m.foldCache.size >= FOLD_CACHE_MAX) m.foldCache.clear();
    if (raw.length <= FOLD_CACHE_WORD) m.foldCache.set(raw, id);
  }
  return id;
}

function pairOf(m: Matcher, first: number, second: number): number {
  const { pairTable, pairs } = m;
  const mask = pairTable.length - 1;
  for (let slot = pairHash(first, second) & mask; ; slot = (slot + 1) & mask) {
    const id = pairTable[slot]! - 1;
    if (id < 0 || (pairs[id * 4] === first && pairs[id * 4 + 1] === second)) return id;
  }
}

/** Lowercase particles inside Arabic and European names that news capitalises either way. */
export const PARTICLES = new Set(
  'al el ad ash as an ar at az bin ibn bint abu de da di del van von der den la le'.split(' '),
);

/** True when `a` equals form `id` of the matcher. */
function sameAsForm(m: Matcher, id: number, a: string): boolean {
  const { chars, start } = m.forms;
  const at = start[id]!;
  if (start[id + 1]! - at !== a.length) return false;
  for (let k = 0; k < a.length; k++) if (a.charCodeAt(k) !== chars[at + k]) return false;
  return true;
}

/**
 * Case rules for one word of the text against word `w` of a candidate: as written (accents optional), all
 * capitals (headlines), or a lowercase particle capitalised. Acronyms and `case: exact` aliases allow only the
 * form as written.
 */
function caseOk(m: Matcher, text: string, from: number, to: number, w: number, exact: boolean, first: boolean) {
  const form = m.wordForm[w]!;
  const a = stripMarks(text.slice(from, to));
  if (sameAsForm(m, form, a)) return true;
  if (exact) return false;
  if (a.length > 1 && isAllUpper(a)) return true;
  return (m.keyFlags[m.wordKey[w]!]! & KEY_PARTICLE) !== 0 && (first || m.formLower[form] === 1 || isAllLower(a));
}

/**
 * Finds aliases in `text`: sorted, non-overlapping, longest match first at each word, UTF-16 offsets.
 * Context rules that need the page (surnames, ambiguous words) are left to `link`.
 */
export function match(text: string, matcher: Matcher): Mention[] {
  const out: Mention[] = [];
  const { keys, keyFlags, starts } = matcher;
  const n = text.length;
  starts.lastIndex = 0;
  while (starts.test(text)) {
    const start = starts.lastIndex - 1;
    let c = text.charCodeAt(start);
    // Punctuation and spaces outside ASCII.
    if (c >= 128 && WORD_TABLE[c] !== 1 && !isWordChar(c)) continue;
    let i = start + 1;
    const before = text.charCodeAt(start - 1);
    if (start > 0 && (WORD_TABLE[before] === 1 || (WORD_TABLE[before] === 0 && isWordChar(before)))) {
      // Inside a word ("iPhone", "2024Syria", "Çelik"): go on after it.
      for (c = text.charCodeAt(i); WORD_TABLE[c] === 1 || (i < n && isWordChar(c)); c = text.charCodeAt(++i));
      starts.lastIndex = i;
      continue;
    }
    let ascii = c < 128;
    for (c = text.charCodeAt(i); WORD_TABLE[c] === 1 || (i < n && isWordChar(c)); c = text.charCodeAt(++i)) {
      if (c >= 128) ascii = false;
    }
    starts.lastIndex = i;
    const key = ascii ? lookup(keys, text, start, i) : lookupFolded(matcher, text, start, i);
    if (key < 0 || (keyFlags[key]! & KEY_FIRST) === 0) continue;
    const m = longest(matcher, text, start, i, key);
    if (!m) continue;
    out.push(m);
    starts.lastIndex = m.end;
  }
  return out;
}

/** The words after the first, read lazily as far as the longest candidate needs (reused: `match` is not re-entrant). */
const nextStart: number[] = [];
const nextEnd: number[] = [];
const nextGap: number[] = [];
const nextKey: number[] = [];
let nextCount = 0;
let nextDone = false;

/** Reads the next word after the ones read so far; false when there is none within reach. */
function readNext(m: Matcher, text: string): boolean {
  if (nextDone) return false;
  const from = nextEnd[nextCount]!;
  const n = text.length;
  let s = from;
  while (s < n && WORD_TABLE[text.charCodeAt(s)] !== 1 && !isWordChar(text.charCodeAt(s)) && s - from < 64) s++;
  if (s >= n || !isWordChar(text.charCodeAt(s))) {
    nextDone = true;
    return false;
  }
  let e = s;
  let ascii = true;
  for (let c = text.charCodeAt(e); WORD_TABLE[c] === 1 || (e < n && isWordChar(c)); c = text.charCodeAt(++e)) {
    if (c >= 128) ascii = false;
  }
  const gap = s - from === 1 && text.charCodeAt(from) === 32 ? ' ' : gapClass(text.slice(from, s));
  nextCount++;
  nextStart[nextCount] = s;
  nextEnd[nextCount] = e;
  nextGap[nextCount] = gap === null ? NO_GAP : GAP_CODE[gap]!;
  // Looked up once, however many candidates compare against this word.
  nextKey[nextCount] = ascii ? lookup(m.keys, text, s, e) : lookupFolded(m, text, s, e);
  return true;
}

function longest(m: Matcher, text: string, start: number, end: number, key: number): Mention | null {
  nextCount = 0;
  nextDone = false;
  nextEnd[0] = end;
  // Longer names first (those whose second word follows here), then one-word names.
  let pair = -1;
  if ((m.keyFlags[key]! & KEY_MORE) !== 0 && readNext(m, text) && nextKey[1]! >= 0) pair = pairOf(m, key, nextKey[1]!);
  const runs = [m.one[key * 2]!, m.one[key * 2 + 1]!];
  if (pair >= 0) runs.unshift(m.pairs[pair * 4 + 2]!, m.pairs[pair * 4 + 3]!);
  for (let r = 0; r < runs.length; r += 2) {
    for (let c = runs[r]!, last = c + runs[r + 1]!; c < last; c++) {
      const exact = (m.flags[c]! & FLAG_EXACT) !== 0;
      const w0 = m.wordStart[c]!;
      const len = m.wordStart[c + 1]! - w0;
      if (!caseOk(m, text, start, end, w0, exact, true)) continue;
      let stop = end;
      let ok = true;
      for (let k = 1; k < len; k++) {
        if (nextCount < k && !readNext(m, text)) {
          ok = false;
          break;
        }
        const gap = nextGap[k]!;
        const want = m.wordGap[w0 + k]!;
        if (gap === NO_GAP || (gap !== want && (gap > 1 || want > 1))) {
          ok = false;
          break;
        }
        ok = nextKey[k] === m.wordKey[w0 + k] && caseOk(m, text, nextStart[k]!, nextEnd[k]!, w0 + k, exact, false);
        if (!ok) break;
        stop = nextEnd[k]!;
      }
      if (!ok || insideToken(text, start, stop)) continue;
      const found: Mention = {
        start,
        end: stop,
        entities: entitiesOf(m, c),
        rule: RULES[m.flags[c]! & 3] ?? 'name',
        text: text.slice(start, stop),
      };
      // A one-word surname (rule 1, or 3: prominent) may also be another entity's name ("Sheffield", "Valencia"): the other claim rides
      // along, and the linker falls back to it when the first one does not link.
      const rule = m.flags[c]! & 3;
      if (len === 1 && (rule === 1 || rule === 3)) {
        for (let c2 = c + 1; c2 < last; c2++) {
          if (m.wordStart[c2 + 1]! - m.wordStart[c2]! !== 1 || (m.flags[c2]! & 3) === (m.flags[c]! & 3)) continue;
          if (!caseOk(m, text, start, end, m.wordStart[c2]!, (m.flags[c2]! & FLAG_EXACT) !== 0, true)) continue;
          found.alt = { ...found, entities: entitiesOf(m, c2), rule: RULES[m.flags[c2]! & 3] ?? 'name' };
          break;
        }
      }
      return found;
    }
  }
  return null;
}

function entitiesOf(m: Matcher, c: number): number[] {
  const e = m.entity[c]!;
  if (e >= 0) return [e];
  const at = -e - 1;
  return Array.from(m.shared.subarray(at + 1, at + 1 + m.shared[at]!));
}
