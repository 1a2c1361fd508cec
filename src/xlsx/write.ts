import ExcelJS from "exceljs";
import { cellAddress, isFormulaCell, quoteSheet, rangeAddress } from "../plan/cells";
import { renameSheetsInPlan, resolveSheetNames } from "../plan/sheetNames";
import type { CellRange, CellStyle, PlanValue, SheetPlan, WorkbookPlan } from "../plan/types";
import type { BulkRun } from "./bulkRows";
import { finishParts, zipParts, type SheetCharts, type TableRef } from "./charts";
import { cleanWorkbookPlan, type WriteRemark } from "./cleanPlan";
import { graftSheets, inspectBase, keptNames, markedSheets, markPlanSheets } from "./graft";

export interface WriteXlsxOptions {
  /**
   * A workbook to add the sheets to (an exceljs Workbook, or the bytes of an .xlsx file). It is never modified:
   * its parts are copied as they are and the plan's sheets are added after its sheets.
   */
  readonly base?: ExcelJS.Workbook | Uint8Array;
  /**
   * Replace the base's sheets that have the plan's names and that PAC Commercial wrote (they carry
   * `SHEET_MARK`); a user's own sheet of that name is kept and the plan's sheet written as "PAC (2)"… Default:
   * replace nothing.
   */
  readonly replace?: boolean;
  /** Base sheets never replaced, whatever `replace` says (case-insensitive): the sheets the caller read. */
  readonly keep?: Iterable<string>;
  /**
   * Plan sheets written without PAC Commercial's mark: the user's data the caller puts in the plan (a CSV's
   * rows), which a later `replace` must never drop.
   */
  readonly unmarked?: Iterable<string>;
}

/** exceljs's default font (styles.xml), kept for every styled cell. */
const DEFAULT_FONT = "Calibri";
const DEFAULT_FONT_SIZE = 11;

