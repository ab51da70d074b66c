import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasEntries, aliasKey, checkStore, compileCards, compileIndex } from '../../store/compile';
import { generatedCountries } from '../../store/countries';
import { FACTS_DIR, loadRecords } from '../../store/load';
import { ENTITY_TYPES, validateRecord, type FactRecord } from '../../store/schema';
import { binaryIndex, factsPlugin } from '../../store/vite-plugin';
import { openIndex } from '../../engine/index-format';
import { createEngine, engineFromIndex, newLinkState } from '../../engine/engine';
import { loadSeed } from '../eval/evaluate';

const good = (): Record<string, unknown> => ({
  id: 'test-place',
  type: 'place',
  name: 'Testville',
  wikipedia: 'Testville',
  summary: 'A town that exists only in tests.',
  aliases: ['Test Ville', { text: 'Testy', rule: 'surname' }],
  facts: [{ label: 'Population', value: '12', asOf: '2025-10' }],
  sources: ['https://example.org/testville'],
  coordinates: [1, 2],
});

describe('validateRecord', () => {
  it('accepts a good record', () => {
    expect(validateRecord(good(), 'f.json').name).toBe('Testville');
  });

  it.each([
    ['name', { name: '' }, 'f.json: field "name": must be a non-empty string'],
    ['type', { type: 'planet' }, 'field "type": must be one of'],
    ['unknown field', { colour: 'red' }, 'field "colour": is not a known field'],
    ['date', { facts: [{ label: 'A', value: 'b', asOf: 'last year' }] }, 'field "facts[0].asOf": must be a date'],
    ['markup', { summary: 'A <b>bold</b> town.' }, 'field "summary": must be plain text, not HTML'],
    ['coordinates', { coordinates: undefined }, 'field "coordinates": is required for places'],
    ['sources', { sources: [] }, 'field "sources": must be a non-empty array'],
    ['http source', { sources: ['http://example.org'] }, 'field "sources[0]": must be an https URL'],
    ['alias rule', { aliases: [{ text: 'T', rule: 'maybe' }] }, 'field "aliases[0].rule": must be one of'],
    ['title', { wikipedia: 'Test_ville' }, 'field "wikipedia": must be the title with spaces'],
  ])('rejects a bad %s, naming file and field', (_what, patch, message) => {
    expect(() => validateRecord({ ...good(), ...patch }, 'f.json')).toThrow(message);
  });

  it('checks the id and type against the file path', () => {
    expect(() => validateRecord(good(), 'place/other.json', { id: 'other' })).toThrow(
      'field "id": must equal the file name "other"',
    );
    expect(() => validateRecord(good(), 'person/test-place.json', { type: 'person' })).toThrow(
      'field "type": must equal the folder name "person"',
    );
  });
});

describe('checkStore', () => {
  const rec = (patch: Partial<FactRecord>) => ({
    record: { ...(good() as unknown as FactRecord), ...patch },
    file: `${patch.id}.json`,
  });

  it('rejects duplicate ids and titles', () => {
    expect(() => checkStore([rec({ id: 'a', wikipedia: 'A' }), rec({ id: 'a', wikipedia: 'B' })])).toThrow(
      'a.json: field "id": "a" is already used by a.json',
    );
    expect(() =>
      checkStore([rec({ id: 'a', name: 'A', wikipedia: 'T' }), rec({ id: 'b', name: 'B', wikipedia: 'T' })]),
    ).toThrow('field "wikipedia": "T" is already used by a.json');
  });

  it('rejects an alias claimed by two entities unless both mark it as a surname', () => {
    const a = rec({ id: 'a', name: 'Alpha Smith', wikipedia: 'A', aliases: [{ text: 'Smith', rule: 'surname' }] });
    const b = rec({ id: 'b', name: 'Beta Smith', wikipedia: 'B', aliases: [{ text: 'Smith', rule: 'surname' }] });
    expect(() => checkStore([a, b])).not.toThrow();
    const c = rec({ id: 'c', type: 'organization', name: 'Gamma Smith', wikipedia: 'C', aliases: ['Smith'] });
    expect(() => checkStore([a, c])).toThrow('c.json: field "aliases ("Smith")": "Smith" is also claimed by a.json');
    // A place may share a surname's word: the linker tries the surname, then the place.
    const d = rec({ id: 'd', type: 'place', name: 'Smith', wikipedia: 'D' });
    expect(() => checkStore([a, d])).not.toThrow();
  });

  it('lets a surname have one prominent holder beside plain surname claimants, never two', () => {
    const a = rec({ id: 'a', name: 'Alpha Zorn', wikipedia: 'A', aliases: [{ text: 'Zorn', rule: 'prominent' }] });
    const b = rec({ id: 'b', name: 'Beta Zorn', wikipedia: 'B', aliases: [{ text: 'Zorn', rule: 'surname' }] });
    const c = rec({ id: 'c', name: 'Gamma Zorn', wikipedia: 'C', aliases: [{ text: 'Zorn', rule: 'prominent' }] });
    expect(() => checkStore([a, b])).not.toThrow();
    expect(() => checkStore([a, b, c])).toThrow('"Zorn" is marked "prominent" by a.json too');
  });

  it('lets two places share an ambiguous name, not a plain one', () => {
    const a = rec({ id: 'a', name: 'Georgia A', wikipedia: 'A', aliases: [{ text: 'Georgia', rule: 'ambiguous' }] });
    const b = rec({ id: 'b', name: 'Georgia B', wikipedia: 'B', aliases: [{ text: 'Georgia', rule: 'ambiguous' }] });
    const c = rec({ id: 'c', name: 'Georgia C', wikipedia: 'C', aliases: ['Georgia'] });
    expect(() => checkStore([a, b])).not.toThrow();
    expect(() => checkStore([a, c])).toThrow('"Georgia" is also claimed by a.json');
  });

  it('rejects related ids that name nothing', () => {
    expect(() => checkStore([rec({ id: 'a', related: ['nobody'] })])).toThrow(
      'field "related[0]": "nobody" is not the id',
    );
  });
});

