/**
 * Text that goes into a written package, made valid: XML 1.0 allows tab, line feed, carriage return,
 * U+0020–U+D7FF, U+E000–U+FFFD and the supplementary planes (as surrogate pairs). Everything else (C0 controls
 * such as NUL, 0x08 or 0x1F, U+FFFE, U+FFFF, a surrogate without its other half) makes Excel call the file
 * corrupt, so it is removed: one function for every text the writers emit (cells, shared strings, sheet names,
 * chart titles, attributes).
 */

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;

// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const HAS_INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** How many characters of `text` XML 1.0 forbids (a valid surrogate pair counts for none). */
export function countInvalidXmlChars(text: string): number {
  if (!HAS_INVALID_XML.test(text)) return 0;
  return text.match(INVALID_XML)?.length ?? 0;
}

/**
 * `text` without the characters XML 1.0 forbids.
 * @example xmlSafe("A\u0000B\uFFFF") // "AB"
 */
export function xmlSafe(text: string): string {
  return HAS_INVALID_XML.test(text) ? text.replace(INVALID_XML, "") : text;
}

const NEEDS_ESCAPE = /[&<>"']/;
const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * `text` as XML character data or an attribute value: forbidden characters removed, then `& < > " '` escaped.
 * @example xmlText('a < b & "c"') // "a &lt; b &amp; &quot;c&quot;"
 */
export function xmlText(text: string): string {
  const safe = xmlSafe(text);
  return NEEDS_ESCAPE.test(safe) ? safe.replace(/[&<>"']/g, (c) => ESCAPES[c]) : safe;
}

/** A cell text made writable: forbidden characters removed, then cut to Excel's 32 767 characters. */
export interface CleanText {
  readonly text: string;
  /** Characters removed because XML 1.0 forbids them. */
  readonly removed: number;
  /** Length before the cut, when the text was longer than `MAX_CELL_CHARS`. */
  readonly truncatedFrom?: number;
}

/**
 * A cell's text as a writer may write it. The cut never splits a surrogate pair.
 * @example cleanCellText("x".repeat(40000)).text.length // 32767
 */
export function cleanCellText(text: string): CleanText {
  const removed = countInvalidXmlChars(text);
  let clean = removed > 0 ? text.replace(INVALID_XML, "") : text;
  if (clean.length <= MAX_CELL_CHARS) return { text: clean, removed };
  const length = clean.length;
  let end = MAX_CELL_CHARS;
  const last = clean.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  clean = clean.slice(0, end);
  return { text: clean, removed, truncatedFrom: length };
}
