/** mark.js on the page under test (loaded as `window.Mark`): one call per alias, and one `markRegExp` pass. */

interface MarkInstance {
  mark: (kw: string, opts: object) => void;
  markRegExp: (re: RegExp, opts: object) => void;
}
type MarkCtor = new (ctx: Node) => MarkInstance;

const markjs = (): MarkCtor => {
  const Mark = (globalThis as { Mark?: MarkCtor }).Mark;
  if (!Mark) throw new Error('mark.js is not loaded');
  return Mark;
};

export interface MarkjsRun {
  ms: number;
  done: number;
  total: number;
  marked: number;
}

/** Every alias with `mark(alias)`, one DOM pass each, until `capMs` has passed: how far it got. */
export function markEach(root: Node, aliases: string[], capMs: number): MarkjsRun {
  const instance = new (markjs())(root);
  let marked = 0;
  const opts = {
    separateWordSearch: false,
    accuracy: { value: 'exactly', limiters: ',.;:!?\'"“”‘’()[]«»-–—/'.split('') },
    done: (n: number) => {
      marked += n;
    },
  };
  const t0 = performance.now();
  let done = 0;
  while (done < aliases.length && performance.now() - t0 < capMs) instance.mark(aliases[done++]!, opts);
  return { ms: performance.now() - t0, done, total: aliases.length, marked };
}

/** One `markRegExp` pass with `re` (every alias in one regex): one DOM pass in all. */
export function markOnce(root: Node, re: RegExp): MarkjsRun {
  const instance = new (markjs())(root);
  let marked = 0;
  const t0 = performance.now();
  instance.markRegExp(re, {
    done: (n: number) => {
      marked += n;
    },
  });
  return { ms: performance.now() - t0, done: 1, total: 1, marked };
}
