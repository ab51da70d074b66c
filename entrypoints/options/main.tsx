import { render } from 'preact';
import { t } from '../../platform/i18n';
import { builtInKeys } from '../../store/packs';
import { App } from './App';
import { createOptionsDeps } from './deps';
import '../../components/page-theme.css';
import './style.css';

// Imported dynamically so the index gets a chunk of its own; statically it landed in the chunk the popup shares.
const { index } = await import('virtual:fact-index');
// index.html's <title> is the English fallback; pages cannot use __MSG_ placeholders.
document.title = t('options_title');
render(<App deps={createOptionsDeps(builtInKeys(index))} />, document.getElementById('app')!);
