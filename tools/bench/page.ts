/**
 * The benchmark's page side, bundled by `scripts/bench/bundle.ts` into an IIFE and evaluated in each corpus page.
 * Exposes `window.__fcBench`. Every timed operation returns per-operation times of several samples; each sample
 * repeats the operation until it has run for at least `MIN_SAMPLE_MS`, since `performance.now()` is coarse.
 */
import type { CompiledIndex } from '../../store/compile';
import { engineFromIndex as createEngine, newLinkState, type Engine } from '../../engine/engine';
import { match } from '../../engine/matcher';
import { cssHighlights } from '../../entrypoints/content/highlights';
import { MarkStore } from '../../entrypoints/content/marks';
import { scanNow } from '../../entrypoints/content/scanner';
import { textBlocks } from '../../entrypoints/content/walk';

/** Chromium coarsens `performance.now()` to 0.1 ms; 50 ms of repetitions keeps the rounding below 0.2 %. */
const MIN_SAMPLE_MS = 50;

/** Results are folded into this so no timed loop can be optimised away. */
let sinkValue = 0;

/** Milliseconds per operation of one sample: the operation repeated until `MIN_SAMPLE_MS` have passed. */
function sample(op: () => number): number {
  let reps = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    sinkValue ^= op();
    reps++;
    elapsed = performance.now() - t0;
  } while (elapsed < MIN_SAMPLE_MS);
  return elapsed / reps;
}

/** Milliseconds per operation for each of `samples` samples, after one untimed warm-up run. */
function time(op: () => number, samples: number): number[] {
  sinkValue ^= op();
  return Array.from({ length: samples }, () => sample(op));
}

/**
 * Samples of several operations taken in rounds (one sample of each per round, after a warm-up of each), so
 * machine noise from other processes falls on all of them alike and their ratios stay fair.
 */
function timeRounds(ops: Record<string, () => number>, samples: number): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [k, op] of Object.entries(ops)) {
    sinkValue ^= op();
    out[k] = [];
  }
  for (let s = 0; s < samples; s++) for (const [k, op] of Object.entries(ops)) out[k]!.push(sample(op));
  return out;
}

/** The document under test: a corpus page in an iframe of the long-lived harness page, or this page itself. */
let doc: Document = document;
const root = (): Node => doc.body ?? doc.documentElement;

/** How long a corpus page may take to load into the harness iframe. */
const FRAME_LOAD_TIMEOUT_MS = 60_000;

/** The floor: one TreeWalker pass reading every character of every text node once. */
function floorOnce(): number {
  const walker = doc.createTreeWalker(root(), NodeFilter.SHOW_TEXT);
  let h = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const d = (n as Text).data;
    for (let i = 0; i < d.length; i++) h = (h + d.charCodeAt(i)) | 0;
  }
  return h;
}

/** The content script's scan, as shipped (`scanNow`: `scanRoot` in scanner.ts without the slicing). */
const scanOnce = (engine: Engine, marks: MarkStore): number => scanNow(root(), engine, marks);

/** Breakdown steps of the scan: the walk alone, walk + match, walk + match + link (no marks). */
function walkOnce(): number {
  let n = 0;
  for (const block of textBlocks(root())) n += block.text.length;
  return n;
}
function walkMatchOnce(engine: Engine): number {
  let n = 0;
  for (const block of textBlocks(root())) n += match(block.text, engine.matcher).length;
  return n;
}
function walkFindOnce(engine: Engine): number {
  const state = newLinkState();
  let n = 0;
  for (const block of textBlocks(root())) n += engine.find(block.text, state).length;
  return n;
}

/** Syntax characters only: under the `u` flag an escaped '-' outside a class is an error. */
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** One regex alternating every alias, longest first, with Unicode word boundaries; case as written. */
function aliasRegex(index: CompiledIndex): RegExp {
  const alts = [...new Set(index.aliases.map((a) => a[0]))].sort((a, b) => b.length - a.length).map(escapeRe);
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'gu');
}

