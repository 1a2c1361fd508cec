/**
 * Reading a user's workbook: a one-row-per-client table (`readClientTable`) or a sales journal, one row per
 * invoice line (`readJournal`). Pure code on raw cell values (`unknown[][]`, `rows[0]` the header row), shared
 * by the Office.js adapter, the .xlsx reader and the CLI. Each reader returns `{ clients, mapping, report }`:
 * never throws on user data, every problem is a report entry with its sheet row and a French message
 * (`issueText(issue, "en")` for English). Field and method labels for the wizard: `tableFieldChoices`,
 * `journalFieldChoices`, `ioFieldLabel`, `ioMethodLabel`.
 */
export { readClientTable, isTotalLabel } from "./clientTable";
export type { ClientTableMapping, ClientTableOptions, ClientTableResult } from "./clientTable";
export type { ColumnChoice, ImportedClient } from "./client";
export { readJournal, rollingPeriods, isFamilyJournalHeader } from "./journal";
export type { JournalFamilies, JournalMapping, JournalOptions, JournalResult } from "./journal";
export { readFamilyTypeTable } from "./familyTypes";
export type { FamilyTypeTable } from "./familyTypes";
export { normaliseCell, displayCell, UNSUPPORTED_VALUE } from "./cells";
export type { Cell } from "./cells";
export { parseNumberText, readNumber, readFlag } from "./numbers";
export type { NumberProblem, NumberReading } from "./numbers";
export {
  excelSerialToDay,
  dayToExcelSerial,
  dayToIso,
  daysFromCivil,
  splitTextDate,
  decideDateOrder,
  MIN_PLAUSIBLE_DAY,
  MAX_PLAUSIBLE_DAY,
} from "./dates";
export type { DateOrder, DateOrderDecision, SerialProblem, TextDateParts } from "./dates";
export { detectTableColumns, detectJournalColumns, detectFamilyColumn, normaliseHeaderText, TABLE_FIELDS, JOURNAL_FIELDS, FAMILY_KINDS, MIN_CONFIDENCE } from "./headers";
export type { Ambiguity, ColumnRef, Detection, FamilyColumnMatch, FamilyKind, FieldId, FieldMatch, JournalField, PeriodMatch, TableDetection, TableField } from "./headers";
export { tableFieldChoices, journalFieldChoices, guessShape } from "./fields";
export type { FieldChoice } from "./fields";
export { METHODS, METHOD_NEEDS } from "./common";
export type { MethodId, MissingForMethod, ReadOptions } from "./common";
export { issueText, DEFAULT_MAX_ISSUES_PER_KIND } from "./report";
export { parseCsv, decodeText, decodeWindows1252, detectSeparator } from "./csv";
export type { Separator } from "./csv";
export { ioMessage, ioFieldLabel, ioMethodLabel } from "../i18n/io";
export type { ImportIssue, ImportNote, ImportReport, JournalPeriods, JournalStats, RejectReason, Severity } from "./report";
