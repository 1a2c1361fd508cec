import { cliMessage } from "../i18n/cli";
import type { Lang } from "../i18n/types";
import { issueText, type ImportReport } from "../io";
import type { ScoredPortfolio } from "../plan";

export interface SummaryInput {
  readonly path: string;
  readonly sheet?: string;
  readonly shape: "clients" | "journal";
  readonly report: ImportReport;
  readonly portfolio: ScoredPortfolio;
  readonly out: string;
  readonly sheets: readonly string[];
  readonly lang: Lang;
}

const MAX_REMARKS = 3;

/** Total of the refused cells of an import report, whatever the reason. */
export function rejectedCount(report: ImportReport): number {
  return Object.values(report.rejectedCells).reduce<number>((s, n) => s + (n ?? 0), 0);
}

/**
 * The few lines `pac plan` prints: source, what was read, ABC counts, capital / need / reps, the file written,
 * then the number of remarks (import and scoring warnings) with the first three, those about the whole table
 * first.
 */
export function planSummary(s: SummaryInput): string[] {
  const m = (key: Parameters<typeof cliMessage>[0], params?: Parameters<typeof cliMessage>[1]): string => cliMessage(key, params, s.lang);
  const p = s.portfolio;
  const shape = m(s.shape === "clients" ? "SHAPE_CLIENTS" : "SHAPE_JOURNAL");
  const lines = [
    m("SUMMARY_TITLE"),
    s.sheet !== undefined ? m("SUMMARY_SOURCE_SHEET", { path: s.path, sheet: s.sheet, shape }) : m("SUMMARY_SOURCE", { path: s.path, shape }),
    m("SUMMARY_READ", {
      clients: p.clients.length - p.prospects,
      prospects: p.prospects,
      rows: s.report.rowsRead,
      rejected: rejectedCount(s.report),
    }),
    m("SUMMARY_ABC", { a: p.classes.A.clients, b: p.classes.B.clients, c: p.classes.C.clients }),
    m("SUMMARY_CAPITAL", { capital: p.capital.value, need: p.need, reps: p.reps ?? "—" }),
    m("SUMMARY_OUTPUT", { path: s.out, sheets: s.sheets.join(", ") }),
  ];
  // Table-level remarks first (import, methods that could not run), then the per-client ones.
  const remarks = [
    ...s.report.issues.filter((i) => i.severity !== "info").map((i) => issueText(i, s.lang)),
    ...p.warnings.filter((w) => w.severity === "warning" && w.client === undefined).map((w) => w.message),
    ...p.warnings.filter((w) => w.severity === "warning" && w.client !== undefined).map((w) => w.message),
  ];
  const total = remarks.length;
  if (total > 0) {
    lines.push(m("SUMMARY_WARNINGS", { n: total }));
    for (const r of remarks.slice(0, MAX_REMARKS)) lines.push(`  - ${r}`);
    if (total > MAX_REMARKS) lines.push(m("SUMMARY_MORE", { n: total - MAX_REMARKS }));
  }
  return lines;
}
