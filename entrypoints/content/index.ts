/**
 * Content script: wiring only. Starts a session where Fact Cards is enabled, stops it the moment the user
 * switches the site off or pauses everywhere (in any tab), applies preferences live, and answers the popup.
 */
import { browser, defineContentScript } from '#imports';
import { createEngine, type Engine } from '../../engine/engine';
import { INDEX_FILE, openIndex } from '../../engine/index-format';
import { isContentRequest, type PageSummary } from '../../core/messages';
import { fromBase64 } from '../../core/base64';
import { siteKey, whyDisabled, type FactPacks, type Preferences, type SiteSettings } from '../../core/settings';
import { factPacks, preferences, setSiteEnabled, siteSettings } from '../../platform/storage';
import { yieldToPage } from './scanner';
import { startSession, type Session } from './session';

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
  cssInjectionMode: 'ui',
  // WXT would otherwise window.postMessage a "script started" note carrying our extension id to every page.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    let [sites, prefs, packs] = await Promise.all([
      siteSettings.getValue(),
      preferences.getValue(),
      factPacks.getValue(),
    ]);
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

    const unwatch = [
      siteSettings.watch((v: SiteSettings) => {
        sites = v;
        void apply();
      }),
      preferences.watch((v: Preferences) => {
        prefs = v;
        session?.setPreferences(v);
        void apply();
      }),
      factPacks.watch((v: FactPacks) => {
        packs = v;
        engine = null;
        void apply(true);
      }),
    ];

    const onMessage = (msg: unknown): Promise<PageSummary | boolean> | undefined => {
      if (!isContentRequest(msg)) return undefined;
      if (msg.type === 'reveal') return Promise.resolve(session?.reveal(msg.id) ?? false);
      if (msg.type === 'next-mention') return Promise.resolve(session?.next() ?? false);
      if (msg.type === 'toggle-site') {
        const host = siteKey(location.href);
        return host ? setSiteEnabled(host, reason() === 'site').then(() => true) : Promise.resolve(false);
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
      for (const u of unwatch) u();
      browser.runtime.onMessage.removeListener(onMessage);
      session?.stop();
      session = null;
    });
  },
});
