import { differentColumns, sheetFit } from "./chooseSheet";

/** One sheet's table: rows from its first non-empty row, and the sheet row number of `rows[0]`. */
export interface SheetRows {
  readonly name: string;
  readonly rows: readonly unknown[][];
  readonly firstRowNumber: number;
}

/** The rows of the combined table that came from one sheet (row numbers of the combined table, 1-based). */
export interface SheetPart {
  readonly sheet: string;
  readonly from: number;
  readonly to: number;
}

/** Sheets combined under the first one's header, or the names of the sheets whose columns differ. */
export type CombinedSheets =
  | { readonly ok: true; readonly rows: unknown[][]; readonly firstRowNumber: number; readonly parts: readonly SheetPart[] }
  | { readonly ok: false; readonly differ: readonly string[] };

function blank(row: readonly unknown[]): boolean {
  return row.every((v) => v === null || v === undefined || (typeof v === "string" && v.trim() === ""));
}

/**
 * Drops a sheet's leading empty rows (cells null, undefined or blank text); the first row number follows.
 *
 * @example fromFirstRow([[""], ["Client"]]) // { rows: [["Client"]], firstRowNumber: 2 }
 */
export function fromFirstRow(rows: unknown[][]): { rows: unknown[][]; firstRowNumber: number } {
  let k = 0;
  while (k < rows.length && Array.isArray(rows[k]) && blank(rows[k])) k++;
  return { rows: k === 0 ? rows : rows.slice(k), firstRowNumber: k + 1 };
}

/** The 0-based index of a table's header: the best client or journal header among its first rows, else its first row. */
function headerIndex(rows: readonly unknown[][]): number {
  const fit = sheetFit(rows);
  return fit.score > 0 ? fit.headerIndex : 0;
}

/**
 * THE way sheets of the same shape are combined, by the command line (`--sheet all` / `--sheet "A,B"`) and by
 * the wizard (file and Excel): each sheet's header is found as `chooseSheet` finds it (title rows above it
 * skipped; the first row when none reads as a client or journal header), and all headers must name the same
 * columns at the same places (`differentColumns`). The first sheet's rows are kept as they are (titles and
 * header included, numbered from its own first row), then the data rows of the others, below their header, in
 * order. `parts` says which rows of the combined table came from which sheet, for the import report.
 *
 * @example combineSheets([{ name: "2009", rows: [["Client", "CA"], ["A", 1]], firstRowNumber: 1 }, { name: "2010", rows: [["Client", "CA"], ["B", 2]], firstRowNumber: 1 }])
 * // { ok: true, rows: [["Client", "CA"], ["A", 1], ["B", 2]], firstRowNumber: 1, parts: [{ sheet: "2009", from: 2, to: 2 }, { sheet: "2010", from: 3, to: 3 }] }
 */
export function combineSheets(tables: readonly SheetRows[]): CombinedSheets {
  const heads = tables.map((t) => headerIndex(t.rows));
  const differ = differentColumns(tables.map((t, k) => ({ name: t.name, header: t.rows[heads[k]] ?? [] })));
  if (differ.length > 0) return { ok: false, differ };
  const [first, ...others] = tables;
  if (!first) return { ok: true, rows: [], firstRowNumber: 1, parts: [] };
  const rows: unknown[][] = [...first.rows];
  const parts: SheetPart[] = [{ sheet: first.name, from: first.firstRowNumber + heads[0] + 1, to: first.firstRowNumber + first.rows.length - 1 }];
  others.forEach((t, k) => {
    const from = first.firstRowNumber + rows.length;
    for (let r = heads[k + 1] + 1; r < t.rows.length; r++) rows.push(t.rows[r]);
    parts.push({ sheet: t.name, from, to: first.firstRowNumber + rows.length - 1 });
  });
  return { ok: true, rows, firstRowNumber: first.firstRowNumber, parts };
}
