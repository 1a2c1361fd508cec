/**
 * Engine speed benchmark (not a test): `npx tsx bench/engine.bench.ts [clients]`.
 *
 * Generates a deterministic portfolio (default 1 000 000 clients, seeded PRNG) and times the full scoring the
 * add-in runs on it, in the column forms the plan reads (rfmColumns + scoreAbcColumns + quarterRankColumns on
 * realised and on potential + penetrationColumns), against the same scoring written with pandas
 * (bench/pandas_scoring.py, run by the system /usr/bin/python3) on the same numbers, scoring only (not the
 * load). The two run alternately, three rounds (engine, then pandas), so that the load of a shared machine
 * weighs on both alike; the best run of each gives the ratio pandas / engine (target ≥ 1.5×, stretch 2×),
 * recorded for the summary of `npm run bench` (bench/summary.ts). Checks that both give the same R, F, M, ABC,
 * R and P ranks client by client. Then times the row views (one result object per client) once, for information.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { classifyAbc, scoreAbcColumns } from "../src/engine/abc";
import { penetration, penetrationColumns } from "../src/engine/penetration";
import { quarterRankColumns, quarterRanksDetailed } from "../src/engine/quarterRanks";
import { rfmColumns, rfmScores } from "../src/engine/rfm";
import { mulberry32 } from "../test/support/random";
import { recordSummary } from "./summary";

const PYTHON = "/usr/bin/python3";
const SEED = 20240607;
const ROUNDS = 3;
const TARGET = 1.5;
const STRETCH = 2;

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
  readonly rfm: ReturnType<typeof rfmColumns>;
  readonly abc: ReturnType<typeof scoreAbcColumns>;
  readonly rReal: ReturnType<typeof quarterRankColumns>;
  readonly pPot: ReturnType<typeof quarterRankColumns>;
  readonly pr: ReturnType<typeof penetrationColumns>;
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

/** Runs `step` after `steps` and records its wall and CPU time under `name`. */
function timer(times: Times): <T>(name: string, step: () => T) => T {
  return (name, step) => {
    const t = performance.now();
    const c = process.cpuUsage();
    const result = step();
    const used = process.cpuUsage(c);
    times.wall[name] = performance.now() - t;
    times.cpu[name] = (used.user + used.system) / 1000;
    return result;
  };
}

/** The scoring the plan runs, as columns. */
function scoreAll(data: Portfolio, times: Times = { wall: {}, cpu: {} }): Scored {
  const step = timer(times);
  const rfm = step("rfmColumns", () => rfmColumns({ recency: data.recency, frequency: data.frequency, monetary: data.monetary }));
  const abc = step("scoreAbcColumns", () => scoreAbcColumns(data.monetary));
  const rReal = step("quarterRankColumns(realised)", () => quarterRankColumns(data.monetary));
  const pPot = step("quarterRankColumns(potential)", () => quarterRankColumns(data.potential));
  const pr = step("penetrationColumns", () => penetrationColumns(data.potential, data.monetary));
  return { rfm, abc, rReal, pPot, pr };
}

/** The same scoring as row views (one result object per client, with its why), for information. */
function scoreRows(data: Portfolio, times: Times): number {
  const step = timer(times);
  const rows = [
    step("rfmScores", () => rfmScores({ recency: data.recency, frequency: data.frequency, monetary: data.monetary })),
    step("classifyAbc", () => classifyAbc(data.monetary)),
    step("quarterRanksDetailed(realised)", () => quarterRanksDetailed(data.monetary)),
    step("quarterRanksDetailed(potential)", () => quarterRanksDetailed(data.potential)),
    step("penetration", () => penetration(data.potential, data.monetary)),
  ];
  return rows.reduce((sum, r) => sum + r.length, 0);
}

function writeColumns(dir: string, data: Portfolio): void {
  for (const name of ["recency", "frequency", "monetary", "potential"] as const) {
    writeFileSync(join(dir, `${name}.f64`), Buffer.from(Float64Array.from(data[name]).buffer));
  }
}

