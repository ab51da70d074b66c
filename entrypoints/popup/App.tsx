/**
 * The toolbar popup: what Fact Cards found on one tab, the per-site switch and the export.
 * It renders from a `PageSummary` the tab's content script sends; everything that touches the browser
 * comes in through `PopupDeps`, so the whole flow runs in happy-dom tests with fakes.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { PageSummary, type SummaryOrder } from '../../components/PageSummary';
import { StoreSearch, type StoreSearchProps } from '../../components/StoreSearch';
import { SiteSwitch } from '../../components/SiteSwitch';
import { exportFileName, toExport } from '../../core/export';
import { t } from '../../platform/i18n';
import type { PageSummary as Summary } from '../../core/messages';
import { siteKey } from '../../core/settings';

/**
 * Wait between storing the switch and asking the tab again: the content script learns of the change
 * through `storage.onChanged` and then tears down or rescans, which takes a few frames; 300 ms covers
 * that on a long page without feeling slow.
 */
export const RESUMMARY_DELAY_MS = 300;

export interface PopupDeps {
  /** Asks the target tab's top frame for its summary; rejects when no content script answers. */
  getSummary(): Promise<Summary>;
  /** Asks the target tab to scroll to and open the card of `id`. */
  reveal(id: string): Promise<void>;
  setSiteEnabled(host: string, enabled: boolean): Promise<void>;
  /** Pauses or resumes Fact Cards everywhere (optional: older callers and tests may omit it). */
  setPaused?: (paused: boolean) => Promise<void>;
  /** Saves a file through the browser's downloads. */
  download(fileName: string, json: string): void;
  /** Closes a real toolbar popup; absent when the popup page was opened as a tab (`?tabId=`). */
  close?: () => void;
  /** Search across the whole fact store, and the card body of any entity (both optional). */
  store?: StoreSearchProps;
}

type State = { status: 'loading' } | { status: 'unavailable' } | { status: 'ready'; summary: Summary };

function isSummary(v: unknown): v is Summary {
  const s = v as Summary | null | undefined;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.host === 'string' &&
    typeof s.url === 'string' &&
    typeof s.enabled === 'boolean' &&
    Array.isArray(s.entities)
  );
}

export function App({ deps }: { deps: PopupDeps }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [order, setOrder] = useState<SummaryOrder>('count');

  async function refresh() {
    try {
      const summary = await deps.getSummary();
      setState(isSummary(summary) ? { status: 'ready', summary } : { status: 'unavailable' });
    } catch {
      // "Receiving end does not exist": no content script in this tab.
      setState({ status: 'unavailable' });
    }
  }

  useEffect(() => {
    void refresh();
  }, []);

  if (state.status === 'loading') {
    return (
      <Shell>
        <p class="fc-status" role="status">
          {t('popup_loading')}
        </p>
      </Shell>
    );
  }

  if (state.status === 'unavailable') {
    return (
      <Shell store={deps.store}>
        <div class="fc-notice" role="status">
          <p class="fc-notice-title">{t('popup_unavailable_title')}</p>
          <p class="fc-notice-why">{t('popup_unavailable_why')}</p>
        </div>
      </Shell>
    );
  }

  const { summary } = state;
  // Switch by the same key the content script checks (`isSiteEnabled(url)`), falling back to the reported host.
  const key = siteKey(summary.url) ?? summary.host;

  const paused = summary.reason === 'paused';
  // The site switch shows the site's own setting, also while everything is paused.
  const siteOn = summary.reason ? summary.reason !== 'site' : summary.enabled;

  async function change(write: () => Promise<void>) {
    setBusy(true);
    try {
      await write();
      await new Promise((resolve) => setTimeout(resolve, RESUMMARY_DELAY_MS));
      await refresh();
    } finally {
      setBusy(false);
    }
  }

  async function choose(id: string) {
    try {
      await deps.reveal(id);
    } catch {
      // The tab went away or navigated; nothing to reveal, and the popup is closing anyway.
    }
    deps.close?.();
  }

  function exportJson() {
    deps.download(exportFileName(summary.host), JSON.stringify(toExport(summary), null, 2));
  }

  const toggle = (enabled: boolean) => {
    setState({
      status: 'ready',
      summary: { ...summary, enabled: enabled && !paused, reason: enabled ? (paused ? 'paused' : null) : 'site' },
    });
    return change(() => deps.setSiteEnabled(key, enabled));
  };

  return (
    <Shell title={summary.title} store={deps.store}>
      <SiteSwitch host={summary.host} checked={siteOn} onChange={toggle} disabled={busy} />
      {deps.setPaused && (
        <button
          type="button"
          role="switch"
          class="fc-button fc-pause"
          aria-checked={paused}
          disabled={busy}
          onClick={() => void change(() => deps.setPaused!(!paused))}
        >
          {t('popup_pause')}
        </button>
      )}
      {summary.enabled ? (
        <>
          {summary.entities.length > 1 && (
            <fieldset class="fc-order">
              <legend class="fc-visually-hidden">{t('popup_sort_legend')}</legend>
              {(
                [
                  ['count', t('popup_sort_count')],
                  ['first', t('popup_sort_first')],
                ] as const
              ).map(([value, label]) => (
                <label key={value} class="fc-order-option">
                  <input
                    type="radio"
                    name="fc-order"
                    value={value}
                    checked={order === value}
                    onChange={() => setOrder(value)}
                  />
                  {label}
                </label>
              ))}
            </fieldset>
          )}
          <PageSummary entities={summary.entities} onChoose={choose} order={order} />
          {summary.entities.length > 0 && (
            <footer class="fc-footer">
              <button type="button" class="fc-button" onClick={exportJson}>
                {t('popup_export_json')}
              </button>
            </footer>
          )}
        </>
      ) : (
        <p class="fc-off">{paused ? t('popup_paused') : t('popup_off_for', summary.host)}</p>
      )}
    </Shell>
  );
}

function Shell({ title, store, children }: { title?: string; store?: StoreSearchProps; children: ComponentChildren }) {
  return (
    <main class="fc-popup">
      <header class="fc-popup-header">
        <h1 class="fc-popup-title">{t('ext_name')}</h1>
        {title && <p class="fc-page-title">{title}</p>}
      </header>
      {store && <StoreSearch {...store} />}
      {children}
    </main>
  );
}
