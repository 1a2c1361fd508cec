/**
 * Engine speed benchmark (not a test): `npx tsx bench/engine.bench.ts [clients]`.
 *
 * Generates a deterministic portfolio (default 1 000 000 clients, seeded PRNG), times the full scoring the
 * add-in runs on it (rfmScores + classifyAbc + quarterRanks on realised and on potential + penetration),
 * best of 3 after a warm-up, then times the same scoring written with pandas (bench/pandas_scoring.py, run by
 * the system /usr/bin/python3) on the same numbers, scoring only (not the load). Prints both times and the
 * ratio, and checks that both give the same R, F, M, ABC, R and P ranks client by client.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { classifyAbc } from "../src/engine/abc";
import { penetration } from "../src/engine/penetration";
import { quarterRanks } from "../src/engine/quarterRanks";
import { rfmScores } from "../src/engine/rfm";
import { mulberry32 } from "../test/support/random";

const PYTHON = "/usr/bin/python3";
const SEED = 20240607;
const RUNS = 3;

interface Portfolio {
  readonly recency: number[];
  readonly frequency: number[];
  readonly monetary: number[];
  readonly potential: number[];
}

/**
 * Days since the last purchase (exponential, capped at two years), purchases (geometric-like, at least 1),
 * amounts in cents (log-normal, 0.5 % negative after returns) and a potential of 0.8 to 4.8 times the
 * amount, so that some rates exceed 100 %.
 */
function generate(n: number, seed: number): Portfolio {
  const rnd = mulberry32(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const cents = (x: number): number => Math.round(x * 100) / 100;
  const recency = new Array<number>(n);
  const frequency = new Array<number>(n);
  const monetary = new Array<number>(n);
  const potential = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    recency[i] = Math.min(730, Math.floor(-Math.log(1 - rnd()) * 90));
    frequency[i] = 1 + Math.floor(-Math.log(1 - rnd()) * 6);
    const amount = rnd() < 0.005 ? -cents(rnd() * 300) : cents(Math.exp(7 + 1.2 * normal()));
    monetary[i] = amount;
    potential[i] = cents(amount > 0 ? amount * (0.8 + 4 * rnd()) : 100 + rnd() * 5000);
  }
  return { recency, frequency, monetary, potential };
}

interface Scored {
  readonly rfm: ReturnType<typeof rfmScores>;
  readonly abc: ReturnType<typeof classifyAbc>;
  readonly rReal: ReturnType<typeof quarterRanks>;
  readonly pPot: ReturnType<typeof quarterRanks>;
  readonly pr: ReturnType<typeof penetration>;
}

/**
 * A copy of the portfolio's columns, as a new read of the client table would give: the engine reuses a sort
 * while the same list is scored again (stats/distribution.ts, `distributionOf`), so every run scores fresh
 * lists and pays for its sorts once, as one scoring in the add-in does, rather than finding the previous run's.
 */
function fresh(data: Portfolio): Portfolio {
  return {
    recency: data.recency.slice(),
    frequency: data.frequency.slice(),
    monetary: data.monetary.slice(),
    potential: data.potential.slice(),
  };
}

/** Wall and CPU time of each step, in ms. */
interface Times {
  readonly wall: Record<string, number>;
  readonly cpu: Record<string, number>;
}

function scoreAll(data: Portfolio, times: Times = { wall: {}, cpu: {} }): Scored {
  let t = performance.now();
  let c = process.cpuUsage();
  const lap = (name: string): void => {
    const now = performance.now();
    const used = process.cpuUsage(c);
    times.wall[name] = now - t;
    times.cpu[name] = (used.user + used.system) / 1000;
    t = now;
    c = process.cpuUsage();
  };
  const rfm = rfmScores({ recency: data.recency, frequency: data.frequency, monetary: data.monetary });
  lap("rfmScores");
  const abc = classifyAbc(data.monetary);
  lap("classifyAbc");
  const rReal = quarterRanks(data.monetary);
  lap("quarterRanks(realised)");
  const pPot = quarterRanks(data.potential);
  lap("quarterRanks(potential)");
  const pr = penetration(data.potential, data.monetary);
  lap("penetration");
  return { rfm, abc, rReal, pPot, pr };
}

function writeColumns(dir: string, data: Portfolio): void {
  for (const name of ["recency", "frequency", "monetary", "potential"] as const) {
    writeFileSync(join(dir, `${name}.f64`), Buffer.from(Float64Array.from(data[name]).buffer));
  }
}

/** R, F, M, ABC (0, 1, 2), R and P quarter ranks, one byte per client each: what the pandas script writes too. */
function checkColumns(scored: Scored, n: number): Uint8Array {
  const out = new Uint8Array(6 * n);
  for (let i = 0; i < n; i++) {
    out[i] = scored.rfm[i].r;
    out[n + i] = scored.rfm[i].f;
    out[2 * n + i] = scored.rfm[i].m;
    out[3 * n + i] = "ABC".indexOf(scored.abc[i].cls);
    out[4 * n + i] = scored.rReal[i];
    out[5 * n + i] = scored.pPot[i];
  }
  return out;
}

