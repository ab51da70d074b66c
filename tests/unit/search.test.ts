import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../store/compile';
import { record as rec } from '../support/records';
import { searchStore } from '../../core/search';

const index = compileIndex([
  rec('lavrov', 'Sergey Lavrov', ['Sergei Lavrov', { text: 'Lavrov', rule: 'surname' }]),
  rec('sharaa', 'Ahmed al-Sharaa', ['Abu Mohammad al-Jolani']),
  rec('erdogan', 'Recep Tayyip Erdoğan'),
  rec('lavrentiev', 'Alexander Lavrentiev'),
]);

describe('searchStore', () => {
  it.each([
    ['lav', ['lavrov', 'lavrentiev']],
    ['Sergei', ['lavrov']],
    ['al-shar', ['sharaa']],
    ['jolani', ['sharaa']],
    ['erdogan', ['erdogan']],
    ['ERDOĞAN', ['erdogan']],
    ['xyz', []],
    ['', []],
  ])('%s', (query, ids) => {
    expect(searchStore(index, query).map((h) => h.id)).toEqual(ids);
  });

  it('says which alias matched and ranks whole names first', () => {
    expect(searchStore(index, 'lavrov')[0]).toEqual({ id: 'lavrov', name: 'Sergey Lavrov', type: 'person' });
    expect(searchStore(index, 'jolani')[0]?.via).toBe('Abu Mohammad al-Jolani');
  });

  it('respects the limit', () => {
    expect(searchStore(index, 'a', 2)).toHaveLength(2);
  });
});
