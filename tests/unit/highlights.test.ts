import { afterEach, describe, expect, it, vi } from 'vitest';
import { cssHighlights, highlightName } from '../../entrypoints/content/highlights';

afterEach(() => vi.unstubAllGlobals());

/** A stand-in for the CSS Custom Highlight API: a registry of named sets of ranges. */
function installRegistry() {
  const registry = new Map<string, Set<AbstractRange>>();
  vi.stubGlobal('Highlight', class extends Set<AbstractRange> {});
  vi.stubGlobal('CSS', { highlights: registry });
  return registry;
}

describe('cssHighlights', () => {
  it('is null where the browser has no Custom Highlight API (happy-dom)', () => {
    expect(cssHighlights('dotted')).toBeNull();
  });

  it('registers one named highlight on the first mark, and removes it on clear', () => {
    const registry = installRegistry();
    const sink = cssHighlights('solid')!;
    expect(registry.size).toBe(0);
    const a = document.createRange();
    const b = document.createRange();
    sink.add('person', a);
    sink.add('place', b);
    expect([...registry.keys()]).toEqual([highlightName('solid')]);
    expect([...registry.get('fact-cards-solid')!]).toEqual([a, b]);
    sink.delete('person', a);
    expect([...registry.get('fact-cards-solid')!]).toEqual([b]);
    sink.clear();
    expect(registry.size).toBe(0);
    sink.add('person', a);
    expect([...registry.get('fact-cards-solid')!]).toEqual([a]);
  });

  it('leaves the highlights of another style alone', () => {
    const registry = installRegistry();
    const dotted = cssHighlights('dotted')!;
    const background = cssHighlights('background')!;
    dotted.add('person', document.createRange());
    background.add('person', document.createRange());
    dotted.clear();
    expect([...registry.keys()]).toEqual(['fact-cards-background']);
  });
});
