/**
 * Fakes for unit-testing the content script under happy-dom, which lacks a few things the page side uses:
 * `StaticRange`, the CSS Custom Highlight API (replaced by a recording `HighlightSink`), popovers, and trusted
 * events. Plus counters for what a session leaves behind.
 */
import { vi } from 'vitest';
import { ContentScriptContext } from '../../platform/content-context';
import { compileIndex } from '../../store/compile';
import { engineFromIndex, type Engine } from '../../engine/engine';
import type { EntityType } from '../../engine/types';
import type { HighlightSink } from '../../entrypoints/content/highlights';
import { record } from './records';

/** The DOM's StaticRange (a fixed boundary pair), which happy-dom does not provide. */
class FakeStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  constructor(init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {
    ({
      startContainer: this.startContainer,
      startOffset: this.startOffset,
      endContainer: this.endContainer,
      endOffset: this.endOffset,
    } = init);
  }
  get collapsed(): boolean {
    return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
}

/**
 * Installs the StaticRange stand-in where the environment has none, for the whole test file (not a stub, so
 * `vi.unstubAllGlobals()` keeps it).
 */
export function installStaticRange(): void {
  if (typeof globalThis.StaticRange === 'undefined') Object.assign(globalThis, { StaticRange: FakeStaticRange });
}

/** A highlight sink that records what is registered, per entity type. */
export interface RecordingSink extends HighlightSink {
  readonly ranges: Map<EntityType, Set<AbstractRange>>;
  /** How many ranges are registered, all types together. */
  size(): number;
}

export function recordingSink(): RecordingSink {
  const ranges = new Map<EntityType, Set<AbstractRange>>();
  return {
    ranges,
    add(type, range) {
      let set = ranges.get(type);
      if (!set) ranges.set(type, (set = new Set()));
      set.add(range);
    },
    delete(type, range) {
      ranges.get(type)?.delete(range);
    },
    clear: () => ranges.clear(),
    size: () => [...ranges.values()].reduce((n, s) => n + s.size, 0),
  };
}

/** A small engine: two people (one with a surname alias), a place and an organisation. */
export function testEngine(): Engine {
  return engineFromIndex(
    compileIndex([
      record('putin', 'Vladimir Putin', [{ text: 'Putin', rule: 'surname' }]),
      record('lavrov', 'Sergey Lavrov', [{ text: 'Lavrov', rule: 'surname' }]),
      record('syria', 'Syria', [], 'place'),
      record('reuters', 'Reuters', [], 'organization'),
    ]),
  );
}

/** The texts an engine marked, in page order, as `text→entity id`. */
export const marked = (ordered: { text: string; entity: number }[], engine: Engine): string[] =>
  ordered.map((m) => `${m.text}→${engine.entities.get(m.entity).id}`);

/** Dispatches an event as if the user caused it: our handlers ignore the page's synthetic events. */
export function dispatchTrusted(target: EventTarget, event: Event): void {
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

/** Popovers for happy-dom: show/hide toggle a flag that `:popover-open` reports. */
export function installPopovers(): void {
  const open = new WeakSet<Element>();
  const proto = HTMLElement.prototype;
  const matches = proto.matches;
  vi.spyOn(proto, 'matches').mockImplementation(function (this: HTMLElement, selector: string) {
    return selector === ':popover-open' ? open.has(this) : matches.call(this, selector);
  });
  proto.showPopover = function (this: HTMLElement) {
    open.add(this);
  };
  proto.hidePopover = function (this: HTMLElement) {
    open.delete(this);
  };
}

/**
 * Tracks the listeners on window and document and the MutationObservers that are observing, from the call on:
 * what a stopped session must bring back to nothing. A listener leaves by removeEventListener or by its
 * options' signal aborting.
 */
export function leakCounters(): { listeners(): string[]; observers(): number } {
  const listeners = new Map<string, { type: string; fn: unknown; capture: boolean }>();
  let next = 0;
  const keyOf = (name: string, type: string, fn: unknown, capture: boolean) =>
    [...listeners].find(([, l]) => l.type === `${name}:${type}` && l.fn === fn && l.capture === capture)?.[0];
  const captureOf = (options: boolean | AddEventListenerOptions | EventListenerOptions | undefined) =>
    typeof options === 'boolean' ? options : !!options?.capture;
  for (const [target, name] of [
    [window, 'window'],
    [document, 'document'],
  ] as const) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    vi.spyOn(target, 'addEventListener').mockImplementation((type, fn, options) => {
      add(type, fn, options);
      const signal = typeof options === 'object' ? options.signal : undefined;
      const capture = captureOf(options);
      if (!fn || signal?.aborted || keyOf(name, type, fn, capture)) return;
      const key = `l${next++}`;
      listeners.set(key, { type: `${name}:${type}`, fn, capture });
      signal?.addEventListener('abort', () => listeners.delete(key), { once: true });
    });
    vi.spyOn(target, 'removeEventListener').mockImplementation((type, fn, options) => {
      remove(type, fn, options);
      const key = keyOf(name, type, fn, captureOf(options));
      if (key) listeners.delete(key);
    });
  }

  const observing = new Set<MutationObserver>();
  const Base = MutationObserver;
  vi.stubGlobal(
    'MutationObserver',
    class extends Base {
      override observe(target: Node, options?: MutationObserverInit): void {
        observing.add(this);
        super.observe(target, options);
      }
      override disconnect(): void {
        observing.delete(this);
        super.disconnect();
      }
    },
  );
  return { listeners: () => [...listeners.values()].map((l) => l.type), observers: () => observing.size };
}

/**
 * Captures the shadow roots attached from now on, closed ones included (the card body sits in a closed root
 * that the page, and so a test, cannot otherwise reach).
 */
export function captureShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}

/** A content-script context for a test, the class the content script is built with; invalidate it with `ctx.abort()`. */
export const testContext = () => new ContentScriptContext('content');
