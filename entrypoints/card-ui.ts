/**
 * The card UI, loaded into the content script's isolated world on first need (see content/ui-loader.ts): it
 * registers the card layer's factory on that world's global object and does nothing else.
 */
import { defineUnlistedScript } from '#imports';
import { createCardLayer } from './content/card-layer';
import { CARD_UI_GLOBAL } from './content/card-layer-contract';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_UI_GLOBAL] = createCardLayer;
});
