/**
 * Page-side timing: every timed operation returns per-operation times of several samples; each sample repeats
 * the operation until it has run for at least `MIN_SAMPLE_MS`, since `performance.now()` is coarse.
 */

/** Chromium coarsens `performance.now()` to 0.1 ms; 50 ms of repetitions keeps the rounding below 0.2 %. */
export const MIN_SAMPLE_MS = 50;

/** Results are folded into this so no timed loop can be optimised away. */
let sinkValue = 0;
export const sink = (x: number): void => {
  sinkValue ^= x;
};
export const sunk = (): number => sinkValue;

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
export function time(op: () => number, samples: number): number[] {
  sinkValue ^= op();
  return Array.from({ length: samples }, () => sample(op));
}

/**
 * Samples of several operations taken in rounds (one sample of each per round, after a warm-up of each), so
 * machine noise from other processes falls on all of them alike and their ratios stay fair.
 */
export function timeRounds(ops: Record<string, () => number>, samples: number): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [k, op] of Object.entries(ops)) {
    sinkValue ^= op();
    out[k] = [];
  }
  for (let s = 0; s < samples; s++) for (const [k, op] of Object.entries(ops)) out[k]!.push(sample(op));
  return out;
}

/** JS heap in use (needs `--enable-precise-memory-info`), after a full gc when `--expose-gc` gave us one. */
export function heapAfterGc(): number | null {
  (globalThis as { gc?: () => void }).gc?.();
  const used = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize;
  return (globalThis as { gc?: unknown }).gc && used !== undefined ? used : null;
}
