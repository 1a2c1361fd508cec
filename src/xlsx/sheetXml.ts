import { cellAddress, isFormulaCell, quoteSheet, rangeAddress } from "../plan/cells";
import { blockWidth, isRowSource } from "../plan/rows";
import type { CellRange, PlanValue, SheetPlan, ValueBlock } from "../plan/types";
import { sheetProtectionXml } from "./sheetFeatures";
import { cellFilledDown } from "./sharedFormulas";
import { ColumnStrings, argb, type ResolvedStyle, type SharedStrings, type StyleTable } from "./styles";
import { tapeBytes, TapeWriter, type TapeChunk } from "./cellTape";
import { xmlText } from "./xmlText";

/** Where this sheet's style and differential-format ids start (a base workbook's counts; `SharedStrings` shifts its own). */
export interface IdShift {
  readonly xf: number;
  readonly dxf: number;
}

/** What the sheet links to, known before its XML is written: relationship ids in its .rels part. */
export interface SheetLinks {
  /** The drawing holding the sheet's charts. */
  readonly drawing?: string;
  /** One per table of the plan, in order. */
  readonly tables: readonly string[];
  /** The custom property that marks the sheet as PAC Commercial's. */
  readonly mark?: string;
}

export interface SheetXmlOptions {
  readonly styles: StyleTable;
  readonly strings: SharedStrings;
  readonly shift: IdShift;
  readonly links: SheetLinks;
  /** The tab Excel shows first. */
  readonly selected: boolean;
}

/** A column of fewer formulas filled down is written formula by formula. */
const SHARED_MIN = 3;
/**
 * A shared formula covers at most this many rows (the next ones start another): the writer reads this far ahead
 * of the row it writes, and keeps the rows read ahead until it writes them, so rows made when read (a
 * `RowSource`) are never all made at once.
 */
const SHARED_MAX = 1024;

/**
 * Texts longer than this are written in their cell (`t="inlineStr"`), not in the shared strings: they are the
 * pourquoi and the remarks, one per client, seldom repeated, where the table's lookup cost more than it saved.
 */
const INLINE_ABOVE = 64;


/** A format rule or an editable range, in plan order (editable ranges last, as the writers always applied them). */
interface StyleRule {
  readonly range: CellRange;
  readonly style: ResolvedStyle;
}

/** Rules or blocks that start or end at each row: the active set changes only there. */
function events<T>(items: readonly T[], top: (t: T) => number, height: (t: T) => number): Map<number, true> {
  const at = new Map<number, true>();
  for (const item of items) {
    if (height(item) <= 0) continue;
    at.set(top(item), true);
    at.set(top(item) + height(item), true);
  }
  return at;
}

/**
 * The style ids of one row, by column, for the rules active on it: merged in rule order (a later rule overrides
 * the properties it sets), then interned. Rows covered by the same rules share one array.
 */
function rowStyles(active: readonly StyleRule[], styles: StyleTable, shift: number): { from: number; xfs: Int32Array } {
  if (active.length === 0) return { from: 0, xfs: new Int32Array(0) };
  let from = Infinity;
  let to = -1;
  for (const r of active) {
    from = Math.min(from, r.range.col);
    to = Math.max(to, r.range.col + r.range.cols - 1);
  }
  const xfs = new Int32Array(to - from + 1);
  const merged: (Record<string, unknown> | undefined)[] = new Array(to - from + 1);
  for (const r of active) {
    for (let c = r.range.col; c < r.range.col + r.range.cols; c++) merged[c - from] = Object.assign(merged[c - from] ?? {}, r.style);
  }
  for (let k = 0; k < merged.length; k++) {
    const style = merged[k];
    const id = style ? styles.xf(style) : 0;
    xfs[k] = id === 0 ? 0 : id + shift;
  }
  return { from, xfs };
}

/**
 * One cell on the tape: `value` gives the type and the value (a formula's cached result). A text is never read
 * as a formula, whatever it starts with: a long one (a pourquoi, a client's card) is written in the cell, where a
 * shared string would only cost a lookup in a table of every text (issue 12). A formula is written whole, or as
 * shared formula `shared` (its first row when `shared.last` is given).
 */
