import { displayCell, normaliseCell, type Cell } from "./cells";
import { asRow, readReferenceDate, type ReadOptions, type Resolved } from "./common";
import { dayToFrench } from "./dates";
import { detectJournalColumns, detectTableColumns, headerText } from "./headers";
import { readNumber } from "./numbers";
import { headerList, type ReportBuilder } from "./report";

/** The first value of a row that makes it look like data rather than titles (a number that is not a year…). */
export function dataLikeValue(row: readonly unknown[]): string | undefined {
  for (const v of row) {
    const cell = normaliseCell(v);
    if (cell.kind === "number" && !(Number.isInteger(cell.value) && cell.value >= 1950 && cell.value <= 2100)) return displayCell(cell);
    if (cell.kind === "date" || cell.kind === "boolean") return displayCell(cell);
    if (cell.kind === "text" && /\d/.test(cell.value) && !Number.isNaN(readNumberOrNaN(cell))) {
      const n = readNumberOrNaN(cell);
      if (!(Number.isInteger(n) && n >= 1950 && n <= 2100)) return displayCell(cell);
    }
  }
  return undefined;
}

function readNumberOrNaN(cell: Cell): number {
  const r = readNumber(cell);
  return r.ok ? r.value : NaN;
}

/** The index of a row among the next five that reads as a header (a client column and more), if any. */
export function headerRowBelow(rows: readonly unknown[][], journal: boolean): number | undefined {
  for (let i = 1; i < Math.min(rows.length, 6); i++) {
    const row = asRow(rows[i]);
    const found = journal ? detectJournalColumns(row).fields : detectTableColumns(row).fields;
    if (found.id && Object.keys(found).length >= (journal ? 3 : 2)) return i;
  }
  return undefined;
}

/** A title above the table: one text cell alone on the first row, and a header row just below. */
export function titleRowAbove(rows: readonly unknown[][], journal: boolean): number | undefined {
  const filled = asRow(rows[0]).filter((v) => normaliseCell(v).kind !== "blank").length;
  return filled === 1 ? headerRowBelow(rows, journal) : undefined;
}

/** Reports why no client column was found and, when a lower row looks like the header, says so. */
export function reportNoId(rows: readonly unknown[][], header: readonly string[], r: Resolved, report: ReportBuilder, journal: boolean): void {
  const data = dataLikeValue(asRow(rows[0]));
  if (data !== undefined) {
    report.add("NO_HEADER", "error", { value: data, row: r.firstRowNumber });
    return;
  }
  const below = headerRowBelow(rows, journal);
  if (below !== undefined) {
    report.add("HEADER_BELOW", "error", { row: r.firstRowNumber + below, headers: headerList(asRow(rows[below]).map(headerText)) });
    return;
  }
  report.add("NO_ID_COLUMN", "error", { headers: headerList([...header]) });
}

/** The reference day: the option when readable, else the day after the latest date (noted either way). */
export function referenceDay(days: Iterable<number | undefined>, option: ReadOptions["referenceDate"], r: Resolved, report: ReportBuilder): number | undefined {
  let last: number | undefined;
  for (const d of days) if (d !== undefined && (last === undefined || d > last)) last = d;
  const given = readReferenceDate(option, r.date1904);
  if (typeof given === "number") {
    report.note("REFERENCE_DATE_GIVEN", { date: dayToFrench(given) });
    return given;
  }
  const fallback = last === undefined ? undefined : last + 1;
  if (given === "bad") {
    const value = option instanceof Date ? "Date invalide" : String(option);
    report.add("REFERENCE_DATE_BAD", "warning", { value, date: fallback === undefined ? "—" : dayToFrench(fallback) });
  }
  if (last === undefined || fallback === undefined) return undefined;
  report.note("REFERENCE_DATE_DEFAULT", { date: dayToFrench(fallback), last: dayToFrench(last) });
  return fallback;
}
