/**
 * `npm run bench`: how fast the scan is on the saved corpus, against a floor (reading the text once), a single
 * alias regex and mark.js; how it scales with the store; how long the content script takes to start; and the
 * longest main-thread task with and without the extension. Prints a table and writes `.output/bench.json`.
 *
 * Env: FACTCARDS_CORPUS (corpus path), FACTCARDS_BENCH_PAGES=N (quick run on N pages, always incl. 1 MB+ pages),
 * FACTCARDS_BENCH_PROFILE=page[,page] (CPU profile of the scan on those pages).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext } from 'playwright-core';
import { compileIndex, type CompiledIndex } from '../store/compile';
import { loadRecords } from '../store/load';
import { bundlePageScript } from './bench/bundle';
import { CORPUS_DIR, markjsSubset, readManifest, selectPages, type CorpusPage } from './bench/corpus';
import { disablePageScripts, longTasks, prepareContext, type LongTaskResult } from './bench/longtask';
import type { BenchApi, PageTimes } from './bench/page';
import { profileScan, type HotFunction } from './bench/profile';
import { report, type BuildResult, type MarkjsResult, type PageResult } from './bench/report';
import { syntheticIndex } from './bench/synthetic';
import { blockOutside, launchPlain, launchWithExtension, serve } from '../tests/support/chromium';

/** At least five samples per measurement, as the issue asks; the report uses their median. */
const SAMPLES = 5;
/** A mark.js run stops after this long; the rest is extrapolated from the aliases it got through. */
const MARKJS_CAP_MS = 20_000;
const SCALES: Record<string, number> = { '1k': 1_000, '10k': 10_000, '100k': 100_000 };

/** The page side's API, as `page.evaluate` callbacks see it (they are serialised, so no closures). */
type BenchWindow = { __fcBench: BenchApi };

