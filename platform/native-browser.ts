/**
 * The browser's own extension API object, with no polyfill: `browser` in Firefox, `chrome` in Chromium (both
 * promise-based in MV3). The content script is built against this instead of webextension-polyfill (see
 * wxt.config.ts and docs/adr/0006-start-up.md): importing the polyfill walks every `chrome.*` namespace at
 * start-up, a cost every page paid. Code that runs there uses only promise-returning calls and answers
 * messages through `sendResponse`, which both browsers support natively.
 */
type Browser = typeof import('wxt/browser').browser;

const g = globalThis as unknown as { browser?: Browser; chrome?: Browser };
// Chosen at build time, not by looking at `globalThis.browser`: in Chromium that name can resolve to a page
// element (`<div id="browser">` is a named property of the window in every world), which a page could plant.
// Firefox's `browser` and Chromium's `chrome` are both promise-based in MV3.
export const browser: Browser = (import.meta.env.FIREFOX ? g.browser : g.chrome)!;
