/**
 * Pages that try to break us, written for these tests: text where marks must not go, a mutation storm, SPA
 * navigation, open shadow roots, iframes, a strict CSP, sabotaged globals, hostile layouts, right-to-left
 * text and a 2 MB page. Every test also fails on an error raised by extension code.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type StaticServer } from '../support/chromium';
import { DEMO_DIR, cardText, markCount, until, useExtension, waitForMarks } from './harness';

/** Card timing: 350 ms dwell plus a card body from the background; slack for a loaded two-core box. */
const CARD_TIMEOUT_MS = 3_000;

const page = (body: string, { head = '', attrs = 'lang="en"' } = {}) => `<!doctype html>
<html ${attrs}><head><meta charset="utf-8"><title>hostile</title>${head}</head>
<body>${body}</body></html>`;

/** A sentence that links two entities wherever it appears: a full name and a capital. */
const SENTENCE = 'Vladimir Putin met officials in Damascus.';

// ---- pages -------------------------------------------------------------------------------------------------

const FIELDS = page(`
  <p id="control">${SENTENCE}</p>
  <textarea id="ta">${SENTENCE}</textarea>
  <input id="in" value="${SENTENCE}">
  <div id="ce" contenteditable="true"><p>${SENTENCE}</p></div>
  <div id="ce-plain" contenteditable="plaintext-only">${SENTENCE}</div>
  <p>Inline <code id="code">${SENTENCE}</code> code.</p>
  <pre id="pre">${SENTENCE}</pre>
  <select id="sel"><option>${SENTENCE}</option></select>
  <button id="btn">${SENTENCE}</button>`);

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

const SHADOW = page(
  `<p id="light">Light text names nobody.</p>
  <news-box id="open-host"><span slot="extra">Slotted: Sergey Lavrov in Moscow.</span></news-box>
  <div id="closed-host"></div>
  <script>
    const open = document.getElementById('open-host').attachShadow({ mode: 'open' });
    open.innerHTML = '<p id="in-shadow">Shadow: ${SENTENCE}</p><slot name="extra"></slot><div id="inner-host"></div>';
    const inner = open.getElementById('inner-host').attachShadow({ mode: 'open' });
    inner.innerHTML = '<p>Nested shadow: Recep Tayyip Erdoğan in Ankara.</p>';
    const closed = document.getElementById('closed-host').attachShadow({ mode: 'closed' });
    closed.innerHTML = '<p>Closed: Bashar al-Assad.</p>';
    window.addToShadow = () => {
      const p = document.createElement('p');
      p.id = 'added-in-shadow';
      p.textContent = 'Added later: António Guterres in Tartus.';
      open.appendChild(p);
    };
    window.addHost = () => {
      const host = document.createElement('div');
      host.attachShadow({ mode: 'open' }).innerHTML = '<p>New host: Hayat Tahrir al-Sham in Idlib.</p>';
      document.body.appendChild(host);
    };
  </script>`,
);

const FRAME = page(`<p id="framed">${SENTENCE} Sergey Lavrov was there too.</p>`);

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

const RTL = page(
  `<article>
    <p id="ar-1">زار الوفد دمشق يوم الثلاثاء.</p>
    <p id="ar-2">قالت الحكومة في سوريا إن المحادثات مستمرة.</p>
    <blockquote dir="ltr" lang="en" id="quote">"We will keep working with Damascus," Vladimir Putin said.</blockquote>
  </article>`,
  { attrs: 'dir="rtl" lang="ar"' },
);

/** About 2 MB of text: paragraphs of filler with one sentence naming two entities each. */
const BIG_PARAGRAPHS = 9_000;
const FILLER =
  'The committee reviewed the budget, the schedule and the remaining open questions about the plan in detail. ';
const BIG = page(
  Array.from({ length: BIG_PARAGRAPHS }, (_, i) => `<p>${i}. ${FILLER}${SENTENCE} ${FILLER}</p>`).join('\n'),
);

// ---- servers -----------------------------------------------------------------------------------------------

/** A second origin (another port) for the cross-origin iframe. */
let other: StaticServer;
/** A server that sends a strict Content-Security-Policy header, which the static server cannot. */
let strict: Server;
let strictUrl = '';

const h = useExtension({
  '/fields.html': () => FIELDS,
  '/storm.html': () => STORM,
  '/spa/one': () => SPA,
  '/shadow.html': () => SHADOW,
  '/frame.html': () => FRAME,
  '/frames.html': () =>
    page(`<p id="top">${SENTENCE}</p>
      <iframe id="same" src="/frame.html" width="600" height="120"></iframe>
      <iframe id="cross" src="${other.url}/frame.html" width="600" height="120"></iframe>`),
  '/sabotage.html': () => SABOTAGE,
  '/rtl.html': () => RTL,
  '/big.html': () => BIG,
  ...Object.fromEntries(Object.entries(LAYOUTS).map(([k, v]) => [k, () => v])),
});

