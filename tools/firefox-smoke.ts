/**
 * Firefox smoke test: the built Firefox extension (.output/firefox-mv3) in real Firefox on demo/news.html.
 * Run with `npm run test:firefox` (builds first). Checks, the way a user would see them:
 *   1. the add-on installs (temporary add-on over WebDriver BiDi);
 *   2. marks appear: the page's `CSS.highlights` holds the expected names;
 *   3. the manifest stylesheet paints them (blue dotted underline pixels under a mark);
 *   4. hovering a mark opens its card (role=dialog in the `<fact-cards>` shadow root, popover open, on screen);
 *   5. Esc closes it;
 *   6. the popup (opened as a tab for the page's tab id) lists the page's entities and the site switch;
 *   7. the page reported no errors.
 * Exits non-zero with the reason on any failure, including a missing Firefox or build (never skips).
 * Plain tsx script, not Vitest: one browser, one page, one run. Set FIREFOX_PATH to use another Firefox.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { serve, type StaticServer } from '../tests/support/chromium';
import { marks, type Mark } from '../tests/support/page-helpers';
import { FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension, type LaunchedFirefox } from '../tests/support/firefox';

const DEMO_DIR = fileURLToPath(new URL('../demo', import.meta.url));

/** Names demo/news.html must show marked (a subset of tests/e2e/demo.test.ts EXPECTED_NAMES). */
const EXPECTED_NAMES = ['Vladimir Putin', 'Sergey Lavrov', 'Hmeimim Air Base', 'Damascus', 'Idlib', 'AFP'];
/** The mark hovered, and the heading its card must carry. */
const HOVER_TEXT = 'Sergey Lavrov';
/** The hover dwell is 350 ms; allow for a slow, headless, two-core machine. */
const CARD_TIMEOUT_MS = 3_000;
const MARKS_TIMEOUT_MS = 15_000;

interface CardState {
  hosts: number;
  shadow: boolean;
  dialogs: number;
  title: string | null;
  open: boolean;
  rect: { x: number; y: number; w: number; h: number } | null;
}

async function until<T>(check: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * What the card layer shows: the `<fact-cards>` host, its open shadow root and the dialog in it, named by the
 * entity (the body is in a closed root the page cannot read).
 */
function cardState(page: Page): Promise<CardState> {
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('fact-cards');
    const root = hosts[0]?.shadowRoot ?? null;
    const dialogs = root ? [...root.querySelectorAll('[role="dialog"]')] : [];
    const dialog = dialogs[0] as HTMLElement | undefined;
    const title = dialog?.getAttribute('aria-label') ?? null;
    const popover = dialog?.closest('[popover]');
    const r = dialog?.getBoundingClientRect();
    return {
      hosts: hosts.length,
      shadow: !!root,
      dialogs: dialogs.length,
      title,
      open: !!popover && popover.matches(':popover-open'),
      rect: r ? { x: r.x, y: r.y, w: r.width, h: r.height } : null,
    };
  });
}

/**
 * Pixels under `mark` in the colour of highlight.css's underline (rgb(59 130 246 / 0.85) over a light page):
 * decodes a screenshot of the mark's box in a scratch tab, so the page under test is not touched.
 */
async function underlinePixels(launched: LaunchedFirefox, page: Page, mark: Mark): Promise<number> {
  // Mark rects are viewport px; puppeteer's clip is in document px.
  const [sx, sy] = await page.evaluate(() => [window.scrollX, window.scrollY]);
  const clip = { x: mark.x + sx!, y: mark.y + sy!, width: Math.ceil(mark.w), height: Math.ceil(mark.h + 8) };
  const png = await page.screenshot({ clip, encoding: 'base64' });
  const scratch = await launched.browser.newPage();
  try {
    return await scratch.evaluate(async (data: string) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + data;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const g = canvas.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const px = g.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 0; i < px.length; i += 4) {
        const [r, gr, b] = [px[i]!, px[i + 1]!, px[i + 2]!];
        if (b > 150 && b - r > 80 && b - gr > 30) n++;
      }
      return n;
    }, png);
  } finally {
    await scratch.close();
  }
}

/**
 * Opens a moz-extension:// page in `page`. Firefox loads it (in the extension process), but puppeteer over
 * BiDi does not see that navigation finish, so `goto` times out; wait for the document instead.
 */
async function openExtensionPage(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 3_000 }).catch((err: Error) => {
    if (err.name !== 'TimeoutError') throw err;
  });
  await until(
    () =>
      page.evaluate((u: string) => location.href === u && document.readyState === 'complete', url).catch(() => false),
    10_000,
    `${url} to load`,
  );
}

