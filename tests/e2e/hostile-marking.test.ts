/**
 * Hostile pages, where marks may and may not go: form fields and editable text, open and closed shadow roots,
 * iframes of both origins, and right-to-left text.
 * Every test also fails on an error raised by extension code. Shared helpers: tests/support/hostile-pages.ts.
 */
import { serve, type StaticServer } from '../support/chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { found, openCard, page, SENTENCE, texts, withPage } from '../support/hostile-pages';
import { DEMO_DIR, cardText, until, useExtension, waitForMarks } from './harness';

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

const RTL = page(
  `<article>
    <p id="ar-1">زار الوفد دمشق يوم الثلاثاء.</p>
    <p id="ar-2">قالت الحكومة في سوريا إن المحادثات مستمرة.</p>
    <blockquote dir="ltr" lang="en" id="quote">"We will keep working with Damascus," Vladimir Putin said.</blockquote>
  </article>`,
  { attrs: 'dir="rtl" lang="ar"' },
);

/** A second origin (another port) for the cross-origin iframe. */
let other: StaticServer;

const h = useExtension({
  '/fields.html': () => FIELDS,
  '/shadow.html': () => SHADOW,
  '/frame.html': () => FRAME,
  '/frames.html': () =>
    page(`<p id="top">${SENTENCE}</p>
      <iframe id="same" src="/frame.html" width="600" height="120"></iframe>
      <iframe id="cross" src="${other.url}/frame.html" width="600" height="120"></iframe>`),
  '/rtl.html': () => RTL,
});

beforeAll(async () => {
  other = await serve(DEMO_DIR, { '/frame.html': () => FRAME });
});

afterAll(async () => {
  await other?.close();
});

describe('hostile pages: where marks go', () => {
  it('never marks text in textarea, input, contenteditable, code, pre, select or button', async () => {
    await withPage(h, '/fields.html', async (p) => {
      await waitForMarks(p, 2);
      await h.summary(await h.tabIdOf(p));
      const marks = await found(p);
      expect(marks.map((m) => `${m.within}:${m.text}`).sort()).toEqual(['control:Damascus', 'control:Vladimir Putin']);
    });
  });

  it("marks text inside the page's open shadow roots, follows changes there, and opens a card on it", async () => {
    await withPage(h, '/shadow.html', async (p) => {
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
    await withPage(h, '/frames.html', async (p) => {
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

  it('marks names on a right-to-left Arabic page and in its English quote', async () => {
    await withPage(h, '/rtl.html', async (p) => {
      await waitForMarks(p, 3);
      await h.summary(await h.tabIdOf(p));
      const marks = (await found(p)).map((m) => `${m.within}:${m.text}`).sort();
      expect(marks).toEqual(['ar-1:دمشق', 'ar-2:سوريا', 'quote:Damascus', 'quote:Vladimir Putin']);
      await openCard(p, 'دمشق');
      expect(await cardText(p)).toContain('Damascus');
    });
  });
});
