import * as limits from "./limits";
import { plainReferences } from "./xml";

/**
 * The fast path of a worksheet's rows: the sheet's bytes scanned once in place, with no decoded copy of the
 * XML, no event per element and no string per number or shared-string index. It reads only the plain XML that
 * spreadsheet writers produce, by the very rules of the plain-XML scanner of `xml.ts` (same names, attributes,
 * references, characters left to saxes), and builds the rows by the same rules as `readRows.ts`'s sheet handlers.
 *
 * Anything else gives up (returns undefined) and the caller reads the part the usual way (plain-XML scanner,
 * else saxes): invalid UTF-8, inline strings, a reference in a cell's attribute, an element inside `<v>`, and
 * every refusal (a row or cell beyond the grid, a missing shared string, a cell too long, too many cells), so
 * the usual way gives the refusal with its usual message. `test/fuzz` checks both ways agree on mutated sheets.
 */

export interface SheetContext {
  readonly part: string;
  readonly sheet: string;
  readonly strings: readonly string[];
  readonly dates: readonly boolean[];
  readonly date1904: boolean;
}

/** A frozen empty row: every row without a value shares it, so a sheet's gaps cost one pointer per row. */
export const NO_VALUE: unknown[] = Object.freeze([]) as unknown as unknown[];

/** The row already read at `rowIndex` (1-based), to add cells to (a sheet may split a row), or a new one. */
export function openRow(rows: readonly unknown[][], rowIndex: number): unknown[] {
  const existing = rowIndex <= rows.length ? rows[rowIndex - 1] : undefined;
  return existing !== undefined && existing !== NO_VALUE ? existing : [];
}

/** Puts `row` at `rowIndex` (1-based); the rows missing before it, and an empty row, are `NO_VALUE`. */
export function placeRow(rows: unknown[][], rowIndex: number, row: unknown[]): void {
  while (rows.length < rowIndex - 1) rows.push(NO_VALUE);
  rows[rowIndex - 1] = row.length > 0 ? row : NO_VALUE;
}

export function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** What `cellValue` gives for a shared-string index with no string: the caller refuses the cell. */
export const MISSING_STRING: unique symbol = Symbol("missing shared string");

/**
 * The value of a cell of type `type` (not an inline string) whose `<v>` says `v`, as exceljs gives it; `style` is
 * the cell's style index as a number (0 when it has none).
 */
export function cellValue(type: string | undefined, v: string, style: number, ctx: SheetContext): unknown {
  switch (type) {
    case "s": {
      const index = Number(v);
      const s = Number.isInteger(index) ? ctx.strings[index] : undefined;
      return s === undefined ? MISSING_STRING : s;
    }
    case "str":
      return v;
    case "b":
      return v.trim() === "1" || v.trim() === "true";
    case "e":
      return { error: v.trim() };
    case "d": {
      const t = v.trim();
      const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(t) || !t.includes("T") ? t : `${t}Z`);
      return Number.isNaN(d.getTime()) ? v : d;
    }
    default: {
      const n = Number(v);
      if (v.trim() === "" || Number.isNaN(n)) return v;
      return ctx.dates[style] === true ? excelToDate(n, ctx.date1904) : n;
    }
  }
}

// Copied once: an imported binding can be a getter (CommonJS interop), too slow for the per-cell checks.
const { MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS } = limits;

type Utf8Check = (bytes: Uint8Array) => boolean;

function nodeIsUtf8(): Utf8Check | undefined {
  const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const buffer = runtime?.getBuiltinModule?.("node:buffer") as { isUtf8?: Utf8Check } | undefined;
  return buffer?.isUtf8;
}

/** Whether bytes are valid UTF-8: Node's native check, else a fatal decoder a few megabytes at a time. */
const isUtf8: Utf8Check =
  nodeIsUtf8() ??
  ((bytes) => {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    try {
      for (let at = 0; at < bytes.length; at += 4 * 1024 * 1024) decoder.decode(bytes.subarray(at, at + 4 * 1024 * 1024), { stream: true });
      decoder.decode();
      return true;
    } catch {
      return false;
    }
  });

const UTF8 = new TextDecoder("utf-8");

/** Thrown inside the scan to give up. */
const GIVE_UP = new Error("left to the usual reader");