/** "#1F4E79" → "FF1F4E79" (exceljs ARGB). */
function argb(colour: string): string {
  return `FF${colour.replace(/^#/, "").toUpperCase()}`;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function forEachCell(range: CellRange, fn: (row: number, col: number) => void): void {
  for (let r = range.row; r < range.row + range.rows; r++) {
    for (let c = range.col; c < range.col + range.cols; c++) fn(r, c);
  }
}

/** Blocks of at least this many rows are written as XML after exceljs (see `bulkRows`). */
export const BULK_MIN_ROWS = 64;

/** Rows written as XML: row `from`…`to` (0-based, inclusive) of columns `col`…`col + cols − 1`. */
interface BulkArea {
  readonly from: number;
  readonly to: number;
  readonly col: number;
  readonly cols: number;
}

function intersects(a: CellRange, top: number, bottom: number, left: number, right: number): boolean {
  return a.row <= bottom && a.row + a.rows - 1 >= top && a.col <= right && a.col + a.cols - 1 >= left;
}

/**
 * The runs of a sheet's large blocks that can be written as XML: cut at every row where a format rule
 * starts or ends, so each run's rows share its first row's styles. A block touched by a merge, an editable
 * range, a row height or another block stays with exceljs.
 */
function bulkRuns(sheet: SheetPlan): { runs: BulkRun[]; areas: BulkArea[] } {
  const runs: BulkRun[] = [];
  const areas: BulkArea[] = [];
  for (const block of sheet.blocks) {
    const rows = block.values.length;
    if (rows < BULK_MIN_ROWS) continue;
    const top = block.row;
    const bottom = top + rows - 1;
    let left = block.col;
    let right = left + (block.values[0]?.length ?? 0) - 1;
    // Formats that reach past the block's columns in its rows widen the run (blank, styled cells there).
    for (const f of sheet.formats) {
      if (!intersects(f.range, top, bottom, -Infinity, Infinity)) continue;
      left = Math.min(left, f.range.col);
      right = Math.max(right, f.range.col + f.range.cols - 1);
    }
    const special = [...(sheet.merges ?? []), ...(sheet.editable ?? []), ...(sheet.rowHeights ?? []).map((h) => ({ row: h.row, col: left, rows: 1, cols: 1 }))];
    if (special.some((a) => intersects(a, top, bottom, left, right))) continue;
    if (sheet.blocks.some((b) => b !== block && writesInto(b, top, bottom, left, right))) continue;
    const cuts = new Set<number>([top, bottom + 1]);
    for (const f of sheet.formats) {
      if (!intersects(f.range, top, bottom, left, right)) continue;
      if (f.range.row > top) cuts.add(f.range.row);
      if (f.range.row + f.range.rows <= bottom) cuts.add(f.range.row + f.range.rows);
    }
    const bounds = [...cuts].sort((a, b) => a - b);
    for (let k = 0; k + 1 < bounds.length; k++) {
      const first = bounds[k];
      const last = bounds[k + 1] - 1;
      if (last <= first) continue;
      const pad = (line: readonly PlanValue[]): PlanValue[] => [
        ...new Array<PlanValue>(block.col - left).fill(null),
        ...line,
        ...new Array<PlanValue>(right - (block.col + line.length - 1)).fill(null),
      ];
      const slice = block.values.slice(first + 1 - top, last + 1 - top);
      runs.push({ templateRow: first, col: left, rows: left === block.col && right === block.col + (block.values[0]?.length ?? 0) - 1 ? slice : slice.map(pad) });
      areas.push({ from: first + 1, to: last, col: left, cols: right - left + 1 });
    }
  }
  return { runs, areas };
}

/** Whether `block` has a value inside the given rows and columns. */
function writesInto(block: SheetPlan["blocks"][number], top: number, bottom: number, left: number, right: number): boolean {
  const from = Math.max(top, block.row);
  const to = Math.min(bottom, block.row + block.values.length - 1);
  for (let r = from; r <= to; r++) {
    const line = block.values[r - block.row];
    for (let c = Math.max(left, block.col); c <= Math.min(right, block.col + line.length - 1); c++) if (line[c - block.col] !== null) return true;
  }
  return false;
}

/** Calls `fn` for the cells of `range` that exceljs writes (those outside the bulk areas). */
function forEachWrittenCell(range: CellRange, areas: readonly BulkArea[], fn: (row: number, col: number) => void): void {
  for (let r = range.row; r < range.row + range.rows; r++) {
    const area = areas.find((a) => r >= a.from && r <= a.to && range.col >= a.col && range.col + range.cols <= a.col + a.cols);
    if (area) {
      r = Math.min(area.to, range.row + range.rows - 1);
      continue;
    }
    for (let c = range.col; c < range.col + range.cols; c++) {
      if (!areas.some((a) => r >= a.from && r <= a.to && c >= a.col && c < a.col + a.cols)) fn(r, c);
    }
  }
}

/** Text is always text: exceljs writes a string as a string cell, never as a formula. */
function excelValue(value: PlanValue): ExcelJS.CellValue | undefined {
  if (value === null) return undefined;
  if (isFormulaCell(value)) {
    return value.result === undefined
      ? ({ formula: value.formula } as ExcelJS.CellFormulaValue)
      : ({ formula: value.formula, result: value.result } as ExcelJS.CellFormulaValue);
  }
  return value;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold !== undefined || style.italic !== undefined || style.fontSize !== undefined || style.fontColor !== undefined) {
    // A font without name and size makes readers fall back to their own default face: always write both.
    const font: Partial<ExcelJS.Font> = { name: DEFAULT_FONT, family: 2, size: style.fontSize ?? DEFAULT_FONT_SIZE };
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    if (style.fontColor !== undefined) font.color = { argb: argb(style.fontColor) };
    cell.font = font;
  }
  if (style.fill !== undefined) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.numberFormat !== undefined) cell.numFmt = style.numberFormat;
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.horizontal !== undefined) alignment.horizontal = style.horizontal;
  if (style.vertical !== undefined) alignment.vertical = style.vertical;
  if (style.wrap !== undefined) alignment.wrapText = style.wrap;
  if (Object.keys(alignment).length > 0) cell.alignment = alignment;
  if (style.border !== undefined) {
    const side: Partial<ExcelJS.Border> = { style: style.border, color: { argb: "FFBFBFBF" } };
    cell.border = { top: side, left: side, bottom: side, right: side };
  }
}

