/**
 * The bench's browser runs, each in a browser of its own: scan timings in a harness page, mark.js on fresh pages,
 * start-up per store in fresh pages, and long tasks (plus hover-to-card with the extension) over several loads.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { blockOutside, launchPlain, launchWithExtension } from '../../tests/support/chromium';
import type { CorpusPage } from './corpus';
import { hoverTimes, type HoverResult } from './hover';
import { disablePageScripts, longTasks, prepareContext, worstOf, type LongTaskResult } from './longtask';
import type { MarkjsRun } from './page-markjs';
import type { BenchApi, PageTimes, StartupTimes } from './page';
import { EXTENSION_BUILD } from './paths';
import { profileScan, type HotFunction } from './profile';

/** The page side's API, as `page.evaluate` callbacks see it (they are serialised, so no closures). */
type BenchWindow = { __fcBench: BenchApi };

/** Loads per page for long tasks, with page scripts off and again with them on; the maximum is reported. */
export const LONG_TASK_LOADS = 5;
/** Fresh pages per store for start-up; the cold figure is their median. */
export const STARTUP_PAGES = 3;

export interface PageResult {
  page: CorpusPage;
  times?: PageTimes;
  error?: string;
}
export interface MarkjsResult {
  page: string;
  each?: MarkjsRun;
  regexp?: MarkjsRun;
}
export interface LongTaskPair {
  scriptsOff: LongTaskResult;
  scriptsOn: LongTaskResult;
}

/** A plain browser for in-page measurements: precise heap numbers and `gc()`. */
export async function measuringBrowser(): Promise<{ browser: Browser; context: BrowserContext }> {
  const browser = await launchPlain({ args: ['--enable-precise-memory-info', '--js-flags=--expose-gc'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await blockOutside(context);
  // Page scripts off (CSP); JavaScript itself stays enabled: with it disabled, DOM callbacks from evaluated code
  // (the floor's TreeWalker filter, mark.js's NodeIterator filter) refuse to run.
  await disablePageScripts(context);
  return { browser, context };
}

/** Opens `url` in a new tab and evaluates the page script there. */
export async function openWithScript(context: BrowserContext, url: string, script: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.evaluate(script);
  return page;
}

/** Start-up of each store's binary in `STARTUP_PAGES` fresh pages each. */
export async function startupRun(
  context: BrowserContext,
  blank: string,
  script: string,
  binBase: string,
  names: string[],
  samples: number,
): Promise<Record<string, StartupTimes[]>> {
  const out: Record<string, StartupTimes[]> = {};
  for (const name of names) {
    out[name] = [];
    for (let i = 0; i < STARTUP_PAGES; i++) {
      const page = await openWithScript(context, blank, script);
      out[name].push(
        await page.evaluate(([u, n]) => (window as unknown as BenchWindow).__fcBench.startup(u, n), [
          `${binBase}/index-${name}.bin`,
          samples,
        ] as const),
      );
      await page.close();
    }
  }
  return out;
}

/** Scan timings of every page in one harness tab (engines opened once), with optional CPU profiles. */
export async function scanRun(
  context: BrowserContext,
  blank: string,
  script: string,
  binBase: string,
  origin: string,
  pages: CorpusPage[],
  stores: string[],
  samples: number,
  profilePages: Set<string>,
): Promise<{ results: PageResult[]; profiles: Record<string, HotFunction[]> }> {
  const results: PageResult[] = [];
  const profiles: Record<string, HotFunction[]> = {};
  const harness = await openWithScript(context, blank, script);
  const names: string[] = ['real', ...stores];
  await harness.evaluate(([u, ns]) => (window as unknown as BenchWindow).__fcBench.load(u, ns), [
    binBase,
    names,
  ] as const);
  for (const [i, p] of pages.entries()) {
    try {
      await harness.evaluate((url) => (window as unknown as BenchWindow).__fcBench.open(url), origin + p.urlPath);
      const times = await harness.evaluate(
        ([ns, k]) => (window as unknown as BenchWindow).__fcBench.measurePage('real', ns, k),
        [stores, samples] as const,
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
  return { results, profiles };
}

/** mark.js changes the DOM it marks, so each run gets the page freshly loaded in its own tab. */
export async function markjsRun(
  context: BrowserContext,
  script: string,
  markjsScript: string,
  aliases: string[],
  origin: string,
  pages: CorpusPage[],
  capMs: number,
): Promise<MarkjsResult[]> {
  const out: MarkjsResult[] = [];
  for (const p of pages) {
    const r: MarkjsResult = { page: p.name };
    for (const kind of ['each', 'regexp'] as const) {
      const page = await openWithScript(context, origin + p.urlPath, script);
      try {
        await page.evaluate(markjsScript);
        r[kind] = await page.evaluate(
          ([k, list, cap]) => (window as unknown as BenchWindow).__fcBench.markjs(k, list, cap),
          [kind, aliases, capMs] as const,
        );
        console.log(`mark.js ${kind} ${p.name}: ${Math.round(r[kind].ms)} ms`);
      } catch (err) {
        console.log(`mark.js ${kind} ${p.name}: ${String(err).split('\n')[0]}`);
      } finally {
        await page.close();
      }
    }
    out.push(r);
  }
  return out;
}

/**
 * Long tasks on every page (`LONG_TASK_LOADS` loads with page scripts off, as many with them on, the worst of
 * each), one tab at a time; with the extension, also the time from a hover to an open card.
 */
export async function longTaskRun(
  pages: CorpusPage[],
  origin: string,
  withExtension: boolean,
): Promise<{ long: Map<string, LongTaskPair>; hover: Map<string, HoverResult> }> {
  const long = new Map<string, LongTaskPair>();
  const hover = new Map<string, HoverResult>();
  let context: BrowserContext;
  let close: () => Promise<void>;
  if (withExtension) {
    const launched = await launchWithExtension({ extensionPath: EXTENSION_BUILD });
    context = launched.context;
    close = launched.close;
  } else {
    const browser = await launchPlain();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await blockOutside(context);
    close = () => browser.close();
  }
  await prepareContext(context);
  for (const p of pages) {
    const loads = async (scriptsOn: boolean) => {
      const runs: LongTaskResult[] = [];
      for (let k = 0; k < LONG_TASK_LOADS; k++)
        runs.push(await longTasks(context, origin, p, withExtension, scriptsOn));
      return worstOf(runs);
    };
    long.set(p.name, { scriptsOff: await loads(false), scriptsOn: await loads(true) });
    if (withExtension) hover.set(p.name, await hoverTimes(context, origin + p.urlPath));
  }
  await close();
  console.log(`long tasks ${withExtension ? 'with' : 'without'} the extension done`);
  return { long, hover };
}
