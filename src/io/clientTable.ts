import { cellToLabel, displayCell, normaliseCell, type Cell } from "./cells";
import type { ColumnChoice, ImportedClient } from "./client";
import {
  DateColumn,
  asRow,
  assertRows,
  columnName,
  isEmptyRow,
  missingForMethods,
  noteDateOrder,
  readReportedNumber,
  reportDateProblem,
  resolveOptions,
  type MissingForMethod,
  type ReadOptions,
} from "./common";
import { dayToIso } from "./dates";
import {
  TABLE_FIELDS,
  detectTableColumns,
  headerText,
  parseHeader,
  periodLabel,
  type ColumnRef,
  type FieldId,
  type FieldMatch,
  type PeriodMatch,
  type TableField,
} from "./headers";
import { readFlag, readNumber } from "./numbers";
import { ReportBuilder, headerList, rowList, type ImportReport } from "./report";
import { referenceDay, reportNoId, titleRowAbove } from "./structure";

export type { ColumnChoice, ImportedClient };

/** Which column feeds which field; what each method still lacks. */
export interface ClientTableMapping {
  readonly fields: Readonly<Partial<Record<TableField, FieldMatch>>>;
  /** CA per period columns, oldest first. */
  readonly periods: readonly PeriodMatch[];
  readonly periodLabels: readonly string[];
  /** Columns that feed nothing. */
  readonly unused: readonly ColumnRef[];
  readonly missing: readonly MissingForMethod[];
}

export interface ClientTableOptions extends ReadOptions {
  /** Forces fields to columns (0-based) or to none; `periods` replaces the period columns (oldest first). */
  readonly mapping?: Readonly<Partial<Record<TableField, ColumnChoice>>> & {
    readonly periods?: readonly { readonly column: number; readonly label?: string }[] | "none";
  };
  /** Rows with the same client id: "report" keeps them apart and says so (default); "merge" adds them up. */
  readonly duplicates?: "report" | "merge";
}

export interface ClientTableResult {
  readonly clients: readonly ImportedClient[];
  readonly mapping: ClientTableMapping;
  readonly report: ImportReport;
}

const FN = "readClientTable";
const SUBTOTAL_LABEL = /^(?:sous[\s-]?tota(?:l|ux)|sub[\s-]?totals?|grand[\s-]?total)\b/i;
// "Total" alone or with a plain qualifier; "Total Énergies" stays a client.
const TOTAL_LABEL =
  /^(?:total|totaux|totals|somme|sum|ensemble|moyenne|average|mean)(?:\s+(?:g[eé]n[eé]rale?|clients?|portefeuille|ht|ttc|annuel|ann[eé]e|\d{4}|n(?:\s*-\s*\d)?))?\s*:?$/i;

/** The text of a cell that marks a totals row, else undefined. */
function totalLabelOf(cell: Cell | undefined): string | undefined {
  return cell?.kind === "text" && isTotalLabel(cell.value) ? cell.value : undefined;
}

/** A label that marks a totals (or average) row: "Total", "TOTAL GÉNÉRAL", "Total 2025", "Sous-total Nord", "Moyenne". */
export function isTotalLabel(text: string): boolean {
  const t = text.trim();
  return SUBTOTAL_LABEL.test(t) || TOTAL_LABEL.test(t);
}

interface Draft {
  id: string;
  row: number;
  index: number;
  name?: string;
  ca?: number;
  periods: (number | null)[];
  contacts?: number;
  contactsBefore?: number;
  potential?: number;
  recencyDays?: number;
  frequency?: number;
  lastDay?: number;
  firstDay?: number;
  isProspect?: boolean;
  criteria?: Partial<Record<CriterionField, number>>;
  value?: number;
}

/** The prospect criteria (SPEC §11): scores 1 to 5, read on the rows marked as prospects. */
type CriterionField = "pertinence" | "credibility" | "attractiveness" | "ourAttractiveness";
const CRITERION_FIELDS: readonly CriterionField[] = ["pertinence", "credibility", "attractiveness", "ourAttractiveness"];

const PERIOD_LABEL = /^(?:(?:19[5-9]|20\d)\d|n|n\s*-\s*\d)$/i;

/**
 * A header on two rows: a merged top row ("CA" over two columns) and period labels below ("2024", "2025").
 * Recognised when the second row holds only period labels (at least two) and no other value.
 */
