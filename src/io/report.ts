import { ioMessage, type IoMessageKey } from "../i18n/io";
import type { Lang, MessageParams } from "../i18n/types";
import type { DateOrder } from "./dates";

export type Severity = "error" | "warning" | "info";

/**
 * Why a cell was refused. In a client table a blank cell is not refused (its field stays empty, counted in
 * `blankCells`); in a journal a blank date or amount refuses the line ("blank").
 */
export type RejectReason =
  | "blank"
  | "text" | "error" | "boolean" | "date" | "invalidDate" | "dateOutOfRange" | "phantomDate" | "negativeCount" | "flag";

/** One thing the user should know, with the sheet row when it is about one row. `message` is French. */
export interface ImportIssue {
  readonly key: IoMessageKey;
  readonly severity: Severity;
  readonly row?: number;
  readonly params: MessageParams;
  readonly message: string;
}

/** An assumption the reader made (date order, reference date, how an amount is computed…). `message` is French. */
export interface ImportNote {
  readonly key: IoMessageKey;
  readonly params: MessageParams;
  readonly message: string;
}

/** Figures only a journal has. Amounts are sums of line amounts. Dates are ISO "yyyy-mm-dd". */
export interface JournalStats {
  /** Lines that went into a client. */
  readonly linesUsed: number;
  /** Lines refused because their date or amount is unreadable. */
  readonly linesRejected: number;
  readonly linesWithoutClient: number;
  readonly amountWithoutClient: number;
  /** Lines whose invoice number starts with "C", whether or not they have a client. */
  readonly cancellationLines: number;
  /** Lines identical to an earlier line in every cell (kept). */
  readonly duplicateLines: number;
  /** Sum of the amounts of the lines used (= the sum of the clients' `monetary`). */
  readonly totalAmount: number;
  /** Distinct (client, invoice) pairs, and among them the purchases (= the sum of the clients' `frequency`). */
  readonly invoices: number;
  readonly purchases: number;
  readonly firstDate?: string;
  readonly lastDate?: string;
  /** The rolling periods N-1 and N (SPEC §7), when there is a reference date and a client. */
  readonly periods?: JournalPeriods;
}

/** N and N-1 (ISO dates, inclusive), and whether the journal covers N-1 (else no maturity nor elasticity). */
export interface JournalPeriods {
  readonly n1Start: string;
  readonly n1End: string;
  readonly nStart: string;
  readonly nEnd: string;
  readonly covered: boolean;
}

/** What the wizard and the CLI show after an import. */
export interface ImportReport {
  readonly shape: "clients" | "journal";
  /** "failed" when there is an error (nothing usable); "warnings" when something was refused or flagged. */
  readonly status: "ok" | "warnings" | "failed";
  /** Data rows below the header, empty ones included. */
  readonly rowsRead: number;
  /** Rows that went into a client. */
  readonly rowsUsed: number;
  readonly emptyRows: number;
  readonly clientsKept: number;
  readonly rejectedCells: Readonly<Partial<Record<RejectReason, number>>>;
  readonly blankCells: number;
  /**
   * The messages kept: at most `maxIssuesPerKind` per key, in row order within a key, then one ISSUES_NOT_SHOWN
   * line per capped key; `notShown` counts the messages not kept.
   */
  readonly issues: readonly ImportIssue[];
  readonly notShown: number;
  /**
   * Every issue counted, never capped, by severity (ISSUES_NOT_SHOWN lines excluded): what a summary says
   * ("42 remarques") whatever was kept in `issues`.
   */
  readonly counts: Readonly<Record<Severity, number>>;
  /** Every issue counted by message key, never capped. */
  readonly countsByKey: Readonly<Partial<Record<IoMessageKey, number>>>;
  readonly assumptions: readonly ImportNote[];
  /** ISO date, when recency was computed from dates. */
  readonly referenceDate?: string;
  /** Order used for "a/b/yyyy" text dates, when there were any. */
  readonly dateOrder?: DateOrder;
  readonly journal?: JournalStats;
}

/** The report's message in another language. */
export function issueText(issue: ImportIssue | ImportNote, lang: Lang): string {
  return ioMessage(issue.key, issue.params, lang);
}

export const DEFAULT_MAX_ISSUES_PER_KIND = 100;

/** Collects issues (counting all, keeping at most `maxPerKind` per key), counts refused cells, builds the report. */
export class ReportBuilder {
  private readonly issues: ImportIssue[] = [];
  private readonly counts = new Map<IoMessageKey, number>();
  private readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  private readonly assumptions: ImportNote[] = [];
  readonly rejected: Partial<Record<RejectReason, number>> = {};
  blankCells = 0;
  private hasError = false;
  private hasWarning = false;

  constructor(private readonly maxPerKind: number) {}

  add(key: IoMessageKey, severity: Severity, params: MessageParams = {}, row?: number): void {
    if (severity === "error") this.hasError = true;
    if (severity === "warning") this.hasWarning = true;
    this.bySeverity[severity]++;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count > this.maxPerKind) return;
    if (row === undefined) this.issues.push({ key, severity, params, message: ioMessage(key, params, "fr") });
    else {
      const withRow = { ...params, row };
      this.issues.push({ key, severity, row, params: withRow, message: ioMessage(key, withRow, "fr") });
    }
  }

  reject(reason: RejectReason, key: IoMessageKey, params: MessageParams, row: number): void {
    this.rejected[reason] = (this.rejected[reason] ?? 0) + 1;
    this.add(key, "warning", params, row);
  }

  note(key: IoMessageKey, params: MessageParams = {}): void {
    this.assumptions.push({ key, params, message: ioMessage(key, params, "fr") });
  }

  get failed(): boolean {
    return this.hasError;
  }

  build(
    base: Pick<ImportReport, "shape" | "rowsRead" | "rowsUsed" | "emptyRows" | "clientsKept"> &
      Partial<Pick<ImportReport, "referenceDate" | "dateOrder" | "journal">>,
  ): ImportReport {
    let notShown = 0;
    const issues = [...this.issues];
    for (const [key, count] of this.counts) {
      if (count <= this.maxPerKind) continue;
      notShown += count - this.maxPerKind;
      const params = { n: count - this.maxPerKind, about: key };
      issues.push({ key: "ISSUES_NOT_SHOWN", severity: "info", params, message: ioMessage("ISSUES_NOT_SHOWN", params, "fr") });
    }
    const rejected = Object.values(this.rejected).some((n) => (n ?? 0) > 0);
    const status = this.hasError ? "failed" : this.hasWarning || rejected ? "warnings" : "ok";
    return {
      ...base,
      status,
      rejectedCells: { ...this.rejected },
      blankCells: this.blankCells,
      issues,
      notShown,
      counts: { ...this.bySeverity },
      countsByKey: Object.fromEntries(this.counts) as Partial<Record<IoMessageKey, number>>,
      assumptions: [...this.assumptions],
    };
  }
}

/** "2, 5, 9" — at most `max` row numbers, then "…". */
export function rowList(rows: readonly number[], max = 10): string {
  const shown = rows.slice(0, max).join(", ");
  return rows.length > max ? `${shown}, …` : shown;
}

/** "Client, CA 2024" for messages listing the headers read ("—" when there is none). */
export function headerList(headers: readonly string[], max = 12): string {
  const named = headers.filter((h) => h !== "");
  if (named.length === 0) return "—";
  const shown = named.slice(0, max).join(", ");
  return named.length > max ? `${shown}, … (${named.length})` : shown;
}
