import { RowFormula, cellAddress, formula, isFormulaCell } from "../plan/cells";
import { isRowSource, mapRowSource } from "../plan/rows";
import type { ChartPlan, PlanValue, RowSource, SheetPlan, WorkbookPlan } from "../plan/types";
import { cleanCellText, xmlSafe, countInvalidXmlChars, MAX_CELL_CHARS } from "./xmlText";

/**
 * Something the writer changed so the file stays valid, for the summary and the "Remarques" sheet:
 * - `invalidChars`: `count` characters XML 1.0 forbids removed from the text of `cell` (or of the sheet's name,
 *   a chart title… when `cell` is absent);
 * - `truncated`: the text of `cell` was `count` characters long, cut to Excel's 32 767;
 * - `macrosDropped`: the input's VBA project (`count` parts) is not copied into the .xlsx written.
 */
export interface WriteRemark {
  readonly kind: "invalidChars" | "truncated" | "macrosDropped";
  /** The sheet as the plan names it (before any " (2)"). */
  readonly sheet?: string;
  /** "B12": 1-based row, column letters. */
  readonly cell?: string;
  /** Sheet row (1-based) of `cell`. */
  readonly row?: number;
  readonly count: number;
}

/** Excel's limits on a drop-down list's input message: a longer one makes Excel repair the file. */
export const MAX_PROMPT_TITLE = 32;
export const MAX_PROMPT_TEXT = 255;

/** The plan with every text made writable, and what was changed. */
export interface CleanPlan {
  readonly plan: WorkbookPlan;
  readonly remarks: readonly WriteRemark[];
}

/** A text already writable: no forbidden character, not too long (most of them; nothing is allocated for it). */
function writable(text: string): boolean {
  return text.length <= MAX_CELL_CHARS && countInvalidXmlChars(text) === 0;
}

function cleanValue(value: PlanValue, note: (kind: WriteRemark["kind"], count: number) => void): PlanValue {
  if (typeof value === "string") {
    if (writable(value)) return value;
    const c = cleanCellText(value);
    if (c.removed > 0) note("invalidChars", c.removed);
    if (c.truncatedFrom !== undefined) note("truncated", c.truncatedFrom);
    return c.text;
  }
  if (isFormulaCell(value)) {
    // A row formula's pieces are the column's: checked once (a row's number is never a forbidden character).
    const removed = value instanceof RowFormula ? invalidInPieces(value.pieces) : countInvalidXmlChars(value.formula);
    let result = value.result;
    if (typeof result === "string" && !writable(result)) {
      const c = cleanCellText(result);
      if (c.removed > 0) note("invalidChars", c.removed);
      result = c.text;
    }
    if (removed > 0) note("invalidChars", removed);
    if (removed === 0 && result === value.result) return value;
    if (value instanceof RowFormula) return new RowFormula(removed === 0 ? value.pieces : value.pieces.map(xmlSafe), value.row, result);
    return formula(removed === 0 ? value.formula : xmlSafe(value.formula), result);
  }
  return value;
}

const piecesInvalid = new WeakMap<readonly string[], number>();

/** The characters XML forbids in a row formula's pieces, counted once per column. */
function invalidInPieces(pieces: readonly string[]): number {
  let n = piecesInvalid.get(pieces);
  if (n === undefined) {
    n = 0;
    for (const p of pieces) n += countInvalidXmlChars(p);
    piecesInvalid.set(pieces, n);
  }
  return n;
}

function cleanLabel(text: string, sheet: string, remarks: WriteRemark[]): string {
  const removed = countInvalidXmlChars(text);
  if (removed === 0) return text;
  remarks.push({ kind: "invalidChars", sheet, count: removed });
  return xmlSafe(text);
}

function cleanChart(chart: ChartPlan, sheet: string, remarks: WriteRemark[]): ChartPlan {
  const label = (t: string): string => cleanLabel(t, sheet, remarks);
  return {
    ...chart,
    title: label(chart.title),
    series: chart.series.map((s) => ({ ...s, name: label(s.name) })),
    ...(chart.axisTitles
      ? {
          axisTitles: Object.fromEntries(Object.entries(chart.axisTitles).map(([k, v]) => [k, typeof v === "string" ? label(v) : v])) as ChartPlan["axisTitles"],
        }
      : {}),
  };
}

/** Rows made when read, with the cells of `fixes` (by row, then column) in place of what `source` makes. */
function mended(source: RowSource, fixes: ReadonlyMap<number, ReadonlyMap<number, PlanValue>>): RowSource {
  return mapRowSource(
    source,
    (line, i) => {
      const fix = fixes.get(i);
      if (!fix) return line;
      const out = [...line];
      for (const [j, v] of fix) out[j] = v;
      return out;
    },
    (value, i, j) => fixes.get(i)?.get(j) ?? value,
  );
}

