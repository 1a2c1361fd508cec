/**
 * Reading CSV, RFC 4180 (quotes doubled inside quoted fields, line breaks allowed inside them), with what French
 * spreadsheets write: ";" as separator, a UTF-8 byte-order mark, or Windows-1252 text. Shared by the command line
 * and the browser's file mode.
 */

export type Separator = ";" | "," | "\t";

/**
 * The text of a file's bytes: UTF-8 (BOM removed), UTF-16 when it has a UTF-16 BOM, and Windows-1252 (what
 * Excel for Windows writes as "CSV (séparateur : point-virgule)") when the bytes are not valid UTF-8.
 * @example decodeText(Buffer.from("\ufeffClient;CA")) // "Client;CA"
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
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

/**
 * Splits a CSV text into rows of fields (strings, unquoted). Records end at CRLF, LF or CR outside quotes; a
 * final line break does not make an empty record; blank lines give `[""]` (kept, so row numbers stay those of
 * the file). Lenient where RFC 4180 is strict: a quote inside an unquoted field is kept as text, and an
 * unclosed quote runs to the end of the text. Never throws.
 *
 * @example parseCsv('Client;CA\n"Dupont; fils";"1 200,50"', ";") // [["Client", "CA"], ["Dupont; fils", "1 200,50"]]
 */
export function parseCsv(text: string, separator: Separator = detectSeparator(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  const n = text.length;
  const sep = separator.charCodeAt(0);
  let atFieldStart = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (atFieldStart && c === 34 /* " */) {
      // Quoted field: up to the closing quote; "" is one quote.
      i++;
      let start = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(start);
          i = n;
          break;
        }
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
      row.push(field);
      field = "";
      atFieldStart = true;
      i++;
      continue;
    }
    if (c === 10 || c === 13) {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      atFieldStart = true;
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      continue;
    }
    // Plain run up to the next separator or line break.
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === sep || d === 10 || d === 13) break;
      j++;
    }
    field += text.slice(i, j);
    i = j;
    atFieldStart = false;
  }
  if (!atFieldStart || field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
