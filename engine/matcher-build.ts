/**
 * Packs a compiled index into the matcher's typed arrays (`matcher.ts` reads them). Runs at build time for the
 * shipped store, whose result is written into the binary index, and in the tab only for the user's fact packs,
 * which are small. Pure.
 */
import { FLAG_EXACT, RULE_CODE, type CompiledIndex } from './types';
import { foldWord, gapClass, isAllLower, stripMarks, words } from './text';
import {
  GAP_CODE,
  hash,
  KEY_FIRST,
  KEY_MORE,
  KEY_PARTICLE,
  NO_GAP,
  pairHash,
  PARTICLES,
  tableSize,
  type Dictionary,
  type Matcher,
} from './matcher';

/** Packs lowercase words into a dictionary (`table` left empty when `hashed` is false). */
function dictionary(list: string[], hashed: boolean): Dictionary {
  const start = new Int32Array(list.length + 1);
  let at = 0;
  list.forEach((w, i) => {
    start[i] = at;
    at += w.length;
  });
  start[list.length] = at;
  const table = new Int32Array(hashed ? tableSize(list.length) : 0);
  const mask = table.length - 1;
  if (hashed) {
    list.forEach((w, id) => {
      let slot = hash(w, 0, w.length) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    });
  }
  const chars = new Uint16Array(at);
  let k = 0;
  for (const w of list) for (let i = 0; i < w.length; i++) chars[k++] = w.charCodeAt(i);
  return { chars, start, table };
}

/** Builds the matcher from a compiled index (the store build, fact packs, tests). */
export function buildMatcher(index: CompiledIndex): Matcher {
  const builder = matcherBuilder(index);
  builder.add(0, index.aliases.length);
  return builder.pack();
}

/** One alias while the matcher is being built (dropped once it is packed). */
interface Draft {
  keys: number[];
  forms: number[];
  gaps: number[];
  entities: number[];
  flags: number;
}

/** The id of `s` in `ids`, added when new: ids count up in insertion order, the order of `ids.keys()`. */
function intern(ids: Map<string, number>, s: string): number {
  let id = ids.get(s);
  if (id === undefined) ids.set(s, (id = ids.size));
  return id;
}

