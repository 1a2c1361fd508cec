import { blockWidth, linesOf } from "../plan/rows";
import type { CellRange, CellStyle, ChartPlan, RowHeight, SheetPlan } from "../plan/types";
import { cellAddress } from "./addresses";
import { cellInput, isFormulaInput, type CellInput } from "./cellInput";
import { rewriteFormula, type Renames } from "./formulaRefs";
import type { Op } from "./ops";
import { chunkRows, OP_OVERHEAD_CHARS, uniformRowsPerChunk } from "./payload";

/** The worksheet a sheet plan is written to, known once the command that adds it has been queued. */
export interface SheetHandle {
  ws?: Excel.Worksheet;
}

export interface ChunkLimits {
  readonly maxChars: number;
  readonly maxRows: number;
}

export interface SheetOps {
  readonly values: Op[];
  /** Number formats, before tables and cell formats (see `numberFormatOps`). */
  readonly numberFormats: Op[];
  readonly tables: Op[];
  /** Cell formats other than number formats: font, fill, alignment, wrap, borders. */
  readonly formats: Op[];
  readonly features: Op[];
  /**
   * What must come after every other write of the sheet, in the last request: hiding it (Excel refuses to
   * activate a hidden sheet) and protecting it (a protected sheet refuses further formats).
   */
  readonly closing: Op[];
  /** Whether the sheet holds formulas (so it is marked for recalculation when calculation was suspended). */
  readonly hasFormulas: boolean;
  /** Rows × columns that hold the plan's blocks. */
  readonly extent: { readonly rows: number; readonly cols: number };
}

function worksheet(handle: SheetHandle): Excel.Worksheet {
  if (!handle.ws) throw new Error("sheetOps: the worksheet is used before the command that adds it");
  return handle.ws;
}

function rangeOf(handle: SheetHandle, r: CellRange): Excel.Range {
  return worksheet(handle).getRangeByIndexes(r.row, r.col, r.rows, r.cols);
}

/**
 * Excel column width in points for a width in characters of the default font (Calibri 11, as exceljs counts
 * them): 7 pixels per character plus 5 pixels of padding, at 0.75 point per pixel.
 */
export function characterWidthToPoints(chars: number): number {
  if (chars <= 0) return 0;
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

function hasCellFormat(style: CellStyle): boolean {
  return (
    style.bold !== undefined ||
    style.italic !== undefined ||
    style.fontSize !== undefined ||
    style.fontColor !== undefined ||
    style.fill !== undefined ||
    style.horizontal !== undefined ||
    style.vertical !== undefined ||
    style.wrap !== undefined ||
    style.border !== undefined
  );
}

/** Everything of a style but its number format (which is a 2-D array, sent apart and chunked). */
function applyCellFormat(range: Excel.Range, rows: number, cols: number, style: CellStyle): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontColor !== undefined) f.font.color = style.fontColor;
  if (style.fill !== undefined) f.fill.color = style.fill;
  if (style.horizontal !== undefined) f.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical !== undefined) f.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.border !== undefined) {
    const weight = style.border === "thin" ? "Thin" : "Medium";
    const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical")[] = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
    ];
    if (rows > 1) edges.push("InsideHorizontal");
    if (cols > 1) edges.push("InsideVertical");
    for (const edge of edges) {
      const border = f.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = weight;
    }
  }
}

/** Excel's largest row height, in points. */
export const MAX_ROW_HEIGHT = 409;

/** Consecutive rows of one height: `rows` rows from `row` (0-based). */
export interface RowHeightRun {
  readonly row: number;
  readonly rows: number;
  readonly height: number;
}

/**
 * A plan's row heights as runs of consecutive rows of equal height, in row order, so that each run is one
 * `format.rowHeight` command instead of one per row. A row given twice keeps its last height, as in the
 * .xlsx writer (which assigns them in plan order).
 * @example rowHeightRuns([{ row: 3, height: 20 }, { row: 4, height: 20 }, { row: 6, height: 20 }])
 * // [{ row: 3, rows: 2, height: 20 }, { row: 6, rows: 1, height: 20 }]
 */
export function rowHeightRuns(heights: readonly RowHeight[]): RowHeightRun[] {
  const byRow = new Map<number, number>();
  for (const h of heights) byRow.set(h.row, h.height);
  const runs: { row: number; rows: number; height: number }[] = [];
  for (const [row, height] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.row + last.rows === row && last.height === height) last.rows++;
    else runs.push({ row, rows: 1, height });
  }
  return runs;
}

/**
 * The rows (0-based) to put a manual page break before: each once, in order, without row 0 (the first page
 * starts there anyway; the .xlsx writer skips it too).
 */
export function pageBreakRows(rows: readonly number[]): number[] {
  return [...new Set(rows)].filter((r) => r > 0).sort((a, b) => a - b);
}

