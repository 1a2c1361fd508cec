import ExcelJS from "exceljs";
import { readFileSync, statSync } from "node:fs";
import { decodeText, parseCsv } from "../io";
import { CliError } from "./errors";
import { openXlsx } from "./xlsxInput";
import { worksheetRows } from "../xlsx/sheetRows";

/** The raw cells of the sheet the CLI reads, as `src/io` takes them. */
export interface InputTable {
  readonly kind: "xlsx" | "csv";
  readonly path: string;
  /** The file's bytes (an .xlsx is the base of the written workbook). */
  readonly bytes: Buffer;
  /** The sheet read (xlsx). */
  readonly sheet?: string;
  /** Every worksheet name of the workbook, in order (xlsx). */
  readonly sheetNames: readonly string[];
  /** Rows from the first non-empty row of the sheet, cells as exceljs or the CSV parser gives them. */
  readonly rows: unknown[][];
  /** Sheet row number of `rows[0]`. */
  readonly firstRowNumber: number;
  /** The workbook counts dates in the 1904 system (old Mac files). */
  readonly date1904: boolean;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, k) => bytes[k] === b);
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EACCES" || code === "EPERM") return "accès refusé";
  if (code === "EISDIR") return "c'est un dossier";
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** The file's bytes, or a CliError that says why not. */
export function readBytes(path: string): Buffer {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new CliError("FILE_IS_DIR", { path });
    size = stat.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR") throw new CliError("FILE_NOT_FOUND", { path });
    throw new CliError("FILE_UNREADABLE", { path, reason: reasonOf(error) });
  }
  if (size === 0) throw new CliError("FILE_EMPTY", { path });
  try {
    return readFileSync(path);
  } catch (error) {
    throw new CliError("FILE_UNREADABLE", { path, reason: reasonOf(error) });
  }
}

/** Drops the leading empty rows; the first row number follows. */
function fromFirstRow(rows: unknown[][]): { rows: unknown[][]; firstRowNumber: number } {
  let k = 0;
  while (k < rows.length && rows[k].every((v) => v === null || v === undefined || (typeof v === "string" && v.trim() === ""))) k++;
  return { rows: k === 0 ? rows : rows.slice(k), firstRowNumber: k + 1 };
}


/** Loads an .xlsx; a CliError when exceljs cannot read it. */
export async function loadWorkbook(path: string, bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new CliError("XLSX_CORRUPT", { path });
  }
  return wb;
}

function chooseSheet(path: string, names: readonly string[], wanted: string | undefined): string {
  if (names.length === 0) throw new CliError("NO_SHEET", { path });
  if (wanted === undefined) return names[0];
  const found = names.find((n) => n === wanted) ?? names.find((n) => n.toLowerCase() === wanted.trim().toLowerCase());
  if (found === undefined) throw new CliError("SHEET_NOT_FOUND", { sheet: wanted, path, sheets: names.map((n) => `« ${n} »`).join(", ") });
  return found;
}

/**
 * The rows of the chosen worksheet of an .xlsx: read by the fast reader (`src/xlsx/readRows.ts`), or by exceljs when
 * the fast reader does not handle the file (exceljs then decides whether the file is readable at all).
 */
async function workbookTable(
  path: string,
  bytes: Buffer,
  wanted: string | undefined,
): Promise<{ sheet: string; names: readonly string[]; rows: unknown[][]; date1904: boolean }> {
  try {
    const fast = openXlsx(bytes, path);
    const sheet = chooseSheet(path, fast.names, wanted);
    return { sheet, names: fast.names, rows: fast.rows(sheet), date1904: fast.date1904 };
  } catch (error) {
    if (error instanceof CliError) throw error;
  }
  const wb = await loadWorkbook(path, bytes);
  const names = wb.worksheets.map((w) => w.name);
  const sheet = chooseSheet(path, names, wanted);
  const properties = (wb as unknown as { properties?: { date1904?: boolean } }).properties;
  return { sheet, names, rows: worksheetRows(wb.getWorksheet(sheet) as ExcelJS.Worksheet), date1904: properties?.date1904 === true };
}

/**
 * Reads the table of an input file: an .xlsx workbook (the sheet named `sheet`, else the first one) or a CSV
 * text (any other text file). The kind comes from the bytes, not the extension: a zip is a workbook, an OLE
 * file an old .xls (refused with advice), text is CSV.
 *
 * @throws CliError for a missing, empty, unreadable or binary file, an unknown sheet, an empty sheet.
 */
export async function readInput(path: string, options: { readonly sheet?: string; readonly warn?: (text: CliError) => void } = {}): Promise<InputTable> {
  const bytes = readBytes(path);
  if (startsWith(bytes, OLE)) throw new CliError("XLS_OLD", { path });
  if (startsWith(bytes, ZIP)) {
    const table = await workbookTable(path, bytes, options.sheet);
    const { rows, firstRowNumber } = fromFirstRow(table.rows);
    if (rows.length === 0) throw new CliError("NO_ROWS", { sheet: table.sheet, path });
    return { kind: "xlsx", path, bytes, sheet: table.sheet, sheetNames: table.names, rows, firstRowNumber, date1904: table.date1904 };
  }
  if (/\.xls[xmb]?$/i.test(path)) throw new CliError("XLSX_CORRUPT", { path });
  if (bytes.subarray(0, 4096).includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CliError("BINARY_FILE", { path });
  }
  if (options.sheet !== undefined) options.warn?.(new CliError("SHEET_IGNORED", { path }));
  const { rows, firstRowNumber } = fromFirstRow(parseCsv(decodeText(bytes)));
  if (rows.length === 0) throw new CliError("FILE_EMPTY", { path });
  return { kind: "csv", path, bytes, sheetNames: [], rows, firstRowNumber, date1904: false };
}