function tapeCell(tape: TapeWriter, col: number, xf: number, value: PlanValue, strings: ColumnStrings, shared?: { si: number; last?: number }): void {
  if (value === null) return tape.blank(col, xf);
  switch (typeof value) {
    case "number":
      return tape.number(col, xf, value);
    case "boolean":
      return tape.boolean(col, xf, value);
    case "string":
      if (value.length > INLINE_ABOVE) return tape.inline(col, xf, value);
      return tape.sharedString(col, xf, strings.id(col, value));
    default: {
      if (!isFormulaCell(value)) return tape.blank(col, xf);
      const r = value.result;
      const result = typeof r === "number" || typeof r === "boolean" || typeof r === "string" ? r : null;
      // A row below a shared formula's first is written without its formula: its text (made when read, for a
      // row formula) is not asked for.
      return tape.formula(col, xf, result, shared !== undefined && shared.last === undefined ? "" : value.formula, shared);
    }
  }
}

/**
 * The `<cols>` element: widths and outline groups (level 1, hidden when collapsed) as runs of equal columns.
 * @example colsXml({ ...sheet, columnWidths: [10, 10, 12] }) // '<cols><col min="1" max="2" width="10" customWidth="1"/><col min="3" max="3" width="12" customWidth="1"/></cols>'
 */
export function colsXml(sheet: SheetPlan): string {
  const widths = sheet.columnWidths ?? [];
  const groups = (sheet.columnGroups ?? []).filter((g) => g.cols > 0);
  const last = Math.max(widths.length, ...groups.map((g) => g.col + g.cols));
  const describe = (c: number): string => {
    const group = groups.find((g) => c >= g.col && c < g.col + g.cols);
    const width = widths[c];
    return (width !== undefined ? ` width="${width}" customWidth="1"` : "") + (group ? ` outlineLevel="1"${group.hidden ? ' hidden="1"' : ""}` : "");
  };
  const out: string[] = [];
  for (let c = 0; c < last; ) {
    const attrs = describe(c);
    let end = c + 1;
    while (end < last && describe(end) === attrs) end++;
    if (attrs !== "") out.push(`<col min="${c + 1}" max="${end}"${attrs}/>`);
    c = end;
  }
  return out.length === 0 ? "" : `<cols>${out.join("")}</cols>`;
}

function paneXml(freeze: SheetPlan["freeze"]): string {
  if (!freeze || (freeze.rows <= 0 && freeze.cols <= 0)) return "";
  const { rows, cols } = freeze;
  const pane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const split = (cols > 0 ? ` xSplit="${cols}"` : "") + (rows > 0 ? ` ySplit="${rows}"` : "");
  return `<pane${split} topLeftCell="${cellAddress(rows, cols, false)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/>`;
}

/** The last row and column (exclusive) the sheet's blocks and formats reach. */
function extent(sheet: SheetPlan): { rows: number; cols: number; top: number; left: number } {
  let rows = 0;
  let cols = 0;
  let top = Infinity;
  let left = Infinity;
  const reach = (r: CellRange): void => {
    rows = Math.max(rows, r.row + r.rows);
    cols = Math.max(cols, r.col + r.cols);
    top = Math.min(top, r.row);
    left = Math.min(left, r.col);
  };
  for (const b of sheet.blocks) if (b.values.length > 0 && blockWidth(b) > 0) reach({ row: b.row, col: b.col, rows: b.values.length, cols: blockWidth(b) });
  for (const f of sheet.formats) reach(f.range);
  for (const e of sheet.editable ?? []) reach(e);
  return { rows, cols, top: top === Infinity ? 0 : top, left: left === Infinity ? 0 : left };
}

/**
 * A block's rows as the writer reads them: row by row, in order, and a little ahead to find shared formulas. Rows
 * made when read (a `RowSource`) are made once: those read ahead are kept until written.
 */
class BlockLines {
  readonly row: number;
  readonly col: number;
  readonly width: number;
  readonly length: number;
  private readonly ahead = new Map<number, readonly PlanValue[]>();

  constructor(private readonly block: ValueBlock) {
    this.row = block.row;
    this.col = block.col;
    this.width = blockWidth(block);
    this.length = block.values.length;
  }

