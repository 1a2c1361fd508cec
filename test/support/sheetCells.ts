import { columnLetter } from "../../src/plan/cells";

/** A cell's element in a sheet's XML: where it starts and ends, and its attributes' text. */
export interface CellElement {
  readonly start: number;
  readonly end: number;
  readonly attributes: string;
  /** Whether it is `<c …/>`, a cell without a value. */
  readonly empty: boolean;
}

/**
 * The element of cell (`row`, `col`), 0-based, in a sheet's XML as the writer leaves it: a row's cells that
 * follow the previous one go without their `r` (ECMA-376 §18.3.1.4), so the column is counted as a reader
 * counts it. Undefined when the row or the cell is not written.
 */
export function findCell(xml: string, row: number, col: number): CellElement | undefined {
  const open = new RegExp(`<row r="${row + 1}"[ >]`).exec(xml);
  if (!open) return undefined;
  const close = xml.indexOf("</row>", open.index);
  const cells = /<c(\s[^>]*?)?(\/>|>[\s\S]*?<\/c>)/g;
  cells.lastIndex = open.index;
  let at = -1;
  for (let m = cells.exec(xml); m && m.index < close; m = cells.exec(xml)) {
    const attributes = m[1] ?? "";
    const r = /\br="([A-Z]+)\d+"/.exec(attributes);
    at = r ? letterColumn(r[1]) : at + 1;
    if (at === col) return { start: m.index, end: m.index + m[0].length, attributes, empty: m[2] === "/>" };
  }
  return undefined;
}

/** 0-based column of letters "A", "AB"…; the inverse of `columnLetter`. */
function letterColumn(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  const col = n - 1;
  if (columnLetter(col) !== letters) throw new Error(`column ${letters}`);
  return col;
}
