/**
 * Scores predicted mentions against a gold file (pure; used by the seed e2e test and evaluation scripts).
 * Gold format: `{ entities: [{ wikipedia, also_accepted }], mentions: [{ start, end, text, wikipedia }] }`,
 * offsets in UTF-16 code units.
 */

export interface PredictedMention {
  start: number;
  end: number;
  /** Wikipedia title of the entity the extension linked this span to. */
  wikipedia: string;
  text?: string;
}

export interface GoldMention {
  start: number;
  end: number;
  text?: string;
  wikipedia: string;
}

export interface Gold {
  entities: { wikipedia: string; also_accepted?: string[] }[];
  mentions: GoldMention[];
}

export interface Score {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
  /** Wrong predictions; `expected` is the gold title when the span was right but the entity was not. */
  falsePositives: (PredictedMention & { expected?: string })[];
  falseNegatives: GoldMention[];
}

/** "Vladimir_Putin", "https://en.wikipedia.org/wiki/Vladimir_Putin" and "vladimir Putin" all compare equal. */
export function normalizeTitle(title: string): string {
  let t = title.trim().replace(/^https?:\/\/[a-z-]+\.(?:m\.)?wikipedia\.org\/wiki\//i, '');
  try {
    t = decodeURIComponent(t);
  } catch {
    // Not percent-encoded; keep as is.
  }
  t = t.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  // Wikipedia titles are case-sensitive except for the first letter.
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Precision and recall from counts; an empty side counts as perfect (nothing claimed, nothing missed). */
export function precisionRecall(tp: number, fp: number, fn: number): { precision: number; recall: number } {
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

/**
 * A prediction is correct when its span equals a gold mention's and its title is the gold title or one the
 * gold entity also accepts. Each gold mention can be matched once; a second prediction on it is a false
 * positive. Precision is 1 when nothing was predicted, recall is 1 when the gold has no mentions.
 */
export function score(predicted: readonly PredictedMention[], gold: Gold): Score {
  const accepted = new Map<string, Set<string>>();
  for (const e of gold.entities) {
    const key = normalizeTitle(e.wikipedia);
    const set = accepted.get(key) ?? new Set([key]);
    for (const alt of e.also_accepted ?? []) set.add(normalizeTitle(alt));
    accepted.set(key, set);
  }
  const goldBySpan = new Map<string, number>();
  gold.mentions.forEach((m, i) => goldBySpan.set(`${m.start}:${m.end}`, i));

  const matched = new Set<number>();
  const falsePositives: Score['falsePositives'] = [];
  for (const p of predicted) {
    const i = goldBySpan.get(`${p.start}:${p.end}`);
    const g = i === undefined ? undefined : gold.mentions[i];
    if (i === undefined || !g || matched.has(i)) {
      falsePositives.push({ ...p });
      continue;
    }
    const goldTitle = normalizeTitle(g.wikipedia);
    const titles = accepted.get(goldTitle) ?? new Set([goldTitle]);
    if (titles.has(normalizeTitle(p.wikipedia))) matched.add(i);
    else falsePositives.push({ ...p, expected: g.wikipedia });
  }
  const falseNegatives = gold.mentions.filter((_, i) => !matched.has(i));
  const tp = matched.size;
  const fp = falsePositives.length;
  const fn = falseNegatives.length;
  return {
    ...precisionRecall(tp, fp, fn),
    tp,
    fp,
    fn,
    falsePositives,
    falseNegatives,
  };
}
