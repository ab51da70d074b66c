/**
 * What the hostile-page tests share (tests/e2e/hostile-*.test.ts): the page template and sentence, reading every
 * mark through open shadow roots, opening a card by pointer, and failing on any error raised by extension code.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Card timing: 350 ms dwell plus a card body from the background; slack for a loaded two-core box. */
export const CARD_TIMEOUT_MS = 3_000;

export const page = (body: string, { head = '', attrs = 'lang="en"' } = {}) => `<!doctype html>
<html ${attrs}><head><meta charset="utf-8"><title>hostile</title>${head}</head>
<body>${body}</body></html>`;

/** A sentence that links two entities wherever it appears: a full name and a capital. */
export const SENTENCE = 'Vladimir Putin met officials in Damascus.';

/** The parts of the e2e harness a hostile test needs (tests/e2e/harness.ts). */
export interface HostileHarness {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly baseUrl: string;
}

export interface Found {
  text: string;
  /** id of the nearest ancestor with one (crossing shadow roots to their hosts), or ''. */
  within: string;
  inShadow: boolean;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Every registered mark with where it sits. Unlike the shared helper it does not sort (ranges in different
 * shadow trees cannot be compared) and it reads through open shadow roots.
 */
export function found(p: Page): Promise<Found[]> {
  return p.evaluate(() => {
    const out: Found[] = [];
    for (const highlight of CSS.highlights.values()) {
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        let within = '';
        for (let n: Node | null = r.startContainer; n && !within;) {
          if (n instanceof Element && n.id) within = n.id;
          n = n.parentNode instanceof ShadowRoot ? n.parentNode.host : n.parentNode;
        }
        const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
        out.push({
          text: range.toString(),
          within,
          inShadow: r.startContainer.getRootNode() !== document,
          x: rect.x,
          y: rect.y,
          w: rect.width,
          h: rect.height,
        });
      }
    }
    return out;
  });
}

/** Errors from our extension's code on a page (its pageerror and console), collected until `check()`. */
export function watchErrors(p: Page, extensionId: string) {
  const errors: string[] = [];
  const ours = (s: string | undefined) => !!s && s.includes(`chrome-extension://${extensionId}/`);
  p.on('pageerror', (e) => {
    if (ours(e.stack) || ours(e.message)) errors.push(e.stack ?? e.message);
  });
  p.on('console', (m) => {
    if (m.type() === 'error' && (ours(m.location().url) || ours(m.text()))) errors.push(m.text());
  });
  return { check: () => expect(errors, 'errors raised by extension code').toEqual([]) };
}

/** Opens a page with error watching; `run` gets it and it is closed afterwards. */
export async function withPage(h: HostileHarness, pathOrUrl: string, run: (p: Page) => Promise<void>): Promise<void> {
  const p = await h.context.newPage();
  const errors = watchErrors(p, h.extensionId);
  try {
    await p.goto(pathOrUrl.startsWith('http') ? pathOrUrl : h.baseUrl + pathOrUrl);
    await run(p);
    errors.check();
  } finally {
    await p.close();
  }
}

/** Hovers the first mark with this text (scrolled into view) and waits for our card. */
export async function openCard(p: Page, text: string): Promise<void> {
  await p.mouse.move(1, 1);
  let m = (await found(p)).find((f) => f.text === text);
  if (!m) throw new Error(`no mark "${text}"; marks: ${(await found(p)).map((f) => f.text).join(', ')}`);
  if (m.y < 0 || m.y + m.h > 800) {
    await p.mouse.wheel(0, m.y - 300);
    await p.waitForTimeout(100);
    m = (await found(p)).find((f) => f.text === text)!;
  }
  await p.mouse.move(m.x + m.w / 2, m.y + m.h / 2, { steps: 3 });
  await p.locator('fact-cards').getByRole('dialog').waitFor({ state: 'visible', timeout: CARD_TIMEOUT_MS });
}

/** The texts of every mark, sorted. */
export const texts = async (p: Page) => (await found(p)).map((f) => f.text).sort();
