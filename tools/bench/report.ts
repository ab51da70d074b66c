/**
 * Turns the raw benchmark samples into ratios against the targets, writes `bench.json` (and its dated
 * copy) and prints the tables (`tables.ts`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { BlackBoxPage, Metrics } from './blackbox';
import { DWELL_MS, type HoverResult } from './hover';
import type { LongTaskPair } from './runs';
import { machine, writeResults } from './machine';
import type { StartupTimes } from './page';
import { CONTENT_JS } from './paths';
import type { HotFunction } from './profile';
import { LONG_TASK_LOADS, type MarkjsResult, type PageResult } from './runs';
import { median } from './stats';
import { printTables } from './tables';

const MB = 2 ** 20;

/**
 * The index issue's targets (scan ≤ 2.5× the floor, the regex ≥ 2× slower than the scan, 100k/1k ≤ 1.3; runs up
 * to 2026-12-06 were judged against the older 3 / 1 / 1.5). A long task is one of 50 ms or more (the Long Tasks
 * API's own threshold).
 */
export const TARGETS: Record<string, { max?: number; min?: number; unit?: string }> = {
  scanOverFloor: { max: 2.5 },
  regexOverScan: { min: 2 },
  markjsOverScan: { min: 100 },
  scale100kOver1k: { max: 1.3 },
  // "No task of ours of 50 ms or more": tasks after DOMContentLoaded with page scripts off, worst of all loads.
  longestLateTaskMs: { max: 49.999, unit: 'ms' },
  contentScriptGzipBytes: { max: 40 * 1024, unit: 'B' },
  paragraphScriptOverReference: { max: 3 },
  newsScriptOverReferenceMedian: { max: 2 },
  heapAddedMedianBytes: { max: 4 * MB, unit: 'B' },
};

export interface RawResults {
  pages: PageResult[];
  profiles: Record<string, HotFunction[]>;
  markjs: MarkjsResult[];
  startup: Record<string, StartupTimes[]>;
  stores: Record<string, { entities: number; aliases: number; bytes: number; compileMs: number | null }>;
  syntheticSources: { locales: string[]; firstNames: number; lastNames: number; cities: number };
  longWith: Map<string, LongTaskPair>;
  longWithout: Map<string, LongTaskPair>;
  hover: Map<string, HoverResult>;
  blackBox: BlackBoxPage[];
  chromiumVersion: string;
  samples: number;
  markjsCapMs: number;
  runMinutes: number;
}

const check = (value: number, t: { max?: number; min?: number }) =>
  Number.isFinite(value) ? (t.max !== undefined ? value <= t.max : value >= (t.min ?? -Infinity)) : null;
const maxOf = (xs: (number | null | undefined)[]) => Math.max(0, ...xs.filter((x): x is number => Number.isFinite(x)));

function pageRows(raw: RawResults) {
  return raw.pages.map(({ page, times: t, error }) => {
    if (!t) return { page: page.name, bytes: page.bytes, error: error ?? 'no result' };
    const m = (k: string) => median(t.samples[k] ?? []);
    // Ratios are taken per round (samples of a round are adjacent in time, so they share the machine's load).
    const ratio = (a: string, b: string) => median((t.samples[a] ?? []).map((x, i) => x / (t.samples[b]?.[i] ?? NaN)));
    const lw = raw.longWith.get(page.name);
    const lo = raw.longWithout.get(page.name);
    return {
      page: page.name,
      bytes: page.bytes,
      textChars: t.textChars,
      blocks: t.blocks,
      links: t.links,
      regexMatches: t.regexMatches,
      floorMs: m('floor'),
      scanMs: m('scan'),
      scanNoSinkMs: m('scanNoSink'),
      regexMs: m('regex'),
      // The scan split into its steps, each the difference of two medians (so a small step can read as noise).
      walkMs: m('walk'),
      matchMs: m('walkMatch') - m('walk'),
      linkMs: m('walkFind') - m('walkMatch'),
      marksMs: m('scanNoSink') - m('walkFind'),
      highlightsMs: m('scan') - m('scanNoSink'),
      stores: Object.fromEntries(Object.entries(t.storeLinks).map(([k, links]) => [k, { ms: m(`store:${k}`), links }])),
      scanOverFloor: ratio('scan', 'floor'),
      regexOverScan: ratio('regex', 'scan'),
      scale100kOver1k: ratio('store:100k', 'store:1k'),
      scale10kOver1k: ratio('store:10k', 'store:1k'),
      longTask: {
        withExtScriptsOff: lw?.scriptsOff.longestMs ?? null,
        withoutExtScriptsOff: lo?.scriptsOff.longestMs ?? null,
        withExtScriptsOn: lw?.scriptsOn.longestMs ?? null,
        withoutExtScriptsOn: lo?.scriptsOn.longestMs ?? null,
      },
      lateTask: {
        withExtScriptsOff: lw?.scriptsOff.longestLateMs ?? null,
        withoutExtScriptsOff: lo?.scriptsOff.longestLateMs ?? null,
        withExtScriptsOn: lw?.scriptsOn.longestLateMs ?? null,
        withoutExtScriptsOn: lo?.scriptsOn.longestLateMs ?? null,
      },
      marksWithExt: lw?.scriptsOff.marks ?? null,
      hoverMs: raw.hover.get(page.name)?.cardsMs ?? [],
      longTaskError: lw?.scriptsOff.error ?? lo?.scriptsOff.error ?? null,
    };
  });
}
export type Row = ReturnType<typeof pageRows>[number];
export type OkRow = Exclude<Row, { error: string }>;
export const isOk = (r: Row): r is OkRow => !('error' in r);

