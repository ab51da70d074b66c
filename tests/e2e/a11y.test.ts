/**
 * Accessibility: the popup (with a page summary and with a search result card), the options page and an
 * open hover card have no serious or critical axe-core violations, in light and dark colour schemes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { card, hover, useExtension, waitForMarks } from './harness';

const h = useExtension();
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: unknown[] }[];
}

/** Serious and critical violations on the page (optionally only inside `include`). */
async function violations(
  page: Page,
  include?: string,
): Promise<{ id: string; impact: string | null; where: string }[]> {
  // Evaluated through DevTools rather than a <script> tag: extension pages' CSP forbids inline scripts.
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(sel ? { include: [sel] } : document)).violations;
  }, include ?? null);
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, where: JSON.stringify(v.nodes.map((n) => n.target)).slice(0, 300) }));
}

describe('accessibility (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`popup and options have no serious or critical violations (${scheme})`, async () => {
      const page = await h.open('/news.html');
      await waitForMarks(page);
      const popup = await h.openPopup(await h.tabIdOf(page));
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.getByText('Vladimir Putin', { exact: true }).first().waitFor();
      expect(await violations(popup)).toEqual([]);

      await popup.getByRole('searchbox').fill('lavrov');
      await popup
        .getByRole('button', { name: /Sergey Lavrov/ })
        .first()
        .click();
      await popup.getByRole('dialog', { name: 'Sergey Lavrov' }).waitFor();
      expect(await violations(popup)).toEqual([]);

      const options = await h.context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.goto(`chrome-extension://${h.extensionId}/options.html`);
      await options.getByRole('heading').first().waitFor();
      expect(await violations(options)).toEqual([]);
      await Promise.all([popup.close(), options.close(), page.close()]);
    });
  }

  it('an open hover card has no serious or critical violations', async () => {
    const page = await h.open('/news.html');
    await waitForMarks(page);
    await hover(page, 'Vladimir Putin');
    await card(page, 'Vladimir Putin').waitFor({ state: 'visible' });
    expect(await violations(page, 'fact-cards')).toEqual([]);
    await page.close();
  });
});
