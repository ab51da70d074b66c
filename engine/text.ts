/**
 * Text primitives shared by the compiler and the matcher: what a word is, how words are folded for look-up,
 * and which separators may stand between the words of a name. Pure and DOM-free.
 */

/** Word characters: letters, combining marks and digits of any script. */
const WORD_RE = /[\p{L}\p{M}\p{N}]/u;
const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;

/** Per code unit: 0 = not yet classified, 1 = word character, 2 = not. Filled lazily: a regex test per distinct
 * character instead of per character read, and no 64 K-entry table built at start-up. Hot loops read it
 * directly (`WORD_TABLE[c] === 1 || isWordChar(c)`), since a call per character costs more than the read. */
export const WORD_TABLE = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  WORD_TABLE[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 2;
}
// Surrogates: letters outside the BMP are rare in names; treat them as word characters so names stay whole.
WORD_TABLE.fill(1, 0xd800, 0xe000);

/** True when the UTF-16 code unit is part of a word (letters, marks, digits of any script). */
export function isWordChar(code: number): boolean {
  const known = WORD_TABLE[code];
  if (known === 1) return true;
  if (known === 2 || known === undefined) return false;
  const word = WORD_RE.test(String.fromCharCode(code));
  WORD_TABLE[code] = word ? 1 : 2;
  return word;
}

/** Removes diacritics (Erdoğan → Erdogan, Türkiye → Turkiye) without changing case. */
export function stripMarks(word: string): string {
  // Fast path: plain ASCII words need nothing.
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(word)) return word;
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').replace(/İ/g, 'I').normalize('NFC');
}

/** The look-up key of a word: no diacritics, lowercase. */
export function foldWord(word: string): string {
  return stripMarks(word).toLowerCase();
}

export const isAllUpper = (w: string): boolean => UPPER_RE.test(w) && !LOWER_RE.test(w);
export const isAllLower = (w: string): boolean => LOWER_RE.test(w) && !UPPER_RE.test(w);
export const startsUpper = (w: string): boolean => UPPER_RE.test(w.charAt(0));

/**
 * The class of the text between two words of a name: ' ' for white space, '-' for hyphens, "'" for apostrophes,
 * '.' for a full stop, ',' for a comma and a space ("Tripoli, Lebanon": only names written with one match it),
 * or null when the gap may not sit inside a name.
 */
export function gapClass(gap: string): string | null {
  if (gap === ' ') return ' ';
  if (gap.length === 0) return null;
  // White space joins words unless it is a paragraph break.
  if (/^[\s\u00a0\u202f]+$/.test(gap)) return /\n[^\S\n]*\n/.test(gap) ? null : ' ';
  // "S&P 500", "AT&T", "Procter & Gamble": an ampersand joins the words of a name, spaced or not.
  if (/^\s?&\s?$/.test(gap)) return '&';
  if (gap.length !== 1) return /^\.\s$/.test(gap) ? '.' : /^,\s$/.test(gap) ? ',' : null;
  if ('-\u2010\u2011'.includes(gap)) return '-';
  if ("'\u2019\u02bc\u2018".includes(gap)) return "'";
  if (gap === '.') return '.';
  return null;
}

/** Space and hyphen are interchangeable inside names ("al-Assad" / "al Assad"). */
export function gapsCompatible(aliasGap: string, textGap: string): boolean {
  if (aliasGap === textGap) return true;
  return (aliasGap === ' ' || aliasGap === '-') && (textGap === ' ' || textGap === '-');
}

export interface Word {
  start: number;
  end: number;
}

/** Splits `text` into words (maximal runs of word characters). */
export function words(text: string): Word[] {
  const out: Word[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const word = isWordChar(text.charCodeAt(i));
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      out.push({ start, end: i });
      start = -1;
    }
  }
  if (start >= 0) out.push({ start, end: text.length });
  return out;
}
