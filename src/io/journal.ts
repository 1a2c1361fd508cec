import { cellToLabel, displayCell, normaliseCell } from "./cells";
import type { ColumnChoice, ImportedClient } from "./client";
import {
  DateColumn,
  asRow,
  assertRows,
  columnName,
  isEmptyRow,
  missingForMethods,
  noteDateOrder,
  readReferenceDate,
  reportDateProblem,
  resolveOptions,
  type MissingForMethod,
  type NeedId,
  type ReadOptions,
} from "./common";
import { civilFromDays, dayToFrench, dayToIso, daysFromCivil } from "./dates";
import type { FamilyHistory } from "../engine/engagement";
import { JOURNAL_FIELDS, detectFamilyColumn, detectJournalColumns, headerText, type ColumnRef, type FamilyColumnMatch, type FieldMatch, type JournalField } from "./headers";
import type { IoMessageKey } from "../i18n/io";
import { readNumber, type NumberProblem } from "./numbers";
import { ReportBuilder, headerList, type ImportReport, type JournalPeriods, type JournalStats, type RejectReason } from "./report";
import { referenceDay, reportNoId, titleRowAbove } from "./structure";

export interface JournalMapping {
  readonly fields: Readonly<Partial<Record<JournalField, FieldMatch>>>;
  /**
   * The labels of `periods`, oldest first: ["N-1", "N"], the rolling 12-month windows before the reference date
   * (their dates in `report.journal.periods`), or ["N"] alone when the journal does not cover N-1.
   */
  readonly periodLabels: readonly string[];
  readonly unused: readonly ColumnRef[];
  readonly missing: readonly MissingForMethod[];
  /**
   * The product-family column (engagement, SPEC §12), when there is one: a family column, else a product code,
   * else a description. It feeds `families`, not a client field, so `unused` still lists it.
   */
  readonly family?: FamilyColumnMatch;
}

export interface JournalOptions extends ReadOptions {
  /** Forces fields to columns (0-based) or to none. */
  readonly mapping?: Readonly<Partial<Record<JournalField, ColumnChoice>>>;
  /** Report lines identical to an earlier line in every cell (default true; they are kept either way). */
  readonly detectDuplicateLines?: boolean;
  /** Forces the product-family column (0-based), or "none" to read no family. */
  readonly familyColumn?: number | "none";
}

/**
 * The per-client spend per product family in the rolling windows N-1 and N, and the purchase history the
 * proposed types need (`FamilyHistory` of the engine, client i = `clients[i]`). Present only when the journal has
 * a family column and covers N-1.
 */
export interface JournalFamilies extends FamilyHistory {
  readonly column: FamilyColumnMatch;
  /** Lines used whose family cell is blank or an error (counted in the client's CA, in no family). */
  readonly linesWithoutFamily: number;
}

export interface JournalResult {
  readonly clients: readonly ImportedClient[];
  readonly mapping: JournalMapping;
  readonly report: ImportReport;
  /** Spend per client and product family (SPEC §12): only with a family column and N-1 covered. */
  readonly families?: JournalFamilies;
}

const FN = "readJournal";
// Module-level copies, read once: the compiled CommonJS reads imported bindings through getters, and inside a
// vm context (jest) every global lookup (Math, Date, Number, Array…) goes through an interceptor; both cost
// far too much once per line of a million-line journal.
const isArray = Array.isArray;
const isFiniteNumber = Number.isFinite;
const toText = String;
const DateClass = Date;
const imul = Math.imul;

/** A growable typed array (doubling), so the hot loop allocates nothing per line. */
function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T, size: number, make: (n: number) => T): T {
  if (size <= a.length) return a;
  let n = a.length * 2;
  while (n < size) n *= 2;
  const b = make(n);
  b.set(a);
  return b;
}
const f64 = (n: number): Float64Array => new Float64Array(n);
const i32 = (n: number): Int32Array => new Int32Array(n);
const u8 = (n: number): Uint8Array => new Uint8Array(n);

// 32-bit FNV-1a hash of a row, for duplicate detection. Texts are sampled (length, first and last 4
// characters): equal hashes are always confirmed cell by cell, so a collision costs a comparison, never a
// false "identical line".
const hashView = new Float64Array(1);
const hashWords = new Uint32Array(hashView.buffer);

/** FNV-1a step: (h ^ c) × 16777619 mod 2^32. */
function fnv(h: number, c: number): number {
  return imul(h ^ c, 16777619);
}

function hashRow(row: readonly unknown[], width: number): number {
  let h = 0x811c9dc5 | 0;
  for (let j = 0; j < width; j++) {
    const v = row[j];
    h = fnv(h, 0x1f);
    if (typeof v === "string") {
      const n = v.length;
      h = fnv(h, n);
      for (let k = 0; k < n; k++) {
        if (k === 4 && n > 8) k = n - 4;
        h = fnv(h, v.charCodeAt(k));
      }
    } else if (typeof v === "number") {
      hashView[0] = v;
      h = fnv(fnv(h, hashWords[0]), hashWords[1]);
    } else if (typeof v === "boolean") {
      h = fnv(h, v ? 3 : 2);
    } else if (typeof v === "object" && v !== null) {
      if (v instanceof DateClass) {
        hashView[0] = v.getTime();
        h = fnv(fnv(h, hashWords[0]), hashWords[1]);
      } else {
        const text = displayCell(normaliseCell(v));
        for (let k = 0; k < text.length; k++) h = fnv(h, text.charCodeAt(k));
      }
    }
  }
  return h;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const blankA = a === null || a === undefined || a === "";
  const blankB = b === null || b === undefined || b === "";
  if (blankA || blankB) return blankA && blankB;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a === "object" && typeof b === "object") return displayCell(normaliseCell(a)) === displayCell(normaliseCell(b));
  return false;
}

