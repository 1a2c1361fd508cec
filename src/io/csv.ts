/**
 * Reading CSV, RFC 4180 (quotes doubled inside quoted fields, line breaks allowed inside them), with what French
 * spreadsheets write: ";" as separator, a UTF-8 byte-order mark, or Windows-1252 text. Shared by the command line
 * and the browser's file mode.
 */

export type Separator = ";" | "," | "\t";

/** The encodings `decodeTextReport` recognises. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** Where a text first breaks UTF-8: 0-based byte offset, 1-based line and byte column. */
export interface InvalidUtf8 {
  readonly byte: number;
  readonly line: number;
  readonly column: number;
}

/** A decoded text, the encoding used, and, when UTF-8 was abandoned, where it broke. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
  /** Set when the bytes are not valid UTF-8 and were read as Windows-1252. */
  readonly invalidUtf8?: InvalidUtf8;
}

/** Offset of the first byte where `bytes` stops being well-formed UTF-8 (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    if (i + need >= n) return i;
    const second = bytes[i + 1];
    if (second === undefined || second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function positionOf(bytes: Uint8Array, at: number): InvalidUtf8 {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < at; k++) {
    if (bytes[k] === 0x0a) {
      line++;
      lineStart = k + 1;
    }
  }
  return { byte: at, line, column: at - lineStart + 1 };
}

/**
 * The text of a file's bytes and how it was read: UTF-8 (BOM removed), UTF-16 when it has a UTF-16 BOM, and
 * Windows-1252 (what Excel for Windows writes as "CSV (séparateur : point-virgule)") when the bytes are not
 * valid UTF-8, with the position of the first invalid byte so the caller can say so.
 * @example decodeTextReport(Uint8Array.of(0x53, 0x6f, 0x63, 0xe9)).invalidUtf8 // { byte: 3, line: 1, column: 4 }
 */
export function decodeTextReport(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    const bad = firstInvalidUtf8(body);
    if (bad < 0) return { text: new TextDecoder("utf-8").decode(body), encoding: "utf-8" };
    return { text: decodeWindows1252(body), encoding: "windows-1252", invalidUtf8: positionOf(bytes, bad + 3) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
  return { text: decodeWindows1252(bytes), encoding: "windows-1252", invalidUtf8: positionOf(bytes, bad) };
}

/**
 * The text of a file's bytes (see `decodeTextReport`, which also says which encoding was used).
 * @example decodeText(Buffer.from("\ufeffClient;CA")) // "Client;CA"
 */
export function decodeText(bytes: Uint8Array): string {
  return decodeTextReport(bytes).text;
}

/** Windows-1252 differs from Latin-1 in 0x80..0x9F (€, œ, typographic quotes…); undefined bytes stay as is. */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/** Decodes Windows-1252 by hand: Node's TextDecoder treats the label as Latin-1 in some builds. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    const chars = new Array<string>(chunk.length);
    for (let k = 0; k < chunk.length; k++) {
      const b = chunk[k];
      chars[k] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    }
    out += chars.join("");
  }
  return out;
}

/**
 * The separator of a CSV text, from its first non-empty line (quoted parts ignored): the most frequent of
 * ";", tab and ","; on a tie ";" then tab, since French files use ";" (the comma is their decimal mark).
 * "," when the line has none of them (a one-column file).
 */
export function detectSeparator(text: string): Separator {
  const counts: Record<Separator, number> = { ";": 0, "\t": 0, ",": 0 };
  let inQuotes = false;
  let seen = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) {
      if (seen) break;
    } else if (!inQuotes && (ch === ";" || ch === "\t" || ch === ",")) {
      counts[ch]++;
      seen = true;
    } else if (ch.trim() !== "") seen = true;
  }
  const order: Separator[] = [";", "\t", ","];
  let best: Separator = ",";
  let bestCount = 0;
  for (const s of order) {
    if (counts[s] > bestCount) {
      best = s;
      bestCount = counts[s];
    }
  }
  return best;
}

