/**
 * The pointer path: hit-tests pointer moves against the marks, feeds the hover machine and lets it show and
 * hide cards in the card layer. The layer (and the UI code behind it) is created on first need: its code
 * starts loading when the pointer first rests on a mark, so it is there when the dwell ends. Aborting the
 * signal removes the listener, closes the card and the layer.
 */
import type { PageContext } from '../../platform/content-context';
import type { EntityTable } from '../../engine/index-format';
import { createHoverMachine, type HoverMachine, type HoverTarget } from '../../core/hover';
import type { CardBody } from '../../core/messages';
import type { Theme } from '../../core/settings';
import type { CardLayer } from './card-layer-contract';
import { mentionAt } from './geometry';
import type { MarkStore, PageMention } from './marks';
import type { LayerLoader } from './ui-loader';

export interface HoverDeps {
  marks: MarkStore;
  entities: EntityTable;
  body(id: string): Promise<CardBody | null>;
  /** Read at each hover, so a changed preference applies at once. */
  dwellMs(): number;
  loadLayer: LayerLoader;
}

export interface HoverWiring {
  readonly hover: HoverMachine;
  /** Applies to the open layer, or to the layer when it is created. */
  setTheme(theme: Theme): void;
  /** Scrolls a mention into view and opens its card with focus inside (keyboard and popup paths). */
  openWithFocus(m: PageMention): void;
}

export function wireHover(ctx: PageContext, deps: HoverDeps, signal: AbortSignal): HoverWiring {
  const { marks, entities, body } = deps;
  const countOf = (entity: string) => {
    let n = 0;
    for (const m of marks.all) if (entities.get(m.entity).id === entity) n++;
    return n;
  };
  // The machine knows targets by key; the mention behind each key is kept here to anchor the card.
  const byKey = new Map<string, PageMention>();
  const targetOf = (m: PageMention): HoverTarget => {
    byKey.set(m.key, m);
    return { key: m.key, entity: entities.get(m.entity).id };
  };

  let theme: Theme = 'auto';
  let layer: CardLayer | null = null;
  let creating: Promise<CardLayer | null> | null = null;
  /** The layer, created once; null when the session stopped meanwhile or the UI could not load. */
  const ensureLayer = (): Promise<CardLayer | null> => {
    // A copy of the script orphaned by an extension reload can load nothing: asking ends its session instead.
    if (!ctx.isValid) return Promise.resolve(null);
    return (creating ??= deps
      .loadLayer()
      .then((create) =>
        create(ctx, {
          onPointerOnCard: (on) => hover.pointerOnCard(on),
          onClose: () => hover.close(),
          onPin: (on) => hover.pin(on),
          onOpenRelated: (id) =>
            void body(id).then((card) => {
              if (card && hover.open) layer?.replace(card, countOf(id));
            }),
        }),
      )
      .then((created) => {
        if (signal.aborted) {
          created.remove();
          return null;
        }
        created.setTheme(theme);
        return (layer = created);
      })
      .catch(() => {
        creating = null;
        return null;
      }));
  };

  const hover = createHoverMachine(
    {
      show(target, token, via) {
        const anchor = byKey.get(target.key);
        if (!anchor) return;
        void Promise.all([body(target.entity), ensureLayer()]).then(([card, shown]) => {
          // A newer hover (or a close) happened while the body loaded: drop this one.
          if (!card || !shown || token !== hover.token || !anchor.range.startContainer.isConnected) return;
          shown.show(anchor, card, countOf(card.id), via === 'keyboard');
        });
      },
      hide: () => layer?.hide(),
    },
    undefined,
    deps.dwellMs,
  );

  // Pointer moves are hit-tested at most once per frame.
  let frame = 0;
  let last: PointerEvent | null = null;
  // Only the user's own input counts: events a page script synthesises (isTrusted false) cannot open,
  // keep or close our cards, so the page has no way to drive the extension.
  const onMove = (e: PointerEvent) => {
    if (!e.isTrusted) return;
    last = e;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (!last || layer?.owns(last.target)) return;
      const m = mentionAt(last.clientX, last.clientY, marks);
      // The first rest on a mark starts loading the card UI, while the dwell runs.
      if (m && !creating) void ensureLayer();
      hover.pointerAt(m ? targetOf(m) : null);
    });
  };
  // Not ctx.addEventListener: it replaces the options' signal with the context's own, so the listener would
  // outlive a session stopped by the site switch.
  document.addEventListener('pointermove', onMove, { passive: true, signal });

  signal.addEventListener('abort', () => {
    cancelAnimationFrame(frame);
    hover.close();
    layer?.remove();
    layer = null;
  });

  return {
    hover,
    setTheme(next) {
      theme = next;
      layer?.setTheme(next);
    },
    openWithFocus(m) {
      m.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      // Let the scroll settle before measuring where the card goes.
      requestAnimationFrame(() => hover.openNow(targetOf(m)));
    },
  };
}
