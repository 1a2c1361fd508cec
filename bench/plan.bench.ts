/**
 * `pac plan` speed and memory benchmark (not a test): `npx tsx bench/plan.bench.ts [clients] [prospects]`.
 *
 * Generates a client workbook with the demo's generator (default 100 000 clients and 2 000 prospects, seeded,
 * the same columns as assets/sample/clients-demo.xlsx), then runs the real command line on it in a child
 * process — `node bin/pac.js plan <file> --out <tmp>` — and reports its wall time and its peak resident memory
 * (`process.resourceUsage().maxRSS` of the child, read by a preload script at exit; `/usr/bin/time -v` is not
 * needed). The child's progress lines show where the time goes. Targets: under 10 s and under 1 GB.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { generateClients, sampleWorkbook, stableXlsx } from "../scripts/make-sample";

const TARGET_SECONDS = 10;
const TARGET_BYTES = 1024 ** 3;
const MARK = "PAC_BENCH_MAXRSS_KB";

function mb(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(0)} Mo`;
}

async function main(): Promise<void> {
  const clients = Number(process.argv[2] ?? 100_000);
  const prospects = Number(process.argv[3] ?? 2_000);
  const dir = mkdtempSync(join(tmpdir(), "pac-bench-"));
  try {
    let t = performance.now();
    const input = join(dir, "clients.xlsx");
    const rows = generateClients({ clients, prospects, seed: 20250602 });
    writeFileSync(input, await stableXlsx(sampleWorkbook(rows)));
    console.log(`Entrée : ${clients} clients + ${prospects} prospects, ${mb(statSync(input).size)}, générée en ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const preload = join(dir, "maxrss.cjs");
    writeFileSync(preload, `process.on("exit", () => process.stderr.write("\\n${MARK} " + process.resourceUsage().maxRSS + "\\n"));\n`);
    const out = join(dir, "PAC.xlsx");
    const bin = join(__dirname, "..", "bin", "pac.js");
    t = performance.now();
    const run = spawnSync(process.execPath, ["--require", preload, bin, "plan", input, "--out", out], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = (performance.now() - t) / 1000;
    const progress = run.stderr.split("\n").filter((l) => l.trim() !== "" && !l.startsWith(MARK));
    const rssKb = Number(/PAC_BENCH_MAXRSS_KB (\d+)/.exec(run.stderr)?.[1] ?? NaN);
    console.log(progress.map((l) => `  | ${l}`).join("\n"));
    if (run.status !== 0) {
      console.error(`pac plan a échoué (code ${run.status}) :\n${run.stdout}`);
      process.exitCode = 1;
      return;
    }
    console.log(run.stdout.split("\n").map((l) => `  > ${l}`).join("\n").trimEnd());
    const peak = rssKb * 1024;
    const ok = seconds < TARGET_SECONDS && peak < TARGET_BYTES;
    console.log(
      `pac plan, ${clients} clients : ${seconds.toFixed(1)} s (objectif < ${TARGET_SECONDS} s), mémoire maximale ${mb(peak)} (objectif < 1 Go), sortie ${mb(statSync(out).size)} — ${ok ? "objectifs tenus" : "OBJECTIF DÉPASSÉ"}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