beforeAll(async () => {
  other = await serve(DEMO_DIR, { '/frame.html': () => FRAME });
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
  await other?.close();
  await new Promise((resolve) => (strict ? strict.close(resolve) : resolve(undefined)));
});

// ---- helpers -----------------------------------------------------------------------------------------------

interface Found {
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
function found(p: Page): Promise<Found[]> {
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
function watchErrors(p: Page, extensionId: string) {
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
async function withPage(pathOrUrl: string, run: (p: Page) => Promise<void>): Promise<void> {
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
async function openCard(p: Page, text: string): Promise<void> {
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

const texts = async (p: Page) => (await found(p)).map((f) => f.text).sort();

// ---- tests -------------------------------------------------------------------------------------------------

describe('hostile pages', () => {
  it('never marks text in textarea, input, contenteditable, code, pre, select or button', async () => {
    await withPage('/fields.html', async (p) => {
      await waitForMarks(p, 2);
      await h.summary(await h.tabIdOf(p));
      const marks = await found(p);
      expect(marks.map((m) => `${m.within}:${m.text}`).sort()).toEqual(['control:Damascus', 'control:Vladimir Putin']);
    });
  });

  it('marks every mention of a 1,000-paragraph mutation storm, in slices', async () => {
    await withPage('/storm.html', async (p) => {
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
    await withPage('/spa/one', async (p) => {
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

  it("marks text inside the page's open shadow roots, follows changes there, and opens a card on it", async () => {
    await withPage('/shadow.html', async (p) => {
      await waitForMarks(p, 2);
      await h.summary(await h.tabIdOf(p));
      const initial = (await found(p)).map((f) => `${f.inShadow ? 'shadow' : 'light'}:${f.text}`).sort();
      expect(initial).toEqual([
        'light:Moscow', // slotted light-DOM children are page text like any other
        'light:Sergey Lavrov',
        'shadow:Ankara',
        'shadow:Damascus',
        'shadow:Recep Tayyip Erdoğan',
        'shadow:Vladimir Putin',
      ]);
      // The closed shadow root is out of reach by design.
      expect(initial.some((t) => t.includes('Assad'))).toBe(false);

      await p.evaluate(() => (window as unknown as { addToShadow: () => void }).addToShadow());
      await until(
        async () => (await texts(p)).includes('António Guterres'),
        5_000,
        'a mark in text added to a shadow root',
      );
      await p.evaluate(() => (window as unknown as { addHost: () => void }).addHost());
      await until(async () => (await texts(p)).includes('Hayat Tahrir al-Sham'), 5_000, 'a mark in a new shadow host');

      await openCard(p, 'Vladimir Putin');
      await p.keyboard.press('Escape');
      await openCard(p, 'Recep Tayyip Erdoğan');
    });
  });

  it('runs in the top frame only: same- and cross-origin iframes stay unmarked and unchanged', async () => {
    await withPage('/frames.html', async (p) => {
      await waitForMarks(p, 2);
      await h.summary(await h.tabIdOf(p));
      const frames = p.frames().filter((f) => f !== p.mainFrame());
      expect(frames.map((f) => new URL(f.url()).origin).sort()).toEqual([h.baseUrl, other.url].sort());
      // What the frame's body is without any extension (about:blank is outside our matches).
      const reference = await h.context.newPage();
      await reference.setContent(FRAME);
      const expected = await reference.evaluate(() => document.body.innerHTML);
      await reference.close();
      for (const f of frames) {
        await f.waitForLoadState('load');
        const state = await f.evaluate(() => ({
          highlights: CSS.highlights.size,
          hosts: document.querySelectorAll('fact-cards').length,
          body: document.body.innerHTML,
          text: document.body.innerText,
        }));
        expect(state, f.url()).toEqual({
          highlights: 0,
          hosts: 0,
          body: expected,
          text: expect.stringContaining('Vladimir Putin'),
        });
      }
      // The top frame's own marks are still only its own.
      expect((await found(p)).map((m) => m.within)).toEqual(['top', 'top']);
    });
  });

  it("marks and opens a card under a strict Content-Security-Policy (default-src 'none')", async () => {
    await withPage(strictUrl, async (p) => {
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
    await withPage('/sabotage.html', async (p) => {
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
    await withPage('/news.html', async (p) => {
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
      await withPage(route, async (p) => {
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

  it('marks names on a right-to-left Arabic page and in its English quote', async () => {
    await withPage('/rtl.html', async (p) => {
      await waitForMarks(p, 3);
      await h.summary(await h.tabIdOf(p));
      const marks = (await found(p)).map((m) => `${m.within}:${m.text}`).sort();
      expect(marks).toEqual(['ar-1:دمشق', 'ar-2:سوريا', 'quote:Damascus', 'quote:Vladimir Putin']);
      await openCard(p, 'دمشق');
      expect(await cardText(p)).toContain('Damascus');
    });
  });

  it('fully marks a 2 MB page and stays responsive while it scans', async () => {
    const bytes = Buffer.byteLength(BIG);
    expect(bytes).toBeGreaterThan(1_900_000);
    await withPage('/big.html', async (p) => {
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