/** The styles of the sheet, merged per cell in rule order (a later rule overrides the properties it sets). */
function mergedStyles(sheet: SheetPlan, areas: readonly BulkArea[]): Map<number, Mutable<CellStyle>> {
  const styles = new Map<number, Mutable<CellStyle>>();
  for (const rule of sheet.formats) {
    forEachWrittenCell(rule.range, areas, (r, c) => {
      const k = r * 16384 + c;
      const current = styles.get(k);
      styles.set(k, current ? Object.assign(current, rule.style) : { ...rule.style });
    });
  }
  return styles;
}

/** A name not yet used in `taken` (case-insensitive): `name`, else `name_2`, `name_3`… */
function freeName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let k = 2; taken.has(candidate.toUpperCase()); k++) candidate = `${name}_${k}`;
  taken.add(candidate.toUpperCase());
  return candidate;
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: SheetPlan, names: Set<string>, tables: Set<string>): { runs: BulkRun[]; widen: TableRef[] } {
  const { runs, areas } = bulkRuns(sheet);
  const widen: TableRef[] = [];
  const bulk = (r: number, c: number): boolean => areas.some((a) => r >= a.from && r <= a.to && c >= a.col && c < a.col + a.cols);
  const ws = workbook.addWorksheet(sheet.name, {
    state: sheet.visibility ?? "visible",
    properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    views: sheet.freeze ? [{ state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }] : [{}],
  });
  sheet.columnWidths?.forEach((width, c) => {
    ws.getColumn(c + 1).width = width;
  });
  for (const block of sheet.blocks) {
    block.values.forEach((line, i) => {
      if (line.length > 0 && bulk(block.row + i, block.col)) return;
      const row = ws.getRow(block.row + i + 1);
      line.forEach((value, j) => {
        const v = excelValue(value);
        if (v !== undefined) row.getCell(block.col + j + 1).value = v;
      });
    });
  }
  for (const [k, style] of mergedStyles(sheet, areas)) {
    applyStyle(ws.getCell(Math.floor(k / 16384) + 1, (k % 16384) + 1), style);
  }
  for (const m of sheet.merges ?? []) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  for (const h of sheet.rowHeights ?? []) ws.getRow(h.row + 1).height = h.height;
  for (const area of sheet.editable ?? []) {
    forEachCell(area, (r, c) => {
      ws.getCell(r + 1, c + 1).protection = { locked: false };
    });
  }
  for (const table of sheet.tables ?? []) {
    const { row, col, rows, cols } = table.range;
    const headerRow = ws.getRow(row + 1);
    const columns = Array.from({ length: cols }, (_, j) => ({ name: String(headerRow.getCell(col + j + 1).value ?? `Col${j + 1}`), filterButton: true }));
    // exceljs gets the rows up to the last one it writes; the finishing pass widens the table over the rest.
    let written = rows - 1;
    while (written > 0 && bulk(row + written, col)) written--;
    const data = Array.from({ length: Math.max(written, 1) }, (_, i) => {
      if (bulk(row + i + 1, col)) return [];
      const line = ws.getRow(row + i + 2);
      return Array.from({ length: cols }, (_, j) => line.getCell(col + j + 1).value);
    });
    const name = freeName(table.name, tables);
    if (written < rows - 1) widen.push({ name, ref: rangeAddress(table.range, false).replace(/\$/g, "") });
    ws.addTable({
      name,
      ref: cellAddress(row, col, false),
      headerRow: true,
      totalsRow: false,
      style: { theme: (table.style ?? "TableStyleLight9") as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns,
      rows: data,
    });
  }
  (sheet.conditional ?? []).forEach((rule, k) => {
    ws.addConditionalFormatting({
      ref: rangeAddress(rule.range, false),
      rules: [
        {
          type: "cellIs",
          operator: "equal",
          priority: k + 1,
          formulae: [`"${rule.equals.replace(/"/g, '""')}"`],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.fill) } },
            ...(rule.fontColor ? { font: { color: { argb: argb(rule.fontColor) } } } : {}),
          },
        },
      ],
    });
  });
  const cfBase = (sheet.conditional ?? []).length;
  (sheet.formulaColours ?? []).forEach((rule, k) => {
    ws.addConditionalFormatting({
      ref: rangeAddress(rule.range, false),
      rules: [
        {
          type: "expression",
          priority: cfBase + k + 1,
          formulae: [rule.formula],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.fill) } },
            ...(rule.fontColor ? { font: { color: { argb: argb(rule.fontColor) } } } : {}),
          },
        },
      ],
    });
  });
  // exceljs has a range-wide `dataValidations.add` its typings leave out.
  const validations = (ws as unknown as { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of sheet.validations ?? []) {
    validations.add(rangeAddress(v.range, false), {
      type: "list",
      allowBlank: true,
      formulae: [v.source],
      showErrorMessage: true,
      errorStyle: v.allowOther === true ? "warning" : "stop",
      ...(v.prompt ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.text } : {}),
    });
  }
  if (sheet.print) {
    const p = sheet.print;
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: p.orientation,
      paperSize: 9,
      fitToPage: true,
      fitToWidth: p.fitToPagesWide,
      fitToHeight: 0,
      // exceljs prefixes each corner with "$": "A$1" becomes the fully absolute "$A$1" Excel and LibreOffice expect.
      printArea: `${cellAddress(p.area.row, p.area.col).slice(1)}:${cellAddress(p.area.row + p.area.rows - 1, p.area.col + p.area.cols - 1).slice(1)}`,
      ...(p.titleRows ? { printTitlesRow: `${p.titleRows[0] + 1}:${p.titleRows[1] + 1}` } : {}),
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
    };
    // exceljs puts a break below the row it is given: below the row before each page's first row.
    for (const first of p.rowBreaks ?? []) if (first > 0) ws.getRow(first).addPageBreak();
  }
  for (const named of sheet.names ?? []) {
    workbook.definedNames.add(`${quoteSheet(sheet.name)}!${cellAddress(named.row, named.col)}`, freeName(named.name, names));
  }
  return { runs, widen };
}

