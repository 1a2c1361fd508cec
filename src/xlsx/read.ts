import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { openXlsx } from "./readRows";

/**
 * The cell values of one worksheet of an .xlsx file as `unknown[][]`, ready for `readClientTable` /
 * `readJournal` (which normalise them with `normaliseCell`), read by the one reader (`openXlsx`): `rows[k]` is
 * sheet row k + 1, `rows[k][j]` column j + 1; numbers, strings (rich text joined), booleans, Dates for
 * date-formatted numbers, `{ error }`, a formula's cached result; null for an empty cell. A merged area gives
 * its value in its top-left cell only and null elsewhere, as Office.js `range.values` does. Trailing empty cells
 * of a row are left out; missing rows are empty arrays.
 *
 * `sheet` is a sheet name (case-insensitive) or a 0-based position; default the first worksheet.
 *
 * @throws XlsxError (French message naming the file when `source` is a path) when the file cannot be read;
 *   RangeError when the sheet does not exist.
 */
export async function readXlsxRows(source: Buffer | Uint8Array | string, sheet?: string | number): Promise<unknown[][]> {
  const bytes = typeof source === "string" ? await readFile(source) : source;
  const book = openXlsx(bytes, typeof source === "string" ? basename(source) : {});
  const names = book.names;
  const name =
    sheet === undefined ? names[0] : typeof sheet === "number" ? names[sheet] : names.find((n) => n.toLowerCase() === sheet.toLowerCase());
  if (name === undefined) {
    const list = names.map((n) => `« ${n} »`).join(", ");
    throw new RangeError(`readXlsxRows: no sheet ${typeof sheet === "number" ? `n° ${sheet + 1}` : `« ${String(sheet)} »`} (sheets: ${list || "none"})`);
  }
  return book.rows(name);
}