function sameRow(a: readonly unknown[], b: readonly unknown[], width: number): boolean {
  for (let j = 0; j < width; j++) if (!sameValue(a[j], b[j])) return false;
  return true;
}

/** The client key of a raw id cell: trimmed text, numbers without ".0"; undefined for blank, "error" for an error. */
function idKey(value: unknown): string | undefined | "\u0000error" {
  if (typeof value === "number") return isFiniteNumber(value) ? toText(value) : "\u0000error";
  if (typeof value === "string" && value.charCodeAt(0) !== 35) {
    const t = value.trim();
    return t === "" ? undefined : t.includes("  ") ? t.replace(/\s+/g, " ") : t;
  }
  if (value === null || value === undefined) return undefined;
  const cell = normaliseCell(value);
  return cell.kind === "error" ? "\u0000error" : cellToLabel(cell);
}

const DIGITS = /^[1-9]\d{0,14}$/;

/** Why a line's quantity, price or amount was refused, and the message that says so. */
const REFUSED_LINE: Readonly<Record<NumberProblem, readonly [RejectReason, IoMessageKey]>> = {
  blank: ["blank", "LINE_BLANK"],
  text: ["text", "CELL_TEXT"],
  error: ["error", "CELL_ERROR"],
  boolean: ["boolean", "CELL_BOOLEAN"],
  date: ["date", "CELL_DATE"],
};

function applyJournalOverrides(fields: Partial<Record<JournalField, FieldMatch>>, header: readonly string[], mapping: JournalOptions["mapping"]): void {
  if (!mapping) return;
  for (const f of JOURNAL_FIELDS) {
    const choice = mapping[f];
    if (choice === undefined) continue;
    if (choice === "none") {
      delete fields[f];
      continue;
    }
    if (typeof choice !== "number" || !Number.isInteger(choice) || choice < 0) {
      throw new RangeError(`${FN}: mapping.${f} must be a column index (integer ≥ 0) or "none"`);
    }
    for (const g of JOURNAL_FIELDS) if (fields[g]?.column === choice && fields[g]?.source === "detected") delete fields[g];
    fields[f] = { column: choice, header: header[choice] ?? "", confidence: 1, source: "override" };
  }
}

function finishMapping(fields: Partial<Record<JournalField, FieldMatch>>, header: readonly string[], years: readonly string[], aggregated: boolean, family?: FamilyColumnMatch): JournalMapping {
  const used = new Set(Object.values(fields).map((m) => (m as FieldMatch).column));
  const present = new Set<NeedId>();
  if (aggregated) for (const f of ["id", "ca", "frequency", "recency", "lastPurchase"] as const) present.add(f);
  // Engagement (SPEC §12) reads the product column, whatever its kind.
  if (aggregated && family) present.add(family.kind);
  return {
    fields: { ...fields },
    periodLabels: years,
    unused: header.flatMap((h, column) => (used.has(column) || h === "" ? [] : [{ column, header: h }])),
    missing: missingForMethods(present, years.length),
  };
}

/**
 * Aggregates a sales journal (one row per invoice line) into one row per client. `rows[0]` is the header.
 *
 * Rules (exact):
 * - line amount = the amount column when there is one, else quantity × unit price;
 * - `monetary` (and `ca`) = the sum of all the client's line amounts, cancellations and returns included; a sum
 *   that is zero once rounded to the cent (lines that cancel out, a float residue) is exactly 0;
 * - an invoice is a purchase when its number does not start with "C" (case ignored) and its total for that
 *   client is > 0 (beyond floating-point noise); `frequency` = the number of distinct purchase invoices
 *   (without an invoice column: distinct days with a positive total);
 * - `recencyDays` = whole calendar days from the last purchase date to the reference date (time ignored); the
 *   reference date is `options.referenceDate`, by default the day after the last date of the journal;
 * - `periods` = [CA N-1, CA N] (SPEC §7): N = the 12 months before the reference date (from the same day a year
 *   earlier; 29 February gives 28 February), N-1 = the 12 months before N; never calendar years (a journal
 *   starting in December would make every client new). Lines dated on or after the reference date, or before
 *   N-1, are in no period. When the journal's first line is later than the start of N-1, N-1 is not covered:
 *   `periods` = [CA N] alone, so maturity and elasticity are not computed, and the report says which dates are
 *   covered and which are needed (PERIODS_NOT_COVERED);
 * - `firstPurchase` / `lastPurchase` = dates of the first and last purchase.
 * Lines with an unreadable date or amount are refused and reported; lines without a client id are counted
 * apart and reported; lines identical to an earlier one are kept and reported. Clients come in order of first
 * appearance.
 *
 * Speed: one pass, typed arrays and Maps keyed by client and invoice, text dates parsed once per distinct value.
 *
 * @throws TypeError when `rows` is not an array, RangeError on malformed options. User data never throws.
 * @example readJournal([["Client", "Facture", "Date", "Montant"], ["A", "F1", "05/01/2024", 100]]).clients[0]
 *   // { id: "A", row: 2, ca: 100, monetary: 100, periods: [100], frequency: 1, recencyDays: 1, firstPurchase: "2024-01-05", lastPurchase: "2024-01-05" }
 */
