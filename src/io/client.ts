/**
 * One client as read from a table or aggregated from a journal. Only the fields that have a value are present.
 * Amounts are in the file's currency; dates are ISO "yyyy-mm-dd".
 */
export interface ImportedClient {
  readonly id: string;
  /** Sheet row of the client (its first row when rows were merged, its first line in a journal). */
  readonly row: number;
  readonly name?: string;
  /** CA of the period studied: the "CA" column, else the latest period; in a journal, the sum of all lines. */
  readonly ca?: number;
  /** CA per period, oldest first, labelled in `mapping.periodLabels`; null for a blank cell. */
  readonly periods?: readonly (number | null)[];
  /** Contacts of the latest period (N), and of the one before (N-1). */
  readonly contacts?: number;
  readonly contactsBefore?: number;
  readonly potential?: number;
  /** Whole days from the last purchase to the reference date. */
  readonly recencyDays?: number;
  readonly frequency?: number;
  /** The RFM amount: the CA (table) or the sum of all lines, returns included (journal). */
  readonly monetary?: number;
  readonly firstPurchase?: string;
  readonly lastPurchase?: string;
  readonly isProspect?: boolean;
  /** A prospect's scores 1 to 5 by Pascal Py's criteria (SPEC §11); read on prospect rows only. */
  readonly pertinence?: number;
  readonly credibility?: number;
  /** Attractivité pour nous. */
  readonly attractiveness?: number;
  /** Notre attractivité pour lui. */
  readonly ourAttractiveness?: number;
  /** Valeur apportée / satisfaction, 1 to 5 by the rep: the ideal-client matrix (SPEC §13). Kept as typed. */
  readonly value?: number;
}

/** A forced mapping: a column index, or "none" for no column. */
export type ColumnChoice = number | "none";