function matcherBuilder(index: CompiledIndex) {
  const keys = new Map<string, number>();
  const forms = new Map<string, number>();
  const byAlias = new Map<string, Draft>();
  /** Per first word: one-word drafts, and longer ones by second word, in the order of the index. */
  const one = new Map<number, Draft[]>();
  const more = new Map<number, Map<number, Draft[]>>();
  const lowerFirst = new Set<string>();
  return {
    add(from: number, to: number) {
      for (let j = from; j < to; j++) {
        const [text, entity, flags] = index.aliases[j]!;
        const ws = words(text);
        if (ws.length === 0) continue;
        const written = ws.map((w) => text.slice(w.start, w.end));
        // Surname and prominent claims of one written form are one candidate: the linker picks among its
        // entities, and the prominent holder (at most one; the build checks) comes first.
        const rule = flags & 3;
        const family = rule === RULE_CODE.prominent ? RULE_CODE.surname : rule;
        const id = `${written.join(' ')}|${family | (flags & FLAG_EXACT)}`;
        const same = byAlias.get(id);
        if (same) {
          if (same.entities.includes(entity)) continue;
          if (rule === RULE_CODE.prominent) {
            same.entities.unshift(entity);
            same.flags = (same.flags & ~3) | RULE_CODE.prominent;
          } else same.entities.push(entity);
          continue;
        }
        const folded = written.map(foldWord);
        const gaps = [NO_GAP];
        for (let k = 1; k < ws.length; k++) {
          gaps.push(GAP_CODE[gapClass(text.slice(ws[k - 1]!.end, ws[k]!.start)) ?? ' ']!);
        }
        const draft: Draft = {
          keys: folded.map((k) => intern(keys, k)),
          forms: written.map((w) => intern(forms, stripMarks(w))),
          gaps,
          entities: [entity],
          flags: flags & (3 | FLAG_EXACT),
        };
        byAlias.set(id, draft);
        const first = draft.keys[0]!;
        const second = draft.keys[1];
        if (second === undefined) {
          const list = one.get(first);
          if (list) list.push(draft);
          else one.set(first, [draft]);
        } else {
          let bySecond = more.get(first);
          if (!bySecond) more.set(first, (bySecond = new Map()));
          const list = bySecond.get(second);
          if (list) list.push(draft);
          else bySecond.set(second, [draft]);
        }
        if (isAllLower(written[0]!)) lowerFirst.add(folded[0]!);
      }
    },
    /** Packs the drafts into the matcher's arrays. */
    pack(): Matcher {
      const keyList = [...keys.keys()];
      const formList = [...forms.keys()];
      const nKeys = keyList.length;
      const keyFlags = new Uint8Array(nKeys);
      const oneRuns = new Int32Array(nKeys * 2);
      keyList.forEach((k, id) => {
        if (PARTICLES.has(k)) keyFlags[id]! |= KEY_PARTICLE;
      });
      // Candidates in the order `longest` reads them: each (first, second) run longest first, each one-word run.
      const order: Draft[] = [];
      // Surname claims first: a word that is a surname and a city ("Sheffield") is the person when the page named
      // them, and the city otherwise (the linker falls back to the next claim).
      const surnameFirst = (d: Draft) =>
        (d.flags & 3) === RULE_CODE.surname || (d.flags & 3) === RULE_CODE.prominent ? 0 : 1;
      for (const [first, list] of one) {
        list.sort((a, b) => surnameFirst(a) - surnameFirst(b));
        keyFlags[first]! |= KEY_FIRST;
        oneRuns[first * 2] = order.length;
        oneRuns[first * 2 + 1] = list.length;
        order.push(...list);
      }
      const pairs: number[] = [];
      for (const [first, bySecond] of more) {
        keyFlags[first]! |= KEY_FIRST | KEY_MORE;
        for (const [second, list] of bySecond) {
          list.sort((a, b) => b.keys.length - a.keys.length);
          pairs.push(first, second, order.length, list.length);
          order.push(...list);
        }
      }
      const pairTable = new Int32Array(tableSize(pairs.length / 4));
      const mask = pairTable.length - 1;
      for (let id = 0; id < pairs.length / 4; id++) {
        let slot = pairHash(pairs[id * 4]!, pairs[id * 4 + 1]!) & mask;
        while (pairTable[slot] !== 0) slot = (slot + 1) & mask;
        pairTable[slot] = id + 1;
      }
      const nWords = order.reduce((s, d) => s + d.keys.length, 0);
      const wordStart = new Int32Array(order.length + 1);
      const wordKey = new Int32Array(nWords);
      const wordForm = new Int32Array(nWords);
      const wordGap = new Int8Array(nWords);
      const flags = new Uint8Array(order.length);
      const entity = new Int32Array(order.length);
      const shared: number[] = [];
      let w = 0;
      order.forEach((d, c) => {
        wordStart[c] = w;
        for (let k = 0; k < d.keys.length; k++, w++) {
          wordKey[w] = d.keys[k]!;
          wordForm[w] = d.forms[k]!;
          wordGap[w] = d.gaps[k]!;
        }
        flags[c] = d.flags;
        if (d.entities.length === 1) entity[c] = d.entities[0]!;
        else {
          entity[c] = -(shared.length + 1);
          shared.push(d.entities.length, ...d.entities);
        }
      });
      wordStart[order.length] = w;
      const keyDictionary = dictionary(keyList, true);
      const formDictionary = dictionary(formList, false);
      const formLower = Uint8Array.from(formList, (f) => (isAllLower(f) ? 1 : 0));
      return {
        keys: keyDictionary,
        keyFlags,
        one: oneRuns,
        pairs: Int32Array.from(pairs),
        pairTable,
        wordStart,
        flags,
        entity,
        shared: Int32Array.from(shared),
        wordKey,
        wordForm,
        wordGap,
        forms: formDictionary,
        formLower,
        starts: startsRegex(lowerFirst),
        foldCache: new Map(),
      };
    },
  };
}

/**
 * See `Matcher.starts`: a lowercase beginning is checked on two characters, as `text.slice(i, i + 2)`. Folded
 * words hold only letters, marks and digits, none of them special in a regex.
 */
function startsRegex(lowerFirst: Iterable<string>): RegExp {
  const alts = ['[A-Z\\u0080-\\uffff]'];
  for (const k of new Set([...lowerFirst].map((k) => k.slice(0, 2)))) {
    const c = k.charCodeAt(0);
    if (c < 97 || c > 122) continue;
    alts.push(k.length === 1 ? `${k}(?![^])` : `${k[0]}(?=${k[1]})`);
  }
  return new RegExp(alts.join('|'), 'g');
}
