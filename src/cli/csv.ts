/** Writing CSV, RFC 4180 (reading it is src/io's `parseCsv`). */

/** One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180); blanks for null/undefined. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as RFC 4180 CSV: comma separated, CRLF after every record, the header first. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  let out = "";
  for (const row of rows) out += `${row.map(csvField).join(",")}\r\n`;
  return out;
}
