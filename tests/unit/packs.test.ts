import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../store/compile';
import { engineFromIndex, newLinkState } from '../../engine/engine';
import type { FactRecord } from '../../store/schema';
import {
  MAX_PACK_BYTES,
  MAX_PACK_RECORDS,
  builtInKeys,
  compilePack,
  mergeIndexes,
  validatePack,
  type InstalledPack,
} from '../../store/packs';

const base = {
  facts: [{ label: 'Role', value: 'Test', asOf: '2025' }],
  sources: ['https://example.org/x'],
};

/** A small built-in store: the real one is compiled by the build, these tests need only its shape. */
const BUILT_IN: FactRecord[] = [
  {
    ...base,
    id: 'vladimir-putin',
    type: 'person',
    name: 'Vladimir Putin',
    wikipedia: 'Vladimir Putin',
    summary: 'President of Russia.',
    aliases: [{ text: 'Putin', rule: 'surname' }],
  },
  {
    ...base,
    id: 'syria',
    type: 'place',
    name: 'Syria',
    wikipedia: 'Syria',
    summary: 'A country.',
    aliases: ['Syrian Arab Republic'],
    coordinates: [35, 38],
  },
];
const builtInIndex = compileIndex(BUILT_IN);
const builtIn = builtInKeys(builtInIndex);

const rec = (patch: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'lyudmila-putina',
  type: 'person',
  name: 'Lyudmila Putina',
  wikipedia: 'Lyudmila Putina',
  summary: 'Former wife of Vladimir Putin.',
  aliases: [{ text: 'Putina', rule: 'surname' }],
  ...base,
  related: ['vladimir-putin'],
  ...patch,
});

const pack = (records: unknown[], patch: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'fact-cards-pack', version: 1, name: 'My pack', records, ...patch });

describe('builtInKeys', () => {
  it('collects ids, titles, alias keys and surname-only keys from a compiled index', () => {
    expect(builtIn.ids).toEqual(new Set(['syria', 'vladimir-putin']));
    expect(builtIn.titles).toEqual(new Set(['Syria', 'Vladimir Putin']));
    expect(builtIn.aliasKeys).toEqual(new Set(['syria', 'syrian arab republic', 'vladimir putin', 'putin']));
    expect(builtIn.surnameKeys).toEqual(new Set(['putin']));
    expect(builtIn.aliasOwners.get('syrian arab republic')).toBe('Syria');
  });
});

