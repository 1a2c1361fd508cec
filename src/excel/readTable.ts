import { countingSync, resolveRun, type ExcelEnv } from "./env";
import { officeErrorCode, WorkbookError } from "./errors";

/** Where to read: the used range of the active sheet, of a named sheet, or the current selection. */
export type ReadSource =
  | { readonly kind: "activeSheet" }
  | { readonly kind: "sheet"; readonly sheetName: string }
  | { readonly kind: "selection" };

export interface ReadSheetTableOptions extends ExcelEnv {
  /** Default: the active sheet. */
  readonly source?: ReadSource;
  /** Cells per read when a sheet is too large for one response (Excel on the web: 5 MB). Default 100 000. */
  readonly fallbackChunkCells?: number;
}

/** A rectangle of raw cell values, as Office returns them, for `src/io`. */
export interface SheetTable {
  readonly sheetName: string;
  /** "A1:F120" (without the sheet), or "" when the sheet is empty. */
  readonly address: string;
  /** 1-based sheet row of `rows[0]` (pass it to the readers as `firstRowNumber`), and 1-based column. */
  readonly firstRowNumber: number;
  readonly firstColumnNumber: number;
  /** Numbers, strings (errors read as "#N/A"…), booleans; empty cells are "". */
  readonly rows: unknown[][];
  readonly syncs: number;
}

const PAYLOAD_TOO_LARGE = new Set(["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded"]);

function localAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}

