import { formatPercent } from "../i18n";
import { cliMessage, type CliMessageKey } from "../i18n/cli";
import type { Lang, MessageParams } from "../i18n/types";
import { issueText, type ImportReport } from "../io";
import { growthLines, type PlanObjectives, type ScoredPortfolio } from "../plan";
import type { InputTable } from "./input";
import type { WrittenWorkbook } from "./workbook";

export interface SummaryInput {
  readonly path: string;
  readonly input: Pick<InputTable, "sheet" | "choice" | "parts" | "sheetNames">;
  readonly shape: "clients" | "journal";
  readonly report: ImportReport;
  readonly portfolio: ScoredPortfolio;
  /** The objectives and the growth verdict (SPEC §10): two lines after the capital when given. */
  readonly objectives?: PlanObjectives;
  /** Engagement and the ideal client (issue 16), ready lines, after the growth lines. */
  readonly fidelity?: readonly string[];
  readonly out: string;
  readonly written: Pick<WrittenWorkbook, "sheets" | "replacedSheets" | "keptSheets" | "remarks">;
  /** Every remark goes to stderr (`remarkLines`): the summary then only counts them. */
  readonly verbose?: boolean;
  readonly lang: Lang;
}

const MAX_REMARKS = 3;

/** Total of the refused cells of an import report, whatever the reason. */
export function rejectedCount(report: ImportReport): number {
  return Object.values(report.rejectedCells).reduce<number>((s, n) => s + (n ?? 0), 0);
}

/**
 * Every remark of a run, in the order a reader needs them: first what concerns the whole table (the import's
 * totals and coverage, methods that could not run, needs scaled, the réserve), then the import's remarks on single
 * lines, then the per-client scoring ones — so the first lines printed are never 600 lines of the same kind. The
 * count is the true count: when the import report kept only some issues of a kind, the last line says how many it
 * left out.
 */
export function remarks(report: ImportReport, portfolio: ScoredPortfolio, lang: Lang): { lines: string[]; total: number; notKept: number } {
  const notKept = notKeptWarnings(report);
  const imported = report.issues.filter((i) => i.severity !== "info");
  const lines = [
    ...imported.filter((i) => i.row === undefined).map((i) => issueText(i, lang)),
    ...portfolio.warnings.filter((w) => w.severity === "warning" && w.client === undefined).map((w) => w.message),
    ...imported.filter((i) => i.row !== undefined).map((i) => issueText(i, lang)),
    ...portfolio.warnings.filter((w) => w.severity === "warning" && w.client !== undefined).map((w) => w.message),
  ];
  return { lines, total: lines.length + notKept, notKept };
}

/**
 * Warnings the import report counted but did not keep (it keeps a number per kind): its ISSUES_NOT_SHOWN
 * entries, for the kinds whose kept issues are warnings or errors (an information left out is no remark).
 */
export function notKeptWarnings(report: ImportReport): number {
  let n = 0;
  for (const i of report.issues) {
    if (i.key !== "ISSUES_NOT_SHOWN") continue;
    const kept = report.issues.find((k) => k.key === i.params.about);
    if (kept && kept.severity !== "info" && typeof i.params.n === "number") n += i.params.n;
  }
  return n;
}

/** The lines `--verbose` (and `pac score`) print on stderr: every remark, one a line. */
export function remarkLines(report: ImportReport, portfolio: ScoredPortfolio, lang: Lang): string[] {
  const { lines, total, notKept } = remarks(report, portfolio, lang);
  if (total === 0) return [];
  const out = [cliMessage("SUMMARY_WARNINGS", { n: total }, lang), ...lines.map((text) => cliMessage("WARNING_LINE", { text }, lang))];
  if (notKept > 0) out.push(cliMessage("WARNINGS_NOT_KEPT", { n: notKept }, lang));
  return out;
}

function quoted(names: readonly string[], lang: Lang): string {
  return names.map((n) => (lang === "fr" ? `« ${n} »` : `"${n}"`)).join(", ");
}

/**
 * The growth plan in two lines: the objective asked, what the clients bring and the conquest, then the verdict
 * in Pascal Py's words (amounts in whole currency units).
 */
