import type { CellRange, FormulaCell, PlanValue } from "./types";

/**
 * A1 helpers for the plan builders. Coordinates are 0-based like the plan (row 0, col 0 is A1). Formulas are in
 * Excel's English, comma-separated syntax without the leading "=", and refer to other sheets as `'Name'!$B$4`,
 * always quoted, so `renameSheetsInPlan` can retarget them with a plain string replacement.
 */

/** "A", "B", …, "Z", "AA"… for a 0-based column index. */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Absolute address of one cell, e.g. `$B$4` for (3, 1); `B4` when `absolute` is false. */
export function cellAddress(row: number, col: number, absolute = true): string {
  return absolute ? `$${columnLetter(col)}$${row + 1}` : `${columnLetter(col)}${row + 1}`;
}

/** Absolute address of a range, e.g. `$C$2:$C$9`; a single cell gives its address alone. */
export function rangeAddress(range: CellRange, absolute = true): string {
  const first = cellAddress(range.row, range.col, absolute);
  if (range.rows === 1 && range.cols === 1) return first;
  return `${first}:${cellAddress(range.row + range.rows - 1, range.col + range.cols - 1, absolute)}`;
}

/** A sheet name as it appears in a reference: always quoted, inner apostrophes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `'Contacts'!$B$9`: a cell of another sheet. */
export function sheetCell(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${cellAddress(row, col)}`;
}

/** `'Cibles'!$C$2:$C$9`: a range of another sheet. */
export function sheetRange(sheet: string, range: CellRange): string {
  return `${quoteSheet(sheet)}!${rangeAddress(range)}`;
}

/** A text literal inside a formula: `"..."` with inner quotes doubled. */
export function textLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export function range(row: number, col: number, rows = 1, cols = 1): CellRange {
  return { row, col, rows, cols };
}

export function formula(text: string, result?: number | string | boolean): FormulaCell {
  return result === undefined ? { formula: text } : { formula: text, result };
}

/**
 * Stands for the row number in a formula written once for every row of a column (`rowFormulas`). Never in a
 * written formula: XML forbids the character.
 */
export const ROW = "\u0000";

/**
 * The formula of one row of a column whose rows all have the same formula but for their own row (`rowFormulas`):
 * it holds the shared pieces and the row, and builds its text only when read. A 100 000-client Cibles sheet has
 * four such columns: as texts, 75 MB that every garbage collection copied (issue 12). The writer sees at once
 * that two rows of the same pieces fill down from each other, without comparing their texts.
 */
export class RowFormula implements FormulaCell {
  readonly result?: number | string | boolean;

  constructor(
    /** The formula's text split on `ROW`: the same array for every row of the column. */
    readonly pieces: readonly string[],
    /** The 1-based row number between the pieces. */
    readonly row: number,
    result?: number | string | boolean,
  ) {
    if (result !== undefined) this.result = result;
  }

  get formula(): string {
    return this.pieces.join(String(this.row));
  }

  /** What a snapshot or JSON shows: the plain formula cell it stands for. */
  toJSON(): FormulaCell {
    return formula(this.formula, this.result);
  }
}

/**
 * `text` (a formula written with `ROW` where its row's number goes) as a function of a row and its cached result:
 * every cell it makes shares the pieces of `text`.
 * @example rowFormulas(`D${ROW}*2`)(5, 10).formula // "D5*2"
 */
export function rowFormulas(text: string): (row: number, result?: number | string | boolean) => RowFormula {
  const pieces = text.split(ROW);
  return (row, result) => new RowFormula(pieces, row, result);
}

export function isFormulaCell(value: PlanValue): value is FormulaCell {
  return typeof value === "object" && value !== null;
}

/** A number for a formula: plain decimal notation, never an exponent Excel might misread. */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`numberLiteral: ${value} is not finite`);
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(20).replace(/0+$/, "").replace(/\.$/, "") : text;
}
