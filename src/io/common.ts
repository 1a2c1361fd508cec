import { assertNever } from "../engine/errors";
import { ioMessage } from "../i18n/io";
import type { IoMessageKey, IoMethodKey } from "../i18n/io";
import { BLANK, displayCell, isBlankValue, normaliseCell, type Cell } from "./cells";
import {
  MAX_PLAUSIBLE_DAY,
  MIN_PLAUSIBLE_DAY,
  dateObjectToDay,
  dayOfParts,
  decideDateOrder,
  excelSerialToDay,
  splitTextDate,
  type DateOrder,
  type DateOrderDecision,
} from "./dates";
import type { FieldId } from "./headers";
import { readNumber } from "./numbers";
import { DEFAULT_MAX_ISSUES_PER_KIND, type RejectReason, type ReportBuilder } from "./report";

/** The ids the engine gives its methods. */
export type MethodId = IoMethodKey;
export const METHODS: readonly MethodId[] = ["rfm", "abc", "quartiles", "pr", "elasticity", "contacts", "maturity", "allocation", "engagement", "ideal"];

/**
 * What a method may need: a field of the table or journal, or a journal's product column ("family", "product"
 * or "description", SPEC §12), which is no client field.
 */
export type NeedId = FieldId | "family" | "product" | "description";

/** What a method lacks: each entry is a set of alternatives (one of them is enough). `message` is French. */
export interface MissingForMethod {
  readonly method: MethodId;
  readonly needs: readonly (readonly NeedId[])[];
  readonly message: string;
}

/** Options shared by both readers. */
export interface ReadOptions {
  /**
   * The day recency is counted to: an ISO "yyyy-mm-dd" or "jj/mm/aaaa" text, an Excel serial, or a Date (UTC
   * components). Default: the calendar day after the last date read, never "today", so results are reproducible.
   */
  readonly referenceDate?: string | number | Date;
  /** Date serial numbers follow the 1904 system (old Mac workbooks). Default false (1900 system). */
  readonly date1904?: boolean;
  /** Sheet row number of `rows[0]`, so messages name the rows the user sees. Default 1. */
  readonly firstRowNumber?: number;
  /**
   * Messages kept in memory per message key; the rest are only counted (`report.counts` is always the true
   * total). Default 100; `Infinity` keeps them all (a full list of remarks).
   */
  readonly maxIssuesPerKind?: number;
}

export interface Resolved {
  readonly date1904: boolean;
  readonly firstRowNumber: number;
  readonly maxIssuesPerKind: number;
}

/** Checks the options (programmer input): a wrong type throws; user data never does. */
export function resolveOptions(options: ReadOptions, fn: string): Resolved {
  const firstRowNumber = options.firstRowNumber ?? 1;
  const maxIssuesPerKind = options.maxIssuesPerKind ?? DEFAULT_MAX_ISSUES_PER_KIND;
  if (!Number.isInteger(firstRowNumber) || firstRowNumber < 1) throw new RangeError(`${fn}: firstRowNumber must be an integer ≥ 1`);
  if (maxIssuesPerKind !== Infinity && (!Number.isInteger(maxIssuesPerKind) || maxIssuesPerKind < 0)) {
    throw new RangeError(`${fn}: maxIssuesPerKind must be an integer ≥ 0 or Infinity`);
  }
  return { date1904: options.date1904 === true, firstRowNumber, maxIssuesPerKind };
}

export function assertRows(rows: unknown, fn: string): asserts rows is unknown[][] {
  if (!Array.isArray(rows)) throw new TypeError(`${fn}: rows must be an array of rows (unknown[][])`);
}

const EMPTY_ROW: readonly unknown[] = Object.freeze([]);

/** A row as an array; anything else (a hole, a stray value) reads as an empty row. */
export function asRow(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : EMPTY_ROW;
}

export function isEmptyRow(row: readonly unknown[]): boolean {
  for (let i = 0; i < row.length; i++) {
    if (!isBlankValue(row[i])) return false;
  }
  return true;
}

