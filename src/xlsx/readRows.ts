import { columnLetter } from "../plan/cells";
import { XlsxError, type XlsxErrorCode } from "./errors";
import * as limits from "./limits";
import { XLSX_LIMITS, type XlsxLimits } from "./limits";
import { relsPath, resolveTarget } from "./parts";
import { readPart, readPartAsync, readZip } from "./unzip";
import { cellValue, MISSING_STRING, openRow, placeRow, plainSheetRows, type SheetContext } from "./plainSheet";
import { parseXml, parseXmlNs, type XmlHandlers } from "./xml";
import type { StoredEntry } from "./zip";

/**
 * The one reader of the cell values of an .xlsx file's worksheets, for the command line and the browser. It
 * reads plain bytes (`Uint8Array`): the zip through `unzip.ts` (sizes, limits and CRC-32 of every part
 * checked), every part it uses (package and workbook relationships, workbook, shared strings, styles, sheets)
 * through saxes, a conformant streaming XML parser, or the plain-XML scanner of `xml.ts` where it proves the XML
 * plain; a plain sheet is read in place from its bytes by `plainSheet.ts`, under the same rules.
 *
 * It gives the same raw values as `exceljs` `row.values`, in the shapes `src/io`'s `normaliseCell` reads:
 * numbers; Dates (UTC) for numbers whose cell format is a date format (exceljs's rule, 1904 system included);
 * strings for shared, inline and formula strings (rich text joined, phonetic runs left out); booleans;
 * `{ error: "#N/A" }` for errors; a formula gives its cached result. Blank cells are null; rows with no value
 * are `[]`.
 *
 * A file it cannot read, or that goes beyond a limit (`limits.ts`: part sizes, Excel's grid, 32 767 characters
 * per cell), throws an `XlsxError` with a French message (`messageIn("en")` in English): there is no other
 * reader to fall back to.
 */

/** exceljs's rule: a format is a date format when, quoted text and [..] sections removed, it has y m d h s or b. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

function builtInIsDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** The parts of the package, by name (backslashes read as slashes; exact name first, then any case). */
class Package {
  private readonly byName = new Map<string, StoredEntry>();
  private readonly byLowerName = new Map<string, StoredEntry>();
  /** Parts inflated ahead by `load`, each handed out once by `bytes` (then dropped, not kept beside the rows). */
  private readonly loaded = new Map<StoredEntry, Uint8Array>();

