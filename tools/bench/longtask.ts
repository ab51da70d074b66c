/**
 * Longest main-thread task per page, with the built extension loaded and without it, over several loads, with
 * page scripts off (a `script-src 'none'` CSP header; extension content scripts are exempt from page CSP, so
 * what remains is the browser's own parse/style/layout work plus ours) and on (`?scripts=on` in the URL).
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { CorpusPage } from './corpus';

/** Installed before any page script: records every long task, including ones buffered before it ran. */
const OBSERVER = `(() => {
  window.__fcLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__fcLongTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/** Without the extension, the page has nothing left to do this long after 'load'. */
const PLAIN_SETTLE_MS = 1500;
/** With it, the scan is over when the highlight count has not changed for this long... */
const STABLE_MS = 750;
/** ...or at the latest this long after 'load'. */
const MAX_SETTLE_MS = 6000;

export interface LongTaskResult {
  longestMs: number;
  /** The longest task that started after DOMContentLoaded (content scripts run at document_idle, after it). */
  longestLateMs: number;
  count: number;
  /** Ranges in CSS.highlights at the end (0 without the extension). */
  marks: number;
  loadMs: number;
  error?: string;
}

/** Switches off the corpus pages' own scripts, and installs the long-task observer. */
export async function prepareContext(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: OBSERVER });
  await disablePageScripts(context);
}

/** The query that leaves a corpus page's own scripts on. */
export const SCRIPTS_ON = 'scripts=on';

/**
 * Serves corpus pages with a `script-src 'none'` CSP header unless their URL asks for `SCRIPTS_ON`: their
 * scripts (which throw or reload here) stay off, while `page.evaluate`, init scripts and extension content
 * scripts, which page CSP does not govern, still run.
 */
export async function disablePageScripts(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.pathname.startsWith('/pages/') && !url.search.includes(SCRIPTS_ON),
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': "script-src 'none'" },
      });
    },
  );
}

const highlightCount = (page: Page) =>
  page.evaluate(() => {
    let n = 0;
    for (const h of CSS.highlights.values()) n += h.size;
    return n;
  });

/** Waits until the extension's scan is over (the highlight count stable), or a fixed time without it. */
export async function settle(page: Page, withExtension: boolean): Promise<void> {
  if (!withExtension) return new Promise((r) => setTimeout(r, PLAIN_SETTLE_MS));
  let last = -1;
  let stableSince = Date.now();
  const deadline = Date.now() + MAX_SETTLE_MS;
  while (Date.now() < deadline) {
    const n = await highlightCount(page);
    if (n !== last) {
      last = n;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= STABLE_MS) break;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Loads one page in a new tab, waits for the scan (if any) to settle, and reads the long tasks. */
export async function longTasks(
  context: BrowserContext,
  origin: string,
  p: CorpusPage,
  withExtension: boolean,
  scriptsOn = false,
): Promise<LongTaskResult> {
  const page = await context.newPage();
  try {
    const t0 = Date.now();
    await page.goto(origin + p.urlPath + (scriptsOn ? `?${SCRIPTS_ON}` : ''), { waitUntil: 'load', timeout: 60_000 });
    const loadMs = Date.now() - t0;
    await settle(page, withExtension);
    const { tasks, dcl } = await page.evaluate(() => ({
      tasks: (window as unknown as { __fcLongTasks?: [number, number][] }).__fcLongTasks ?? [],
      dcl:
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
          ?.domContentLoadedEventEnd ?? 0,
    }));
    return {
      longestMs: Math.max(0, ...tasks.map((t) => t[1])),
      longestLateMs: Math.max(0, ...tasks.filter((t) => t[0] >= dcl).map((t) => t[1])),
      count: tasks.length,
      marks: await highlightCount(page),
      loadMs,
    };
  } catch (err) {
    return { longestMs: NaN, longestLateMs: NaN, count: 0, marks: 0, loadMs: NaN, error: String(err).split('\n')[0] };
  } finally {
    await page.close().catch(() => {});
  }
}

/** The worst of several loads: the maximum of each measure (errors kept only when every load failed). */
export function worstOf(runs: LongTaskResult[]): LongTaskResult {
  const ok = runs.filter((r) => !r.error);
  if (ok.length === 0) return runs[0]!;
  const max = (f: (r: LongTaskResult) => number) => Math.max(...ok.map(f));
  return {
    longestMs: max((r) => r.longestMs),
    longestLateMs: max((r) => r.longestLateMs),
    count: max((r) => r.count),
    marks: max((r) => r.marks),
    loadMs: max((r) => r.loadMs),
  };
}