export function readJournal(rows: unknown[][], options: JournalOptions = {}): JournalResult {
  assertRows(rows, FN);
  const r = resolveOptions(options, FN);
  const report = new ReportBuilder(r.maxIssuesPerKind);
  const header = rows.length > 0 ? asRow(rows[0]).map(headerText) : [];
  const detection = detectJournalColumns(header);
  const fields: Partial<Record<JournalField, FieldMatch>> = { ...detection.fields };
  applyJournalOverrides(fields, header, options.mapping);
  const fail = (rowsRead: number): JournalResult => ({
    clients: [],
    mapping: finishMapping(fields, header, [], false),
    report: report.build({ shape: "journal", rowsRead, rowsUsed: 0, emptyRows: 0, clientsKept: 0 }),
  });
  if (rows.length === 0) {
    report.add("NO_ROWS", "error");
    return fail(0);
  }
  const title = options.mapping?.id === undefined ? titleRowAbove(rows, true) : undefined;
  if (title !== undefined) {
    report.add("HEADER_BELOW", "error", { row: r.firstRowNumber + title, headers: headerList(asRow(rows[title]).map(headerText)) });
  } else if (!fields.id) {
    reportNoId(rows, header, r, report, true);
  } else {
    if (!fields.date) report.add("NO_DATE_COLUMN", "error", { headers: headerList(header) });
    if (!fields.amount && !(fields.quantity && fields.unitPrice)) report.add("NO_AMOUNT_COLUMN", "error", { headers: headerList(header) });
  }
  if (report.failed) return fail(rows.length - 1);
  if (rows.length === 1) {
    report.add("HEADER_ONLY", "error", { row: r.firstRowNumber });
    return fail(0);
  }
  for (const a of detection.ambiguities) {
    if (options.mapping?.[a.field as JournalField] !== undefined) continue;
    report.add("AMBIGUOUS_COLUMN", "warning", { field: a.field, header: a.chosen.header, header2: a.other.header });
  }
  for (const f of JOURNAL_FIELDS) {
    const m = fields[f];
    if (m && m.source === "detected" && m.confidence < 0.7) report.add("UNCERTAIN_COLUMN", "info", { field: f, header: m.header });
  }

  const familyMatch = familyColumnOf(header, fields, options.familyColumn);
  const famCol = familyMatch?.column ?? -1;
  const idField = fields.id as FieldMatch;
  const dateField = fields.date as FieldMatch;
  const idCol = idField.column;
  const dateCol = dateField.column;
  const amountCol = fields.amount?.column ?? -1;
  const qtyCol = amountCol < 0 ? (fields.quantity as FieldMatch).column : -1;
  const priceCol = amountCol < 0 ? (fields.unitPrice as FieldMatch).column : -1;
  const invCol = fields.invoice?.column ?? -1;
  const nameCol = fields.name?.column ?? -1;
  const names = {
    date: columnName(dateField.header, dateCol),
    amount: fields.amount ? columnName(fields.amount.header, amountCol) : "",
    qty: fields.quantity ? columnName(fields.quantity.header, fields.quantity.column) : "",
    price: fields.unitPrice ? columnName(fields.unitPrice.header, fields.unitPrice.column) : "",
  };
  if (amountCol >= 0) report.note("AMOUNT_FROM_COLUMN", { header: names.amount });
  else report.note("AMOUNT_FROM_QTY_PRICE", { header: names.qty, header2: names.price });
  report.note(invCol >= 0 ? "PURCHASE_RULE" : "NO_INVOICE_COLUMN");
  if (r.date1904) report.note("DATE_1904");

  // Text dates: one look at the distinct texts of the column decides day-first or month-first.
  const dateTexts: unknown[] = [];
  const seenTexts = new Set<string>();
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    if (!isArray(row)) continue;
    const v = row[dateCol];
    if (typeof v === "string") {
      if (!seenTexts.has(v)) {
        seenTexts.add(v);
        dateTexts.push(v);
      }
    } else if (v !== null && typeof v === "object" && !(v instanceof DateClass)) dateTexts.push(v);
  }
  const dates = DateColumn.fromValues(dateTexts, r.date1904);
  noteDateOrder(dates, names.date, report);

  const givenRef = readReferenceDate(options.referenceDate, r.date1904);
  const detectDuplicates = options.detectDuplicateLines !== false;
  const width = header.length;

  // Per client.
  const clientIndex = new Map<string, number>();
  const ids: string[] = [];
  const clientNames: (string | undefined)[] = [];
  let clientRow: Int32Array = new Int32Array(1024);
  let monetary: Float64Array = new Float64Array(1024);
  // Per line used: its client, day and amount, summed into the periods once the reference date is known.
  let lineClient: Int32Array = new Int32Array(1024);
  let lineDay: Int32Array = new Int32Array(1024);
  let lineAmount: Float64Array = new Float64Array(1024);
  // Per line used, its product family (−1 blank), when there is a family column.
  let lineFamily: Int32Array = new Int32Array(famCol >= 0 ? 1024 : 0);
  const familyIndex = new Map<string, number>();
  const familyByNumber = new Map<number, number>();
  const familyLabels: string[] = [];
  let lastFamilyRaw: unknown = undefined;
  let lastFamily = -1;
  // Per invoice (interned), and per (client, invoice) pair.
  const invNumbers = new Map<number, number>();
  const invTexts = new Map<string, number>();
  const invBlankDays = new Map<number, number>();
  let invCancel: Uint8Array = new Uint8Array(1024);
  let invCount = 0;
  const pairSpan = 2 ** Math.ceil(Math.log2(rows.length + 2));
  const pairIndex = new Map<number, number>();
  let pairTotal: Float64Array = new Float64Array(1024);
  let pairAbs: Float64Array = new Float64Array(1024);
  let pairMin: Int32Array = new Int32Array(1024);
  let pairMax: Int32Array = new Int32Array(1024);
  let pairClient: Int32Array = new Int32Array(1024);
  let pairInv: Int32Array = new Int32Array(1024);
  let pairCount = 0;
  const lineTable = detectDuplicates ? new LineTable(rows, width) : undefined;
  let duplicateLines = 0;
  /** 1 when line i repeats an earlier line (reported), else 0. */
  const lineTwin = (table: LineTable, i: number, group: number, rowNumber: number): number => {
    const twin = table.twinOf(i, group);
    if (twin < 0) return 0;
    report.add("DUPLICATE_LINE", "info", { row2: r.firstRowNumber + twin }, rowNumber);
    return 1;
  };

  let emptyRows = 0;
  let linesUsed = 0;
  let linesRejected = 0;
  let linesWithoutClient = 0;
  let amountWithoutClient = 0;
  let cancellationLines = 0;
  let totalAmount = 0;
  let linesAfterRef = 0;
  let minDay = Infinity;
  let maxDay = -Infinity;
  // One-entry caches: lines of one invoice usually follow each other.
  let lastIdRaw: unknown = undefined;
  let lastClient = -1;
  let lastInvRaw: unknown = undefined;
  let lastInv = -1;
  let lastPairClient = -1;
  let lastPairInv = -1;
  let lastPair = -1;

  const refuseNumber = (value: unknown, column: string, rowNumber: number): void => {
    const cell = normaliseCell(value);
    const reading = readNumber(cell);
    if (reading.ok) return;
    const [reason, key] = REFUSED_LINE[reading.problem];
    report.reject(reason, key, { column, value: displayCell(cell) }, rowNumber);
  };
  const numberOf = (value: unknown): number => {
    if (typeof value === "number") return isFiniteNumber(value) ? value : NaN;
    const reading = readNumber(normaliseCell(value));
    return reading.ok ? reading.value : NaN;
  };

  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    const rowNumber = r.firstRowNumber + i;
    if (!isArray(row)) {
      emptyRows++;
      continue;
    }
    const idRaw = row[idCol];
    let client = -1;
    let key: string | undefined | "\u0000error";
    if (idRaw === lastIdRaw && lastClient >= 0 && typeof idRaw !== "object") client = lastClient;
    else {
      key = idKey(idRaw);
      if (key === undefined && isEmptyRow(row)) {
        emptyRows++;
        continue;
      }
      if (key !== undefined && key === header[idCol] && typeof row[dateCol] === "string" && (row[dateCol] as string).trim() === header[dateCol]) {
        report.add("REPEATED_HEADER", "info", {}, rowNumber);
        continue;
      }
    }

    // Date.
    const dateRaw = row[dateCol];
    const day = dates.read(dateRaw);
    if (typeof day !== "number") {
      if (day === "blank") report.reject("blank", "LINE_BLANK", { column: names.date }, rowNumber);
      else reportDateProblem(day, dateRaw, names.date, rowNumber, report);
      linesRejected++;
      continue;
    }
    // Amount.
    let amount: number;
    if (amountCol >= 0) {
      const v = row[amountCol];
      amount = typeof v === "number" ? v : numberOf(v);
      if (amount !== amount) {
        refuseNumber(v, names.amount, rowNumber);
        linesRejected++;
        continue;
      }
    } else {
      const q = row[qtyCol];
      const p = row[priceCol];
      const qty = typeof q === "number" ? q : numberOf(q);
      const price = typeof p === "number" ? p : numberOf(p);
      if (qty !== qty || price !== price) {
        if (qty !== qty) refuseNumber(q, names.qty, rowNumber);
        if (price !== price) refuseNumber(p, names.price, rowNumber);
        linesRejected++;
        continue;
      }
      amount = qty * price;
    }
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;

    // Invoice.
    let inv = -1;
    let invIsBlank = false;
    const invRaw = invCol >= 0 ? row[invCol] : undefined;
    if (invCol >= 0 && invRaw === lastInvRaw && lastInv >= 0 && typeof invRaw !== "object" && invRaw !== undefined) inv = lastInv;
    else if (invCol >= 0) {
      if (typeof invRaw === "number") {
        inv = invNumbers.get(invRaw) ?? -1;
        if (inv < 0) {
          inv = invCount++;
          invNumbers.set(invRaw, inv);
          invCancel = grow(invCancel, invCount, u8);
        }
      } else {
        let text: string | undefined;
        if (typeof invRaw === "string") text = invRaw.trim();
        else if (invRaw !== null && invRaw !== undefined) {
          const cell = normaliseCell(invRaw);
          text = cell.kind === "error" ? undefined : cellToLabel(cell);
        }
        if (text === undefined || text === "" || text.charCodeAt(0) === 35) invIsBlank = true;
        else if (DIGITS.test(text)) {
          const n = Number(text);
          inv = invNumbers.get(n) ?? -1;
          if (inv < 0) {
            inv = invCount++;
            invNumbers.set(n, inv);
            invCancel = grow(invCancel, invCount, u8);
          }
        } else {
          inv = invTexts.get(text) ?? -1;
          if (inv < 0) {
            inv = invCount++;
            invTexts.set(text, inv);
            invCancel = grow(invCancel, invCount, u8);
            const c0 = text.charCodeAt(0);
            invCancel[inv] = c0 === 67 || c0 === 99 ? 1 : 0;
          }
        }
      }
      if (!invIsBlank) {
        lastInvRaw = invRaw;
        lastInv = inv;
      }
    } else invIsBlank = true;
    if (inv >= 0 && invCancel[inv] === 1) cancellationLines++;
    // A blank invoice (or no invoice column): one pseudo-invoice per day, which a client's lines share.
    if (invIsBlank) {
      let blankInv = invBlankDays.get(day);
      if (blankInv === undefined) {
        blankInv = invCount++;
        invBlankDays.set(day, blankInv);
        invCancel = grow(invCancel, invCount, u8);
      }
      inv = blankInv;
    }

    // Client.
    if (client < 0) {
      if (key === undefined || key === "\u0000error") {
        linesWithoutClient++;
        amountWithoutClient += amount;
        if (lineTable) duplicateLines += lineTwin(lineTable, i, -1 - inv, rowNumber);
        if (key === undefined) report.add("LINE_NO_CLIENT", "warning", {}, rowNumber);
        else report.add("ROW_ID_ERROR", "warning", { value: displayCell(normaliseCell(idRaw)) }, rowNumber);
        continue;
      }
      const known = clientIndex.get(key);
      if (known === undefined) {
        client = ids.length;
        clientIndex.set(key, client);
        ids.push(key);
        clientNames.push(undefined);
        if (client >= clientRow.length) {
          clientRow = grow(clientRow, client + 1, i32);
          monetary = grow(monetary, client + 1, f64);
        }
        clientRow[client] = rowNumber;
      } else client = known;
      lastIdRaw = idRaw;
      lastClient = client;
    }
    if (nameCol >= 0 && clientNames[client] === undefined) {
      const label = cellToLabel(normaliseCell(row[nameCol]));
      if (label !== undefined) clientNames[client] = label;
    }

    if (linesUsed >= lineDay.length) {
      lineClient = grow(lineClient, linesUsed + 1, i32);
      lineDay = grow(lineDay, linesUsed + 1, i32);
      lineAmount = grow(lineAmount, linesUsed + 1, f64);
    }
    lineClient[linesUsed] = client;
    lineDay[linesUsed] = day;
    lineAmount[linesUsed] = amount;
    if (famCol >= 0) {
      const raw = row[famCol];
      let f = -1;
      if (raw === lastFamilyRaw && typeof raw !== "object") f = lastFamily;
      else if (typeof raw === "number" && familyByNumber.has(raw)) {
        f = familyByNumber.get(raw) as number;
        lastFamilyRaw = raw;
        lastFamily = f;
      } else {
        const k = familyKey(raw);
        if (k !== undefined) {
          f = familyIndex.get(k) ?? -1;
          if (f < 0) {
            f = familyLabels.length;
            familyIndex.set(k, f);
            familyLabels.push(k);
          }
          if (typeof raw === "number") familyByNumber.set(raw, f);
        }
        lastFamilyRaw = raw;
        lastFamily = f;
      }
      if (linesUsed >= lineFamily.length) lineFamily = grow(lineFamily, linesUsed + 1, i32);
      lineFamily[linesUsed] = f;
    }
    linesUsed++;
    totalAmount += amount;
    monetary[client] += amount;
    if (givenRef !== undefined && typeof givenRef === "number" && day > givenRef) linesAfterRef++;

    // The (client, invoice) pair.
    if (invIsBlank && invCol >= 0) report.add("INVOICE_BLANK", "info", {}, rowNumber);
    let pair: number;
    if (client === lastPairClient && inv === lastPairInv && !invIsBlank) pair = lastPair;
    else {
      const pk = client * pairSpan + inv;
      const found = pairIndex.get(pk);
      if (found === undefined) {
        pair = pairCount++;
        pairIndex.set(pk, pair);
        if (pairCount > pairTotal.length) {
          pairTotal = grow(pairTotal, pairCount, f64);
          pairAbs = grow(pairAbs, pairCount, f64);
          pairMin = grow(pairMin, pairCount, i32);
          pairMax = grow(pairMax, pairCount, i32);
          pairClient = grow(pairClient, pairCount, i32);
          pairInv = grow(pairInv, pairCount, i32);
        }
        pairMin[pair] = day;
        pairMax[pair] = day;
        pairClient[pair] = client;
        pairInv[pair] = inv;
      } else pair = found;
      if (!invIsBlank) {
        lastPairClient = client;
        lastPairInv = inv;
        lastPair = pair;
      }
    }
    if (lineTable) duplicateLines += lineTwin(lineTable, i, pair, rowNumber);
    pairTotal[pair] += amount;
    pairAbs[pair] += amount < 0 ? -amount : amount;
    if (day < pairMin[pair]) pairMin[pair] = day;
    if (day > pairMax[pair]) pairMax[pair] = day;

  }

  // Purchases per client.
  const n = ids.length;
  const frequency = new Int32Array(n);
  const firstDay = new Int32Array(n).fill(2 ** 31 - 1);
  const lastDay = new Int32Array(n).fill(-(2 ** 31));
  let purchases = 0;
  for (let p = 0; p < pairCount; p++) {
    if (invCancel[pairInv[p]] === 1 || !(pairTotal[p] > 1e-9 * pairAbs[p])) continue;
    const c = pairClient[p];
    frequency[c]++;
    purchases++;
    if (pairMin[p] < firstDay[c]) firstDay[c] = pairMin[p];
    if (pairMax[p] > lastDay[c]) lastDay[c] = pairMax[p];
  }

  const ref = referenceDay(maxDay >= minDay ? [maxDay] : [], options.referenceDate, r, report);
  const windows = ref !== undefined && n > 0 ? rollingPeriods(ref, minDay) : undefined;
  const labels: string[] = windows === undefined ? [] : windows.covered ? ["N-1", "N"] : ["N"];
  const caN = new Float64Array(n);
  const caN1 = new Float64Array(n);
  if (windows) {
    const n1Start = isoToDay(windows.n1Start);
    const nStart = isoToDay(windows.nStart);
    const end = isoToDay(windows.nEnd);
    for (let k = 0; k < linesUsed; k++) {
      const d = lineDay[k];
      if (d > end || d < n1Start) continue;
      if (d >= nStart) caN[lineClient[k]] += lineAmount[k];
      else caN1[lineClient[k]] += lineAmount[k];
    }
    const dates = {
      n1Start: isoToFrench(windows.n1Start),
      n1End: isoToFrench(windows.n1End),
      nStart: isoToFrench(windows.nStart),
      nEnd: isoToFrench(windows.nEnd),
    };
    report.note("PERIODS_ROLLING", dates);
    if (!windows.covered) {
      report.add("PERIODS_NOT_COVERED", "warning", {
        ...dates,
        first: dayToFrench(minDay),
        last: dayToFrench(maxDay),
        missingEnd: dayToFrench(minDay - 1),
      });
    }
  }

  let families: JournalFamilies | undefined;
  if (familyMatch && windows) {
    let withoutFamily = 0;
    for (let k = 0; k < linesUsed; k++) if (lineFamily[k] < 0) withoutFamily++;
    report.note("FAMILY_FROM_COLUMN", { header: columnName(familyMatch.header, famCol), field: familyMatch.kind, n: familyLabels.length });
    if (withoutFamily > 0) report.add("LINES_NO_FAMILY", "info", { n: withoutFamily, header: columnName(familyMatch.header, famCol) });
    if (!windows.covered) report.add("ENGAGEMENT_NOT_COVERED", "warning");
    else {
      const lines = { client: lineClient, family: lineFamily, day: lineDay, amount: lineAmount, count: linesUsed };
      const end = isoToDay(windows.nEnd);
      families = {
        ...familySpend(lines, n, familyLabels, isoToDay(windows.n1Start), isoToDay(windows.nStart), end),
        column: familyMatch,
        linesWithoutFamily: withoutFamily,
      };
    }
  }

  const clients: ImportedClient[] = new Array<ImportedClient>(n);
  let withoutPurchase = 0;
  let firstWithout = "";
  let negative = 0;
  let firstNegative = "";
  for (let c = 0; c < n; c++) {
    const periods = labels.length === 2 ? [settle(caN1[c]), settle(caN[c])] : labels.length === 1 ? [settle(caN[c])] : [];
    const m = settle(monetary[c]);
    const client: { -readonly [K in keyof ImportedClient]: ImportedClient[K] } = { id: ids[c], row: clientRow[c] };
    const name = clientNames[c];
    if (name !== undefined) client.name = name;
    client.ca = m;
    client.monetary = m;
    client.periods = periods;
    client.frequency = frequency[c];
    if (frequency[c] > 0) {
      if (ref !== undefined) client.recencyDays = ref - lastDay[c];
      client.firstPurchase = dayToIso(firstDay[c]);
      client.lastPurchase = dayToIso(lastDay[c]);
    } else if (withoutPurchase++ === 0) firstWithout = ids[c];
    if (m < 0 && negative++ === 0) firstNegative = ids[c];
    clients[c] = client;
  }

  if (linesRejected > 0) report.add("LINES_REJECTED", "warning", { n: linesRejected });
  if (linesWithoutClient > 0) report.add("LINES_NO_CLIENT", "warning", { n: linesWithoutClient, amount: round2(amountWithoutClient) });
  if (duplicateLines > 0) report.add("DUPLICATE_LINES", "warning", { n: duplicateLines });
  if (withoutPurchase > 0) report.add("CLIENTS_WITHOUT_PURCHASE", "warning", { n: withoutPurchase, id: firstWithout });
  if (negative > 0) report.add("NEGATIVE_MONETARY", "warning", { n: negative, id: firstNegative });
  if (linesAfterRef > 0 && typeof givenRef === "number") report.add("LINES_AFTER_REFERENCE", "warning", { n: linesAfterRef, date: dayToFrench(givenRef) });
  if (n === 0) report.add(emptyRows === rows.length - 1 ? "NO_DATA" : "NO_CLIENT", "error", emptyRows === rows.length - 1 ? { n: emptyRows } : {});

  const stats: JournalStats = {
    linesUsed,
    linesRejected,
    linesWithoutClient,
    amountWithoutClient,
    cancellationLines,
    duplicateLines,
    totalAmount,
    invoices: pairCount,
    purchases,
    ...(minDay <= maxDay ? { firstDate: dayToIso(minDay), lastDate: dayToIso(maxDay) } : {}),
    ...(windows ? { periods: windows } : {}),
  };
  return {
    clients,
    mapping: { ...finishMapping(fields, header, labels, n > 0, familyMatch), ...(familyMatch ? { family: familyMatch } : {}) },
    ...(families ? { families } : {}),
    report: report.build({
      shape: "journal",
      rowsRead: rows.length - 1,
      rowsUsed: linesUsed,
      emptyRows,
      clientsKept: n,
      ...(ref !== undefined ? { referenceDate: dayToIso(ref) } : {}),
      ...(dates.decision ? { dateOrder: dates.decision.order } : {}),
      journal: stats,
    }),
  };
}

