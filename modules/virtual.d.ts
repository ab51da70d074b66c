/** Modules produced at build time by `store/vite-plugin.ts` from the records under `facts/`. */
declare module 'virtual:fact-index' {
  import type { CompiledIndex } from '../store/compile';
  /** The compiled index (no card bodies), parsed when the module loads: the popup's and options page's search. */
  export const index: CompiledIndex;
}
declare module 'virtual:fact-cards' {
  import type { CardBody } from '../core/messages';
  /** Every card body by entity id; loaded by the background and the popup, never by the content script. */
  export const cards: Record<string, CardBody>;
}
