/**
 * Where the scan's time goes: a V8 CPU profile (through CDP) of repeated scans of one page, reduced to self time
 * per function. Opt-in with `FACTCARDS_BENCH_PROFILE=page-name[,page-name]`.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { BenchApi } from './page';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export interface HotFunction {
  name: string;
  selfPct: number;
}

/** Profiles `durationMs` of back-to-back scans (real store) and returns the functions by self time. */
export async function profileScan(context: BrowserContext, page: Page, durationMs = 3000): Promise<HotFunction[]> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.evaluate(
    (ms) => (window as unknown as { __fcBench: BenchApi }).__fcBench.scanLoop('real', ms),
    durationMs,
  );
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[] } };
  await cdp.detach();
  const self = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    total += hits;
    const { functionName, lineNumber } = n.callFrame;
    const key = `${functionName || '(anonymous)'}${n.callFrame.url ? `:${lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + hits);
  }
  return [...self]
    .map(([name, hits]) => ({ name, selfPct: (100 * hits) / Math.max(1, total) }))
    .sort((a, b) => b.selfPct - a.selfPct)
    .slice(0, 20);
}
