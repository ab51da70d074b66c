/**
 * Content script: wiring only. Starts a session where the site is enabled, stops it the moment the user
 * switches the site off (in any tab), and answers the popup.
 */
import { index } from 'virtual:fact-index';
import { browser, defineContentScript } from '#imports';
import { createEngine } from '../../facts/engine';
import { isContentRequest, type PageSummary } from '../../lib/messages';
import { isSiteEnabled, setSiteEnabled, siteKey, siteSettings, type SiteSettings } from '../../lib/settings';
import { startSession, type Session } from './session';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  // WXT would otherwise window.postMessage a "script started" note carrying our extension id to every page.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const engine = createEngine(index);
    let session: Session | null = null;
    let starting: Promise<void> | null = null;
    let enabled = false;

    const apply = async (settings: SiteSettings) => {
      enabled = isSiteEnabled(location.href, settings);
      await starting;
      if (enabled && !session && ctx.isValid) {
        starting = startSession(ctx, engine).then((s) => {
          session = s;
        });
        await starting;
        starting = null;
      } else if (!enabled && session) {
        session.stop();
        session = null;
      }
    };
    await apply(await siteSettings.getValue());
    const unwatch = siteSettings.watch((s) => void apply(s));

    const onMessage = (msg: unknown): Promise<PageSummary | boolean> | undefined => {
      if (!isContentRequest(msg)) return undefined;
      if (msg.type === 'reveal') return Promise.resolve(session?.reveal(msg.id) ?? false);
      if (msg.type === 'next-mention') return Promise.resolve(session?.next() ?? false);
      if (msg.type === 'toggle-site') {
        const host = siteKey(location.href);
        return host ? setSiteEnabled(host, !enabled).then(() => true) : Promise.resolve(false);
      }
      return (async () => {
        await starting;
        await session?.idle();
        const found = session?.summary() ?? { entities: [], sequence: [] };
        return { url: location.href, title: document.title, host: siteKey(location.href) ?? '', enabled, ...found };
      })();
    };
    browser.runtime.onMessage.addListener(onMessage);

    // SPA navigation: the page's context (who was named in full) starts over.
    ctx.addEventListener(window, 'wxt:locationchange', () => session?.rescan());
    ctx.onInvalidated(() => {
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
      session?.stop();
      session = null;
    });
  },
});