/** R, F, M, ABC (0, 1, 2), R and P quarter ranks, one byte per client each: what the pandas script writes too. */
/** R, F, M, ABC (0, 1, 2), R and P quarter ranks, one byte per client each: what the pandas script writes too. */
function checkColumns(scored: Scored, n: number): Uint8Array {
  const out = new Uint8Array(6 * n);
  out.set(scored.rfm.r, 0);
  out.set(scored.rfm.f, n);
  out.set(scored.rfm.m, 2 * n);
  out.set(scored.abc.cls, 3 * n);
  out.set(scored.rReal.rank, 4 * n);
  out.set(scored.pPot.rank, 5 * n);
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

interface PandasRun {
  pandas: string;
  numpy: string;
  python: string;
  runs: number[];
  cpu: number[];
  steps: Record<string, number>;
}

/** One timed pandas scoring (after its own warm-up) in a fresh Python process; a string says why it could not run. */
function runPandas(dir: string): PandasRun | string {
  const py = spawnSync(PYTHON, [join(__dirname, "pandas_scoring.py"), dir, "1"], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (py.error || py.status !== 0) {
    const why = py.error ? py.error.message : (py.stderr || py.stdout).trim().split("\n").pop();
    return `${why ?? "no output"} (needs ${PYTHON} with pandas: apt-get install -y python3-pandas)`;
  }
  return JSON.parse(py.stdout.trim().split("\n").pop() ?? "{}") as PandasRun;
}

function load(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
}

function printSteps(title: string, steps: Record<string, number>, cpu?: Record<string, number>): void {
  console.log(title);
  for (const [name, ms] of Object.entries(steps)) {
    console.log(`  ${name.padEnd(32)}${fmt(ms)}${cpu ? ` | ${fmt(cpu[name] ?? NaN)}` : ""}`);
  }
}

function main(): void {
  const n = Number(process.argv[2] ?? 1_000_000);
  if (!Number.isInteger(n) || n < 2) throw new Error(`clients must be an integer ≥ 2, got ${process.argv[2]}`);
  console.log(`Portfolio: ${n.toLocaleString("en")} clients, seed ${SEED}, Node ${process.version}`);
  const loadAtStart = load();
  console.log(`load average at start: ${loadAtStart} (other processes slow both sides; the rounds alternate so both share it)`);
  let t0 = performance.now();
  const data = generate(n, SEED);
  console.log(`generated in ${fmt(performance.now() - t0)}`);

  t0 = performance.now();
  scoreAll(generate(20_000, SEED + 1));
  collectGarbage();
  scoreAll(fresh(data));
  console.log(`engine warm-up in ${fmt(performance.now() - t0)}`);

  const dir = mkdtempSync(join(tmpdir(), "pac-bench-"));
  try {
    writeColumns(dir, data);
    let best: Times | undefined;
    let bestWall = Infinity;
    let bestCpu = Infinity;
    let check: Uint8Array | undefined;
    let pandasBest: PandasRun | undefined;
    let pandasWall = Infinity;
    let pandasCpu = Infinity;
    let pandasMissing: string | undefined;
    for (let round = 1; round <= ROUNDS; round++) {
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
      if (wall < bestWall) {
        bestWall = wall;
        best = times;
      }
      check ??= checkColumns(scored, n);
      let line = `round ${round}: engine ${fmt(wall)} (CPU ${fmt(cpuMs)})`;
      if (pandasMissing === undefined) {
        const py = runPandas(dir);
        if (typeof py === "string") pandasMissing = py;
        else {
          line += ` | pandas ${fmt(py.runs[0] * 1000)} (CPU ${fmt(py.cpu[0] * 1000)})`;
          pandasCpu = Math.min(pandasCpu, py.cpu[0] * 1000);
          if (py.runs[0] * 1000 < pandasWall) {
            pandasWall = py.runs[0] * 1000;
            pandasBest = py;
          }
        }
      }
      console.log(`${line} | load ${load()}`);
    }
    printSteps("engine (columns), best run (wall | CPU):", best?.wall ?? {}, best?.cpu);
    console.log(`  ${"total".padEnd(32)}${fmt(bestWall)}`);
    if (pandasMissing !== undefined || !pandasBest) {
      console.log(`\npandas comparison skipped: ${pandasMissing ?? "no run"}`);
      console.log(`\nengine: ${fmt(bestWall)} for ${n.toLocaleString("en")} clients`);
      return;
    }
    console.log(`\npandas ${pandasBest.pandas} (numpy ${pandasBest.numpy}, Python ${pandasBest.python}), scoring only:`);
    printSteps(
      "pandas, best run:",
      Object.fromEntries(Object.entries(pandasBest.steps).map(([k, s]) => [k, s * 1000])),
    );
    console.log(`\nagreement with pandas: ${check ? compare(dir, check, n) : "n/a"}`);
    const ratio = pandasWall / bestWall;
    console.log(`\nbest wall time: engine ${fmt(bestWall)} | pandas ${fmt(pandasWall)} | pandas / engine = ${ratio.toFixed(2)}×`);
    console.log(`best CPU time:  engine ${fmt(bestCpu)} | pandas ${fmt(pandasCpu)} | pandas / engine = ${(pandasCpu / bestCpu).toFixed(2)}×`);
    const loadAtEnd = load();
    console.log(`load average at end: ${loadAtEnd}`);
    recordSummary({
      name: `engine vs pandas, ${n.toLocaleString("en")} clients (pandas / engine, wall)`,
      measured: ratio,
      unit: "×",
      target: TARGET,
      better: "higher",
      stretch: STRETCH,
      note: `best of ${ROUNDS} alternate rounds; load ${loadAtStart} → ${loadAtEnd}`,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  collectGarbage();
  const rowTimes: Times = { wall: {}, cpu: {} };
  t0 = performance.now();
  scoreRows(fresh(data), rowTimes);
  const rowWall = performance.now() - t0;
  printSteps("\nrow views (one result object and why per client), one run, for information (wall):", rowTimes.wall);
  console.log(`  ${"total".padEnd(32)}${fmt(rowWall)}`);
}

main();
