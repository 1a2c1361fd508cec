import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { worksheetRows } from "./sheetRows";

/**
 * The cell values of one worksheet of an .xlsx file as `unknown[][]`, ready for `readClientTable` /
 * `readJournal` (which normalise them with `normaliseCell`): `rows[k]` is sheet row k + 1, `rows[k][j]` column
 * j + 1; each value is exceljs's `cell.value` untouched (number, string, boolean, Date, `{ formula, result }`,
 * `{ richText }`, `{ text, hyperlink }`, `{ error }`), null for an empty cell. A merged area gives its value in
 * its top-left cell only and null elsewhere, as Office.js `range.values` does. Trailing empty cells of a row are
 * left out; missing rows are empty arrays.
 *
 * `sheet` is a sheet name (case-insensitive) or a 0-based position; default the first worksheet.
 *
 * @throws Error when the file cannot be read as .xlsx or the sheet does not exist.
 */
export async function readXlsxRows(source: Buffer | Uint8Array | string, sheet?: string | number): Promise<unknown[][]> {
  const bytes = typeof source === "string" ? await readFile(source) : source;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const worksheets = workbook.worksheets;
  const ws =
    sheet === undefined
      ? worksheets[0]
      : typeof sheet === "number"
        ? worksheets[sheet]
        : worksheets.find((w) => w.name.toLowerCase() === sheet.toLowerCase());
  if (!ws) {
    const names = worksheets.map((w) => `« ${w.name} »`).join(", ");
    throw new Error(`readXlsxRows: no sheet ${typeof sheet === "number" ? `n° ${sheet + 1}` : `« ${String(sheet)} »`} (sheets: ${names || "none"})`);
  }
  return worksheetRows(ws);
}