describe('loading the store', () => {
  it('fails on a malformed file, naming file and field, in the loader and in the build plugin', () => {
    const root = mkdtempSync(join(tmpdir(), 'facts-'));
    mkdirSync(join(root, 'place'));
    writeFileSync(join(root, 'place', 'test-place.json'), JSON.stringify({ ...good(), summary: 42 }));
    expect(() => loadRecords(root)).toThrow(/place\/test-place\.json: field "summary": must be a non-empty string/);
    const plugin = factsPlugin(root) as unknown as {
      load: (this: { error: (m: string) => never; addWatchFile: () => void }, id: string) => unknown;
    };
    const ctx = {
      error: (m: string): never => {
        throw new Error(m);
      },
      addWatchFile: () => undefined,
    };
    expect(() => plugin.load.call(ctx, '\0virtual:fact-index')).toThrow(
      /Invalid fact record: .*test-place\.json: field "summary"/,
    );
    writeFileSync(join(root, 'place', 'test-place.json'), '{ "id": ');
    expect(() => loadRecords(root)).toThrow(/test-place\.json: field "\(root\)": is not valid JSON/);
  });

  const store = loadRecords();
  const curated = store.filter((s) => !s.file.includes('world-countries'));

  it('holds at least 60 hand-written entities of every type', () => {
    expect(curated.length).toBeGreaterThanOrEqual(60);
    for (const type of ENTITY_TYPES) expect(curated.some((s) => s.record.type === type)).toBe(true);
  });

  it('writes every record with its keys in the canonical order', () => {
    const order = [
      'id',
      'type',
      'name',
      'kind',
      'wikipedia',
      'summary',
      'aliases',
      'facts',
      'sources',
      'related',
      'coordinates',
    ];
    for (const type of ENTITY_TYPES) {
      for (const name of readdirSync(join(FACTS_DIR, type))) {
        const keys = Object.keys(JSON.parse(readFileSync(join(FACTS_DIR, type, name), 'utf8')));
        expect([name, keys]).toEqual([name, order.filter((k) => keys.includes(k))]);
      }
    }
  });

  it.skipIf(!loadSeed())('has every entity of the seed article', () => {
    const titles = new Set(store.map((s) => s.record.wikipedia));
    for (const e of loadSeed()!.gold.entities) expect(titles).toContain(e.wikipedia);
  });

  it('generates every country from the data package, keeping hand-written ones', () => {
    expect(generatedCountries().length).toBeGreaterThan(240);
    const byId = new Map(store.map((s) => [s.record.id, s.record]));
    expect(byId.get('kazakhstan')?.facts.find((f) => f.label === 'Capital')?.value).toBe('Astana');
    expect(byId.get('georgia-country')?.wikipedia).toBe('Georgia (country)');
    expect(byId.get('syria')?.summary).toBe(curated.find((s) => s.record.id === 'syria')?.record.summary);
    expect(byId.get('syria')?.facts.some((f) => f.label === 'Area')).toBe(true);
    expect(store.length).toBeGreaterThan(curated.length + 150);
  });

  it('compiles an index and cards that agree', () => {
    const records = store.map((s) => s.record);
    const index = compileIndex(records);
    const cards = compileCards(records);
    expect(index.entities.length).toBe(records.length);
    for (const [id] of index.entities) expect(cards[id]?.id).toBe(id);
    // Surname-only forms are never shown as "also known as".
    expect(cards['vladimir-putin']?.aliases).not.toContain('Putin');
    expect(aliasKey('Recep Tayyip Erdoğan')).toBe('recep tayyip erdogan');
    expect(
      aliasEntries(records.find((r) => r.id === 'agence-france-presse')!).find((a) => a.text === 'AFP')?.exact,
    ).toBe(true);
  });
});

describe('virtual:fact-index and the binary index', () => {
  it('the virtual module holds the same index the build compiles', async () => {
    const { index } = await import('virtual:fact-index');
    expect(index).toEqual(compileIndex(loadRecords().map((s) => s.record)));
  });

  it('the binary the content script opens finds what the compiled index finds, entity for entity', () => {
    const records = loadRecords();
    const index = compileIndex(records.map((r) => r.record));
    const bytes = binaryIndex(records);
    const opened = openIndex(bytes.slice().buffer);
    expect(opened.entities.length).toBe(index.entities.length);
    for (const e of [0, 1, Math.floor(index.entities.length / 2), index.entities.length - 1]) {
      const [id, name, , wikipedia] = index.entities[e]!;
      expect(opened.entities.get(e)).toMatchObject({ id, name, wikipedia });
    }
    const fromBinary = createEngine(opened);
    const fromJson = engineFromIndex(index);
    const seed = loadSeed();
    const text = seed ? seed.text : index.entities.map((e) => e[1]).join('. ');
    const links = (eng: typeof fromJson) => eng.find(text, newLinkState()).map((l) => [l.start, l.end, l.entity]);
    expect(links(fromBinary).length).toBeGreaterThan(10);
    expect(links(fromBinary)).toEqual(links(fromJson));
  });

  it('refuses a buffer that is not an index', () => {
    expect(() => openIndex(new Uint8Array(64).buffer)).toThrow(/not a Fact Cards index/);
  });
});
