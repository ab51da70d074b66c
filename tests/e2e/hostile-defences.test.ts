/**
 * Hostile page code and layouts: a strict CSP, globals and prototypes sabotaged before we run, input the page
 * synthesises, and page styles that try to hide, shrink or misplace the card.
 * Every test also fails on an error raised by extension code. Shared helpers: tests/support/hostile-pages.ts.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_TIMEOUT_MS, found, openCard, page, SENTENCE, withPage } from '../support/hostile-pages';
import { cardText, until, useExtension, waitForMarks } from './harness';

/** Sabotaged before the content script runs (document_idle comes after every inline script). */
const SABOTAGE = page(
  `<p id="target">${SENTENCE}</p><p>Sergey Lavrov spoke in Moscow.</p>
  <script>
    const boom = () => { throw new Error('sabotaged'); };
    window.Map = null;
    window.Set = null;
    window.WeakMap = null;
    window.Promise = null;
    window.MutationObserver = null;
    window.requestAnimationFrame = null;
    window.setTimeout = boom;
    window.getComputedStyle = boom;
    Array.prototype.map = boom;
    Array.prototype.filter = boom;
    Array.prototype.push = boom;
    Function.prototype.bind = boom;
    JSON.parse = boom;
    Object.defineProperty = boom;
    Node.prototype.appendChild = boom;
    Node.prototype.insertBefore = boom;
    Element.prototype.append = boom;
    Element.prototype.attachShadow = boom;
    Element.prototype.getBoundingClientRect = boom;
    Element.prototype.getClientRects = boom;
    EventTarget.prototype.addEventListener = boom;
    document.createRange = null;
    document.createElement = boom;
    document.createTreeWalker = boom;
    document.caretPositionFromPoint = boom;
    CSS.highlights.set = boom;
    window.Highlight = boom;
    window.StaticRange = boom;
    window.chrome = { runtime: { sendMessage: boom, id: 'fake' } };
    window.browser = window.chrome;
  </script>`,
);

/** A mention in the middle of a viewport-wide paragraph with a given page style. */
const layoutPage = (css: string, body?: string) =>
  page(
    body ??
      `<div style="height:300px"></div><p id="target">Reports say ${SENTENCE}</p><div style="height:1500px"></div>`,
    { head: `<style>${css}</style>` },
  );

const LAYOUTS: Record<string, string> = {
  '/layout/tiny-root.html': layoutPage('html{font-size:4px} body{font-size:1rem}'),
  '/layout/huge-root.html': layoutPage('html{font-size:40px} body{font-size:1rem}'),
  '/layout/scaled-body.html': layoutPage('body{transform:scale(0.9);transform-origin:0 0}'),
  '/layout/overflow-hidden.html': layoutPage(
    '#box{height:40px;overflow:hidden;position:relative;margin-top:300px;border:1px solid #999}',
    `<div id="box"><p id="target" style="margin:8px">Inside a clipped box: ${SENTENCE}</p></div><div style="height:1500px"></div>`,
  ),
  '/layout/max-z-overlay.html': layoutPage(
    '#overlay{position:fixed;left:0;right:0;top:340px;bottom:0;z-index:2147483647;background:#fc0;opacity:.95}',
    `<div id="overlay">overlay</div><div style="height:300px"></div><p id="target">Above the overlay: ${SENTENCE}</p><div style="height:1500px"></div>`,
  ),
};

/** A server that sends a strict Content-Security-Policy header, which the static server cannot. */
let strict: Server;
let strictUrl = '';

const h = useExtension({
  '/sabotage.html': () => SABOTAGE,
  ...Object.fromEntries(Object.entries(LAYOUTS).map(([k, v]) => [k, () => v])),
});

beforeAll(async () => {
  strict = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'",
      'cache-control': 'no-store',
    });
    res.end(page(`<p id="target">Under a strict policy: ${SENTENCE}</p>`));
  });
  await new Promise<void>((resolve) => strict.listen(0, '127.0.0.1', resolve));
  strictUrl = `http://127.0.0.1:${(strict.address() as AddressInfo).port}/strict.html`;
});

afterAll(async () => {
  await new Promise((resolve) => (strict ? strict.close(resolve) : resolve(undefined)));
});