  /** Sheet row r, the row being written. */
  at(r: number): readonly PlanValue[] {
    const values = this.block.values;
    const i = r - this.row;
    if (!isRowSource(values)) return values[i];
    const kept = this.ahead.get(i);
    if (kept === undefined) return values.row(i);
    this.ahead.delete(i);
    return kept;
  }

  /** Sheet row r, below the row being written. */
  below(r: number): readonly PlanValue[] {
    const values = this.block.values;
    const i = r - this.row;
    if (!isRowSource(values)) return values[i];
    let line = this.ahead.get(i);
    if (line === undefined) this.ahead.set(i, (line = values.row(i)));
    return line;
  }
}

/**
 * One worksheet part of the plan, written in one pass over its rows, in order, as UTF-8 chunks: for each row, the
 * values of the blocks that cover it and the style ids of the format rules (and editable ranges) that cover it,
 * each cell once. Texts go to the shared strings, so none is ever read as a formula; formulas carry their cached
 * result. Then the sheet's features, in the schema's order: protection, merges, conditional colours (text
 * equals, then formulas), drop-down lists, print setup, page breaks, the mark, the drawing, the tables.
 */
export function sheetXml(sheet: SheetPlan, options: SheetXmlOptions): Uint8Array[] {
  return [...sheetXmlBlocks(sheet, options)];
}

/**
 * `sheetXml`'s UTF-8 blocks, each given as soon as it is full (about 1 MiB), so that a caller can compress one
 * while the next is written, and never hold the whole sheet uncompressed.
 */
export function sheetXmlBlocks(sheet: SheetPlan, options: SheetXmlOptions): Generator<Uint8Array, void, undefined> {
  return tapeBytes(sheetTape(sheet, options));
}

/**
 * The sheet as `sheetXmlBlocks` writes it, cell by cell on a tape (see ./cellTape), chunk by chunk: every
 * decision is taken here (values, style ids, shared strings, shared formulas), the bytes are written by
 * `encodeTape`, here or on another thread.
 */
