/**
 * The content script's context, built in place of WXT's `ContentScriptContext` (wxt.config.ts aliases
 * `wxt/utils/content-script-context` to this file for the content-script build; the unit tests construct it too,
 * and the card UI's bundle, which keeps WXT's helpers, is handed this object). Same public surface, measured
 * cheaper and invisible to the page (docs/adr/0006-start-up.md):
 * - WXT announces every start with a `CustomEvent` on `document` (and with `noScriptStartedPostMessage: false`, a
 *   `postMessage`) named after our extension id, which the page's own listeners receive. Here a second copy of the
 *   script in the same isolated world finds the first on the world's global, which the page cannot reach, and
 *   stops it. A copy orphaned by an extension reload or update (Chromium gives the new load a new world and does
 *   not inject into open tabs) stops itself the next time it checks `isValid`: its timers, its location watcher
 *   and the hover path check before they act.
 * - WXT's `wxt:locationchange` is a window event the page can see and also dispatch; here the handler is called
 *   directly, from the Navigation API's `currententrychange` (after the URL changed) or a 1 s poll without it.
 * - Nothing touches `chrome.runtime` until `isValid` is asked (each binding a content script touches costs it
 *   start-up time on every page).
 */
import { browser } from 'wxt/browser';

type Options = { cssInjectionMode?: unknown; [key: string]: unknown };

/** The isolated world's global: shared by every copy of our content script in this world, unseen by the page. */
const ISOLATED = globalThis as unknown as { __factCardsContext?: { notifyInvalidated(): void } };

type Handler = (event: Event) => void;

/** What the content script's modules ask of a context: met by this class and by WXT's (tests, the card UI). */
export interface PageContext {
  readonly isValid: boolean;
  readonly options?: Options;
  onInvalidated(cb: () => void): () => void;
  addEventListener(target: Window, type: 'wxt:locationchange', handler: () => void): void;
}

export class ContentScriptContext implements PageContext {
  private readonly controller = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: Options,
  ) {
    ISOLATED.__factCardsContext?.notifyInvalidated();
    ISOLATED.__factCardsContext = this;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  /** True once the extension was reloaded, updated or removed under this page, or a newer copy started. */
  get isInvalid(): boolean {
    if (!browser.runtime?.id) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    // An abort listener added after the abort would never run: a context that ended while `main` awaited still
    // calls its late cleanups.
    if (this.signal.aborted) {
      queueMicrotask(cb);
      return () => {};
    }
    this.signal.addEventListener('abort', cb, { once: true });
    return () => this.signal.removeEventListener('abort', cb);
  }

  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((t) => this.isValid && callback(t));
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((d) => this.isValid && callback(d), options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  /** A listener removed when the context ends; `wxt:locationchange` calls `handler` when the URL changes. */
  addEventListener(target: EventTarget, type: string, handler: Handler, options?: AddEventListenerOptions): void {
    if (type === 'wxt:locationchange') return this.watchLocation(handler);
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    // Let the ended session (and the index it holds) be collected.
    if (ISOLATED.__factCardsContext === this) delete ISOLATED.__factCardsContext;
    this.abort('Content script context invalidated');
  }

  private watchLocation(handler: Handler): void {
    let last = location.href;
    const check = () => {
      if (!this.isValid || location.href === last) return;
      const oldUrl = new URL(last);
      last = location.href;
      handler(Object.assign(new Event('locationchange'), { newUrl: new URL(last), oldUrl }));
    };
    // A document whose Navigation API is switched off (an opaque origin, e.g. a CSP sandbox) has `navigation`
    // but no current entry and no events: it is polled.
    const navigation = (globalThis as { navigation?: EventTarget & { currentEntry?: unknown } }).navigation;
    if (typeof navigation?.addEventListener === 'function' && navigation.currentEntry)
      navigation.addEventListener('currententrychange', check, { signal: this.signal });
    else this.setInterval(check, 1000);
  }
}
