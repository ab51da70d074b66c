/** `npm run eval`: precision and recall of the linker on the seed article and on our own annotated texts. */
import { evaluateOwn, loadEngine, loadOwnCases, loadSeed, predict, SHARED_DIR } from '../tests/eval/evaluate';
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
const cases = loadOwnCases();
const own = evaluateOwn(engine, cases);
console.log(
  `own texts (${cases.length})  precision ${pct(own.precision)}  recall ${pct(own.recall)}  (tp ${own.tp}, fp ${own.fp}, fn ${own.fn})`,
);
for (const f of own.failures) {
  console.log(`  case: ${f.about}`);
  for (const p of f.score.falsePositives)
    console.log(`    false +  "${p.text}" → ${p.wikipedia}${p.expected ? ` (want ${p.expected})` : ''}`);
  for (const n of f.score.falseNegatives) console.log(`    missed   "${n.text}" → ${n.wikipedia}`);
}
