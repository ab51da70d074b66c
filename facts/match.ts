/**
 * `match(text, matcher)`: finds every alias of the store in a text, longest first, on word boundaries in any
 * script. Pure string work: it knows nothing of the DOM or of the page. One pass over the text; each word costs a
 * look-up in a hash map keyed by its folded form, so the cost does not grow with the size of the store.
 */
import { FLAG_EXACT, type CompiledIndex } from './compile';
import { foldWord, gapClass, gapsCompatible, isAllLower, isAllUpper, isWordChar, stripMarks, words } from './text';
import type { AliasRule } from './schema';

const RULES: AliasRule[] = ['name', 'surname', 'ambiguous'];

/** One alias, ready to compare against the words of a text. */
interface Candidate {
  /** Folded words ("al", "assad"). */
  keys: string[];
  /** The words as written in the record, for the case rules. */
  forms: string[];
  /** Gap classes between consecutive words (' ', '-', "'", '.'). */
  gaps: string[];
  /** Every entity that claims this alias with this rule (several only for shared surnames). */
  entities: number[];
  rule: AliasRule;
  exact: boolean;
}

export interface FirstWord {
  one: Candidate[];
  more: Map<string, Candidate[]>;
}

export interface Matcher {
  /** Candidates by the folded first word: one-word aliases, and longer ones by their folded second word (longest
   * first), so a word costs the same whether ten or ten thousand names start with it. */
  byFirst: Map<string, FirstWord>;
  /** Whether any alias starts with a lowercase word ("al-Assad"), so lowercase words need a look-up at all. */
  lowerFirst: Set<string>;
  /** The first two characters of each entry of `lowerFirst`. */
  lowerStarts: Set<string>;
  entityCount: number;
}

/** A span of text that names one alias. `entities` has more than one id only for shared surnames. */
export interface Mention {
  start: number;
  end: number;
  entities: number[];
  rule: AliasRule;
  text: string;
}

/** Builds the in-memory matcher from the compiled index in one go (tests, evaluation, benchmarks). */
export function buildMatcher(index: CompiledIndex): Matcher {
  const builder = matcherBuilder(index);
  builder.add(0, index.aliases.length);
  return builder.done();
}

/**
 * Builds the matcher in slices, yielding to the page between them, so start-up never holds the main thread
 * for long whatever the size of the store (the content script's path).
 */
export async function buildMatcherSliced(
  index: CompiledIndex,
  yieldToPage: () => Promise<void>,
  sliceMs = 8,
): Promise<Matcher> {
  const builder = matcherBuilder(index);
  const CHUNK = 250;
  let deadline = performance.now() + sliceMs;
  for (let i = 0; i < index.aliases.length; i += CHUNK) {
    builder.add(i, Math.min(index.aliases.length, i + CHUNK));
    if (performance.now() > deadline) {
      await yieldToPage();
      deadline = performance.now() + sliceMs;
    }
  }
  return builder.done();
}

function matcherBuilder(index: CompiledIndex) {
  const byFirst = new Map<string, FirstWord>();
  const byAlias = new Map<string, Candidate>();
  const lowerFirst = new Set<string>();
  return {
    add(from: number, to: number) {
      for (let j = from; j < to; j++) {
        const [text, entity, flags] = index.aliases[j]!;
        const rule = RULES[flags & 3] ?? 'name';
        const exact = (flags & FLAG_EXACT) !== 0;
        const ws = words(text);
        const forms = ws.map((w) => text.slice(w.start, w.end));
        const keys = forms.map(foldWord);
        const first = keys[0];
        if (first === undefined) continue;
        const gaps: string[] = [];
        for (let k = 1; k < ws.length; k++) gaps.push(gapClass(text.slice(ws[k - 1]!.end, ws[k]!.start)) ?? ' ');
        const id = `${forms.join(' ')}|${rule}|${exact}`;
        const same = byAlias.get(id);
        if (same) {
          if (!same.entities.includes(entity)) same.entities.push(entity);
          continue;
        }
        const cand: Candidate = { keys, forms, gaps, entities: [entity], rule, exact };
        byAlias.set(id, cand);
        let entry = byFirst.get(first);
        if (!entry) byFirst.set(first, (entry = { one: [], more: new Map() }));
        const second = keys[1];
        if (second === undefined) entry.one.push(cand);
        else {
          const list = entry.more.get(second);
          if (list) list.push(cand);
          else entry.more.set(second, [cand]);
        }
        if (isAllLower(forms[0] ?? '')) lowerFirst.add(first);
      }
    },
    done(): Matcher {
      for (const entry of byFirst.values()) {
        for (const list of entry.more.values()) list.sort((a, b) => b.keys.length - a.keys.length);
      }
      const lowerStarts = new Set([...lowerFirst].map((k) => k.slice(0, 2)));
      return { byFirst, lowerFirst, lowerStarts, entityCount: index.entities.length };
    },
  };
}

/** Lowercase particles inside Arabic and European names that news capitalises either way. */
const PARTICLES = new Set([
  'al',
  'el',
  'ad',
  'ash',
  'as',
  'an',
  'ar',
  'at',
  'az',
  'bin',
  'ibn',
  'bint',
  'abu',
  'de',
  'da',
  'di',
  'del',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
]);

