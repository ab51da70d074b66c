/**
 * Search across the whole fact store by name or alias, for the popup. Pure: takes the compiled index.
 * Matching ignores case and accents; a query matches a name when every query word is the start of a word
 * of the name, in order ("lav" finds Sergey Lavrov, "al-shar" finds Ahmed al-Sharaa).
 */
import { typeOfCode, type CompiledIndex } from '../engine/types';
import type { EntityType } from '../engine/types';
import { foldWord, words } from '../engine/text';

export interface SearchHit {
  id: string;
  name: string;
  type: EntityType;
  /** The alias that matched when it is not the display name. */
  via?: string;
}

const foldAll = (text: string): string[] => words(text).map((w) => foldWord(text.slice(w.start, w.end)));

/** 0 = the whole name, 1 = the name's start, 2 = a later word's start, -1 = no match. */
function rank(query: string[], name: string[]): number {
  if (query.length === 0 || query.length > name.length) return -1;
  if (query.length === name.length && query.every((q, i) => name[i] === q)) return 0;
  for (let start = 0; start + query.length <= name.length; start++) {
    if (query.every((q, i) => name[start + i]!.startsWith(q))) return start === 0 ? 1 : 2;
  }
  return -1;
}

export function searchStore(index: CompiledIndex, query: string, limit = 12): SearchHit[] {
  const q = foldAll(query);
  if (q.length === 0) return [];
  const best = new Map<number, { score: number; via?: string }>();
  for (const [text, entity] of index.aliases) {
    const r = rank(q, foldAll(text));
    if (r < 0) continue;
    const name = index.entities[entity]![1];
    // Prefer hits on the display name over the same rank on an alias.
    const score = r * 2 + (text === name ? 0 : 1);
    const prev = best.get(entity);
    // "via" only when the alias says something the name does not ("Jolani" for Ahmed al-Sharaa).
    const via = foldAll(name).join(' ').includes(foldAll(text).join(' ')) ? undefined : text;
    if (!prev || score < prev.score) best.set(entity, { score, via });
  }
  return [...best.entries()]
    .sort((a, b) => a[1].score - b[1].score || index.entities[a[0]]![1].localeCompare(index.entities[b[0]]![1]))
    .slice(0, limit)
    .map(([e, { via }]) => {
      const [id, name, type] = index.entities[e]!;
      return via ? { id, name, type: typeOfCode(type), via } : { id, name, type: typeOfCode(type) };
    });
}