/** Added over the bare page, per black-box page, for one extension. */
const added = (p: BlackBoxPage, v: 'reference' | 'factcards', k: keyof Metrics) =>
  p[v] && p.bare ? p[v][k] - p.bare[k] : NaN;

function blackBoxRows(box: BlackBoxPage[]) {
  return box.map((p) => {
    const ref = added(p, 'reference', 'scriptMs');
    const ours = added(p, 'factcards', 'scriptMs');
    return {
      page: p.page,
      kind: p.kind,
      bare: p.bare ?? null,
      referenceScriptAddedMs: ref,
      factcardsScriptAddedMs: ours,
      // A reference that adds nothing measurable (its minimum at or below the bare page's: noise on a busy
      // machine) has no ratio; the median is taken over the pages that have one.
      scriptOverReference: ref > 0 ? ours / ref : NaN,
      reference: p.reference ?? null,
      factcards: p.factcards ?? null,
      referenceHeapAddedBytes: added(p, 'reference', 'heapBytes'),
      factcardsHeapAddedBytes: added(p, 'factcards', 'heapBytes'),
      referenceMarks: p.reference?.marks ?? null,
      factcardsMarks: p.factcards?.marks ?? null,
    };
  });
}
export type BlackBoxRow = ReturnType<typeof blackBoxRows>[number];