function combineTwoRowHeader(rows: readonly unknown[][]): { header: string[]; example: string } | undefined {
  if (rows.length < 2) return undefined;
  const top = asRow(rows[0]).map(headerText);
  const sub = asRow(rows[1]).map(headerText);
  let labels = 0;
  for (const s of sub) {
    if (s === "") continue;
    if (!PERIOD_LABEL.test(s)) return undefined;
    labels++;
  }
  if (labels < 2) return undefined;
  const width = Math.max(top.length, sub.length);
  const header: string[] = [];
  let carried = "";
  let example = "";
  for (let c = 0; c < width; c++) {
    const t = top[c] ?? "";
    const s = sub[c] ?? "";
    if (t !== "") carried = t;
    const base = t !== "" ? t : s !== "" ? carried : "";
    const combined = s !== "" ? `${base} ${s}`.trim() : base;
    if (s !== "" && example === "") example = combined;
    header.push(combined);
  }
  return { header, example };
}

function forcedMatch(column: number, header: readonly string[]): FieldMatch {
  const text = header[column] ?? "";
  const period = parseHeader(text).period;
  return { column, header: text, confidence: 1, source: "override", ...(period ? { label: periodLabel(period) } : {}) };
}

function checkColumn(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new RangeError(`${FN}: mapping.${what} must be a column index (integer ≥ 0) or "none"`);
  }
  return value;
}

/** Applies the user's forced mapping over the detected one; a forced column is taken from any other field. */
function applyOverrides(
  fields: Partial<Record<TableField, FieldMatch>>,
  periods: PeriodMatch[],
  header: readonly string[],
  mapping: ClientTableOptions["mapping"],
): PeriodMatch[] {
  if (!mapping) return periods;
  let result = periods;
  const release = (column: number): void => {
    for (const f of TABLE_FIELDS) if (fields[f]?.column === column && fields[f]?.source === "detected") delete fields[f];
    result = result.filter((p) => p.column !== column || p.source === "override");
  };
  if (mapping.periods !== undefined) {
    if (mapping.periods === "none") result = [];
    else {
      if (!Array.isArray(mapping.periods)) throw new RangeError(`${FN}: mapping.periods must be an array or "none"`);
      result = [];
      for (const p of mapping.periods) {
        const column = checkColumn(p.column, "periods[].column");
        for (const f of TABLE_FIELDS) if (fields[f]?.column === column) delete fields[f];
        const m = forcedMatch(column, header);
        result.push({ ...m, label: p.label ?? m.label ?? columnName(m.header, column) });
      }
    }
  }
  for (const f of TABLE_FIELDS) {
    const choice = mapping[f];
    if (choice === undefined) continue;
    if (choice === "none") {
      delete fields[f];
      continue;
    }
    const column = checkColumn(choice, f);
    release(column);
    fields[f] = forcedMatch(column, header);
  }
  return result;
}

/** A status/type column taken as the prospect flag must hold yes/no-like values; otherwise it is dropped. */
function checkProspectColumn(rows: readonly unknown[][], start: number, match: FieldMatch): boolean {
  if (match.source === "override" || match.confidence >= 0.9) return true;
  let known = 0;
  let unknown = 0;
  for (let i = start; i < rows.length; i++) {
    const flag = readFlag(normaliseCell(asRow(rows[i])[match.column]));
    if (flag === "unreadable") unknown++;
    else if (flag !== undefined) known++;
  }
  return known > 0 && known >= 4 * unknown;
}

function sameDraft(a: Draft, b: Draft): boolean {
  return (
    a.name === b.name &&
    a.ca === b.ca &&
    a.contacts === b.contacts &&
    a.contactsBefore === b.contactsBefore &&
    a.potential === b.potential &&
    a.recencyDays === b.recencyDays &&
    a.frequency === b.frequency &&
    a.lastDay === b.lastDay &&
    a.firstDay === b.firstDay &&
    a.isProspect === b.isProspect &&
    a.value === b.value &&
    CRITERION_FIELDS.every((f) => a.criteria?.[f] === b.criteria?.[f]) &&
    a.periods.length === b.periods.length &&
    a.periods.every((p, i) => p === b.periods[i])
  );
}

function addOpt(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : a + b;
}

function pick(a: number | undefined, b: number | undefined, f: (x: number, y: number) => number): number | undefined {
  return a === undefined ? b : b === undefined ? a : f(a, b);
}

