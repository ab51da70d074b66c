import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHoverMachine, DWELL_MS, GRACE_MS, type HoverTarget } from '../../core/hover';

const putin: HoverTarget = { key: 'm1', entity: 'vladimir-putin' };
const moscow: HoverTarget = { key: 'm2', entity: 'moscow' };

describe('hover machine', () => {
  let log: string[];
  let machine: ReturnType<typeof createHoverMachine>;
  beforeEach(() => {
    vi.useFakeTimers();
    log = [];
    machine = createHoverMachine({
      show: (t, token, via) => log.push(`show ${t.entity} #${token} ${via}`),
      hide: () => log.push('hide'),
    });
  });
  afterEach(() => vi.useRealTimers());

  it('opens only after the dwell', () => {
    machine.pointerAt(putin);
    vi.advanceTimersByTime(DWELL_MS - 1);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['show vladimir-putin #1 pointer']);
    expect(machine.open).toEqual(putin);
  });

  it('does not open when the pointer only passes over', () => {
    machine.pointerAt(putin);
    vi.advanceTimersByTime(DWELL_MS / 2);
    machine.pointerAt(null);
    vi.advanceTimersByTime(DWELL_MS * 4);
    expect(log).toEqual([]);
  });

  it('stays open while the pointer travels onto the card within the grace', () => {
    machine.pointerAt(putin);
    vi.advanceTimersByTime(DWELL_MS);
    machine.pointerAt(null);
    vi.advanceTimersByTime(GRACE_MS - 10);
    machine.pointerOnCard(true);
    vi.advanceTimersByTime(GRACE_MS * 10);
    expect(log).toEqual(['show vladimir-putin #1 pointer']);
    machine.pointerOnCard(false);
    vi.advanceTimersByTime(GRACE_MS);
    expect(log).toEqual(['show vladimir-putin #1 pointer', 'hide']);
  });

  it('closes after the grace when the pointer leaves', () => {
    machine.pointerAt(putin);
    vi.advanceTimersByTime(DWELL_MS);
    machine.pointerAt(null);
    vi.advanceTimersByTime(GRACE_MS);
    expect(log.at(-1)).toBe('hide');
    expect(machine.open).toBeNull();
  });

  it('closes at once on Esc and cancels a pending open', () => {
    machine.pointerAt(putin);
    vi.advanceTimersByTime(DWELL_MS);
    machine.pointerAt(moscow);
    machine.close();
    vi.advanceTimersByTime(DWELL_MS * 2);
    expect(log).toEqual(['show vladimir-putin #1 pointer', 'hide']);
  });

  it('moves to another mention after its dwell, with a new token', () => {
    machine.pointerAt(putin);
    vi.advanceTimersByTime(DWELL_MS);
    machine.pointerAt(moscow);
    vi.advanceTimersByTime(DWELL_MS);
    expect(log).toEqual(['show vladimir-putin #1 pointer', 'show moscow #2 pointer']);
    expect(machine.token).toBe(2);
  });

  it('opens at once from the keyboard', () => {
    machine.openNow(moscow);
    expect(log).toEqual(['show moscow #1 keyboard']);
  });

  describe('pin', () => {
    const openPutin = () => {
      machine.pointerAt(putin);
      vi.advanceTimersByTime(DWELL_MS);
    };

    it('keeps a pinned card open when the pointer leaves the mention and the card', () => {
      openPutin();
      machine.pin(true);
      expect(machine.pinned).toBe(true);
      machine.pointerAt(null);
      machine.pointerOnCard(true);
      machine.pointerOnCard(false);
      vi.advanceTimersByTime(GRACE_MS * 10);
      expect(log).toEqual(['show vladimir-putin #1 pointer']);
      expect(machine.open).toEqual(putin);
    });

    it('cancels a grace that had already started', () => {
      openPutin();
      machine.pointerAt(null);
      vi.advanceTimersByTime(GRACE_MS - 10);
      machine.pin(true);
      vi.advanceTimersByTime(GRACE_MS * 10);
      expect(machine.open).toEqual(putin);
    });

    it('does not let other mentions replace a pinned card, nor a dwell started before the pin', () => {
      openPutin();
      machine.pointerAt(moscow);
      machine.pin(true);
      vi.advanceTimersByTime(DWELL_MS * 4);
      machine.pointerAt(null);
      machine.pointerAt(moscow);
      vi.advanceTimersByTime(DWELL_MS * 4);
      expect(log).toEqual(['show vladimir-putin #1 pointer']);
      expect(machine.token).toBe(1);
    });

    it('closes on close() and unpins', () => {
      openPutin();
      machine.pin(true);
      machine.close();
      expect(log).toEqual(['show vladimir-putin #1 pointer', 'hide']);
      expect(machine.pinned).toBe(false);
      expect(machine.open).toBeNull();
    });

    it('starts the grace on unpin when the pointer is on neither the card nor its mention', () => {
      openPutin();
      machine.pin(true);
      machine.pointerAt(null);
      machine.pin(false);
      expect(machine.pinned).toBe(false);
      vi.advanceTimersByTime(GRACE_MS - 1);
      expect(machine.open).toEqual(putin);
      vi.advanceTimersByTime(1);
      expect(log.at(-1)).toBe('hide');
    });

    it('stays open on unpin while the pointer is on the card (the Pin button is on the card)', () => {
      openPutin();
      machine.pointerOnCard(true);
      machine.pin(true);
      machine.pin(false);
      vi.advanceTimersByTime(GRACE_MS * 10);
      expect(machine.open).toEqual(putin);
      machine.pointerOnCard(false);
      vi.advanceTimersByTime(GRACE_MS);
      expect(log.at(-1)).toBe('hide');
    });

    it('behaves as before after unpinning: another mention replaces the card after its dwell', () => {
      openPutin();
      machine.pin(true);
      machine.pin(false);
      machine.pointerAt(moscow);
      vi.advanceTimersByTime(DWELL_MS);
      expect(log).toEqual(['show vladimir-putin #1 pointer', 'show moscow #2 pointer']);
    });

    it('is ignored when no card is open, and a keyboard open replaces a pinned card unpinned', () => {
      machine.pin(true);
      expect(machine.pinned).toBe(false);
      openPutin();
      machine.pin(true);
      machine.openNow(moscow);
      expect(machine.pinned).toBe(false);
      expect(log).toEqual(['show vladimir-putin #1 pointer', 'show moscow #2 keyboard']);
    });
  });
});

describe('hover delay preference', () => {
  it('reads the dwell at each hover', () => {
    vi.useFakeTimers();
    let delay = 150;
    const log: string[] = [];
    const m = createHoverMachine(
      { show: (t) => log.push(t.entity), hide: () => log.push('hide') },
      undefined,
      () => delay,
    );
    m.pointerAt({ key: 'a', entity: 'a' });
    vi.advanceTimersByTime(150);
    expect(log).toEqual(['a']);
    delay = 1000;
    m.pointerAt({ key: 'b', entity: 'b' });
    vi.advanceTimersByTime(999);
    expect(log).toEqual(['a']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['a', 'b']);
    vi.useRealTimers();
  });
});
