/**
 * Everything Fact Cards does on one page while it is enabled there, wired from one module per job: marks
 * (`marks.ts`, painted by `mark-painter.ts`), background requests (`requests.ts`), the pointer path
 * (`hover-wiring.ts`), the keyboard path (`keyboard.ts`), the popup's questions (`summary.ts`) and the scanner.
 * Each job takes the session's AbortSignal, so `stop()` removes all of it (highlights, listeners, observer,
 * UI host) by aborting once.
 */
import type { PageContext } from '../../platform/content-context';
import type { Engine } from '../../engine/engine';
import type { PageSummary } from '../../core/messages';
import type { MarkStyle, Preferences } from '../../core/settings';
import { cssHighlights, type HighlightSink } from './highlights';
import { wireHover } from './hover-wiring';
import { wireKeyboard } from './keyboard';
import { MarkStore } from './marks';
import { createRequests } from './requests';
import { startScanner } from './scanner';
import { pageQuestions } from './summary';
import { loadCardUi, type LayerLoader } from './ui-loader';

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

/** The highlight sink of a mark style; tests replace it, since happy-dom has no Custom Highlight API. */
export type SinkFor = (style: MarkStyle) => HighlightSink | null;
const cssSinkFor: SinkFor = (style) => (style === 'none' ? null : cssHighlights(style));

export async function startSession(
  ctx: PageContext,
  engine: Engine,
  initialPrefs: Preferences,
  sinkFor: SinkFor = cssSinkFor,
  loadLayer: LayerLoader = loadCardUi,
): Promise<Session> {
  let prefs = initialPrefs;
  const abort = new AbortController();
  const { signal } = abort;
  // The listeners use this signal, not the context's: an invalidated context must still end the session, even
  // one still starting when it happened (index.ts has no session to stop yet).
  signal.addEventListener(
    'abort',
    ctx.onInvalidated(() => abort.abort()),
  );
  const { entities } = engine;
  const marks = new MarkStore(sinkFor(prefs.markStyle), entities);
  const requests = createRequests();
  const { hover, setTheme, openWithFocus } = wireHover(
    ctx,
    { marks, entities, body: requests.body, dwellMs: () => prefs.hoverDelayMs, loadLayer },
    signal,
  );
  const keyboard = wireKeyboard(hover, marks, openWithFocus, signal);
  const questions = pageQuestions(marks, entities, openWithFocus);
  const scanner = startScanner(
    document.body,
    engine,
    marks,
    () => requests.found(new Set([...marks.all].map((m) => m.entity)).size),
    signal,
    (e) => prefs.types[entities.get(e).type],
  );
  signal.addEventListener('abort', () => {
    marks.clear();
    requests.cleared();
  });

  setTheme(prefs.theme);
  return {
    setPreferences(next) {
      const before = prefs;
      prefs = next;
      setTheme(next.theme);
      if (next.markStyle !== before.markStyle) marks.setSink(sinkFor(next.markStyle));
      if (JSON.stringify(next.types) !== JSON.stringify(before.types)) {
        hover.close();
        scanner.rescanAll();
      }
    },
    summary: questions.summary,
    reveal: questions.reveal,
    next: keyboard.next,
    rescan: () => scanner.rescanAll(),
    idle: () => scanner.idle(),
    stop: () => abort.abort(),
  };
}
