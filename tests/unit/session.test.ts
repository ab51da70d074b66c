import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundRequest } from '../../core/messages';
import { DEFAULT_PREFERENCES, type MarkStyle, type Preferences } from '../../core/settings';
import { createCardLayer } from '../../entrypoints/content/card-layer';
import { startSession, type Session } from '../../entrypoints/content/session';
import {
  dispatchTrusted,
  installPopovers,
  installStaticRange,
  leakCounters,
  recordingSink,
  testContext,
  testEngine,
  type RecordingSink,
} from '../support/content-dom';
import { sampleCard } from '../support/ui-fixtures';

beforeAll(installStaticRange);

/** The card UI imported directly (the extension loads it as a separate script on first need). */
const loadLayer = vi.fn(() => Promise.resolve(createCardLayer));

const engine = testEngine();
const PAGE = '<p>Vladimir Putin met Sergey Lavrov in Syria.</p><p>Reuters said Putin left.</p>';

let sent: BackgroundRequest[];
let sinks: Map<MarkStyle, RecordingSink>;
beforeEach(() => {
  installPopovers();
  document.body.innerHTML = PAGE;
  sent = [];
  sinks = new Map();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message) => {
    const msg = message as BackgroundRequest;
    sent.push(msg);
    return msg.type === 'card' ? sampleCard({ id: msg.id, name: `Card of ${msg.id}` }) : undefined;
  });
  vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

/** A session over PAGE with a recording sink per mark style (happy-dom has no CSS.highlights). */
async function start(prefs: Partial<Preferences> = {}): Promise<Session> {
  const session = await startSession(
    testContext(),
    engine,
    { ...DEFAULT_PREFERENCES, ...prefs },
    (style) => {
      if (style === 'none') return null;
      const sink = recordingSink();
      sinks.set(style, sink);
      return sink;
    },
    loadLayer,
  );
  await session.idle();
  return session;
}

const popover = () =>
  document.querySelector('fact-cards')!.shadowRoot!.querySelector<HTMLElement>('.fc-layer-popover')!;
const cardOpen = () => popover().matches(':popover-open');
const openCard = () => (cardOpen() ? popover().getAttribute('aria-label') : null);
const scrolledTo = () =>
  vi.mocked(Element.prototype.scrollIntoView).mock.contexts.map((el) => (el as Element).textContent);

