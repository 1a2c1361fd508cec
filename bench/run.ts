// npm run bench: every benchmark in its own process (so memory peaks do not mix), one after the other, then one
// summary table of the targets they recorded (bench/summary.ts). Benchmarks measure; they never fail the build.
// Not part of CI.
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { formatSummary, readSummary, SUMMARY_ENV } from "./summary";

const only = process.argv.slice(2);
const files = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pac-bench-summary-"));
const summary = path.join(dir, "summary.jsonl");
try {
  for (const file of files) {
    console.log(`\n=== ${file}`);
    const t0 = Date.now();
    const run = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", path.join(__dirname, file)], {
      stdio: "inherit",
      env: { ...process.env, [SUMMARY_ENV]: summary },
    });
    console.log(`(${file} : ${((Date.now() - t0) / 1000).toFixed(1)} s, code ${run.status})`);
  }
  console.log(`\n${formatSummary(readSummary(summary))}`);
  console.log(`load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(" ")} (2 cores shared: a busy machine slows every side)`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
