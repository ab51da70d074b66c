import { render } from 'preact';
import { browser } from '#imports';
import { setSiteEnabled } from '../../lib/settings';
import { App } from './App';
import { createPopupDeps, downloadJson, tabIdParam } from './deps';
import './style.css';

const deps = createPopupDeps(browser, {
  tabId: tabIdParam(location.search),
  setSiteEnabled,
  download: (name, json) => downloadJson(name, json),
  close: () => window.close(),
});

render(<App deps={deps} />, document.getElementById('app')!);