describe('startSession', () => {
  it('marks the page, paints the marks and reports the count of entities found', async () => {
    const session = await start();
    expect(session.summary().sequence).toEqual(['putin', 'lavrov', 'syria', 'reuters', 'putin']);
    expect(session.summary().entities.map((e) => [e.id, e.count])).toEqual([
      ['putin', 2],
      ['lavrov', 1],
      ['syria', 1],
      ['reuters', 1],
    ]);
    expect(sinks.get('dotted')!.size()).toBe(5);
    expect(sent).toEqual([{ type: 'found', entities: 4 }]);
  });

  it('adds no element and loads no card UI until a card is needed, then loads it once', async () => {
    loadLayer.mockClear();
    const session = await start();
    expect(document.querySelector('fact-cards')).toBeNull();
    expect(loadLayer).not.toHaveBeenCalled();
    session.reveal('putin');
    await vi.waitFor(() => expect(openCard()).toBe('Card of putin'));
    session.reveal('lavrov');
    await vi.waitFor(() => expect(openCard()).toBe('Card of lavrov'));
    expect(loadLayer).toHaveBeenCalledTimes(1);
    expect(document.querySelectorAll('fact-cards')).toHaveLength(1);
  });

  it('reveals each mention of an entity in turn, opening its card', async () => {
    const session = await start();
    expect(session.reveal('putin')).toBe(true);
    await vi.waitFor(() => expect(openCard()).toBe('Card of putin'));
    expect(session.reveal('putin')).toBe(true);
    expect(session.reveal('putin')).toBe(true);
    expect(scrolledTo()).toEqual([PAGE_TEXT[0], PAGE_TEXT[1], PAGE_TEXT[0]]);
    expect(session.reveal('nobody')).toBe(false);
    // One request per entity, however often its card opens.
    await vi.waitFor(() => expect(sent.filter((m) => m.type === 'card')).toEqual([{ type: 'card', id: 'putin' }]));
  });

  it('walks the mentions in page order on "next", from the first in view, and wraps around', async () => {
    const session = await start();
    for (const name of ['putin', 'lavrov', 'syria', 'reuters', 'putin']) {
      expect(session.next()).toBe(true);
      await vi.waitFor(() => expect(openCard()).toBe(`Card of ${name}`));
    }
    expect(session.next()).toBe(true);
    expect(scrolledTo()).toEqual([0, 0, 0, 1, 1, 0].map((i) => PAGE_TEXT[i]));
  });

  it('closes the open card on the user’s Esc, not on a page script’s', async () => {
    const session = await start();
    session.reveal('syria');
    await vi.waitFor(() => expect(openCard()).toBe('Card of syria'));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(cardOpen()).toBe(true);
    dispatchTrusted(window, new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(cardOpen()).toBe(false);
  });

  it('opens the card of the mention under the pointer after the dwell', async () => {
    await start({ hoverDelayMs: 0 });
    const text = document.querySelector('p')!.firstChild!;
    (document as unknown as Record<string, unknown>).caretPositionFromPoint = () => ({ offsetNode: text, offset: 20 });
    vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([new DOMRect(0, 0, 100, 20)] as unknown as DOMRectList);
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: 5, clientY: 5 }));
    await new Promise((r) => setTimeout(r, 50));
    // An untrusted move opens nothing and does not even load the card UI.
    expect(document.querySelector('fact-cards')).toBeNull();
    dispatchTrusted(document, new PointerEvent('pointermove', { clientX: 5, clientY: 5 }));
    await vi.waitFor(() => expect(openCard()).toBe('Card of lavrov'));
    delete (document as unknown as Record<string, unknown>).caretPositionFromPoint;
  });

  it('applies a new mark style and new types at once', async () => {
    const session = await start();
    session.setPreferences({ ...DEFAULT_PREFERENCES, markStyle: 'background' });
    expect(sinks.get('dotted')!.size()).toBe(0);
    expect(sinks.get('background')!.size()).toBe(5);
    session.setPreferences({ ...DEFAULT_PREFERENCES, markStyle: 'none' });
    expect(sinks.get('background')!.size()).toBe(0);
    session.setPreferences({ ...DEFAULT_PREFERENCES, types: { ...DEFAULT_PREFERENCES.types, person: false } });
    await session.idle();
    expect(session.summary().sequence).toEqual(['syria', 'reuters']);
    expect(sinks.get('dotted')!.size()).toBe(2);
  });

  it('stops when its content-script context is invalidated (the extension reloaded)', async () => {
    const ctx = testContext();
    const leaks = leakCounters();
    await startSession(ctx, engine, DEFAULT_PREFERENCES, () => recordingSink(), loadLayer);
    expect(leaks.listeners()).toHaveLength(2);
    ctx.abort();
    expect(leaks.listeners()).toEqual([]);
    expect(leaks.observers()).toBe(0);
    expect(document.querySelector('fact-cards')).toBeNull();
  });

  it('leaves no highlight, listener, observer or element behind once stopped', async () => {
    const ctx = testContext();
    const leaks = leakCounters();
    const session = await startSession(
      ctx,
      engine,
      DEFAULT_PREFERENCES,
      () => {
        const sink = recordingSink();
        sinks.set('dotted', sink);
        return sink;
      },
      loadLayer,
    );
    await session.idle();
    session.reveal('putin');
    await vi.waitFor(() => expect(openCard()).toBe('Card of putin'));
    expect(leaks.listeners()).toEqual(expect.arrayContaining(['document:pointermove', 'window:keydown']));
    expect(leaks.observers()).toBe(1);
    expect(document.body.children).toHaveLength(3);

    session.stop();
    expect(sinks.get('dotted')!.size()).toBe(0);
    expect(leaks.listeners()).toEqual([]);
    expect(leaks.observers()).toBe(0);
    expect([...document.body.children].map((e) => e.tagName)).toEqual(['P', 'P']);
    expect(sent.at(-1)).toEqual({ type: 'found', entities: 0 });
    // The page changing afterwards marks nothing again.
    document.body.insertAdjacentHTML('beforeend', '<p>Syria</p>');
    await new Promise((r) => setTimeout(r, 20));
    expect(sinks.get('dotted')!.size()).toBe(0);
    expect(session.summary().entities).toEqual([]);
  });
});

const PAGE_TEXT = ['Vladimir Putin met Sergey Lavrov in Syria.', 'Reuters said Putin left.'];
