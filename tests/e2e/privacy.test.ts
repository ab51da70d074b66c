/**
 * Never leak: while a user reads the demo page and a saved news page, hovers cards, opens the popup and
 * switches the site off and on, no context of the browser (pages, popup, service worker) requests anything but
 * the pages the test loaded and the extension's own files; the card is plain text from our own component, out
 * of the page's reach in a closed shadow root; and the content script opens no channel the page could listen on.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, blockOutside, launchPlain, serve, type StaticServer } from '../support/chromium';
import { REPO_ROOT, hover, inCard, markCount, reachableMark, until, useExtension, waitForMarks } from './harness';

const CORPUS_PAGES = path.join(
  path.resolve(process.env.FACTCARDS_CORPUS ?? path.join(REPO_ROOT, '../shared/corpus')),
  'pages',
);
/** A saved news page with world-politics names; without the corpus, the dark demo page stands in. */
const CORPUS_PAGE = 'rdb-wapo-2.html';
const corpusPresent = existsSync(path.join(CORPUS_PAGES, CORPUS_PAGE));

interface Seen {
  url: string;
  /** Who asked: a web page (its URL), an extension page, or the service worker. */
  from: 'worker' | 'extension-page' | 'page';
  page: string;
}

const h = useExtension();
let corpus: StaticServer | undefined;
const seen: Seen[] = [];

const record = (r: Request) => {
  if (r.serviceWorker()) return seen.push({ url: r.url(), from: 'worker', page: '' });
  let page = '';
  try {
    page = r.frame().page().url();
  } catch {
    page = '';
  }
  seen.push({ url: r.url(), from: page.startsWith('chrome-extension://') ? 'extension-page' : 'page', page });
};

/** Long digit runs are cache busters and timestamps that differ between two loads of the same page. */
const norm = (url: string) => url.replace(/\d{6,}/g, '#');

beforeAll(async () => {
  if (corpusPresent) corpus = await serve(CORPUS_PAGES);
  h.context.on('request', record);
  // Every message posted to the page's window, from anyone, as the page would see it.
  // And every event named the way WXT's content-script context names its announcements (after our extension id),
  // on the document and the window: a page that knows the id could listen for them.
  await h.context.addInitScript((id) => {
    const w = window as unknown as { __fcMessages: string[] };
    w.__fcMessages = [];
    for (const name of ['content-script-started', 'locationchange']) {
      const type = `${id}:content:wxt:${name}`;
      for (const target of [document, window]) target.addEventListener(type, () => w.__fcMessages.push(type));
    }
    addEventListener('message', (e) => {
      let data: string;
      try {
        data = JSON.stringify(e.data);
      } catch {
        data = String(e.data);
      }
      w.__fcMessages.push(`${e.origin} ${data}`);
    });
  }, h.extensionId);
});

afterAll(async () => {
  await corpus?.close();
});

/**
 * The requests a page makes on its own: the same URL loaded in a plain Chromium without the extension, with
 * the same blocking of the outside world.
 */
async function baseline(url: string): Promise<{ urls: Set<string>; globals: string[] }> {
  const browser = await launchPlain();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await blockOutside(context);
    const urls = new Set<string>();
    context.on('request', (r) => void urls.add(norm(r.url())));
    const p = await context.newPage();
    await p.goto(url);
    await p.waitForTimeout(1_500);
    return { urls, globals: await p.evaluate(() => Object.getOwnPropertyNames(window)) };
  } finally {
    await browser.close();
  }
}

/** Tags our card components can render (lowercase JSX intrinsics in components/), plus the UI wrapper's. */
async function ourTags(): Promise<Set<string>> {
  const dir = path.join(REPO_ROOT, 'components');
  const tags = new Set(['html', 'head', 'body', 'style', 'div']);
  for (const f of await readdir(dir)) {
    if (!f.endsWith('.tsx')) continue;
    for (const m of (await readFile(path.join(dir, f), 'utf8')).matchAll(/<([a-z][a-z0-9]*)[\s>/]/g)) tags.add(m[1]!);
  }
  return tags;
}

/** What the card body holds (read from our own world): tags, attributes a page could abuse, link targets. */
const cardDom = (p: Page) =>
  inCard<{ tags: string[]; handlers: string[]; hrefs: string[]; text: string }>(
    p,
    `(() => {
      const all = root ? [...root.querySelectorAll('*')] : [];
      return {
        tags: [...new Set(all.map((el) => el.localName))],
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
        hrefs: all.flatMap((el) => (el.getAttribute('href') !== null ? [el.getAttribute('href')] : [])),
        text: root?.textContent ?? '',
      };
    })()`,
  );

/** What a page script can see of the open card: every element and all text it can reach from `fact-cards`. */
const pageView = (p: Page) =>
  p.evaluate(() => {
    const host = document.querySelector('fact-cards');
    const open = host?.shadowRoot;
    const els = open ? [...open.querySelectorAll('*')] : [];
    return {
      dialogs: open?.querySelectorAll('[role="dialog"]').length ?? 0,
      name: open?.querySelector('[role="dialog"]')?.getAttribute('aria-label') ?? null,
      // Text outside our <style> sheets: the host's light DOM and the dialog (whose body is in the closed root).
      text: (host?.textContent ?? '') + (open?.querySelector('[role="dialog"]')?.textContent ?? ''),
      reachableRoots: els.filter((el) => el.shadowRoot).length,
      buttons: els.filter((el) => el.localName === 'button' || el.localName === 'a').length,
    };
  });

