import ExcelJS from "exceljs";
import { basename, extname } from "node:path";
import type { Lang } from "../i18n/types";
import { buildWorkbookPlan, resolveSheetNames, type ScoredPortfolio } from "../plan";
import { writeXlsx } from "../xlsx";
import type { InputTable } from "./input";

export interface WrittenWorkbook {
  readonly bytes: Buffer;
  /** The names the plan's sheets got in the written workbook ("Cibles", or "Cibles (2)" when taken). */
  readonly sheets: readonly string[];
}

export interface WriteOptions {
  readonly lang: Lang;
  readonly replace: boolean;
  /** Called once the plan is built, before the (slow) writing. */
  readonly onWrite?: () => void;
}

/** The sheet name a CSV's rows are copied to: the file name, without what Excel refuses in a sheet name. */
export function csvSheetName(path: string): string {
  const name = basename(path, extname(path))
    .replace(/[[\]:*?/\\]/g, " ")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, 31)
    .trim();
  return name === "" ? "Données" : name;
}

// Plain numbers ("1234", "-12.5", "1 234,50" with French grouping) become numbers; codes with a leading zero stay text.
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const FRENCH_NUMBER = /^-?(?:0|[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+|[1-9]\d*)(?:,\d+)?$/;

/** A CSV field as a cell value: a number when it is plainly one, else the text as read (never a formula). */
export function csvCellValue(text: string): string | number | null {
  const t = text.trim();
  if (t === "") return null;
  if (PLAIN_NUMBER.test(t)) return Number(t);
  if (FRENCH_NUMBER.test(t)) return Number(t.replace(/[ \u00a0\u202f]/g, "").replace(",", "."));
  return text;
}

/** A workbook holding a CSV's rows on one sheet, so the written file keeps the input beside the plan. */
export function csvWorkbook(input: InputTable, sheetName: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName);
  for (let k = 0; k < input.rows.length; k++) {
    const row = input.rows[k];
    if (row.length === 0) continue;
    sheet.getRow(input.firstRowNumber + k).values = row.map((v) => (typeof v === "string" ? csvCellValue(v) : null)) as ExcelJS.CellValue[];
  }
  return wb;
}

/**
 * Builds the plan's sheets (Cibles, Contacts, PAC) and writes them after the input's sheets: an input
 * workbook is the base (its sheets copied as they are); a CSV's rows go to a first sheet named after the file.
 */
export async function writePlanWorkbook(portfolio: ScoredPortfolio, input: InputTable, options: WriteOptions): Promise<WrittenWorkbook> {
  const plan = buildWorkbookPlan(portfolio, { lang: options.lang });
  const csvName = csvSheetName(input.path);
  const base = input.kind === "xlsx" ? input.bytes : csvWorkbook(input, csvName);
  const taken = input.kind === "xlsx" ? input.sheetNames : [csvName];
  const names = resolveSheetNames(plan, taken, options.replace);
  options.onWrite?.();
  const bytes = await writeXlsx(plan, { base, replace: options.replace });
  return { bytes, sheets: plan.sheets.map((s) => names.get(s.name) ?? s.name) };
}
