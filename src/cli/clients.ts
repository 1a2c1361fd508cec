import { detectJournalColumns, guessShape, issueText, readClientTable, readJournal } from "../io";
import type { ImportedClient, ImportReport, JournalFamilies } from "../io";
import type { Lang } from "../i18n/types";
import { CliError } from "./errors";

export interface ImportResult {
  readonly shape: "clients" | "journal";
  readonly clients: readonly ImportedClient[];
  readonly report: ImportReport;
  /** Sheet row of the header actually used (after skipping title rows). */
  readonly headerRow: number;
  /** A journal's spend per product family (SPEC §12), when it has a product column and covers N-1. */
  readonly families?: JournalFamilies;
  /** The journal has a product column but does not cover N-1: engagement cannot be computed. */
  readonly familiesNotCovered?: boolean;
}

export interface ImportOptions {
  readonly firstRowNumber: number;
  readonly date1904?: boolean;
  readonly referenceDate?: string;
}

/** A journal header: a date column and line amounts (an amount, or quantity and unit price). */
export function looksLikeJournal(header: readonly unknown[]): boolean {
  const f = detectJournalColumns(header).fields;
  return f.id !== undefined && f.date !== undefined && (f.amount !== undefined || (f.quantity !== undefined && f.unitPrice !== undefined));
}

function readOnce(rows: unknown[][], options: ImportOptions): Omit<ImportResult, "headerRow"> {
  const readOptions = {
    firstRowNumber: options.firstRowNumber,
    ...(options.date1904 ? { date1904: true } : {}),
    ...(options.referenceDate ? { referenceDate: options.referenceDate } : {}),
  };
  const shape = guessShape(rows);
  if (shape === "journal") return journalResult(readJournal(rows, readOptions));
  const t = readClientTable(rows, readOptions);
  // A table with no CA column at all but journal columns (a date and amounts) is a journal.
  const noCa = t.mapping.fields.ca === undefined && t.mapping.periods.length === 0;
  if (noCa && rows.length > 0 && looksLikeJournal(rows[0])) {
    const j = readJournal(rows, readOptions);
    if (j.clients.length > 0) return journalResult(j);
  }
  return { shape: "clients", clients: t.clients, report: t.report };
}

function journalResult(j: ReturnType<typeof readJournal>): Omit<ImportResult, "headerRow"> {
  return {
    shape: "journal",
    clients: j.clients,
    report: j.report,
    ...(j.families ? { families: j.families } : {}),
    ...(j.mapping.family && !j.families ? { familiesNotCovered: true } : {}),
  };
}

/**
 * Reads the clients of an input table, as a client table or a sales journal (`guessShape`, then the journal
 * when the table has no CA column but journal columns). When the reader says the header is lower down
 * (title rows above it), reads again from that row.
 *
 * @throws CliError NO_CLIENT with the reader's first error when no client could be read.
 */
export function importClients(rows: unknown[][], options: ImportOptions, source: string, lang: Lang): ImportResult {
  let result = readOnce(rows, options);
  let headerRow = options.firstRowNumber;
  if (result.clients.length === 0) {
    const below = result.report.issues.find((i) => i.key === "HEADER_BELOW");
    const row = below?.params.row;
    if (typeof row === "number" && row > options.firstRowNumber) {
      const retry = readOnce(rows.slice(row - options.firstRowNumber), { ...options, firstRowNumber: row });
      if (retry.clients.length > 0) {
        result = retry;
        headerRow = row;
      }
    }
  }
  if (result.clients.length === 0) {
    const error = result.report.issues.find((i) => i.severity === "error") ?? result.report.issues[0];
    const reason = error ? issueText(error, lang) : "";
    throw new CliError("NO_CLIENT", { source, reason });
  }
  return { ...result, headerRow };
}
