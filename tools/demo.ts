/**
 * `npm start` (after `wxt build`): opens the demo pages in Chromium with the built extension, prints the
 * entities found, and saves screenshots of a card, a card on a dark page, the popup (plain and searching the
 * store) and the options page under .output/demo/ (under $FACTCARDS_OUT_DIR/demo/ when that is set).
 * Headed when a display is available (then stays open until Ctrl+C); FACTCARDS_HEADLESS=1 forces headless.
 * FACTCARDS_SCREENSHOTS=docs/screenshots also copies the README's screenshots into that folder.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { assertBuilt, findChromium, launchWithExtension, serve } from '../tests/support/chromium';
import { card, hover, summary, tabIdOf, waitForMarks } from '../tests/support/page-helpers';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHOTS = path.resolve(process.env.FACTCARDS_OUT_DIR ?? path.join(ROOT, '.output'), 'demo');
const CARD_TIMEOUT_MS = 3_000;
/** The screenshots the README shows (docs/screenshots/), copied there when FACTCARDS_SCREENSHOTS names a folder. */
const README_SHOTS = ['card.png', 'card-dark.png', 'popup.png', 'options.png'];

async function showCard(page: Page, name: string, file: string): Promise<string> {
  await waitForMarks(page, 1, 10_000).catch(() => {
    throw new Error(`No marks appeared on ${page.url()} within 10 s: is the content script in the build?`);
  });
  await hover(page, name);
  const shown = card(page, name);
  await shown.waitFor({ state: 'visible', timeout: CARD_TIMEOUT_MS }).catch(() => {
    throw new Error(
      `The card of "${name}" did not open within ${CARD_TIMEOUT_MS / 1000} s of hovering it on ${page.url()}.`,
    );
  });
  const box = await shown.boundingBox();
  const view = page.viewportSize();
  if (box && view && (box.y < 0 || box.x < 0 || box.y + box.height > view.height || box.x + box.width > view.width)) {
    throw new Error(
      `The card of "${name}" is cut off by the viewport (${JSON.stringify(box)}), so ${file} would be too.`,
    );
  }
  const out = path.join(SHOTS, file);
  await page.screenshot({ path: out });
  return out;
}

async function main(): Promise<void> {
  assertBuilt();
  findChromium();
  const headless = process.env.FACTCARDS_HEADLESS === '1' || !process.env.DISPLAY;
  await mkdir(SHOTS, { recursive: true });
  const server = await serve(path.join(ROOT, 'demo'));
  const browser = await launchWithExtension({ headless });
  const shutdown = async () => {
    await browser.close();
    await server.close();
  };
  try {
    const news = await browser.context.newPage();
    await news.goto(`${server.url}/news.html`);
    await waitForMarks(news, 1, 10_000).catch(() => {
      throw new Error('No marks appeared on demo/news.html within 10 s: is the content script in the build?');
    });
    const worker = await browser.worker();
    const tabId = await tabIdOf(worker, news);
    const s = await summary(worker, tabId);
    console.log(`\n${s.entities.length} entities on ${s.url}:`);
    console.table(s.entities.map((e) => ({ name: e.name, type: e.type, count: e.count })));

    const shots = [await showCard(news, 'Vladimir Putin', 'card.png')];
    const dark = await browser.context.newPage();
    await dark.goto(`${server.url}/dark.html`);
    shots.push(await showCard(dark, 'Vladimir Putin', 'card-dark.png'));

    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup
      .getByText('Vladimir Putin', { exact: true })
      .first()
      .waitFor({ timeout: 5_000 })
      .catch(() => {
        throw new Error('The popup did not list "Vladimir Putin" within 5 s: did it get the summary of the demo tab?');
      });
    const popupShot = path.join(SHOTS, 'popup.png');
    await popup.screenshot({ path: popupShot });
    shots.push(popupShot);

    // The popup's search box looks through the whole fact store, not only the page.
    const search = popup.getByRole('searchbox', { name: 'Search all Fact Cards' });
    await search.fill('lav').catch(() => {
      throw new Error('The popup has no "Search all Fact Cards" box to type into.');
    });
    await popup
      .getByRole('list', { name: 'Search results' })
      .getByRole('button')
      .first()
      .waitFor({ timeout: 5_000 })
      .catch(() => {
        throw new Error('Searching the popup for "lav" showed no results within 5 s.');
      });
    const searchShot = path.join(SHOTS, 'popup-search.png');
    await popup.screenshot({ path: searchShot });
    shots.push(searchShot);

    const options = await browser.context.newPage();
    await options.setViewportSize({ width: 900, height: 1000 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options
      .getByRole('heading', { name: 'Fact Cards settings', level: 1 })
      .waitFor({ timeout: 5_000 })
      .catch(() => {
        throw new Error('The options page did not render its "Fact Cards settings" heading within 5 s.');
      });
    const optionsShot = path.join(SHOTS, 'options.png');
    await options.screenshot({ path: optionsShot, fullPage: true });
    shots.push(optionsShot);

    console.log('\nScreenshots:\n' + shots.map((p) => '  ' + path.relative(process.cwd(), p)).join('\n'));
    const docsDir = process.env.FACTCARDS_SCREENSHOTS;
    if (docsDir) {
      const to = path.resolve(docsDir);
      await mkdir(to, { recursive: true });
      for (const file of README_SHOTS) await copyFile(path.join(SHOTS, file), path.join(to, file));
      console.log(`Copied ${README_SHOTS.join(', ')} to ${path.relative(process.cwd(), to) || '.'}`);
    }
    if (headless) return await shutdown();
    await news.bringToFront();
    console.log('\nChromium stays open with the demo pages; press Ctrl+C to quit.');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
      browser.context.once('close', () => resolve());
    });
    await shutdown();
  } catch (err) {
    await shutdown();
    throw err;
  }
}

main().catch((err: unknown) => {
  console.error(`\ndemo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
