/**
 * What every generated set shares: ids and Wikipedia URLs from titles, and the merge into the hand-written
 * store (hand-written records win: a generated record whose title, id or name is already taken is dropped, and
 * so is a generated alias another record claims).
 */
import { aliasEntries, aliasKey, type SourcedRecord } from './compile';
import type { FactRecord } from './schema';

/** The id the store derives from a Wikipedia title: lowercase ASCII words joined by hyphens. */
export const idOf = (title: string): string =>
  title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[()]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A place in the United States, or the country itself. */
const inUS = (r: FactRecord): boolean =>
  r.id === 'united-states' || r.facts.some((f) => f.label === 'Country' && f.value === 'United States');

export const wikipediaUrl = (title: string): string =>
  `https://en.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}`;

/** Adds generated records (each tagged with the source it names as its file) where they take nothing taken. */
export function withGenerated(
  store: SourcedRecord[],
  generated: { record: FactRecord; file: string }[],
): SourcedRecord[] {
  const titles = new Set(store.map((s) => s.record.wikipedia));
  const ids = new Set(store.map((s) => s.record.id));
  const claimed = new Set<string>();
  // Keys only surnames claim: a generated place may share them ("Phoenix", "Sheffield"), as the build allows.
  const surnameOnly = new Set<string>();
  const ambiguousHolder = new Map<string, FactRecord>();
  const claim = (record: FactRecord) => {
    for (const a of aliasEntries(record)) {
      const key = aliasKey(a.text);
      const surname = a.rule === 'surname' || a.rule === 'prominent';
      if (surname && !claimed.has(key)) surnameOnly.add(key);
      if (!surname) surnameOnly.delete(key);
      claimed.add(key);
      if (a.rule === 'ambiguous') ambiguousHolder.set(key, record);
    }
  };
  for (const { record } of store) claim(record);
  const taken = (key: string, r: FactRecord) => claimed.has(key) && !(r.type === 'place' && surnameOnly.has(key));
  const out = [...store];
  const added: SourcedRecord[] = [];
  for (const g of generated) {
    const r = g.record;
    if (titles.has(r.wikipedia) || ids.has(r.id) || taken(aliasKey(r.name), r)) continue;
    const aliases = r.aliases.filter((a) => !taken(aliasKey(typeof a === 'string' ? a : a.text), r));
    // "Georgia (U.S. state)": where the bare name is another place's ambiguous name, both share it and the linker
    // decides by context.
    const bare = r.wikipedia.replace(/ \([^)]*\)$/, '');
    // Only across countries: "Washington" stays the capital's, not shared with the state of the same country.
    const holder = ambiguousHolder.get(aliasKey(bare));
    if (bare !== r.wikipedia && holder && !(inUS(holder) && inUS(r))) aliases.push({ text: bare, rule: 'ambiguous' });
    const record: FactRecord = { ...r, aliases };
    claim(record);
    titles.add(r.wikipedia);
    ids.add(r.id);
    added.push({ record, file: g.file });
  }
  out.push(...added);
  const final = new Set(out.map((s) => s.record.id));
  for (const s of added) s.record.related = s.record.related?.filter((rid) => final.has(rid) && rid !== s.record.id);
  return out;
}

/** Club-name wrappers news drops: "Arsenal F.C." is "Arsenal", "FC Barcelona" is "Barcelona" (a place: left out). */
const CLUB_FORM =
  /^(?:(?:A\.?F\.?C\.?|F\.?C\.?|C\.?F\.?|S\.?S\.?C\.?|A\.?C\.?|S\.?L\.?|R\.?C\.?D\.?)\s+(.+)|(.+?)\s+(?:A\.?F\.?C\.?|F\.?C\.?|C\.?F\.?|S\.?C\.?))$/;

/**
 * Gives clubs the short name news uses, where nothing else claims it: "Everton", "Aston Villa", and
 * "Arsenal" or "Chelsea" with the ambiguous rule (a word, a first name). A short name that is a place's
 * ("Liverpool", "Barcelona") stays the place's; the linker reads it as the team in match reports.
 */
export function withClubShortNames(
  store: SourcedRecord[],
  ambiguous: (name: string) => boolean,
  towns: Set<string> = new Set(),
): SourcedRecord[] {
  const claimed = new Set<string>();
  for (const { record } of store) for (const a of aliasEntries(record)) claimed.add(aliasKey(a.text));
  const short = new Map<string, SourcedRecord[]>();
  for (const s of store) {
    const r = s.record;
    if (r.type !== 'organization' || !/\b(?:club|team)\b/i.test(r.kind ?? '')) continue;
    const m = CLUB_FORM.exec(r.name);
    const name = (m?.[1] ?? m?.[2])?.trim();
    if (!name || claimed.has(aliasKey(name)) || towns.has(aliasKey(name))) continue;
    const list = short.get(aliasKey(name)) ?? [];
    list.push(s);
    short.set(aliasKey(name), list);
  }
  // American teams go by their plural nickname ("Lakers", "Yankees"), unless it is a word ("Giants", "Heat").
  const nick = (r: FactRecord) => {
    const w = r.name.split(' ');
    const last = w[w.length - 1]!;
    return w.length >= 2 && /^\p{Lu}\p{Ll}+s$/u.test(last) && !ambiguous(last) && !claimed.has(aliasKey(last))
      ? last
      : undefined;
  };
  const nicks = new Map<string, number>();
  for (const s of store) {
    if (s.record.type !== 'organization' || !/\bteam\b/i.test(s.record.kind ?? '')) continue;
    const n = nick(s.record);
    if (n) nicks.set(n, (nicks.get(n) ?? 0) + 1);
  }
  return store.map((s) => {
    if (s.record.type === 'organization' && /\bteam\b/i.test(s.record.kind ?? '')) {
      const n = nick(s.record);
      if (n && nicks.get(n) === 1) s = { ...s, record: { ...s.record, aliases: [...s.record.aliases, n] } };
    }
    const m = CLUB_FORM.exec(s.record.name);
    const name = (m?.[1] ?? m?.[2])?.trim();
    // Two clubs with one short name ("Sporting") keep their full names only.
    if (!name || short.get(aliasKey(name))?.length !== 1 || short.get(aliasKey(name))![0] !== s) return s;
    return {
      ...s,
      record: {
        ...s.record,
        aliases: [...s.record.aliases, ambiguous(name) ? { text: name, rule: 'ambiguous' } : name],
      },
    };
  });
}
