// PAC.RFM through its cell wrapper on 100 000 rows: 2-D ranges in, 2-D spill out, as Excel calls it.
// Target (issue): under 150 ms in Node. Run: npx tsx bench/functions.bench.ts (or npm run bench).
import "../test/shims/custom-functions-global";
import { abcCells } from "../src/functions/abc";
import { rfmCells } from "../src/functions/rfm";
import { mulberry32 } from "../test/support/random";

const N = 100_000;
const rand = mulberry32(42);
const recency = Array.from({ length: N }, () => [Math.floor(rand() * 720)]);
const frequency = Array.from({ length: N }, () => [1 + Math.floor(rand() * rand() * 40)]);
const monetary = Array.from({ length: N }, () => [Math.round(Math.exp(5 + rand() * 6) * 100) / 100]);

function best(label: string, runs: number, fn: () => unknown): number {
  fn();
  let min = Infinity;
  for (let k = 0; k < runs; k++) {
    const t0 = process.hrtime.bigint();
    fn();
    min = Math.min(min, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  console.log(`${label}: ${min.toFixed(1)} ms (meilleur de ${runs})`);
  return min;
}

const rfm = best(`PAC.RFM sur ${N.toLocaleString("fr-FR")} lignes (code)`, 5, () => rfmCells(recency, frequency, monetary, null, null, null));
best(`PAC.RFM sur ${N.toLocaleString("fr-FR")} lignes (segment)`, 5, () => rfmCells(recency, frequency, monetary, null, "segment", null));
best(`PAC.ABC sur ${N.toLocaleString("fr-FR")} lignes`, 5, () => abcCells(monetary, null, null, null));
console.log(`objectif PAC.RFM < 150 ms : ${rfm < 150 ? "atteint" : "NON atteint"}`);
