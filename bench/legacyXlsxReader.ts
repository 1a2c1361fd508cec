import { inflateRawSync } from "node:zlib";
import { readZip } from "../src/xlsx/unzip";
import type { StoredEntry } from "../src/xlsx/zip";

// The regex reader src/xlsx/readRows.ts was before the saxes reader replaced it (commit b235b69), kept only so
// bench/reader.bench.ts can print the ratio new / old in the same run. Not used by the product.
function entryData(e: StoredEntry): Uint8Array {
  return e.method === 0 ? e.compressed : inflateRawSync(e.compressed);
}

/**
 * A fast, read-only reader of the cell values of the worksheets of an .xlsx file, for the command line and the
 * browser: about ten times faster than loading the workbook with exceljs, and a fraction of its memory, on
 * 100 000 rows. It reads plain bytes (`Uint8Array`) and inflates through `zip.ts`'s codec: native zlib in Node,
 * pako in the browser.
 *
 * It gives the same raw values as `exceljs` `row.values`, in the shapes `src/io`'s `normaliseCell` reads:
 * numbers; Dates (UTC) for numbers whose cell format is a date format (exceljs's rule, 1904 system included);
 * strings for shared, inline and formula strings (rich text joined); booleans; `{ error: "#N/A" }` for errors;
 * a formula gives its cached result. Blank cells are null; rows with no value are `[]`.
 *
 * Anything it does not handle (zip64, encryption, a missing part, a damaged stream) throws `UnsupportedXlsx`,
 * and the caller falls back to exceljs.
 */

export class UnsupportedXlsx extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsupportedXlsx";
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The entries of a zip file, by name (backslashes read as slashes), from its central directory. */
function zipEntries(zip: Uint8Array): Map<string, StoredEntry> {
  let stored: StoredEntry[];
  try {
    stored = readZip(zip);
  } catch (error) {
    throw new UnsupportedXlsx(messageOf(error));
  }
  const entries = new Map<string, StoredEntry>();
  for (const entry of stored) entries.set(entry.name.replace(/\\/g, "/"), entry);
  return entries;
}

const UTF8 = new TextDecoder("utf-8");

function entryText(entries: Map<string, StoredEntry>, name: string): string | undefined {
  const e = entries.get(name) ?? [...entries].find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
  if (!e) return undefined;
  let data: Uint8Array;
  try {
    data = entryData(e);
  } catch (error) {
    // An unknown compression method, or a damaged deflate stream (pako throws a string).
    throw new UnsupportedXlsx(`${name}: ${messageOf(error)}`);
  }
  return UTF8.decode(data);
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML text with its entities decoded. */
function decodeXml(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex !== undefined ? codePoint(parseInt(hex, 16)) : dec !== undefined ? codePoint(Number(dec)) : NAMED[name as string],
  );
}

/** The character of a numeric reference; one beyond Unicode is not well-formed XML. */
function codePoint(n: number): string {
  if (!(n <= 0x10ffff)) throw new UnsupportedXlsx("bad character reference");
  return String.fromCodePoint(n);
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out[m[1]] = decodeXml(m[2] ?? m[3]);
  return out;
}

/** The `r`, `s` and `t` attributes of a cell tag, without a general attribute parse (hot loop). */
function cellAttribute(text: string, name: "r" | "s" | "t"): string | undefined {
  const key = ` ${name}="`;
  let k = text.indexOf(key);
  if (k < 0) {
    const alt = text.indexOf(`${name}="`);
    if (alt !== 0) return undefined;
    k = alt - 1;
  }
  const start = k + key.length;
  const end = text.indexOf('"', start);
  return end < 0 ? undefined : text.slice(start, end);
}

const TEXT_RUN = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;

/** The text of a string item (`<si>` or `<is>`): its `<t>` runs joined, phonetic runs left out. */
function runsText(xml: string): string {
  const body = xml.indexOf("rPh") >= 0 ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "") : xml;
  let text = "";
  TEXT_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TEXT_RUN.exec(body)) !== null) text += m[1];
  return decodeXml(text);
}

function sharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const out: string[] = [];
  const re = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) out.push(m[1] === undefined ? "" : runsText(m[1]));
  return out;
}

