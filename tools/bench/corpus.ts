/**
 * The shared corpus of saved pages: where it is, what the manifest says, and which pages a run measures.
 * Pages are read in place (never copied into the project), per the corpus README.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = path.resolve(
  process.env.FACTCARDS_CORPUS ?? fileURLToPath(new URL('../../../shared/corpus', import.meta.url)),
);

/** Pages above this size are always measured: the stress cases. */
export const LARGE_BYTES = 1_000_000;

export interface CorpusPage {
  /** File name without `pages/` and `.html`. */
  name: string;
  /** URL path under the corpus root, e.g. `/pages/rdb-002.html`. */
  urlPath: string;
  bytes: number;
  textChars: number;
  /** MANIFEST.tsv's topic column: politics, world, tech, other. */
  topic: string;
}

/** Every page in MANIFEST.tsv, in manifest order. */
export function readManifest(dir: string = CORPUS_DIR): CorpusPage[] {
  const file = path.join(dir, 'MANIFEST.tsv');
  if (!existsSync(file)) throw new Error(`No corpus at ${dir} (MANIFEST.tsv missing); set FACTCARDS_CORPUS.`);
  const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const cols = header!.split('\t');
  const col = (name: string) => cols.indexOf(name);
  return rows.map((row) => {
    const f = row.split('\t');
    const rel = f[col('file')]!;
    return {
      name: path.basename(rel, '.html'),
      urlPath: '/' + rel,
      bytes: Number(f[col('bytes')]),
      textChars: Number(f[col('text_chars')]),
      topic: f[col('topic')] ?? '',
    };
  });
}

/**
 * The pages of a run: all of them, or with `limit` every page over 1 MB plus evenly spaced others up to `limit`
 * (only the largest pages when `limit` is below their count).
 */
export function selectPages(all: CorpusPage[], limit?: number): CorpusPage[] {
  if (limit === undefined || limit >= all.length) return all;
  const large = all.filter((p) => p.bytes > LARGE_BYTES).sort((a, b) => b.bytes - a.bytes);
  if (limit <= large.length) return large.slice(0, limit);
  const rest = all.filter((p) => p.bytes <= LARGE_BYTES);
  const want = limit - large.length;
  const picked = Array.from({ length: want }, (_, i) => rest[Math.floor((i * rest.length) / want)]!);
  const chosen = new Set([...large, ...picked]);
  return all.filter((p) => chosen.has(p));
}

/** The mark.js subset: the two largest pages of the run and the pages at its 25th, 50th and 75th size percentile. */
export function markjsSubset(pages: CorpusPage[]): CorpusPage[] {
  const bySize = [...pages].sort((a, b) => b.bytes - a.bytes);
  const at = (q: number) => bySize[Math.min(bySize.length - 1, Math.floor(q * bySize.length))]!;
  return [...new Set([bySize[0]!, bySize[1] ?? bySize[0]!, at(0.25), at(0.5), at(0.75)])];
}

/** News topics in MANIFEST.tsv. */
const NEWS_TOPICS = new Set(['politics', 'world']);

/** `count` news pages (topic politics or world), evenly spaced over the manifest. */
export function newsPages(all: CorpusPage[], count: number): CorpusPage[] {
  const news = all.filter((p) => NEWS_TOPICS.has(p.topic));
  if (count >= news.length) return news;
  return Array.from({ length: count }, (_, i) => news[Math.floor((i * news.length) / count)]!);
}
