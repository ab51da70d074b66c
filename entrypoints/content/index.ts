/**
 * Content script: wiring only. Starts a session where Fact Cards is enabled, stops it the moment the user
 * switches the site off or pauses everywhere (in any tab), applies preferences live, and answers the popup.
 */
import { browser, defineContentScript } from '#imports';
import { createEngine, type Engine } from '../../engine/engine';
import { INDEX_FILE, openIndex } from '../../engine/index-format';
import { isContentRequest, type BackgroundRequest, type ContentRequest, type PageSummary } from '../../core/messages';
import { fromBase64 } from '../../core/base64';
import { packsKey, siteKey, whyDisabled, type FactPacks } from '../../core/settings';
import { readSettings, watchSettings } from '../../platform/settings-reader';
import { yieldToPage } from './scanner';
import { startSession, type Session } from './session';
import type { PageContext } from '../../platform/content-context';

/**
 * The built-in binary index, opened as views of the fetched buffer (nothing parsed or built), plus the user's
 * fact packs as a second small binary index the background builds. Only where Fact Cards runs: a site switched off never
 * loads the index.
 */
const buildEngine = async (packs: FactPacks): Promise<Engine> => {
  // Typed for public/ files only; the index is written by modules/fact-store.ts.
  const url = (browser.runtime.getURL as (path: string) => string)(`/${INDEX_FILE}`);
  const [response, packIndex] = await Promise.all([
    fetch(url),
    packs.packs.length === 0 ? null : (browser.runtime.sendMessage({ type: 'pack-index' }) as Promise<string | null>),
  ]);
  const base = openIndex(await response.arrayBuffer());
  return createEngine(base, packIndex ? openIndex(fromBase64(packIndex).buffer as ArrayBuffer) : undefined);
};

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // No stylesheet is injected: the card UI, loaded on first need, carries its own (see ui-loader.ts).
  cssInjectionMode: 'manual',
  // Read only by WXT's own context (which would window.postMessage a "script started" note carrying our extension
  // id to every page); the context this build uses (platform/content-context.ts) posts nothing either way.
  noScriptStartedPostMessage: true,
  async main(wxtCtx) {
    // The content-script build hands over platform/content-context.ts (wxt.config.ts); only its surface is used.
    const ctx: PageContext = wxtCtx;
    const initial = await readSettings();
    let { siteSettings: sites, preferences: prefs, factPacks: packs } = initial;
    let engine: Promise<Engine> | null = null;
    let session: Session | null = null;
    // Every change goes through one queue, so a quick off-on-off never leaves two sessions.
    let queue: Promise<void> = Promise.resolve();
    const reason = () => whyDisabled(location.href, sites, prefs);

    const apply = (restart = false) =>
      (queue = queue.then(async () => {
        if (session && (restart || reason() !== null)) {
          session.stop();
          session = null;
        }
        if (!session && reason() === null && ctx.isValid) {
          engine ??= buildEngine(packs);
          const built = await engine;
          // The session's start (card layer, observers, first scan slice) gets a task of its own.
          await yieldToPage();
          if (!ctx.isValid || reason() !== null) return;
          session = await startSession(ctx, built, prefs);
        }
      }));
    await apply();

    const unwatch = watchSettings(initial, (next) => {
      const packsChanged = packsKey(next.factPacks) !== packsKey(packs);
      const prefsChanged = JSON.stringify(next.preferences) !== JSON.stringify(prefs);
      sites = next.siteSettings;
      prefs = next.preferences;
      packs = next.factPacks;
      if (prefsChanged) session?.setPreferences(prefs);
      if (packsChanged) engine = null;
      void apply(packsChanged);
    });

    const answer = (msg: ContentRequest): PageSummary | boolean | Promise<PageSummary | boolean> => {
      if (msg.type === 'reveal') return session?.reveal(msg.id) ?? false;
      if (msg.type === 'next-mention') return session?.next() ?? false;
      if (msg.type === 'toggle-site') {
        const host = siteKey(location.href);
        if (!host) return false;
        const request: BackgroundRequest = { type: 'set-site', host, enabled: reason() === 'site' };
        return browser.runtime.sendMessage(request) as Promise<boolean>;
      }
      return (async () => {
        await queue;
        await session?.idle();
        const found = session?.summary() ?? { entities: [], sequence: [] };
        const why = reason();
        return {
          url: location.href,
          title: document.title,
          host: siteKey(location.href) ?? '',
          enabled: why === null,
          reason: why,
          ...found,
        };
      })();
    };
    // Answered through sendResponse (Chromium's own onMessage does not take a returned promise).
    const onMessage = (msg: unknown, _sender: unknown, sendResponse: (r: unknown) => void): true | undefined => {
      if (!isContentRequest(msg)) return undefined;
      void Promise.resolve(answer(msg)).then(sendResponse, () => sendResponse(false));
      return true;
    };
    browser.runtime.onMessage.addListener(onMessage);

    // SPA navigation: the page's context (who was named in full) starts over. WXT's event is a plain DOM event
    // a page could also dispatch, so it only counts when the URL really changed.
    let scannedUrl = location.href;
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      if (location.href === scannedUrl) return;
      scannedUrl = location.href;
      session?.rescan();
    });
    ctx.onInvalidated(() => {
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
      session?.stop();
      session = null;
    });
  },
});
