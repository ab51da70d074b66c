/**
 * Everything Fact Cards does on one page while it is enabled there: scan, marks, hover, card layer.
 * `stop()` removes all of it (highlights, listeners, observer, UI host).
 */
import { browser, type ContentScriptContext } from '#imports';
import type { Engine } from '../../engine/engine';
import { createHoverMachine, type HoverTarget } from '../../core/hover';
import type { BackgroundRequest, CardBody, PageSummary } from '../../core/messages';
import type { MarkStyle, Preferences } from '../../core/settings';
import { createCardLayer, type CardLayer } from './card-layer';
import { liveRange, mentionAt } from './geometry';
import { cssHighlights } from './highlights';
import { MarkStore, type PageMention } from './marks';
import { startScanner, type Scanner } from './scanner';

export interface Session {
  /** Applies changed preferences at once: hover delay, types shown, mark style, theme. */
  setPreferences(prefs: Preferences): void;
  summary(): Omit<PageSummary, 'url' | 'title' | 'host' | 'enabled'>;
  /** Scrolls to the next mention of an entity and opens its card with focus inside. */
  reveal(id: string): boolean;
  /** Keyboard: opens the card of the first mention after the last one opened (or after the top of the view). */
  next(): boolean;
  rescan(): void;
  idle(): Promise<void>;
  stop(): void;
}

/** The first mention at or below the top of the viewport, else the first on the page. */
function firstInView(ordered: PageMention[]): PageMention {
  return ordered.find((m) => liveRange(m).getBoundingClientRect().bottom >= 0) ?? ordered[0]!;
}

const send = (msg: BackgroundRequest) => browser.runtime.sendMessage(msg);

const sinkFor = (style: MarkStyle) => (style === 'none' ? null : cssHighlights(style));

export async function startSession(
  ctx: ContentScriptContext,
  engine: Engine,
  initialPrefs: Preferences,
): Promise<Session> {
  let prefs = initialPrefs;
  const abort = new AbortController();
  const { signal } = abort;
  const marks = new MarkStore(sinkFor(prefs.markStyle), engine.entities);
  const bodies = new Map<string, Promise<CardBody | null>>();
  const body = (id: string) => {
    let p = bodies.get(id);
    if (!p) {
      p = (send({ type: 'card', id }) as Promise<CardBody | null>).catch(() => null);
      bodies.set(id, p);
    }
    return p;
  };
  const countOf = (entity: string) => {
    let n = 0;
    for (const m of marks.all) if (engine.entities.get(m.entity).id === entity) n++;
    return n;
  };
  const byKey = new Map<string, PageMention>();
  const targetOf = (m: PageMention): HoverTarget => {
    byKey.set(m.key, m);
    return { key: m.key, entity: engine.entities.get(m.entity).id };
  };

  let layer: CardLayer | null = null;
  const hover = createHoverMachine(
    {
      show(target, token, via) {
        const anchor = byKey.get(target.key);
        if (!anchor) return;
        void body(target.entity).then((card) => {
          // A newer hover (or a close) happened while the body loaded: drop this one.
          if (!card || token !== hover.token || !layer || !anchor.range.startContainer.isConnected) return;
          layer.show(anchor, card, countOf(card.id), via === 'keyboard');
        });
      },
      hide: () => layer?.hide(),
    },
    undefined,
    () => prefs.hoverDelayMs,
  );
  layer = await createCardLayer(ctx, {
    onPointerOnCard: (on) => hover.pointerOnCard(on),
    onClose: () => hover.close(),
    onPin: (on) => hover.pin(on),
    onOpenRelated: (id) =>
      void body(id).then((card) => {
        if (card && hover.open) layer?.replace(card, countOf(id));
      }),
  });

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
      hover.pointerAt(m ? targetOf(m) : null);
    });
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.isTrusted && e.key === 'Escape' && hover.open) {
      e.stopPropagation();
      hover.close();
    }
  };
  ctx.addEventListener(document, 'pointermove', onMove, { passive: true, signal });
  ctx.addEventListener(window, 'keydown', onKey, { capture: true, signal });

  let reported = -1;
  const scanner: Scanner = startScanner(
    document.body,
    engine,
    marks,
    () => {
      const n = new Set([...marks.all].map((m) => m.entity)).size;
      if (n !== reported) {
        reported = n;
        send({ type: 'found', entities: n }).catch(() => undefined);
      }
    },
    signal,
    (e) => prefs.types[engine.entities.get(e).type],
  );

  const revealed = new Map<string, number>();
  const openWithFocus = (m: PageMention) => {
    m.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    // Let the scroll settle before measuring where the card goes.
    requestAnimationFrame(() => hover.openNow(targetOf(m)));
  };
  let lastKey: string | null = null;
  layer.setTheme(prefs.theme);
  return {
    setPreferences(next) {
      const before = prefs;
      prefs = next;
      layer?.setTheme(next.theme);
      if (next.markStyle !== before.markStyle) marks.setSink(sinkFor(next.markStyle));
      if (JSON.stringify(next.types) !== JSON.stringify(before.types)) {
        hover.close();
        scanner.rescanAll();
      }
    },
    summary() {
      const ordered = marks.ordered();
      return { entities: marks.summary(ordered), sequence: ordered.map((m) => engine.entities.get(m.entity).id) };
    },
    reveal(id) {
      const list = marks.ordered().filter((m) => engine.entities.get(m.entity).id === id);
      if (list.length === 0) return false;
      const i = ((revealed.get(id) ?? -1) + 1) % list.length;
      revealed.set(id, i);
      openWithFocus(list[i]!);
      return true;
    },
    next() {
      const ordered = marks.ordered();
      if (ordered.length === 0) return false;
      const at = ordered.findIndex((m) => m.key === (hover.open?.key ?? lastKey));
      const m = at >= 0 ? ordered[(at + 1) % ordered.length]! : firstInView(ordered);
      lastKey = m.key;
      openWithFocus(m);
      return true;
    },
    rescan: () => scanner.rescanAll(),
    idle: () => scanner.idle(),
    stop() {
      abort.abort();
      cancelAnimationFrame(frame);
      hover.close();
      marks.clear();
      layer?.remove();
      layer = null;
      send({ type: 'found', entities: 0 }).catch(() => undefined);
    },
  };
}