/** exceljs's rule: a format is a date format when, quoted text and [..] sections removed, it has y m d h s or b. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

function builtInIsDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** For each cell style index (`s`), whether its number format is a date format. */
function dateStyles(xml: string | undefined): boolean[] {
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  const fmtRe = /<(?:\w+:)?numFmt\b([^>]*?)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = fmtRe.exec(xml)) !== null) {
    const a = attributes(m[1]);
    if (a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
  }
  const xfsStart = xml.search(/<(?:\w+:)?cellXfs\b/);
  if (xfsStart < 0) return [];
  const xfsEnd = xml.indexOf("cellXfs>", xfsStart + 8);
  const xfs = xml.slice(xfsStart, xfsEnd < 0 ? xml.length : xfsEnd);
  const out: boolean[] = [];
  const xfRe = /<(?:\w+:)?xf\b([^>]*?)\/?>/g;
  while ((m = xfRe.exec(xfs)) !== null) {
    const id = Number(attributes(m[1]).numFmtId ?? 0);
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : builtInIsDate(id));
  }
  return out;
}

/** 1-based column number of a cell reference such as "AB12". */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n;
}

function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

const V_ELEMENT = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const IS_ELEMENT = /<(?:\w+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?is>/;

/** The content of the cell's `<v>` (fast path for the plain form) or `<is>` element. */
function element(inner: string, tag: "v" | "is"): string | undefined {
  if (tag === "v") {
    const open = inner.indexOf("<v>");
    if (open >= 0) {
      const close = inner.indexOf("</v>", open + 3);
      if (close >= 0) return inner.slice(open + 3, close);
    }
    if (inner.indexOf("v") < 0) return undefined;
    return V_ELEMENT.exec(inner)?.[1];
  }
  return IS_ELEMENT.exec(inner)?.[1];
}

function cellValue(type: string | undefined, inner: string, isDate: boolean, strings: readonly string[], date1904: boolean): unknown {
  if (type === "inlineStr") {
    const is = element(inner, "is");
    return is === undefined ? null : runsText(is);
  }
  const v = element(inner, "v");
  if (v === undefined) return null;
  switch (type) {
    case "s": {
      const s = strings[Number(v)];
      return s === undefined ? null : s;
    }
    case "str":
      return decodeXml(v);
    case "b":
      return v.trim() === "1" || v.trim() === "true";
    case "e":
      return { error: decodeXml(v).trim() };
    case "d": {
      const t = v.trim();
      const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(t) || !t.includes("T") ? t : `${t}Z`);
      return Number.isNaN(d.getTime()) ? decodeXml(v) : d;
    }
    default: {
      const n = Number(v);
      if (v.trim() === "" || Number.isNaN(n)) return decodeXml(v);
      return isDate ? excelToDate(n, date1904) : n;
    }
  }
}

/** The rows of a worksheet part. */
function sheetRows(xml: string, strings: readonly string[], dates: readonly boolean[], date1904: boolean): unknown[][] {
  const startMatch = /<(?:\w+:)?sheetData\b[^>]*>/.exec(xml);
  if (!startMatch) return [];
  const end = xml.lastIndexOf("sheetData>");
  const data = xml.slice(startMatch.index + startMatch[0].length, end < 0 ? xml.length : end);
  const rows: unknown[][] = [];
  const tag = /<(?:(\w+):)?(row|c)\b([^>]*?)(\/?)>/g;
  let rowIndex = 0;
  let row: unknown[] | undefined;
  let col = 0;
  let hasValue = false;
  const flush = (): void => {
    if (!row) return;
    while (rows.length < rowIndex - 1) rows.push([]);
    rows[rowIndex - 1] = hasValue ? row : [];
    row = undefined;
  };
  let m: RegExpExecArray | null;
  while ((m = tag.exec(data)) !== null) {
    const [, prefix, name, attrs, selfClosing] = m;
    if (name === "row") {
      flush();
      const r = cellAttribute(attrs, "r");
      rowIndex = r !== undefined ? Number(r) : rowIndex + 1;
      if (!Number.isInteger(rowIndex) || rowIndex < 1) throw new UnsupportedXlsx("bad row number");
      row = [];
      col = 0;
      hasValue = false;
      if (selfClosing) flush();
      continue;
    }
    if (!row) throw new UnsupportedXlsx("cell outside a row");
    const ref = cellAttribute(attrs, "r");
    col = ref !== undefined ? columnOf(ref) : col + 1;
    if (col < 1) throw new UnsupportedXlsx("bad cell reference");
    if (selfClosing) continue;
    const close = prefix ? `</${prefix}:c>` : "</c>";
    const closeAt = data.indexOf(close, tag.lastIndex);
    if (closeAt < 0) throw new UnsupportedXlsx("unclosed cell");
    const inner = data.slice(tag.lastIndex, closeAt);
    tag.lastIndex = closeAt + close.length;
    const s = cellAttribute(attrs, "s");
    const value = cellValue(cellAttribute(attrs, "t"), inner, s !== undefined && dates[Number(s)] === true, strings, date1904);
    if (value === null) continue;
    while (row.length < col - 1) row.push(null);
    row[col - 1] = value;
    hasValue = true;
  }
  flush();
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
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
  /** The rows of one worksheet (by name, exact). */
  readonly rows: (name: string) => unknown[][];
}