function targetRange(context: Excel.RequestContext, source: ReadSource): { range: Excel.Range; sheet: Excel.Worksheet } {
  const workbook = context.workbook;
  switch (source.kind) {
    case "activeSheet": {
      const sheet = workbook.worksheets.getActiveWorksheet();
      return { sheet, range: sheet.getUsedRangeOrNullObject(true) };
    }
    case "sheet": {
      const sheet = workbook.worksheets.getItem(source.sheetName);
      return { sheet, range: sheet.getUsedRangeOrNullObject(true) };
    }
    case "selection": {
      // Trimmed to its used cells: a selection of whole columns would otherwise read a million rows.
      const selected = workbook.getSelectedRange();
      return { sheet: selected.worksheet, range: selected.getUsedRangeOrNullObject(true) };
    }
    default: {
      const never: never = source;
      throw new TypeError(`readSheetTable: unknown source ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Reads the used range of the active sheet (or of a named sheet, or the current selection) in one
 * `context.sync()`: values exactly as Office returns them, for `readClientTable` / `readJournal`. Formatting
 * alone does not extend the used range. When the response is too large for Excel on the web, the range is
 * read again in row chunks (one more sync per chunk).
 *
 * @throws WorkbookError SHEET_NOT_FOUND when `source.sheetName` is not a sheet of the workbook.
 * @example const { rows, firstRowNumber } = await readSheetTable({ source: { kind: "selection" } });
 */
export async function readSheetTable(options: ReadSheetTableOptions = {}): Promise<SheetTable> {
  const source = options.source ?? { kind: "activeSheet" };
  return resolveRun(options)(async (context) => {
    const sync = countingSync(context);
    const { sheet, range } = targetRange(context, source);
    sheet.load("name");
    range.load("values,address,rowIndex,columnIndex");
    try {
      await sync();
    } catch (error) {
      const code = officeErrorCode(error);
      if (code === "ItemNotFound" && source.kind === "sheet") throw new WorkbookError("SHEET_NOT_FOUND", { sheet: source.sheetName }, error);
      if (code !== undefined && PAYLOAD_TOO_LARGE.has(code)) return readInChunks(context, source, options.fallbackChunkCells ?? 100_000, sync);
      throw error;
    }
    if (range.isNullObject === true) {
      return { sheetName: sheet.name, address: "", firstRowNumber: 1, firstColumnNumber: 1, rows: [], syncs: sync.count() };
    }
    return {
      sheetName: sheet.name,
      address: localAddress(range.address),
      firstRowNumber: range.rowIndex + 1,
      firstColumnNumber: range.columnIndex + 1,
      rows: range.values,
      syncs: sync.count(),
    };
  });
}

async function readInChunks(
  context: Excel.RequestContext,
  source: ReadSource,
  chunkCells: number,
  sync: ReturnType<typeof countingSync>,
): Promise<SheetTable> {
  const { sheet, range } = targetRange(context, source);
  sheet.load("name");
  range.load("address,rowIndex,columnIndex,rowCount,columnCount");
  await sync();
  const rowsPerChunk = Math.max(1, Math.floor(chunkCells / Math.max(1, range.columnCount)));
  const rows: unknown[][] = [];
  for (let start = 0; start < range.rowCount; start += rowsPerChunk) {
    const part = sheet.getRangeByIndexes(range.rowIndex + start, range.columnIndex, Math.min(rowsPerChunk, range.rowCount - start), range.columnCount);
    part.load("values");
    await sync();
    for (const row of part.values) rows.push(row);
  }
  return {
    sheetName: sheet.name,
    address: localAddress(range.address),
    firstRowNumber: range.rowIndex + 1,
    firstColumnNumber: range.columnIndex + 1,
    rows,
    syncs: sync.count(),
  };
}

/** Rows of each sheet read to choose the default one (as the command line: `chooseSheet` looks at 20). */
export const HEAD_ROWS = 30;
/** Columns of each sheet read to choose the default one: a header wider than this is not looked at beyond. */
export const HEAD_COLUMNS = 512;

/** A worksheet's first rows, for `chooseSheet`. */
export interface SheetHead {
  readonly name: string;
  readonly visible: boolean;
  /** Rows 1 to `HEAD_ROWS` of the sheet from column A (empty rows above its used range as []), cut after its last used column; [] when empty or not read. */
  readonly rows: unknown[][];
}

export interface SheetHeads {
  readonly sheets: readonly SheetHead[];
  /** The active sheet's name. */
  readonly active: string;
  readonly syncs: number;
}

/**
 * The first rows of every visible sheet (of every sheet when all are hidden), for `chooseSheet`, in two
 * `context.sync()` whatever the number of sheets: one for the list of sheets, one for all their windows. Each
 * window is the used part of rows 1 to `HEAD_ROWS` and columns A to `HEAD_COLUMNS`: bounded, never per cell.
 *
 * @example const { sheets, active } = await readSheetHeads(); chooseSheet(sheets, active)
 */
export async function readSheetHeads(env: ExcelEnv = {}): Promise<SheetHeads> {
  return resolveRun(env)(async (context) => {
    const sync = countingSync(context);
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    const activeSheet = worksheets.getActiveWorksheet();
    activeSheet.load("name");
    await sync();
    const all = worksheets.items.map((s) => ({ sheet: s, name: s.name, visible: s.visibility === "Visible" }));
    const allHidden = all.every((s) => !s.visible);
    const windows = all.map((s) => {
      if (!s.visible && !allHidden) return undefined;
      const window = s.sheet.getRangeByIndexes(0, 0, HEAD_ROWS, HEAD_COLUMNS).getUsedRangeOrNullObject(true);
      window.load("values,rowIndex,columnIndex");
      return window;
    });
    if (windows.some((w) => w !== undefined)) await sync();
    const sheets = all.map((s, k): SheetHead => {
      const window = windows[k];
      if (!window || window.isNullObject) return { name: s.name, visible: s.visible, rows: [] };
      // Empty rows above and cells left of the used part: row k, column j are the sheet's, as the command line reads them.
      const above: unknown[][] = Array.from({ length: window.rowIndex }, () => []);
      const left: unknown[] = Array.from({ length: window.columnIndex }, () => "");
      return { name: s.name, visible: s.visible, rows: [...above, ...window.values.map((r) => (left.length > 0 ? [...left, ...r] : r))] };
    });
    return { sheets, active: activeSheet.name, syncs: sync.count() };
  });
}
