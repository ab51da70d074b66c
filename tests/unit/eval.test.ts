import { describe, expect, it } from 'vitest';
import { evaluateOwn, loadEngine, loadOwnCases, loadSeed, parseAnnotated, predict, SHARED_DIR } from '../eval/evaluate';
import { score } from '../eval/score';

const engine = loadEngine();
const seed = loadSeed();
if (!seed) console.warn(`seed evaluation skipped: ${SHARED_DIR}/seed not found (set FACTCARDS_SHARED)`);

describe('linking quality', () => {
  it('parses annotated cases', () => {
    const [c] = parseAnnotated('# about\n[Syria](Syria) and [Idlib](Idlib|Idlib Governorate).');
    expect(c!.text).toBe('Syria and Idlib.');
    expect(c!.gold.mentions).toEqual([
      { start: 0, end: 5, text: 'Syria', wikipedia: 'Syria' },
      { start: 10, end: 15, text: 'Idlib', wikipedia: 'Idlib' },
    ]);
    expect(c!.gold.entities[1]).toEqual({ wikipedia: 'Idlib', also_accepted: ['Idlib Governorate'] });
  });

  it('has at least 40 texts of our own', () => {
    expect(loadOwnCases().length).toBeGreaterThanOrEqual(40);
  });

  it('reaches precision 0.97 on our own texts', () => {
    const own = evaluateOwn(engine, loadOwnCases());
    expect(own.failures.filter((f) => f.score.fp > 0)).toEqual([]);
    expect(own.precision).toBeGreaterThanOrEqual(0.97);
  });

  it.skipIf(!seed)('reaches precision 0.97 and recall 0.95 on the seed article', () => {
    const s = score(predict(engine, seed!.text), seed!.gold);
    if (s.fp + s.fn > 0) console.warn('seed misses', { fp: s.falsePositives, fn: s.falseNegatives });
    expect(s.precision).toBeGreaterThanOrEqual(0.97);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('fails loudly in CI when the seed is missing', () => {
    expect(process.env.CI === 'true' && !seed ? 'seed missing in CI' : 'ok').toBe('ok');
  });
});