/** Upper-case, as sheet, defined and table names compare in Excel. */
function upper(names: Iterable<string>): Set<string> {
  return new Set([...names].map((n) => n.toUpperCase()));
}

/** exceljs's `writeBuffer` result (a Buffer in Node, an ArrayBuffer-like elsewhere) as bytes. */
function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** An .xlsx package and the names its plan sheets were written under. */
export interface WrittenXlsx {
  readonly bytes: Uint8Array;
  /** The written name of each plan sheet, in plan order ("PAC (2)" when "PAC" was taken and kept). */
  readonly sheetNames: readonly string[];
  /** The base's sheets dropped because `replace` was asked and PAC Commercial had written them. */
  readonly replacedSheets: readonly string[];
  /** The base's sheets with a plan sheet's name that `replace` did not drop: the user's own (or read) sheets. */
  readonly keptSheets: readonly string[];
  /** What the writer changed so the file stays valid (forbidden characters, long texts, macros left out). */
  readonly remarks: readonly WriteRemark[];
}

/**
 * Writes a workbook plan to .xlsx bytes with exceljs. With a base workbook, the plan's sheets are written alone
 * and grafted into the base's package after its sheets (see `graft`): the base's own parts are copied byte for
 * byte, so its sheets are never modified — charts, pivot tables and all — and a large base costs no round trip
 * through exceljs. A sheet name already taken gets " (2)", " (3)"… (the plan's formulas follow), unless
 * `replace` drops the base's sheet of that name first (never one named in `keep`); defined names and table
 * names already taken get "_2", "_3"… Charts, which exceljs cannot write, are added as DrawingML parts; tables
 * of many rows are written as XML after exceljs (see `bulkRows`). Runs in Node and in the browser (no Node
 * module, no Buffer).
 *
 * @throws Error when the base cannot be read as an .xlsx package.
 */