/**
 * Finds lines identical to an earlier line: an open-addressing table of row indices keyed by the row hash
 * (typed arrays, no allocation per line); rows with the same hash are compared cell by cell, so a hash
 * collision never makes two different lines "identical". Identical lines always share their (client, invoice)
 * pair, so the first probe falls in a window of the table chosen by the pair: the lines of one invoice, which
 * mostly follow each other, then touch neighbouring memory instead of random places in a large table.
 */
class LineTable {
  /** Pairs (row index, row hash) side by side, so that a probe touches one cache line; row -1 = free slot. */
  private readonly table: Int32Array;
  private readonly mask: number;

  constructor(
    private readonly rows: readonly unknown[][],
    private readonly width: number,
  ) {
    let size = 1024;
    while (size < rows.length * 2) size *= 2;
    this.table = new Int32Array(size * 2).fill(-1);
    this.mask = size - 1;
  }

  /** The index of an earlier identical row of the same group (pair), or -1 after remembering this one. */
  twinOf(i: number, group: number): number {
    const row = this.rows[i];
    const h = hashRow(row, this.width);
    const table = this.table;
    let slot = (imul(group, 64) + (h & 63)) & this.mask;
    // Double hashing: lines of one large group (a huge invoice, one day without invoice numbers) leave the
    // shared window on different paths instead of piling up in one cluster. The step is odd, so it visits
    // every slot of the power-of-two table.
    const step = (h >>> 6) | 1;
    for (;;) {
      const k = table[2 * slot];
      if (k < 0) {
        table[2 * slot] = i;
        table[2 * slot + 1] = h;
        return -1;
      }
      if (table[2 * slot + 1] === h && sameRow(row, asRow(this.rows[k]), this.width)) return k;
      slot = (slot + step) & this.mask;
    }
  }
}

