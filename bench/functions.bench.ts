// PAC.RFM through its cell wrapper on 100 000 rows: 2-D ranges in, 2-D spill out, as Excel calls it.
// Target (issue 12): under 100 ms in Node, recorded for the summary of `npm run bench` (bench/summary.ts).
// Run: npx tsx bench/functions.bench.ts (or npm run bench).
import "../test/shims/custom-functions-global";
import { abcCells } from "../src/functions/abc";
import { rfmCells } from "../src/functions/rfm";
import { loadavg } from "node:os";
import { mulberry32 } from "../test/support/random";
import { recordSummary } from "./summary";

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
const TARGET_MS = 100;
console.log(`objectif PAC.RFM < ${TARGET_MS} ms : ${rfm < TARGET_MS ? "atteint" : "NON atteint"}`);
recordSummary({
  name: `PAC.RFM, ${N.toLocaleString("en")} rows (cell wrapper)`,
  measured: rfm,
  unit: "ms",
  target: TARGET_MS,
  better: "lower",
  note: `best of 5; load ${loadavg().map((x) => x.toFixed(2)).join(" ")}`,
});
