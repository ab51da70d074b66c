/**
 * Time from a hover to an open card, in a browser with the built extension: the pointer moves in one step onto
 * a mark, and the page records when it first saw the move and when the card's `[role=dialog]` popover (in the
 * `<fact-cards>` host's open shadow root) opened and got its first frame. The first card of a page is reported
 * apart from later ones (the first pays for the card's code and first render).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { HOVER_DELAY_MS } from '../../core/settings';
import { marks, type Mark } from '../../tests/support/page-helpers';
import { settle } from './longtask';

/** The default dwell before a card opens (the user's `hoverDelayMs`, untouched in the bench's profile). */
export const DWELL_MS = HOVER_DELAY_MS.default;
/** Cards tried per page; a mark the pointer cannot reach (covered, clipped) opens nothing and is skipped. */
const CARDS_PER_PAGE = 5;
const MAX_TRIES = 12;
/** A card that is not open this long after the move counts as not opened (dwell is 350 ms). */
const OPEN_TIMEOUT_MS = 2500;
/** A point away from any text, where the pointer rests between cards so the open card closes. */
const REST = { x: 2, y: 798 };

export interface HoverResult {
  /** Milliseconds from the pointer's move to the open card's first frame, dwell included, in hover order. */
  cardsMs: number[];
  tried: number;
  error?: string;
}

/**
 * Page side: arms a one-shot record of the next pointer move and of the card's opening. The `<fact-cards>` host
 * exists only from the first card of a page on (ADR 0006), so the first card is seen by a per-frame check (its
 * first frame open); once the host exists, its dialog's `beforetoggle` marks the opening and the next frame is
 * the card's first.
 */
const ARM = `(() => {
  const rec = (window.__fcHover = { moved: 0, opened: 0, framed: 0 });
  addEventListener('pointermove', () => { if (!rec.moved) rec.moved = performance.now(); }, { capture: true, once: true });
  const find = () => document.querySelector('fact-cards')?.shadowRoot?.querySelector('[role="dialog"]');
  const dialog = find();
  if (dialog) {
    dialog.addEventListener('beforetoggle', (e) => {
      if (e.newState !== 'open' || rec.opened) return;
      rec.opened = performance.now();
      requestAnimationFrame(() => { rec.framed = performance.now(); });
    });
    return true;
  }
  const until = performance.now() + 3000;
  const frame = (t) => {
    if (rec.framed || t > until) return;
    if (find()?.matches(':popover-open')) rec.opened = rec.framed = performance.now();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return true;
})()`;

const cardOpen = (page: Page) =>
  page.evaluate(
    `document.querySelector('fact-cards')?.shadowRoot?.querySelector('[role="dialog"]')?.matches(':popover-open') === true`,
  ) as Promise<boolean>;

const inView = (m: Mark) => m.w >= 2 && m.h >= 2 && m.x >= 0 && m.y >= 0 && m.x + m.w <= 1280 && m.y + m.h <= 800;

/** Loads `url` in a new tab, waits for the scan, then opens up to `CARDS_PER_PAGE` cards on marks of distinct text. */
export async function hoverTimes(context: BrowserContext, url: string): Promise<HoverResult> {
  const page = await context.newPage();
  const cardsMs: number[] = [];
  let tried = 0;
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await settle(page, true);
    await page.mouse.move(REST.x, REST.y);
    const all = await marks(page);
    const seen = new Set<string>();
    const picks = all.map((m, i) => [m, i] as const).filter(([m]) => !seen.has(m.text) && seen.add(m.text));
    for (const [, index] of picks) {
      if (cardsMs.length >= CARDS_PER_PAGE || tried >= MAX_TRIES) break;
      const mark = (await marks(page, index))[index];
      if (!mark || !inView(mark)) continue;
      tried++;
      await page.evaluate(ARM);
      await page.mouse.move(mark.x + mark.w / 2, mark.y + mark.h / 2);
      const deadline = Date.now() + OPEN_TIMEOUT_MS;
      let rec = { moved: 0, opened: 0, framed: 0 };
      while (Date.now() < deadline) {
        rec = (await page.evaluate('window.__fcHover')) as typeof rec;
        if (rec.framed) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      if (rec.framed && rec.moved) cardsMs.push(rec.framed - rec.moved);
      await page.mouse.move(REST.x, REST.y);
      const closeBy = Date.now() + 3000;
      while (Date.now() < closeBy && (await cardOpen(page))) await new Promise((r) => setTimeout(r, 50));
    }
    return { cardsMs, tried };
  } catch (err) {
    return { cardsMs, tried, error: String(err).split('\n')[0] };
  } finally {
    await page.close().catch(() => {});
  }
}