/** Adds `b` into `a`: amounts and counts summed, recency the smallest, dates the widest span. */
function mergeInto(a: Draft, b: Draft): void {
  a.name ??= b.name;
  a.ca = addOpt(a.ca, b.ca);
  a.periods = a.periods.map((p, i) => {
    const q = b.periods[i];
    return p === null ? q : q === null ? p : p + q;
  });
  a.contacts = addOpt(a.contacts, b.contacts);
  a.contactsBefore = addOpt(a.contactsBefore, b.contactsBefore);
  a.potential = addOpt(a.potential, b.potential);
  a.frequency = addOpt(a.frequency, b.frequency);
  a.recencyDays = pick(a.recencyDays, b.recencyDays, Math.min);
  a.lastDay = pick(a.lastDay, b.lastDay, Math.max);
  a.firstDay = pick(a.firstDay, b.firstDay, Math.min);
  if (b.criteria) a.criteria = { ...b.criteria, ...a.criteria };
  a.value ??= b.value;
  if (a.isProspect === undefined) a.isProspect = b.isProspect;
  else if (b.isProspect !== undefined) a.isProspect = a.isProspect && b.isProspect;
}

function finishMapping(fields: Partial<Record<TableField, FieldMatch>>, periods: readonly PeriodMatch[], header: readonly string[]): ClientTableMapping {
  const used = new Set<number>([...Object.values(fields).map((m) => (m as FieldMatch).column), ...periods.map((p) => p.column)]);
  const unused = header.flatMap((h, column) => (used.has(column) || h === "" ? [] : [{ column, header: h }]));
  const present = new Set<FieldId>(Object.keys(fields) as TableField[]);
  return {
    fields: { ...fields },
    periods,
    periodLabels: periods.map((p) => p.label),
    unused,
    missing: missingForMethods(present, periods.length),
  };
}

/**
 * Reads a one-row-per-client table. `rows[0]` is the header row (a two-row header with period labels below a
 * merged title is combined); columns are found by their titles in French or English (see `detectTableColumns`)
 * unless `options.mapping` forces them.
 *
 * Conventions: numbers may be French text ("1 234,50 €", "12,5 %"); a blank cell stays blank (never 0); a
 * refused cell leaves its field empty and is reported with its row; a negative CA is kept and flagged; empty
 * rows are skipped and counted; rows labelled "Total", "Sous-total", "Moyenne"… and an unlabelled last row equal
 * to the sum of the rows above are excluded; rows without a client id are skipped and reported. `ca` is the
 * "CA" column, else the latest period; `monetary` is `ca`. `recencyDays` comes from a "Récence" column, else from
 * "Date dernier achat" and the reference date (default: the day after the latest such date).
 *
 * @throws TypeError when `rows` is not an array, RangeError on malformed options. User data never throws.
 * @example readClientTable([["Client", "CA"], ["Dupont", "1 200,50 €"]]).clients // [{ id: "Dupont", row: 2, ca: 1200.5, monetary: 1200.5 }]
 */
