/**
 * `npm run bench`: how fast the shipped scan is on the saved corpus, against a floor (reading the text the scan
 * reads, once), one alias regex over the same blocks and mark.js (per alias and one `markRegExp` pass); how it
 * scales with stores of real names; what opening the binary index costs a tab; long tasks over several loads;
 * hover to open card; and a black-box comparison with a minimal reference extension. Prints tables, writes
 * `bench.json` (FACTCARDS_OUT_DIR or `.output`) and copies it to `docs/bench/<date>-<commit>.json`.
 *
 * Env: FACTCARDS_CORPUS (corpus path), FACTCARDS_BENCH_PAGES=N (quick run on N pages, always incl. 1 MB+ pages),
 * FACTCARDS_BENCH_NEWS=N (news pages in the black-box run, default 10), FACTCARDS_BENCH_PROFILE=page[,page]
 * (CPU profile of the scan on those pages), FACTCARDS_OUT_DIR (the build to measure).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openIndex, writeIndex } from '../engine/index-format';
import { buildMatcher } from '../engine/matcher-build';
import { compileIndex } from '../store/compile';
import { loadRecords } from '../store/load';
import { blackBox, PARAGRAPH_HTML } from './bench/blackbox';
import { bundlePageScript } from './bench/bundle';
import { CORPUS_DIR, markjsSubset, newsPages, readManifest, selectPages } from './bench/corpus';
import { EXTENSION_BUILD, SHIPPED_INDEX } from './bench/paths';
import { writeReferenceExtension } from './bench/reference';
import { report } from './bench/report';
import { longTaskRun, markjsRun, measuringBrowser, scanRun, startupRun } from './bench/runs';
import { serveBinaries } from './bench/server';
import { syntheticIndex, syntheticSources } from './bench/synthetic';
import { assertBuilt, serve } from '../tests/support/chromium';

/** At least five samples per measurement; the report uses their median. */
const SAMPLES = 5;
/** A per-alias mark.js run stops after this long; the rest is extrapolated from the aliases it got through. */
const MARKJS_CAP_MS = 20_000;
const SCALES: Record<string, number> = { '1k': 1_000, '10k': 10_000, '100k': 100_000 };

async function main(): Promise<void> {
  assertBuilt(EXTENSION_BUILD);
  const started = Date.now();
  const all = readManifest();
  const limit = process.env.FACTCARDS_BENCH_PAGES ? Number(process.env.FACTCARDS_BENCH_PAGES) : undefined;
  const pages = selectPages(all, limit);
  const news = newsPages(all, Number(process.env.FACTCARDS_BENCH_NEWS ?? 10));
  const markjsPages = markjsSubset(pages);
  const profilePages = new Set((process.env.FACTCARDS_BENCH_PROFILE ?? '').split(',').filter(Boolean));
  console.log(`corpus ${CORPUS_DIR}: ${pages.length} pages; mark.js on ${markjsPages.map((p) => p.name).join(', ')}`);

  // The shipped store is the build's own fact-index.bin; its aliases (for the baselines) come from the same records.
  const shipped = new Uint8Array(readFileSync(SHIPPED_INDEX));
  const realIndex = compileIndex(loadRecords().map((r) => r.record));
  const aliases = [...new Set(realIndex.aliases.map((a) => a[0]))].sort((a, b) => b.length - a.length);
  const files: Record<string, Uint8Array> = {
    '/index-real.bin': shipped,
    '/aliases-real.json': new TextEncoder().encode(JSON.stringify(aliases)),
  };
  const stores: Record<string, { entities: number; aliases: number; bytes: number; compileMs: number | null }> = {
    real: {
      entities: openIndex(shipped.slice().buffer).entities.length,
      aliases: realIndex.aliases.length,
      bytes: shipped.length,
      compileMs: null,
    },
  };
  for (const [name, n] of Object.entries(SCALES)) {
    const t0 = performance.now();
    const index = syntheticIndex(n);
    const bin = writeIndex(buildMatcher(index), index.entities, index.related);
    stores[name] = {
      entities: index.entities.length,
      aliases: index.aliases.length,
      bytes: bin.length,
      compileMs: performance.now() - t0,
    };
    files[`/index-${name}.bin`] = bin;
  }
  console.log('stores compiled');
  const bins = await serveBinaries(files);
  const server = await serve(CORPUS_DIR, {
    '/__bench/blank.html': () => '<!doctype html><title>blank</title><body></body>',
    '/__bench/paragraph.html': () => PARAGRAPH_HTML,
  });
  const blank = `${server.url}/__bench/blank.html`;
  const script = await bundlePageScript();
  const markjsScript = readFileSync(createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js'), 'utf8');

  const { browser, context } = await measuringBrowser();
  const chromiumVersion = browser.version();
  const names = Object.keys(stores);
  const startup = await startupRun(context, blank, script, bins.url, names, SAMPLES);
  console.log('start-up done');
  const scan = await scanRun(
    context,
    blank,
    script,
    bins.url,
    server.url,
    pages,
    Object.keys(SCALES),
    SAMPLES,
    profilePages,
  );
  const markjs = await markjsRun(context, script, markjsScript, aliases, server.url, markjsPages, MARKJS_CAP_MS);
  await browser.close();

  const withExt = await longTaskRun(pages, server.url, true);
  const withoutExt = await longTaskRun(pages, server.url, false);

  const reference = writeReferenceExtension();
  const box = await blackBox(
    [
      { name: 'one paragraph', url: `${server.url}/__bench/paragraph.html`, kind: 'paragraph' },
      ...news.map((p) => ({ name: p.name, url: server.url + p.urlPath, kind: 'news' as const })),
    ],
    { reference, factcards: EXTENSION_BUILD },
  );
  await server.close();
  await bins.close();

  report({
    pages: scan.results,
    profiles: scan.profiles,
    markjs,
    startup,
    stores,
    syntheticSources: syntheticSources(),
    longWith: withExt.long,
    longWithout: withoutExt.long,
    hover: withExt.hover,
    blackBox: box,
    chromiumVersion,
    samples: SAMPLES,
    markjsCapMs: MARKJS_CAP_MS,
    runMinutes: (Date.now() - started) / 60_000,
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