  constructor(entries: readonly StoredEntry[]) {
    for (const entry of entries) {
      const name = entry.name.replace(/\\/g, "/").replace(/^\//, "");
      this.byName.set(name, entry);
      if (!this.byLowerName.has(name.toLowerCase())) this.byLowerName.set(name.toLowerCase(), entry);
    }
  }

  /** The inflated, CRC-checked bytes of a part; undefined when there is no such part. */
  bytes(name: string): Uint8Array | undefined {
    const entry = this.entry(name);
    if (entry === undefined) return undefined;
    const ahead = this.loaded.get(entry);
    if (ahead === undefined) return readPart(entry);
    this.loaded.delete(entry);
    return ahead;
  }

  /** Inflates parts ahead through `readPartAsync` (the browser's native inflater); missing names are skipped. */
  async load(names: readonly string[]): Promise<void> {
    for (const name of names) {
      const entry = this.entry(name);
      if (entry !== undefined && !this.loaded.has(entry)) this.loaded.set(entry, await readPartAsync(entry));
    }
  }

  private entry(name: string): StoredEntry | undefined {
    return this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The part it points to, resolved from the part holding the relationship. */
  readonly target: string;
}

function percentDecoded(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

/** The internal relationships of a part (`_rels/*.rels`); none when the part has no relationships part. */
function relationships(pkg: Package, fromPart: string): Relationship[] {
  const path = fromPart === "" ? "_rels/.rels" : relsPath(fromPart);
  const bytes = pkg.bytes(path);
  if (bytes === undefined) return [];
  return parseXml(path, bytes, () => {
    const out: Relationship[] = [];
    return {
      out,
      open: (local: string, a: Readonly<Record<string, string>>) => {
        if (local !== "Relationship" || a.TargetMode === "External" || a.Id === undefined || a.Target === undefined) return;
        out.push({ id: a.Id, type: a.Type ?? "", target: resolveTarget(fromPart === "" ? "x" : fromPart, percentDecoded(a.Target)) });
      },
      close: () => undefined,
    };
  }).out;
}

const hasType = (rel: Relationship, type: string): boolean => rel.type.endsWith(`/${type}`);

/** The relationships namespaces of transitional and strict Office Open XML. */
const REL_NAMESPACES = new Set(["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"]);

/** A workbook's shared strings: the text of each item, and the items that are more than one plain text. */
interface SharedStringItems {
  /** Each item's `<t>` runs joined, phonetic runs (`<rPh>`) left out. */
  readonly texts: string[];
  /** The items with rich text runs (`<r>`) or phonetic runs: shown otherwise than their text alone. */
  readonly formatted: Set<number>;
}

function sharedStrings(part: string, bytes: Uint8Array | undefined): SharedStringItems {
  if (bytes === undefined) return { texts: [], formatted: new Set() };
  return parseXml(part, bytes, () => {
    const texts: string[] = [];
    const formatted = new Set<number>();
    let inItem = false;
    let phonetic = 0;
    let inText = false;
    let text = "";
    return {
      out: { texts, formatted },
      open: (local: string) => {
        if (local === "si") {
          inItem = true;
          text = "";
        } else if (inItem && (local === "r" || local === "rPh")) {
          formatted.add(texts.length);
          if (local === "rPh") phonetic++;
        } else if (inItem && phonetic === 0 && local === "t") inText = true;
      },
      text: (t: string) => {
        if (inText) text += t;
      },
      close: (local: string) => {
        if (local === "t") inText = false;
        else if (local === "rPh") phonetic--;
        else if (local === "si") {
          texts.push(text);
          inItem = false;
        }
      },
    };
  }).out;
}

/** For each cell style index (`s`), whether its number format is a date format. */
function dateStyles(part: string, bytes: Uint8Array | undefined): boolean[] {
  if (bytes === undefined) return [];
  const { custom, ids } = parseXml(part, bytes, () => {
    const custom = new Map<number, string>();
    const ids: number[] = [];
    let inCellXfs = false;
    return {
      custom,
      ids,
      open: (local: string, a: Readonly<Record<string, string>>) => {
        if (local === "numFmt" && a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
        else if (local === "cellXfs") inCellXfs = true;
        else if (inCellXfs && local === "xf") ids.push(Number(a.numFmtId ?? 0));
      },
      close: (local: string) => {
        if (local === "cellXfs") inCellXfs = false;
      },
    };
  });
  return ids.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : builtInIsDate(id);
  });
}

/** A short quote of what the file says, for a message. */
function quote(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

/** "A1" → column 1, row 1; undefined when it is not a cell reference. Letters beyond 3 are beyond any grid. */
function parseRef(ref: string): { col: number; row: number } | undefined {
  let i = 0;
  let col = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === 0 || i === ref.length || ref.length - i > 7) return undefined;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return undefined;
    row = row * 10 + d;
  }
  return { col, row };
}

// Copied once: an imported binding can be a getter (CommonJS interop), too slow for the per-cell checks.
const { MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, MIN_CELL_SLOTS } = limits;

/**
 * The rows of a worksheet part (`rows[k]` is sheet row k + 1, `rows[k][j]` column j + 1): read in place from the
 * bytes when the sheet is plain (`plainSheet.ts`), else event by event through `parseXml`.
 */
function sheetRows(bytes: Uint8Array, ctx: SheetContext): unknown[][] {
  let rows = plainSheetRows(bytes, ctx, Math.max(MIN_CELL_SLOTS, bytes.length));
  if (rows === undefined) {
    const handlers = parseXml(ctx.part, bytes, () => sheetHandlers(bytes.length, ctx));
    handlers.flush();
    rows = handlers.rows;
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/** The handlers that build a sheet's rows, event by event. */
function sheetHandlers(xmlBytes: number, ctx: SheetContext): XmlHandlers & { readonly rows: unknown[][]; flush(): void } {
  const { sheet } = ctx;
  const rows: unknown[][] = [];
  const maxSlots = Math.max(MIN_CELL_SLOTS, xmlBytes);
  let slots = 0;
  let inData = false;
  let row: unknown[] | undefined;
  let rowIndex = 0;
  let col = 0;
  // The cell being read.
  let inCell = false;
  let ref = "";
  let type: string | undefined;
  let style: string | undefined;
  let v: string | undefined;
  let inline: string | undefined;
  let inInline = false;
  let phonetic = 0;
  /** 1 inside <v>, 2 inside an inline string's <t>. */
  let collecting = 0;
  let text = "";

  const beyondGrid = (r: string): XlsxError => new XlsxError("CELL_BEYOND_GRID", { sheet, ref: quote(r) });
  /** The cell's reference as written, or made from its position when it has none (`<c>` without `r`). */
  const cellRef = (): string => (ref !== "" ? ref : columnLetter(col - 1) + rowIndex);
  const tooLong = (n: number): XlsxError => new XlsxError("CELL_TOO_LONG", { sheet, ref: cellRef(), n, limit: MAX_CELL_CHARS });

  const flush = (): void => {
    if (row === undefined) return;
    placeRow(rows, rowIndex, row);
    row = undefined;
  };

  const value = (): unknown => {
    if (type === "inlineStr") return inline ?? null;
    if (v === undefined) return null;
    const cell = cellValue(type, v, style === undefined ? 0 : Number(style), ctx);
    if (cell === MISSING_STRING) throw new XlsxError("SHARED_STRING_MISSING", { sheet, ref: cellRef(), index: quote(v.trim()) });
    return cell;
  };

  return {
    rows,
    flush,
    open: (local, a) => {
      if (!inData) {
        if (local === "sheetData") inData = true;
        return;
      }
      if (inCell) {
        if (local === "v") {
          collecting = 1;
          text = "";
        } else if (local === "is") {
          inInline = true;
          inline = "";
        } else if (inInline && local === "rPh") phonetic++;
        else if (inInline && phonetic === 0 && local === "t") {
          collecting = 2;
          text = "";
        }
        return;
      }
      if (local === "row") {
        flush();
        const r = a.r;
        if (r === undefined) rowIndex++;
        else {
          rowIndex = /^\d{1,7}$/.test(r) ? Number(r) : 0;
          if (rowIndex < 1 || rowIndex > MAX_ROWS) throw new XlsxError("ROW_BEYOND_GRID", { sheet, row: quote(r) });
        }
        if (rowIndex > MAX_ROWS) throw new XlsxError("ROW_BEYOND_GRID", { sheet, row: String(rowIndex) });
        row = openRow(rows, rowIndex);
        col = 0;
      } else if (local === "c") {
        if (row === undefined) throw new XlsxError("CELL_OUTSIDE_ROW", { sheet });
        const r = a.r;
        if (r === undefined) {
          col++;
          ref = "";
          if (col > MAX_COLUMNS) throw beyondGrid(cellRef());
        } else {
          const at = parseRef(r);
          if (at === undefined || at.col < 1 || at.col > MAX_COLUMNS || at.row < 1 || at.row > MAX_ROWS) throw beyondGrid(r);
          col = at.col;
          ref = r;
        }
        inCell = true;
        type = a.t;
        style = a.s;
        v = undefined;
        inline = undefined;
      }
    },
    text: (t) => {
      if (collecting === 0) return;
      text += t;
      if (text.length > MAX_CELL_CHARS && (collecting === 2 || type === "str")) throw tooLong(text.length);
    },
    close: (local) => {
      if (!inData) return;
      if (inCell) {
        if (local === "v" && collecting === 1) {
          v = text;
          collecting = 0;
        } else if (local === "t" && collecting === 2) {
          inline = (inline ?? "") + text;
          collecting = 0;
          if (inline.length > MAX_CELL_CHARS) throw tooLong(inline.length);
        } else if (local === "rPh" && inInline) phonetic--;
        else if (local === "is") inInline = false;
        else if (local === "c") {
          inCell = false;
          const cell = value();
          if (cell === null || row === undefined) return;
          if (typeof cell === "string" && cell.length > MAX_CELL_CHARS) throw tooLong(cell.length);
          if (col > row.length) {
            slots += col - row.length;
            if (slots > maxSlots) throw new XlsxError("LIMIT_CELLS", { sheet, n: maxSlots, size: xmlBytes });
            while (row.length < col - 1) row.push(null);
          }
          row[col - 1] = cell;
        }
        return;
      }
      if (local === "row") flush();
      else if (local === "sheetData") {
        flush();
        inData = false;
      }
    },
  };
}

/** exceljs's `worksheet.state`: a hidden sheet is not offered to the user. */
export type SheetState = "visible" | "hidden" | "veryHidden";

export interface XlsxSheet {
  readonly name: string;
  readonly state: SheetState;
}

export interface XlsxSheets {
  /** Worksheet names, in workbook order (hidden ones included; chart sheets left out). */
  readonly names: readonly string[];
  /** The worksheets with their visibility, in workbook order. */
  readonly sheets: readonly XlsxSheet[];
  /**
   * The worksheet whose tab is active when the file opens (`workbookView activeTab`, which counts every sheet,
   * chart sheets included); undefined when that tab is not a worksheet.
   */
  readonly active: string | undefined;
  readonly date1904: boolean;
  /**
   * The rows of one worksheet (by name, exact).
   * @throws XlsxError when its part is missing, damaged or beyond a limit.
   */
  readonly rows: (name: string) => unknown[][];
  /**
   * The same rows, the sheet's parts inflated first by the runtime's native inflater where it has one (a
   * browser's `DecompressionStream`, several times faster than pako), under the same limits and errors.
   */
  readonly readRows: (name: string) => Promise<unknown[][]>;
  /**
   * The workbook's shared strings that are a plain text (no rich text, no phonetic runs), each to its first
   * index: a writer that keeps this workbook's shared strings refers to them instead of adding the texts again.
   * Undefined until a sheet's rows are read (the table is read with the first).
   */
  readonly plainStrings: () => PlainStrings | undefined;
}

/** A workbook's plain shared strings (see `XlsxSheets.plainStrings`), and how many items the table has in all. */
export interface PlainStrings {
  /** Each plain text's first index. */
  readonly ids: ReadonlyMap<string, number>;
  /** The same, index by index: `byIndex[k]` is the text whose first plain index `ids` gives as k, else undefined. */
  readonly byIndex: readonly (string | undefined)[];
  readonly count: number;
}

function stateOf(value: string | undefined): SheetState {
  return value === "hidden" || value === "veryHidden" ? value : "visible";
}

export interface OpenXlsxOptions {
  /** The file's name, for the messages (« clients.xlsx »). */
  readonly fileName?: string;
  readonly limits?: XlsxLimits;
}

interface Workbook {
  readonly sheets: { readonly name: string; readonly part: string | undefined; readonly state: SheetState }[];
  readonly activeTab: number;
  readonly date1904: boolean;
}

function readWorkbook(part: string, bytes: Uint8Array, targets: ReadonlyMap<string, string>): Workbook {
  const sheets: { name: string; part: string | undefined; state: SheetState }[] = [];
  let activeTab = 0;
  let views = 0;
  let date1904 = false;
  parseXmlNs(part, bytes, (local, _uri, attributes) => {
    const plain = (name: string): string | undefined => attributes.find((a) => a.uri === "" && a.local === name)?.value;
    if (local === "sheet") {
      const name = plain("name");
      const id = attributes.find((a) => a.local === "id" && REL_NAMESPACES.has(a.uri)) ?? attributes.find((a) => a.local === "id" && a.uri !== "");
      if (name !== undefined) sheets.push({ name, part: id === undefined ? undefined : targets.get(id.value), state: stateOf(plain("state")) });
    } else if (local === "workbookPr") {
      const d = plain("date1904");
      date1904 = d === "1" || d === "true";
    } else if (local === "workbookView" && views++ === 0) {
      activeTab = Number(plain("activeTab") ?? 0);
    }
  });
  return { sheets, activeTab, date1904 };
}

/**
 * Opens an .xlsx file's bytes for reading worksheet values (a Node Buffer is a Uint8Array too). The workbook
 * part is found through the package relationships (`_rels/.rels`), else at `xl/workbook.xml`; the shared
 * strings and styles through the workbook's relationships.
 *
 * @param options the file's name for the messages (a string is the name), and the limits (`XLSX_LIMITS`).
 * @throws XlsxError (French message, naming the file when given) for anything it refuses: not a zip, damaged,
 *   beyond a limit, no workbook. Sheets are read on demand by `rows(name)`, which throws the same way.
 */
export function openXlsx(bytes: Uint8Array, options: OpenXlsxOptions | string = {}): XlsxSheets {
  const { fileName, limits = XLSX_LIMITS } = typeof options === "string" ? { fileName: options } : options;
  const named = <T>(read: () => T): T => {
    try {
      return read();
    } catch (error) {
      throw error instanceof XlsxError ? error.withFile(fileName) : error;
    }
  };
  return named(() => {
    const pkg = new Package(readZip(bytes, limits));
    const officeDocument = relationships(pkg, "").find((r) => hasType(r, "officeDocument"))?.target;
    const fromRels = officeDocument === undefined ? undefined : pkg.bytes(officeDocument);
    const workbookPart = fromRels !== undefined && officeDocument !== undefined ? officeDocument : "xl/workbook.xml";
    const workbookBytes = fromRels ?? pkg.bytes(workbookPart);
    if (workbookBytes === undefined) throw new XlsxError("NO_WORKBOOK");
    const rels = relationships(pkg, workbookPart);
    const worksheets = new Map(rels.filter((r) => hasType(r, "worksheet")).map((r) => [r.id, r.target]));
    const workbook = readWorkbook(workbookPart, workbookBytes, worksheets);
    const sheets = workbook.sheets.filter((s): s is { name: string; part: string; state: SheetState } => s.part !== undefined);
    const partOf = (type: string, fallback: string): string => rels.find((r) => hasType(r, type))?.target ?? fallback;
    let strings: SharedStringItems | undefined;
    let dates: boolean[] | undefined;
    const stringsPart = partOf("sharedStrings", "xl/sharedStrings.xml");
    const stylesPart = partOf("styles", "xl/styles.xml");
    const sheetNamed = (name: string): { name: string; part: string } => {
      const sheet = sheets.find((s) => s.name === name);
      if (!sheet) throw new RangeError(`openXlsx: no sheet « ${name} » (sheets: ${sheets.map((s) => `« ${s.name} »`).join(", ")})`);
      return sheet;
    };
    const rows = (name: string): unknown[][] =>
      named(() => {
        const sheet = sheetNamed(name);
        const xml = pkg.bytes(sheet.part);
        if (xml === undefined) throw new XlsxError("MISSING_PART", { part: sheet.part, sheet: sheet.name });
        strings ??= sharedStrings(stringsPart, pkg.bytes(stringsPart));
        dates ??= dateStyles(stylesPart, pkg.bytes(stylesPart));
        return sheetRows(xml, { part: sheet.part, sheet: sheet.name, strings: strings.texts, dates, date1904: workbook.date1904 });
      });
    const plainStrings = (): PlainStrings | undefined => {
      if (strings === undefined) return undefined;
      const { texts, formatted } = strings;
      const ids = new Map<string, number>();
      const byIndex = new Array<string | undefined>(texts.length).fill(undefined);
      for (let k = 0; k < texts.length; k++) {
        if (formatted.has(k) || ids.has(texts[k])) continue;
        ids.set(texts[k], k);
        byIndex[k] = texts[k];
      }
      return { ids, byIndex, count: texts.length };
    };
    return {
      names: sheets.map((s) => s.name),
      sheets: sheets.map(({ name, state }) => ({ name, state })),
      active: Number.isInteger(workbook.activeTab) && workbook.sheets[workbook.activeTab]?.part !== undefined ? workbook.sheets[workbook.activeTab].name : undefined,
      date1904: workbook.date1904,
      rows,
      plainStrings,
      readRows: async (name) => {
        // The parts `rows` is about to inflate (the shared strings and styles only the first time), in the
        // order it reads them, so a damaged part is reported as `rows` would report it.
        const sheet = named(() => sheetNamed(name));
        const wanted = [sheet.part, ...(strings === undefined ? [stringsPart] : []), ...(dates === undefined ? [stylesPart] : [])];
        try {
          await pkg.load(wanted);
        } catch (error) {
          throw error instanceof XlsxError ? error.withFile(fileName) : error;
        }
        return rows(name);
      },
    };
  });
}

/**
 * Refusals that mean "this is no .xlsx at all" (not a zip, a broken archive, no workbook part): the callers say so
 * in their usual words; any other refusal (a limit, a damaged part) is shown with the reader's own message.
 */
export const NOT_A_WORKBOOK: ReadonlySet<XlsxErrorCode> = new Set(["NOT_ZIP", "ZIP_DAMAGED", "NO_WORKBOOK"]);

/**
 * `openXlsx` whose refusals, on opening or when a sheet's rows are read, become the caller's own error type
 * (`wrap`): the CLI's CliError (exit code 2), the wizard's PortError. Other errors pass through.
 */
export function openXlsxRefusingAs(bytes: Uint8Array, options: OpenXlsxOptions | string | undefined, wrap: (refusal: XlsxError) => Error): XlsxSheets {
  const guard = <T>(read: () => T): T => {
    try {
      return read();
    } catch (error) {
      throw error instanceof XlsxError ? wrap(error) : error;
    }
  };
  const book = guard(() => openXlsx(bytes, options));
  return {
    ...book,
    rows: (name) => guard(() => book.rows(name)),
    readRows: async (name) => {
      try {
        return await book.readRows(name);
      } catch (error) {
        throw error instanceof XlsxError ? wrap(error) : error;
      }
    },
  };
}
