import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  imports: false,
  // FACTCARDS_OUT_DIR lets parallel builds (and the tests that load them) use a folder of their own.
  outDir: process.env.FACTCARDS_OUT_DIR ?? '.output',
  // MV3 everywhere, Firefox included (docs/firefox.md says why); Chrome's default was MV3 already.
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    // Words come from public/_locales/<locale>/messages.json (English in en/); lib/i18n.ts reads them in the UI.
    default_locale: 'en',
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    // storage: per-site switch. Nothing else is needed: content scripts come from the manifest,
    // the popup reaches the active tab by messaging, the badge needs no permission.
    permissions: ['storage'],
    // action.default_title comes from the popup's <title> (WXT copies it), which is __MSG_ext_name__.
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_command_next_mention__',
      },
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_command_toggle_site__',
      },
    },
    // The ::highlight() rules must live in the page's document; a manifest stylesheet is immune to page CSP.
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], css: ['highlight.css'] }],
    // The card UI, imported by the content script on first hover (entrypoints/content/ui-loader.ts). Dynamic
    // URLs (per browser session) keep pages from probing for the extension by a fixed address.
    web_accessible_resources: [
      { resources: ['card-ui.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
    ],
    // Firefox only (removed from other builds below). Firefox 140 has the CSS Custom Highlight API but paints no
    // text-decoration in ::highlight() (marks would be invisible); 146 does. The extension collects nothing,
    // which Firefox requires new add-ons to declare. See docs/firefox.md.
    browser_specific_settings: {
      gecko: {
        id: 'fact-cards@factcards.example',
        strict_min_version: '146.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
  hooks: {
    // The content script runs on every page: it is built against the browser's own API object instead of
    // webextension-polyfill (platform/native-browser.ts says why), and with a lean context of our own instead of
    // WXT's ContentScriptContext (platform/content-context.ts); every other entrypoint keeps WXT's.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      const list = Array.isArray(alias)
        ? [...alias]
        : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      list.unshift({ find: /^wxt\/browser$/, replacement: resolve(import.meta.dirname, 'platform/native-browser.ts') });
      list.unshift({
        find: /^wxt\/utils\/content-script-context$/,
        replacement: resolve(import.meta.dirname, 'platform/content-context.ts'),
      });
      config.resolve = { ...config.resolve, alias: list };
    },
    'build:manifestGenerated'(wxt, manifest) {
      if (wxt.config.browser !== 'firefox') {
        delete manifest.browser_specific_settings;
        return;
      }
      // Firefox has no use_dynamic_url (its moz-extension:// host is already a random per-install UUID) and
      // warns about the unknown key at install.
      for (const entry of manifest.web_accessible_resources ?? []) {
        if (typeof entry === 'object') delete (entry as { use_dynamic_url?: boolean }).use_dynamic_url;
      }
    },
  },
  vite: () => ({
    // The fact store's plugin comes from modules/fact-store.ts.
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
    // For profiling a build (docs/bench.md): FACTCARDS_SOURCEMAP=1 adds source maps, FACTCARDS_NO_MINIFY=1 keeps names.
    build: { sourcemap: Boolean(process.env.FACTCARDS_SOURCEMAP), minify: !process.env.FACTCARDS_NO_MINIFY },
  }),
});