async function main(): Promise<void> {
  const limit = process.env.FACTCARDS_BENCH_PAGES ? Number(process.env.FACTCARDS_BENCH_PAGES) : undefined;
  const pages = selectPages(readManifest(), limit);
  const markjsPages = new Set(markjsSubset(pages));
  const profilePages = new Set((process.env.FACTCARDS_BENCH_PROFILE ?? '').split(',').filter(Boolean));
  console.log(
    `corpus ${CORPUS_DIR}: ${pages.length} pages; mark.js on ${[...markjsPages].map((p) => p.name).join(', ')}`,
  );

  const indexes: Record<string, CompiledIndex> = { real: compileIndex(loadRecords().map((r) => r.record)) };
  const compileMs: Record<string, number> = {};
  for (const [name, n] of Object.entries(SCALES)) {
    const t0 = performance.now();
    indexes[name] = syntheticIndex(n);
    compileMs[name] = performance.now() - t0;
  }
  const json = Object.fromEntries(Object.entries(indexes).map(([k, v]) => [k, JSON.stringify(v)]));
  const routes = Object.fromEntries(
    Object.entries(json).map(([k, body]) => [`/__bench/index-${k}.json`, () => ({ body, type: 'application/json' })]),
  );
  routes['/__bench/blank.html'] = () => ({
    body: '<!doctype html><title>blank</title><body></body>',
    type: 'text/html',
  });
  const server = await serve(CORPUS_DIR, routes);
  const base = `${server.url}/__bench`;
  const pageScript = await bundlePageScript();
  const markjsScript = readFileSync(createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js'), 'utf8');

  // Scan measurements: no extension, page scripts off, precise heap numbers. JavaScript itself stays enabled:
  // with it disabled, DOM callbacks from evaluated code (mark.js's NodeIterator filter) refuse to run.
  const browser: Browser = await launchPlain({ args: ['--enable-precise-memory-info', '--js-flags=--expose-gc'] });
  const chromiumVersion = browser.version();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await blockOutside(context);
  await disablePageScripts(context);
  const open = async (url: string) => {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.evaluate(pageScript);
    return page;
  };

  // Start-up and index build, each in fresh pages so the first (cold) run is what a content script pays.
  const startup: { cold: number[]; warm: number[] } = { cold: [], warm: [] };
  for (let i = 0; i < SAMPLES; i++) {
    const page = await open(`${base}/blank.html`);
    const r = await page.evaluate(([j, n]) => (window as unknown as BenchWindow).__fcBench.startup(j, n), [
      json.real!,
      SAMPLES,
    ] as const);
    startup.cold.push(r.cold);
    startup.warm.push(...r.warm);
    await page.close();
  }
  const builds: Record<string, BuildResult> = {};
  for (const name of Object.keys(json)) {
    const page = await open(`${base}/blank.html`);
    const r = await page.evaluate(([u, n, k]) => (window as unknown as BenchWindow).__fcBench.build(u, n, k), [
      base,
      name,
      SAMPLES,
    ] as const);
    builds[name] = { ...r, indexBytes: json[name]!.length, compileMs: compileMs[name] ?? null };
    await page.close();
  }
  console.log('start-up and build done');

  const results: PageResult[] = [];
  const markjs: MarkjsResult[] = [];
  const profiles: Record<string, HotFunction[]> = {};
  const harness = await open(`${base}/blank.html`);
  await harness.evaluate(([u, ns]) => (window as unknown as BenchWindow).__fcBench.load(u, ns), [
    base,
    Object.keys(json),
  ] as const);
  for (const [i, p] of pages.entries()) {
    try {
      await harness.evaluate((url) => (window as unknown as BenchWindow).__fcBench.open(url), server.url + p.urlPath);
      const times: PageTimes = await harness.evaluate(
        ([ns, k]) => (window as unknown as BenchWindow).__fcBench.measurePage('real', ns, k),
        [Object.keys(SCALES), SAMPLES] as const,
      );
      results.push({ page: p, times });
      if (profilePages.has(p.name)) profiles[p.name] = await profileScan(context, harness);
      console.log(`[${i + 1}/${pages.length}] ${p.name}`);
    } catch (err) {
      results.push({ page: p, error: String(err).split('\n')[0] });
      console.log(`[${i + 1}/${pages.length}] ${p.name}: ${String(err).split('\n')[0]}`);
    }
  }
  await harness.close();
  // mark.js changes the DOM it marks, so each run gets the page freshly loaded in its own tab.
  const aliases = [...new Set(indexes.real!.aliases.map((a) => a[0]))].sort((a, b) => b.length - a.length);
  for (const p of markjsPages) {
    const page = await open(server.url + p.urlPath);
    try {
      await page.evaluate(markjsScript);
      const r = await page.evaluate(([as, cap]) => (window as unknown as BenchWindow).__fcBench.markjs(as, cap), [
        aliases,
        MARKJS_CAP_MS,
      ] as const);
      markjs.push({ page: p.name, ...r });
      console.log(`mark.js ${p.name}: ${r.done}/${r.total} aliases in ${Math.round(r.ms)} ms`);
    } catch (err) {
      console.log(`mark.js ${p.name}: ${String(err).split('\n')[0]}`);
    } finally {
      await page.close();
    }
  }
  await browser.close();

  const longWith = await longTaskRun(pages, server.url, true);
  const longWithout = await longTaskRun(pages, server.url, false);
  await server.close();

  report({
    pages: results,
    markjs,
    startup,
    builds,
    profiles,
    longWith,
    longWithout,
    chromiumVersion,
    samples: SAMPLES,
    markjsCapMs: MARKJS_CAP_MS,
    realIndexJson: json.real,
  });
}

/** Long tasks on every page, one tab at a time, in a browser with or without the built extension. */
async function longTaskRun(
  pages: CorpusPage[],
  origin: string,
  withExtension: boolean,
): Promise<Map<string, LongTaskResult>> {
  const out = new Map<string, LongTaskResult>();
  let context: BrowserContext;
  let close: () => Promise<void>;
  if (withExtension) {
    const launched = await launchWithExtension();
    context = launched.context;
    close = launched.close;
  } else {
    const browser = await launchPlain();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await blockOutside(context);
    close = () => browser.close();
  }
  await prepareContext(context);
  for (const p of pages) out.set(p.name, await longTasks(context, origin, p, withExtension));
  await close();
  console.log(`long tasks ${withExtension ? 'with' : 'without'} the extension done`);
  return out;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
