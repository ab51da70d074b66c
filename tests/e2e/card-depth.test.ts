/**
 * The card beyond its text: a locator map on place cards, related chips that open their card in place, a pin
 * that keeps the card open when the pointer leaves, and a citation copied to the clipboard.
 */
import { describe, expect, it } from 'vitest';
import { card, hover, useExtension, waitForMarks } from './harness';

const h = useExtension();

describe('card depth', () => {
  it('shows a map on a place card and opens a related entity in place', async () => {
    const page = await h.open('/news.html');
    try {
      await waitForMarks(page);
      await hover(page, 'Damascus');
      const dialog = card(page, 'Damascus');
      await dialog.waitFor({ state: 'visible', timeout: 3_000 });
      const map = dialog.getByRole('img', { name: /^Map/ });
      expect(await map.count()).toBe(1);
      expect(await map.getAttribute('aria-label')).toMatch(/^Map: Damascus/);

      await dialog.getByRole('button', { name: 'Syria', exact: true }).click();
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
      const pin = dialog.getByRole('button', { name: /Pin/ });
      await pin.click();
      expect(await pin.getAttribute('aria-pressed')).toBe('true');
      // Far away from both the card and the mention, for much longer than the grace period.
      await page.mouse.move(5, 5, { steps: 3 });
      await page.waitForTimeout(1_200);
      expect(await dialog.isVisible()).toBe(true);

      await dialog.getByRole('button', { name: 'Copy citation' }).click();
      await dialog.getByText('Copied').waitFor({ timeout: 2_000 });

      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden', timeout: 2_000 });
    } finally {
      await page.close();
    }
  });
});
