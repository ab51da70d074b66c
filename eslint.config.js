import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** An import of one of the project's folders, relative or not ("../store/compile", "../../entrypoints/x"). */
const folder = (name) => ({ regex: `(^|/)${name}(/|$)`, message: `${name}/ is not reachable from here (DESIGN.md)` });
const NODE = { regex: '^node:', message: 'Node built-ins belong to store/, tools/ and tests/' };
const BROWSER = {
  regex: '^(#imports|wxt(/|$)|@wxt-dev/|webextension-polyfill)',
  message: 'browser APIs belong to platform/ and entrypoints/',
};
const DOM = {
  regex: '^(@floating-ui/dom|preact|happy-dom|axe-core)',
  message: 'DOM-only code does not belong in pure layers',
};
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The layers of DESIGN.md: each may import only the ones below it.
  {
    files: ['engine/**'],
    rules: restrict(
      NODE,
      BROWSER,
      DOM,
      ...['store', 'core', 'platform', 'entrypoints', 'components', 'modules', 'tools', 'tests'].map(folder),
    ),
  },
  {
    files: ['core/**'],
    rules: restrict(
      NODE,
      BROWSER,
      DOM,
      ...['store', 'platform', 'entrypoints', 'components', 'modules', 'tools', 'tests'].map(folder),
    ),
  },
  {
    files: ['store/**'],
    rules: restrict(
      BROWSER,
      DOM,
      ...['platform', 'entrypoints', 'components', 'modules', 'tools', 'tests'].map(folder),
    ),
  },
  {
    files: ['platform/**'],
    rules: restrict(NODE, ...['store', 'entrypoints', 'components', 'modules', 'tools', 'tests'].map(folder)),
  },
  {
    files: ['components/**'],
    rules: restrict(NODE, ...['store', 'entrypoints', 'modules', 'tools', 'tests'].map(folder)),
  },
  {
    files: ['entrypoints/**'],
    rules: restrict(NODE, ...['modules', 'tools', 'tests'].map(folder)),
  },
  {
    files: ['modules/**'],
    rules: restrict(...['entrypoints', 'components', 'platform', 'tools', 'tests'].map(folder)),
  },
  { files: ['tests/**'], rules: restrict(folder('tools')) },
  { files: ['tools/**'], ignores: ['tools/bench/page.ts'], rules: restrict(folder('entrypoints')) },
  // The one exception: the bench's page side bundles the content script's own scan modules, so the bench times
  // the code that ships rather than a copy of it.
  {
    files: ['tools/**', 'tests/**', 'store/**', '*.config.*'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
