/** Modules produced at build time by `facts/vite-plugin.ts` from the records under `facts/`. */
declare module 'virtual:fact-index' {
  import type { CompiledIndex } from './compile';
  /** The compact matching index the content script loads (no card bodies). */
  export const index: CompiledIndex;
}
declare module 'virtual:fact-cards' {
  import type { CardBody } from '../lib/messages';
  /** Every card body by entity id; loaded by the background and the popup, never by the content script. */
  export const cards: Record<string, CardBody>;
}
