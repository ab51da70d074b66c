/**
 * The black-box run's yardstick: the smallest MV3 extension that does what ours does on every page, with none
 * of its features. One content script reads one `chrome.storage.local` key, walks the visible text once with a
 * TreeWalker, and registers one `CSS.highlights` highlight of the ranges of a handful of fixed words.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REFERENCE_DIR } from './paths';

/** Words the reference marks: common in news text, so it makes ranges on most pages. */
const WORDS = ['President', 'government', 'United States', 'minister', 'police', 'China', 'Europe', 'said'];

const CONTENT_JS = `(() => {
  const WORDS = ${JSON.stringify(WORDS)};
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'IFRAME', 'OBJECT', 'SVG', 'CANVAS', 'CODE', 'PRE']);
  chrome.storage.local.get('enabled').then((stored) => {
    if (stored.enabled === false || !CSS.highlights) return;
    const filter = (n) =>
      n.nodeType === 3 ? NodeFilter.FILTER_ACCEPT
        : SKIP.has(n.tagName) || n.isContentEditable ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, filter);
    const ranges = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.data;
      for (const w of WORDS) {
        for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + w.length)) {
          const r = new Range();
          r.setStart(n, i);
          r.setEnd(n, i + w.length);
          ranges.push(r);
        }
      }
    }
    CSS.highlights.set('bench-reference', new Highlight(...ranges));
  });
})();
`;

const MANIFEST = {
  manifest_version: 3,
  name: 'Bench reference',
  version: '1.0.0',
  description: 'Fact Cards bench: one storage read, one text walk, one highlight.',
  permissions: ['storage'],
  content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle' }],
};

/** Writes the reference extension into `dir` (`.output/bench-reference/` by default) and returns `dir`. */
export function writeReferenceExtension(dir: string = REFERENCE_DIR): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(MANIFEST, null, 2) + '\n');
  writeFileSync(path.join(dir, 'content.js'), CONTENT_JS);
  return dir;
}
