/**
 * The benchmark's page side, bundled by `tools/bench/bundle.ts` into an IIFE and evaluated in each page.
 * Exposes `window.__fcBench`. Engines come from binary indexes fetched from the bench server and opened the way
 * the content script opens `fact-index.bin` (`openIndex` + `createEngine`).
 */
import { createEngine, newLinkState, type Engine } from '../../engine/engine';
import { openIndex } from '../../engine/index-format';
import { match } from '../../engine/matcher';
import { cssHighlights } from '../../entrypoints/content/highlights';
import { MarkStore } from '../../entrypoints/content/marks';
import { scanNow } from '../../entrypoints/content/scanner';
import { skipsSubtree, textBlocks } from '../../entrypoints/content/walk';
import { markEach, markOnce, type MarkjsRun } from './page-markjs';
import { heapAfterGc, sink, sunk, time, timeRounds } from './page-timing';

/** The document under test: a corpus page in an iframe of the long-lived harness page, or this page itself. */
let doc: Document = document;
const root = (): Node => doc.body ?? doc.documentElement;

/** How long a corpus page may take to load into the harness iframe. */
const FRAME_LOAD_TIMEOUT_MS = 60_000;

/** A walker over the text nodes the scan reads: subtrees `skipsSubtree` rejects are not entered. */
const visibleText = (): TreeWalker =>
  doc.createTreeWalker(root(), NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, (n) =>
    n.nodeType === 3
      ? NodeFilter.FILTER_ACCEPT
      : skipsSubtree(n as Element)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_SKIP,
  );

/**
 * The floor: the text the scan reads, read once. A TreeWalker whose filter rejects the subtrees `skipsSubtree`
 * rejects (scripts, styles, form fields, editable regions…), reading every character of the rest.
 */
function floorOnce(): number {
  const walker = visibleText();
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

/** One regex alternating every alias (given longest first), with Unicode word boundaries; case as written. */
const aliasRegex = (aliases: string[]): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${aliases.map(escapeRe).join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'gu');

/** The regex baseline: the scan's own walk (`textBlocks`), then the alias regex over each block's text. */
function regexOnce(re: RegExp): number {
  let n = 0;
  for (const block of textBlocks(root())) {
    re.lastIndex = 0;
    while (re.exec(block.text)) n++;
  }
  return n;
}

const engines = new Map<string, Engine>();
let aliases: string[] = [];

async function fetchBuffer(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

export interface PageTimes {
  /** Characters the floor reads (the visible text under the scan's skips) and the blocks the scan reads. */
  textChars: number;
  blocks: number;
  links: number;
  regexMatches: number;
  /** Per-operation samples: floor, scan, scanNoSink, regex, walk, walkMatch, walkFind and `store:NAME`. */
  samples: Record<string, number[]>;
  /** Links made with each extra store, by name. */
  storeLinks: Record<string, number>;
}

export interface StartupTimes {
  bytes: number;
  fetchMs: number;
  /** `openIndex` + `createEngine`: the first run in this page, then warm samples. */
  cold: number;
  warm: number[];
  /** JS heap the opened engine adds (after gc); the buffer's bytes are outside the JS heap, counted apart. */
  heapAddedBytes: number | null;
}

const api = {
  /**
   * Loads `url` into a same-origin iframe of this page and makes its document the one under test. The engines
   * live in this page, so a 100k-entity store is opened once per run, not once per corpus page.
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

  /** Opens each named index from `${base}/index-NAME.bin`, and the real store's aliases for the baselines. */
  async load(base: string, names: string[]): Promise<void> {
    for (const name of names) {
      if (!engines.has(name))
        engines.set(name, createEngine(openIndex(await fetchBuffer(`${base}/index-${name}.bin`))));
    }
    aliases = (await (await fetch(`${base}/aliases-real.json`)).json()) as string[];
  },

  /** Every timing of one page: `main` is the shipped store, `extra` the synthetic ones. */
  measurePage(main: string, extra: string[], samples: number): PageTimes {
    const real = engines.get(main)!;
    const highlights = cssHighlights();
    const marks = new MarkStore(highlights, real.entities);
    const scan = () => {
      const n = scanOnce(real, marks);
      marks.clear();
      return n;
    };
    const re = aliasRegex(aliases);
    let textChars = 0;
    const walker = visibleText();
    for (let t = walker.nextNode(); t; t = walker.nextNode()) textChars += (t as Text).data.length;
    let blocks = 0;
    for (const _ of textBlocks(root())) blocks++;
    // The same scan with no highlight sink: what the CSS.highlights registry itself costs.
    const bare = new MarkStore(null, real.entities);
    const ops: Record<string, () => number> = {
      floor: floorOnce,
      scan,
      scanNoSink: () => {
        const n = scanOnce(real, bare);
        bare.clear();
        return n;
      },
      regex: () => regexOnce(re),
      walk: walkOnce,
      walkMatch: () => walkMatchOnce(real),
      walkFind: () => walkFindOnce(real),
    };
    const storeLinks: Record<string, number> = {};
    for (const name of extra) {
      const engine = engines.get(name)!;
      const m = new MarkStore(highlights, engine.entities);
      ops[`store:${name}`] = () => {
        const n = scanOnce(engine, m);
        m.clear();
        return n;
      };
      storeLinks[name] = ops[`store:${name}`]!();
    }
    return {
      textChars,
      blocks,
      links: scan(),
      regexMatches: regexOnce(re),
      samples: timeRounds(ops, samples),
      storeLinks,
    };
  },

  /**
   * Start-up in a fresh page, as a tab pays it: fetch the binary, then `openIndex` + `createEngine` (cold, then
   * warm samples), and the JS heap the opened engine holds after gc.
   */
  async startup(url: string, samples: number): Promise<StartupTimes> {
    const t0 = performance.now();
    const buffer = await fetchBuffer(url);
    const fetchMs = performance.now() - t0;
    const before = heapAfterGc();
    const t1 = performance.now();
    const engine = createEngine(openIndex(buffer));
    const cold = performance.now() - t1;
    const after = heapAfterGc();
    (globalThis as { __fcHeld?: unknown }).__fcHeld = engine;
    const warm = time(() => createEngine(openIndex(buffer)).entities.length, samples);
    return {
      bytes: buffer.byteLength,
      fetchMs,
      cold,
      warm,
      heapAddedBytes: before !== null && after !== null ? after - before : null,
    };
  },

  /**
   * mark.js, every alias of the real store (`list`, longest first) one call each (capped at `capMs`), or one
   * `markRegExp` pass with the baseline's alias regex. The page must be fresh: mark.js changes the DOM.
   */
  markjs: (kind: 'each' | 'regexp', list: string[], capMs: number): MarkjsRun =>
    kind === 'each' ? markEach(root(), list, capMs) : markOnce(root(), aliasRegex(list)),

  /** Scans back to back for `ms` with the named store (for the CPU profile); returns the scans done. */
  scanLoop(name: string, ms: number): number {
    const engine = engines.get(name)!;
    const marks = new MarkStore(cssHighlights(), engine.entities);
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < ms) {
      sink(scanOnce(engine, marks));
      marks.clear();
      n++;
    }
    return n;
  },

  sink: sunk,
};

(globalThis as { __fcBench?: typeof api }).__fcBench = api;
export type BenchApi = typeof api;