function regexOnce(re: RegExp): number {
  const walker = doc.createTreeWalker(root(), NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    re.lastIndex = 0;
    while (re.exec((t as Text).data)) n++;
  }
  return n;
}

/**
 * Bytes of the typed arrays reachable through the plain objects of `value`: their buffers live outside the
 * JS heap, so `usedJSHeapSize` does not count them, yet the tab holds them.
 */
function bufferBytes(value: unknown, seen = new Set<ArrayBufferLike>()): number {
  if (ArrayBuffer.isView(value)) {
    if (seen.has(value.buffer)) return 0;
    seen.add(value.buffer);
    return value.buffer.byteLength;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 0;
  let n = 0;
  for (const v of Object.values(value)) n += bufferBytes(v, seen);
  return n;
}

interface Loaded {
  index: CompiledIndex;
  engine: Engine;
}
const engines = new Map<string, Loaded>();

async function fetchIndex(url: string): Promise<CompiledIndex> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as CompiledIndex;
}

export interface PageTimes {
  textChars: number;
  textNodes: number;
  blocks: number;
  links: number;
  regexMatches: number;
  /** Per-operation samples: floor, scan, scanNoSink, regex, walk, walkMatch, walkFind and `store:NAME`. */
  samples: Record<string, number[]>;
  /** Links made with each extra store, by name. */
  storeLinks: Record<string, number>;
}
const api = {
  /**
   * Loads `url` into a same-origin iframe of this page and makes its document the one under test. The engines
   * live in this page, so a 100k-entity store is built once per run, not once per corpus page.
   */
  async open(url: string): Promise<void> {
    api.close();
    const frame = document.createElement('iframe');
    frame.id = 'fc-bench-frame';
    frame.style.cssText = 'width:1280px;height:800px;border:0';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${url} did not load in ${FRAME_LOAD_TIMEOUT_MS} ms`)),
        FRAME_LOAD_TIMEOUT_MS,
      );
      frame.addEventListener('load', () => {
        clearTimeout(timer);
        resolve();
      });
      frame.src = url;
      document.body.append(frame);
    });
    doc = frame.contentDocument!;
  },

  close(): void {
    document.getElementById('fc-bench-frame')?.remove();
    doc = document;
  },

  /** Fetches each named index from `${base}/index-NAME.json` and builds its engine once per page. */
  async load(base: string, names: string[]): Promise<void> {
    for (const name of names) {
      if (engines.has(name)) continue;
      const index = await fetchIndex(`${base}/index-${name}.json`);
      engines.set(name, { index, engine: createEngine(index) });
    }
  },

  /** Every timing of one page: `main` is the real store, `extra` the synthetic ones. */
  measurePage(main: string, extra: string[], samples: number): PageTimes {
    const real = engines.get(main)!;
    const sink = cssHighlights();
    const marks = new MarkStore(sink, real.engine.entities);
    const scan = () => {
      const n = scanOnce(real.engine, marks);
      marks.clear();
      return n;
    };
    const re = aliasRegex(real.index);
    let textNodes = 0;
    let textChars = 0;
    const walker = doc.createTreeWalker(root(), NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      textNodes++;
      textChars += (t as Text).data.length;
    }
    let blocks = 0;
    for (const _ of textBlocks(root())) blocks++;
    // The same scan with no highlight sink: what the CSS.highlights registry itself costs.
    const bare = new MarkStore(null, real.engine.entities);
    const ops: Record<string, () => number> = {
      floor: floorOnce,
      scan,
      scanNoSink: () => {
        const n = scanOnce(real.engine, bare);
        bare.clear();
        return n;
      },
      regex: () => regexOnce(re),
      walk: walkOnce,
      walkMatch: () => walkMatchOnce(real.engine),
      walkFind: () => walkFindOnce(real.engine),
    };
    const storeLinks: Record<string, number> = {};
    for (const name of extra) {
      const { engine } = engines.get(name)!;
      const m = new MarkStore(sink, engine.entities);
      ops[`store:${name}`] = () => {
        const n = scanOnce(engine, m);
        m.clear();
        return n;
      };
      storeLinks[name] = ops[`store:${name}`]!();
    }
    const out: PageTimes = {
      textChars,
      textNodes,
      blocks,
      links: scan(),
      regexMatches: regexOnce(re),
      samples: timeRounds(ops, samples),
      storeLinks,
    };
    return out;
  },

  /**
   * Start-up work in a fresh page: JSON.parse of the index text plus `createEngine`, unsliced (the content script
   * does the same work in slices: `loadIndex` parses the index in chunks, `createEngineSliced` builds in 8 ms
   * steps). `cold` is the first run; `warm` are repeated samples.
   */
  startup(json: string, samples: number): { cold: number; warm: number[] } {
    const t0 = performance.now();
    sinkValue ^= createEngine(JSON.parse(json) as CompiledIndex).entities.length;
    const cold = performance.now() - t0;
    const warm = time(() => createEngine(JSON.parse(json) as CompiledIndex).entities.length, samples);
    return { cold, warm };
  },

  /**
   * `createEngine(index)` alone for an already-parsed index, the memory its engine and index hold together
   * (what a tab holds), and the engine's share of it: JS heap plus the engine's typed-array buffers.
   */
  async build(
    base: string,
    name: string,
    samples: number,
  ): Promise<{ cold: number; warm: number[]; heldBytes: number | null; engineBytes: number | null }> {
    const gc = (globalThis as { gc?: () => void }).gc;
    const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
    gc?.();
    const before = heap();
    const index = await fetchIndex(`${base}/index-${name}.json`);
    gc?.();
    const parsed = heap();
    const t0 = performance.now();
    const engine = createEngine(index);
    const cold = performance.now() - t0;
    gc?.();
    const after = heap();
    (globalThis as { __fcHeld?: unknown }).__fcHeld = { index, engine };
    const warm = time(() => createEngine(index).entities.length, samples);
    const measured = gc !== undefined && before !== undefined && parsed !== undefined && after !== undefined;
    const buffers = bufferBytes(engine);
    return {
      cold,
      warm,
      heldBytes: measured ? after - before + buffers : null,
      engineBytes: measured ? after - parsed + buffers : null,
    };
  },

  /**
   * mark.js (loaded as `window.Mark`) marking `aliases` in this page, one alias per call so the run can stop at
   * `capMs`. Returns how far it got.
   */
  markjs(aliases: string[], capMs: number): { ms: number; done: number; total: number; marked: number } {
    const Mark = (globalThis as { Mark?: new (ctx: Node) => { mark: (kw: string, opts: object) => void } }).Mark;
    if (!Mark) throw new Error('mark.js is not loaded');
    const instance = new Mark(root());
    let marked = 0;
    const opts = {
      separateWordSearch: false,
      accuracy: { value: 'exactly', limiters: ',.;:!?\'"“”‘’()[]«»-–—/'.split('') },
      done: (n: number) => {
        marked += n;
      },
    };
    const t0 = performance.now();
    let done = 0;
    while (done < aliases.length && performance.now() - t0 < capMs) instance.mark(aliases[done++]!, opts);
    return { ms: performance.now() - t0, done, total: aliases.length, marked };
  },

  /** Scans back to back for `ms` with the named store (for the CPU profile); returns the scans done. */
  scanLoop(name: string, ms: number): number {
    const { engine } = engines.get(name)!;
    const marks = new MarkStore(cssHighlights(), engine.entities);
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < ms) {
      sinkValue ^= scanOnce(engine, marks);
      marks.clear();
      n++;
    }
    return n;
  },

  sink: () => sinkValue,
};

(globalThis as { __fcBench?: typeof api }).__fcBench = api;
export type BenchApi = typeof api;
