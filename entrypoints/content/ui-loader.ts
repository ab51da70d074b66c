/**
 * The card UI (Preact, floating-ui, the card component and its stylesheet) is not part of the content script:
 * most pages are read without a card ever opening, and every byte here is parsed on every page. It is the
 * unlisted script `card-ui.js` (entrypoints/card-ui.ts), imported into this isolated world the first time a
 * pointer rests on a mark or a card is asked for by keyboard or popup. It registers its factory on this
 * world's global object (which page scripts cannot see) under `CARD_UI_GLOBAL`.
 */
import { browser } from '#imports';
import { CARD_UI_FILE, CARD_UI_GLOBAL, type CreateCardLayer } from './card-layer-contract';

/** Loads the card factory: the shipped chunk in the extension, a direct import in unit tests. */
export type LayerLoader = () => Promise<CreateCardLayer>;

let loading: Promise<CreateCardLayer> | null = null;

export const loadCardUi: LayerLoader = () =>
  (loading ??= import(/* @vite-ignore */ (browser.runtime.getURL as (p: string) => string)(`/${CARD_UI_FILE}`)).then(
    () => {
      const create = (globalThis as Record<string, unknown>)[CARD_UI_GLOBAL] as CreateCardLayer | undefined;
      if (!create) throw new Error(`${CARD_UI_FILE} did not register the card layer`);
      return create;
    },
    (err: unknown) => {
      // A failed load (extension reloaded, resource blocked) may be retried by the next hover.
      loading = null;
      throw err;
    },
  ));
