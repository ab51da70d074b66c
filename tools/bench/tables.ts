/** Prints a run's figures as Markdown tables (also readable on a terminal). */
import { isOk, type Summary } from './report';
import { fmt, table } from './stats';

const MB = 2 ** 20;
const mb = (x: number | null | undefined) => (x === null || x === undefined ? '–' : fmt(x / MB));

function printPages(s: Summary): void {
  console.log(
    `\nPer page (ms, medians of ${s.method.samples} samples; tasks: worst of ${s.method.longTaskLoads} loads)`,
  );
  const header = ['page', 'KB', 'links', 'floor', 'scan', 'scan/floor', 'regex', 'regex/scan', '1k', '10k', '100k'];
  header.push('100k/1k', 'late ext', 'late no ext', 'late ext (scripts on)', 'late no ext (scripts on)', 'hover 1st');
  console.log(
    table(
      header,
      s.perPage.map((r) =>
        isOk(r)
          ? [
              r.page,
              Math.round(r.bytes / 1024),
              r.links,
              fmt(r.floorMs),
              fmt(r.scanMs),
              fmt(r.scanOverFloor),
              fmt(r.regexMs),
              fmt(r.regexOverScan),
              fmt(r.stores['1k']?.ms),
              fmt(r.stores['10k']?.ms),
              fmt(r.stores['100k']?.ms),
              fmt(r.scale100kOver1k),
              fmt(r.lateTask.withExtScriptsOff),
              fmt(r.lateTask.withoutExtScriptsOff),
              fmt(r.lateTask.withExtScriptsOn),
              fmt(r.lateTask.withoutExtScriptsOn),
              fmt(r.hoverMs[0]),
            ]
          : [r.page, Math.round(r.bytes / 1024), 'error: ' + r.error, ...header.slice(3).map(() => '')],
      ),
    ),
  );
}

function printBaselines(s: Summary): void {
  console.log(
    `\nmark.js (fresh page per run; per-alias runs capped at ${s.method.markjsCapMs / 1000} s, extrapolated)`,
  );
  console.log(
    table(
      [
        'page',
        'aliases done',
        'per alias ms',
        'estimated ms',
        'per alias / scan',
        'markRegExp ms',
        'markRegExp / scan',
      ],
      s.markjs.map((r) => [
        r.page,
        r.each ? `${r.each.done}/${r.each.total}` : '–',
        fmt(r.each?.ms),
        fmt(r.estimatedMs),
        `${fmt(r.overScan)}${r.capped ? ` (≥ ${fmt(r.overScanLowerBound)})` : ''}`,
        fmt(r.regexp?.ms),
        fmt(r.regexpOverScan),
      ]),
    ),
  );
  console.log('\nStart-up per tab: fetch the binary, openIndex + createEngine (fresh pages; warm = median of repeats)');
  console.log(
    table(
      [
        'store',
        'entities',
        'binary MB',
        'fetch ms',
        'open ms cold / warm',
        'JS heap added MB',
        'ArrayBuffer MB',
        'scan ms',
      ],
      Object.entries(s.startup).map(([k, v]) => [
        k === 'real' ? 'shipped' : k,
        v.entities ?? '–',
        mb(v.bytes),
        fmt(v.fetchMs),
        `${fmt(v.coldMs)} / ${fmt(v.warmMs)}`,
        mb(v.heapAddedBytes),
        mb(v.externalBytes),
        fmt(v.scanMsMedian),
      ]),
    ),
  );
}

function printBlackBox(s: Summary): void {
  console.log('\nBlack box: CDP Performance.getMetrics after load + 3 s, minimum of 3 loads (ms, MB)');
  console.log(
    table(
      [
        'page',
        'bare script',
        'reference +script',
        'Fact Cards +script',
        'ours / reference',
        'bare heap',
        'reference +heap',
        'Fact Cards +heap',
        'marks ref / ours',
      ],
      s.blackBox.map((b) => [
        b.page,
        fmt(b.bare?.scriptMs),
        fmt(b.referenceScriptAddedMs),
        fmt(b.factcardsScriptAddedMs),
        fmt(b.scriptOverReference),
        mb(b.bare?.heapBytes),
        mb(b.referenceHeapAddedBytes),
        mb(b.factcardsHeapAddedBytes),
        `${b.referenceMarks ?? '–'} / ${b.factcardsMarks ?? '–'}`,
      ]),
    ),
  );
}

/** Every table of a run, then the targets. */
export function printTables(s: Summary): void {
  printPages(s);
  printBaselines(s);
  printBlackBox(s);
  console.log(
    `\nhover to open card (ms, medians): first card of a page ${fmt(s.hoverFirstMs)} (after the ${s.method.dwellMs} ms dwell: ${fmt(s.hoverFirstAfterDwellMs)}), later cards ${fmt(s.hoverLaterMs)} (${fmt(s.hoverLaterAfterDwellMs)}); ${s.hoverCards.first} first, ${s.hoverCards.later} later cards`,
  );
  console.log(
    `long tasks after DOMContentLoaded, page scripts off: worst ${fmt(s.longestLateTaskMs)} ms with the extension, ${fmt(s.longestLateTaskWithoutExtMs)} without (${s.pagesWithLateLongTask} / ${s.pagesWithLateLongTaskWithoutExt} pages ≥ 50 ms); scripts on: ${fmt(s.longestLateTaskScriptsOnMs)} / ${fmt(s.longestLateTaskScriptsOnWithoutExtMs)} ms`,
  );
  console.log(`mark.js markRegExp / scan (median): ${fmt(s.markjsRegExpOverScan)}; 10k/1k: ${fmt(s.scale10kOver1k)}`);
  console.log('\nSummary');
  console.log(
    table(
      ['measure', 'value', 'target', 'met'],
      Object.entries(s.targets).map(([k, t]) => [
        k,
        t.unit === 'B' ? `${fmt(t.value)} B` : fmt(t.value),
        t.max !== undefined ? `≤ ${fmt(t.max)}` : `≥ ${t.min}`,
        t.met === null ? '?' : t.met ? 'yes' : 'NO',
      ]),
    ),
  );
  const m = s.machine;
  console.log(
    `\nmachine: ${m.cpu}, ${m.cores} cores, ${fmt(m.memoryBytes / 2 ** 30)} GiB, Chromium ${m.chromium}, Node ${m.node}, load ${m.loadAvg.join(' ')}, commit ${m.commit.slice(0, 7)}; ${s.method.runMinutes} min`,
  );
}
