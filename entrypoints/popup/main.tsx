import { render } from 'preact';
import { index } from 'virtual:fact-index';
import { browser } from '#imports';
import { searchStore } from '../../core/search';
import { t } from '../../platform/i18n';
import type { BackgroundRequest, CardBody } from '../../core/messages';
import { preferences, setSiteEnabled } from '../../platform/storage';
import { App } from './App';
import { createPopupDeps, tabIdParam } from './deps';
import { downloadJson } from '../../platform/download';
import '../../components/page-theme.css';
import '../../components/fact-card.css';
import './style.css';

const deps = createPopupDeps(browser, {
  tabId: tabIdParam(location.search),
  setSiteEnabled,
  download: (name, json) => downloadJson(name, json),
  close: () => window.close(),
});
deps.setPaused = async (paused) => preferences.setValue({ ...(await preferences.getValue()), paused });
deps.store = {
  search: (query) => searchStore(index, query),
  card: (id) =>
    browser.runtime.sendMessage({ type: 'card', id } satisfies BackgroundRequest) as Promise<CardBody | null>,
};

// index.html's <title> is the manifest placeholder (pages cannot use __MSG_ themselves), so name the page here.
document.title = t('ext_name');
render(<App deps={deps} />, document.getElementById('app')!);
