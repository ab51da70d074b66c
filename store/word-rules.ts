/**
 * Which generated names are also common English words or first names, from maintained word lists rather than a
 * hand list: `word-list` (MIT; the English dictionary of sindresorhus/word-list) intersected with the 20,000
 * most frequent words of `popular-english-words` (ISC; word frequencies from English Wikipedia), and the first
 * names of `human-names` (MIT; its English list). Such names get the
 * `ambiguous` rule: "Reading", "Mobile", "Victoria" link only where the context says they are the place.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Frequent enough that a capitalised use may well be the word: rank 20,000 covers "reading", "mobile", "bath". */
const FREQUENT = 20_000;

let words: Set<string> | undefined;
let firstNames: Set<string> | undefined;
let common: Set<string> | undefined;
let dictionaryWords: Set<string> | undefined;
/** So frequent that a place of that name should not be generated at all ("Man", "Split", "Metro"). */
const VERY_FREQUENT = 5_000;

function load(): void {
  const require = createRequire(import.meta.url);
  const dictionary = new Set(
    readFileSync(join(dirname(require.resolve('word-list')), 'words.txt'), 'utf8').split('\n'),
  );
  const popular = (require('popular-english-words') as { words: { getMostPopular(n: number): string[] } }).words;
  dictionaryWords = dictionary;
  words = new Set(popular.getMostPopular(FREQUENT).filter((w) => dictionary.has(w)));
  // English first names only: the other languages' lists hold place names given as names ("Texas", "Genoa").
  const names = require('human-names') as { allEn: string[] };
  firstNames = new Set(names.allEn.map((n) => n.toLowerCase()));
  common = new Set(popular.getMostPopular(VERY_FREQUENT).filter((w) => dictionary.has(w)));
}

/** True when a one-word name is also a frequent English word or a first name ("Reading", "Victoria"). */
export function isCommonWordOrFirstName(name: string): boolean {
  if (/\s/.test(name.trim())) return false;
  if (!words) load();
  const w = name.toLowerCase();
  return words!.has(w) || firstNames!.has(w);
}

/** True when a one-word name is one of the most frequent English words: too risky to generate a record for. */
export function isVeryCommonWord(name: string): boolean {
  if (/\s/.test(name.trim())) return false;
  if (!common) load();
  return common!.has(name.toLowerCase());
}

/**
 * True when a surname is also an English word (in any frequency: "trump", "swift", "gates") or an English first
 * name ("Kennedy"): such a surname may not be marked `prominent`, however famous its holder.
 */
export function isWordOrFirstName(name: string): boolean {
  if (!dictionaryWords) load();
  const w = name.toLowerCase();
  return dictionaryWords!.has(w) || firstNames!.has(w);
}
