/**
 * Never break a page: every saved page of the shared corpus, loaded once with the extension and once in a plain
 * Chromium without it, must show the same text and the same elements (ours is the one `<fact-cards>` host added),
 * raise no error from extension code, and open a card on a mention wherever it has marks.
 *
 * JavaScript stays enabled in both browsers: that is how people read the news, and it is the only way the
 * content script keeps its timers (with script execution disabled through DevTools, the isolated world's
 * timers stop too, so hover cards could not open and its errors would not be reported). Requests leaving
 * 127.0.0.1 are aborted in both, so the pages' own scripts are mostly the inline ones.
 *
 * The pages are read in place from ../shared/corpus (or $FACTCARDS_CORPUS), never copied into the project.
 * Screenshots of a few pages with a card open go to `.output/corpus/` for review.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockOutside, launchPlain, serve, type StaticServer } from '../support/chromium';
import { reachableMark, summary, tabIdOf, until } from '../support/page-helpers';
import { REPO_ROOT, useExtension } from './harness';

const FROM_ENV = process.env.FACTCARDS_CORPUS;
const CORPUS_DIR = path.resolve(FROM_ENV ?? path.join(REPO_ROOT, '../shared/corpus'));
const PAGES_DIR = path.join(CORPUS_DIR, 'pages');
const SHOTS_DIR = path.join(REPO_ROOT, '.output/corpus');

/** Pages photographed with a card open (the corpus README's world-politics subset); missing ones are ignored. */
const SCREENSHOT_PAGES = new Set([
  'rdb-wapo-2',
  'rdb-yahoo-2',
  'pl-nytimes.com-recent',
  'traf-tichyseinblick-de',
  'aeb-albawaba.com-833caf3b',
  'traf-theintercept-com-gaza',
]);

/** Generous per-page limits: the largest pages are several MB, and the machine has two cores. */
const LOAD_TIMEOUT_MS = 20_000;
const CARD_TIMEOUT_MS = 3_000;

interface PageShape {
  innerText: string;
  /** localName of every element in document order. */
  elements: string[];
}

/** Long digit runs are page scripts' timestamps and cache busters (`?cb=1795675700110`), not text we changed. */
const shape = (page: Page): Promise<PageShape> =>
  page.evaluate(() => ({
    innerText: (document.body?.innerText ?? '').replace(/\d{10,}/g, '#'),
    elements: [...document.querySelectorAll('*')].map((el) => el.localName),
  }));

/** Cheap comparison first: hashes of the normalised text and of the element list without our host. */
const fingerprint = (page: Page): Promise<{ text: string; elements: string; ours: number }> =>
  page.evaluate(() => {
    const hash = (s: string) => {
      let h = 0;
      for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
      return `${s.length}:${h}`;
    };
    const all = [...document.querySelectorAll('*')].map((el) => el.localName);
    return {
      text: hash((document.body?.innerText ?? '').replace(/\d{10,}/g, '#')),
      elements: hash(all.filter((n) => n !== 'fact-cards').join(',')),
      ours: all.length - all.filter((n) => n !== 'fact-cards').length,
    };
  });

/** Where two texts first differ, with a little context, or null when they are equal. */
function textDiff(without: string, withExt: string): string | null {
  if (without === withExt) return null;
  let i = 0;
  while (i < without.length && without[i] === withExt[i]) i++;
  const at = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 40), i + 40));
  return `at ${i}: without ${at(without)}, with ${at(withExt)}`;
}

/**
 * What the extension added: `after` must be `before` with at most one `fact-cards` element inserted.
 * Returns a description of the first difference, or null when the pages match.
 */
function extraElements(before: string[], after: string[]): string | null {
  const ours = after.filter((n) => n === 'fact-cards').length;
  if (ours > 1) return `${ours} <fact-cards> hosts`;
  const rest = after.filter((n) => n !== 'fact-cards');
  if (rest.length !== before.length) return `${before.length} elements without the extension, ${rest.length} with it`;
  const i = rest.findIndex((n, k) => n !== before[k]);
  if (i < 0) return null;
  // Same elements in another order: the page's own async inserts (ads, widgets) finished in another order,
  // which our scan's CPU time can shift. Nothing was added or removed, which is what this check is about.
  const sorted = (list: string[]) => [...list].sort().join(',');
  if (sorted(rest) === sorted(before)) return null;
  return `element #${i} is <${rest[i]}> with the extension, <${before[i]}> without`;
}

const corpusPresent = existsSync(PAGES_DIR);

