import { readFileSync, statSync } from "node:fs";
import { chooseSheet, type SheetChoice } from "../io/chooseSheet";
import { combineSheets, fromFirstRow } from "../io/combineSheets";
import { CsvError, decodeTextReport, parseCsv, type CsvProblem } from "../io/csv";
import type { CliMessageKey } from "../i18n/cli";
import { CliError } from "./errors";
import { openXlsx } from "./xlsxInput";
import type { PlainStrings } from "../xlsx/readRows";

/** The raw cells of the sheet the CLI reads, as `src/io` takes them. */
export interface InputTable {
  readonly kind: "xlsx" | "csv";
  readonly path: string;
  /** The file's bytes (an .xlsx is the base of the written workbook). */
  readonly bytes: Buffer;
  /** The sheet read (xlsx); for combined sheets, their names joined by ", ". */
  readonly sheet?: string;
  /** How the sheet was chosen: named by --sheet, chosen by `chooseSheet` (its reason), or combined. */
  readonly choice?: "named" | "combined" | SheetChoice["reason"];
  /** The sheets combined, with the rows (numbered as in the combined table) each one gave. */
  readonly parts?: readonly { readonly sheet: string; readonly from: number; readonly to: number }[];
  /** Every worksheet name of the workbook, in order (xlsx). */
  readonly sheetNames: readonly string[];
  /** Rows from the first non-empty row of the sheet, cells as exceljs or the CSV parser gives them. */
  readonly rows: unknown[][];
  /** Sheet row number of `rows[0]`. */
  readonly firstRowNumber: number;
  /** The workbook counts dates in the 1904 system (old Mac files). */
  readonly date1904: boolean;
  /**
   * The workbook (xlsx), for reading its other sheets (a sales journal beside the clients): opened once, its
   * shared strings read once (a second opening read them all again, about 80 ms at 100 000 clients).
   */
  readonly book?: Book;
  /**
   * The workbook's plain shared strings (xlsx), for the writer, which refers to them instead of adding the
   * clients' codes and names again (see `WriteXlsxOptions.baseStrings`): kept when the book is let go.
   */
  readonly plainStrings?: PlainStrings;
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

function findSheet(path: string, names: readonly string[], wanted: string): string {
  const found = names.find((n) => n === wanted) ?? names.find((n) => n.toLowerCase() === wanted.trim().toLowerCase());
  if (found === undefined) throw new CliError("SHEET_NOT_FOUND", { sheet: wanted, path, sheets: names.map((n) => `« ${n} »`).join(", ") });
  return found;
}

/** A workbook as the CLI reads it: sheet names with visibility, and rows on demand (each sheet read once). */
export interface Book {
  readonly sheets: readonly { readonly name: string; readonly visible: boolean }[];
  /** The sheet whose tab is active when the file opens. */
  readonly active?: string;
  readonly date1904: boolean;
  rows(name: string): unknown[][];
  /** The workbook's plain shared strings, once a sheet is read (see `XlsxSheets.plainStrings`). */
  plainStrings(): PlainStrings | undefined;
}

/**
 * Opens an .xlsx with the one reader (`src/xlsx/readRows.ts`): a file it refuses is a CliError (exit code 2)
 * naming the file and the reason; there is no second reader to fall back on.
 */
function openBook(path: string, bytes: Buffer): Book {
  const book = openXlsx(bytes, path);
  const cache = new Map<string, unknown[][]>();
  const rows = (name: string): unknown[][] => {
    let r = cache.get(name);
    if (!r) {
      r = book.rows(name);
      cache.set(name, r);
    }
    return r;
  };
  const sheets = book.sheets.map((s) => ({ name: s.name, visible: s.state === "visible" }));
  return { sheets, date1904: book.date1904, rows, plainStrings: book.plainStrings, ...(book.active !== undefined ? { active: book.active } : {}) };
}

/** The sheets `--sheet` names: one sheet, "all", or a comma-separated list (a sheet whose name has a comma wins). */
function wantedSheets(path: string, book: Book, wanted: string): string[] | "all" {
  const names = book.sheets.map((s) => s.name);
  if (wanted.trim().toLowerCase() === "all" && !names.some((n) => n.toLowerCase() === "all")) return "all";
  if (!wanted.includes(",") || names.some((n) => n === wanted)) return [findSheet(path, names, wanted)];
  return [...new Set(wanted.split(",").map((w) => findSheet(path, names, w.trim())))];
}

interface SheetTable {
  readonly sheet: string;
  readonly choice: NonNullable<InputTable["choice"]>;
  readonly parts?: InputTable["parts"];
  readonly rows: unknown[][];
  readonly firstRowNumber: number;
}

/** Rows `chooseSheet` looks at. */
const HEAD_ROWS = 30;

/**
 * The rows the CLI reads from a workbook: the sheet `--sheet` names; else the one `chooseSheet` picks (the rule
 * the wizard uses too); with `--sheet all` (every visible sheet with a client header) or a list, the sheets
 * combined under the first one's header, which must name the same columns.
 */
function workbookTable(path: string, book: Book, wanted: string | undefined): SheetTable {
  if (book.sheets.length === 0) throw new CliError("NO_SHEET", { path });
  const allHidden = book.sheets.every((s) => !s.visible);
  if (wanted === undefined) {
    const choice = chooseSheet(
      book.sheets.map((s) => ({ name: s.name, visible: s.visible, rows: s.visible || allHidden ? book.rows(s.name).slice(0, HEAD_ROWS) : [] })),
      book.active,
    );
    const name = choice?.name ?? book.sheets[0].name;
    return { sheet: name, choice: choice?.reason ?? "first", ...fromFirstRow(book.rows(name)) };
  }
  const asked = wantedSheets(path, book, wanted);
  if (asked !== "all" && asked.length === 1) return { sheet: asked[0], choice: "named", ...fromFirstRow(book.rows(asked[0])) };
  const names =
    asked === "all"
      ? book.sheets.filter((s) => s.visible && (chooseSheet([{ name: s.name, visible: true, rows: book.rows(s.name).slice(0, HEAD_ROWS) }])?.fit.score ?? 0) > 0).map((s) => s.name)
      : asked;
  if (names.length === 0) throw new CliError("NO_SHEET_TO_COMBINE", { path });
  const tables = names.map((name) => ({ name, ...fromFirstRow(book.rows(name)) }));
  // The one combining rule, shared with the wizard (src/io/combineSheets.ts).
  const combined = combineSheets(tables);
  if (!combined.ok) throw new CliError("SHEETS_DIFFER", { sheets: combined.differ.map((n) => `« ${n} »`).join(", "), first: names[0] });
  if (tables.length === 1) return { sheet: names[0], choice: "named", rows: tables[0].rows, firstRowNumber: tables[0].firstRowNumber };
  return { sheet: names.join(", "), choice: "combined", parts: combined.parts, rows: combined.rows, firstRowNumber: combined.firstRowNumber };
}

const CSV_MESSAGES: Readonly<Record<CsvProblem, CliMessageKey>> = {
  unterminatedQuote: "CSV_UNTERMINATED",
  tooManyFields: "CSV_TOO_MANY_FIELDS",
  fieldTooLong: "CSV_FIELD_TOO_LONG",
  lineTooLong: "CSV_LINE_TOO_LONG",
};

/**
 * Reads the table of an input file: an .xlsx workbook (see `workbookTable` for the sheet) or a CSV text (any
 * other text file). The kind comes from the bytes, not the extension: a zip is a workbook, an OLE file an old
 * .xls (refused with advice), text is CSV. A CSV that is not valid UTF-8 is read as Windows-1252 with a warning
 * naming the first invalid byte.
 *
 * @throws CliError for a missing, empty, unreadable or binary file, an unknown sheet, an empty sheet, sheets of
 * different shapes to combine, a CSV with an unterminated quote or over the size limits.
 */
export async function readInput(path: string, options: { readonly sheet?: string; readonly warn?: (text: CliError) => void } = {}): Promise<InputTable> {
  const bytes = readBytes(path);
  if (startsWith(bytes, OLE)) throw new CliError("XLS_OLD", { path });
  if (startsWith(bytes, ZIP)) {
    const book = openBook(path, bytes);
    const table = workbookTable(path, book, options.sheet);
    if (table.rows.length === 0) throw new CliError("NO_ROWS", { sheet: table.sheet, path });
    return {
      kind: "xlsx",
      path,
      bytes,
      sheet: table.sheet,
      choice: table.choice,
      ...(table.parts ? { parts: table.parts } : {}),
      sheetNames: book.sheets.map((s) => s.name),
      rows: table.rows,
      firstRowNumber: table.firstRowNumber,
      date1904: book.date1904,
      book,
    };
  }
  if (/\.xls[xmb]?$/i.test(path)) throw new CliError("XLSX_CORRUPT", { path });
  if (bytes.subarray(0, 4096).includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CliError("BINARY_FILE", { path });
  }
  if (options.sheet !== undefined) options.warn?.(new CliError("SHEET_IGNORED", { path }));
  return readCsvTable(path, bytes, options.warn);
}

/**
 * The table of a CSV file's bytes, as `readInput` reads it: decoded (UTF-8, else Windows-1252 with a warning),
 * parsed, title rows skipped.
 *
 * @throws CliError for an unterminated quote, a line or field over the limits, or no rows at all.
 */
export function readCsvTable(path: string, bytes: Buffer, warn?: (text: CliError) => void): InputTable {
  const decoded = decodeTextReport(bytes);
  if (decoded.invalidUtf8) warn?.(new CliError("CSV_NOT_UTF8", { path, ...decoded.invalidUtf8 }));
  let parsed: string[][];
  try {
    parsed = parseCsv(decoded.text);
  } catch (error) {
    if (error instanceof CsvError) throw new CliError(CSV_MESSAGES[error.problem], { path, line: error.line, ...(error.limit !== undefined ? { limit: error.limit } : {}) });
    throw error;
  }
  const { rows, firstRowNumber } = fromFirstRow(parsed);
  if (rows.length === 0) throw new CliError("FILE_EMPTY", { path });
  return { kind: "csv", path, bytes, sheetNames: [], rows, firstRowNumber, date1904: false };
}
