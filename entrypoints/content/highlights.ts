/**
 * The seam to the CSS Custom Highlight API: one named Highlight for the chosen mark style, each mention one
 * range.
 * The `::highlight()` rules live in `public/highlight.css`, injected by the manifest into the page's document
 * (rules inside our shadow root would not paint page text, and a manifest stylesheet is immune to page CSP).
 */
import type { EntityType } from '../../engine/types';

export interface HighlightSink {
  add(type: EntityType, range: AbstractRange): void;
  delete(type: EntityType, range: AbstractRange): void;
  /** Removes every highlight we registered. */
  clear(): void;
}

/** Mark styles that paint; "none" registers nothing (hover still works: hit-testing uses our own ranges). */
export type PaintedStyle = 'dotted' | 'solid' | 'background';
export const highlightName = (style: PaintedStyle): string => `fact-cards-${style}`;

/** The real registry for one mark style, or null where the browser has no Custom Highlight API. */
export function cssHighlights(style: PaintedStyle = 'dotted'): HighlightSink | null {
  const registry = globalThis.CSS?.highlights;
  if (!registry || typeof Highlight === 'undefined') return null;
  let h: Highlight | null = null;
  const get = (): Highlight => {
    if (!h) {
      h = new Highlight();
      registry.set(highlightName(style), h);
    }
    return h;
  };
  return {
    add: (_type, range) => void get().add(range),
    delete: (_type, range) => void h?.delete(range),
    clear() {
      if (h) registry.delete(highlightName(style));
      h = null;
    },
  };
}