describe('validatePack', () => {
  it('accepts a good pack and returns its name and typed records', () => {
    const r = validatePack(
      pack([rec(), rec({ id: 'kabaeva', name: 'Alina Kabaeva', wikipedia: 'Alina Kabaeva', aliases: [] })]),
      builtIn,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pack.name).toBe('My pack');
    expect(r.pack.records.map((x) => x.id)).toEqual(['lyudmila-putina', 'kabaeva']);
  });

  it('lets a surname alias share a built-in surname (the store rule)', () => {
    const r = validatePack(pack([rec({ aliases: [{ text: 'Putin', rule: 'surname' }] })]), builtIn);
    expect(r).toMatchObject({ ok: true });
  });

  it('lets related ids point into the pack itself', () => {
    const r = validatePack(
      pack([
        rec({ related: ['kabaeva'] }),
        rec({ id: 'kabaeva', name: 'Alina Kabaeva', wikipedia: 'Alina Kabaeva', aliases: [], related: [] }),
      ]),
      builtIn,
    );
    expect(r).toMatchObject({ ok: true });
  });

  const big = 'x'.repeat(MAX_PACK_BYTES);
  it.each([
    ['invalid JSON', '{"format": "fact-cards-pack", ', ['The file is not valid JSON']],
    ['not an object', '[]', ['must contain a JSON object']],
    ['wrong format', pack([rec()], { format: 'fact-cards-settings' }), ['"format" must be "fact-cards-pack"']],
    ['wrong version', pack([rec()], { version: 2 }), ['Pack version 2 is not supported']],
    ['unknown top-level key', pack([rec()], { author: 'me' }), ['unknown key "author"']],
    ['missing name', pack([rec()], { name: '' }), ['"name" must be a non-empty string']],
    ['HTML in the name', pack([rec()], { name: '<b>Pack</b>' }), ['"name" must be plain text, not HTML']],
    ['records not an array', pack([], { records: {} }), ['"records" must be an array']],
    ['no records', pack([]), ['The pack has no records']],
    ['too many records', pack(Array.from({ length: MAX_PACK_RECORDS + 1 }, () => ({}))), ['at most 500']],
    ['too large', pack([rec({ summary: big })]), ['a pack may be at most 1 MB of JSON']],
    [
      'wrong type of a field',
      pack([rec({ aliases: 'Putina' })]),
      ['pack record 1 (lyudmila-putina): field "aliases": must be an array'],
    ],
    [
      'unknown entity type',
      pack([rec({ type: 'animal' })]),
      ['pack record 1 (lyudmila-putina): field "type": must be one of'],
    ],
    ['record not an object', pack([rec(), 'oops']), ['pack record 2: field "(root)": must be a JSON object']],
    [
      'unknown record field',
      pack([rec({ colour: 'red' })]),
      ['pack record 1 (lyudmila-putina): field "colour": is not a known field'],
    ],
    [
      'HTML in a string',
      pack([rec({ summary: 'A <script>x</script>' })]),
      ['pack record 1 (lyudmila-putina): field "summary": must be plain text, not HTML'],
    ],
    [
      'non-https source',
      pack([rec({ sources: ['javascript:alert(1)'] })]),
      ['field "sources[0]": must be an https URL'],
    ],
    [
      'duplicate ids in the pack',
      pack([rec(), rec({ name: 'L. Putina', wikipedia: 'Other', aliases: [] })]),
      [
        'pack record 2 (lyudmila-putina): field "id": "lyudmila-putina" is already used by pack record 1 (lyudmila-putina)',
      ],
    ],
    [
      'built-in id',
      pack([rec({ id: 'syria', name: 'Syria pack', wikipedia: 'Syria pack', aliases: [] })]),
      ['pack record 1 (syria): field "id": "syria" is already a built-in entity'],
    ],
    [
      'built-in Wikipedia title (any case)',
      pack([rec({ wikipedia: 'vladimir putin' })]),
      ['pack record 1 (lyudmila-putina): field "wikipedia": "vladimir putin" is already a built-in entity'],
    ],
    [
      'duplicate titles in the pack',
      pack([rec(), rec({ id: 'other', name: 'Other', aliases: [] })]),
      ['pack record 2 (other): field "wikipedia": "Lyudmila Putina" is already used by pack record 1'],
    ],
    [
      'an alias a built-in uses as a name',
      pack([rec({ aliases: ['Syrian Arab Republic'] })]),
      [
        'pack record 1 (lyudmila-putina): field "aliases ("Syrian Arab Republic")": "Syrian Arab Republic" is already a name of the built-in entity "Syria"',
      ],
    ],
    [
      'a name that is a built-in name (diacritics and case folded)',
      pack([rec({ name: 'SYRÍA', aliases: [] })]),
      ['pack record 1 (lyudmila-putina): field "name": "SYRÍA" is already a name of the built-in entity "Syria"'],
    ],
    [
      'a built-in surname claimed as a full name',
      pack([rec({ aliases: ['Putin'] })]),
      [
        'field "aliases ("Putin")": "Putin" is already a name of the built-in entity "Vladimir Putin"; packs may not claim built-in names (it may be shared as rule "surname")',
      ],
    ],
    [
      'an alias claimed twice in the pack',
      pack([rec({ aliases: ['Lyuda'] }), rec({ id: 'b', name: 'B', wikipedia: 'B', aliases: ['Lyuda'] })]),
      ['pack record 2 (b): field "aliases ("Lyuda")": "Lyuda" is also claimed by pack record 1 (lyudmila-putina)'],
    ],
    [
      'unknown related id',
      pack([rec({ related: ['nobody'] })]),
      ['field "related[0]": "nobody" is not the id of a record in this pack or a built-in entity'],
    ],
    [
      'related to itself',
      pack([rec({ related: ['lyudmila-putina'] })]),
      ['field "related[0]": must not name the record itself'],
    ],
  ])('rejects %s, naming the record and field', (_what, text, messages) => {
    const r = validatePack(text, builtIn);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const m of messages) expect(r.errors.join('\n')).toContain(m);
  });

  it('lists the problems of every record, not just the first', () => {
    const r = validatePack(
      pack([rec({ name: '' }), rec({ id: 'b', type: 'planet' }), rec({ id: 'c', summary: 3 })]),
      builtIn,
    );
    expect(r).toMatchObject({ ok: false });
    if (r.ok) return;
    expect(r.errors).toEqual([
      'pack record 1 (lyudmila-putina): field "name": must be a non-empty string',
      'pack record 2 (b): field "type": must be one of person, place, organization, event',
      'pack record 3 (c): field "summary": must be a non-empty string',
    ]);
  });

  it('caps a long error list', () => {
    const r = validatePack(pack(Array.from({ length: 80 }, (_, i) => rec({ id: `r-${i}`, name: '' }))), builtIn);
    if (r.ok) throw new Error('expected errors');
    expect(r.errors).toHaveLength(51);
    expect(r.errors.at(-1)).toBe('…and 30 more errors');
  });

  it('refuses collisions with packs already installed', () => {
    const installed: InstalledPack[] = [
      { name: 'Older pack', records: [rec({ aliases: ['Lyuda'] }) as unknown as FactRecord] },
    ];
    const r = validatePack(
      pack([rec({ id: 'x', name: 'X', wikipedia: 'X', aliases: ['Lyuda'] }), rec()]),
      builtIn,
      installed,
    );
    if (r.ok) throw new Error('expected errors');
    expect(r.errors).toContain(
      'pack record 1 (x): field "aliases ("Lyuda")": "Lyuda" is also claimed by pack "Older pack" ("Lyuda"); mark both as rule "surname" or keep one',
    );
    expect(r.errors).toContain(
      'pack record 2 (lyudmila-putina): field "id": "lyudmila-putina" is already used by the pack "Older pack"',
    );
  });
});

