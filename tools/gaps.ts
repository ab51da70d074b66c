/**
 * `npm run gaps`: the capitalised names in the saved corpus (`../shared/corpus`, or `FACTCARDS_CORPUS`) that no
 * card covers, ranked by how many pages use them. `npm run gaps -- 100` shows the top 100 (default 50).
 */
import { readFileSync } from 'node:fs';
import countries from 'world-countries';
import path from 'node:path';
import { gapReport, htmlText } from '../store/gaps';
import { loadEngine } from '../tests/eval/evaluate';
import { CORPUS_DIR, readManifest } from './bench/corpus';

const limit = Number(process.argv[2] ?? 50);
const pages = readManifest().map((p) => ({
  name: p.name,
  text: htmlText(readFileSync(path.join(CORPUS_DIR, p.urlPath), 'utf8')),
}));
// Demonyms ("American", "Syrian") are not mentions of anything: the country package lists them.
const demonyms = new Set(countries.flatMap((c) => Object.values(c.demonyms ?? {}).flatMap((d) => [d.m, d.f])));
const gaps = gapReport(pages, loadEngine(), limit, (w) => demonyms.has(w));
console.log(`Names no card covers, over ${pages.length} pages of ${CORPUS_DIR} (pages, uses, a page using it):`);
gaps.forEach((g, i) =>
  console.log(
    `${String(i + 1).padStart(4)}. ${g.name.padEnd(40)} ${String(g.pages).padStart(4)} ${String(g.uses).padStart(6)}  ${g.example}`,
  ),
);
