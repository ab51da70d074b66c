/**
 * The linking engine as the content script, the evaluation and the benchmarks use it: an opened binary index
 * (and the user's fact packs, if any) in, `find(text, state)` out. Pure.
 */
import { link, newLinkState, type Link, type LinkState } from './link';
import { match, type Matcher, type Mention } from './matcher';
import { buildMatcher } from './matcher-build';
import { openIndex, writeIndex, type EntityInfo, type EntityTable } from './index-format';
import type { CompiledIndex } from './types';

export interface Engine {
  /** The built-in store's matcher (fact packs have one of their own inside `find`). */
  matcher: Matcher;
  entities: EntityTable;
  /** Links in one text, in order; `state` carries the page's context from earlier texts. */
  find(text: string, state: LinkState): Link[];
}

type Opened = { matcher: Matcher; entities: EntityTable };

/**
 * The engine over an opened index, and the user's fact packs opened from their own small index (the background
 * builds it), if any; pack entities are numbered after the built-in ones.
 */
export function createEngine(base: Opened, packs?: Opened): Engine {
  const extra = packs && packs.entities.length > 0 ? { matcher: packs.matcher, rows: packs.entities } : null;
  const offset = base.entities.length;
  const entities: EntityTable = extra
    ? {
        length: offset + extra.rows.length,
        get: (e) => (e < offset ? base.entities.get(e) : extra.rows.get(e - offset)),
        type: (e) => (e < offset ? base.entities.type(e) : extra.rows.type(e - offset)),
        inUS: (e) => (e < offset ? base.entities.inUS(e) : extra.rows.inUS(e - offset)),
        isTeam: (e) => (e < offset ? base.entities.isTeam(e) : extra.rows.isTeam(e - offset)),
        related: (e) =>
          e < offset ? base.entities.related(e) : Array.from(extra.rows.related(e - offset), (r: number) => r + offset),
      }
    : base.entities;
  const isPlace = (e: number) => entities.type(e) === 'place';
  const inUS = (e: number) => entities.inUS(e);
  const context = {
    isPlace,
    inUS,
    isTeam: (e: number) => entities.isTeam(e),
    name: (e: number) => entities.get(e).name,
    related: (e: number) => entities.related(e),
  };
  return {
    matcher: base.matcher,
    entities,
    find(text, state) {
      let mentions = match(text, base.matcher);
      if (extra) {
        const more = match(text, extra.matcher);
        if (more.length > 0) mentions = mergeMentions(mentions, shift(more, offset));
      }
      // Most blocks name nothing: skip the linker's per-text set-up for them.
      return mentions.length === 0 ? [] : link(text, mentions, state, context);
    },
  };
}

/** An engine straight from a compiled index, through the same binary the extension ships (tests, eval, bench). */
export function engineFromIndex(index: CompiledIndex, packs?: CompiledIndex): Engine {
  const open = (i: CompiledIndex) =>
    openIndex(writeIndex(buildMatcher(i), i.entities, i.related).buffer as ArrayBuffer);
  return createEngine(open(index), packs ? open(packs) : undefined);
}

const shift = (ms: Mention[], offset: number): Mention[] =>
  ms.map((m) => ({ ...m, entities: m.entities.map((e) => e + offset) }));

/**
 * Two sorted mention lists as one: the longer of two overlapping mentions wins (the earlier on a tie); the
 * same span found in both (a surname a pack shares with the store) keeps every claimant.
 */
export function mergeMentions(a: Mention[], b: Mention[]): Mention[] {
  const all = [...a, ...b].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Mention[] = [];
  for (const m of all) {
    const last = out[out.length - 1];
    if (!last || m.start >= last.end) {
      out.push(m);
    } else if (m.start === last.start && m.end === last.end) {
      out[out.length - 1] = { ...last, entities: [...new Set([...last.entities, ...m.entities])] };
    } else if (m.end - m.start > last.end - last.start) {
      out[out.length - 1] = m;
    }
  }
  return out;
}

export { newLinkState, type EntityInfo, type Link, type LinkState };
