/**
 * The matcher's evaluation, in Node without a browser: the seed article against its gold file, and our own
 * annotated texts. Shared by `npm run eval` (prints) and `tests/unit/eval.test.ts` (asserts thresholds).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { compileIndex } from '../../store/compile';
import { engineFromIndex, newLinkState, type Engine } from '../../engine/engine';
import { loadRecords } from '../../store/load';
import { precisionRecall, score, type Gold, type PredictedMention, type Score } from './score';

// Not `new URL('.', import.meta.url)`: Vite rewrites that pattern into an asset URL.
export const EVAL_DIR = dirname(fileURLToPath(import.meta.url));

/** Where ../shared lives: FACTCARDS_SHARED, else beside the repository. */
export const SHARED_DIR = process.env.FACTCARDS_SHARED ?? join(EVAL_DIR, '../../../shared');

let cached: Engine | undefined;
/** The engine over the whole store, built once per process through the shipped binary format. */
export const loadEngine = (): Engine => (cached ??= engineFromIndex(compileIndex(loadRecords().map((r) => r.record))));

/** Links every paragraph of a text in order, as a page would be read. */
export function predict(engine: Engine, text: string): PredictedMention[] {
  const state = newLinkState();
  return engine.find(text, state).map((l) => ({
    start: l.start,
    end: l.end,
    text: l.text,
    wikipedia: engine.entities.get(l.entity).wikipedia,
  }));
}

export interface Annotated {
  /** The comment lines above the text, saying what the case tests. */
  about: string;
  text: string;
  gold: Gold;
}

/**
 * Parses our evaluation file: cases separated by blank lines, `#` lines describe the case, and every span that
 * must link is written `[surface](Wikipedia title)` or `[surface](Title|Also accepted)`. Everything else in the
 * text must not link.
 */
export function parseAnnotated(source: string): Annotated[] {
  const cases: Annotated[] = [];
  for (const chunk of source.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    const about = lines
      .filter((l) => l.startsWith('#'))
      .map((l) => l.replace(/^#\s*/, ''))
      .join(' ');
    const body = lines.filter((l) => !l.startsWith('#')).join('\n');
    if (body === '') continue;
    let text = '';
    let last = 0;
    const gold: Gold = { entities: [], mentions: [] };
    for (const m of body.matchAll(/\[([^\]]+)\]\(((?:[^()]|\([^()]*\))+)\)/g)) {
      text += body.slice(last, m.index);
      const [title, ...also] = m[2]!.split('|');
      gold.mentions.push({ start: text.length, end: text.length + m[1]!.length, text: m[1]!, wikipedia: title! });
      if (!gold.entities.some((e) => e.wikipedia === title))
        gold.entities.push({ wikipedia: title!, also_accepted: also });
      text += m[1];
      last = m.index + m[0].length;
    }
    text += body.slice(last);
    cases.push({ about, text, gold });
  }
  return cases;
}

/** Scores all our own cases as one set (sums of tp/fp/fn). */
export function evaluateOwn(
  engine: Engine,
  cases: Annotated[],
): Score & { failures: { about: string; score: Score }[] } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const failures: { about: string; score: Score }[] = [];
  for (const c of cases) {
    const s = score(predict(engine, c.text), c.gold);
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
    if (s.fp + s.fn > 0) failures.push({ about: c.about || c.text.slice(0, 60), score: s });
  }
  return {
    ...precisionRecall(tp, fp, fn),
    tp,
    fp,
    fn,
    falsePositives: failures.flatMap((f) => f.score.falsePositives),
    falseNegatives: failures.flatMap((f) => f.score.falseNegatives),
    failures,
  };
}

/** The news desks of our evaluation set, one file each under `tests/eval/desks/`. */
export const DESKS = ['world', 'politics', 'business', 'tech', 'sport', 'culture', 'science'] as const;
export type Desk = (typeof DESKS)[number] | 'rules';

/** Our cases by desk: `rules` is `cases.txt` (one case per linking rule), the rest are news paragraphs. */
export function loadDeskCases(): Map<Desk, Annotated[]> {
  const out = new Map<Desk, Annotated[]>([
    ['rules', parseAnnotated(readFileSync(join(EVAL_DIR, 'cases.txt'), 'utf8'))],
  ]);
  for (const desk of DESKS) {
    const file = join(EVAL_DIR, 'desks', `${desk}.txt`);
    if (existsSync(file)) out.set(desk, parseAnnotated(readFileSync(file, 'utf8')));
  }
  return out;
}

/** Every case of our own, all desks together. */
export const loadOwnCases = (): Annotated[] => [...loadDeskCases().values()].flat();

/** The seed article and its gold, or null when ../shared is not there. */
export function loadSeed(): { text: string; gold: Gold } | null {
  const dir = join(SHARED_DIR, 'seed');
  if (!existsSync(join(dir, 'gold.json'))) return null;
  return {
    text: readFileSync(join(dir, 'article.txt'), 'utf8'),
    gold: JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Gold,
  };
}