/** `="A"`: the text-equals condition of a cell-value rule, quotes doubled. */
export function textEqualsFormula(text: string): string {
  return `="${text.replace(/"/g, '""')}"`;
}

function addChart(handle: SheetHandle, chart: ChartPlan): void {
  const ws = worksheet(handle);
  const [first, second] = chart.series;
  // Empty titles are no titles, as in the .xlsx writer.
  const titles = chart.axisTitles ?? {};
  let added: Excel.Chart;
  switch (chart.kind) {
    case "pareto": {
      // Bars on the primary axis, the cumulative share as a line on a secondary axis scaled 0..100 %.
      added = ws.charts.add("ColumnClustered", rangeOf(handle, first.values), "Columns");
      const bars = added.series.getItemAt(0);
      bars.name = first.name;
      const line = added.series.add(second.name);
      line.chartType = "Line";
      line.axisGroup = "Secondary";
      line.setValues(rangeOf(handle, second.values));
      if (chart.categories) {
        bars.setXAxisValues(rangeOf(handle, chart.categories));
        line.setXAxisValues(rangeOf(handle, chart.categories));
      }
      const third = chart.series[2];
      if (third) {
        // The 80 % reference: a dashed grey line on the share axis, as in the .xlsx writer.
        const threshold = added.series.add(third.name);
        threshold.chartType = "Line";
        threshold.axisGroup = "Secondary";
        threshold.setValues(rangeOf(handle, third.values));
        if (chart.categories) threshold.setXAxisValues(rangeOf(handle, chart.categories));
        threshold.markerStyle = "None";
        threshold.format.line.color = "#7F7F7F";
        threshold.format.line.lineStyle = "Dash";
      }
      const share = added.axes.getItem("Value", "Secondary");
      share.minimum = 0;
      share.maximum = 1;
      share.numberFormat = "0%";
      if (titles.x) added.axes.categoryAxis.title.text = titles.x;
      if (titles.y) added.axes.valueAxis.title.text = titles.y;
      if (titles.y2) share.title.text = titles.y2;
      added.legend.position = "Bottom";
      break;
    }
    case "prMatrix": {
      // One point per client: x = P rank (series 0), y = R rank (series 1).
      added = ws.charts.add("XYScatter", rangeOf(handle, second.values), "Columns");
      const points = added.series.getItemAt(0);
      points.name = chart.title;
      points.setXAxisValues(rangeOf(handle, first.values));
      points.setValues(rangeOf(handle, second.values));
      // The plan's axis titles; without them, the series names (P rank, R rank).
      added.axes.categoryAxis.title.text = titles.x || first.name;
      added.axes.valueAxis.title.text = titles.y || second.name;
      added.legend.visible = false;
      break;
    }
    default: {
      const never: never = chart.kind;
      throw new TypeError(`addChart: unknown chart kind ${String(never)}`);
    }
  }
  added.title.text = chart.title;
  const a = chart.anchor;
  added.setPosition(cellAddress(a.row, a.col), cellAddress(a.row + a.rows - 1, a.col + a.cols - 1));
}

/** Above this many JSON characters, a number format is set on the first row and filled down (see below). */
export const FILL_DOWN_ABOVE_CHARS = 20_000;

/**
 * The commands that give `range` one number format. `numberFormat` takes a 2-D array as large as the range,
 * which for a column of 100 000 clients weighs more than a megabyte; above `FILL_DOWN_ABOVE_CHARS` the format
 * is set on the first row only and filled down with `autoFill(…, "FillFormats")`. That copies every format of
 * the first row, which is why number formats are applied before tables and every other cell format: at that
 * point the first row holds nothing but the number formats of the rules so far, and this rule overwrites
 * its own cells' one.
 */
function numberFormatOps(handle: SheetHandle, range: CellRange, numberFormat: string, limits: ChunkLimits): Op[] {
  const row = new Array<string>(range.cols).fill(numberFormat);
  const rowJson = JSON.stringify(row).length;
  const wholeJson = range.rows * (rowJson + 1) + 1;
  if (range.rows > 1 && wholeJson > FILL_DOWN_ABOVE_CHARS) {
    return [
      {
        chars: rowJson + OP_OVERHEAD_CHARS * 2,
        chunkChars: rowJson + 2,
        apply: () => {
          const first = worksheet(handle).getRangeByIndexes(range.row, range.col, 1, range.cols);
          first.numberFormat = [row];
          first.autoFill(rangeOf(handle, range), "FillFormats");
        },
      },
    ];
  }
  const ops: Op[] = [];
  const perChunk = uniformRowsPerChunk(rowJson, limits.maxChars, limits.maxRows);
  for (let start = 0; start < range.rows; start += perChunk) {
    const n = Math.min(perChunk, range.rows - start);
    const chars = n * (rowJson + 1) + 1;
    ops.push({
      chars: chars + OP_OVERHEAD_CHARS,
      chunkChars: chars,
      apply: () => {
        const target = worksheet(handle).getRangeByIndexes(range.row + start, range.col, n, range.cols);
        target.numberFormat = Array.from({ length: n }, () => row);
      },
    });
  }
  return ops;
}

