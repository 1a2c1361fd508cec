import type { SheetPlan, WorkbookPlan } from "./types";

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

/**
 * A CSV's rows put first in the written workbook (values only), so the file keeps the input beside the plan: the
 * command line and the wizard's file page both write a CSV's rows this way. The sheet is written like the plan's
 * sheets but must go without PAC Commercial's mark (pass `name` as the writer's `unmarked`): it is the user's
 * data, never replaced later. Its name avoids the plan's sheet names ("ventes (données)" when the file is named
 * like one of them).
 *
 * @param rows the rows as read, from row `firstRowNumber` (1-based); a cell that is not a string is left blank.
 */
export function withSourceRows(
  plan: WorkbookPlan,
  rows: readonly (readonly unknown[])[],
  firstRowNumber: number,
  wanted: string,
): { plan: WorkbookPlan; name: string } {
  const taken = new Set(plan.sheets.map((s) => s.name.toUpperCase()));
  const name = taken.has(wanted.toUpperCase()) ? `${wanted.slice(0, 22)} (données)` : wanted;
  const values = rows.map((row) => row.map((v) => (typeof v === "string" ? csvCellValue(v) : null)));
  const sheet: SheetPlan = { name, blocks: [{ row: firstRowNumber - 1, col: 0, values }], formats: [] };
  return { plan: { sheets: [sheet, ...plan.sheets] }, name };
}
