import { fromFirstRow } from "../../io/combineSheets";
import { CsvError, decodeText, parseCsv } from "../../io/csv";
import { columnLetter } from "../../plan/cells";
import { withSourceRows } from "../../plan/sourceSheet";
import type { WorkbookPlan } from "../../plan/types";
import { openXlsx, type SheetState, type XlsxSheets } from "./xlsxReader";
import type { PlainStrings } from "../../xlsx/readRows";
import type { WrittenXlsx } from "../../xlsx/write";
import { PortError, type SheetSummary, type SourceRef, type SourceTable, type WorkbookPort } from "./port";
import { combineTables, defaultSheetOf } from "./sheetChoice";

/** What the port needs of a browser `File` (tests pass plain objects). */
export interface FileLike {
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Writes a plan's sheets into a copy of `base` (the user's workbook): src/xlsx's `writeXlsxPackage` by default. */
export type PlanWriter = (
  plan: WorkbookPlan,
  options: {
    /** The uploaded .xlsx; none for a CSV, whose rows are the plan's first sheet. */
    readonly base?: Uint8Array;
    /** Its plain shared strings, as the reader read them (see `WriteXlsxOptions.baseStrings`). */
    readonly baseStrings?: PlainStrings;
    readonly replace: boolean;
    readonly keep: ReadonlySet<string>;
    /** Plan sheets that are the user's data (a CSV's rows): written without PAC Commercial's mark. */
    readonly unmarked?: readonly string[];
  },
) => Promise<WrittenXlsx>;

let writerModule: Promise<typeof import("../../xlsx/write")> | undefined;

/** src/xlsx's writer (charts, tables, conditional colours, print setup): its own chunk, loaded once. */
function loadWriter(): Promise<typeof import("../../xlsx/write")> {
  writerModule ??= import(/* webpackChunkName: "xlsx-writer" */ "../../xlsx/write").catch((error: unknown) => {
    writerModule = undefined; // the next attempt loads it again
    throw error;
  });
  return writerModule;
}

/** src/xlsx's writer, loaded on first use (or ahead of it: see `prepareWrite`). */
const writeWithXlsx: PlanWriter = async (plan, options) => {
  let writer: typeof import("../../xlsx/write");
  try {
    writer = await loadWriter();
  } catch {
    throw new PortError("file.loadFailed");
  }
  return writer.writeXlsxPackage(plan, options);
};

function baseName(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return (dot > 0 ? fileName.slice(0, dot) : fileName) || "classeur";
}

/** A valid sheet name from a file name: no []:*?/\ and at most 31 characters. */
function sheetNameOf(fileName: string): string {
  const cleaned = baseName(fileName).replace(/[[\]:*?/\\]/g, " ").trim().slice(0, 31);
  return cleaned === "" ? "Données" : cleaned;
}

/** What the port reads of the workbook, whichever reader read it. */
interface ReadWorkbook {
  /** Every worksheet, in tab order. */
  readonly sheets: readonly { readonly name: string; readonly state: SheetState }[];
  /** The worksheet of the active tab, if it is one. */
  readonly active: string | undefined;
  readonly date1904: boolean;
  /** The rows of a worksheet of `sheets` (by exact name). */
  rows(name: string): Promise<unknown[][]>;
  /** The workbook's plain shared strings, once a sheet is read (an .xlsx; see `XlsxSheets.plainStrings`). */
  plainStrings?(): PlainStrings | undefined;
}

/**
 * An uploaded .xlsx read by src/xlsx's one reader (no exceljs chunk): a file it refuses is a PortError with the
 * reader's French message; there is no second reader to fall back on.
 */
function readXlsx(bytes: Uint8Array, fileName: string): ReadWorkbook {
  const book: XlsxSheets = openXlsx(bytes, fileName);
  return {
    sheets: book.sheets,
    active: book.active,
    date1904: book.date1904,
    // Each sheet's parts inflated by the browser's native inflater where there is one (see `readRows`).
    rows: (name) => book.readRows(name),
    plainStrings: book.plainStrings,
  };
}

type Kind = "xlsx" | "xls" | "csv";

function kindOf(name: string, bytes: Uint8Array): Kind | undefined {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return "xls";
  const lower = name.toLowerCase();
  if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) return "xlsx";
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return "csv";
  return undefined;
}

/**
 * Opens an .xlsx or .csv chosen in the browser as a workbook port. A CSV becomes a workbook with one sheet named
 * after the file, so the downloaded workbook holds the data beside the written sheets. Each `writePlan` starts
 * again from the file as uploaded: the download is the user's workbook, untouched, plus the latest plan's
 * sheets; with `replace`, a sheet of the same name is dropped unless the wizard read it.
 *
 * @throws PortError file.error.* (French message) for an empty, unreadable, .xls or unknown file.
 */
