import { inflateRawSync } from "node:zlib";

/**
 * A fast, read-only reader of the cell values of one worksheet of an .xlsx file, for the command line: about
 * ten times faster than loading the workbook with exceljs, and a fraction of its memory, on 100 000 rows.
 *
 * It gives the same raw values as `exceljs` `row.values`, in the shapes `src/io`'s `normaliseCell` reads:
 * numbers; Dates (UTC) for numbers whose cell format is a date format (exceljs's rule, 1904 system included);
 * strings for shared, inline and formula strings (rich text joined); booleans; `{ error: "#N/A" }` for errors;
 * a formula gives its cached result. Blank cells are null; rows with no value are `[]`.
 *
 * Anything it does not handle (zip64, encryption, a missing part) throws `UnsupportedXlsx`, and the caller
 * falls back to exceljs.
 */

export class UnsupportedXlsx extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsupportedXlsx";
  }
}

interface ZipEntry {
  readonly method: number;
  readonly compressedSize: number;
  readonly offset: number;
}

/** The entries of a zip file, by name, from its central directory. */
function zipEntries(zip: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let p = zip.length - 22; p >= Math.max(0, zip.length - 65_557); p--) {
    if (zip.readUInt32LE(p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new UnsupportedXlsx("no end of central directory");
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new UnsupportedXlsx("zip64");
  const entries = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) throw new UnsupportedXlsx("bad central directory");
    const flags = zip.readUInt16LE(p + 8);
    if (flags & 1) throw new UnsupportedXlsx("encrypted");
    const nameLength = zip.readUInt16LE(p + 28);
    const name = zip.toString("utf8", p + 46, p + 46 + nameLength);
    entries.set(name.replace(/\\/g, "/"), { method: zip.readUInt16LE(p + 10), compressedSize: zip.readUInt32LE(p + 20), offset: zip.readUInt32LE(p + 42) });
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return entries;
}

function entryText(zip: Buffer, entries: Map<string, ZipEntry>, name: string): string | undefined {
  const e = entries.get(name) ?? [...entries].find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
  if (!e) return undefined;
  if (zip.readUInt32LE(e.offset) !== 0x04034b50) throw new UnsupportedXlsx("bad local header");
  const start = e.offset + 30 + zip.readUInt16LE(e.offset + 26) + zip.readUInt16LE(e.offset + 28);
  const data = zip.subarray(start, start + e.compressedSize);
  if (e.method === 0) return data.toString("utf8");
  if (e.method === 8) return inflateRawSync(data).toString("utf8");
  throw new UnsupportedXlsx(`compression method ${e.method}`);
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML text with its entities decoded. */
function decodeXml(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex !== undefined ? String.fromCodePoint(parseInt(hex, 16)) : dec !== undefined ? String.fromCodePoint(Number(dec)) : NAMED[name as string],
  );
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

export interface XlsxSheets {
  /** Worksheet names, in workbook order. */
  readonly names: readonly string[];
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

/**
 * Opens an .xlsx file's bytes for reading worksheet values.
 * @throws UnsupportedXlsx when the file is not a plain zip of an Office Open XML workbook this reader handles.
 */
export function openXlsx(bytes: Buffer): XlsxSheets {
  const entries = zipEntries(bytes);
  const workbook = entryText(bytes, entries, "xl/workbook.xml");
  const rels = entryText(bytes, entries, "xl/_rels/workbook.xml.rels");
  if (workbook === undefined || rels === undefined) throw new UnsupportedXlsx("no xl/workbook.xml");
  const targets = new Map<string, string>();
  const relRe = /<(?:\w+:)?Relationship\b([^>]*?)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = relRe.exec(rels)) !== null) {
    const a = attributes(m[1]);
    if (a.Id && a.Target && /\/worksheet$/.test(a.Type ?? "")) targets.set(a.Id, resolveTarget(a.Target));
  }
  const sheets: { name: string; part: string }[] = [];
  const sheetRe = /<(?:\w+:)?sheet\b([^>]*?)\/?>/g;
  while ((m = sheetRe.exec(workbook)) !== null) {
    const a = attributes(m[1]);
    const id = Object.entries(a).find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1];
    const part = id !== undefined ? targets.get(id) : undefined;
    if (a.name !== undefined && part !== undefined) sheets.push({ name: a.name, part });
  }
  const pr = /<(?:\w+:)?workbookPr\b([^>]*?)\/?>/.exec(workbook);
  const date1904Attr = pr ? attributes(pr[1]).date1904 : undefined;
  const date1904 = date1904Attr === "1" || date1904Attr === "true";
  let strings: string[] | undefined;
  let dates: boolean[] | undefined;
  return {
    names: sheets.map((s) => s.name),
    date1904,
    rows: (name) => {
      const sheet = sheets.find((s) => s.name === name);
      if (!sheet) throw new UnsupportedXlsx(`no sheet ${name}`);
      const xml = entryText(bytes, entries, sheet.part);
      if (xml === undefined) throw new UnsupportedXlsx(`missing part ${sheet.part}`);
      strings ??= sharedStrings(entryText(bytes, entries, "xl/sharedStrings.xml"));
      dates ??= dateStyles(entryText(bytes, entries, "xl/styles.xml"));
      return sheetRows(xml, strings, dates, date1904);
    },
  };
}