/** The declaration the plain-XML scanner accepts, the only one read here. */
const XML_DECLARATION = /^<\?xml version=(?:"1\.0"|'1\.0')(?: encoding=(?:"UTF-8"|"utf-8"|'UTF-8'|'utf-8'))?(?: standalone=(?:"yes"|"no"|'yes'|'no'))? ?\?>/;

/** Attribute names that are properties of every object ("toString", "__proto__"…): the plain-XML scanner leaves them to saxes. */
const PROTO_PROBE: Readonly<Record<string, unknown>> = {};
const SHORTEST_PROTO_NAME = Math.min(...Object.getOwnPropertyNames(Object.prototype).map((n) => n.length));

// The local names the sheet's rows depend on.
const OTHER = 0;
const SHEET_DATA = 1;
const ROW = 2;
const C = 3;
const V = 4;
const IS = 5;

const isSpace = (b: number): boolean => b === 32 || b === 9 || b === 10;
const isNameStart = (b: number): boolean => (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b === 95;
const isNameChar = (b: number): boolean => isNameStart(b) || (b >= 48 && b <= 57) || b === 46 || b === 45;

/**
 * The rows of a sheet (`rows[k]` is sheet row k + 1), trailing empty rows included; undefined when the sheet is
 * left to the usual reader.
 */
export function plainSheetRows(bytes: Uint8Array, ctx: SheetContext, maxSlots: number): unknown[][] | undefined {
  try {
    // A plain view: a Node Buffer's own indexOf and subarray are slower per call.
    return scan(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), ctx, maxSlots);
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/** The text of bytes[from, to), references decoded; gives up on a reference the plain-XML scanner leaves to saxes. */
function textOf(bytes: Uint8Array, from: number, to: number): string {
  const text = plainReferences(UTF8.decode(bytes.subarray(from, to)));
  if (text === undefined) throw GIVE_UP;
  return text;
}

function hasAmpersand(bytes: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (bytes[k] === 38) return true;
  return false;
}

/** The characters the plain-XML scanner leaves to saxes: C0 controls but tab and newline, "]]>", U+FFFE, U+FFFF; and invalid UTF-8. */
export function plainCharacters(bytes: Uint8Array): boolean {
  let ascii = true;
  const n = bytes.length;
  // Byte k, which is below 32, above 127 or "]": false when it starts what saxes must read.
  const plainAt = (k: number): boolean => {
    const b = bytes[k];
    if (b < 32) return b === 9 || b === 10;
    if (b === 93) return !(bytes[k + 1] === 93 && bytes[k + 2] === 62);
    if (b >= 128) {
      ascii = false;
      return !(b === 0xef && bytes[k + 1] === 0xbf && (bytes[k + 2] === 0xbe || bytes[k + 2] === 0xbf));
    }
    return true;
  };
  const suspect = (b: number): boolean => b < 32 || b === 93 || b >= 128;
  // Four bytes at a time where the bytes are aligned: a word of printable ASCII without "]" (nearly all of a
  // sheet) is passed with three operations, not twelve.
  let k = 0;
  const head = Math.min(n, (4 - (bytes.byteOffset % 4)) % 4);
  for (; k < head; k++) if (suspect(bytes[k]) && !plainAt(k)) return false;
  const words = n - k >= 4 ? new Uint32Array(bytes.buffer, bytes.byteOffset + k, (n - k) >>> 2) : new Uint32Array(0);
  for (let w = 0; w < words.length; w++) {
    const x = words[w];
    const bracket = x ^ 0x5d5d5d5d;
    // Any byte ≥ 128; else any byte < 32 (x − 0x20 in each byte borrows); any byte equal to "]" (0x5d).
    if ((x & 0x80808080) === 0 && ((x - 0x20202020) & ~x & 0x80808080) === 0 && ((bracket - 0x01010101) & ~bracket & 0x80808080) === 0) continue;
    const at = k + w * 4;
    for (let j = at; j < at + 4; j++) if (suspect(bytes[j]) && !plainAt(j)) return false;
  }
  for (k += words.length * 4; k < n; k++) if (suspect(bytes[k]) && !plainAt(k)) return false;
  return ascii || isUtf8(bytes);
}

/** The local name code of the element name bytes[from, to), after checking it is a plain name. */
function elementCode(bytes: Uint8Array, from: number, to: number): number {
  if (from >= to || !isNameStart(bytes[from])) throw GIVE_UP;
  let local = from;
  for (let k = from + 1; k < to; k++) {
    const b = bytes[k];
    if (b === 58 && local === from && k + 1 < to && isNameStart(bytes[k + 1])) {
      local = ++k;
      continue;
    }
    if (!isNameChar(b)) throw GIVE_UP;
  }
  const length = to - local;
  const b0 = bytes[local];
  if (length === 1) return b0 === 99 ? C : b0 === 118 ? V : OTHER;
  if (length === 2) return b0 === 105 && bytes[local + 1] === 115 ? IS : OTHER;
  if (length === 3) return b0 === 114 && bytes[local + 1] === 111 && bytes[local + 2] === 119 ? ROW : OTHER;
  if (length === 9 && b0 === 115) {
    for (let k = 1; k < 9; k++) if (bytes[local + k] !== "sheetData".charCodeAt(k)) return OTHER;
    return SHEET_DATA;
  }
  return OTHER;
}

function latin1(bytes: Uint8Array, from: number, to: number): string {
  let text = "";
  for (let k = from; k < to; k++) text += String.fromCharCode(bytes[k]);
  return text;
}

function sameBytes(bytes: Uint8Array, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (bytes[a + k] !== bytes[b + k]) return false;
  return true;
}

/** A run of 1 to 9 digits as a number, else -1. */
function digits(bytes: Uint8Array, from: number, to: number): number {
  if (from >= to || to - from > 9) return -1;
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = bytes[k] - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A plain decimal ("-12", "1234.5") as `Number` reads it, else NaN. At most 15 significant digits and 22
 * decimals: the digits and the power of ten are exact doubles, so their quotient is the correctly rounded value
 * `Number` gives.
 */
function plainNumber(bytes: Uint8Array, from: number, to: number): number {
  let k = from;
  const negative = bytes[k] === 45;
  if (negative) k++;
  let mantissa = 0;
  let count = 0;
  let scale = -1;
  const start = k;
  for (; k < to; k++) {
    const b = bytes[k];
    if (b === 46 && scale < 0) {
      scale = 0;
      continue;
    }
    const d = b - 48;
    if (d < 0 || d > 9) return NaN;
    mantissa = mantissa * 10 + d;
    count++;
    if (scale >= 0) scale++;
  }
  if (count === 0 || count > 15 || scale === 0 || scale > 22 || bytes[start] === 46) return NaN;
  const value = scale > 0 ? mantissa / POWERS_OF_TEN[scale] : mantissa;
  return negative ? -value : value;
}

function scan(bytes: Uint8Array, ctx: SheetContext, maxSlots: number): unknown[][] {
  if (!plainCharacters(bytes)) throw GIVE_UP;
  const n = bytes.length;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (bytes[i] === 60 && bytes[i + 1] === 63) {
    const declaration = XML_DECLARATION.exec(latin1(bytes, i, Math.min(n, i + 100)));
    if (!declaration) throw GIVE_UP;
    i += declaration[0].length;
  }

  // The open elements: where each name starts and its length, and its local name's code.
  const openAt: number[] = [];
  const openLength: number[] = [];
  const openCode: number[] = [];
  let rooted = false;
  // The attributes of the element being read: where each name and value start and end.
  const names: number[] = [];
  let nameCount = 0;
  let refFrom = -1;
  let refTo = -1;
  let typeFrom = -1;
  let typeTo = -1;
  let styleFrom = -1;
  let styleTo = -1;

  // The rows, built as readRows.ts's sheet handlers build them.
  const rows: unknown[][] = [];
  let slots = 0;
  let inData = false;
  let row: unknown[] | undefined;
  let rowIndex = 0;
  let col = 0;
  let inCell = false;
  let collecting = false;
  let vFrom = -1;
  let vTo = -1;
  let hasV = false;
  // The cell's t and s attributes (-1: none).
  let cellTypeFrom = -1;
  let cellTypeTo = -1;
  let cellStyleFrom = -1;
  let cellStyleTo = -1;

  const flush = (): void => {
    if (row === undefined) return;
    placeRow(rows, rowIndex, row);
    row = undefined;
  };

  const value = (): unknown => {
    if (!hasV) return null;
    const type =
      cellTypeFrom < 0 ? undefined : cellTypeTo - cellTypeFrom === 1 && bytes[cellTypeFrom] === 115 ? "s" : UTF8.decode(bytes.subarray(cellTypeFrom, cellTypeTo));
    if (type === "inlineStr") throw GIVE_UP;
    let style = 0;
    if (cellStyleFrom >= 0) {
      style = digits(bytes, cellStyleFrom, cellStyleTo);
      if (style < 0) style = Number(UTF8.decode(bytes.subarray(cellStyleFrom, cellStyleTo)));
    }
    if (!hasAmpersand(bytes, vFrom, vTo)) {
      if (type === "s") {
        const index = digits(bytes, vFrom, vTo);
        if (index >= 0) {
          const s = ctx.strings[index];
          if (s === undefined) throw GIVE_UP;
          return s;
        }
      } else if (type === undefined || type === "n") {
        const number = plainNumber(bytes, vFrom, vTo);
        if (!Number.isNaN(number)) return ctx.dates[style] === true ? excelToDate(number, ctx.date1904) : number;
      }
    }
    const cell = cellValue(type, textOf(bytes, vFrom, vTo), style, ctx);
    if (cell === MISSING_STRING || (typeof cell === "string" && cell.length > MAX_CELL_CHARS)) throw GIVE_UP;
    return cell;
  };

  const open = (code: number): void => {
    if (!inData) {
      if (code === SHEET_DATA) inData = true;
      return;
    }
    if (inCell) {
      if (code === V) {
        collecting = true;
        hasV = true;
        vFrom = vTo = 0;
      } else if (code === IS) throw GIVE_UP;
      return;
    }
    if (code === ROW) {
      flush();
      if (refFrom < 0) rowIndex++;
      else {
        rowIndex = refTo - refFrom <= 7 ? digits(bytes, refFrom, refTo) : -1;
        if (rowIndex < 1 || rowIndex > MAX_ROWS) throw GIVE_UP;
      }
      if (rowIndex > MAX_ROWS) throw GIVE_UP;
      row = openRow(rows, rowIndex);
      col = 0;
    } else if (code === C) {
      if (row === undefined) throw GIVE_UP;
      if (refFrom < 0) {
        col++;
        if (col > MAX_COLUMNS) throw GIVE_UP;
      } else {
        // readRows.ts's parseRef: up to 3 letters (4 read), then 1 to 7 digits.
        let k = refFrom;
        let c = 0;
        for (; k < refTo && k - refFrom < 4; k++) {
          const b = bytes[k];
          if (b >= 65 && b <= 90) c = c * 26 + (b - 64);
          else if (b >= 97 && b <= 122) c = c * 26 + (b - 96);
          else break;
        }
        const r = k === refFrom || k === refTo || refTo - k > 7 ? -1 : digits(bytes, k, refTo);
        if (r < 1 || r > MAX_ROWS || c < 1 || c > MAX_COLUMNS) throw GIVE_UP;
        col = c;
      }
      inCell = true;
      hasV = false;
      cellTypeFrom = typeFrom;
      cellTypeTo = typeTo;
      cellStyleFrom = styleFrom;
      cellStyleTo = styleTo;
    }
  };

  const close = (code: number): void => {
    if (!inData) return;
    if (inCell) {
      if (code === V && collecting) collecting = false;
      else if (code === C) {
        inCell = false;
        const cell = value();
        if (cell === null || row === undefined) return;
        if (col > row.length) {
          slots += col - row.length;
          if (slots > maxSlots) throw GIVE_UP;
          while (row.length < col - 1) row.push(null);
        }
        row[col - 1] = cell;
      }
      return;
    }
    if (code === ROW) flush();
    else if (code === SHEET_DATA) {
      flush();
      inData = false;
    }
  };

  // The loop's own name for the bytes: the closures above hold `bytes` in their context, this one stays in a register.
  const data = bytes;
  while (i < n) {
    let lt = i;
    while (lt < n && data[lt] !== 60) lt++;
    const end = lt;
    if (lt === n) lt = -1;
    if (end > i) {
      if (openCode.length === 0) {
        for (let k = i; k < end; k++) if (!isSpace(data[k])) throw GIVE_UP;
      } else {
        if (hasAmpersand(data, i, end)) textOf(data, i, end);
        if (collecting) {
          vFrom = i;
          vTo = end;
        }
      }
    }
    if (lt < 0) break;
    let gt = lt + 1;
    while (gt < n && data[gt] !== 62) gt++;
    if (gt === n) throw GIVE_UP;
    const next = data[lt + 1];
    if (next === 47) {
      // </name>, spaces allowed before ">".
      const depth = openCode.length - 1;
      if (depth < 0) throw GIVE_UP;
      const length = openLength[depth];
      if (lt + 2 + length > gt || !sameBytes(data, openAt[depth], lt + 2, length)) throw GIVE_UP;
      for (let k = lt + 2 + length; k < gt; k++) if (!isSpace(data[k])) throw GIVE_UP;
      openAt.pop();
      openLength.pop();
      close(openCode.pop() as number);
      i = gt + 1;
      continue;
    }
    if (next === 33 || next === 63 || (openCode.length === 0 && rooted)) throw GIVE_UP;
    // An element inside <v>: left to the usual reader.
    if (collecting) throw GIVE_UP;
    const selfClosing = data[gt - 1] === 47;
    const bodyEnd = selfClosing ? gt - 1 : gt;
    let nameEnd = lt + 1;
    while (nameEnd < bodyEnd && !isSpace(data[nameEnd])) nameEnd++;
    const code = elementCode(data, lt + 1, nameEnd);
    const rowOrCell = inData && !inCell && (code === ROW || code === C);

    // Attributes: spaces, a name, "=", a quoted value without "<", tab or newline; each name once.
    nameCount = 0;
    refFrom = refTo = typeFrom = typeTo = styleFrom = styleTo = -1;
    let at = nameEnd;
    for (;;) {
      const from = at;
      while (at < bodyEnd && isSpace(data[at])) at++;
      if (at === bodyEnd) break;
      if (at === from || !isNameStart(data[at])) throw GIVE_UP;
      const nameFrom = at++;
      while (at < bodyEnd && isNameChar(data[at])) at++;
      const prefixed = data[at] === 58 && at + 1 < bodyEnd && isNameStart(data[at + 1]);
      if (prefixed) {
        at += 2;
        while (at < bodyEnd && isNameChar(data[at])) at++;
      }
      const nameTo = at;
      while (at < bodyEnd && isSpace(data[at])) at++;
      if (data[at] !== 61 || at >= bodyEnd) throw GIVE_UP;
      at++;
      while (at < bodyEnd && isSpace(data[at])) at++;
      const quote = data[at];
      if ((quote !== 34 && quote !== 39) || at >= bodyEnd) throw GIVE_UP;
      const valueFrom = ++at;
      while (at < bodyEnd && data[at] !== quote) {
        const b = data[at];
        if (b === 60 || b === 9 || b === 10) throw GIVE_UP;
        at++;
      }
      if (at >= bodyEnd) throw GIVE_UP;
      const valueTo = at++;
      const nameLength = nameTo - nameFrom;
      for (let k = 0; k < nameCount; k += 2) {
        if (names[k + 1] === nameLength && sameBytes(data, names[k], nameFrom, nameLength)) throw GIVE_UP;
      }
      names[nameCount++] = nameFrom;
      names[nameCount++] = nameLength;
      if (nameLength >= SHORTEST_PROTO_NAME && !prefixed && latin1(data, nameFrom, nameTo) in PROTO_PROBE) throw GIVE_UP;
      const ampersand = hasAmpersand(data, valueFrom, valueTo);
      if (rowOrCell && nameLength === 1) {
        const b = data[nameFrom];
        if (b === 114 || (code === C && (b === 116 || b === 115))) {
          // A reference in r, t or s: left to the usual reader.
          if (ampersand) throw GIVE_UP;
          if (b === 114) {
            refFrom = valueFrom;
            refTo = valueTo;
          } else if (b === 116) {
            typeFrom = valueFrom;
            typeTo = valueTo;
          } else {
            styleFrom = valueFrom;
            styleTo = valueTo;
          }
          continue;
        }
      }
      if (ampersand) textOf(data, valueFrom, valueTo);
    }

    rooted = true;
    open(code);
    if (selfClosing) close(code);
    else {
      openAt.push(lt + 1);
      openLength.push(nameEnd - lt - 1);
      openCode.push(code);
    }
    i = gt + 1;
  }
  if (!rooted || openCode.length > 0) throw GIVE_UP;
  flush();
  return rows;
}
