import { differentColumns } from "./chooseSheet";

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

/**
 * THE way sheets of the same shape are combined, by the command line (`--sheet all` / `--sheet "A,B"`) and by
 * the wizard (file and Excel): every sheet's first row is its header, and all headers must name the same
 * columns at the same places (`differentColumns`); the first sheet's rows are kept as they are (header
 * included, numbered from its own first row), then the data rows of the others, below the header, in order.
 * `parts` says which rows of the combined table came from which sheet, for the import report.
 *
 * @example combineSheets([{ name: "2009", rows: [["Client", "CA"], ["A", 1]], firstRowNumber: 1 }, { name: "2010", rows: [["Client", "CA"], ["B", 2]], firstRowNumber: 1 }])
 * // { ok: true, rows: [["Client", "CA"], ["A", 1], ["B", 2]], firstRowNumber: 1, parts: [{ sheet: "2009", from: 2, to: 2 }, { sheet: "2010", from: 3, to: 3 }] }
 */
export function combineSheets(tables: readonly SheetRows[]): CombinedSheets {
  const differ = differentColumns(tables.map((t) => ({ name: t.name, header: t.rows[0] ?? [] })));
  if (differ.length > 0) return { ok: false, differ };
  const [first, ...others] = tables;
  if (!first) return { ok: true, rows: [], firstRowNumber: 1, parts: [] };
  const rows: unknown[][] = [...first.rows];
  const parts: SheetPart[] = [{ sheet: first.name, from: first.firstRowNumber + 1, to: first.firstRowNumber + first.rows.length - 1 }];
  for (const t of others) {
    const from = first.firstRowNumber + rows.length;
    for (let k = 1; k < t.rows.length; k++) rows.push(t.rows[k]);
    parts.push({ sheet: t.name, from, to: first.firstRowNumber + rows.length - 1 });
  }
  return { ok: true, rows, firstRowNumber: first.firstRowNumber, parts };
}