export function readClientTable(rows: unknown[][], options: ClientTableOptions = {}): ClientTableResult {
  assertRows(rows, FN);
  const r = resolveOptions(options, FN);
  if (options.duplicates !== undefined && options.duplicates !== "report" && options.duplicates !== "merge") {
    throw new RangeError(`${FN}: duplicates must be "report" or "merge"`);
  }
  const report = new ReportBuilder(r.maxIssuesPerKind);
  const fail = (fields: Partial<Record<TableField, FieldMatch>> = {}, periods: readonly PeriodMatch[] = [], header: readonly string[] = [], rowsRead = 0): ClientTableResult => ({
    clients: [],
    mapping: finishMapping(fields, periods, header),
    report: report.build({ shape: "clients", rowsRead, rowsUsed: 0, emptyRows: 0, clientsKept: 0 }),
  });
  if (rows.length === 0) {
    report.add("NO_ROWS", "error");
    return fail();
  }

  let header = asRow(rows[0]).map(headerText);
  let start = 1;
  const twoRow = combineTwoRowHeader(rows);
  if (twoRow) {
    header = twoRow.header;
    start = 2;
    report.note("TWO_ROW_HEADER", { row: r.firstRowNumber, row2: r.firstRowNumber + 1, example: twoRow.example });
  }
  const width = rows.reduce((w, row) => Math.max(w, asRow(row).length), header.length);
  while (header.length < width) header.push("");

  const detection = detectTableColumns(header);
  const fields: Partial<Record<TableField, FieldMatch>> = { ...detection.fields };
  let periods = applyOverrides(fields, [...detection.periods], header, options.mapping);
  const overridden = options.mapping ?? {};

  const title = options.mapping?.id === undefined ? titleRowAbove(rows, false) : undefined;
  if (!fields.id || title !== undefined) {
    if (title !== undefined) report.add("HEADER_BELOW", "error", { row: r.firstRowNumber + title, headers: headerList(asRow(rows[title]).map(headerText)) });
    else reportNoId(rows, header, r, report, false);
    return fail(fields, periods, header, rows.length - start);
  }
  if (rows.length <= start) {
    report.add("HEADER_ONLY", "error", { row: r.firstRowNumber });
    return fail(fields, periods, header);
  }

  // Mapping notes: ambiguities, uncertain matches, dropped columns.
  if (fields.prospect && !checkProspectColumn(rows, start, fields.prospect)) {
    report.add("PROSPECT_COLUMN_DROPPED", "info", { header: fields.prospect.header });
    delete fields.prospect;
  }
  for (const a of detection.ambiguities) {
    if (overridden[a.field as TableField] !== undefined) continue;
    report.add("AMBIGUOUS_COLUMN", "warning", { field: a.field, header: a.chosen.header, header2: a.other.header });
  }
  for (const f of TABLE_FIELDS) {
    const m = fields[f];
    if (m && m.source === "detected" && m.confidence < 0.7) report.add("UNCERTAIN_COLUMN", "info", { field: f, header: m.header });
  }
  if (overridden.periods === undefined) {
    for (const d of detection.droppedPeriods) {
      if (d.reason === "mixed") report.add("PERIODS_MIXED", "warning", { header: d.header });
      else report.add("PERIOD_DUPLICATE", "warning", { header: d.header, header2: d.kept?.header ?? "", label: parseLabel(d.header) });
    }
  }
  for (const d of detection.droppedContacts) report.add("CONTACTS_DROPPED", "info", { header: d.header });
  // A plain "CA" beside N-1, N-2 columns (and no N) is year N.
  if (fields.ca && overridden.periods === undefined && periods.length > 0 && periods.every((p) => p.label.startsWith("N-"))) {
    report.note("PLAIN_CA_AS_N", { header: fields.ca.header, label: periods[periods.length - 1].label });
    periods = [...periods, { ...fields.ca, label: "N" }];
  }

  const name = (m: FieldMatch): string => columnName(m.header, m.column);
  if (r.date1904 && (fields.lastPurchase || fields.firstPurchase)) report.note("DATE_1904");
  const dateColumns: Partial<Record<"lastPurchase" | "firstPurchase", DateColumn>> = {};
  for (const f of ["lastPurchase", "firstPurchase"] as const) {
    const m = fields[f];
    if (!m) continue;
    const values: unknown[] = [];
    for (let i = start; i < rows.length; i++) values.push(asRow(rows[i])[m.column]);
    dateColumns[f] = DateColumn.fromValues(values, r.date1904);
    noteDateOrder(dateColumns[f] as DateColumn, name(m), report);
  }

  // Rows.
  const numberIn = (row: readonly unknown[], rowNumber: number, m: FieldMatch | undefined, kind: "amount" | "count"): number | undefined => {
    if (!m) return undefined;
    const raw = row[m.column];
    // A number of the sheet, finite and not negative, is read as it is (what `readReportedNumber` does first),
    // without a cell made for it: seven a row, a million cells at 100 000 clients.
    if (typeof raw === "number" && raw >= 0 && raw !== Infinity) return raw;
    return readReportedNumber(normaliseCell(raw), kind, name(m), rowNumber, report);
  };
  const drafts: Draft[] = [];
  const emptyRows: number[] = [];
  const noId: { index: number; row: number; cell: Cell }[] = [];
  let lastClientIndex = -1;
  for (let i = start; i < rows.length; i++) {
    const row = asRow(rows[i]);
    const rowNumber = r.firstRowNumber + i;
    if (isEmptyRow(row)) {
      emptyRows.push(rowNumber);
      continue;
    }
    const idCell = normaliseCell(row[fields.id.column]);
    const nameCell = fields.name ? normaliseCell(row[fields.name.column]) : undefined;
    const totalLabel = totalLabelOf(idCell) ?? totalLabelOf(nameCell);
    if (totalLabel !== undefined) {
      report.add("TOTAL_ROW", "info", { value: totalLabel }, rowNumber);
      continue;
    }
    if (idCell.kind === "error") {
      report.add("ROW_ID_ERROR", "warning", { value: idCell.value }, rowNumber);
      continue;
    }
    const id = cellToLabel(idCell);
    if (id === undefined) {
      noId.push({ index: i, row: rowNumber, cell: idCell });
      continue;
    }
    lastClientIndex = i;
    const draft: Draft = { id, row: rowNumber, index: i, periods: [] };
    const label = nameCell ? cellToLabel(nameCell) : undefined;
    if (label !== undefined) draft.name = label;
    draft.ca = numberIn(row, rowNumber, fields.ca, "amount");
    draft.periods = periods.map((p) =>
      fields.ca && p.column === fields.ca.column ? (draft.ca ?? null) : (numberIn(row, rowNumber, p, "amount") ?? null),
    );
    draft.potential = numberIn(row, rowNumber, fields.potential, "amount");
    draft.frequency = numberIn(row, rowNumber, fields.frequency, "count");
    draft.recencyDays = numberIn(row, rowNumber, fields.recency, "count");
    draft.contacts = numberIn(row, rowNumber, fields.contacts, "count");
    draft.contactsBefore = numberIn(row, rowNumber, fields.contactsBefore, "count");
    for (const f of ["lastPurchase", "firstPurchase"] as const) {
      const m = fields[f];
      const column = dateColumns[f];
      if (!m || !column) continue;
      const raw = row[m.column];
      const day = column.read(raw);
      if (typeof day === "number") {
        if (f === "lastPurchase") draft.lastDay = day;
        else draft.firstDay = day;
      } else reportDateProblem(day, raw, name(m), rowNumber, report);
    }
    if (fields.prospect) {
      const cell = normaliseCell(row[fields.prospect.column]);
      const flag = readFlag(cell);
      if (flag === "unreadable") report.reject("flag", "FLAG_UNREADABLE", { column: name(fields.prospect), value: displayCell(cell) }, rowNumber);
      else if (flag !== undefined) draft.isProspect = flag;
    }
    // A client's row may leave the criteria blank; a prospect's are read and reported like any number.
    if (draft.isProspect === true) {
      for (const f of CRITERION_FIELDS) {
        const m = fields[f];
        if (!m) continue;
        const score = numberIn(row, rowNumber, m, "count");
        if (score === undefined) continue;
        if (score < 1 || score > 5) report.add("CRITERION_OUT_OF_RANGE", "warning", { column: name(m), value: score }, rowNumber);
        (draft.criteria ??= {})[f] = score;
      }
    }
    // The value brought (1 to 5, SPEC §13): kept as typed; out of scale is flagged, the method leaves it out.
    if (fields.value) {
      const score = numberIn(row, rowNumber, fields.value, "count");
      if (score !== undefined) {
        if (score < 1 || score > 5) report.add("VALUE_OUT_OF_RANGE", "warning", { column: name(fields.value), value: score }, rowNumber);
        draft.value = score;
      }
    }
    drafts.push(draft);
  }

  // Rows without an id: an unlabelled totals row at the bottom, or a row the user must fix.
  const totalOf = (d: Draft): number | undefined => d.ca ?? d.periods.find((p) => p !== null) ?? undefined;
  const sumAbove = drafts.reduce((s, d) => s + (totalOf(d) ?? 0), 0);
  const caColumn = fields.ca?.column ?? periods[0]?.column;
  for (const n of noId) {
    if (n.index > lastClientIndex && caColumn !== undefined && drafts.length > 1) {
      const value = readNumber(normaliseCell(asRow(rows[n.index])[caColumn]));
      if (value.ok && Math.abs(value.value - sumAbove) <= 0.005 * Math.abs(sumAbove) + 0.01) {
        report.add("TOTAL_ROW_UNLABELLED", "info", {}, n.row);
        continue;
      }
    }
    report.add("ROW_NO_ID", "warning", {}, n.row);
  }
  if (emptyRows.length > 0) report.add("EMPTY_ROWS", "info", { n: emptyRows.length, rows: rowList(emptyRows) });

  // Duplicate ids.
  const mode = options.duplicates ?? "report";
  // The first draft of each id; the drafts of each repeated id (no array for the ids seen once).
  const first = new Map<string, Draft>();
  const groups = new Map<string, Draft[]>();
  for (const d of drafts) {
    const f = first.get(d.id);
    if (f === undefined) first.set(d.id, d);
    else {
      const g = groups.get(d.id);
      if (g) g.push(d);
      else groups.set(d.id, [f, d]);
    }
  }
  const kept: Draft[] = [];
  for (const d of drafts) {
    const group = groups.get(d.id);
    if (group === undefined) {
      kept.push(d);
      continue;
    }
    if (group[0] !== d) {
      if (mode === "report") kept.push(d);
      continue;
    }
    const rowsOfGroup = rowList(group.map((g) => g.row));
    if (mode === "report") {
      report.add("DUPLICATE_ID_KEPT", "warning", { id: d.id, rows: rowsOfGroup }, d.row);
      kept.push(d);
      continue;
    }
    const merged: Draft = { ...d, periods: [...d.periods] };
    let summed = false;
    for (const other of group.slice(1)) {
      if (sameDraft(d, other)) report.add("DUPLICATE_ROW_DROPPED", "info", { row2: d.row, id: d.id }, other.row);
      else {
        mergeInto(merged, other);
        summed = true;
      }
    }
    if (summed) report.add("DUPLICATE_ID_MERGED", "warning", { id: d.id, rows: rowsOfGroup }, d.row);
    kept.push(merged);
  }

  // Reference date and recency from dates.
  let referenceDate: string | undefined;
  if (fields.lastPurchase) {
    const ref = referenceDay(kept.map((d) => d.lastDay), options.referenceDate, r, report);
    if (ref !== undefined) {
      referenceDate = dayToIso(ref);
      if (kept.some((d) => d.recencyDays === undefined && d.lastDay !== undefined)) report.note("RECENCY_FROM_DATES");
      for (const d of kept) if (d.recencyDays === undefined && d.lastDay !== undefined) d.recencyDays = ref - d.lastDay;
    }
  }
  if (!fields.ca && periods.length > 0) report.note("CA_FROM_LATEST_PERIOD", { header: periods[periods.length - 1].header });

  const clients = kept.map((d) => toClient(d, fields.ca !== undefined, periods.length));
  if (clients.length === 0 && emptyRows.length === rows.length - start) report.add("NO_DATA", "error", { n: emptyRows.length });
  else if (clients.length === 0) report.add("NO_CLIENT", "error");
  const dateOrder = dateColumns.lastPurchase?.decision?.order ?? dateColumns.firstPurchase?.decision?.order;
  return {
    clients,
    mapping: finishMapping(fields, periods, header),
    report: report.build({
      shape: "clients",
      rowsRead: rows.length - start,
      rowsUsed: drafts.length,
      emptyRows: emptyRows.length,
      clientsKept: clients.length,
      ...(referenceDate ? { referenceDate } : {}),
      ...(dateOrder ? { dateOrder } : {}),
    }),
  };
}

