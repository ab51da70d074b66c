import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../store/compile';
import { match } from '../../engine/matcher';
import { buildMatcher } from '../../engine/matcher-build';
import { openIndex, writeIndex } from '../../engine/index-format';
import { record as rec } from '../support/records';

const index = compileIndex([
  rec('bashar', 'Bashar al-Assad', [{ text: 'al-Assad', rule: 'surname' }]),
  rec('hafez', 'Hafez al-Assad', [{ text: 'al-Assad', rule: 'surname' }]),
  rec('salman', 'Mohammed bin Salman', ['bin Salman']),
  rec('gaulle', 'Charles de Gaulle', ['de Gaulle']),
  rec('syria', 'Syria'),
  rec('nyt', 'The New York Times', ['New York Times']),
  rec('erdogan', 'Recep Tayyip Erdoğan', [{ text: 'Erdoğan', rule: 'surname' }]),
  rec('putin', 'Владимир Путин', ['Путин']),
  rec('un', 'United Nations', ['UN']),
  rec('cote', "Côte d'Ivoire"),
]);
// Through the binary the extension ships: written, then opened as views.
const matcher = openIndex(writeIndex(buildMatcher(index), index.entities).buffer as ArrayBuffer).matcher;
const ids = (text: string) =>
  match(text, matcher).map((m) => `${m.text}:${m.entities.map((e) => index.entities[e]![0]).join('+')}`);

describe('match', () => {
  it.each([
    ['Syria', ['Syria:syria']],
    ['SYRIA and Syria', ['SYRIA:syria', 'Syria:syria']],
    ['syria and Syrian', []],
    // A capital inside a word, after a digit, or after a non-ASCII letter starts no name.
    ['iSyria 2024Syria ÇSyria', []],
    ['😀Syria', []],
    ['\u00a0Syria\u00a0', ['Syria:syria']],
    ['« Syria » — Syria’s', ['Syria:syria', 'Syria:syria']],
    // Lowercase beginnings are read only where some alias starts so.
    ['al-Assad and al Assad', ['al-Assad:bashar+hafez', 'al Assad:bashar+hafez']],
    [
      'bin Salman, Bin Salman, de Gaulle, De Gaulle',
      ['bin Salman:salman', 'Bin Salman:salman', 'de Gaulle:gaulle', 'De Gaulle:gaulle'],
    ],
    ['Bashar al-Assad', ['Bashar al-Assad:bashar']],
    // Longest first.
    ['The New York Times and New York Times', ['The New York Times:nyt', 'New York Times:nyt']],
    ['The New York', []],
    // Diacritics optional, case as written or all capitals.
    ['Erdogan ERDOĞAN Erdoğan erdoğan', ['Erdogan:erdogan', 'ERDOĞAN:erdogan', 'Erdoğan:erdogan']],
    ['Владимир Путин и Путин', ['Владимир Путин:putin', 'Путин:putin']],
    ["Côte d'Ivoire and Côte d’Ivoire", ["Côte d'Ivoire:cote", 'Côte d’Ivoire:cote']],
    // Acronyms as written only.
    ['UN, un, Un', ['UN:un']],
    ['see un.org/Syria or Syria_map', []],
  ])('%s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it('keeps no state between texts', () => {
    expect(ids('Erdoğan')).toEqual(['Erdoğan:erdogan']);
    expect(ids('Syria')).toEqual(['Syria:syria']);
    expect(ids('Erdoğan Erdoğan')).toEqual(['Erdoğan:erdogan', 'Erdoğan:erdogan']);
  });
});