/** "A", "B", …, "Z", "AA"… for a 0-based column index. */
export function columnLetter(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** How a column is named in messages: its header, or "colonne C" when the header is blank. */
export function columnName(header: string, column: number): string {
  return header !== "" ? header : `colonne ${columnLetter(column)}`;
}

const NUMBER_KEYS: Readonly<Record<"text" | "error" | "boolean" | "date", [RejectReason, IoMessageKey]>> = {
  text: ["text", "CELL_TEXT"],
  error: ["error", "CELL_ERROR"],
  boolean: ["boolean", "CELL_BOOLEAN"],
  date: ["date", "CELL_DATE"],
};

export type NumberKind = "amount" | "count";

/**
 * Reads one numeric cell and reports any problem: blank (counted, info), text/error/boolean/date (refused),
 * a negative count (refused) or a negative amount (kept, warning). Undefined when there is no usable value.
 */
export function readReportedNumber(cell: Cell, kind: NumberKind, column: string, row: number, report: ReportBuilder): number | undefined {
  if (cell.kind === "number" && cell.value >= 0) return cell.value;
  const reading = readNumber(cell);
  if (!reading.ok) {
    if (reading.problem === "blank") {
      report.blankCells++;
      report.add("CELL_BLANK", "info", { column }, row);
      return undefined;
    }
    const [reason, key] = NUMBER_KEYS[reading.problem];
    report.reject(reason, key, { column, value: displayCell(cell) }, row);
    return undefined;
  }
  const value = reading.value;
  if (value < 0) {
    if (kind === "count") {
      report.reject("negativeCount", "NEGATIVE_COUNT", { column, value }, row);
      return undefined;
    }
    report.add("NEGATIVE_AMOUNT", "warning", { column, value }, row);
  }
  return value;
}

/** Why a cell is not a date. */
export type DateProblem = "blank" | "error" | "boolean" | "invalid" | "outOfRange" | "phantom";

const SERIAL_TEXT = /^\d{4,6}(?:[.,]\d+)?$/;
// Module-level copies, read once: the compiled CommonJS reads imported bindings through getters, and inside a
// vm context (jest) every global lookup goes through an interceptor; both are too slow once per line.
const isFiniteNumber = Number.isFinite;
const DateClass = Date;
const MIN_DAY = MIN_PLAUSIBLE_DAY;
const MAX_DAY = MAX_PLAUSIBLE_DAY;
const serialToDay = excelSerialToDay;
const dateToDay = dateObjectToDay;

/**
 * Reads the cells of one date column. Numbers are Excel serials (1900 or 1904 system); exceljs Dates are
 * taken as they are; text dates are read in the order decided once for the whole column (`decideDateOrder`)
 * and cached per distinct text, so a million lines with a few hundred distinct dates parse each text once.
 */
export class DateColumn {
  private readonly cache = new Map<string, number | DateProblem>();

  constructor(
    readonly decision: DateOrderDecision | undefined,
    private readonly date1904: boolean,
  ) {}

  /** Looks at every text value of the column to choose day-first or month-first. */
  static fromValues(values: Iterable<unknown>, date1904: boolean): DateColumn {
    const texts = new Set<string>();
    for (const v of values) {
      if (typeof v === "string") texts.add(v.trim());
      else if (v !== null && typeof v === "object" && !(v instanceof Date)) {
        const cell = normaliseCell(v);
        if (cell.kind === "text") texts.add(cell.value);
      }
    }
    let ambiguous = false;
    for (const t of texts) {
      const parts = splitTextDate(t);
      if (parts && parts.kind === "xy") {
        ambiguous = true;
        break;
      }
    }
    return new DateColumn(ambiguous ? decideDateOrder(texts) : undefined, date1904);
  }

  get order(): DateOrder {
    return this.decision?.order ?? "dmy";
  }

  private fromDay(day: number): number | DateProblem {
    return day < MIN_DAY || day > MAX_DAY ? "outOfRange" : day;
  }

  private fromSerial(serial: number): number | DateProblem {
    const day = serialToDay(serial, this.date1904);
    if (day === "phantom_1900_02_29") return "phantom";
    if (day === "below_one") return "outOfRange";
    return this.fromDay(day);
  }

  private fromText(text: string): number | DateProblem {
    const cached = this.cache.get(text);
    if (cached !== undefined) return cached;
    const cell = normaliseCell(text);
    let result: number | DateProblem;
    if (cell.kind === "blank") result = "blank";
    else if (cell.kind !== "text") result = "error";
    else {
      const t = cell.value;
      const parts = splitTextDate(t);
      if (parts) {
        const day = dayOfParts(parts, this.order);
        result = day === undefined ? "invalid" : this.fromDay(day);
      } else if (SERIAL_TEXT.test(t)) {
        result = this.fromSerial(Number(t.replace(",", ".")));
      } else result = "invalid";
    }
    this.cache.set(text, result);
    return result;
  }

  /** The day number of a raw value, or why it is not a date. */
  read(value: unknown): number | DateProblem {
    if (typeof value === "number") return isFiniteNumber(value) ? this.fromSerial(value) : "error";
    if (typeof value === "string") return this.fromText(value);
    if (value instanceof DateClass) {
      const day = dateToDay(value);
      return day === undefined ? "invalid" : this.fromDay(day);
    }
    const cell = value === null || value === undefined ? BLANK : normaliseCell(value);
    switch (cell.kind) {
      case "blank":
        return "blank";
      case "error":
        return "error";
      case "boolean":
        return "boolean";
      case "number":
        return this.fromSerial(cell.value);
      case "date":
        return this.fromDay(cell.day);
      case "text":
        return this.fromText(cell.value);
      default:
        return assertNever(cell);
    }
  }
}

const DATE_KEYS: Readonly<Record<Exclude<DateProblem, "blank">, [RejectReason, IoMessageKey]>> = {
  error: ["error", "CELL_ERROR"],
  boolean: ["boolean", "CELL_BOOLEAN"],
  invalid: ["invalidDate", "DATE_INVALID"],
  outOfRange: ["dateOutOfRange", "DATE_OUT_OF_RANGE"],
  phantom: ["phantomDate", "DATE_PHANTOM"],
};

/** Reports a date problem (blank: counted, info). */
export function reportDateProblem(problem: DateProblem, raw: unknown, column: string, row: number, report: ReportBuilder): void {
  if (problem === "blank") {
    report.blankCells++;
    report.add("CELL_BLANK", "info", { column }, row);
    return;
  }
  const [reason, key] = DATE_KEYS[problem];
  report.reject(reason, key, { column, value: displayCell(normaliseCell(raw)) }, row);
}

/** Notes the order used for a column's text dates when it is not plain day-first. */
export function noteDateOrder(column: DateColumn, name: string, report: ReportBuilder): void {
  const d = column.decision;
  if (!d) return;
  if (d.basis === "mdy_forced") report.note("DATE_ORDER_MDY", { column: name, value: d.example ?? "" });
  if (d.basis === "mixed") report.add("DATE_ORDER_MIXED", "warning", { column: name, value: d.example ?? "", n: d.impossible });
}

/**
 * Reads the reference date option. Undefined when not given; "bad" when given but unreadable (the caller
 * reports it and uses the default).
 */
export function readReferenceDate(value: ReadOptions["referenceDate"], date1904: boolean): number | "bad" | undefined {
  if (value === undefined) return undefined;
  const column = new DateColumn(undefined, date1904);
  const day = column.read(value);
  return typeof day === "number" ? day : "bad";
}

export function missingMessage(method: MethodId, needs: readonly (readonly NeedId[])[], periodsFound?: number): string {
  if (periodsFound !== undefined) return ioMessage("MISSING_PERIODS", { method, n: periodsFound }, "fr");
  return ioMessage("MISSING_FIELDS", { method, fields: needs.map((alt) => alt.join("|")).join(",") }, "fr");
}

/**
 * The inputs each method needs, as sets of alternatives; "periods" means at least two CA periods. Engagement
 * (SPEC §12) needs a sales journal with a product column that covers N-1 and N; the ideal-client matrix (§13) a
 * value / satisfaction score, contacts and a CA.
 */
export const METHOD_NEEDS: Readonly<Record<MethodId, readonly (readonly NeedId[])[]>> = {
  rfm: [["recency", "lastPurchase"], ["frequency"], ["ca", "periods"]],
  abc: [["ca", "periods"]],
  quartiles: [["ca", "periods"]],
  pr: [["potential"], ["ca", "periods"]],
  elasticity: [["periods"], ["contactsBefore"], ["contacts"]],
  contacts: [["contacts"], ["ca", "periods"]],
  maturity: [["periods"]],
  allocation: [["ca", "periods"]],
  engagement: [["family", "product", "description"], ["periods"]],
  ideal: [["value"], ["contacts"], ["ca", "periods"]],
};

/**
 * The methods that cannot run, from the fields present. `periods` counts as present when there are at least
 * two; a method whose only lack is periods gets the "two periods" message.
 */
export function missingForMethods(present: ReadonlySet<NeedId>, periodCount: number): MissingForMethod[] {
  const has = (f: NeedId): boolean => (f === "periods" ? periodCount >= 2 : present.has(f) || (f === "ca" && periodCount >= 1));
  const out: MissingForMethod[] = [];
  for (const method of METHODS) {
    const needs = METHOD_NEEDS[method].filter((alternatives) => !alternatives.some(has));
    if (needs.length === 0) continue;
    const onlyPeriods = needs.length === 1 && needs[0].length === 1 && needs[0][0] === "periods";
    out.push({ method, needs, message: missingMessage(method, needs, onlyPeriods ? periodCount : undefined) });
  }
  return out;
}
