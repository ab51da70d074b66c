/**
 * The one UI layer we add to a page: a shadow-root host holding a single popover. Cards render there with
 * Preact, sit in the top layer (page z-index, transforms and overflow cannot hide them) and are placed by
 * @floating-ui/dom on a virtual element built from the mention's range.
 *
 * Two roots: the host's open root holds only the popover, which is the dialog (role `dialog`, named by the
 * entity's display name: the external contract, and what assistive technology announces). The card body sits
 * in a closed shadow root inside it, so page scripts cannot read the card's text or press its buttons; the
 * page learns no more than the name of the entity under the pointer, which is its own text. See ADR 0004.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import type { PageContext } from '../../platform/content-context';
import { FactCard } from '../../components/FactCard';
import type { CardBody } from '../../core/messages';
import type { Theme } from '../../core/settings';
import type { CardLayer, CardLayerHandlers } from './card-layer-contract';
import { liveRange } from './geometry';
import cardCss from '../../components/fact-card.css?inline';
import layerCss from './layer.css?inline';

/** Dark when the page's own background is dark, so the card never glares on a dark site. */
function pageTheme(): 'light' | 'dark' {
  for (const el of [document.body, document.documentElement]) {
    if (!el) continue;
    const m = getComputedStyle(el).backgroundColor.match(/[\d.]+/g);
    if (!m || m.length < 3 || (m[3] !== undefined && Number(m[3]) === 0)) continue;
    const [r, g, b] = m.map(Number) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110 ? 'dark' : 'light';
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export type { CardLayer, CardLayerHandlers };

export async function createCardLayer(ctx: PageContext, handlers: CardLayerHandlers): Promise<CardLayer> {
  let popover!: HTMLDivElement;
  let body!: HTMLDivElement;
  // WXT's helper asks only `onInvalidated` and `options` of the context (the content script's own class has both).
  const ui = await createShadowRootUi(ctx as unknown as ContentScriptContext, {
    name: 'fact-cards',
    // The stylesheet travels in this lazily loaded chunk (the content script injects no CSS of its own).
    css: `${layerCss}\n${cardCss}`,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container, shadow) {
      popover = document.createElement('div');
      popover.className = 'fc-layer-popover';
      popover.setAttribute('popover', 'manual');
      popover.setAttribute('role', 'dialog');
      popover.tabIndex = -1;
      popover.addEventListener('pointerenter', (e) => e.isTrusted && handlers.onPointerOnCard(true));
      popover.addEventListener('pointerleave', (e) => e.isTrusted && handlers.onPointerOnCard(false));
      const inner = document.createElement('div');
      inner.className = 'fc-layer-body';
      const closed = inner.attachShadow({ mode: 'closed' });
      const style = document.createElement('style');
      // The layer's stylesheet (layer, palette and card) in the open root serves the closed root too.
      style.textContent = [...shadow.querySelectorAll('style')].map((s) => s.textContent).join('\n');
      body = document.createElement('div');
      closed.append(style, body);
      popover.append(inner);
      container.append(popover);
      return popover;
    },
    onRemove() {
      render(null, body);
    },
  });
  ui.mount();

  let theme: Theme = 'auto';
  let stopAutoUpdate: (() => void) | null = null;
  let returnFocus: HTMLElement | null = null;
  // The pin lives in the hover machine; the card only shows it, so a new card never inherits a stale pin.
  let pinned = false;
  let current: [CardBody, number] | null = null;

  const draw = (card: CardBody, count: number) => {
    current = [card, count];
    popover.setAttribute('aria-label', card.name);
    render(
      <FactCard
        card={card}
        count={count}
        pinned={pinned}
        onPin={(on) => {
          pinned = on;
          handlers.onPin(on);
          if (current) draw(...current);
        }}
        onClose={handlers.onClose}
        onOpenRelated={handlers.onOpenRelated}
        embedded
      />,
      body,
    );
  };

  const hide = () => {
    pinned = false;
    current = null;
    stopAutoUpdate?.();
    stopAutoUpdate = null;
    if (popover.matches(':popover-open')) popover.hidePopover();
    render(null, body);
    popover.removeAttribute('aria-label');
    if (returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
    returnFocus = null;
  };

  return {
    show(anchor, card, count, focus) {
      stopAutoUpdate?.();
      pinned = false;
      popover.dataset.theme = theme === 'auto' ? pageTheme() : theme;
      draw(card, count);
      if (!popover.matches(':popover-open')) popover.showPopover();
      const range = liveRange(anchor);
      const virtual = {
        getBoundingClientRect: () => range.getBoundingClientRect(),
        getClientRects: () => range.getClientRects(),
        contextElement: anchor.range.startContainer.parentElement ?? undefined,
      };
      stopAutoUpdate = autoUpdate(virtual, popover, () => {
        void computePosition(virtual, popover, {
          strategy: 'fixed',
          placement: 'bottom-start',
          middleware: [
            inline(),
            offset(6),
            flip({ padding: 8 }),
            shift({ padding: 8 }),
            // When neither side has room for the whole card, cap its height to the space there; it scrolls inside.
            size({
              padding: 8,
              apply({ availableHeight }) {
                popover.style.setProperty('--fc-max-height', `${Math.max(120, Math.floor(availableHeight))}px`);
              },
            }),
          ],
        }).then(({ x, y }) => {
          popover.style.left = `${x}px`;
          popover.style.top = `${y}px`;
        });
      });
      if (focus) {
        returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        popover.focus({ preventScroll: true });
      }
    },
    replace: draw,
    hide,
    setTheme(next) {
      theme = next;
    },
    owns: (target) => target === ui.shadowHost,
    remove() {
      hide();
      ui.remove();
    },
  };
}