function resolveTarget(target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : `xl/${target}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

function stateOf(value: string | undefined): SheetState {
  return value === "hidden" || value === "veryHidden" ? value : "visible";
}

/**
 * Opens an .xlsx file's bytes for reading worksheet values (a Node Buffer is a Uint8Array too).
 * @throws UnsupportedXlsx when the file is not a plain zip of an Office Open XML workbook this reader handles.
 */
export function openXlsx(bytes: Uint8Array): XlsxSheets {
  const entries = zipEntries(bytes);
  const workbook = entryText(entries, "xl/workbook.xml");
  const rels = entryText(entries, "xl/_rels/workbook.xml.rels");
  if (workbook === undefined || rels === undefined) throw new UnsupportedXlsx("no xl/workbook.xml");
  const targets = new Map<string, string>();
  const relRe = /<(?:\w+:)?Relationship\b([^>]*?)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = relRe.exec(rels)) !== null) {
    const a = attributes(m[1]);
    if (a.Id && a.Target && /\/worksheet$/.test(a.Type ?? "")) targets.set(a.Id, resolveTarget(a.Target));
  }
  const sheets: { name: string; part: string; state: SheetState }[] = [];
  /** The sheet of each tab, worksheet or not. */
  const tabs: ({ name: string } | undefined)[] = [];
  const sheetRe = /<(?:\w+:)?sheet\b([^>]*?)\/?>/g;
  while ((m = sheetRe.exec(workbook)) !== null) {
    const a = attributes(m[1]);
    const id = Object.entries(a).find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1];
    const part = id !== undefined ? targets.get(id) : undefined;
    const sheet = a.name !== undefined && part !== undefined ? { name: a.name, part, state: stateOf(a.state) } : undefined;
    if (sheet) sheets.push(sheet);
    tabs.push(sheet);
  }
  const pr = /<(?:\w+:)?workbookPr\b([^>]*?)\/?>/.exec(workbook);
  const date1904Attr = pr ? attributes(pr[1]).date1904 : undefined;
  const date1904 = date1904Attr === "1" || date1904Attr === "true";
  const view = /<(?:\w+:)?workbookView\b([^>]*?)\/?>/.exec(workbook);
  const activeTab = Number((view ? attributes(view[1]).activeTab : undefined) ?? 0);
  let strings: string[] | undefined;
  let dates: boolean[] | undefined;
  return {
    names: sheets.map((s) => s.name),
    sheets: sheets.map(({ name, state }) => ({ name, state })),
    active: Number.isInteger(activeTab) ? tabs[activeTab]?.name : undefined,
    date1904,
    rows: (name) => {
      const sheet = sheets.find((s) => s.name === name);
      if (!sheet) throw new UnsupportedXlsx(`no sheet ${name}`);
      const xml = entryText(entries, sheet.part);
      if (xml === undefined) throw new UnsupportedXlsx(`missing part ${sheet.part}`);
      strings ??= sharedStrings(entryText(entries, "xl/sharedStrings.xml"));
      dates ??= dateStyles(entryText(entries, "xl/styles.xml"));
      return sheetRows(xml, strings, dates, date1904);
    },
  };
}