/** Limits checked while parsing, before anything is allocated for the line: Excel's columns, generous sizes. */
export const CSV_LIMITS = {
  /** Fields in one record: Excel's 16 384 columns. */
  maxFields: 16_384,
  /** Characters in one field (Excel keeps 32 767 in a cell; a longer field is refused, not silently cut). */
  maxFieldChars: 1_048_576,
  /** Characters in one record (line breaks inside quotes included). */
  maxLineChars: 16 * 1_048_576,
} as const;

export type CsvLimits = { readonly [K in keyof typeof CSV_LIMITS]: number };

/** Why a CSV text cannot be read; `line` is the 1-based line of the file where the record starts. */
export type CsvProblem = "unterminatedQuote" | "tooManyFields" | "fieldTooLong" | "lineTooLong";

/** A CSV text that cannot be read as a table (the caller turns it into a message; see `src/i18n`). */
export class CsvError extends Error {
  override readonly name = "CsvError";

  constructor(
    readonly problem: CsvProblem,
    readonly line: number,
    readonly limit?: number,
  ) {
    super(`CSV ${problem} at line ${line}${limit !== undefined ? ` (limit ${limit})` : ""}`);
  }
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let k = text.indexOf("\n"); k >= 0 && k < index; k = text.indexOf("\n", k + 1)) line++;
  // A lone CR also ends a line (old Mac files).
  if (line === 1) for (let k = text.indexOf("\r"); k >= 0 && k < index; k = text.indexOf("\r", k + 1)) line++;
  return line;
}

/**
 * Splits a CSV text into rows of fields (strings, unquoted). Records end at CRLF, LF or CR outside quotes; a
 * final line break does not make an empty record; blank lines give `[""]` (kept, so row numbers stay those of
 * the file). Lenient where RFC 4180 is strict: a quote inside an unquoted field is kept as text, and text
 * after a closing quote is kept. Strict where leniency would give a silent wrong answer: a quote that never
 * closes is an error naming the line where it opened (it would swallow every following row into one field).
 * The limits (`CSV_LIMITS`) are checked before a field or a record is built, so a 50 MB line of 25 million
 * fields is refused at its 16 385th field.
 *
 * @throws CsvError for an unterminated quote or a record over the limits.
 * @example parseCsv('Client;CA\n"Dupont; fils";"1 200,50"', ";") // [["Client", "CA"], ["Dupont; fils", "1 200,50"]]
 */
export function parseCsv(text: string, separator: Separator = detectSeparator(text), limits: CsvLimits = CSV_LIMITS): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  const n = text.length;
  const sep = separator.charCodeAt(0);
  let atFieldStart = true;
  let recordStart = 0;
  const fail = (problem: CsvProblem, at: number, limit?: number): never => {
    throw new CsvError(problem, lineAt(text, at), limit);
  };
  const checkSize = (end: number, fieldLength: number): void => {
    if (fieldLength > limits.maxFieldChars) fail("fieldTooLong", recordStart, limits.maxFieldChars);
    if (end - recordStart > limits.maxLineChars) fail("lineTooLong", recordStart, limits.maxLineChars);
  };
  const pushField = (): void => {
    if (row.length >= limits.maxFields) fail("tooManyFields", recordStart, limits.maxFields);
    row.push(field);
    field = "";
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (atFieldStart && c === 34 /* " */) {
      // Quoted field: up to the closing quote; "" is one quote.
      const open = i;
      i++;
      let start = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) fail("unterminatedQuote", open);
        checkSize(q, field.length + q - start);
        if (text.charCodeAt(q + 1) === 34) {
          field += text.slice(start, q + 1);
          i = q + 2;
          start = i;
          continue;
        }
        field += text.slice(start, q);
        i = q + 1;
        break;
      }
      atFieldStart = false;
      continue;
    }
    if (c === sep) {
      pushField();
      atFieldStart = true;
      i++;
      continue;
    }
    if (c === 10 || c === 13) {
      pushField();
      rows.push(row);
      row = [];
      atFieldStart = true;
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      recordStart = i;
      continue;
    }
    // Plain run up to the next separator or line break.
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === sep || d === 10 || d === 13) break;
      j++;
    }
    checkSize(j, field.length + j - i);
    field += text.slice(i, j);
    i = j;
    atFieldStart = false;
  }
  if (!atFieldStart || field !== "" || row.length > 0) {
    pushField();
    rows.push(row);
  }
  return rows;
}
