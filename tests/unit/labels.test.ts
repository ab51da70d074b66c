import { describe, expect, it } from 'vitest';
import { formatAsOf, groupFacts, isHistorical, mentionedText, sourceLabel } from '../../core/labels';

describe('formatAsOf', () => {
  it.each([
    ['2025', '2025'],
    ['2025-10', 'Oct 2025'],
    ['2025-01-09', '9 Jan 2025'],
    ['1999-12-31', '31 Dec 1999'],
    ['2025-13', '2025-13'],
    ['not a date', 'not a date'],
  ])('%s → %s', (iso, expected) => {
    expect(formatAsOf(iso)).toBe(expected);
  });
});

describe('mentionedText', () => {
  it.each([
    [0, 'Mentioned 0 times on this page'],
    [1, 'Mentioned 1 time on this page'],
    [12, 'Mentioned 12 times on this page'],
  ])('%i', (n, expected) => {
    expect(mentionedText(n)).toBe(expected);
  });
});

describe('sourceLabel', () => {
  it.each([
    ['https://www.reuters.com/world/x', 'reuters.com'],
    ['https://en.wikipedia.org/wiki/Syria', 'en.wikipedia.org'],
    ['nonsense', 'nonsense'],
  ])('%s → %s', (url, expected) => {
    expect(sourceLabel(url)).toBe(expected);
  });
});

describe('isHistorical', () => {
  it.each([
    ['Born', true],
    ['Died', true],
    ['Earlier', true],
    ['Previously', true],
    ['Former office', true],
    ['Former role', true],
    ['Office', false],
    ['Role', false],
    ['Opened', false],
  ])('%s → %s', (label, expected) => {
    expect(isHistorical(label)).toBe(expected);
  });
});

describe('groupFacts', () => {
  it('groups consecutive facts with the same label, in order', () => {
    const f = (label: string, value: string) => ({ label, value });
    expect(
      groupFacts([f('Office', 'a'), f('Former office', 'b'), f('Former office', 'c'), f('Born', 'd')]).map((g) => [
        g.label,
        g.facts.map((x) => x.value),
      ]),
    ).toEqual([
      ['Office', ['a']],
      ['Former office', ['b', 'c']],
      ['Born', ['d']],
    ]);
  });
});
