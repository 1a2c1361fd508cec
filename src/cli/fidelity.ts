import { ENGAGEMENT_CLASSES, FAMILY_TYPES, IDEAL_CLASSES, TYPE_NOT_PROPOSED } from "../engine";
import { catalogueText } from "../i18n/catalogue";
import { cliMessage } from "../i18n/cli";
import type { Lang } from "../i18n/types";
import { isFamilyJournalHeader, issueText, readFamilyTypeTable, readJournal, type ImportIssue, type JournalFamilies } from "../io";
import { fromFirstRow } from "../io/combineSheets";
import { computeFidelity, leavingClients, type Fidelity, type ScoredPortfolio } from "../plan";
import type { Remark } from "../plan/remarks";
import type { ImportResult } from "./clients";
import { CliError } from "./errors";
import { readBytes, readCsvTable, type InputTable } from "./input";
import { openXlsx } from "./xlsxInput";

/** Engagement and the ideal client as the CLI computed them, with where the families came from. */
export interface CliFidelity {
  readonly fidelity: Fidelity;
  /** The journal the families were read from: the input itself, or a sheet of the same workbook. */
  readonly journal?: { readonly source: string; readonly column: string; readonly families: number };
  /** Warnings about the types table or the journal sheet, printed on stderr and kept on « Remarques ». */
  readonly notes: readonly string[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

interface FoundJournal {
  readonly families?: JournalFamilies;
  readonly ids?: readonly string[];
  readonly notCovered?: boolean;
  readonly sheet?: string;
}

/**
 * A sales journal with a product column beside a client table, in the same workbook: the first visible sheet
 * (other than the one read) whose header reads as a journal and has a product or family column. Read with the
 * same reference date as the table.
 */
function journalSheet(input: InputTable, referenceDate: string | undefined): FoundJournal {
  const book = input.book;
  if (input.kind !== "xlsx" || !book) return {};
  const read = new Set(input.parts?.map((p) => p.sheet) ?? (input.sheet !== undefined ? [input.sheet] : []));
  for (const sheet of book.sheets) {
    if (!sheet.visible || read.has(sheet.name)) continue;
    const { rows, firstRowNumber } = fromFirstRow(book.rows(sheet.name));
    if (rows.length < 2) continue;
    if (!isFamilyJournalHeader(rows[0])) continue;
    const j = readJournal(rows, { firstRowNumber, date1904: input.date1904, ...(referenceDate ? { referenceDate } : {}) });
    if (j.families) return { families: j.families, ids: j.clients.map((c) => c.id), sheet: sheet.name };
    if (j.mapping.family) return { notCovered: true, sheet: sheet.name };
  }
  return {};
}

/** The rows of the rep's type table: a CSV, or the first sheet of a workbook that reads as one. */
function typeTableRows(path: string, families: readonly string[]): { rows: unknown[][]; firstRowNumber: number } {
  const bytes = readBytes(path);
  if (ZIP.every((b, k) => bytes[k] === b)) {
    const book = openXlsx(bytes, path);
    for (const sheet of book.sheets) {
      if (sheet.state !== "visible") continue;
      const table = fromFirstRow(book.rows(sheet.name));
      const read = readFamilyTypeTable(table.rows, families, table.firstRowNumber);
      if (!read.issues.some((i) => i.key === "TYPE_TABLE_NO_COLUMNS")) return table;
    }
    throw new CliError("TYPES_NO_TABLE", { path });
  }
  const csv = readCsvTable(path, bytes);
  return { rows: csv.rows, firstRowNumber: csv.firstRowNumber };
}

/**
 * Engagement (SPEC §12) and the ideal client (§13) for `pac plan` and `pac score`. The families come from the
 * input when it is a journal with a product column, else from a journal sheet of the same workbook; the types
 * from `--types` (checked against those families; its warnings name their rows). Without `--types` engagement
 * is not computed and the proposed types are there for the summary to print.
 * @throws CliError when the types file cannot be read or holds no type table (exit code 2).
 */
export function loadFidelity(input: InputTable, imported: ImportResult, options: { readonly types?: string; readonly referenceDate?: string; readonly lang: Lang }): CliFidelity {
  const { lang } = options;
  const notes: string[] = [];
  let found: FoundJournal;
  let source: string;
  if (imported.shape === "journal") {
    found = { ...(imported.families ? { families: imported.families, ids: imported.clients.map((c) => c.id) } : {}), ...(imported.familiesNotCovered ? { notCovered: true } : {}) };
    source = input.sheet !== undefined ? `« ${input.sheet} »` : `« ${input.path} »`;
  } else {
    found = journalSheet(input, options.referenceDate);
    source = `« ${found.sheet ?? ""} »`;
  }

  let types: readonly string[] | undefined;
  if (options.types !== undefined) {
    if (!found.families) {
      const reason = catalogueText(found.notCovered ? "fid.reason.not_covered" : "fid.reason.no_journal", lang);
      notes.push(cliMessage("TYPES_IGNORED", { reason }, lang));
    } else {
      const { rows, firstRowNumber } = typeTableRows(options.types, found.families.families);
      const table = readFamilyTypeTable(rows, found.families.families, firstRowNumber);
      const fatal = table.issues.find((i: ImportIssue) => i.severity === "error");
      if (fatal) throw new CliError("TYPES_UNREADABLE", { path: options.types, reason: issueText(fatal, lang) });
      for (const i of table.issues) notes.push(cliMessage("TYPES_ISSUE", { path: options.types, text: issueText(i, lang) }, lang));
      types = table.types;
    }
  }

  const fidelity = computeFidelity(
    {
      clients: imported.clients,
      ...(found.families && found.ids ? { journal: { ids: found.ids, families: found.families } } : {}),
      ...(found.families ? {} : { journalMissing: found.notCovered ? "not_covered" : "no_journal" }),
      ...(types ? { types } : {}),
    },
    lang,
  );
  if (fidelity.unmatched > 0 && imported.shape !== "journal") notes.push(cliMessage("SUMMARY_JOURNAL_UNMATCHED", { n: fidelity.unmatched }, lang));
  return {
    fidelity,
    ...(found.families ? { journal: { source, column: found.families.column.header, families: found.families.families.length } } : {}),
    notes,
  };
}

/** The remarks of the fidelity step for the « Remarques » sheet: the engine's, then the notes printed. */
export function fidelityRemarks(f: CliFidelity): Remark[] {
  return [...f.fidelity.remarks, ...f.notes.map((message) => ({ message, kind: "info" }))];
}

/** Proposed types shown in the summary of `pac plan` (all of them on stderr with `pac score`). */
export const PROPOSALS_SHOWN = 20;

/** The lines « famille;type » of the proposed types (families without a proposal are left out). */
export function proposalLines(f: Fidelity, lang: Lang, max = Infinity): string[] {
  const p = f.proposals;
  if (!p) return [];
  const lines: string[] = [];
  let more = 0;
  p.families.forEach((family, k) => {
    if (p.proposed[k] === TYPE_NOT_PROPOSED) return;
    if (lines.length < max) lines.push(cliMessage("SUMMARY_PROPOSED_LINE", { family, type: FAMILY_TYPES[p.proposed[k]] }, lang));
    else more++;
  });
  if (lines.length === 0) return [];
  return [cliMessage("SUMMARY_PROPOSED", undefined, lang), ...lines, ...(more > 0 ? [cliMessage("SUMMARY_PROPOSED_MORE", { n: more }, lang)] : [])];
}

/**
 * The summary lines of engagement and of the ideal client: the families read, the counts per class and the CA
 * at risk, or « non calculé » with the reason; then the proposed types when the rep has not given any.
 */
export function fidelitySummary(f: CliFidelity, portfolio: ScoredPortfolio, lang: Lang, maxProposals = PROPOSALS_SHOWN): string[] {
  const out: string[] = [];
  const fid = f.fidelity;
  if (f.journal) out.push(cliMessage("SUMMARY_JOURNAL", { n: f.journal.families, column: f.journal.column, source: f.journal.source }, lang));
  const e = fid.engagement;
  if (e) {
    const count = (c: (typeof ENGAGEMENT_CLASSES)[number]): number => e.counts[ENGAGEMENT_CLASSES.indexOf(c)];
    const leaving = leavingClients(portfolio, fid);
    const atRisk = leaving.reduce((a, i) => a + e.caAtRisk[(fid.engagementRow as Int32Array)[i]], 0);
    out.push(
      cliMessage(
        "SUMMARY_ENGAGEMENT",
        {
          loss: count("loss_likely"),
          risk: count("revenue_at_risk"),
          engaged: count("engaged"),
          build: count("to_build"),
          atRisk: Math.round(e.totalAtRisk),
          leavingAtRisk: Math.round(atRisk),
          leaving: leaving.length,
        },
        lang,
      ),
    );
  } else if (fid.engagementMissing) {
    out.push(cliMessage("SUMMARY_ENGAGEMENT_OFF", { reason: catalogueText(fid.engagementMissing.key, lang, fid.engagementMissing.params) }, lang));
    if (fid.engagementMissing.key === "fid.reason.no_types") out.push(...proposalLines(fid, lang, maxProposals));
  }
  const ideal = fid.ideal;
  if (ideal) {
    const [i, h, r, a] = IDEAL_CLASSES.map((_, k) => ideal.counts[k]);
    out.push(cliMessage("SUMMARY_IDEAL", { ideal: i, happy: h, atRisk: r, avoid: a }, lang));
  } else if (fid.idealMissing) out.push(cliMessage("SUMMARY_IDEAL_OFF", { reason: catalogueText(fid.idealMissing.key, lang, fid.idealMissing.params) }, lang));
  return out;
}