export function* sheetTape(sheet: SheetPlan, options: SheetXmlOptions): Generator<TapeChunk, void, undefined> {
  const { styles, strings, shift, links } = options;
  const texts = new ColumnStrings(strings);
  const tape = new TapeWriter();
  const size = extent(sheet);
  const heights = new Map<number, number>();
  for (const h of sheet.rowHeights ?? []) heights.set(h.row, h.height);
  const lastRow = Math.max(size.rows, ...[...heights.keys()].map((r) => r + 1));

  const print = sheet.print;
  const sheetPr =
    "<sheetPr>" +
    (sheet.tabColor ? `<tabColor rgb="${argb(sheet.tabColor)}"/>` : "") +
    ((sheet.columnGroups ?? []).length > 0 ? '<outlinePr summaryBelow="0" summaryRight="0"/>' : "") +
    (print ? '<pageSetUpPr fitToPage="1"/>' : "") +
    "</sheetPr>";
  const dimension = lastRow > 0 && size.cols > 0 ? rangeAddress({ row: size.top, col: size.left, rows: Math.max(1, lastRow - size.top), cols: size.cols - size.left }, false) : "A1";
  const grouped = (sheet.columnGroups ?? []).some((g) => g.cols > 0);
  let head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    (sheetPr === "<sheetPr></sheetPr>" ? "" : sheetPr) +
    `<dimension ref="${dimension}"/>` +
    `<sheetViews><sheetView${options.selected ? ' tabSelected="1"' : ""} workbookViewId="0">${paneXml(sheet.freeze)}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"${grouped ? ' outlineLevelCol="1"' : ""}/>` +
    colsXml(sheet) +
    "<sheetData>";
  tape.raw(head);
  head = "";

  // Rows, in order: the blocks and the style rules active on each row change only at their edges.
  const rules: StyleRule[] = [...sheet.formats, ...(sheet.editable ?? []).map((range) => ({ range, style: { unlocked: true } }))];
  const ruleEdges = events(rules, (r) => r.range.row, (r) => r.range.rows);
  const blocks = sheet.blocks.filter((b) => b.values.length > 0 && blockWidth(b) > 0).map((b) => new BlockLines(b));
  const blockEdges = events(blocks, (b) => b.row, (b) => b.length);
  const edgeRows = [...blockEdges.keys()].sort((a, b) => a - b);
  let activeRules: StyleRule[] = [];
  let activeBlocks: BlockLines[] = [];
  // Each active block's line of the row being written.
  let lines: (readonly PlanValue[])[] = [];
  // Until the next block edge, the block alone on each column: a shared formula stays in one block, never
  // crossing an edge nor a column where another block writes too.
  let blockUntil = 0;
  let soleBlock = new Map<number, BlockLines>();
  // Shared formulas, by column: the run written (its last row, exclusive) and its id.
  const sharedUntil = new Map<number, number>();
  const sharedId = new Map<number, number>();
  let sharedCount = 0;
  let rowStyle: { from: number; xfs: Int32Array } = { from: 0, xfs: new Int32Array(0) };
  const styleCache = new Map<string, { from: number; xfs: Int32Array }>();
  for (let r = 0; r < lastRow; r++) {
    if (ruleEdges.has(r)) {
      activeRules = rules.filter((x) => r >= x.range.row && r < x.range.row + x.range.rows);
      const key = activeRules.map((x) => rules.indexOf(x)).join(",");
      let cached = styleCache.get(key);
      if (!cached) {
        cached = rowStyles(activeRules, styles, shift.xf);
        styleCache.set(key, cached);
      }
      rowStyle = cached;
    }
    if (blockEdges.has(r)) {
      activeBlocks = blocks.filter((b) => r >= b.row && r < b.row + b.length);
      blockUntil = edgeRows.find((e) => e > r) ?? r + 1;
      soleBlock = new Map();
      const shared = new Set<number>();
      for (const b of activeBlocks) {
        for (let c = b.col; c < b.col + b.width; c++) {
          if (soleBlock.has(c)) shared.add(c);
          soleBlock.set(c, b);
        }
      }
      for (const c of shared) soleBlock.delete(c);
    }
    const height = heights.get(r);
    if (activeBlocks.length === 0 && rowStyle.xfs.length === 0 && height === undefined) continue;
    let from = rowStyle.xfs.length > 0 ? rowStyle.from : Infinity;
    let to = rowStyle.xfs.length > 0 ? rowStyle.from + rowStyle.xfs.length : -Infinity;
    lines = activeBlocks.map((b) => b.at(r));
    for (const b of activeBlocks) {
      from = Math.min(from, b.col);
      to = Math.max(to, b.col + b.width);
    }
    const number = r + 1;
    tape.row(number, height !== undefined ? `" ht="${height}" customHeight="1">` : undefined);
    // One block on the row (a table's rows): its line is read directly.
    const only = activeBlocks.length === 1 ? activeBlocks[0] : undefined;
    const onlyLine = only ? lines[0] : undefined;
    const xfs = rowStyle.xfs;
    for (let c = from; c < to; c++) {
      let value: PlanValue = null;
      if (only && onlyLine) {
        const v = onlyLine[c - only.col];
        if (v !== undefined) value = v;
      } else {
        // A later block wins where it has a value, as the writers always applied them.
        for (let k = 0; k < activeBlocks.length; k++) {
          const b = activeBlocks[k];
          if (c < b.col) continue;
          const v = lines[k][c - b.col];
          if (v !== undefined && v !== null) value = v;
        }
      }
      const k = c - rowStyle.from;
      const xf = k >= 0 && k < xfs.length ? xfs[k] : 0;
      if (value === null && xf === 0) continue;
      let shared: { si: number; last?: number } | undefined;
      // A formula alone in its column's block (only a formula: no lookup for the values) may be shared.
      const sole = isFormulaCell(value) ? soleBlock.get(c) : undefined;
      if (sole && isFormulaCell(value)) {
        if (r < (sharedUntil.get(c) ?? 0)) shared = { si: sharedId.get(c) as number };
        else {
          // The rows below filled down from this one, within the block: one shared formula for them all.
          let end = r + 1;
          let above = value;
          const last = Math.min(blockUntil, r + SHARED_MAX);
          for (; end < last; end++) {
            const below = sole.below(end)[c - sole.col];
            if (!isFormulaCell(below) || !cellFilledDown(above, below)) break;
            above = below;
          }
          if (end - r >= SHARED_MIN) {
            sharedUntil.set(c, end);
            sharedId.set(c, sharedCount);
            shared = { si: sharedCount++, last: end };
          }
        }
      }
      tapeCell(tape, c, xf, value, texts, shared);
    }
    tape.endRow();
    const chunk = tape.take();
    if (chunk) yield chunk;
  }

  let tail = "</sheetData>" + sheetProtectionXml(sheet.protection);
  const merges = sheet.merges ?? [];
  if (merges.length > 0) tail += `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${rangeAddress(m, false)}"/>`).join("")}</mergeCells>`;
  let priority = 0;
  for (const rule of sheet.conditional ?? []) {
    const dxf = styles.dxf(rule.fill, rule.fontColor) + shift.dxf;
    tail +=
      `<conditionalFormatting sqref="${rangeAddress(rule.range, false)}"><cfRule type="cellIs" dxfId="${dxf}" priority="${++priority}" operator="equal">` +
      `<formula>${xmlText(`"${rule.equals.replace(/"/g, '""')}"`)}</formula></cfRule></conditionalFormatting>`;
  }
  for (const rule of sheet.formulaColours ?? []) {
    const dxf = styles.dxf(rule.fill, rule.fontColor) + shift.dxf;
    tail += `<conditionalFormatting sqref="${rangeAddress(rule.range, false)}"><cfRule type="expression" dxfId="${dxf}" priority="${++priority}"><formula>${xmlText(rule.formula)}</formula></cfRule></conditionalFormatting>`;
  }
  const validations = sheet.validations ?? [];
  if (validations.length > 0) {
    tail += `<dataValidations count="${validations.length}">`;
    for (const v of validations) {
      const prompt = v.prompt ? ` showInputMessage="1" promptTitle="${xmlText(v.prompt.title)}" prompt="${xmlText(v.prompt.text)}"` : "";
      tail +=
        `<dataValidation type="list" errorStyle="${v.allowOther === true ? "warning" : "stop"}" allowBlank="1" showErrorMessage="1"${prompt} sqref="${rangeAddress(v.range, false)}">` +
        `<formula1>${xmlText(v.source)}</formula1></dataValidation>`;
    }
    tail += "</dataValidations>";
  }
  if (print) {
    tail +=
      '<printOptions horizontalCentered="1"/><pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>' +
      `<pageSetup paperSize="9" orientation="${print.orientation}" fitToWidth="${print.fitToPagesWide}" fitToHeight="0"/>`;
    const breaks = [...new Set(print.rowBreaks ?? [])].filter((r) => r > 0).sort((a, b) => a - b);
    // A break with id n falls below row n (1-based), so before the 0-based row n.
    if (breaks.length > 0) tail += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
  } else {
    tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  }
  if (links.mark) tail += `<customProperties xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><customPr name="PACCommercial" r:id="${links.mark}"/></customProperties>`;
  if (links.drawing) tail += `<drawing r:id="${links.drawing}"/>`;
  if (links.tables.length > 0) tail += `<tableParts count="${links.tables.length}">${links.tables.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`;
  tail += "</worksheet>";
  tape.raw(tail);
  const last = tape.take(true);
  if (last) yield last;
}

/** The defined names of a sheet's print setup: its print area and its title rows, sheet-scoped. */
export function printNames(sheet: SheetPlan, localSheetId: number): string[] {
  const print = sheet.print;
  if (!print) return [];
  const names = [`<definedName name="_xlnm.Print_Area" localSheetId="${localSheetId}">${xmlText(`${quoteSheet(sheet.name)}!${rangeAddress(print.area)}`)}</definedName>`];
  if (print.titleRows) {
    const [first, last] = print.titleRows;
    names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${localSheetId}">${xmlText(`${quoteSheet(sheet.name)}!$${first + 1}:$${last + 1}`)}</definedName>`);
  }
  return names;
}
