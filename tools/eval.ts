/**
 * `npm run eval`: precision and recall of the linker on the seed article and on our own annotated texts, per
 * news desk. `npm run eval -- --misses` also lists every missed mention.
 */
import { evaluateOwn, loadDeskCases, loadEngine, loadSeed, predict, SHARED_DIR } from '../tests/eval/evaluate';
import { score } from '../tests/eval/score';

const engine = loadEngine();
const pct = (x: number) => x.toFixed(3);
const seed = loadSeed();
if (seed) {
  const s = score(predict(engine, seed.text), seed.gold);
  console.log(
    `seed article   precision ${pct(s.precision)}  recall ${pct(s.recall)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
  );
  for (const f of s.falsePositives)
    console.log(
      `  false +  ${f.start}-${f.end} "${f.text}" → ${f.wikipedia}${f.expected ? ` (gold: ${f.expected})` : ''}`,
    );
  for (const f of s.falseNegatives) console.log(`  missed   ${f.start}-${f.end} "${f.text}" → ${f.wikipedia}`);
} else {
  console.log(`seed article   skipped: ${SHARED_DIR}/seed not found (set FACTCARDS_SHARED)`);
}
const desks = loadDeskCases();
const verbose = process.argv.includes('--misses');
const all = [...desks.values()].flat();
const total = evaluateOwn(engine, all);
console.log(`\nown texts by desk                 cases  mentions  precision  recall`);
for (const [desk, cases] of desks) {
  const s = evaluateOwn(engine, cases);
  console.log(
    `  ${desk.padEnd(30)} ${String(cases.length).padStart(5)} ${String(s.tp + s.fn).padStart(9)}      ${pct(s.precision)}   ${pct(s.recall)}`,
  );
}
console.log(
  `  ${'all'.padEnd(30)} ${String(all.length).padStart(5)} ${String(total.tp + total.fn).padStart(9)}      ${pct(total.precision)}   ${pct(total.recall)}  (tp ${total.tp}, fp ${total.fp}, fn ${total.fn})`,
);
for (const f of total.failures) {
  if (!verbose && f.score.fp === 0) continue;
  console.log(`  case: ${f.about}`);
  for (const p of f.score.falsePositives)
    console.log(`    false +  "${p.text}" → ${p.wikipedia}${p.expected ? ` (want ${p.expected})` : ''}`);
  for (const n of f.score.falseNegatives) console.log(`    missed   "${n.text}" → ${n.wikipedia}`);
}
if (!verbose) console.log('(misses are listed with --misses; false positives always)');