describe('hostile pages: page code and layouts', () => {
  it("marks and opens a card under a strict Content-Security-Policy (default-src 'none')", async () => {
    await withPage(h, strictUrl, async (p) => {
      const csp = await p.evaluate(() => {
        // Proves the policy is in force: an inline style attribute set by the page is refused.
        const el = document.createElement('div');
        el.setAttribute('style', 'width: 123px');
        return el.style.width;
      });
      expect(csp, 'the page must be under the strict policy').toBe('');
      await waitForMarks(p, 2);
      await openCard(p, 'Vladimir Putin');
      const dialog = p.locator('fact-cards').getByRole('dialog');
      const box = await dialog.boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(280);
    });
  });

  it('works on a page that replaced globals and prototypes before we ran (isolated world)', async () => {
    await withPage(h, '/sabotage.html', async (p) => {
      // The page broke its own world's DOM helpers, so marks are read from a fresh isolated world.
      const cdp = await h.context.newCDPSession(p);
      const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
        frameId: frameTree.frame.id,
        worldName: 'fact-cards-probe',
      })) as { executionContextId: number };
      const probe = async <T>(expression: string): Promise<T> => {
        const r = (await cdp.send('Runtime.evaluate', {
          expression,
          contextId: executionContextId,
          returnByValue: true,
        })) as { result: { value: T }; exceptionDetails?: unknown };
        if (r.exceptionDetails) throw new Error(JSON.stringify(r.exceptionDetails));
        return r.result.value;
      };
      const readMarks = () =>
        probe<{ text: string; x: number; y: number }[]>(`(() => {
          const out = [];
          for (const h of CSS.highlights.values()) for (const r of h) {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            const rect = range.getClientRects()[0];
            out.push({ text: range.toString(), x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });
          }
          return out;
        })()`);
      await until(async () => (await readMarks()).length === 4, 10_000, '4 marks on the sabotaged page');
      expect((await readMarks()).map((m) => m.text).sort()).toEqual([
        'Damascus',
        'Moscow',
        'Sergey Lavrov',
        'Vladimir Putin',
      ]);
      const putin = (await readMarks()).find((m) => m.text === 'Vladimir Putin')!;
      await p.mouse.move(1, 1);
      await p.mouse.move(putin.x, putin.y, { steps: 3 });
      await p.locator('fact-cards').getByRole('dialog').waitFor({ state: 'visible', timeout: CARD_TIMEOUT_MS });
      expect(await cardText(p)).toContain('Vladimir Putin');
      const s = await h.summary(await h.tabIdOf(p));
      expect(s.sequence).toHaveLength(4);
    });
  });

  it('ignores input the page synthesises: fake pointer moves open no card, a fake Escape closes none', async () => {
    await withPage(h, '/news.html', async (p) => {
      await waitForMarks(p, 2);
      const dialog = p.locator('fact-cards').getByRole('dialog');
      const m = (await found(p)).find((f) => f.text === 'Vladimir Putin')!;
      // The page's own script fires pointer moves at the mark for a second (the dwell is 350 ms).
      await p.evaluate(
        ([x, y]) =>
          new Promise<void>((done) => {
            let n = 0;
            const timer = setInterval(() => {
              const init = { clientX: x, clientY: y, bubbles: true };
              document.elementFromPoint(x, y)?.dispatchEvent(new PointerEvent('pointermove', init));
              if (++n === 20) {
                clearInterval(timer);
                done();
              }
            }, 50);
          }),
        [m.x + m.w / 2, m.y + m.h / 2] as const,
      );
      expect(await dialog.isVisible(), 'a card opened by synthetic pointer events').toBe(false);

      // The user's pointer opens it; the page's Escape leaves it; the user's Escape closes it.
      await openCard(p, 'Vladimir Putin');
      await p.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
      await p.waitForTimeout(300);
      expect(await dialog.isVisible(), 'the card after a synthetic Escape').toBe(true);
      await p.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden', timeout: CARD_TIMEOUT_MS });
    });
  });

  for (const route of Object.keys(LAYOUTS)) {
    it(`shows the card on top, visible and 280-400 px wide: ${route}`, async () => {
      await withPage(h, route, async (p) => {
        await waitForMarks(p, 2);
        await openCard(p, 'Vladimir Putin');
        const dialog = p.locator('fact-cards').getByRole('dialog');
        const box = (await dialog.boundingBox())!;
        console.log(`${route}: card at ${JSON.stringify(box)}`);
        expect(box.width).toBeGreaterThanOrEqual(280);
        expect(box.width).toBeLessThanOrEqual(400);
        expect(box.height).toBeGreaterThan(40);
        // Inside the viewport, and what the user sees at its centre is our host, not the page.
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(1280);
        expect(box.y + box.height).toBeLessThanOrEqual(800);
        const top = await p.evaluate(([x, y]) => document.elementFromPoint(x, y)?.localName, [
          box.x + box.width / 2,
          box.y + box.height / 2,
        ] as const);
        expect(top).toBe('fact-cards');
        expect(await cardText(p)).toContain('Vladimir Putin');
      });
    });
  }
});
