/**
 * The linking engine as the content script, the evaluation and the benchmarks use it: compiled index in,
 * `find(text, state)` out. Pure.
 */
import { typeOfCode, type CompiledIndex } from './compile';
import { link, newLinkState, type Link, type LinkState } from './link';
import { buildMatcher, match, type Matcher } from './match';
import type { EntityType } from './schema';

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
  const matcher = buildMatcher(index);
  const entities = index.entities.map(([id, name, type, wikipedia]) => ({
    id,
    name,
    type: typeOfCode(type),
    wikipedia,
  }));
  const isPlace = (e: number) => entities[e]?.type === 'place';
  return {
    matcher,
    entities,
    find: (text, state) => link(text, match(text, matcher), state, isPlace),
  };
}

export { newLinkState, type Link, type LinkState };