export async function writeXlsxPackage(plan: WorkbookPlan, options: WriteXlsxOptions = {}): Promise<WrittenXlsx> {
  const replace = options.replace === true;
  const cleaned = cleanWorkbookPlan(plan);
  const remarks: WriteRemark[] = [...cleaned.remarks];
  // An exceljs workbook is serialised first: the caller's object is never touched.
  const base = options.base === undefined ? undefined : options.base instanceof Uint8Array ? options.base : toBytes(await options.base.xlsx.writeBuffer());
  const info = base ? await inspectBase(base) : undefined;
  const baseSheets = info?.sheets ?? [];
  const planNames = upper(cleaned.plan.sheets.map((s) => s.name));
  const keep = upper(options.keep ?? []);
  const colliding = baseSheets.filter((s) => planNames.has(s.toUpperCase()));
  // An earlier run may have written "Cibles (2)" beside a user's "Cibles": replacing drops it too (if marked).
  const variant = (s: string): boolean => {
    const m = /^(.*) \((\d+)\)$/.exec(s);
    return m !== null && planNames.has(m[1].toUpperCase());
  };
  const candidates = upper(baseSheets.filter((s) => (planNames.has(s.toUpperCase()) || variant(s)) && !keep.has(s.toUpperCase())));
  const replaced = replace && base ? await markedSheets(base, candidates) : new Set<string>();
  const renames = resolveSheetNames(
    cleaned.plan,
    baseSheets.filter((s) => !replaced.has(s.toUpperCase())),
    false,
  );
  const sheetNames = cleaned.plan.sheets.map((s) => renames.get(s.name) ?? s.name);
  const written = renameSheetsInPlan(cleaned.plan, renames);
  const kept = info ? keptNames(info, replaced) : { definedNames: [], tables: [] };
  const names = upper(kept.definedNames);
  const tables = upper(kept.tables);

  const visible = written.sheets.findIndex((s) => (s.visibility ?? "visible") === "visible");
  if (visible < 0 && !base) throw new TypeError("writeXlsx: every sheet of the plan is hidden, and a workbook needs one visible sheet");
  const workbook = new ExcelJS.Workbook();
  // Excel opens on the active tab: never a hidden one.
  if (visible > 0) workbook.views = [{ x: 0, y: 0, width: 12000, height: 9000, firstSheet: 0, activeTab: visible, visibility: "visible" }];
  const finishing: SheetCharts[] = [];
  for (const sheet of written.sheets) {
    const { runs, widen } = writeSheet(workbook, sheet, names, tables);
    finishing.push({ sheet, runs, tables: widen });
  }
  // Stored uncompressed by exceljs, compressed once at the end.
  const stored = toBytes(await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } }));
  const parts = await finishParts(stored, finishing, info?.shift);
  // exceljs writes the k-th sheet as xl/worksheets/sheet{k}.xml.
  const unmarked = new Set(options.unmarked ?? []);
  markPlanSheets(
    parts,
    cleaned.plan.sheets.flatMap((s, k) => (unmarked.has(s.name) ? [] : [`xl/worksheets/sheet${k + 1}.xml`])),
  );
  let bytes: Uint8Array;
  if (base && info) {
    const grafted = await graftSheets(base, parts, info.shift, replaced);
    bytes = grafted.bytes;
    if (grafted.macroParts > 0) remarks.push({ kind: "macrosDropped", count: grafted.macroParts });
  } else bytes = zipParts(parts);
  return {
    bytes,
    sheetNames,
    replacedSheets: baseSheets.filter((s) => replaced.has(s.toUpperCase())),
    keptSheets: colliding.filter((s) => !replaced.has(s.toUpperCase())),
    remarks,
  };
}

/**
 * `writeXlsxPackage`'s bytes, as a Buffer for Node callers (fs, streams); outside Node, where there is no
 * Buffer, the plain bytes.
 *
 * @throws Error when the base cannot be read as an .xlsx package.
 */
export async function writeXlsx(plan: WorkbookPlan, options: WriteXlsxOptions = {}): Promise<Buffer> {
  const { bytes } = await writeXlsxPackage(plan, options);
  return (typeof Buffer === "undefined" ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as Buffer;
}
