/**
 * Reads what the extension did to a page, from the outside: the marks in `CSS.highlights`, the hover card
 * (`card-helpers.ts`, re-exported here), and the `summary` message. Shared by the end-to-end tests and the demo.
 *
 * Functions passed to `page.evaluate` are serialised and run in the page, so they declare no named inner
 * functions (tsx's keepNames would wrap those in a `__name` helper the page does not have).
 */
import type { Page, Worker } from 'playwright-core';
import type { PageSummary } from '../../core/messages';

export { card, cardText, clickInCard, focused, inCard, inExtensionWorld } from './card-helpers';

/** One mark: its text, the first client rect of its range (viewport px) and where it sits in the DOM. */
export interface Mark {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Element ancestry of the range start, innermost last: `body>article#story>p>b`; `[contenteditable]` flagged. */
  path: string;
}

/** The `summary` reply: `sequence` holds the entity id of every mention in page order. */
export type Summary = PageSummary & { sequence: string[] };

/** The slice of the extension API the service worker evaluations use (no @types/chrome in this project). */
interface ChromeTabs {
  tabs: {
    query: (q: object) => Promise<{ id?: number; url?: string }[]>;
    sendMessage: (tabId: number, message: unknown, options: { frameId: number }) => Promise<unknown>;
  };
}

/**
 * Page-side expression: every range registered in `CSS.highlights` as a live Range (highlights may hold
 * StaticRanges, which have no rects or text), in document order. The one copy of this walk: every reader of
 * marks (Chromium tests, the demo, the Firefox smoke test) runs its own function over it with `overRanges`.
 */
const LIVE_RANGES_JS = `(() => {
  const ranges = [];
  if (!globalThis.CSS?.highlights) return ranges;
  for (const highlight of CSS.highlights.values()) {
    for (const r of highlight) {
      const range = document.createRange();
      try {
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
      } catch {
        continue;
      }
      ranges.push(range);
    }
  }
  return ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
})()`;

/** Any driver's page that evaluates an expression string (Playwright and Puppeteer both do). */
export interface Evaluating {
  evaluate(expression: string): Promise<unknown>;
}

/**
 * Runs `fn(ranges, arg)` in the page over the marks' live ranges. `fn` is sent as source text, like any
 * `page.evaluate` function: it may use only its parameters and page globals; `arg` must be JSON.
 */
export function overRanges<A, R>(page: Evaluating, fn: (ranges: Range[], arg: A) => R, arg: A): Promise<R> {
  return page.evaluate(`(${fn.toString()})(${LIVE_RANGES_JS}, ${JSON.stringify(arg)})`) as Promise<R>;
}

/**
 * Every range registered in `CSS.highlights`, in document order.
 * With `scrollTo`, first scrolls the mark with that index to the middle of the viewport.
 */
export function marks(page: Evaluating, scrollTo = -1): Promise<Mark[]> {
  return overRanges(
    page,
    (ranges, scrollIndex) => {
      const target = ranges[scrollIndex];
      if (target) {
        const el = target.startContainer.parentElement;
        el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      }
      return ranges.map((range) => {
        const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
        const names: string[] = [];
        for (
          let el = range.startContainer.parentElement;
          el && el !== document.documentElement;
          el = el.parentElement
        ) {
          names.unshift(
            el.localName + (el.id ? '#' + el.id : '') + (el.hasAttribute('contenteditable') ? '[contenteditable]' : ''),
          );
        }
        return { text: range.toString(), x: rect.x, y: rect.y, w: rect.width, h: rect.height, path: names.join('>') };
      });
    },
    scrollTo,
  );
}

/** A point on a mark the pointer can reach, or why there is none. */
export type Reach = { x: number; y: number; text: string } | { hidden: number; covered: number };

/**
 * Scrolls to the first mark the pointer can reach (the caret at its centre lands inside it, so nothing covers
 * it) and returns that point; otherwise counts the marks that are not rendered visibly and those covered by
 * something else. Runs in the page, with the same caret API the content script hit-tests with.
 */
