/** Writing CSV, RFC 4180 (reading it is src/io's `parseCsv`), safe to open in a spreadsheet. */

/** Field separator and decimal mark of a CSV: what a French Excel splits (";" and ",") or an English one. */
export interface CsvStyle {
  readonly separator: ";" | ",";
  readonly decimal: "," | ".";
}

export const CSV_FR: CsvStyle = { separator: ";", decimal: "," };
export const CSV_EN: CsvStyle = { separator: ",", decimal: "." };

/**
 * First characters that make a spreadsheet read a text cell as a formula (OWASP, "CSV Injection"): = + - @,
 * tab and carriage return, and the full-width forms ＝ ＋ － ＠ some spreadsheets fold to them. Looked for after
 * leading spaces and line breaks, which a spreadsheet skips.
 */
const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A text cell a spreadsheet would run as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * One CSV field. Text that a spreadsheet would read as a formula gets a leading `'` (OWASP) and is quoted;
 * text holding the separator, a quote or a line break is quoted, quotes doubled (RFC 4180). Numbers are
 * written with the style's decimal mark, never escaped (a negative number is a number, not a formula).
 * null and undefined are empty fields.
 *
 * @example csvField("=cmd|' /C calc'!A0", CSV_FR) // "\"'=cmd|' /C calc'!A0\""
 */
export function csvField(value: unknown, style: CsvStyle = CSV_EN): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    const text = Number.isFinite(value) ? String(value) : "";
    return style.decimal === "," ? text.replace(".", ",") : text;
  }
  const text = typeof value === "string" ? value : String(value);
  if (looksLikeFormula(text)) return `"'${text.replace(/"/g, '""')}"`;
  const special = style.separator === ";" ? /[";\r\n]/ : /[",\r\n]/;
  return special.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV in the given style: CRLF after every record, the header first. */
export function toCsv(rows: readonly (readonly unknown[])[], style: CsvStyle = CSV_EN): string {
  let out = "";
  for (const row of rows) out += `${row.map((v) => csvField(v, style)).join(style.separator)}\r\n`;
  return out;
}