function parseLabel(header: string): string {
  const p = parseHeader(header).period;
  return p ? periodLabel(p) : header;
}

function toClient(d: Draft, hasCaColumn: boolean, periodCount: number): ImportedClient {
  const c: { -readonly [K in keyof ImportedClient]: ImportedClient[K] } = { id: d.id, row: d.row };
  if (d.name !== undefined) c.name = d.name;
  const ca = hasCaColumn ? d.ca : periodCount > 0 ? (d.periods[periodCount - 1] ?? undefined) : undefined;
  if (ca !== undefined) {
    c.ca = ca;
    c.monetary = ca;
  }
  if (periodCount > 0) c.periods = d.periods;
  if (d.contacts !== undefined) c.contacts = d.contacts;
  if (d.contactsBefore !== undefined) c.contactsBefore = d.contactsBefore;
  if (d.potential !== undefined) c.potential = d.potential;
  if (d.recencyDays !== undefined) c.recencyDays = d.recencyDays;
  if (d.frequency !== undefined) c.frequency = d.frequency;
  if (d.firstDay !== undefined) c.firstPurchase = dayToIso(d.firstDay);
  if (d.lastDay !== undefined) c.lastPurchase = dayToIso(d.lastDay);
  if (d.isProspect !== undefined) c.isProspect = d.isProspect;
  for (const f of CRITERION_FIELDS) {
    const score = d.criteria?.[f];
    if (score !== undefined) c[f] = score;
  }
  if (d.value !== undefined) c.value = d.value;
  return c;
}
