/**
 * The card beyond its text: a locator map on place cards, related chips that open their card in place, a pin
 * that keeps the card open when the pointer leaves, and a citation copied to the clipboard.
 */
import { describe, expect, it } from 'vitest';
import { card, cardText, clickInCard, hover, inCard, until, useExtension, waitForMarks } from './harness';

const h = useExtension();

describe('card depth', () => {
  it('shows a map on a place card and opens a related entity in place', async () => {
    const page = await h.open('/news.html');
    try {
      await waitForMarks(page);
      await hover(page, 'Damascus');
      const dialog = card(page, 'Damascus');
      await dialog.waitFor({ state: 'visible', timeout: 3_000 });
      const maps = await inCard<string[]>(
        page,
        `[...(root?.querySelectorAll('[role="img"]') ?? [])].map((m) => m.getAttribute('aria-label'))`,
      );
      expect(maps).toHaveLength(1);
      expect(maps[0]).toMatch(/^Map: Damascus/);

      await clickInCard(page, 'button', /^Syria$/);
      await card(page, 'Syria').waitFor({ state: 'visible', timeout: 3_000 });
    } finally {
      await page.close();
    }
  });

  it('stays open when pinned and the pointer leaves; copies a citation', async () => {
    const page = await h.open('/news.html');
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.baseUrl });
    try {
      await waitForMarks(page);
      await hover(page, 'Vladimir Putin');
      const dialog = card(page, 'Vladimir Putin');
      await dialog.waitFor({ state: 'visible', timeout: 3_000 });
      const box = (await dialog.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 3 });
      await clickInCard(page, 'button', /Pin/);
      const pressed = () => inCard<string | null>(page, `root?.querySelector('.fc-pin')?.getAttribute('aria-pressed')`);
      await until(async () => (await pressed()) === 'true', 2_000, 'the pin pressed');
      // Far away from both the card and the mention, for much longer than the grace period.
      await page.mouse.move(5, 5, { steps: 3 });
      await page.waitForTimeout(1_200);
      expect(await dialog.isVisible()).toBe(true);

      await clickInCard(page, 'button', /^Copy citation$/);
      await until(async () => (await cardText(page)).includes('Copied'), 2_000, '"Copied" in the card');

      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden', timeout: 2_000 });
    } finally {
      await page.close();
    }
  });
});
