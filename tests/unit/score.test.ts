import { describe, expect, it } from 'vitest';
import { normalizeTitle, score, type Gold } from '../eval/score';

const gold: Gold = {
  entities: [
    { wikipedia: 'Vladimir Putin', also_accepted: [] },
    { wikipedia: 'Khmeimim Air Base', also_accepted: ['Hmeimim Air Base'] },
    { wikipedia: 'Moscow' },
  ],
  mentions: [
    { start: 0, end: 14, text: 'Vladimir Putin', wikipedia: 'Vladimir Putin' },
    { start: 20, end: 27, text: 'Hmeimim', wikipedia: 'Khmeimim Air Base' },
    { start: 40, end: 46, text: 'Moscow', wikipedia: 'Moscow' },
    { start: 60, end: 65, text: 'Putin', wikipedia: 'Vladimir Putin' },
  ],
};

describe('score', () => {
  it('is perfect when every gold mention is predicted with its title', () => {
    const s = score(gold.mentions, gold);
    expect(s).toMatchObject({ precision: 1, recall: 1, tp: 4, fp: 0, fn: 0, falsePositives: [], falseNegatives: [] });
  });

  it('accepts a title the gold entity lists in also_accepted', () => {
    const s = score([{ start: 20, end: 27, wikipedia: 'Hmeimim Air Base' }], gold);
    expect(s.tp).toBe(1);
    expect(s.fp).toBe(0);
  });

  it('counts a right span with the wrong entity as a false positive and a miss', () => {
    const s = score([{ start: 60, end: 65, wikipedia: 'Moscow' }], gold);
    expect(s.tp).toBe(0);
    expect(s.falsePositives).toEqual([{ start: 60, end: 65, wikipedia: 'Moscow', expected: 'Vladimir Putin' }]);
    expect(s.fn).toBe(4);
  });

  it.each([
    ['start one too early', { start: 39, end: 46 }],
    ['end one too late', { start: 40, end: 47 }],
    ['no gold mention there', { start: 100, end: 106 }],
  ])('rejects a span that is off: %s', (_, span) => {
    const s = score([{ ...span, wikipedia: 'Moscow' }], gold);
    expect(s).toMatchObject({ tp: 0, fp: 1, fn: 4, precision: 0, recall: 0 });
  });

  it('counts a second prediction on the same gold mention as a false positive', () => {
    const p = { start: 40, end: 46, wikipedia: 'Moscow' };
    const s = score([p, p], gold);
    expect(s).toMatchObject({ tp: 1, fp: 1, precision: 0.5, recall: 0.25 });
  });

  it('computes precision and recall from the counts', () => {
    const s = score(
      [
        { start: 0, end: 14, wikipedia: 'Vladimir Putin' },
        { start: 40, end: 46, wikipedia: 'Moscow' },
        { start: 50, end: 55, wikipedia: 'Syria' },
      ],
      gold,
    );
    expect(s).toMatchObject({ tp: 2, fp: 1, fn: 2 });
    expect(s.precision).toBeCloseTo(2 / 3);
    expect(s.recall).toBeCloseTo(0.5);
    expect(s.falseNegatives.map((m) => m.text)).toEqual(['Hmeimim', 'Putin']);
  });

  it('defines precision as 1 with no predictions and recall as 1 with no gold mentions', () => {
    expect(score([], gold)).toMatchObject({ precision: 1, recall: 0 });
    expect(score([{ start: 0, end: 1, wikipedia: 'X' }], { entities: [], mentions: [] })).toMatchObject({
      precision: 0,
      recall: 1,
    });
  });
});

describe('normalizeTitle', () => {
  it.each([
    ['Vladimir_Putin', 'Vladimir Putin'],
    ['https://en.wikipedia.org/wiki/Vladimir_Putin', 'Vladimir Putin'],
    ['https://en.m.wikipedia.org/wiki/Recep_Tayyip_Erdo%C4%9Fan', 'Recep Tayyip Erdoğan'],
    ['vladimir Putin', 'Vladimir Putin'],
    ['  Mikhail Bogdanov (diplomat) ', 'Mikhail Bogdanov (diplomat)'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeTitle(input)).toBe(expected);
  });
});