/** Client-by-client agreement of the engine and pandas on the integer outputs. */
function compare(dir: string, engine: Uint8Array, n: number): string {
  const pandas = readFileSync(join(dir, "scores.u8"));
  if (pandas.length !== engine.length) return `cannot compare: pandas wrote ${pandas.length} bytes`;
  return ["R", "F", "M", "ABC", "R (quarter)", "P (quarter)"]
    .map((name, c) => {
      let diff = 0;
      for (let i = c * n; i < (c + 1) * n; i++) if (pandas[i] !== engine[i]) diff++;
      return `${name} ${diff === 0 ? "identical" : `${diff} differ`}`;
    })
    .join(", ");
}

/**
 * A full garbage collection between runs, outside the timings, so that each run starts from the same clean
 * heap (as one scoring in an Excel session does) instead of paying for the previous run's results.
 */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

function fmt(ms: number): string {
  return `${ms.toFixed(0).padStart(6)} ms`;
}

function main(): void {
  const n = Number(process.argv[2] ?? 1_000_000);
  if (!Number.isInteger(n) || n < 2) throw new Error(`clients must be an integer ≥ 2, got ${process.argv[2]}`);
  console.log(`Portfolio: ${n.toLocaleString("en")} clients, seed ${SEED}, Node ${process.version}`);
  console.log(`load average at start: ${loadavg().map((x) => x.toFixed(2)).join(" ")} (other processes slow both sides)`);
  let t0 = performance.now();
  const data = generate(n, SEED);
  console.log(`generated in ${fmt(performance.now() - t0)}`);

  t0 = performance.now();
  scoreAll(generate(20_000, SEED + 1));
  collectGarbage();
  scoreAll(fresh(data));
  console.log(`warm-up in ${fmt(performance.now() - t0)}`);

  let best: Times | undefined;
  let bestWall = Infinity;
  let bestCpu = Infinity;
  let check: Uint8Array | undefined;
  for (let run = 1; run <= RUNS; run++) {
    const input = fresh(data);
    collectGarbage();
    const times: Times = { wall: {}, cpu: {} };
    const start = performance.now();
    const cpu = process.cpuUsage();
    const scored = scoreAll(input, times);
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    bestCpu = Math.min(bestCpu, cpuMs);
    console.log(`engine run ${run}: ${fmt(wall)} (CPU ${fmt(cpuMs)}, V8's GC threads included)`);
    if (wall < bestWall) {
      bestWall = wall;
      best = times;
    }
    check ??= checkColumns(scored, n);
  }
  console.log("engine, best run (wall | CPU):");
  for (const [name, ms] of Object.entries(best?.wall ?? {})) {
    console.log(`  ${name.padEnd(26)}${fmt(ms)} | ${fmt(best?.cpu[name] ?? NaN)}`);
  }
  console.log(`  ${"total".padEnd(26)}${fmt(bestWall)}`);

  const dir = mkdtempSync(join(tmpdir(), "pac-bench-"));
  try {
    writeColumns(dir, data);
    const py = spawnSync(PYTHON, [join(__dirname, "pandas_scoring.py"), dir, String(RUNS)], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    if (py.error || py.status !== 0) {
      const why = py.error ? py.error.message : (py.stderr || py.stdout).trim().split("\n").pop();
      console.log(`\npandas comparison skipped: ${why}`);
      console.log(`(needs ${PYTHON} with pandas: apt-get install -y python3-pandas)`);
      console.log(`\nengine: ${fmt(bestWall)} for ${n.toLocaleString("en")} clients`);
      return;
    }
    const report = JSON.parse(py.stdout.trim().split("\n").pop() ?? "{}") as {
      pandas: string;
      numpy: string;
      python: string;
      runs: number[];
      cpu: number[];
      steps: Record<string, number>;
    };
    const pandasBest = Math.min(...report.runs) * 1000;
    console.log(`\npandas ${report.pandas} (numpy ${report.numpy}, Python ${report.python}), scoring only:`);
    report.runs.forEach((s, i) => console.log(`pandas run ${i + 1}: ${fmt(s * 1000)} (CPU ${fmt(report.cpu[i] * 1000)})`));
    console.log("pandas, best run:");
    for (const [name, s] of Object.entries(report.steps)) console.log(`  ${name.padEnd(26)}${fmt(s * 1000)}`);
    console.log(`\nagreement with pandas: ${check ? compare(dir, check, n) : "n/a"}`);
    const pandasCpu = Math.min(...report.cpu) * 1000;
    console.log(`\nbest wall time: engine ${fmt(bestWall)} | pandas ${fmt(pandasBest)} | pandas / engine = ${(pandasBest / bestWall).toFixed(2)}×`);
    console.log(`best CPU time:  engine ${fmt(bestCpu)} | pandas ${fmt(pandasCpu)} | pandas / engine = ${(pandasCpu / bestCpu).toFixed(2)}×`);
    console.log(`load average at end: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
    console.log(
      "(the engine builds one result object per client per method; it sorts each list once per scoring and reuses " +
        "the sort for every method reading that list; pandas builds columns and reuses the R and P ranks for P-R)",
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
