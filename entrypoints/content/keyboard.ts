/**
 * The keyboard path: Esc closes the open card, and the "next mention" command walks the marks in page order.
 * Aborting the signal removes the listener.
 */
import type { HoverMachine } from '../../core/hover';
import { liveRange } from './geometry';
import type { MarkStore, PageMention } from './marks';

/** The first mention at or below the top of the viewport, else the first on the page. */
export function firstInView(ordered: PageMention[]): PageMention {
  return ordered.find((m) => liveRange(m).getBoundingClientRect().bottom >= 0) ?? ordered[0]!;
}

export interface Keyboard {
  /** Opens the card of the first mention after the last one opened (or after the top of the view). */
  next(): boolean;
}

export function wireKeyboard(
  hover: HoverMachine,
  marks: MarkStore,
  open: (m: PageMention) => void,
  signal: AbortSignal,
): Keyboard {
  const onKey = (e: KeyboardEvent) => {
    if (e.isTrusted && e.key === 'Escape' && hover.open) {
      e.stopPropagation();
      hover.close();
    }
  };
  // On window directly, not through ctx.addEventListener, which would swap our signal for the context's.
  window.addEventListener('keydown', onKey, { capture: true, signal });

  let lastKey: string | null = null;
  return {
    next() {
      const ordered = marks.ordered();
      if (ordered.length === 0) return false;
      const at = ordered.findIndex((m) => m.key === (hover.open?.key ?? lastKey));
      const m = at >= 0 ? ordered[(at + 1) % ordered.length]! : firstInView(ordered);
      lastKey = m.key;
      open(m);
      return true;
    },
  };
}
