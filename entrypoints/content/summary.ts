/**
 * The popup's questions about the page: which entities it names (the summary), and "show me the next mention
 * of this one" (reveal).
 */
import type { EntityTable } from '../../engine/index-format';
import type { EntitySummary } from '../../core/messages';
import type { MarkStore, PageMention } from './marks';

/** Entities with their counts and mention texts in page order, in order of first appearance. */
export function summarise(ordered: PageMention[], entities: EntityTable): EntitySummary[] {
  const out = new Map<number, EntitySummary>();
  for (const m of ordered) {
    const info = entities.get(m.entity);
    let s = out.get(m.entity);
    if (!s) {
      s = { id: info.id, name: info.name, type: info.type, wikipedia: info.wikipedia, count: 0, mentions: [] };
      out.set(m.entity, s);
    }
    s.count++;
    s.mentions.push(m.text);
  }
  return [...out.values()];
}

export interface PageQuestions {
  summary(): { entities: EntitySummary[]; sequence: string[] };
  /** Opens the next mention of an entity (cycling), or returns false when the page has none. */
  reveal(id: string): boolean;
}

/** `open` scrolls to a mention and opens its card with focus inside. */
export function pageQuestions(marks: MarkStore, entities: EntityTable, open: (m: PageMention) => void): PageQuestions {
  // Per entity, the index of the mention revealed last, so asking again moves on to the next one.
  const revealed = new Map<string, number>();
  return {
    summary() {
      const ordered = marks.ordered();
      return { entities: summarise(ordered, entities), sequence: ordered.map((m) => entities.get(m.entity).id) };
    },
    reveal(id) {
      const list = marks.ordered().filter((m) => entities.get(m.entity).id === id);
      if (list.length === 0) return false;
      const i = ((revealed.get(id) ?? -1) + 1) % list.length;
      revealed.set(id, i);
      open(list[i]!);
      return true;
    },
  };
}
