import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../store/compile';
import { engineFromIndex, newLinkState } from '../../engine/engine';
import type { FactRecord } from '../../store/schema';
import { record } from '../support/records';

const rec = (id: string, type: FactRecord['type'], name: string, aliases: FactRecord['aliases'] = []) =>
  record(id, name, aliases, type);

const engine = engineFromIndex(
  compileIndex([
    rec('putin', 'person', 'Vladimir Putin', [{ text: 'Putin', rule: 'surname' }, 'Владимир Путин']),
    rec('bashar', 'person', 'Bashar al-Assad', [
      { text: 'Assad', rule: 'surname' },
      { text: 'al-Assad', rule: 'surname' },
    ]),
    rec('hafez', 'person', 'Hafez al-Assad', [
      { text: 'Assad', rule: 'surname' },
      { text: 'al-Assad', rule: 'surname' },
    ]),
    rec('shaibani', 'person', 'Asaad al-Shaibani', ['Assad al-Shaibani']),
    rec('syria', 'place', 'Syria'),
    rec('russia', 'place', 'Russia'),
    rec('moscow', 'place', 'Moscow'),
    rec('damascus', 'place', 'Damascus'),
    rec('amman', 'place', 'Amman'),
    rec('jordan', 'place', 'Jordan', [{ text: 'Jordan', rule: 'ambiguous' }]),
    rec('georgia', 'place', 'Georgia', [{ text: 'Georgia', rule: 'ambiguous' }]),
    rec('turkey', 'place', 'Turkey', [{ text: 'Turkey', rule: 'ambiguous' }, 'Türkiye']),
    rec('erdogan', 'person', 'Recep Tayyip Erdoğan', [{ text: 'Erdoğan', rule: 'surname' }]),
    rec('afp', 'organization', 'Agence France-Presse', ['AFP']),
    rec('novak', 'person', 'Alexander Novak', [{ text: 'Novak', rule: 'surname' }]),
    rec('war', 'event', 'Syrian civil war', ['Syrian Civil War']),
    rec('tripoli', 'place', 'Tripoli'),
    rec('tripoli-lb', 'place', 'Tripoli, Lebanon'),
    rec('lebanon', 'place', 'Lebanon'),
  ]),
);

/** Runs the engine over paragraphs in order and returns "text→id" for each link. */
function links(...paragraphs: string[]): string[] {
  const state = newLinkState();
  return paragraphs.flatMap((p) => engine.find(p, state).map((l) => `${l.text}→${engine.entities.get(l.entity).id}`));
}

describe('engine', () => {
  it.each([
    ['Syria and Russia', ['Syria→syria', 'Russia→russia']],
    ["Syria's future", ['Syria→syria']],
    ['the Damascus-Moscow axis', ['Damascus→damascus', 'Moscow→moscow']],
    ['Syrian and Russian officials', []],
    ['SYRIA AND RUSSIA', ['SYRIA→syria', 'RUSSIA→russia']],
    ['the Syrian Civil War began', ['Syrian Civil War→war']],
    ['Assad al-Shaibani visited', ['Assad al-Shaibani→shaibani']],
    ['Erdogan and Erdoğan', []],
    ['Recep Tayyip Erdogan, then Erdoğan', ['Recep Tayyip Erdogan→erdogan', 'Erdoğan→erdogan']],
    ['told AFP on Monday; afp and Afp are not', ['AFP→afp']],
    ['Türkiye and Turkey, not turkey', ['Türkiye→turkey', 'Turkey→turkey']],
    ['Владимир Путин', ['Владимир Путин→putin']],
    ['President Recep\n          Tayyip Erdoğan', ['Recep\n          Tayyip Erdoğan→erdogan']],
    ['Vladimir\n\nPutin', []],
    ['clashes in Tripoli, Lebanon, and Tripoli', ['Tripoli, Lebanon→tripoli-lb', 'Tripoli→tripoli']],
    [
      'Tripoli,Lebanon and Tripoli; Lebanon',
      ['Tripoli→tripoli', 'Lebanon→lebanon', 'Tripoli→tripoli', 'Lebanon→lebanon'],
    ],
    ['Syria, Russia', ['Syria→syria', 'Russia→russia']],
    ['see https://example.org/Syria or www.syria.gov or press@russia.ru', []],
  ])('%s', (text, expected) => {
    expect(links(text)).toEqual(expected);
  });

  it('links a surname only after the full name', () => {
    expect(links('Putin spoke.', 'Vladimir Putin spoke. Later Putin left.')).toEqual([
      'Vladimir Putin→putin',
      'Putin→putin',
    ]);
  });

  it('resolves a shared surname to the one person named in full', () => {
    expect(links('Bashar al-Assad fled. Assad is in Moscow.')).toEqual([
      'Bashar al-Assad→bashar',
      'Assad→bashar',
      'Moscow→moscow',
    ]);
    expect(links('Hafez al-Assad and Bashar al-Assad. Assad said.')).toEqual([
      'Hafez al-Assad→hafez',
      'Bashar al-Assad→bashar',
    ]);
  });

  it.each([
    ['Michael Jordan played', []],
    ['Michael\n        Jordan played', []],
    ['Jordan Peterson said', []],
    ['Atlanta, Georgia', []],
    ['Amman, Jordan', ['Amman→amman', 'Jordan→jordan']],
    ['Syria, Jordan and Turkey', ['Syria→syria', 'Jordan→jordan', 'Turkey→turkey']],
    ['King Abdullah of Jordan', ['Jordan→jordan']],
    ['Alexander Novak met Novak Djokovic. Novak said.', ['Alexander Novak→novak', 'Novak→novak']],
    ['President Putin', ['Putin→putin']],
    ['Mr Putin left.', []],
    ['President Assad', []],
  ])('context: %s', (text, expected) => {
    expect(links(text)).toEqual(expected);
  });
});

