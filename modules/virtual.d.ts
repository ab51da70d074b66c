/** Modules produced at build time by `store/vite-plugin.ts` from the records under `facts/`. */
declare module 'virtual:fact-index' {
  import type { CompiledIndex } from '../store/compile';
  /** The compiled index (no card bodies), parsed when the module loads: the popup's and options page's search. */
  export const index: CompiledIndex;
}
