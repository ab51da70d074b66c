// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MAP_HEIGHT, MAP_WIDTH, placeMap, withMaps } from '../../store/maps';
import { sampleCard } from '../support/ui-fixtures';

const inside = ([x, y]: [number, number]) => x >= 0 && x <= MAP_WIDTH && y >= 0 && y <= MAP_HEIGHT;
/** Serialised as it ships in the card body. */
const bytes = (map: object) => JSON.stringify(map).length;

describe('placeMap', () => {
  it('draws Damascus in Syria: a focus outline, neighbours and a dot inside the box', () => {
    const map = placeMap([33.51, 36.29]);
    expect(map.viewBox).toBe('0 0 160 100');
    expect(map.focus).toMatch(/^M[\d.]+[ ,]?-?[\d.]+l/);
    expect(map.focus.length).toBeGreaterThan(50);
    expect(map.land.length).toBeGreaterThan(50);
    expect(inside(map.dot)).toBe(true);
    expect(bytes(map)).toBeLessThanOrEqual(3000);
  });

  it.each([
    ['Moscow', [55.7558, 37.6173]],
    ['Kyiv', [50.45, 30.52]],
    ['Washington', [38.9, -77.04]],
    ['Suva (across the antimeridian)', [-18.14, 178.44]],
    ['Singapore (a city-state)', [1.29, 103.85]],
    ['Black Sea (at sea)', [43.4, 34.3]],
  ] as [string, [number, number]][])('%s: dot inside the box, at most ~3 KB', (_, at) => {
    const map = placeMap(at);
    expect(inside(map.dot)).toBe(true);
    expect(bytes(map)).toBeLessThanOrEqual(3000);
  });

  it('leaves the focus empty at sea and draws the coasts around', () => {
    const map = placeMap([43.4, 34.3]);
    expect(map.focus).toBe('');
    expect(map.land).not.toBe('');
  });

  it('draws Crimea as part of Ukraine (internationally recognised borders)', () => {
    const sevastopol = withMaps({
      s: sampleCard({ id: 's', name: 'Sevastopol', kind: 'city', coordinates: [44.6, 33.52] }),
    });
    expect(sevastopol.s!.map!.country).toBe('Ukraine');
  });
});

describe('withMaps', () => {
  it('adds a map to place cards with coordinates only, naming the country', () => {
    const cards = withMaps({
      damascus: sampleCard({ id: 'damascus', name: 'Damascus', kind: 'capital city', coordinates: [33.51, 36.29] }),
      assad: sampleCard({ id: 'assad', name: 'Bashar al-Assad', type: 'person', coordinates: undefined }),
    });
    expect(cards.damascus!.map!.country).toBe('Syria');
    expect(cards.assad!.map).toBeUndefined();
  });

  it('names the country after our own country card, and not at all on the country card itself', () => {
    const cards = withMaps({
      drc: sampleCard({
        id: 'drc',
        name: 'Democratic Republic of the Congo',
        kind: 'country',
        aliases: ['DR Congo'],
        coordinates: [0, 25],
      }),
      kinshasa: sampleCard({ id: 'kinshasa', name: 'Kinshasa', kind: 'city', coordinates: [-4.32, 15.31] }),
    });
    expect(cards.drc!.map!.country).toBeUndefined();
    expect(cards.drc!.map!.focus).not.toBe('');
    expect(cards.kinshasa!.map!.country).toBe('Democratic Republic of the Congo');
  });
});