describe('prominent surnames, coherence and acronyms', () => {
  const e = engineFromIndex(
    compileIndex([
      rec('macron', 'person', 'Emmanuel Macron', [{ text: 'Macron', rule: 'prominent' }]),
      rec('brigitte', 'person', 'Brigitte Macron', [{ text: 'Macron', rule: 'surname' }]),
      rec('lavrov', 'person', 'Sergey Lavrov', [{ text: 'Lavrov', rule: 'surname' }]),
      { ...rec('turkey', 'place', 'Turkey', [{ text: 'Turkey', rule: 'ambiguous' }]), related: ['ankara'] },
      rec('ankara', 'place', 'Ankara'),
      rec('us', 'place', 'United States', ['US', 'U.S.']),
      rec('uk', 'place', 'United Kingdom', ['UK']),
      rec('usopen', 'event', 'US Open (tennis)', ['US Open']),
    ]),
  );
  const found = (...texts: string[]) => {
    const state = newLinkState();
    return texts.flatMap((t) => e.find(t, state).map((l) => `${l.text}→${e.entities.get(l.entity).id}`));
  };
  it.each([
    ['Macron spoke on Monday.', ['Macron→macron']],
    ['Brigitte Macron arrived. Macron smiled.', ['Brigitte Macron→brigitte', 'Macron→brigitte']],
    ['Lavrov spoke.', []],
    ['Foreign Minister Lavrov spoke.', ['Lavrov→lavrov']],
    ['Turkey closed its border, officials in Ankara said.', ['Turkey→turkey', 'Ankara→ankara']],
    ['Turkey is best roasted slowly.', []],
    ['She won the US Open in New York.', ['US Open→usopen']],
    ['The UK Independence Party met.', []],
    ['US President Joe Biden and the U.S. Senate.', ['US→us']],
    ['Talks between the US and the UK.', ['US→us', 'UK→uk']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('a surname that is also a place', () => {
  const e = engineFromIndex(
    compileIndex([
      rec('mary', 'person', 'Mary Sheffield', [{ text: 'Sheffield', rule: 'surname' }]),
      rec('sheffield', 'place', 'Sheffield'),
    ]),
  );
  const found = (...texts: string[]) => {
    const state = newLinkState();
    return texts.flatMap((t) => e.find(t, state).map((l) => `${l.text}→${e.entities.get(l.entity).id}`));
  };
  it('is the person after her full name, and the place otherwise', () => {
    expect(found('Mary Sheffield spoke. Sheffield agreed.')).toEqual(['Mary Sheffield→mary', 'Sheffield→mary']);
    expect(found('Rain fell on Sheffield.')).toEqual(['Sheffield→sheffield']);
  });
});

describe('American namesakes', () => {
  const us = {
    ...record('houston', 'Houston', [], 'place'),
    facts: [{ label: 'Country', value: 'United States', asOf: '2025-10' }],
  };
  const e = engineFromIndex(
    compileIndex([record('moscow', 'Moscow', [], 'place'), us, record('tbilisi', 'Tbilisi', [], 'place')]),
  );
  const found = (text: string) => e.find(text, newLinkState()).map((l) => e.entities.get(l.entity).id);

  it('a place abroad followed by a US state is the American town; a US city with its state is the city', () => {
    expect(found('Moscow, Idaho and Houston, Texas')).toEqual(['houston']);
    expect(found('Moscow, Russia and Moscow; Tbilisi, Georgia')).toEqual(['moscow', 'moscow', 'tbilisi']);
  });
});
