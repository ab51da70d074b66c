import { render } from 'preact';
import { builtInKeys } from '../../lib/packs';
import { App } from './App';
import { createOptionsDeps } from './deps';
import './style.css';

// Imported dynamically so the index gets a chunk of its own; statically it landed in the chunk the popup shares.
const { index } = await import('virtual:fact-index');
render(<App deps={createOptionsDeps(builtInKeys(index))} />, document.getElementById('app')!);
