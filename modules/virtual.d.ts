/** Modules produced at build time by `facts/vite-plugin.ts` from the records under `facts/`. */
declare module 'virtual:fact-index' {
  import type { CompiledIndex } from '../store/compile';
  /** The compact matching index (no card bodies), parsed when the module loads. */
  export const index: CompiledIndex;
  /** The same index parsed in chunks, with `pause()` between them: the content script's start-up path. */
  export function loadIndex(pause: () => Promise<void>): Promise<CompiledIndex>;
}
declare module 'virtual:fact-cards' {
  import type { CardBody } from '../core/messages';
  /** Every card body by entity id; loaded by the background and the popup, never by the content script. */
  export const cards: Record<string, CardBody>;
}