/** The same calendar day `years` earlier or later; 29 February becomes 28 February in a common year. */
function shiftYears(day: number, years: number): number {
  const [y, m, d] = civilFromDays(day);
  const target = y + years;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  return daysFromCivil(target, m, m === 2 && d === 29 && !leap ? 28 : d);
}

function isoToDay(iso: string): number {
  return daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

function isoToFrench(iso: string): string {
  return dayToFrench(isoToDay(iso));
}

/**
 * N and N-1 for a reference date (SPEC §7): N from the same day a year before the reference date to the day
 * before it, N-1 the year before N. Covered when the journal's first line is on or before the start of N-1.
 * @example rollingPeriods(ref 10/12/2010, first line 01/12/2009) // N 10/12/2009–09/12/2010, N-1 10/12/2008–09/12/2009, not covered
 */
export function rollingPeriods(ref: number, firstDay: number): JournalPeriods {
  const nStart = shiftYears(ref, -1);
  const n1Start = shiftYears(ref, -2);
  return {
    n1Start: dayToIso(n1Start),
    n1End: dayToIso(nStart - 1),
    nStart: dayToIso(nStart),
    nEnd: dayToIso(ref - 1),
    covered: firstDay <= n1Start,
  };
}

/**
 * A sum of line amounts, with a total that is zero once rounded to the cent written as 0: lines that cancel out
 * leave a float residue (0.3 − 0.1 − 0.2 = −2.8e-17) that must never read as a negative client (SPEC §2).
 */
function settle(x: number): number {
  return x < 0.005 && x > -0.005 ? 0 : x;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The family column: forced by the caller, "none", or detected among the columns no other field took. */
function familyColumnOf(
  header: readonly string[],
  fields: Partial<Record<JournalField, FieldMatch>>,
  forced: JournalOptions["familyColumn"],
): FamilyColumnMatch | undefined {
  if (forced === "none") return undefined;
  if (forced !== undefined) {
    if (typeof forced !== "number" || !Number.isInteger(forced) || forced < 0) throw new RangeError(`${FN}: familyColumn must be a column index (integer ≥ 0) or "none"`);
    return { column: forced, header: header[forced] ?? "", confidence: 1, source: "override", kind: "family" };
  }
  const taken = new Set(Object.values(fields).map((m) => (m as FieldMatch).column));
  return detectFamilyColumn(header, taken);
}

/** The family of a line: trimmed text (inner runs of spaces as one), a number as written; undefined for blank or error. */
function familyKey(value: unknown): string | undefined {
  if (typeof value === "number") return isFiniteNumber(value) ? toText(value) : undefined;
  if (typeof value === "string") {
    const t = value.trim();
    return t === "" || t.charCodeAt(0) === 35 ? undefined : t.includes("  ") ? t.replace(/\s+/g, " ") : t;
  }
  if (value === null || value === undefined) return undefined;
  const cell = normaliseCell(value);
  return cell.kind === "error" ? undefined : cellToLabel(cell);
}

interface Lines {
  readonly client: Int32Array;
  readonly family: Int32Array;
  readonly day: Int32Array;
  readonly amount: Float64Array;
  readonly count: number;
}

/**
 * Sums the lines per (client, family) into N-1 and N (SPEC §7 windows: N-1 = [n1Start, nStart − 1], N =
 * [nStart, end]), compressed by client in order of the pairs' first line; and the history of the proposed types:
 * per pair the day of its first positive line, per client its sorted distinct days with a positive line (lines
 * after `end`, the day before the reference date, are left out of both).
 *
 * Speed: the lines are grouped by client with a counting sort, then each client's families are found through a
 * per-family stamp (the last client that touched it) instead of a hash of the pairs: two linear passes over typed
 * arrays, no Map, whatever the number of product codes.
 */
function familySpend(lines: Lines, n: number, families: readonly string[], n1Start: number, nStart: number, end: number): FamilyHistory {
  const F = families.length;
  const count = lines.count;
  // Lines by client, in line order within a client.
  const byClient = new Int32Array(n + 1);
  for (let k = 0; k < count; k++) if (lines.day[k] <= end) byClient[lines.client[k] + 1]++;
  for (let i = 0; i < n; i++) byClient[i + 1] += byClient[i];
  const order = new Int32Array(byClient[n]);
  const put = byClient.slice(0, n);
  for (let k = 0; k < count; k++) if (lines.day[k] <= end) order[put[lines.client[k]]++] = k;

  const stamp = new Int32Array(F).fill(-1);
  const slot = new Int32Array(F);
  const cap = Math.max(1, order.length);
  let family = new Int32Array(cap);
  let spendN1 = new Float64Array(cap);
  let spendN = new Float64Array(cap);
  let firstDay = new Int32Array(cap);
  const start = new Int32Array(n + 1);
  const dayStart = new Int32Array(n + 1);
  let days = new Int32Array(cap);
  let m = 0;
  let w = 0;
  for (let i = 0; i < n; i++) {
    const from = w;
    for (let j = byClient[i]; j < byClient[i + 1]; j++) {
      const k = order[j];
      const d = lines.day[k];
      const a = lines.amount[k];
      if (a > 0) days[w++] = d;
      const f = lines.family[k];
      if (f < 0) continue;
      let p: number;
      if (stamp[f] !== i) {
        stamp[f] = i;
        p = m++;
        slot[f] = p;
        family[p] = f;
        spendN1[p] = 0;
        spendN[p] = 0;
        firstDay[p] = -1;
      } else p = slot[f];
      if (d >= nStart) spendN[p] += a;
      else if (d >= n1Start) spendN1[p] += a;
      if (a > 0 && (firstDay[p] < 0 || d < firstDay[p])) firstDay[p] = d;
    }
    start[i + 1] = m;
    // Distinct purchase days of the client, sorted.
    const seg = days.subarray(from, w).sort();
    let u = from;
    for (let j = 0; j < seg.length; j++) if (j === 0 || seg[j] !== seg[j - 1]) days[u++] = seg[j];
    w = u;
    dayStart[i + 1] = w;
  }
  for (let p = 0; p < m; p++) {
    spendN1[p] = settle(spendN1[p]);
    spendN[p] = settle(spendN[p]);
  }
  family = family.slice(0, m);
  spendN1 = spendN1.slice(0, m);
  spendN = spendN.slice(0, m);
  firstDay = firstDay.slice(0, m);
  days = days.slice(0, w);
  return { families, start, family, spendN1, spendN, firstDay, dayStart, days };
}
