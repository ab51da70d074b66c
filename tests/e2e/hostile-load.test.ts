/**
 * Hostile pages that change under us or are large: a mutation storm, SPA navigation and a 2 MB page.
 * Every test also fails on an error raised by extension code. Shared helpers: tests/support/hostile-pages.ts.
 */
import { describe, expect, it } from 'vitest';
import { page, SENTENCE, texts, withPage } from '../support/hostile-pages';
import { markCount, until, useExtension, waitForMarks } from './harness';

/** 1,000 paragraphs inserted in 100 bursts of 10, one burst per task, as fast as the page can. */
const STORM_PARAGRAPHS = 1_000;
const STORM = page(
  `<main id="feed"><p>${SENTENCE}</p></main>
  <script>
    window.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    window.storm = () => new Promise((resolve) => {
      const feed = document.getElementById('feed');
      let made = 0;
      const burst = () => {
        for (let i = 0; i < 10; i++) {
          const p = document.createElement('p');
          p.textContent = 'Item ' + (++made) + ': ${SENTENCE}';
          feed.appendChild(p);
        }
        if (made < ${STORM_PARAGRAPHS}) setTimeout(burst, 0);
        else resolve(performance.now());
      };
      window.__stormStart = performance.now();
      burst();
    });
  </script>`,
);

/** Three "routes" swapped in place, the way a single-page app does. */
const SPA = page(
  `<nav><a href="#" id="go-two">two</a></nav>
  <main id="view"><p>First story: Vladimir Putin flew to Damascus.</p></main>
  <script>
    const views = {
      one: '<p>First story: Vladimir Putin flew to Damascus.</p>',
      two: '<p>Second story: Sergey Lavrov spoke in Moscow.</p>',
      three: '<p>Third story: Recep Tayyip Erdoğan visited Ankara.</p>',
    };
    const show = (name) => { document.getElementById('view').innerHTML = views[name]; };
    window.spa = {
      push(name) { history.pushState({ name }, '', '/spa/' + name); show(name); },
      replace(name) { history.replaceState({ name }, '', '/spa/' + name); show(name); },
    };
    history.replaceState({ name: 'one' }, '', location.href);
    addEventListener('popstate', (e) => show(e.state.name));
  </script>`,
);

/** About 2 MB of text: paragraphs of filler with one sentence naming two entities each. */
const BIG_PARAGRAPHS = 9_000;
const FILLER =
  'The committee reviewed the budget, the schedule and the remaining open questions about the plan in detail. ';
const BIG = page(
  Array.from({ length: BIG_PARAGRAPHS }, (_, i) => `<p>${i}. ${FILLER}${SENTENCE} ${FILLER}</p>`).join('\n'),
);

const h = useExtension({
  '/storm.html': () => STORM,
  '/spa/one': () => SPA,
  '/big.html': () => BIG,
});

describe('hostile pages: change and size', () => {
  it('marks every mention of a 1,000-paragraph mutation storm, in slices', async () => {
    await withPage(h, '/storm.html', async (p) => {
      await waitForMarks(p, 2);
      const tab = await h.tabIdOf(p);
      const stormEnd = await p.evaluate(() => (window as unknown as { storm: () => Promise<number> }).storm());
      const expected = 2 * (STORM_PARAGRAPHS + 1);
      await until(async () => (await markCount(p)) === expected, 20_000, `${expected} marks after the storm`);
      const settled = await p.evaluate(() => performance.now());
      const s = await h.summary(tab);
      expect(s.sequence).toHaveLength(expected);
      expect(s.entities.map((e) => [e.name, e.count])).toEqual([
        ['Vladimir Putin', STORM_PARAGRAPHS + 1],
        ['Damascus', STORM_PARAGRAPHS + 1],
      ]);
      // Long tasks cannot be attributed to a content script, and on a shared two-core box the page's own
      // bursts and rendering can exceed 50 ms too, so they are reported here rather than asserted.
      const tasks = await p.evaluate(
        () => (window as unknown as { __longtasks: { start: number; duration: number }[] }).__longtasks,
      );
      const start = await p.evaluate(() => (window as unknown as { __stormStart: number }).__stormStart);
      const during = tasks.filter((t) => t.start >= start - 1 && t.start <= settled);
      console.log(
        `storm: inserted in ${Math.round(stormEnd - start)} ms, all ${expected} marks after ` +
          `${Math.round(settled - start)} ms (upper bound: polled); long tasks meanwhile: ${during.length}, ` +
          `longest ${Math.round(Math.max(0, ...during.map((t) => t.duration)))} ms`,
      );
    });
  });

  it('follows SPA navigation: pushState, replaceState and history.back()', async () => {
    await withPage(h, '/spa/one', async (p) => {
      await waitForMarks(p, 2);
      expect(await texts(p)).toEqual(['Damascus', 'Vladimir Putin']);
      const call = (fn: 'push' | 'replace', name: string) =>
        p.evaluate(([f, n]) => (window as unknown as { spa: Record<string, (n: string) => void> }).spa[f]!(n), [
          fn,
          name,
        ] as const);
      const settle = async (want: string[], what: string) =>
        until(async () => JSON.stringify(await texts(p)) === JSON.stringify(want), 5_000, what).catch(
          async (err: Error) => {
            throw new Error(`${err.message}; marks now: ${JSON.stringify(await texts(p))}`);
          },
        );

      await call('push', 'two');
      await settle(['Moscow', 'Sergey Lavrov'], 'the pushed view to be marked and the old marks gone');
      expect(p.url()).toMatch(/\/spa\/two$/);

      await call('replace', 'three');
      await settle(['Ankara', 'Recep Tayyip Erdoğan'], 'the replaced view to be marked');

      await p.evaluate(() => history.back());
      await settle(['Damascus', 'Vladimir Putin'], 'the first view to be marked again after history.back()');
      expect(p.url()).toMatch(/\/spa\/one$/);
      const s = await h.summary(await h.tabIdOf(p));
      expect(s.sequence).toHaveLength(2);
    });
  });

  it('fully marks a 2 MB page and stays responsive while it scans', async () => {
    const bytes = Buffer.byteLength(BIG);
    expect(bytes).toBeGreaterThan(1_900_000);
    await withPage(h, '/big.html', async (p) => {
      const expected = 2 * BIG_PARAGRAPHS;
      // Responsiveness without a stopwatch: the page keeps answering while the marks are still incomplete, at
      // several different counts, so the scan ran in many tasks with the page's own work between them. (How
      // long those tasks are is the bench's job: `npm run bench`, "tasks of ours".)
      const seen: number[] = [];
      const pings: number[] = [];
      const t0 = Date.now();
      let count = 0;
      while (count < expected && Date.now() - t0 < 60_000) {
        const t = Date.now();
        await p.evaluate(() => 1);
        pings.push(Date.now() - t);
        count = await markCount(p);
        seen.push(count);
        await p.waitForTimeout(50);
      }
      const partial = new Set(seen.filter((c) => c > 0 && c < expected));
      console.log(
        `2 MB page (${bytes} bytes): ${count} marks after ${Date.now() - t0} ms; ${pings.length} pings, ` +
          `slowest ${Math.max(...pings)} ms; ${partial.size} partial counts seen`,
      );
      expect(count).toBe(expected);
      expect(partial.size, 'the page answered at several stages of the scan').toBeGreaterThanOrEqual(3);
    });
  }, 90_000);
});
