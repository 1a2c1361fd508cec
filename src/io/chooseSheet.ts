import { guessShape } from "./fields";
import { detectJournalColumns, detectTableColumns } from "./headers";

/** A sheet offered to `chooseSheet`: its name, whether it is visible, and its first rows (raw cell values). */
export interface SheetCandidate {
  readonly name: string;
  readonly visible: boolean;
  /** The sheet's first rows, top first (20 are enough: a header sits under at most a few title rows). */
  readonly rows: readonly (readonly unknown[])[];
}

/** How well one sheet reads as a client table or a journal. */
export interface SheetFit {
  readonly shape: "clients" | "journal" | undefined;
  /** 0 when no header row names a client and an amount; else 1 + the sum of the header's field confidences. */
  readonly score: number;
  /** 0-based index in `rows` of the header row found. */
  readonly headerIndex: number;
}

/** Rows looked at for a header (title rows above it included). */
export const HEADER_SEARCH_ROWS = 20;

function fitOfHeader(header: readonly unknown[]): { score: number; journal: boolean } {
  const table = detectTableColumns(header);
  const journal = detectJournalColumns(header).fields;
  const tableMoney = table.fields.ca !== undefined || table.periods.length > 0;
  const journalMoney = journal.date !== undefined && (journal.amount !== undefined || (journal.quantity !== undefined && journal.unitPrice !== undefined));
  const sum = (matches: readonly ({ confidence: number } | undefined)[]): number => matches.reduce((s, m) => s + (m?.confidence ?? 0), 0);
  const tableScore = table.fields.id && tableMoney ? 1 + sum([...Object.values(table.fields), ...table.periods]) : 0;
  const journalScore = journal.id && journalMoney ? 1 + sum(Object.values(journal)) : 0;
  return journalScore > tableScore ? { score: journalScore, journal: true } : { score: tableScore, journal: false };
}

/**
 * How well a sheet's rows read as a client table or a sales journal: the best header among its first
 * `HEADER_SEARCH_ROWS` rows (one that names a client column and an amount: a CA, CA per period, or a journal's
 * date and amount), scored by the confidence of the columns it names.
 *
 * @example sheetFit([["Client", "CA 2025"], ["Dupont", 1200]]).shape // "clients"
 */
export function sheetFit(rows: readonly (readonly unknown[])[]): SheetFit {
  let best: SheetFit = { shape: undefined, score: 0, headerIndex: 0 };
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let k = 0; k < limit; k++) {
    const row = rows[k];
    if (!Array.isArray(row) || row.every((v) => v === null || v === undefined || v === "")) continue;
    const fit = fitOfHeader(row);
    if (fit.score > best.score) {
      const shape = guessShape(rows.slice(k) as unknown[][]) ?? (fit.journal ? "journal" : "clients");
      best = { shape, score: fit.score, headerIndex: k };
    }
  }
  return best;
}

/** The sheet chosen and why. */
export interface SheetChoice {
  readonly name: string;
  readonly fit: SheetFit;
  /**
   * "only": one visible sheet; "best": the best header among several; "active": no sheet has a client header,
   * the workbook's active sheet is read; "first": no header and no active sheet, the first visible one.
   */
  readonly reason: "only" | "best" | "active" | "first";
}

/**
 * THE rule for the sheet read when the user names none, shared by the command line and the wizard so that one
 * file gives one PAC: among the visible sheets, the one whose header reads best as a client table or a sales
 * journal (`sheetFit`); on a tie, the first in tab order; when no sheet has such a header, the workbook's
 * active sheet (`active`, when visible), else the first visible sheet. Hidden sheets are never chosen (unless
 * all are hidden: then the same rule among them).
 *
 * `fitOf` gives a sheet's fit (`sheetFit` of its rows by default): a caller that also needs the fits computes them once.
 *
 * @returns undefined when `sheets` is empty.
 * @example chooseSheet([{ name: "Notes", visible: true, rows: [["Lisez-moi"]] }, { name: "Clients", visible: true, rows: [["Client", "CA"]] }]).name // "Clients"
 */
export function chooseSheet(
  sheets: readonly SheetCandidate[],
  active?: string,
  fitOf: (sheet: SheetCandidate) => SheetFit = (sheet) => sheetFit(sheet.rows),
): SheetChoice | undefined {
  const visible = sheets.filter((s) => s.visible);
  const pool = visible.length > 0 ? visible : sheets;
  if (pool.length === 0) return undefined;
  const fits = pool.map(fitOf);
  if (pool.length === 1) return { name: pool[0].name, fit: fits[0], reason: "only" };
  let best = 0;
  for (let k = 1; k < pool.length; k++) if (fits[k].score > fits[best].score) best = k;
  if (fits[best].score > 0) return { name: pool[best].name, fit: fits[best], reason: "best" };
  const k = pool.findIndex((s) => s.name === active);
  return k >= 0 ? { name: pool[k].name, fit: fits[k], reason: "active" } : { name: pool[0].name, fit: fits[0], reason: "first" };
}

/** The columns a header row names, as table fields, periods and journal fields: "id@0 ca@3 …". */
function detectedColumns(header: readonly unknown[]): string {
  const table = detectTableColumns(header);
  const journal = detectJournalColumns(header).fields;
  const pairs = [
    ...Object.entries(table.fields).map(([f, m]) => `t.${f}@${m?.column}`),
    ...table.periods.map((p) => `p.${p.label}@${p.column}`),
    ...Object.entries(journal).map(([f, m]) => `j.${f}@${m?.column}`),
  ];
  return pairs.sort().join(" ");
}

/**
 * The sheets `--sheet all` (or a list) may combine have the same shape: their header rows name the same
 * columns at the same places (`detectTableColumns`, `detectJournalColumns`). Returns the names of the sheets
 * whose columns differ from the first one's.
 *
 * @example differentColumns([{ name: "2009", header: ["Invoice", "InvoiceDate", "Customer ID", "Price", "Quantity"] }, { name: "x", header: ["Client"] }]) // ["x"]
 */
export function differentColumns(headers: readonly { readonly name: string; readonly header: readonly unknown[] }[]): string[] {
  const first = headers[0] ? detectedColumns(headers[0].header) : "";
  return headers.filter((h) => detectedColumns(h.header) !== first).map((h) => h.name);
}
