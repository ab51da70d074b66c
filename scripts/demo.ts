/**
 * `npm start` (after `wxt build`): opens the demo pages in Chromium with the built extension, prints the
 * entities found, and saves screenshots of a card, a card on a dark page and the popup under .output/demo/.
 * Headed when a display is available (then stays open until Ctrl+C); FACTCARDS_HEADLESS=1 forces headless.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { assertBuilt, findChromium, launchWithExtension, serve } from './chromium';
import { card, hover, summary, tabIdOf, waitForMarks } from './page-helpers';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHOTS = path.join(ROOT, '.output/demo');
const CARD_TIMEOUT_MS = 3_000;

async function showCard(page: Page, name: string, file: string): Promise<string> {
  await waitForMarks(page, 1, 10_000).catch(() => {
    throw new Error(`No marks appeared on ${page.url()} within 10 s: is the content script in the build?`);
  });
  await hover(page, name);
  await card(page, name).waitFor({ state: 'visible', timeout: CARD_TIMEOUT_MS });
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
    await popup.getByText('Vladimir Putin', { exact: true }).first().waitFor({ timeout: 5_000 });
    const popupShot = path.join(SHOTS, 'popup.png');
    await popup.screenshot({ path: popupShot });
    shots.push(popupShot);

    console.log('\nScreenshots:\n' + shots.map((p) => '  ' + path.relative(process.cwd(), p)).join('\n'));
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
