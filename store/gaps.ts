/**
 * The gap report behind `npm run gaps`: capitalised names in saved pages that no card covers, ranked by how
 * many pages use them, to decide which records to write next. Pure: pages come in as text.
 */
import type { Engine } from '../engine/engine';
import { newLinkState, OPENERS } from '../engine/link';

/** Visible text of an HTML page, roughly: no script, style or markup, entities decoded, blocks on their own lines. */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(
      /<\/?(p|div|h[1-6]|li|ul|ol|tr|td|th|br|section|article|header|footer|nav|figcaption|blockquote)\b[^>]*>/gi,
      '\n',
    )
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;|&rsquo;/g, '’')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/[ \t\r\f]+/g, ' ');
}

/** Lowercase words that may sit inside a name ("Bank of England", "Charles de Gaulle"). */
const INSIDE = new Set([
  'of',
  'de',
  'du',
  'da',
  'di',
  'del',
  'la',
  'le',
  'von',
  'van',
  'der',
  'al',
  'bin',
  'for',
  'on',
]);
const WORD = /\p{Lu}[\p{L}\p{M}’'.-]*[\p{L}\p{M}]|\p{Lu}/gu;

export interface Candidate {
  name: string;
  start: number;
  end: number;
}

/**
 * Runs of capitalised words ("Jerome Powell", "Bank of England"), with lowercase joiners inside, in one text.
 * A single word opening a sentence is left out (it is capitalised for the sentence, not as a name).
 */
export function nameCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const words = [...text.matchAll(WORD)].map((m) => ({ w: m[0], s: m.index, e: m.index + m[0].length }));
  let i = 0;
  while (i < words.length) {
    let j = i;
    let end = words[i]!.e;
    for (;;) {
      const next = words[j + 1];
      if (!next) break;
      const gap = text.slice(end, next.s);
      const joiners = gap.trim().split(/\s+/).filter(Boolean);
      if (!/^\s+$/.test(gap) && !(joiners.length === 1 && INSIDE.has(joiners[0]!) && /^\s+\S+\s+$/.test(gap))) break;
      j++;
      end = next.e;
    }
    let start = words[i]!.s;
    const opensSentence = /(^|[.!?:;"“]\s*|\n\s*)$/.test(text.slice(Math.max(0, start - 3), start));
    // "Then Ada Lovelace": a sentence's first word that only opens it is not part of the name.
    if (opensSentence && j > i && OPENERS.has(words[i]!.w)) {
      i++;
      start = words[i]!.s;
    }
    const name = text.slice(start, end);
    if (!(j === i && opensSentence) && name.length > 2) out.push({ name, start, end });
    i = j + 1;
  }
  return out;
}

export interface Gap {
  name: string;
  pages: number;
  uses: number;
  example: string;
}

/** Month and weekday names: capitalised by convention, never an entity. */
const CALENDAR =
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/**
 * Names no link covers, over many pages: `pages` counts the pages that use a name, `uses` every use. A single
 * word that the same pages also write in lowercase (at least a quarter as often) is a common word capitalised
 * in a heading or a menu ("News", "Share"), not a name; `skip` drops other words (demonyms).
 */
export function gapReport(
  pages: { name: string; text: string }[],
  engine: Engine,
  limit = 50,
  skip: (word: string) => boolean = () => false,
): Gap[] {
  const lower = new Map<string, number>();
  for (const page of pages)
    for (const m of page.text.matchAll(/(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*/gu))
      lower.set(m[0], (lower.get(m[0]) ?? 0) + 1);
  const byName = new Map<string, Gap>();
  for (const page of pages) {
    const state = newLinkState();
    const seenHere = new Set<string>();
    for (const block of page.text.split(/\n+/)) {
      if (block.trim() === '') continue;
      const links = engine.find(block, state);
      for (const c of nameCandidates(block)) {
        if (links.some((l) => l.start < c.end && c.start < l.end)) continue;
        let g = byName.get(c.name);
        if (!g) byName.set(c.name, (g = { name: c.name, pages: 0, uses: 0, example: page.name }));
        g.uses++;
        if (!seenHere.has(c.name)) {
          seenHere.add(c.name);
          g.pages++;
        }
      }
    }
  }
  const isWord = (g: Gap) =>
    !g.name.includes(' ') &&
    (CALENDAR.test(g.name) || skip(g.name) || (lower.get(g.name.toLowerCase()) ?? 0) >= g.uses / 4);
  return [...byName.values()]
    .filter((g) => !isWord(g))
    .sort((a, b) => b.pages - a.pages || b.uses - a.uses || (a.name < b.name ? -1 : 1))
    .slice(0, limit);
}