if (!corpusPresent && (FROM_ENV !== undefined || process.env.CI === 'true')) {
  describe('corpus sweep', () => {
    it('needs the corpus', () => {
      throw new Error(
        FROM_ENV !== undefined
          ? `FACTCARDS_CORPUS is set to ${FROM_ENV}, but ${PAGES_DIR} does not exist`
          : `${PAGES_DIR} not found: CI must provide ../shared/corpus or set FACTCARDS_CORPUS`,
      );
    });
  });
} else if (!corpusPresent) {
  console.warn(
    `skipped: the corpus sweep needs saved pages at ${PAGES_DIR} (../shared/corpus); none found. ` +
      'Set FACTCARDS_CORPUS to a corpus folder to run it.',
  );
  describe.skip('corpus sweep', () => {
    it('loads every page with and without the extension', () => {});
  });
} else {
  const names = (await readdir(PAGES_DIR))
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -'.html'.length))
    .sort();
  const h = useExtension();

  let server: StaticServer;
  let plainBrowser: Browser;
  let plainContext: BrowserContext;
  /** Errors raised by extension code on the current page, from either context. */
  let errors: string[] = [];
  /** Only our extension's URLs: some saved pages reference other extensions (chrome-extension://invalid/). */
  const fromExtension = (s: string | undefined) => !!s && s.includes(`chrome-extension://${h.extensionId}/`);
  const listen = (p: Page) => {
    p.on('pageerror', (e) => {
      if (fromExtension(e.stack) || fromExtension(e.message)) errors.push(`pageerror: ${e.stack ?? e.message}`);
    });
    p.on('console', (m) => {
      if (m.type() === 'error' && (fromExtension(m.location().url) || fromExtension(m.text()))) {
        errors.push(`console: ${m.text()} at ${m.location().url}`);
      }
    });
  };
  const timings: string[] = [];

  beforeAll(async () => {
    server = await serve(PAGES_DIR);
    plainBrowser = await launchPlain();
    plainContext = await plainBrowser.newContext({ viewport: { width: 1280, height: 800 } });
    await blockOutside(plainContext);
    await mkdir(SHOTS_DIR, { recursive: true });
    (await h.worker()).on('console', (m) => {
      if (m.type() === 'error') errors.push(`service worker: ${m.text()}`);
    });
  });

  afterAll(async () => {
    if (process.env.FACTCARDS_CORPUS_TIMINGS) console.log(timings.join('\n'));
    await plainBrowser?.close();
    await server?.close();
  });

  // Some saved pages run scripts whose DOM changes race each other (async ad and tracking snippets), so the two
  // loads can differ by the page's own timing; a page gets two more fresh loads before a difference counts.
  // A difference we cause is there on every load.
  describe('corpus sweep', { retry: 2 }, () => {
    it('has pages', () => {
      expect(names.length).toBeGreaterThan(0);
    });

    it.each(names)(
      '%s: same text and elements, no extension error, a card on a mention',
      async (name) => {
        errors = [];
        const url = `${server.url}/${name}.html`;
        // Fresh tabs per page: a page's own late redirect must not land in the next page's load.
        const [page, plain] = await Promise.all([h.context.newPage(), plainContext.newPage()]);
        let elsewhere = false;
        for (const p of [page, plain]) {
          listen(p);
          p.on('framenavigated', (f) => {
            if (f === p.mainFrame() && f.url() !== url) elsewhere = true;
          });
        }
        const t0 = Date.now();
        const phases: number[] = [];
        const lap = () => phases.push(Date.now() - t0);
        try {
          await Promise.all([
            page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS }),
            plain.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS }),
          ]);
          lap();
          const worker = await h.worker();
          const tabId = await tabIdOf(worker, page);
          // The summary reply waits for the first scan to finish.
          const s = await summary(worker, tabId, LOAD_TIMEOUT_MS);
          expect(s.url, 'the content script answered the summary message').toBe(url);
          lap();

          // Page scripts keep changing their DOM for a while after load (ads, lazy iframes): compare until the
          // two agree or 5 s pass, so a difference that stays is ours, not the page's timing.
          let diff: string | null = null;
          const compare = async () => {
            const [withExt, without] = await Promise.all([fingerprint(page), fingerprint(plain)]);
            if (withExt.text === without.text && withExt.elements === without.elements && withExt.ours <= 1) {
              diff = null;
              return true;
            }
            const [a, b] = await Promise.all([shape(page), shape(plain)]);
            diff = textDiff(b.innerText, a.innerText) ?? extraElements(b.elements, a.elements);
            return diff === null;
          };
          await until(compare, 5_000, 'the two loads to agree').catch(() => undefined);
          expect(diff, 'the page with the extension differs from the page without it').toBeNull();
          lap();

          if (s.sequence.length > 0) {
            // Some pages hide their body until their own (blocked) scripts arrive: wait a little for that.
            let reach = await reachableMark(page);
            for (let i = 0; i < 4 && !('x' in reach); i++) {
              await page.waitForTimeout(500);
              reach = await reachableMark(page);
            }
            if ('x' in reach) {
              // Some pages move under the pointer after we scroll (scroll anchoring, late layout): aim again.
              const dialog = page.locator('fact-cards').getByRole('dialog');
              for (let attempt = 1; ; attempt++) {
                await page.mouse.move(1, 1);
                await page.mouse.move(reach.x, reach.y, { steps: 2 });
                const shown = await dialog
                  .waitFor({ state: 'visible', timeout: attempt < 3 ? CARD_TIMEOUT_MS / 2 : CARD_TIMEOUT_MS })
                  .then(() => true)
                  .catch((err: unknown) => {
                    if (attempt >= 3) throw err;
                    return false;
                  });
                if (shown) break;
                const again = await reachableMark(page);
                if ('x' in again) reach = again;
              }
              if (SCREENSHOT_PAGES.has(name)) await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
              await page.keyboard.press('Escape');
              await dialog.waitFor({ state: 'hidden', timeout: CARD_TIMEOUT_MS });
            } else {
              // A reader could not point at these either; the check above proves the reason is the page's.
              console.log(`${name}: no mark to hover (${reach.hidden} not rendered, ${reach.covered} covered)`);
            }
          }
          lap();
          timings.push(`${name}\t${phases.join('\t')}\t${s.sequence.length}`);
        } catch (err) {
          if (!elsewhere) throw err;
          // The page sent itself elsewhere (a redirect script to its live site, which is blocked here).
          // Both browsers must go the same way; nothing of ours is left to compare.
          await until(async () => page.url() !== url && plain.url() !== url, 5_000, `${name} to leave in both`);
          console.log(`${name}: the page navigated itself to ${page.url()} (with) and ${plain.url()} (without)`);
        } finally {
          await Promise.all([page.close(), plain.close()]);
        }
        expect(errors).toEqual([]);
      },
      60_000,
    );
  });
}
