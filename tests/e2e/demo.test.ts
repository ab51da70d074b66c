/**
 * The built extension on demo/news.html and demo/dark.html: marks, hover cards, the popup, the per-site switch
 * and the JSON export, checked the way a user would see them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { card, DEMO_DIR, hover, markCount, marks, until, useExtension, waitForMarks } from './harness';

const h = useExtension();

/** Names demo/news.html was written to show (as they appear in the text). */
const EXPECTED_NAMES = [
  'Ahmed al-Sharaa',
  'Sharaa',
  'Vladimir Putin',
  'Putin',
  'Sergey Lavrov',
  'Bashar al-Assad',
  'Hafez al-Assad',
  'Asaad al-Shaibani',
  'Assad al-Shaibani',
  'Damascus',
  'Moscow',
  'Kremlin',
  'Hmeimim',
  'Tartus',
  'Latakia',
  'Idlib',
  'Turkey',
  'Recep Tayyip Erdoğan',
  'Israel',
  'United Nations',
  'António Guterres',
  'Hayat Tahrir al-Sham',
  'HTS',
  'Syrian Democratic Forces',
  'AFP',
  'Reuters',
  'TASS',
];

/** Mentions of Vladimir Putin in the article ("Vladimir Putin" once, "Putin" three times; the textarea's is not one). */
const PUTIN_MENTIONS = 4;

/** Regions of demo/news.html that must never be marked: a textarea, a code block and a contenteditable div. */
const UNMARKED_IDS = ['reader-comment', 'api-example', 'draft-note'];

/** Card timing: the contract says "within about a second"; allow scheduling slack on a loaded CI box. */
const CARD_TIMEOUT_MS = 1_500;

interface DomSnapshot {
  texts: string[];
  elements: string[];
  openShadowHosts: string[];
  innerText: string;
  highlights: number;
}

/** Every text node's data and every element (tag and attributes) of the document, in document order. */
function snapshot(page: Page): Promise<DomSnapshot> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push((n as Text).data);
    const all = [...document.documentElement.querySelectorAll('*')];
    return {
      texts,
      elements: all.map((el) => el.localName + [...el.attributes].map((a) => ` ${a.name}="${a.value}"`).join('')),
      openShadowHosts: all.filter((el) => el.shadowRoot).map((el) => el.localName),
      innerText: document.body.innerText,
      highlights: CSS.highlights.size,
    };
  });
}

