/**
 * The hover-card state machine: pure, timer-driven, one path for pointer and keyboard.
 * Tokens guard against stale work: an async card body for token 3 is dropped once token 4 exists.
 */

/** Dwell before a card opens: long enough that sweeping the pointer across a paragraph opens nothing,
 * short enough to feel immediate. Wikipedia Page Previews waits 500 ms because its targets are also links
 * that people click; our marks do nothing else, so we wait less. */
export const DWELL_MS = 350;
/** Grace after the pointer leaves a mention or card: time to travel from the text onto the card
 * (Page Previews uses 300 ms for the same trip). WCAG 1.4.13 requires the card to be hoverable. */
export const GRACE_MS = 300;

export interface HoverTarget {
  /** Identifies the mention (one target per mention on the page). */
  key: string;
  entity: string;
}

export interface HoverEffects {
  show(target: HoverTarget, token: number, via: 'pointer' | 'keyboard'): void;
  hide(): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface HoverMachine {
  /** The pointer is now over this mention, or over no mention (null). */
  pointerAt(target: HoverTarget | null): void;
  /** The pointer entered (true) or left (false) the open card. */
  pointerOnCard(on: boolean): void;
  /** Opens a card at once (keyboard, popup); focus goes into the card. */
  openNow(target: HoverTarget): void;
  /** Esc, close button, site switched off. Also unpins. */
  close(): void;
  /**
   * Pins (true) or unpins (false) the open card. A pinned card ignores the pointer: leaving it or its mention
   * starts no grace, and other mentions do not replace it; only close() (Esc, Close) or openNow() ends it.
   * Unpinning while the pointer is on neither the card nor its mention starts the grace. No-op with no card.
   */
  pin(on: boolean): void;
  readonly open: HoverTarget | null;
  readonly pinned: boolean;
  readonly token: number;
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms) as unknown as number,
  clearTimeout: (id) => globalThis.clearTimeout(id),
};

/** `dwellMs` is read at each hover, so a changed preference applies at once. */
export function createHoverMachine(
  effects: HoverEffects,
  timers: Timers = defaultTimers,
  dwellMs: () => number = () => DWELL_MS,
): HoverMachine {
  let open: HoverTarget | null = null;
  let pending: HoverTarget | null = null;
  let onCard = false;
  /** The pointer is over the open card's own mention. */
  let onMention = false;
  let pinned = false;
  let token = 0;
  let dwell: number | undefined;
  let grace: number | undefined;

  const clearDwell = () => {
    if (dwell !== undefined) timers.clearTimeout(dwell);
    dwell = undefined;
    pending = null;
  };
  const clearGrace = () => {
    if (grace !== undefined) timers.clearTimeout(grace);
    grace = undefined;
  };
  const show = (target: HoverTarget, via: 'pointer' | 'keyboard') => {
    clearDwell();
    clearGrace();
    open = target;
    onCard = false;
    onMention = via === 'pointer';
    pinned = false;
    token++;
    effects.show(target, token, via);
  };
  const hide = () => {
    clearDwell();
    clearGrace();
    pinned = false;
    if (open) {
      open = null;
      onCard = false;
      token++;
      effects.hide();
    }
  };
  const startGrace = () => {
    if (grace === undefined && open && !pinned) grace = timers.setTimeout(hide, GRACE_MS);
  };

  return {
    pointerAt(target) {
      onMention = !!target && !!open && target.key === open.key;
      if (pinned) return;
      if (target && open && target.key === open.key) {
        clearDwell();
        clearGrace();
        return;
      }
      if (target && pending && target.key === pending.key) return;
      clearDwell();
      if (target) {
        // Another mention: the open card stays until the new one replaces it after its dwell.
        pending = target;
        dwell = timers.setTimeout(() => show(target, 'pointer'), dwellMs());
        clearGrace();
      } else if (open && !onCard) startGrace();
    },
    pointerOnCard(on) {
      onCard = on;
      if (on) clearGrace();
      else startGrace();
    },
    openNow(target) {
      show(target, 'keyboard');
    },
    close: hide,
    pin(on) {
      if (!open) return;
      pinned = on;
      if (on) {
        clearDwell();
        clearGrace();
      } else if (!onCard && !onMention) startGrace();
    },
    get open() {
      return open;
    },
    get pinned() {
      return pinned;
    },
    get token() {
      return token;
    },
  };
}
