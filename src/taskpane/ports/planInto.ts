import type ExcelJS from "exceljs";
import { isFormulaCell, renameSheetsInPlan, resolveSheetNames } from "../../plan";
import type { CellStyle, PlanValue, WorkbookPlan } from "../../plan/types";

/*
 * TEMPORARY stand-in for src/xlsx's writeXlsx (not written yet): values, formulas with their cached results,
 * column widths, merges, freeze panes and the basic cell styles. Charts, tables, conditional colours and print
 * settings wait for src/xlsx; swap `writePlanInto` for it in filePort.ts once it lands.
 */

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

function cellValue(value: PlanValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (isFormulaCell(value)) {
    return value.result !== undefined ? { formula: value.formula, result: value.result } : { formula: value.formula };
  }
  // Plain strings stay text, even "=…": exceljs writes a string as a shared string, never as a formula.
  return value;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold || style.italic || style.fontSize || style.fontColor) {
    cell.font = {
      ...cell.font,
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
      ...(style.fontSize ? { size: style.fontSize } : {}),
      ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
    };
  }
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.numberFormat) cell.numFmt = style.numberFormat;
  if (style.horizontal || style.vertical || style.wrap) {
    cell.alignment = {
      ...cell.alignment,
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
    };
  }
  if (style.border) {
    const side = { style: style.border } as const;
    cell.border = { top: side, left: side, bottom: side, right: side };
  }
}

/**
 * Writes the plan's sheets into `workbook`. A taken name gives "Name (2)" unless `replace`, which drops the
 * older sheet of that name — except the sheets in `keep` (those the wizard read), which are never touched.
 * Returns the names written, in plan order.
 */
export async function writePlanInto(
  plan: WorkbookPlan,
  workbook: ExcelJS.Workbook,
  options: { readonly replace: boolean; readonly keep: ReadonlySet<string> },
): Promise<readonly string[]> {
  const keep = new Set([...options.keep].map((n) => n.toLocaleUpperCase("fr-FR")));
  const planned = new Set(plan.sheets.map((s) => s.name.toLocaleUpperCase("fr-FR")));
  if (options.replace) {
    for (const sheet of [...workbook.worksheets]) {
      const key = sheet.name.toLocaleUpperCase("fr-FR");
      if (planned.has(key) && !keep.has(key)) workbook.removeWorksheet(sheet.id);
    }
  }
  const taken = workbook.worksheets.map((s) => s.name);
  const names = resolveSheetNames(plan, taken, false);
  const renamed = renameSheetsInPlan(plan, names);
  const written: string[] = [];
  for (const sheetPlan of renamed.sheets) {
    const sheet = workbook.addWorksheet(sheetPlan.name, sheetPlan.tabColor ? { properties: { tabColor: { argb: argb(sheetPlan.tabColor) } } } : {});
    for (const block of sheetPlan.blocks) {
      block.values.forEach((row, r) => {
        row.forEach((value, c) => {
          if (value === null) return;
          sheet.getCell(block.row + r + 1, block.col + c + 1).value = cellValue(value);
        });
      });
    }
    for (const rule of sheetPlan.formats) {
      const { row, col, rows, cols } = rule.range;
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) applyStyle(sheet.getCell(row + r + 1, col + c + 1), rule.style);
    }
    sheetPlan.columnWidths?.forEach((width, c) => {
      sheet.getColumn(c + 1).width = width;
    });
    for (const m of sheetPlan.merges ?? []) sheet.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
    for (const h of sheetPlan.rowHeights ?? []) sheet.getRow(h.row + 1).height = h.height;
    if (sheetPlan.freeze) sheet.views = [{ state: "frozen", xSplit: sheetPlan.freeze.cols, ySplit: sheetPlan.freeze.rows }];
    written.push(sheetPlan.name);
  }
  return written;
}
