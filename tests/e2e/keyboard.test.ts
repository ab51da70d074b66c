/**
 * Keyboard and popup paths to a card: the "next mention" command opens a card with focus inside, Tab moves
 * through it, Esc closes it and returns focus; choosing an entity in the popup opens its card on the page.
 */
import { describe, expect, it } from 'vitest';
import { card, cardText, focused, until, useExtension, waitForMarks } from './harness';

const h = useExtension();

/** The extension's `chrome` global inside the service worker (typed loosely: tests only send messages). */
type Chrome = { tabs: { sendMessage(tabId: number, msg: unknown, opts: { frameId: number }): Promise<unknown> } };
declare const chrome: Chrome;

describe('keyboard', () => {
  it('opens the next mention with focus inside; Tab stays in the card; Esc closes and returns focus', async () => {
    const page = await h.open('/news.html');
    try {
      await waitForMarks(page);
      const tabId = await h.tabIdOf(page);
      const send = async (type: string) =>
        (await h.worker()).evaluate(([t, m]) => chrome.tabs.sendMessage(t, { type: m }, { frameId: 0 }), [
          tabId,
          type,
        ] as const);

      expect(await send('next-mention')).toBe(true);
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ state: 'visible', timeout: 3_000 });
      const first = await cardText(page);
      await until(async () => (await focused(page)) === 'div[dialog]', 2_000, 'focus in the card');

      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatch(/^(button|a)/);

      expect(await send('next-mention')).toBe(true);
      await until(async () => (await cardText(page)) !== first, 2_000, 'the next card');

      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden', timeout: 2_000 });
      expect(await focused(page)).toBe('body');
    } finally {
      await page.close();
    }
  });

  it('turns the site off and on with the toggle command', async () => {
    const page = await h.open('/news.html');
    try {
      await waitForMarks(page);
      const tabId = await h.tabIdOf(page);
      const toggle = async () =>
        (await h.worker()).evaluate((t) => chrome.tabs.sendMessage(t, { type: 'toggle-site' }, { frameId: 0 }), tabId);
      await toggle();
      await until(async () => (await page.evaluate(() => CSS.highlights.size)) === 0, 2_000, 'marks to clear');
      await toggle();
      await waitForMarks(page);
    } finally {
      await page.close();
    }
  });
});

describe('popup', () => {
  it('opens the chosen entity’s card on the page', async () => {
    const page = await h.open('/news.html');
    try {
      await waitForMarks(page);
      const popup = await h.openPopup(await h.tabIdOf(page));
      await popup.getByRole('button', { name: /Hafez al-Assad/ }).click();
      await page.bringToFront();
      await card(page, 'Hafez al-Assad').waitFor({ state: 'visible', timeout: 3_000 });
      await popup.close();
    } finally {
      await page.close();
    }
  });
});
