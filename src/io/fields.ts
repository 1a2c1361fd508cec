import { ioFieldLabel } from "../i18n/io";
import type { Lang } from "../i18n/types";
import { asRow } from "./common";
import { JOURNAL_FIELDS, TABLE_FIELDS, detectJournalColumns, detectTableColumns, type JournalField, type TableField } from "./headers";

/** One entry of the wizard's column dropdowns. */
export interface FieldChoice<F extends string> {
  readonly field: F;
  readonly label: string;
  /** Without it nothing can be read (the client id; for a journal also the date and an amount). */
  readonly required: boolean;
}

/** The fields of a client table, with their labels, in dropdown order. CA per period is chosen separately (`periods`). */
export function tableFieldChoices(lang: Lang = "fr"): FieldChoice<TableField>[] {
  return TABLE_FIELDS.map((field) => ({ field, label: ioFieldLabel(field, lang), required: field === "id" }));
}

/** The fields of a sales journal, with their labels. The amount may instead come from quantity × unit price. */
export function journalFieldChoices(lang: Lang = "fr"): FieldChoice<JournalField>[] {
  return JOURNAL_FIELDS.map((field) => ({ field, label: ioFieldLabel(field, lang), required: field === "id" || field === "date" }));
}

/**
 * Which reader suits a range, from its header row: "journal" when it has a date column and an invoice number
 * or line quantities/prices and no CA-per-period columns; "clients" when it has a client column otherwise;
 * undefined when no client column is found. The wizard proposes it; the user decides.
 */
export function guessShape(rows: readonly unknown[][]): "clients" | "journal" | undefined {
  if (!Array.isArray(rows) || rows.length === 0) return undefined;
  const header = asRow(rows[0]);
  const table = detectTableColumns(header);
  const journal = detectJournalColumns(header).fields;
  if (!journal.id && !table.fields.id) return undefined;
  const lineLike = journal.invoice !== undefined || (journal.quantity !== undefined && journal.unitPrice !== undefined);
  return journal.date && lineLike && table.periods.length === 0 ? "journal" : "clients";
}
