/**
 * The linking engine as the content script, the evaluation and the benchmarks use it: compiled index in,
 * `find(text, state)` out. Pure.
 */
import { IN_US, typeOfCode, type CompiledIndex } from './types';
import { link, newLinkState, type Link, type LinkState } from './link';
import { buildMatcher, buildMatcherSliced, match, type Matcher } from './match';
import type { EntityType } from './types';

export interface EntityInfo {
  id: string;
  name: string;
  type: EntityType;
  wikipedia: string;
}

export interface Engine {
  matcher: Matcher;
  entities: EntityInfo[];
  /** Links in one text, in order; `state` carries the page's context from earlier texts. */
  find(text: string, state: LinkState): Link[];
}

export function createEngine(index: CompiledIndex): Engine {
  return engineFrom(index, buildMatcher(index));
}

/** The same engine, built in slices that yield to the page (the content script's start-up). */
export async function createEngineSliced(index: CompiledIndex, yieldToPage: () => Promise<void>): Promise<Engine> {
  return engineFrom(index, await buildMatcherSliced(index, yieldToPage));
}

function engineFrom(index: CompiledIndex, matcher: Matcher): Engine {
  const entities = index.entities.map(([id, name, type, wikipedia]) => ({
    id,
    name,
    type: typeOfCode(type),
    wikipedia,
  }));
  const isPlace = (e: number) => entities[e]?.type === 'place';
  const inUS = (e: number) => ((index.entities[e]?.[2] ?? 0) & IN_US) !== 0;
  return {
    matcher,
    entities,
    find(text, state) {
      const mentions = match(text, matcher);
      // Most blocks name nothing: skip the linker's per-text set-up for them.
      return mentions.length === 0 ? [] : link(text, mentions, state, isPlace, inUS);
    },
  };
}

export { newLinkState, type Link, type LinkState };
