import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { factsPlugin } from './facts/vite-plugin';

// See https://wxt.dev/api/config.html
export default defineConfig({
  imports: false,
  // FACTCARDS_OUT_DIR lets parallel builds (and the tests that load them) use a folder of their own.
  outDir: process.env.FACTCARDS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Fact Cards',
    description:
      'Marks the names that matter in news pages and shows a card of background facts on hover. Works offline.',
    // storage: per-site switch. Nothing else is needed: content scripts come from the manifest,
    // the popup reaches the active tab by messaging, the badge needs no permission.
    permissions: ['storage'],
    action: { default_title: 'Fact Cards' },
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Open the card of the next marked name on the page',
      },
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: 'Turn Fact Cards on or off for this site',
      },
    },
    // The ::highlight() rules must live in the page's document; a manifest stylesheet is immune to page CSP.
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], css: ['highlight.css'] }],
  },
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false }), factsPlugin()],
    build: { sourcemap: false },
  }),
});
