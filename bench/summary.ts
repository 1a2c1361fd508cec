/**
 * The one summary table `npm run bench` prints at the end: each benchmark that compares itself with a target
 * records a row here, and `bench/run.ts` prints them all together. A benchmark runs in its own process, so the
 * rows travel through a file named by PAC_BENCH_SUMMARY (one JSON row a line); a benchmark run alone prints
 * its own rows instead. Benchmarks measure; a missed target is reported, never a failure.
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";

export const SUMMARY_ENV = "PAC_BENCH_SUMMARY";

export interface SummaryRow {
  /** What was measured, e.g. "engine vs pandas, 1 000 000 clients (pandas / engine)". */
  readonly name: string;
  readonly measured: number;
  /** "×" for a ratio against a peer (measured in the same run), or a unit of time or memory. */
  readonly unit: "×" | "ms" | "s" | "Mo";
  readonly target: number;
  /** "higher": the target is a minimum (a ratio); "lower": a maximum (a time). */
  readonly better: "higher" | "lower";
  /** A further goal beyond the target, e.g. the 2× stretch. */
  readonly stretch?: number;
  /** Conditions worth reading beside the number: the machine's load, the sizes. */
  readonly note?: string;
}

export function targetMet(row: SummaryRow, goal = row.target): boolean {
  return row.better === "higher" ? row.measured >= goal : row.measured <= goal;
}

function show(x: number, unit: SummaryRow["unit"]): string {
  return unit === "×" ? `${x.toFixed(2)}×` : `${x.toFixed(unit === "s" ? 1 : 0)} ${unit}`;
}

/** Records a row for the summary (or prints it, when the benchmark runs alone). */
export function recordSummary(row: SummaryRow): void {
  const file = process.env[SUMMARY_ENV];
  if (file) appendFileSync(file, `${JSON.stringify(row)}\n`);
  else console.log(`\n${formatSummary([row])}`);
}

/** The rows recorded in `file`, in the order the benchmarks recorded them. */
export function readSummary(file: string): SummaryRow[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as SummaryRow);
}

/** The summary table: one line per row, with its target and whether it is met. */
export function formatSummary(rows: readonly SummaryRow[]): string {
  if (rows.length === 0) return "Summary: no benchmark recorded a target.";
  const lines = rows.map((row) => {
    const sign = row.better === "higher" ? "≥" : "≤";
    const target = `${sign} ${show(row.target, row.unit)}${row.stretch !== undefined ? ` (stretch ${show(row.stretch, row.unit)})` : ""}`;
    const verdict = !targetMet(row) ? "MISSED" : row.stretch !== undefined && targetMet(row, row.stretch) ? "met, stretch too" : "met";
    return [row.name, show(row.measured, row.unit), target, verdict, row.note ?? ""];
  });
  const header = ["benchmark", "measured", "target", "", "conditions"];
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
  const line = (cells: readonly string[]): string => cells.map((cell, c) => cell.padEnd(widths[c])).join("  ").trimEnd();
  return ["Summary (a ratio is measured in one run, both sides under the same load):", line(header), ...lines.map(line)].join("\n");
}