describe('compilePack and mergeIndexes', () => {
  const ok = validatePack(pack([rec({ aliases: ['Lyudmila Shkrebneva'] })]), builtIn);
  if (!ok.ok) throw new Error(ok.errors.join('\n'));
  const compiled = compilePack(ok.pack.records, builtInIndex);

  it('compiles an index and cards like the build, naming related built-ins', () => {
    expect(compiled.index.entities).toEqual([['lyudmila-putina', 'Lyudmila Putina', 0, 'Lyudmila Putina']]);
    expect(compiled.cards['lyudmila-putina']!.related).toEqual([{ id: 'vladimir-putin', name: 'Vladimir Putin' }]);
    expect(compiled.cards['lyudmila-putina']!.aliases).toEqual(['Lyudmila Shkrebneva']);
  });

  it('merges into the built-in index so the engine links pack names too', () => {
    const merged = mergeIndexes(builtInIndex, compiled.index);
    expect(merged.entities).toHaveLength(3);
    const engine = engineFromIndex(merged);
    const links = engine.find('Lyudmila Shkrebneva met officials in Syria.', newLinkState());
    expect(links.map((l) => engine.entities.get(l.entity).id)).toEqual(['lyudmila-putina', 'syria']);
    expect(builtInIndex.entities).toHaveLength(2); // inputs unchanged
  });

  it('links through a second matcher beside the built-in one, as the content script does', () => {
    const engine = engineFromIndex(builtInIndex, compiled.index);
    const state = newLinkState();
    const links = engine.find('Vladimir Putin and Lyudmila Shkrebneva visited Syria. Putin left.', state);
    expect(links.map((l) => [l.text, engine.entities.get(l.entity).id])).toEqual([
      ['Vladimir Putin', 'vladimir-putin'],
      ['Lyudmila Shkrebneva', 'lyudmila-putina'],
      ['Syria', 'syria'],
      ['Putin', 'vladimir-putin'],
    ]);
    expect(engine.entities.length).toBe(3);
  });
});