export function growthSummary(objectives: PlanObjectives, lang: Lang): [string, string] {
  const g = objectives.growth;
  return [
    cliMessage(
      "SUMMARY_GROWTH",
      {
        lastCa: Math.round(g.lastCa),
        rate: formatPercent(g.growthAsked, lang, 2),
        asked: Math.round(g.asked),
        objectives: Math.round(g.objectivesTotal),
        retained: g.retainedProspects,
        conversion: formatPercent(g.conversionRate, lang, 2),
        conquest: Math.round(g.conquestCa),
      },
      lang,
    ),
    cliMessage("SUMMARY_VERDICT", { verdict: growthLines(g, lang).verdict }, lang),
  ];
}

/**
 * The few lines `pac plan` prints: source (and how its sheet was chosen), what was read, ABC counts, capital /
 * need / reps, the growth objective and its verdict, the file written and what the writer changed or kept, then the number of remarks with the
 * first three (all of them with --verbose, on stderr).
 */
export function planSummary(s: SummaryInput): string[] {
  const m = (key: CliMessageKey, params?: MessageParams): string => cliMessage(key, params, s.lang);
  const p = s.portfolio;
  const shape = m(s.shape === "clients" ? "SHAPE_CLIENTS" : "SHAPE_JOURNAL");
  const { sheet, choice, parts, sheetNames } = s.input;
  let source: string;
  if (sheet === undefined) source = m("SUMMARY_SOURCE", { path: s.path, shape });
  else if (choice === "combined" && parts)
    source = m("SUMMARY_SOURCE_COMBINED", { path: s.path, shape, count: parts.length, parts: parts.map((x) => m("SUMMARY_SHEET_PART", { sheet: x.sheet, from: x.from, to: x.to })).join(", ") });
  else if (choice === "best") source = m("SUMMARY_SOURCE_CHOSEN", { path: s.path, sheet, shape, count: sheetNames.length });
  else if (choice === "first") source = m("SUMMARY_SOURCE_FIRST", { path: s.path, sheet, shape });
  else if (choice === "active") source = m("SUMMARY_SOURCE_ACTIVE", { path: s.path, sheet, shape });
  else source = m("SUMMARY_SOURCE_SHEET", { path: s.path, sheet, shape });
  const lines = [
    m("SUMMARY_TITLE"),
    source,
    m("SUMMARY_READ", {
      clients: p.clients.length - p.prospects,
      prospects: p.prospects,
      rows: s.report.rowsRead,
      rejected: rejectedCount(s.report),
    }),
    m("SUMMARY_ABC", { a: p.classes.A.clients, b: p.classes.B.clients, c: p.classes.C.clients }),
    p.reps === undefined ? m("SUMMARY_CAPITAL_NO_REPS", { capital: p.capital.value, need: p.need }) : m("SUMMARY_CAPITAL", { capital: p.capital.value, need: p.need, reps: p.reps }),
    ...(s.objectives ? growthSummary(s.objectives, s.lang) : []),
    ...(s.fidelity ?? []),
    m("SUMMARY_OUTPUT", { path: s.out, sheets: s.written.sheets.join(", ") }),
  ];
  const w = s.written;
  if (w.replacedSheets.length > 0) lines.push(m("SUMMARY_REPLACED", { sheets: quoted(w.replacedSheets, s.lang) }));
  if (w.keptSheets.length > 0) lines.push(m("SUMMARY_KEPT", { sheets: quoted(w.keptSheets, s.lang) }));
  const invalid = w.remarks.filter((r) => r.kind === "invalidChars");
  if (invalid.length > 0) {
    const first = invalid.find((r) => r.cell !== undefined);
    lines.push(m("SUMMARY_INVALID_CHARS", { n: invalid.reduce((t, r) => t + r.count, 0), cell: first ? `${first.sheet}!${first.cell}` : (invalid[0].sheet ?? "") }));
  }
  const truncated = w.remarks.filter((r) => r.kind === "truncated");
  if (truncated.length > 0) lines.push(m("SUMMARY_TRUNCATED", { n: truncated.length, cell: `${truncated[0].sheet}!${truncated[0].cell}` }));
  if (w.remarks.some((r) => r.kind === "macrosDropped")) lines.push(m("SUMMARY_MACROS"));

  const { lines: all, total } = remarks(s.report, p, s.lang);
  // With --verbose every remark goes to stderr (`remarkLines`), the count included.
  if (total > 0 && !s.verbose) {
    lines.push(m("SUMMARY_WARNINGS", { n: total }));
    for (const r of all.slice(0, MAX_REMARKS)) lines.push(m("WARNING_LINE", { text: r }));
    if (total > MAX_REMARKS) lines.push(m("SUMMARY_MORE", { n: total - Math.min(MAX_REMARKS, all.length) }));
  }
  return lines;
}
