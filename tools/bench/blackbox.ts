/**
 * The black-box run, as an outsider would measure an extension: the same pages loaded in a browser with no
 * extension, with the reference extension (`reference.ts`) and with Fact Cards; after load and 3 s of idle,
 * CDP `Performance.getMetrics` of the page's target. Content scripts run in the page's renderer, so their
 * script time and heap show there. Each figure is the minimum of `LOADS` fresh tabs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { blockOutside, findChromium } from '../../tests/support/chromium';
import { disablePageScripts } from './longtask';

/** Loads per page and variant; `FACTCARDS_BENCH_LOADS` raises it for a steadier minimum. */
export const LOADS = Number(process.env.FACTCARDS_BENCH_LOADS ?? 3);
/** After 'load', the time the page (and a content script at document_idle) gets before the metrics are read. */
export const IDLE_MS = 3000;
/** Fact Cards' service worker registers about 3 s after launch on two cores; its content script does not wait
 * for it, but the first tab should not race the extension's own start-up either. */
const LAUNCH_SETTLE_MS = 3000;

export type Variant = 'bare' | 'reference' | 'factcards';

export interface Metrics {
  scriptMs: number;
  taskMs: number;
  heapBytes: number;
  /** Ranges in `CSS.highlights` at the end: proof the extension had done its work when the metrics were read. */
  marks: number;
}

/** One page's minimum over its loads, per variant. */
export type BlackBoxPage = { page: string; kind: 'paragraph' | 'news' } & Partial<Record<Variant, Metrics>>;

/** A fresh profile with the one extension (or none), every outside request blocked and page scripts off. */
async function launch(extension: string | null): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'factcards-bench-'));
  const args = ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  if (extension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    args,
  });
  await blockOutside(context);
  await disablePageScripts(context);
  await new Promise((r) => setTimeout(r, LAUNCH_SETTLE_MS));
  for (const p of context.pages()) await p.close().catch(() => {});
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** One load in a fresh tab: load, idle, then the renderer's metrics. */
async function loadOnce(context: BrowserContext, url: string): Promise<Metrics> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    const marks = (await page.evaluate(
      '[...(globalThis.CSS?.highlights?.values() ?? [])].reduce((n, h) => n + h.size, 0)',
    )) as number;
    return {
      scriptMs: get('ScriptDuration') * 1000,
      taskMs: get('TaskDuration') * 1000,
      heapBytes: get('JSHeapUsedSize'),
      marks,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

const minOf = (runs: Metrics[]): Metrics => ({
  scriptMs: Math.min(...runs.map((r) => r.scriptMs)),
  taskMs: Math.min(...runs.map((r) => r.taskMs)),
  heapBytes: Math.min(...runs.map((r) => r.heapBytes)),
  marks: Math.min(...runs.map((r) => r.marks)),
});

/** Every page `LOADS` times in each variant (one browser per variant); the minimum of each metric per page. */
export async function blackBox(
  pages: { name: string; url: string; kind: BlackBoxPage['kind'] }[],
  extensions: Record<Exclude<Variant, 'bare'>, string>,
): Promise<BlackBoxPage[]> {
  const out: BlackBoxPage[] = pages.map((p) => ({ page: p.name, kind: p.kind }));
  const variants: [Variant, string | null][] = [
    ['bare', null],
    ['reference', extensions.reference],
    ['factcards', extensions.factcards],
  ];
  for (const [variant, extension] of variants) {
    const { context, close } = await launch(extension);
    try {
      for (const [i, p] of pages.entries()) {
        const runs: Metrics[] = [];
        for (let k = 0; k < LOADS; k++) {
          try {
            runs.push(await loadOnce(context, p.url));
          } catch (err) {
            console.log(`black box ${variant} ${p.name}: ${String(err).split('\n')[0]}`);
          }
        }
        if (runs.length > 0) out[i]![variant] = minOf(runs);
      }
    } finally {
      await close();
    }
    console.log(`black box: ${variant} done`);
  }
  return out;
}

/** A one-paragraph news-like page for the black-box run: what every extension pays on a small page. */
export const PARAGRAPH_HTML = `<!doctype html><html lang="en"><meta charset="utf-8"><title>One paragraph</title>
<body><p>President Joe Biden met Chancellor Olaf Scholz in Berlin on Tuesday, the government said, before
both leaders travelled to Paris for talks with Emmanuel Macron on Ukraine, China and the European Union's
budget; police closed streets near the Elysée Palace, and the minister of finance said the United States would
send a delegation to the summit in Brussels next month.</p></body></html>`;
