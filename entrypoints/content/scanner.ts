/**
 * Scans the page in slices and follows DOM changes: the first scan walks the whole body; after that, only the
 * blocks that changed are re-read, so a rescan costs in proportion to what changed, not to the page.
 */
import type { Engine, LinkState } from '../../engine/engine';
import { newLinkState } from '../../engine/engine';
import type { MarkStore } from './marks';
import { blockOf, insideSkipped, nodeAt, textBlocks, textNodesIn, type TextBlock } from './walk';

/** Work per slice before yielding to the page: well under the 50 ms that counts as a long task. */
export const SLICE_MS = 8;

/**
 * Ends the slice and queues the rest behind what the page has waiting. Not `scheduler.yield()`: its
 * continuation jumps ahead of the page's queued tasks (timers, messages, DevTools), so a long scan made of
 * short slices still starved the page for seconds on a 2 MB page. A private MessageChannel posts an ordinary
 * task with no timer clamping; the page cannot see its messages.
 */
let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];
export const yieldToPage = (): Promise<void> =>
  new Promise((resolve) => {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

/**
 * Links the names in one block and marks each one: the unit of every scan, shipped and benchmarked alike.
 * Returns how many mentions were marked.
 */
export function scanBlock(
  block: TextBlock,
  engine: Engine,
  state: LinkState,
  marks: MarkStore,
  accept: (entity: number) => boolean = acceptAll,
): number {
  let n = 0;
  for (const l of engine.find(block.text, state)) {
    if (!accept(l.entity)) continue;
    const s = nodeAt(block, l.start, false);
    const e = nodeAt(block, l.end, true);
    const sn = block.nodes[s]!;
    const en = block.nodes[e]!;
    const range = new StaticRange({
      startContainer: sn,
      startOffset: Math.min(l.start - block.offsets[s]!, sn.data.length),
      endContainer: en,
      endOffset: Math.min(l.end - block.offsets[e]!, en.data.length),
    });
    marks.add(l.entity, l.text, range, s === e ? [sn] : block.nodes.slice(s, e + 1));
    n++;
  }
  return n;
}

/** The first scan of a subtree without slicing (the benchmark's measure of it): returns the mentions marked. */
export function scanNow(root: Node, engine: Engine, marks: MarkStore, state: LinkState = newLinkState()): number {
  let n = 0;
  for (const block of textBlocks(root)) n += scanBlock(block, engine, state, marks);
  return n;
}

const acceptAll = () => true;

export interface Scanner {
  /** Resolves when the pending work (first scan and queued changes) is done. */
  idle(): Promise<void>;
  /** Forgets everything and scans the whole page again (SPA navigation). */
  rescanAll(): void;
  stop(): void;
}

export function startScanner(
  root: Element,
  engine: Engine,
  marks: MarkStore,
  onSettled: () => void,
  signal: AbortSignal,
  /** Which entities to mark (types switched off in the options are linked for context, then dropped). */
  accept: (entity: number) => boolean = acceptAll,
): Scanner {
  let state: LinkState = newLinkState();
  const dirty = new Set<Node>([root]);
  let running: Promise<void> | null = null;

  const scanRoot = async (node: Node, deadline: { t: number }) => {
    if (!node.isConnected || (node !== root && insideSkipped(node))) return;
    // Drop what this subtree (and any open shadow root in it) had before re-reading it. The root holds every
    // mark, so clearing is the same and cheaper; without it, a child removed from the body (the root is then
    // the changed block) marked the whole page a second time.
    if (node === root) marks.clear();
    else marks.removeNodes(textNodesIn(node));
    for (const block of textBlocks(node, follow)) {
      if (signal.aborted) return;
      scanBlock(block, engine, state, marks, accept);
      if (performance.now() > deadline.t) {
        await yieldToPage();
        deadline.t = performance.now() + SLICE_MS;
      }
    }
  };

  const drain = async () => {
    const deadline = { t: performance.now() + SLICE_MS };
    while (dirty.size > 0 && !signal.aborted) {
      const batch = [...dirty];
      dirty.clear();
      marks.removeDetached();
      // Re-read each changed block once, and not inside another block that is re-read anyway.
      const roots = batch.filter((n) => !batch.some((o) => o !== n && o.contains(n)));
      for (const n of roots) await scanRoot(n, deadline);
    }
    running = null;
    if (!signal.aborted) onSettled();
  };
  const schedule = () => {
    running ??= yieldToPage().then(drain);
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') {
        const b = blockOf(r.target);
        if (b) dirty.add(b);
        continue;
      }
      for (const n of r.addedNodes) {
        if (n.nodeType === 1 && (n as Element).tagName === 'FACT-CARDS') continue;
        const b = n.nodeType === 3 ? blockOf(n) : blockOf(n.parentNode ?? n);
        if (b && (n.nodeType === 3 || n.nodeType === 1)) dirty.add(n.nodeType === 3 ? b : (blockOf(n) ?? b));
      }
      if (r.removedNodes.length > 0 && r.target.isConnected) {
        const b = blockOf(r.target);
        if (b) dirty.add(b);
      }
    }
    if (dirty.size > 0) schedule();
  });
  const watching = { childList: true, subtree: true, characterData: true };
  observer.observe(root, watching);
  // A MutationObserver on the body does not see inside shadow roots: each open one we read is observed too.
  const followed = new WeakSet<ShadowRoot>();
  function follow(shadow: ShadowRoot) {
    if (followed.has(shadow)) return;
    followed.add(shadow);
    observer.observe(shadow, watching);
  }
  signal.addEventListener('abort', () => observer.disconnect());
  schedule();

  return {
    idle: async () => {
      while (running) await running;
    },
    rescanAll() {
      marks.clear();
      state = newLinkState();
      dirty.clear();
      dirty.add(root);
      schedule();
    },
    stop: () => observer.disconnect(),
  };
}
