import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '../../platform/content-context';

afterEach(() => {
  vi.useRealTimers();
});

describe("the content script's own context", () => {
  it('is valid while the extension is there, and ends on abort', () => {
    const ctx = new ContentScriptContext('content');
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    expect(ctx.isValid).toBe(true);
    ctx.abort();
    expect(ctx.isValid).toBe(false);
    expect(ended).toHaveBeenCalledOnce();
  });

  it('stops an older copy of the script in the same isolated world, without any event the page could see', () => {
    const seen = vi.fn();
    document.addEventListener('*', seen);
    window.addEventListener('message', seen);
    const older = new ContentScriptContext('content');
    const newer = new ContentScriptContext('content');
    expect(older.isValid).toBe(false);
    expect(newer.isValid).toBe(true);
    expect(seen).not.toHaveBeenCalled();
    newer.abort();
  });

  it('removes its listeners when it ends', () => {
    const ctx = new ContentScriptContext('content');
    const target = new EventTarget();
    const heard = vi.fn();
    ctx.addEventListener(target, 'ping', heard);
    target.dispatchEvent(new Event('ping'));
    ctx.abort();
    target.dispatchEvent(new Event('ping'));
    expect(heard).toHaveBeenCalledOnce();
  });

  it('calls a location-change handler once per new URL, and not after it ended', async () => {
    const ctx = new ContentScriptContext('content');
    const changed = vi.fn();
    ctx.addEventListener(window, 'wxt:locationchange', changed);
    const start = location.href;
    history.pushState(null, '', '/next-page');
    // The Navigation API where the environment has it; a 1 s poll where it does not.
    await vi.waitFor(() => expect(changed).toHaveBeenCalledOnce(), { timeout: 2500 });
    const event = changed.mock.calls[0]![0] as Event & { newUrl: URL; oldUrl: URL };
    expect(event.newUrl.pathname).toBe('/next-page');
    expect(event.oldUrl.href).toBe(start);
    ctx.abort();
    history.pushState(null, '', '/after-end');
    await new Promise((r) => setTimeout(r, 1200));
    expect(changed).toHaveBeenCalledOnce();
    history.pushState(null, '', start);
  });

  it('timers it set do not fire after it ended', async () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('content');
    const tick = vi.fn();
    ctx.setTimeout(tick, 10);
    ctx.setInterval(tick, 10);
    ctx.abort();
    await vi.advanceTimersByTimeAsync(50);
    expect(tick).not.toHaveBeenCalled();
  });

  it('still runs a cleanup registered after it ended (it ended while the script awaited)', async () => {
    const ctx = new ContentScriptContext('content');
    ctx.abort();
    const late = vi.fn();
    ctx.onInvalidated(late);
    await Promise.resolve();
    expect(late).toHaveBeenCalledOnce();
  });

  it('an orphaned copy (the extension reloaded under it) ends at its next timer instead of acting', async () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('content');
    const tick = vi.fn();
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    ctx.setInterval(tick, 10);
    await vi.advanceTimersByTimeAsync(15);
    expect(tick).toHaveBeenCalledOnce();
    const id = fakeBrowser.runtime.id;
    try {
      (fakeBrowser.runtime as { id?: string }).id = undefined;
      await vi.advanceTimersByTimeAsync(30);
    } finally {
      (fakeBrowser.runtime as { id?: string }).id = id;
    }
    expect(tick).toHaveBeenCalledOnce();
    expect(ended).toHaveBeenCalledOnce();
    expect(ctx.isValid).toBe(false);
  });
});
