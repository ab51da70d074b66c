import { describe, expect, it } from 'vitest';
import { citation, latestAsOf } from '../../core/citation';
import { sampleCard } from '../support/ui-fixtures';

describe('citation', () => {
  it('names the entity, its summary, the first source and the latest fact date', () => {
    expect(citation(sampleCard())).toBe(
      'Hmeimim Air Base: Russian air base in Latakia Governorate, Syria, used since 2015. ' +
        'Source: https://en.wikipedia.org/wiki/Khmeimim_Air_Base (as of Oct 2025)',
    );
  });

  it('leaves out the date without facts and the source without an http(s) source', () => {
    expect(citation(sampleCard({ facts: [], sources: ['javascript:alert(1)'] }))).toBe(
      'Hmeimim Air Base: Russian air base in Latakia Governorate, Syria, used since 2015.',
    );
    expect(citation(sampleCard({ facts: [], sources: ['javascript:x', 'https://example.org/a'] }))).toBe(
      'Hmeimim Air Base: Russian air base in Latakia Governorate, Syria, used since 2015. Source: https://example.org/a',
    );
  });
});

describe('latestAsOf', () => {
  const facts = (...asOf: string[]) => asOf.map((d) => ({ label: 'x', value: 'y', asOf: d }));
  it.each([
    [['2024', '2025-10', '2025-03-07'], '2025-10'],
    [['2025', '2025-01'], '2025-01'],
    [['1962-05-05', 'not a date'], '1962-05-05'],
    [[], undefined],
  ])('%j → %s', (dates, expected) => {
    expect(latestAsOf(facts(...dates))).toBe(expected);
  });
});
