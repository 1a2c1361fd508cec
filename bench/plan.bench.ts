/**
 * `pac plan` against a pandas + openpyxl pipeline doing the same job (not a test):
 * `npx tsx bench/plan.bench.ts [clients] [prospects]` (npm run bench -- plan).
 *
 * Generates a client workbook with the demo's generator (default 100 000 clients and 2 000 prospects, seeded,
 * the same columns as assets/sample/clients-demo.xlsx) in a child process of its own, then runs, one after the
 * other on that file, three rounds of both (the bench itself holding no more than a few megabytes: on these
 * machines, a parent holding the generator's 3 GB made its child pac 0.5–1 s slower):
 * - the real command line in a child process — `node bin/pac.js plan <file> --out <tmp>` — its wall time and
 *   its peak resident memory (`process.resourceUsage().maxRSS` of the child, read by a preload script at exit);
 * - bench/pandas_pipeline.py with Debian's /usr/bin/python3: read the same sheet with pandas, ABC and RFM,
 *   write a Cibles sheet with the same columns and number formats with openpyxl; its wall time (process
 *   start included, as for pac) and its own peak memory.
 * pac does more (every method, four sheets, formulas, the user's workbook kept around them): the ratio is
 * conservative. The rounds alternate, so that the load of a shared machine weighs on both alike; the best time of
 * each gives the ratio (as bench/engine.bench.ts does), and pac's memory is the highest of its rounds. Targets
 * (issue 12): pandas / pac ≥ 5×, pac under 5 s and 600 MB on a quiet machine.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { generateClients, sampleWorkbook, stableXlsx } from "../scripts/make-sample";
import { recordSummary } from "./summary";

const TARGET_SECONDS = 5;
const TARGET_BYTES = 600 * 1024 ** 2;
const TARGET_RATIO = 5;
const PYTHON = "/usr/bin/python3";
const MARK = "PAC_BENCH_MAXRSS_KB";
const ROUNDS = 3;

/** The pandas + openpyxl pipeline on the same input: its wall time and peak memory, or why it did not run. */
function runPandas(input: string, output: string): { seconds: number; peakBytes: number; clients: number } | { skipped: string } {
  if (!existsSync(PYTHON)) return { skipped: `${PYTHON} absent` };
  const t = performance.now();
  const run = spawnSync(PYTHON, [join(__dirname, "pandas_pipeline.py"), input, output], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  const seconds = (performance.now() - t) / 1000;
  if (run.status !== 0) return { skipped: (run.stderr || `code ${run.status}`).trim().split("\n").pop() ?? "failed" };
  const line = JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}") as { read: number; compute: number; write: number; maxRssKb: number; clients: number };
  console.log(`pandas + openpyxl : lecture ${line.read.toFixed(1)} s, calcul ${line.compute.toFixed(1)} s, écriture ${line.write.toFixed(1)} s`);
  return { seconds, peakBytes: line.maxRssKb * 1024, clients: line.clients };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(0)} Mo`;
}

/** `plan.bench.ts --input <file> <clients> <prospects>`: writes the input workbook, in the child process. */
async function writeInput(file: string, clients: number, prospects: number): Promise<void> {
  writeFileSync(file, await stableXlsx(sampleWorkbook(generateClients({ clients, prospects, seed: 20250602 }))));
}

async function main(): Promise<void> {
  if (process.argv[2] === "--input") return writeInput(process.argv[3], Number(process.argv[4]), Number(process.argv[5]));
  const clients = Number(process.argv[2] ?? 100_000);
  const prospects = Number(process.argv[3] ?? 2_000);
  const dir = mkdtempSync(join(tmpdir(), "pac-bench-"));
  try {
    const t = performance.now();
    const input = join(dir, "clients.xlsx");
    // The same file, written by this script run again with its loader (tsx) in a process of its own.
    const made = spawnSync(process.execPath, [...process.execArgv, __filename, "--input", input, String(clients), String(prospects)], { stdio: "inherit" });
    if (made.status !== 0) throw new Error(`génération de l'entrée : code ${made.status}`);
    console.log(`Entrée : ${clients} clients + ${prospects} prospects, ${mb(statSync(input).size)}, générée en ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const preload = join(dir, "maxrss.cjs");
    writeFileSync(preload, `process.on("exit", () => process.stderr.write("\\n${MARK} " + process.resourceUsage().maxRSS + "\\n"));\n`);
    const out = join(dir, "PAC.xlsx");
    const bin = join(__dirname, "..", "bin", "pac.js");
    /** One `pac plan` in a child process: its wall time and peak memory, or undefined when it failed. */
    const runPac = (): { seconds: number; peak: number } | undefined => {
      const start = performance.now();
      const run = spawnSync(process.execPath, ["--require", preload, bin, "plan", input, "--out", out, "--replace"], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      const seconds = (performance.now() - start) / 1000;
      const progress = run.stderr.split("\n").filter((l) => l.trim() !== "" && !l.startsWith(MARK));
      const rssKb = Number(/PAC_BENCH_MAXRSS_KB (\d+)/.exec(run.stderr)?.[1] ?? NaN);
      console.log(progress.map((l) => `  | ${l}`).join("\n"));
      if (run.status !== 0) {
        console.error(`pac plan a échoué (code ${run.status}) :\n${run.stdout}`);
        return undefined;
      }
      console.log(run.stdout.split("\n").map((l) => `  > ${l}`).join("\n").trimEnd());
      return { seconds, peak: rssKb * 1024 };
    };
    let seconds = Infinity;
    let peak = 0;
    let pandas: ReturnType<typeof runPandas> | undefined;
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`Tour ${round} sur ${ROUNDS}`);
      const pac = runPac();
      if (!pac) {
        process.exitCode = 1;
        return;
      }
      seconds = Math.min(seconds, pac.seconds);
      peak = Math.max(peak, pac.peak);
      console.log(`pac plan : ${pac.seconds.toFixed(1)} s, mémoire maximale ${mb(pac.peak)}`);
      if (pandas !== undefined && "skipped" in pandas) continue;
      const py = runPandas(input, join(dir, "pandas.xlsx"));
      if ("skipped" in py) pandas = py;
      else {
        console.log(`pandas + openpyxl : ${py.seconds.toFixed(1)} s`);
        if (pandas === undefined || ("seconds" in pandas && py.seconds < pandas.seconds)) pandas = py;
      }
    }
    const ok = seconds < TARGET_SECONDS && peak < TARGET_BYTES;
    console.log(
      `pac plan, ${clients} clients, meilleur de ${ROUNDS} : ${seconds.toFixed(1)} s (objectif < ${TARGET_SECONDS} s), mémoire maximale ${mb(peak)} (objectif < ${mb(TARGET_BYTES)}), sortie ${mb(statSync(out).size)} — ${ok ? "objectifs tenus" : "OBJECTIF DÉPASSÉ"}`,
    );
    const load = `load ${loadavg().map((x) => x.toFixed(2)).join(" ")}`;
    const size = `${clients.toLocaleString("en")} clients`;
    if (pandas === undefined || "skipped" in pandas) console.log(`pandas + openpyxl non mesuré : ${pandas && "skipped" in pandas ? pandas.skipped : "?"}`);
    else {
      const ratio = pandas.seconds / seconds;
      console.log(`pandas + openpyxl, ${pandas.clients} clients, meilleur de ${ROUNDS} : ${pandas.seconds.toFixed(1)} s, mémoire maximale ${mb(pandas.peakBytes)} ; pandas / pac = ${ratio.toFixed(2)}× (objectif ≥ ${TARGET_RATIO}×)`);
      recordSummary({ name: `pac plan vs pandas + openpyxl, ${size} (pandas / pac)`, measured: ratio, unit: "×", target: TARGET_RATIO, better: "higher", note: `best of ${ROUNDS} alternate rounds; pandas ${pandas.seconds.toFixed(1)} s, ${mb(pandas.peakBytes)}; ${load}` });
    }
    recordSummary({ name: `pac plan, ${size}: time`, measured: seconds, unit: "s", target: TARGET_SECONDS, better: "lower", note: `best of ${ROUNDS}; ${load}` });
    recordSummary({ name: `pac plan, ${size}: peak memory`, measured: peak / 1024 ** 2, unit: "Mo", target: TARGET_BYTES / 1024 ** 2, better: "lower", note: `highest of ${ROUNDS}; ${load}` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
