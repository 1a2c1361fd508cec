import type ExcelJS from "exceljs";

/**
 * The cell values of an exceljs worksheet as `unknown[][]`, in the shape src/io reads and the fast reader
 * (`openXlsx`) gives: `rows[k]` is sheet row k + 1, `rows[k][j]` column j + 1; each value is exceljs's
 * `cell.value` untouched, null for an empty cell; a merged area gives its value in its top-left cell only, as
 * Office.js `range.values` does; trailing empty cells are left out; missing rows are empty arrays.
 * Type-only use of exceljs, so it costs nothing in the browser bundle.
 */
export function worksheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    while (rows.length < rowNumber - 1) rows.push([]);
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      while (cells.length < col - 1) cells.push(null);
      cells[col - 1] = cell.isMerged && cell.master !== cell ? null : (cell.value ?? null);
    });
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    rows.push(cells);
  });
  return rows;
}