describe('demo/news.html', () => {
  // Set up lazily inside the tests rather than in beforeAll: a missing feature (or browser) then fails every
  // test that needs it, with its reason, instead of marking them skipped. Each step runs once.
  let newsReady: Promise<Page> | undefined;
  let marksReady: Promise<Page> | undefined;
  let tabIdReady: Promise<number> | undefined;
  /** The news page, once it has marks. */
  const marked = () =>
    (marksReady ??= (newsReady ??= h.open('/news.html')).then(async (p) => (await waitForMarks(p), p)));
  /** The news page's tab id (found through the content script, so it needs the page to be marked). */
  const tab = () => (tabIdReady ??= marked().then((p) => h.tabIdOf(p)));

  it('marks the names the page was written to show', async () => {
    const news = await marked();
    const found = (await marks(news)).map((m) => m.text);
    const missing = EXPECTED_NAMES.filter((name) => !found.some((text) => text === name || text.includes(name)));
    expect(missing, `marked: ${JSON.stringify(found)}`).toEqual([]);
  });

  it('does not mark demonyms', async () => {
    const news = await marked();
    const demonyms = (await marks(news)).filter((m) => /^(?:Syrian|Russian)s?$/.test(m.text));
    expect(demonyms).toEqual([]);
  });

  it('leaves the textarea, the code block and the contenteditable div unmarked', async () => {
    const news = await marked();
    const inside = (await marks(news)).filter((m) => UNMARKED_IDS.some((id) => m.path.includes('#' + id)));
    expect(inside).toEqual([]);
    // The regions do hold names, so the check above means something.
    const regionTexts = await news.evaluate(
      (ids) => ids.map((id) => (document.getElementById(id) as HTMLElement).textContent),
      UNMARKED_IDS,
    );
    expect(regionTexts.join(' ')).toMatch(/Putin[\s\S]*Moscow[\s\S]*Damascus/);
  });

  it('reports one entity id per mark, in page order (summary.sequence)', async () => {
    const news = await marked();
    const s = await h.summary(await tab());
    expect(Array.isArray(s.sequence), 'PageSummary.sequence is missing').toBe(true);
    expect(s.sequence).toHaveLength((await marks(news)).length);
    const ids = new Set(s.entities.map((e) => e.id));
    expect(s.sequence.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('shows Asaad al-Shaibani, not Bashar al-Assad, on hovering "Assad al-Shaibani"', async () => {
    const news = await marked();
    await hover(news, 'Assad al-Shaibani');
    await card(news, 'Asaad al-Shaibani').waitFor({ state: 'visible', timeout: CARD_TIMEOUT_MS });
    expect(await card(news, 'Bashar al-Assad').count()).toBe(0);
    await news.keyboard.press('Escape');
    await card(news, 'Asaad al-Shaibani').waitFor({ state: 'hidden', timeout: CARD_TIMEOUT_MS });
  });

  it('opens a card on hovering "Vladimir Putin" and closes it with Escape', async () => {
    const news = await marked();
    await news.mouse.move(1, 1);
    await hover(news, 'Vladimir Putin');
    const dialog = card(news, 'Vladimir Putin');
    await dialog.waitFor({ state: 'visible', timeout: CARD_TIMEOUT_MS });
    await news.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: CARD_TIMEOUT_MS });
  });

  it('changes no page node and adds exactly one host element', async () => {
    const news = await marked();
    // Runs after the hover tests, so a lazily created card host exists by now.
    const plain = await h.context.newPage();
    try {
      // about:blank is outside the content script's matches: the same HTML, untouched by the extension.
      await plain.setContent(await readFile(path.join(DEMO_DIR, 'news.html'), 'utf8'));
      const before = await snapshot(plain);
      const after = await snapshot(news);
      expect(before.highlights, 'the reference page must not be processed by the extension').toBe(0);
      expect(after.texts).toEqual(before.texts);
      expect(after.innerText).toEqual(before.innerText);

      const added = diffElements(before.elements, after.elements);
      expect(added, 'the page gains exactly one element, and nothing else changes').toHaveLength(1);
      expect(after.openShadowHosts, 'the host holds the card UI in an open shadow root').toContain(
        added[0]!.split(' ')[0],
      );
    } finally {
      await plain.close();
    }
  });

  it('lists Vladimir Putin with his count in the popup', async () => {
    const s = await h.summary(await tab());
    const putin = s.entities.find((e) => e.name === 'Vladimir Putin');
    expect(putin, `entities: ${s.entities.map((e) => e.name).join(', ')}`).toBeDefined();
    expect(putin!.count).toBe(PUTIN_MENTIONS);
    expect(putin!.mentions).toHaveLength(putin!.count);

    const popup = await h.openPopup(await tab());
    try {
      await popup.getByText('Vladimir Putin', { exact: true }).first().waitFor({ timeout: 5_000 });
      const rowText = await popup.evaluate(() => {
        // The innermost element naming Putin, then up to three ancestors: the first that also holds a number
        // and no other entity's name is the row.
        const named = [...document.querySelectorAll('body *')].filter(
          (el) =>
            el.textContent?.includes('Vladimir Putin') &&
            ![...el.children].some((c) => c.textContent?.includes('Vladimir Putin')),
        )[0];
        for (let el = named ?? null, up = 0; el && up < 4; el = el.parentElement, up++) {
          const text = el.textContent ?? '';
          if (/\d/.test(text.replace('Vladimir Putin', ''))) return text;
        }
        return named?.textContent ?? '';
      });
      expect(rowText).toMatch(new RegExp(`Vladimir Putin\\D*${PUTIN_MENTIONS}(?!\\d)`));
      await popup.getByRole('switch', { name: /Enabled on 127\.0\.0\.1/ }).waitFor({ timeout: 5_000 });
    } finally {
      await popup.close();
    }
  });

  it('exports the summary as JSON with the documented shape', async () => {
    const news = await marked();
    const popup = await h.openPopup(await tab());
    try {
      const button = popup.getByRole('button', { name: 'Export JSON' });
      await button.waitFor({ timeout: 5_000 });
      const [download] = await Promise.all([popup.waitForEvent('download', { timeout: 5_000 }), button.click()]);
      const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as Record<string, unknown>;
      expect(exported).toMatchObject({ url: news.url(), title: 'Demo: Syria and Russia reset ties' });
      const entities = exported.entities as Record<string, unknown>[];
      expect(entities.length).toBeGreaterThan(5);
      for (const e of entities) {
        expect(e).toEqual({
          id: expect.any(String),
          name: expect.any(String),
          type: expect.stringMatching(/^(?:person|place|organization|event)$/),
          wikipedia: expect.any(String),
          count: expect.any(Number),
          mentions: expect.any(Array),
        });
        expect((e.mentions as unknown[]).length).toBe(e.count);
      }
      expect(entities.find((e) => e.name === 'Vladimir Putin')).toMatchObject({ count: PUTIN_MENTIONS });
    } finally {
      await popup.close();
    }
  });

  it('switching the site off clears every tab of the host at once, survives reload, and switches back on', async () => {
    const news = await marked();
    const dark = await h.open('/dark.html');
    await waitForMarks(dark);
    const popup = await h.openPopup(await tab());
    const toggle = popup.getByRole('switch', { name: /Enabled on 127\.0\.0\.1/ });
    const both = async () => [await markCount(news), await markCount(dark)];
    try {
      await toggle.waitFor({ timeout: 5_000 });
      expect(await toggle.isChecked()).toBe(true);

      await toggle.click();
      await until(async () => (await both()).every((n) => n === 0), 2_000, 'marks to clear in both tabs');
      // Nothing of ours is left: no registered highlight, no UI host.
      for (const page of [news, dark]) {
        expect(
          await page.evaluate(() => ({
            highlights: CSS.highlights.size,
            hosts: document.querySelectorAll('fact-cards').length,
          })),
        ).toEqual({ highlights: 0, hosts: 0 });
      }

      await news.reload();
      // Give a (wrongly) enabled content script time to mark the page before checking it did not.
      await news.waitForTimeout(1_500);
      expect(await markCount(news)).toBe(0);

      await toggle.click();
      await until(async () => (await both()).every((n) => n > 0), 3_000, 'marks to return in both tabs');
    } finally {
      // Leave the site enabled for any later test, even when an assertion failed midway.
      if ((await toggle.isChecked().catch(() => true)) === false) await toggle.click().catch(() => {});
      await popup.close();
      await dark.close();
    }
  });
});

describe('demo/dark.html', () => {
  it('marks names and opens a card on a dark page', async () => {
    const dark = await h.open('/dark.html');
    try {
      await waitForMarks(dark);
      await hover(dark, 'Vladimir Putin');
      await card(dark, 'Vladimir Putin').waitFor({ state: 'visible', timeout: CARD_TIMEOUT_MS });
    } finally {
      await dark.close();
    }
  });
});

/** Elements of `after` that are not in `before`, assuming only insertions happened. */
function diffElements(before: string[], after: string[]): string[] {
  const added: string[] = [];
  let i = 0;
  for (const el of after) {
    if (el === before[i]) i++;
    else added.push(el);
  }
  return i === before.length ? added : [...added, `(and ${before.length - i} original elements changed or missing)`];
}
