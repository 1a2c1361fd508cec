// npm run bench: every benchmark in its own process (so memory peaks do not mix), one after the other.
// Benchmarks measure; they never fail the build. Not part of CI.
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";

const only = process.argv.slice(2);
const files = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of files) {
  console.log(`\n=== ${file}`);
  const t0 = Date.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", path.join(__dirname, file)], { stdio: "inherit" });
  console.log(`(${file} : ${((Date.now() - t0) / 1000).toFixed(1)} s, code ${run.status})`);
}