/**
 * Case rules for one word: as written (accents optional), all capitals (headlines), or a lowercase particle
 * capitalised. Acronyms and `case: exact` aliases allow only the form as written.
 */
function caseOk(textWord: string, form: string, key: string, exact: boolean, first: boolean): boolean {
  const a = stripMarks(textWord);
  const b = stripMarks(form);
  if (a === b) return true;
  if (exact) return false;
  if (a.length > 1 && isAllUpper(a)) return true;
  if (PARTICLES.has(key) && (first || isAllLower(a) || isAllLower(b))) return true;
  return false;
}

/**
 * True when the span sits inside a URL, an e-mail address or an identifier ("reuters.com", "a@afp.com",
 * "/wiki/Syria", "syria_map"): such text names nothing.
 */
function insideToken(text: string, start: number, end: number): boolean {
  const before = text.charAt(start - 1);
  const after = text.charAt(end);
  const afterNext = text.charCodeAt(end + 1);
  if ('/@_\\'.includes(before) && before !== '') return true;
  if ('@_'.includes(after) && after !== '') return true;
  if ((after === '.' || after === '/') && !Number.isNaN(afterNext) && isWordChar(afterNext)) return true;
  if (before === '.' && isWordChar(text.charCodeAt(start - 2))) return true;
  // A run with a scheme or "www." in front of the name: part of a URL.
  let a = start;
  while (a > 0 && start - a < 200 && !/\s/.test(text.charAt(a - 1))) a--;
  const run = text.slice(a, start);
  return run.includes('://') || run.toLowerCase().startsWith('www.');
}

/**
 * Finds aliases in `text`: sorted, non-overlapping, longest match first at each word, UTF-16 offsets.
 * Context rules that need the page (surnames, ambiguous words) are left to `link`.
 */
export function match(text: string, matcher: Matcher): Mention[] {
  const out: Mention[] = [];
  const { byFirst, lowerStarts } = matcher;
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Skip to the start of the next word.
    while (i < n && !isWordChar(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    const c = text.charCodeAt(start);
    // Cheap filter: most words are lowercase and start no alias; digits start none in practice.
    // Lowercase words are looked up only when some alias starts with a lowercase word of that beginning
    // ("al-Assad", "bin Salman"), checked on two characters before anything is sliced or folded.
    const skip = (c >= 97 && c <= 122 && !lowerStarts.has(text.slice(i, i + 2))) || (c >= 48 && c <= 57);
    let ascii = true;
    for (let code = c; i < n && isWordChar(code); code = text.charCodeAt(++i)) if (code >= 128) ascii = false;
    const end = i;
    if (skip) continue;
    const firstWord = text.slice(start, end);
    const entry = byFirst.get(ascii ? firstWord.toLowerCase() : foldWord(firstWord));
    if (!entry) continue;
    const m = longest(text, start, end, firstWord, entry);
    if (!m) continue;
    out.push(m);
    i = m.end;
  }
  return out;
}

function longest(text: string, start: number, end: number, firstWord: string, entry: FirstWord): Mention | null {
  // The words after the first, read lazily as far as the longest candidate needs.
  const next: { start: number; end: number; gap: string | null; raw: string; key: string }[] = [];
  const wordAt = (k: number) => {
    while (next.length < k) {
      const from = next.length === 0 ? end : next[next.length - 1]!.end;
      let s = from;
      while (s < text.length && !isWordChar(text.charCodeAt(s)) && s - from < 64) s++;
      if (s >= text.length || !isWordChar(text.charCodeAt(s))) return null;
      let e = s;
      while (e < text.length && isWordChar(text.charCodeAt(e))) e++;
      // Sliced and folded once, however many candidates compare against this word.
      const raw = text.slice(s, e);
      next.push({ start: s, end: e, gap: gapClass(text.slice(from, s)), raw, key: foldWord(raw) });
    }
    return next[k - 1]!;
  };
  // Longer names first (those whose second word follows here), then one-word names.
  const second = entry.more.size > 0 ? wordAt(1) : null;
  const longer = second ? entry.more.get(second.key) : undefined;
  for (const cand of longer ? [...longer, ...entry.one] : entry.one) {
    if (!caseOk(firstWord, cand.forms[0]!, cand.keys[0]!, cand.exact, true)) continue;
    let stop = end;
    let ok = true;
    for (let k = 1; k < cand.keys.length && ok; k++) {
      const w = wordAt(k);
      if (!w || w.gap === null || !gapsCompatible(cand.gaps[k - 1]!, w.gap)) {
        ok = false;
        break;
      }
      ok = w.key === cand.keys[k] && caseOk(w.raw, cand.forms[k]!, cand.keys[k]!, cand.exact, false);
      stop = w.end;
    }
    if (!ok || insideToken(text, start, stop)) continue;
    return { start, end: stop, entities: cand.entities, rule: cand.rule, text: text.slice(start, stop) };
  }
  return null;
}
