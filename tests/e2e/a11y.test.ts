/**
 * Accessibility: the popup (with a page summary and with a search result card), the options page and an
 * open hover card have no serious or critical axe-core violations, in light and dark colour schemes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { card, hover, inExtensionWorld, useExtension, waitForMarks } from './harness';

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
  return serious(found);
}

/** The serious and critical ones, with where they are. */
const serious = (found: Violation[]) =>
  found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, where: JSON.stringify(v.nodes.map((n) => n.target)).slice(0, 300) }));

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

  for (const scheme of ['light', 'dark'] as const) {
    it(`an open hover card has no serious or critical violations (${scheme})`, async () => {
      // The card follows the page's background: the dark demo page gets the dark card.
      const page = await h.open(scheme === 'dark' ? '/dark.html' : '/news.html');
      await page.emulateMedia({ colorScheme: scheme });
      await waitForMarks(page);
      await hover(page, 'Vladimir Putin');
      await card(page, 'Vladimir Putin').waitFor({ state: 'visible' });
      expect(
        await inExtensionWorld<string>(
          page,
          `getComputedStyle(document.querySelector('fact-cards').shadowRoot.querySelector('[role="dialog"]')).colorScheme`,
        ),
      ).toBe(scheme);
      // The card body is in a closed shadow root, which axe (like any page script) cannot enter. It runs in our
      // own isolated world instead, where \`shadowRoot\` is taught to open closed roots the way assistive
      // technology sees them; that world's prototypes are not the page's, so the page is unaffected.
      await inExtensionWorld(page, AXE_SOURCE);
      // One run: its violations, and how many of the nodes it passed are ours (proof that it looked inside).
      const { violations: found, checked } = await inExtensionWorld<{ violations: Violation[]; checked: number }>(
        page,
        `(async () => {
          const get = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot').get;
          Object.defineProperty(Element.prototype, 'shadowRoot', {
            configurable: true,
            get() { return get.call(this) ?? (this instanceof HTMLElement ? chrome.dom.openOrClosedShadowRoot(this) : null) ?? null; },
          });
          const r = await axe.run({ include: [['fact-cards']] });
          const checked = r.passes.flatMap((p) => p.nodes).filter((n) => JSON.stringify(n.target).includes('fc-')).length;
          return { violations: r.violations, checked };
        })()`,
      );
      expect(serious(found)).toEqual([]);
      expect(checked).toBeGreaterThan(0);
      await page.close();
    });
  }
});
