/**
 * The seam to the CSS Custom Highlight API: one named Highlight per entity type, each mention one range.
 * The `::highlight()` rules live in `public/highlight.css`, injected by the manifest into the page's document
 * (rules inside our shadow root would not paint page text, and a manifest stylesheet is immune to page CSP).
 */
import type { EntityType } from '../../facts/schema';

export interface HighlightSink {
  add(type: EntityType, range: AbstractRange): void;
  delete(type: EntityType, range: AbstractRange): void;
  /** Removes every highlight we registered. */
  clear(): void;
}

export const highlightName = (type: EntityType): string => `fact-cards-${type}`;

/** The real registry, or null where the browser has no Custom Highlight API. */
export function cssHighlights(): HighlightSink | null {
  const registry = globalThis.CSS?.highlights;
  if (!registry || typeof Highlight === 'undefined') return null;
  const byType = new Map<EntityType, Highlight>();
  const get = (type: EntityType): Highlight => {
    let h = byType.get(type);
    if (!h) {
      h = new Highlight();
      byType.set(type, h);
      registry.set(highlightName(type), h);
    }
    return h;
  };
  return {
    add: (type, range) => void get(type).add(range),
    delete: (type, range) => void byType.get(type)?.delete(range),
    clear() {
      for (const type of byType.keys()) registry.delete(highlightName(type));
      byType.clear();
    },
  };
}
