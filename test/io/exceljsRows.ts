import type { Worksheet } from "exceljs";

/**
 * The raw cell values of a worksheet as `unknown[][]`, 0-based, `rows[k]` being sheet row k + 1 (missing rows
 * are empty arrays). This is what the CLI's .xlsx reader hands to `src/io`: `cell.value` untouched (numbers,
 * strings, Dates, `{ formula, result }`, `{ richText }`, `{ error }`, hyperlinks).
 */
export function worksheetRows(sheet: Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = row.values as unknown[];
    const cells: unknown[] = [];
    for (let c = 1; c < values.length; c++) cells.push(values[c] ?? null);
    while (rows.length < rowNumber - 1) rows.push([]);
    rows.push(cells);
  });
  return rows;
}
