/**
 * Reads the hover card from the outside: its dialog, and its body in the closed shadow root, reached from the
 * content script's isolated world. Re-exported by `page-helpers.ts`.
 */
import type { Locator, Page } from 'playwright-core';

/** The hover card for an entity: an element with role `dialog` named by the entity's display name. */
export function card(page: Page, name: string): Locator {
  return page.getByRole('dialog', { name, exact: true });
}

/**
 * Evaluates `expression` in the content script's own isolated world of `page`'s main frame (found over CDP by
 * its chrome-extension origin), awaiting a promise result. Page scripts never run there.
 */
export async function inExtensionWorld<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; origin: string; auxData?: { frameId?: string; isDefault?: boolean } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const world = contexts.find(
      (c) =>
        c.origin.startsWith('chrome-extension://') &&
        !c.auxData?.isDefault &&
        c.auxData?.frameId === frameTree.frame.id,
    );
    if (!world) throw new Error(`No Fact Cards content-script world in ${page.url()}`);
    const r = (await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      returnByValue: true,
      awaitPromise: true,
      expression,
    })) as { result: { value: T }; exceptionDetails?: { exception?: { description?: string } } };
    if (r.exceptionDetails)
      throw new Error(r.exceptionDetails.exception?.description ?? JSON.stringify(r.exceptionDetails));
    return r.result.value;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Evaluates `expression` inside the card body. The body sits in a closed shadow root that no page script can
 * reach, so tests reach it the way only the extension can: from its own world, through
 * `chrome.dom.openOrClosedShadowRoot`. In the expression, `root` is that closed root (null before any card
 * opened) and `dialog` the popover that names the card.
 */
export function inCard<T>(page: Page, expression: string): Promise<T> {
  return inExtensionWorld<T>(
    page,
    `(() => {
      const dialog = document.querySelector('fact-cards')?.shadowRoot?.querySelector('[role="dialog"]') ?? null;
      const inner = dialog?.querySelector('.fc-layer-body');
      const root = inner ? chrome.dom.openOrClosedShadowRoot(inner) : null;
      return (${expression});
    })()`,
  );
}

/** The text of the open card body ('' when none). */
export function cardText(page: Page): Promise<string> {
  return inCard<string>(page, "root?.textContent ?? ''");
}

/**
 * Clicks the first element in the card body matching `selector` whose text or aria-label matches `name`,
 * with the real mouse (the page cannot see into the body, and neither can Playwright's locators).
 */
export async function clickInCard(page: Page, selector: string, name: RegExp): Promise<void> {
  const box = await inCard<{ x: number; y: number } | null>(
    page,
    `(() => {
      const re = new RegExp(${JSON.stringify(name.source)}, ${JSON.stringify(name.flags)});
      const el = [...(root?.querySelectorAll(${JSON.stringify(selector)}) ?? [])].find(
        (e) => re.test(e.getAttribute('aria-label') ?? '') || re.test(e.textContent ?? ''),
      );
      if (!el) return null;
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    })()`,
  );
  if (!box) throw new Error(`No ${selector} named ${name} in the card: ${await cardText(page)}`);
  await page.mouse.click(box.x, box.y);
}

/**
 * What has focus, looking through both of our shadow roots: "tag[role]" of the innermost active element,
 * e.g. "div[dialog]" for the card itself or "button" inside it.
 */
export function focused(page: Page): Promise<string> {
  return inCard<string>(
    page,
    `(() => {
      let el = document.activeElement;
      for (;;) {
        const shadow = el && (el.shadowRoot ?? chrome.dom.openOrClosedShadowRoot(el));
        if (!shadow?.activeElement) break;
        el = shadow.activeElement;
      }
      return el ? el.localName + (el.getAttribute('role') ? '[' + el.getAttribute('role') + ']' : '') : '';
    })()`,
  );
}
