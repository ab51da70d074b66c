/**
 * The browser's own extension API object, with no polyfill: `browser` in Firefox, `chrome` in Chromium (both
 * promise-based in MV3). The content script is built against this instead of webextension-polyfill (see
 * wxt.config.ts and docs/adr/0006-start-up.md): importing the polyfill walks every `chrome.*` namespace at
 * start-up, a cost every page paid. Code that runs there uses only promise-returning calls and answers
 * messages through `sendResponse`, which both browsers support natively.
 */
type Browser = typeof import('wxt/browser').browser;

const g = globalThis as unknown as { browser?: Browser; chrome?: Browser };
// Not `browser.runtime.id` to choose (WXT's test): touching a namespace instantiates its bindings, a cost paid on
// every page before anything is needed. Firefox's `browser` and Chromium's `chrome` are both promise-based in MV3.
export const browser: Browser = (g.browser ?? g.chrome)!;
