import type { CellRange } from "../plan/types";

/** Excel's last column (XFD) and row, 0-based. */
export const MAX_COL = 16383;
export const MAX_ROW = 1048575;

/**
 * The letters of a 0-based column index.
 * @example columnLetters(0) // "A"; columnLetters(27) // "AB"
 */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0 || col > MAX_COL) throw new RangeError(`columnLetters: column ${col} is outside A..XFD`);
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "B2" for row 1, col 1 (0-based). */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "B2:C5" for a range; a single cell gives "B2". */
export function rangeAddress(range: CellRange): string {
  const first = cellAddress(range.row, range.col);
  if (range.rows === 1 && range.cols === 1) return first;
  return `${first}:${cellAddress(range.row + range.rows - 1, range.col + range.cols - 1)}`;
}

function parseCell(text: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]) - 1;
  if (col - 1 > MAX_COL || row < 0 || row > MAX_ROW) return undefined;
  return { row, col: col - 1 };
}

/**
 * The range of an A1 address, with or without a sheet prefix ("B2", "B2:C5", "'Ma feuille'!$B$2:$C$5").
 * Returns undefined for anything else (whole rows or columns included).
 */
export function parseRangeAddress(address: string): CellRange | undefined {
  const bang = address.lastIndexOf("!");
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const [a, b, extra] = local.split(":");
  if (extra !== undefined) return undefined;
  const start = parseCell(a);
  const end = b === undefined ? start : parseCell(b);
  if (!start || !end) return undefined;
  const row = Math.min(start.row, end.row);
  const col = Math.min(start.col, end.col);
  return { row, col, rows: Math.abs(end.row - start.row) + 1, cols: Math.abs(end.col - start.col) + 1 };
}

/** Whether `inner` lies wholly inside `outer`. */
export function contains(outer: CellRange, inner: CellRange): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.col + inner.cols <= outer.col + outer.cols
  );
}

/** A sheet name as it must appear in a formula: always quoted, inner apostrophes doubled ("'PAC (2)'"). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