async function main(): Promise<void> {
  const steps: string[] = [];
  const ok = (line: string) => {
    steps.push(line);
    console.log('  ok  ' + line);
  };
  let launched: LaunchedFirefox | undefined;
  let server: StaticServer | undefined;
  try {
    server = await serve(DEMO_DIR);
    launched = await launchFirefoxWithExtension();
    ok(`${launched.version}: installed ${path.relative(process.cwd(), FIREFOX_EXTENSION_DIR)} as ${launched.addonId}`);

    const page = await launched.browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    await page.goto(`${server.url}/news.html`, { waitUntil: 'load' });

    const hasApi = await page.evaluate(() => typeof CSS !== 'undefined' && 'highlights' in CSS);
    if (!hasApi) throw new Error('This Firefox has no CSS.highlights (Custom Highlight API needs Firefox 140+).');
    const found = await until(
      async () => {
        const texts = (await marks(page)).map((m) => m.text);
        return EXPECTED_NAMES.every((n) => texts.includes(n)) ? texts : null;
      },
      MARKS_TIMEOUT_MS,
      `marks for ${EXPECTED_NAMES.join(', ')} in the page's CSS.highlights`,
    ).catch(async (err) => {
      const texts = (await marks(page)).map((m) => m.text);
      throw new Error(`${(err as Error).message}; marks now: ${JSON.stringify(texts)}`);
    });
    const registry = await page.evaluate(() => [...CSS.highlights.keys()]);
    ok(`${found.length} marks in CSS.highlights (${registry.join(', ')}), including ${EXPECTED_NAMES.join(', ')}`);

    const index = (await marks(page)).findIndex((m) => m.text === HOVER_TEXT);
    const mark = (await marks(page, index))[index]!;
    const blue = await underlinePixels(launched, page, mark);
    if (blue < 5) {
      throw new Error(
        `No underline painted under "${HOVER_TEXT}" (${blue} blue pixels): is highlight.css in the manifest's ` +
          'content_scripts, and does this Firefox paint text-decoration in ::highlight()?',
      );
    }
    ok(`"${HOVER_TEXT}" is painted with the highlight.css underline (${blue} blue pixels)`);

    const before = await cardState(page);
    if (before.dialogs > 0 && before.open) throw new Error('A card was open before any hover.');
    await page.mouse.move(mark.x + mark.w / 2, mark.y + mark.h / 2, { steps: 4 });
    const opened = await until(
      async () => {
        const s = await cardState(page);
        return s.open && s.title === HOVER_TEXT && s.rect && s.rect.w > 0 && s.rect.h > 0 ? s : null;
      },
      CARD_TIMEOUT_MS,
      `the "${HOVER_TEXT}" card after hovering its mark`,
    ).catch(async (err) => {
      throw new Error(`${(err as Error).message}; card layer now: ${JSON.stringify(await cardState(page))}`);
    });
    ok(
      `hover opens the card: <fact-cards> shadow root holds role=dialog "${opened.title}", popover open, ` +
        `${Math.round(opened.rect!.w)}×${Math.round(opened.rect!.h)} px at (${Math.round(opened.rect!.x)}, ` +
        `${Math.round(opened.rect!.y)})`,
    );

    await page.keyboard.press('Escape');
    await until(async () => !(await cardState(page)).open, CARD_TIMEOUT_MS, 'the card to close on Escape').catch(
      async (err) => {
        throw new Error(`${(err as Error).message}; card layer now: ${JSON.stringify(await cardState(page))}`);
      },
    );
    ok('Esc closes the card');

    const popup = await launched.browser.newPage();
    await popup.setViewport({ width: 380, height: 600 });
    await openExtensionPage(popup, `${launched.extensionOrigin}/popup.html?tabId=-1`);
    // The page's tab id, as the background would see it: without the `tabs` permission tabs.query hides URLs,
    // so ask each tab's content script for its summary and match the URL (as scripts/page-helpers.ts does).
    const pageUrl = page.url();
    const tabId = await until(
      () =>
        popup.evaluate(async (url: string) => {
          type Api = {
            tabs: {
              query: (q: object) => Promise<{ id?: number }[]>;
              sendMessage: (id: number, m: unknown, o: { frameId: number }) => Promise<{ url?: string } | undefined>;
            };
          };
          const api = (globalThis as unknown as { browser: Api }).browser;
          for (const tab of await api.tabs.query({})) {
            if (tab.id === undefined) continue;
            const reply = await api.tabs
              .sendMessage(tab.id, { type: 'summary' }, { frameId: 0 })
              .catch(() => undefined);
            if (reply?.url === url) return tab.id;
          }
          return null;
        }, pageUrl),
      5_000,
      `the tab id of ${pageUrl} (summary message from an extension page)`,
    );
    await popup.evaluate((search: string) => location.replace(search), `?tabId=${tabId}`);
    await until(
      () =>
        popup.evaluate((id: number) => location.search === `?tabId=${id}` && document.readyState === 'complete', tabId),
      5_000,
      `the popup for tab ${tabId} to load`,
    );
    const host = new URL(pageUrl).hostname;
    const popupText = await until(
      async () => {
        const text = await popup.evaluate(() => document.body.innerText);
        return text.includes(HOVER_TEXT) && text.includes(`Enabled on ${host}`) ? text : null;
      },
      5_000,
      `the popup to list "${HOVER_TEXT}" and show "Enabled on ${host}"`,
    ).catch(async (err) => {
      throw new Error(
        `${(err as Error).message}; popup text: ${JSON.stringify(await popup.evaluate(() => document.body.innerText))}`,
      );
    });
    const groups = await popup.evaluate(() => [...document.querySelectorAll('h2')].map((h) => h.textContent?.trim()));
    ok(
      `popup for tab ${tabId} lists the entities (${groups.join(', ')}) and "Enabled on ${host}" (${popupText.length} chars)`,
    );
    await popup.close();

    if (pageErrors.length > 0) throw new Error(`The page reported errors:\n  ${pageErrors.join('\n  ')}`);
    ok('no page errors');
    console.log(`Firefox smoke test passed (${steps.length} checks).`);
  } finally {
    await launched?.close();
    await server?.close();
  }
}

main().catch((err: unknown) => {
  console.error('Firefox smoke test FAILED:\n' + (err instanceof Error ? err.message : String(err)));
  process.exit(1);
});