export async function openFilePort(file: FileLike, writer: PlanWriter = writeWithXlsx): Promise<WorkbookPort> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw new PortError("file.error.empty", { file: file.name });
  const kind = kindOf(file.name, bytes);
  if (kind === undefined) throw new PortError("file.error.type", { file: file.name });
  if (kind === "xls") throw new PortError("file.error.xls", { file: file.name });
  /** What the plan's sheets are added to: the uploaded bytes; a CSV's rows instead go first in the plan. */
  let base: Uint8Array | undefined;
  let csv: { readonly rows: readonly string[][]; readonly name: string } | undefined;
  let book: ReadWorkbook;
  if (kind === "xlsx") {
    // The uploaded bytes are the base: writeXlsxPackage grafts the plan's sheets into them at package level.
    base = bytes;
    book = await readXlsx(bytes, file.name);
  } else {
    let rows: string[][];
    try {
      rows = parseCsv(decodeText(bytes));
    } catch (error) {
      // An unterminated quote or a line over the limits: the file cannot be read as a table.
      if (error instanceof CsvError) throw new PortError("file.error.unreadable", { file: file.name });
      throw error;
    }
    const name = sheetNameOf(file.name);
    csv = { rows, name };
    book = { sheets: [{ name, state: "visible" }], active: name, date1904: false, rows: async (n) => (n === name ? rows : []) };
  }
  const visible = book.sheets.filter((s) => s.state === "visible").map((s) => s.name);
  if (visible.length === 0) throw new PortError("file.error.noSheet", { file: file.name });
  // The sheet read by default: the command line's rule (`chooseSheet`), so one file gives one PAC. Its rows
  // are kept for the first read; the other sheets' are dropped.
  const read0 = new Map<string, unknown[][]>();
  const heads: { name: string; visible: boolean; rows: unknown[][] }[] = [];
  for (const name of visible) {
    const rows = await book.rows(name);
    read0.set(name, rows);
    heads.push({ name, visible: true, rows: rows.slice(0, 30) });
  }
  const chosen = defaultSheetOf(heads, book.active);
  const active = chosen?.name ?? visible[0];
  /** The workbook's own active tab ("Feuille active"), when visible; else the chosen sheet. */
  const activeTab = book.active !== undefined && visible.includes(book.active) ? book.active : active;
  const firstRows = read0.get(active);
  read0.clear();
  let pendingRows: unknown[][] | undefined = firstRows;
  const date1904 = book.date1904;
  /** Sheets the wizard read: never replaced. */
  const read = new Set<string>();
  /** The latest package written, as the writer's pieces (see `WrittenXlsx.chunks`). */
  let written: readonly Uint8Array[] | undefined;

  const sheetFor = (source: Exclude<SourceRef, { kind: "sheets" }>): string => {
    if (source.kind === "sheet") {
      const s = book.sheets.find((sheet) => sheet.name === source.name);
      if (!s) throw new PortError("file.error.noSheet", { file: file.name });
      return s.name;
    }
    return activeTab;
  };

  return {
    kind: "file",
    title: file.name,
    // The upload is held as bytes no one edits: a sheet read once needs no second read.
    fixed: true,
    listSheets: async (): Promise<SheetSummary[]> => visible.map((name) => ({ name, active: name === activeTab })),
    defaultSheet: async () => chosen,
    readTable: async (source): Promise<SourceTable> => {
      const one = async (ref: Exclude<SourceRef, { kind: "sheets" }>): Promise<SourceTable> => {
        const sheetName = sheetFor(ref);
        read.add(sheetName);
        let rows: unknown[][];
        if (pendingRows && sheetName === active) {
          rows = pendingRows;
          pendingRows = undefined;
        } else rows = await book.rows(sheetName);
        // Leading empty rows dropped as the command line drops them (src/io/combineSheets.ts).
        const { rows: kept, firstRowNumber } = fromFirstRow(rows);
        const width = kept.reduce((m, r) => Math.max(m, r.length), 0);
        const address = kept.length > 0 && width > 0 ? `A${firstRowNumber}:${columnLetter(width - 1)}${firstRowNumber + kept.length - 1}` : "";
        return { sheetName, address, firstRowNumber, rows: kept, date1904 };
      };
      if (source.kind !== "sheets") return one(source);
      const tables: SourceTable[] = [];
      for (const name of source.names) tables.push(await one({ kind: "sheet", name }));
      return combineTables(tables);
    },
    ...(writer === writeWithXlsx
      ? {
          prepareWrite: () => {
            loadWriter().then(
              (module) => module.prepareWriting(),
              () => undefined, // said by writePlan, which loads it again
            );
          },
        }
      : {}),
    existingSheets: async (names) => {
      const wanted = new Set(names.map((n) => n.toLocaleUpperCase("fr-FR")));
      return book.sheets.filter((s) => wanted.has(s.name.toLocaleUpperCase("fr-FR"))).map((s) => s.name);
    },
    writePlan: async (plan, options) => {
      options.onProgress?.(0, 1);
      // A CSV's rows are written first, as the command line writes them (numbers as numbers, never formulas).
      const source = csv ? withSourceRows(plan, csv.rows, 1, csv.name) : undefined;
      const baseStrings = base ? book.plainStrings?.() : undefined;
      const result = await writer(source ? source.plan : plan, {
        ...(base ? { base } : {}),
        ...(baseStrings ? { baseStrings } : {}),
        replace: options.replace,
        keep: read,
        ...(source ? { unmarked: [source.name] } : {}),
      });
      // The pieces, not `bytes`: joining them would copy the whole file once more, for the Blob to copy it again.
      written = result.chunks;
      options.onProgress?.(1, 1);
      return { sheetNames: source ? result.sheetNames.slice(1) : result.sheetNames };
    },
    download: async () => {
      if (!written) throw new PortError("generate.blocked");
      // A Blob of the pieces as they are: the browser never joins them into one array.
      const blob = new Blob(written as Uint8Array<ArrayBuffer>[], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
      return { fileName: `${baseName(file.name)}-PAC.xlsx`, blob };
    },
  };
}

