/** The popup's edge: turns the browser APIs into the `PopupDeps` the App renders from. */
import type { ContentRequest, PageSummary } from '../../core/messages';
import type { PopupDeps } from './App';

/**
 * The tab the popup describes: `?tabId=N` when given (tests, and a popup opened as a tab, which would
 * otherwise find itself as the active tab), else the active tab of the current window.
 */
export function tabIdParam(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tabId');
  return raw !== null && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/** The part of `browser` the popup uses; structural so `fakeBrowser` fits in tests. */
export interface TabsApi {
  tabs: {
    query(query: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
}

/** Builds the popup's dependencies. `close` is only set for a real toolbar popup (no `tabId` parameter). */
export function createPopupDeps(
  api: TabsApi,
  opts: {
    tabId?: number;
    setSiteEnabled: PopupDeps['setSiteEnabled'];
    download: PopupDeps['download'];
    close: () => void;
  },
): PopupDeps {
  let target: Promise<number> | undefined;
  const tabId = () =>
    (target ??=
      opts.tabId !== undefined
        ? Promise.resolve(opts.tabId)
        : api.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
            if (tab?.id === undefined) throw new Error('No active tab');
            return tab.id;
          }));
  // frameId 0: the content script also runs in frames, and only the top frame speaks for the page.
  const send = async <R>(msg: ContentRequest): Promise<R> =>
    api.tabs.sendMessage(await tabId(), msg, { frameId: 0 }) as Promise<R>;

  return {
    getSummary: () => send<PageSummary>({ type: 'summary' }),
    reveal: async (id) => {
      await send<unknown>({ type: 'reveal', id });
    },
    setSiteEnabled: opts.setSiteEnabled,
    download: opts.download,
    close: opts.tabId === undefined ? opts.close : undefined,
  };
}