export function reachableMark(page: Evaluating): Promise<Reach> {
  return overRanges(
    page,
    (ranges) => {
      const probe = (range: Range) => {
        const rect = range.getClientRects()[0];
        if (!rect || rect.width < 2 || rect.height < 2) return null;
        const x = rect.left + rect.width / 2;
        const y = rect.top + rect.height / 2;
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return null;
        const caret = document.caretPositionFromPoint(x, y);
        if (!caret || !range.isPointInRange(caret.offsetNode, caret.offset)) return null;
        return { x, y, text: range.toString() };
      };
      const visible = (range: Range) =>
        range.startContainer.parentElement?.checkVisibility({ opacityProperty: true, visibilityProperty: true }) ===
        true;
      // First a mark already in view, then up to 40 visible others scrolled to the middle of the viewport.
      for (const range of ranges) {
        const hit = probe(range);
        if (hit) return hit;
      }
      let tries = 0;
      for (const range of ranges) {
        if (!visible(range)) continue;
        if (tries++ >= 40) break;
        range.startContainer.parentElement!.scrollIntoView({
          block: 'center',
          inline: 'nearest',
          behavior: 'instant',
        });
        const hit = probe(range);
        if (hit) return hit;
      }
      const hidden = ranges.filter((r) => !visible(r)).length;
      return { hidden, covered: ranges.length - hidden };
    },
    null,
  );
}

/** Number of ranges in `CSS.highlights`. */
export function markCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const highlight of CSS.highlights.values()) n += highlight.size;
    return n;
  });
}

/**
 * Polls `check` from Node until it returns true. Node-side polling keeps working in background tabs,
 * where Chromium throttles the page's own timers and animation frames.
 */
export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the page has at least `atLeast` marks. */
export async function waitForMarks(page: Page, atLeast = 1, timeoutMs = 10_000): Promise<void> {
  await until(async () => (await markCount(page)) >= atLeast, timeoutMs, `${atLeast}+ marks on ${page.url()}`);
}

/** Moves the mouse to the centre of the first client rect of the `nth` mark whose text is `text`. */
export async function hover(page: Page, text: string, nth = 0): Promise<Mark> {
  const index = (await marks(page)).map((m, i) => (m.text === text ? i : -1)).filter((i) => i >= 0)[nth];
  if (index === undefined) {
    throw new Error(
      `No mark #${nth} with text "${text}" on ${page.url()}; marks: ${JSON.stringify((await marks(page)).map((m) => m.text))}`,
    );
  }
  const mark = (await marks(page, index))[index]!;
  await page.mouse.move(mark.x + mark.w / 2, mark.y + mark.h / 2, { steps: 4 });
  return mark;
}

/**
 * The extension's tab id for `page`. Matches `tabs.query` URLs; without the `tabs` permission those are
 * hidden, so it falls back to asking each tab's content script for its summary URL, retrying while the
 * content script starts.
 */
export async function tabIdOf(worker: Worker, page: Page, timeoutMs = 10_000): Promise<number> {
  let id: number | null = null;
  await until(
    async () => {
      id = await worker.evaluate(async (url) => {
        const api = (globalThis as unknown as { chrome: ChromeTabs }).chrome;
        const tabs = await api.tabs.query({});
        const byUrl = tabs.find((t) => t.url === url);
        if (byUrl?.id !== undefined) return byUrl.id;
        for (const tab of tabs) {
          if (tab.id === undefined) continue;
          try {
            const reply = (await api.tabs.sendMessage(tab.id, { type: 'summary' }, { frameId: 0 })) as { url?: string };
            if (reply?.url === url) return tab.id;
          } catch {
            // No content script in that tab (yet): extension pages, about:blank, a page still loading.
          }
        }
        return null;
      }, page.url());
      return id !== null;
    },
    timeoutMs,
    `the tab of ${page.url()} (by tabs.query URL or by summary URL)`,
  );
  return id!;
}

/** Sends the popup's `summary` message to a tab's top frame, retrying while the content script starts. */
export async function summary(worker: Worker, tabId: number, timeoutMs = 5_000): Promise<Summary> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const reply = await worker.evaluate(
        ([t]) =>
          (globalThis as unknown as { chrome: ChromeTabs }).chrome.tabs.sendMessage(
            t,
            { type: 'summary' },
            { frameId: 0 },
          ),
        [tabId] as const,
      );
      if (reply) return reply as Summary;
      throw new Error(`tab ${tabId} answered the summary message with ${JSON.stringify(reply)}`);
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`summary of tab ${tabId} failed: ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