/** Small commands (formats, features) are priced at a few envelopes each. */
const SMALL = OP_OVERHEAD_CHARS * 4;

/**
 * The commands that write one sheet plan to `handle.ws`, grouped by phase so that the caller queues every
 * sheet's values before any format: values (chunked `values`, or `formulas` for chunks holding a formula),
 * number formats, tables, cell formats, then the other features.
 */
export function buildSheetOps(
  plan: SheetPlan,
  handle: SheetHandle,
  renames: Renames,
  limits: ChunkLimits,
  tableName: (planned: string) => string,
): SheetOps {
  const rewrite = (formula: string): string => rewriteFormula(formula, renames);
  const values: Op[] = [];
  let hasFormulas = false;
  let extentRows = 0;
  let extentCols = 0;

  for (const block of plan.blocks) {
    const width = blockWidth(block);
    if (block.values.length === 0 || width === 0) continue;
    extentRows = Math.max(extentRows, block.row + block.values.length);
    extentCols = Math.max(extentCols, block.col + width);
    const rows: CellInput[][] = linesOf(block.values).map((row) => {
      // Rows made when read (a RowSource) are checked here, as they are made: Excel refuses a ragged array.
      if (row.length !== width) throw new TypeError(`applyWorkbookPlan: sheet "${plan.name}": a row of ${row.length} cells in a block ${width} wide`);
      return row.map((v) => cellInput(v, rewrite));
    });
    for (const chunk of chunkRows(rows, limits.maxChars, limits.maxRows)) {
      const withFormulas = chunk.rows.some((row) => row.some(isFormulaInput));
      hasFormulas ||= withFormulas;
      values.push({
        chars: chunk.chars + OP_OVERHEAD_CHARS,
        chunkChars: chunk.chars,
        apply: () => {
          const range = worksheet(handle).getRangeByIndexes(block.row + chunk.start, block.col, chunk.rows.length, width);
          // `formulas` takes constants as typed input too, so one array carries a mixed chunk.
          if (withFormulas) range.formulas = chunk.rows;
          else range.values = chunk.rows;
        },
      });
    }
  }

  const tables: Op[] = (plan.tables ?? []).map((t) => ({
    chars: SMALL,
    apply: () => {
      const table = worksheet(handle).tables.add(rangeOf(handle, t.range), true);
      table.name = tableName(t.name);
      if (t.style !== undefined) table.style = t.style;
    },
  }));

  const numberFormats: Op[] = [];
  const formats: Op[] = [];
  for (const rule of plan.formats) {
    const { range, style } = rule;
    if (hasCellFormat(style)) {
      formats.push({ chars: SMALL, apply: () => applyCellFormat(rangeOf(handle, range), range.rows, range.cols, style) });
    }
    if (style.numberFormat !== undefined) numberFormats.push(...numberFormatOps(handle, range, style.numberFormat, limits));
  }

  const features: Op[] = [];
  const widths = plan.columnWidths ?? [];
  for (let c = 0; c < widths.length; ) {
    let end = c + 1;
    while (end < widths.length && widths[end] === widths[c]) end++;
    const [from, count, points] = [c, end - c, characterWidthToPoints(widths[c])];
    features.push({ chars: SMALL, apply: () => (worksheet(handle).getRangeByIndexes(0, from, 1, count).format.columnWidth = points) });
    c = end;
  }
  // Heights in points, like `format.rowHeight`; a one-column range sets the height of its whole rows.
  for (const run of rowHeightRuns(plan.rowHeights ?? [])) {
    features.push({ chars: SMALL, apply: () => (worksheet(handle).getRangeByIndexes(run.row, 0, run.rows, 1).format.rowHeight = run.height) });
  }
  for (const m of plan.merges ?? []) features.push({ chars: SMALL, apply: () => rangeOf(handle, m).merge(false) });
  for (const c of plan.conditional ?? []) {
    features.push({
      chars: SMALL,
      apply: () => {
        const rule = rangeOf(handle, c.range).conditionalFormats.add("CellValue");
        rule.cellValue.format.fill.color = c.fill;
        if (c.fontColor !== undefined) rule.cellValue.format.font.color = c.fontColor;
        rule.cellValue.rule = { formula1: textEqualsFormula(c.equals), operator: "EqualTo" };
      },
    });
  }
  const freeze = plan.freeze;
  if (freeze && (freeze.rows > 0 || freeze.cols > 0)) {
    features.push({
      chars: SMALL,
      apply: () => {
        const panes = worksheet(handle).freezePanes;
        if (freeze.rows > 0 && freeze.cols > 0) panes.freezeAt(worksheet(handle).getRangeByIndexes(0, 0, freeze.rows, freeze.cols));
        else if (freeze.rows > 0) panes.freezeRows(freeze.rows);
        else panes.freezeColumns(freeze.cols);
      },
    });
  }
  const print = plan.print;
  if (print) {
    features.push({
      chars: SMALL,
      apply: () => {
        const layout = worksheet(handle).pageLayout;
        layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
        layout.paperSize = print.paper;
        // Fit the width only: leaving verticalFitToPages unset prints as many pages tall as needed.
        layout.zoom = { horizontalFitToPages: print.fitToPagesWide };
        layout.setPrintArea(rangeOf(handle, print.area));
        if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows[0] + 1}:$${print.titleRows[1] + 1}`);
      },
    });
    // Manual page breaks (ExcelApi 1.9, below the 1.12 this writer requires): `add` puts the break before the
    // top-left cell of the range it is given, so the given row starts a new printed page.
    const breaks = pageBreakRows(print.rowBreaks ?? []);
    if (breaks.length > 0) {
      features.push({
        chars: OP_OVERHEAD_CHARS * (1 + breaks.length),
        apply: () => {
          const ws = worksheet(handle);
          for (const row of breaks) ws.horizontalPageBreaks.add(ws.getRangeByIndexes(row, print.area.col, 1, 1));
        },
      });
    }
  }
  for (const n of plan.names ?? []) {
    // Worksheet scope: a second copy of the sheet ("PAC (2)") gets its own parameters, and no name of the
    // user's workbook is ever touched.
    features.push({
      chars: SMALL,
      apply: () => {
        worksheet(handle).names.add(n.name, rangeOf(handle, { row: n.row, col: n.col, rows: 1, cols: 1 }));
      },
    });
  }
  for (const e of plan.editable ?? []) {
    features.push({ chars: SMALL, apply: () => (rangeOf(handle, e).format.protection.locked = false) });
  }
  const tabColor = plan.tabColor;
  if (tabColor !== undefined) features.push({ chars: SMALL, apply: () => (worksheet(handle).tabColor = tabColor) });
  for (const chart of plan.charts ?? []) features.push({ chars: SMALL * 2, apply: () => addChart(handle, chart) });
  for (const g of plan.columnGroups ?? []) {
    // Outline of whole columns (ExcelApi 1.10), collapsed when hidden: helper calculations out of sight.
    features.push({
      chars: SMALL,
      apply: () => {
        const columns = rangeOf(handle, { row: 0, col: g.col, rows: 1, cols: g.cols }).getEntireColumn();
        columns.group("ByColumns");
        if (g.hidden) columns.hideGroupDetails("ByColumns");
      },
    });
  }

  for (const c of plan.formulaColours ?? []) {
    // A "Custom" rule (ExcelApi 1.6): the formula is written for the range's top-left cell, as in the file.
    const formula = `=${rewrite(c.formula)}`;
    features.push({
      chars: SMALL + formula.length,
      apply: () => {
        const rule = rangeOf(handle, c.range).conditionalFormats.add("Custom");
        rule.custom.rule.formula = formula;
        rule.custom.format.fill.color = c.fill;
        if (c.fontColor !== undefined) rule.custom.format.font.color = c.fontColor;
      },
    });
  }
  for (const v of plan.validations ?? []) {
    // A list rule (ExcelApi 1.8); empty alert texts let Excel show its own message, in the user's language.
    const source = `=${rewrite(v.source)}`;
    features.push({
      chars: SMALL + source.length + (v.prompt ? v.prompt.title.length + v.prompt.text.length : 0),
      apply: () => {
        const validation = rangeOf(handle, v.range).dataValidation;
        validation.ignoreBlanks = true;
        validation.rule = { list: { inCellDropDown: true, source } };
        validation.errorAlert = { showAlert: true, style: v.allowOther === true ? "Warning" : "Stop", title: "", message: "" };
        if (v.prompt) validation.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
      },
    });
  }

  const closing: Op[] = [];
  const visibility = plan.visibility ?? "visible";
  if (visibility !== "visible") {
    closing.push({ chars: SMALL, apply: () => (worksheet(handle).visibility = visibility === "hidden" ? "Hidden" : "VeryHidden") });
  }
  const protection = plan.protection;
  if (protection) {
    // Sheet protection (ExcelApi 1.2, its password 1.7): locked cells refuse edits, `editable` ones stay open.
    closing.push({ chars: SMALL, apply: () => worksheet(handle).protection.protect(undefined, protection.password) });
  }

  return { values, numberFormats, tables, formats, features, closing, hasFormulas, extent: { rows: extentRows, cols: extentCols } };
}