function cleanSheet(sheet: SheetPlan, remarks: WriteRemark[]): SheetPlan {
  const planName = sheet.name;
  let changed = false;
  // The cell being cleaned, for its remarks: one function per sheet, not one per cell.
  let row = 0;
  let col = 0;
  const note = (kind: WriteRemark["kind"], count: number): void => {
    remarks.push({ kind, sheet: planName, cell: cellAddress(row, col, false), row: row + 1, count });
  };
  const blocks = sheet.blocks.map((block) => {
    const source = block.values;
    if (isRowSource(source)) {
      // Rows made when written: only the user's texts are checked, cell by cell, and the rows of those that
      // change are mended as they are made.
      const fixes = new Map<number, Map<number, PlanValue>>();
      const user = source.userTexts;
      for (const j of user?.cols ?? []) {
        for (let i = 0; i < source.length; i++) {
          const value = user!.cell(i, j);
          if (value === null || typeof value === "number" || typeof value === "boolean") continue;
          row = block.row + i;
          col = block.col + j;
          const clean = cleanValue(value, note);
          if (clean === value) continue;
          let line = fixes.get(i);
          if (!line) fixes.set(i, (line = new Map()));
          line.set(j, clean);
        }
      }
      if (fixes.size === 0) return block;
      changed = true;
      return { ...block, values: mended(source, fixes) };
    }
    // A line is copied only when one of its cells changes (almost never): a 100 000-row sheet is not copied.
    let values: (readonly PlanValue[])[] | undefined;
    for (let i = 0; i < source.length; i++) {
      const line = source[i];
      let out: PlanValue[] | undefined;
      for (let j = 0; j < line.length; j++) {
        const value = line[j];
        if (value === null || typeof value === "number" || typeof value === "boolean") continue;
        row = block.row + i;
        col = block.col + j;
        const clean = cleanValue(value, note);
        if (clean === value) continue;
        out ??= [...line];
        out[j] = clean;
      }
      if (!out) continue;
      values ??= [...source];
      values[i] = out;
    }
    if (!values) return block;
    changed = true;
    return { ...block, values };
  });
  const before = remarks.length;
  const name = cleanLabel(sheet.name, planName, remarks);
  const charts = sheet.charts?.map((c) => cleanChart(c, planName, remarks));
  const conditional = sheet.conditional?.map((c) => {
    const equals = cleanLabel(c.equals, planName, remarks);
    return equals === c.equals ? c : { ...c, equals };
  });
  const validations = sheet.validations?.map((v) => {
    if (!v.prompt) return v;
    const title = cleanLabel(v.prompt.title, planName, remarks).slice(0, MAX_PROMPT_TITLE);
    const text = cleanLabel(v.prompt.text, planName, remarks).slice(0, MAX_PROMPT_TEXT);
    return title === v.prompt.title && text === v.prompt.text ? v : { ...v, prompt: { title, text } };
  });
  const promptsCut = (validations ?? []).some((v, i) => v !== sheet.validations?.[i]);
  if (!changed && !promptsCut && remarks.length === before) return sheet;
  return {
    ...sheet,
    name,
    blocks,
    ...(charts ? { charts } : {}),
    ...(conditional ? { conditional } : {}),
    ...(validations ? { validations } : {}),
  };
}

/**
 * Sheets already cleaned, with their remarks (a sheet is never modified): the CLI cleans a plan to list the
 * writer's remarks, then the writer cleans it again, or the same plan with « Remarques » rebuilt; each sheet is
 * cleaned once.
 */
const cleaned = new WeakMap<SheetPlan, { readonly sheet: SheetPlan; readonly remarks: readonly WriteRemark[] }>();

/**
 * Every text of a workbook plan as a valid .xlsx can hold it: the characters XML 1.0 forbids removed (cells,
 * formula results, sheet names, chart titles and series, list prompts), cell texts over Excel's 32 767 characters
 * cut, list prompts cut to Excel's 32 / 255 characters. The
 * plan is not modified; unchanged sheets, blocks and rows are shared with it. Each change is a `WriteRemark`.
 *
 * @example cleanWorkbookPlan({ sheets: [{ name: "S", blocks: [{ row: 0, col: 0, values: [["a\u0000"]] }], formats: [] }] }).remarks
 * // [{ kind: "invalidChars", sheet: "S", cell: "A1", row: 1, count: 1 }]
 */
export function cleanWorkbookPlan(plan: WorkbookPlan): CleanPlan {
  const remarks: WriteRemark[] = [];
  const sheets = plan.sheets.map((s) => {
    let clean = cleaned.get(s);
    if (!clean) {
      const found: WriteRemark[] = [];
      clean = { sheet: cleanSheet(s, found), remarks: found };
      cleaned.set(s, clean);
    }
    for (const r of clean.remarks) remarks.push(r);
    return clean.sheet;
  });
  return { plan: sheets.every((s, i) => s === plan.sheets[i]) ? plan : { ...plan, sheets }, remarks };
}
