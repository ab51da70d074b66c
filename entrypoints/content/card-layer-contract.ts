/**
 * The card layer's interface, shared by the content script (which only holds it) and the lazily loaded card
 * UI (which implements it in `card-layer.tsx`), and the name the UI chunk registers its factory under.
 */
import type { PageContext } from '../../platform/content-context';
import type { CardBody } from '../../core/messages';
import type { Theme } from '../../core/settings';
import type { PageMention } from './marks';

export interface CardLayerHandlers {
  onPointerOnCard(on: boolean): void;
  onClose(): void;
  onOpenRelated(id: string): void;
  /** The user pinned or unpinned the card: a pinned card stays until Esc or Close. */
  onPin(on: boolean): void;
}

export interface CardLayer {
  show(anchor: PageMention, card: CardBody, count: number, focus: boolean): void;
  /** Replaces the card in place (related entity chips), keeping the position. */
  replace(card: CardBody, count: number): void;
  hide(): void;
  /** "auto" follows the page's own background; "light"/"dark" force one. */
  setTheme(theme: Theme): void;
  /** True when the event came from inside our UI. */
  owns(target: EventTarget | null): boolean;
  remove(): void;
}

export type CreateCardLayer = (ctx: PageContext, handlers: CardLayerHandlers) => Promise<CardLayer>;

/** The unlisted script holding the card UI, and the global (of our isolated world) its factory is set on. */
export const CARD_UI_FILE = 'card-ui.js';
export const CARD_UI_GLOBAL = '__factCardsCardUi';