describe('privacy', () => {
  it('requests nothing but the test pages and our own files; no page channel; the card is our text', async () => {
    const demoUrl = `${h.baseUrl}/news.html`;
    const otherUrl = corpus ? `${corpus.url}/${CORPUS_PAGE}` : `${h.baseUrl}/dark.html`;
    const demoBase = await baseline(demoUrl);
    const allowedFromPages = new Set([...demoBase.urls, ...(await baseline(otherUrl)).urls]);
    const tags = await ourTags();

    // 1. The demo page: marks, a card.
    const demo = await h.open('/news.html');
    await waitForMarks(demo);
    await hover(demo, 'Vladimir Putin');
    const dialog = demo.locator('fact-cards').getByRole('dialog');
    await dialog.waitFor({ state: 'visible', timeout: 3_000 });
    const card = await cardDom(demo);
    expect(card.text, 'the card body our world sees').toContain('Vladimir Putin');
    // The page sees the dialog and its name (text of its own) but not one word of the card, nor its buttons.
    expect(await pageView(demo)).toEqual({
      dialogs: 1,
      name: 'Vladimir Putin',
      text: '',
      reachableRoots: 0,
      buttons: 0,
    });
    expect(
      card.tags.filter((t) => !tags.has(t)),
      'elements not rendered by our components',
    ).toEqual([]);
    expect(card.tags.filter((t) => ['img', 'script', 'iframe', 'object', 'embed', 'link'].includes(t))).toEqual([]);
    expect(card.handlers, 'inline event handler attributes').toEqual([]);
    expect(
      card.hrefs.filter((u) => !/^https:\/\//.test(u)),
      'links other than https',
    ).toEqual([]);
    await demo.keyboard.press('Escape');

    // 2. A saved news page: marks, a card.
    const other = await h.context.newPage();
    await other.goto(otherUrl);
    await waitForMarks(other);
    const target = await reachableMark(other);
    if (!('x' in target)) throw new Error(`no mark the pointer can reach on ${otherUrl}: ${JSON.stringify(target)}`);
    await other.mouse.move(target.x, target.y, { steps: 3 });
    await other.locator('fact-cards').getByRole('dialog').waitFor({ state: 'visible', timeout: 3_000 });
    await other.keyboard.press('Escape');

    // 3. The popup: the site switch off and on.
    const tabId = await h.tabIdOf(demo);
    const popup = await h.openPopup(tabId);
    const toggle = popup.getByRole('switch', { name: /Enabled on 127\.0\.0\.1/ });
    await toggle.waitFor({ timeout: 5_000 });
    await toggle.click();
    await until(async () => (await markCount(demo)) === 0, 3_000, 'marks to clear');
    await toggle.click();
    await until(async () => (await markCount(demo)) > 0, 5_000, 'marks to return');

    // Canaries: the recorder must see requests made by the service worker and by an extension page.
    const canary = `${h.baseUrl}/canary`;
    await (
      await h.worker()
    ).evaluate(
      (u) =>
        fetch(u + '-worker').then(
          () => 0,
          () => 0,
        ),
      canary,
    );
    await popup.evaluate(
      (u) =>
        fetch(u + '-popup').then(
          () => 0,
          () => 0,
        ),
      canary,
    );
    await until(async () => seen.filter((s) => s.url.startsWith(canary)).length === 2, 3_000, 'both canaries');
    expect(seen.find((s) => s.url === canary + '-worker')?.from).toBe('worker');
    expect(seen.find((s) => s.url === canary + '-popup')?.from).toBe('extension-page');

    const ours = `chrome-extension://${h.extensionId}/`;
    // A file of our build, also under the random origin `use_dynamic_url` gives web-accessible resources.
    const ourFile = (url: string) => {
      const u = new URL(url);
      return u.protocol === 'chrome-extension:' && existsSync(path.join(EXTENSION_DIR, decodeURIComponent(u.pathname)));
    };
    const unexpected = seen.filter((s) => {
      if (s.url.startsWith(canary)) return false;
      if (s.url.startsWith(ours) || ourFile(s.url)) return false;
      if (s.from !== 'page') return true; // the worker and the popup only ever load our own files
      return !allowedFromPages.has(norm(s.url)) && !s.url.endsWith('/favicon.ico');
    });
    expect(unexpected, 'requests not made by the page itself nor to our own files').toEqual([]);
    expect(seen.filter((s) => s.url.startsWith(ours)).length, 'the recorder saw our own files load').toBeGreaterThan(0);

    // No channel: nothing posted to the page's window, no global added, no element at all: no card was opened on
    // this page, and the one host comes only with the first card (ADR 0006).
    for (const p of [demo, other]) {
      const messages = await p.evaluate(() => (window as unknown as { __fcMessages: string[] }).__fcMessages);
      expect.soft(messages, `postMessage traffic seen by ${p.url()}`).toEqual([]);
    }
    // The same page in a plain Chromium (same origin, same secure context) names the globals the page has.
    const added = (await demo.evaluate(() => Object.getOwnPropertyNames(window))).filter(
      (g) => !demoBase.globals.includes(g) && g !== '__fcMessages',
    );
    expect(added, 'globals the page can see').toEqual([]);
    expect(
      await demo.evaluate(() => ({
        hosts: document.querySelectorAll('fact-cards').length,
        highlightNames: [...CSS.highlights.keys()].filter((k) => !k.startsWith('fact-cards-')),
      })),
    ).toEqual({ hosts: 0, highlightNames: [] });

    await popup.close();
    await other.close();
    await demo.close();
  });
});
