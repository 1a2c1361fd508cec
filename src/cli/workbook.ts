import { basename, extname } from "node:path";
import type { Lang } from "../i18n/types";
import { planText } from "../i18n/plan";
import type { ImportReport } from "../io/report";
import { buildWorkbookPlan, buildWorkbookRemarksSheet, type PlanObjectives, type PlanObjectivesOptions, type ScoredPortfolio } from "../plan";
import type { Fidelity } from "../plan/fidelity";
import type { Remark } from "../plan/remarks";
import { withSourceRows } from "../plan/sourceSheet";
import { cleanWorkbookPlan } from "../xlsx/cleanPlan";
import type { WorkbookPlan } from "../plan/types";
import type { WriteRemark } from "../xlsx/cleanPlan";
import { UnreadableBase } from "../xlsx/graft";
import { xmlSafe } from "../xlsx/xmlText";
import { writeXlsxPackage } from "../xlsx/write";
import { CliError } from "./errors";
import type { InputTable } from "./input";

/** Rows of an Excel worksheet. */
export const MAX_SHEET_ROWS = 1_048_576;

export interface WrittenWorkbook {
  /** The file, as the pieces to write in order (see `WrittenXlsx`). */
  readonly chunks: readonly Uint8Array[];
  /** The names the plan's sheets got in the written workbook ("Cibles", or "Cibles (2)" when taken). */
  readonly sheets: readonly string[];
  /** Sheets of the input dropped because PAC Commercial wrote them and --replace was given. */
  readonly replacedSheets: readonly string[];
  /** Sheets of the input with a plan sheet's name that were kept (the user's own, or the one read). */
  readonly keptSheets: readonly string[];
  /** What the writer changed so the file stays valid (see `WriteRemark`), the CSV sheet's included. */
  readonly remarks: readonly WriteRemark[];
}

export interface WriteOptions {
  readonly lang: Lang;
  readonly replace: boolean;
  /** The import report: its remarks head the "Remarques" sheet. */
  readonly report?: ImportReport;
  /** Engagement and the ideal client (issue 16), shown in the PAC. */
  readonly fidelity?: Fidelity;
  /** More remarks for the « Remarques » sheet (the fidelity step's). */
  readonly remarks?: readonly Remark[];
  /** Called once the plan is built, before the (slow) writing; may throw to stop there. */
  readonly onPlan?: (plan: WorkbookPlan) => void;
  /** The growth asked and the conversion rate (`--growth`, `--conversion`): the PAC's parameter cells. */
  readonly objectives?: PlanObjectivesOptions;
  /** `planObjectives(portfolio, objectives)` when the caller has it already (not computed again). */
  readonly plannedObjectives?: PlanObjectives;
}

/** The number of rows each sheet of a plan reaches (1-based last row). */
export function planRows(plan: WorkbookPlan): { sheet: string; rows: number }[] {
  return plan.sheets.map((s) => ({ sheet: s.name, rows: s.blocks.reduce((m, b) => Math.max(m, b.row + b.values.length), 0) }));
}

/** The sheet name a CSV's rows are copied to: the file name, without what Excel refuses in a sheet name. */
export function csvSheetName(path: string): string {
  const name = xmlSafe(basename(path, extname(path)))
    // eslint-disable-next-line no-control-regex
    .replace(/[[\]:*?/\\\u0000-\u001f]/g, " ")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, 31)
    .trim();
  return name === "" ? "Données" : name;
}

/**
 * The plan's sheets with every remark on "Remarques": the import's, the scoring's, and what the writer will
 * change so the file stays valid (characters XML forbids, texts over 32 767 characters), found by cleaning the
 * plan once before it is written. The plan is built once: when the cleaning finds something, only « Remarques »
 * is built again, with those remarks added (no other sheet reads the remarks).
 */
function planWithWriteRemarks(portfolio: ScoredPortfolio, options: WriteOptions): WorkbookPlan {
  // The CLI writes the Catalogue sheet and the PAC's drop-down lists over it (SPEC §13), and every client's full
  // pourquoi in « Fiches clients » (issue 17: what the wizard explains is kept in the workbook).
  const base = {
    lang: options.lang,
    catalogue: true,
    clientCards: true,
    ...(options.report ? { report: options.report } : {}),
    ...(options.fidelity ? { fidelity: options.fidelity } : {}),
    ...(options.objectives ? { objectives: options.objectives } : {}),
  };
  const extra = options.remarks ?? [];
  const plan = buildWorkbookPlan(portfolio, { ...base, ...(options.plannedObjectives ? { plannedObjectives: options.plannedObjectives } : {}), remarks: extra });
  const { remarks } = cleanWorkbookPlan(plan);
  if (remarks.length === 0) return plan;
  const name = planText("sheet.remarks", options.lang);
  const sheet = buildWorkbookRemarksSheet(portfolio, { ...base, remarks: [...extra, ...remarks.map((r) => writeRemark(r, options.lang))] });
  return { ...plan, sheets: plan.sheets.map((s) => (s.name === name ? sheet : s)) };
}

/** A writer's change as a line of the "Remarques" sheet. */
function writeRemark(r: WriteRemark, lang: Lang): Remark {
  const where = r.cell !== undefined ? `${r.sheet ?? ""}!${r.cell}` : (r.sheet ?? "");
  return {
    ...(r.row !== undefined ? { row: r.row } : {}),
    message: planText(`remark.write.${r.kind}`, lang, { where, n: r.count }),
    kind: "write",
  };
}

/**
 * Builds the plan's sheets (Cibles, Contacts, PAC, Remarques) and writes them after the input's sheets: an input
 * workbook is the base (its sheets copied as they are); a CSV's rows go to a first sheet named after the file.
 * With `replace`, only the input's sheets PAC Commercial wrote are replaced, never the sheet read.
 */
export async function writePlanWorkbook(portfolio: ScoredPortfolio, input: InputTable, options: WriteOptions): Promise<WrittenWorkbook> {
  let plan: WorkbookPlan | undefined = planWithWriteRemarks(portfolio, options);
  options.onPlan?.(plan);
  let written;
  if (input.kind === "xlsx") {
    const read = input.parts?.map((p) => p.sheet) ?? (input.sheet !== undefined ? [input.sheet] : []);
    try {
      // The writer lets each sheet go once written when no one else holds the plan: this function does not.
      const writing = writeXlsxPackage(plan, { base: input.bytes, ...(input.plainStrings ? { baseStrings: input.plainStrings } : {}), replace: options.replace, keep: read });
      plan = undefined;
      written = await writing;
    } catch (error) {
      // The user's workbook was readable for its rows but a part the graft must edit is damaged.
      if (error instanceof UnreadableBase) throw new CliError("XLSX_CORRUPT", { path: input.path });
      throw error;
    }
  } else {
    const withCsv = withSourceRows(plan, input.rows, input.firstRowNumber, csvSheetName(input.path));
    plan = undefined;
    written = await writeXlsxPackage(withCsv.plan, { unmarked: [withCsv.name] });
  }
  const planSheets = input.kind === "xlsx" ? written.sheetNames : written.sheetNames.slice(1);
  return {
    chunks: written.chunks,
    sheets: planSheets,
    replacedSheets: written.replacedSheets,
    keptSheets: written.keptSheets,
    remarks: written.remarks,
  };
}