/** Every figure of a run, ready for `bench.json`. */
function summarise(raw: RawResults) {
  const rows = pageRows(raw);
  const ok = rows.filter(isOk);
  const markjs = raw.markjs.map((r) => {
    const scan = ok.find((o) => o.page === r.page)?.scanMs ?? NaN;
    const each = r.each;
    // A capped run is extrapolated linearly over the aliases it did not reach (mark.js does one DOM pass per alias).
    const estimatedMs = each ? (each.done < each.total ? (each.ms * each.total) / each.done : each.ms) : NaN;
    return {
      ...r,
      capped: each ? each.done < each.total : false,
      estimatedMs,
      overScan: estimatedMs / scan,
      overScanLowerBound: (each?.ms ?? NaN) / scan,
      regexpOverScan: (r.regexp?.ms ?? NaN) / scan,
    };
  });
  const startup = Object.fromEntries(
    Object.entries(raw.startup).map(([k, runs]) => [
      k,
      {
        ...raw.stores[k],
        fetchMs: median(runs.map((r) => r.fetchMs)),
        coldMs: median(runs.map((r) => r.cold)),
        warmMs: median(runs.flatMap((r) => r.warm)),
        heapAddedBytes: median(runs.map((r) => r.heapAddedBytes ?? NaN)),
        // The buffer is an ArrayBuffer: its bytes live outside the JS heap, yet the tab holds them.
        externalBytes: runs[0]?.bytes ?? NaN,
        scanMsMedian: k === 'real' ? median(ok.map((r) => r.scanMs)) : median(ok.map((r) => r.stores[k]?.ms ?? NaN)),
      },
    ]),
  );
  const hoverFirst = [...raw.hover.values()].map((h) => h.cardsMs[0]).filter((x): x is number => x !== undefined);
  const hoverLater = [...raw.hover.values()].flatMap((h) => h.cardsMs.slice(1));
  const box = blackBoxRows(raw.blackBox);
  const newsBox = box.filter((b) => b.kind === 'news');
  const contentScriptGzipBytes = existsSync(CONTENT_JS) ? gzipSync(readFileSync(CONTENT_JS), { level: 9 }).length : NaN;
  const summary = {
    scanOverFloor: median(ok.map((r) => r.scanOverFloor)),
    regexOverScan: median(ok.map((r) => r.regexOverScan)),
    markjsOverScan: median(markjs.map((r) => r.overScan)),
    markjsOverScanLowerBound: median(markjs.map((r) => r.overScanLowerBound)),
    markjsRegExpOverScan: median(markjs.map((r) => r.regexpOverScan)),
    scale100kOver1k: median(ok.map((r) => r.scale100kOver1k)),
    scale10kOver1k: median(ok.map((r) => r.scale10kOver1k)),
    contentScriptGzipBytes,
    longestLateTaskMs: maxOf(ok.map((r) => r.lateTask.withExtScriptsOff)),
    longestLateTaskWithoutExtMs: maxOf(ok.map((r) => r.lateTask.withoutExtScriptsOff)),
    longestLateTaskScriptsOnMs: maxOf(ok.map((r) => r.lateTask.withExtScriptsOn)),
    longestLateTaskScriptsOnWithoutExtMs: maxOf(ok.map((r) => r.lateTask.withoutExtScriptsOn)),
    longestTaskMs: maxOf(ok.map((r) => r.longTask.withExtScriptsOff)),
    longestTaskWithoutExtMs: maxOf(ok.map((r) => r.longTask.withoutExtScriptsOff)),
    pagesWithLateLongTask: ok.filter((r) => (r.lateTask.withExtScriptsOff ?? 0) >= 50).length,
    pagesWithLateLongTaskWithoutExt: ok.filter((r) => (r.lateTask.withoutExtScriptsOff ?? 0) >= 50).length,
    scanMsMedian: median(ok.map((r) => r.scanMs)),
    scanMsWorst: maxOf(ok.map((r) => r.scanMs)),
    hoverFirstMs: median(hoverFirst),
    hoverLaterMs: median(hoverLater),
    hoverFirstAfterDwellMs: median(hoverFirst) - DWELL_MS,
    hoverLaterAfterDwellMs: median(hoverLater) - DWELL_MS,
    hoverCards: { first: hoverFirst.length, later: hoverLater.length },
    paragraphScriptOverReference: box.find((b) => b.kind === 'paragraph')?.scriptOverReference ?? NaN,
    newsScriptOverReferenceMedian: median(newsBox.map((b) => b.scriptOverReference)),
    heapAddedMedianBytes: median(box.map((b) => b.factcardsHeapAddedBytes)),
    referenceHeapAddedMedianBytes: median(box.map((b) => b.referenceHeapAddedBytes)),
  };
  const targets = Object.fromEntries(
    Object.entries(TARGETS).map(([k, t]) => {
      const value = summary[k as keyof typeof summary] as number;
      return [k, { ...t, value, met: check(value, t) }];
    }),
  );
  const out = {
    machine: machine(raw.chromiumVersion),
    storeEntities: raw.stores.real?.entities ?? null,
    method: {
      samples: raw.samples,
      minSampleMs: 50,
      pages: rows.length,
      markjsPages: markjs.map((r) => r.page),
      markjsCapMs: raw.markjsCapMs,
      longTaskLoads: LONG_TASK_LOADS,
      dwellMs: DWELL_MS,
      syntheticSources: raw.syntheticSources,
      runMinutes: +raw.runMinutes.toFixed(1),
    },
    ...summary,
    targets,
    startup,
    markjs,
    blackBox: box,
    profiles: raw.profiles,
    perPage: rows,
  };
  return out;
}
export type Summary = ReturnType<typeof summarise>;

/** Summarises a run, writes `bench.json` and its dated copy, and prints the tables. */
export function report(raw: RawResults): void {
  const out = summarise(raw);
  const written = writeResults(out);
  printTables(out);
  console.log(`\nwrote ${written.json} and ${written.archived}`);
}
