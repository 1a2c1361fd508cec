/**
 * Calendar dates as whole day numbers (days since 1970-01-01, proleptic Gregorian, no time zone), the one
 * date representation of `src/io`: recency is a difference of day numbers, so the time of day never matters.
 */

// Globals read once: inside a vm context (jest) every global lookup in a hot loop costs about 100 times more.
const floor = Math.floor;
const isNaNNumber = Number.isNaN;

/** Day number of 1899-12-30, serial 0 of Excel's 1900 system once its phantom 1900-02-29 is skipped. */
const DAY_OF_SERIAL_0_1900 = -25569;
/** Day number of 1904-01-01, serial 0 of Excel's 1904 system (old Mac workbooks). */
const DAY_OF_SERIAL_0_1904 = -24107;
const MS_PER_DAY = 86_400_000;

/** Dates outside this window are rejected as implausible for a sales file (most likely a misplaced number). */
export const MIN_PLAUSIBLE_DAY = daysFromCivil(1950, 1, 1);
export const MAX_PLAUSIBLE_DAY = daysFromCivil(2099, 12, 31);

/** Day number of a calendar date (Howard Hinnant's `days_from_civil`); month 1..12. No validation. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = floor(y / 400);
  const yoe = y - era * 400;
  const doy = floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar year of a day number. */
export function yearOfDay(dayNumber: number): number {
  const z = dayNumber + 719468;
  const era = floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = floor((doe - floor(doe / 1460) + floor(doe / 36524) - floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100));
  const mp = floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

/** `[year, month, day]` of a day number. */
export function civilFromDays(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = floor((doe - floor(doe / 1460) + floor(doe / 36524) - floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100));
  const mp = floor((5 * doy + 2) / 153);
  const d = doy - floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** "2024-03-05" for a day number. @example dayToIso(0) // "1970-01-01" */
export function dayToIso(dayNumber: number): string {
  const [y, m, d] = civilFromDays(dayNumber);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** "05/03/2024" for a day number, the way French users write dates. */
export function dayToFrench(dayNumber: number): string {
  const [y, m, d] = civilFromDays(dayNumber);
  return `${pad(d, 2)}/${pad(m, 2)}/${pad(y, 4)}`;
}

export function isValidCivil(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= lengths[month - 1];
}

/** Why an Excel serial number is not a date: below 1 (0 is Excel's "00/01/1900") or the phantom 29/02/1900. */
export type SerialProblem = "below_one" | "phantom_1900_02_29";

/**
 * The day number of an Excel date serial; the fraction (time of day) is dropped. In the 1900 system
 * (default) serial 1 is 1900-01-01 and serial 60 is the 29/02/1900 that Lotus 1-2-3 invented and Excel kept:
 * it is not a date (`"phantom_1900_02_29"`), and serials below 60 are shifted by one day to account for it.
 * In the 1904 system serial 0 is 1904-01-01.
 * @example excelSerialToDay(45292) // dayNumber of 2024-01-01
 */
export function excelSerialToDay(serial: number, date1904 = false): number | SerialProblem {
  const whole = floor(serial);
  if (date1904) return whole < 0 ? "below_one" : DAY_OF_SERIAL_0_1904 + whole;
  if (whole < 1) return "below_one";
  if (whole === 60) return "phantom_1900_02_29";
  return whole < 60 ? DAY_OF_SERIAL_0_1900 + whole + 1 : DAY_OF_SERIAL_0_1900 + whole;
}

/** The Excel serial of a day number (inverse of `excelSerialToDay` for whole serials). */
export function dayToExcelSerial(dayNumber: number, date1904 = false): number {
  if (date1904) return dayNumber - DAY_OF_SERIAL_0_1904;
  const serial = dayNumber - DAY_OF_SERIAL_0_1900;
  return serial < 61 ? serial - 1 : serial;
}

/**
 * The day number of a JavaScript Date read by its UTC components, the exceljs convention (exceljs turns
 * a serial into the Date whose UTC clock shows the workbook's wall-clock time). Undefined for an invalid Date.
 */
export function dateObjectToDay(date: Date): number | undefined {
  const t = date.getTime();
  return isNaNNumber(t) ? undefined : floor(t / MS_PER_DAY);
}

const MONTHS: Readonly<Record<string, number>> = {
  janvier: 1, janv: 1, jan: 1, january: 1,
  fevrier: 2, fevr: 2, fev: 2, feb: 2, february: 2,
  mars: 3, mar: 3, march: 3,
  avril: 4, avr: 4, apr: 4, april: 4,
  mai: 5, may: 5,
  juin: 6, jun: 6, june: 6,
  juillet: 7, juil: 7, jul: 7, july: 7,
  aout: 8, aug: 8, august: 8,
  septembre: 9, sept: 9, sep: 9, september: 9,
  octobre: 10, oct: 10, october: 10,
  novembre: 11, nov: 11, november: 11,
  decembre: 12, dec: 12, december: 12,
};

/**
 * A text date split into parts, before the day/month order of its column is known.
 * - `ymd`: year first (ISO "2024-03-05", "2024/03/05") or a month written in words: unambiguous.
 * - `xy`: "a/b/yyyy" with `/`, `-` or `.`: day-first (French) or month-first (US) depending on the column.
 */
export type TextDateParts =
  | { readonly kind: "ymd"; readonly year: number; readonly month: number; readonly day: number }
  | { readonly kind: "xy"; readonly a: number; readonly b: number; readonly year: number };

const ISO_RE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}[:h]\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const XY_RE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:,?\s+(?:à\s+)?\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?$/i;
const WORDS_DMY_RE = /^(?:[a-z]+\.?,?\s+)?(\d{1,2})(?:er|st|nd|rd|th)?[\s\-.]+([a-z]+)\.?[\s\-.,]+(\d{4}|\d{2})$/;
const WORDS_MDY_RE = /^(?:[a-z]+\.?,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;

/** Two-digit years follow Excel: 00-29 are 2000-2029, 30-99 are 1930-1999. */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length === 4) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

function stripAccents(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/** Splits a text date into parts, or undefined when it does not look like a date at all. */
export function splitTextDate(text: string): TextDateParts | undefined {
  const t = text.trim();
  let m = ISO_RE.exec(t);
  if (m) return { kind: "ymd", year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = XY_RE.exec(t);
  if (m) return { kind: "xy", a: Number(m[1]), b: Number(m[2]), year: fullYear(m[3]) };
  const lower = stripAccents(t.toLowerCase());
  m = WORDS_DMY_RE.exec(lower);
  if (m && MONTHS[m[2]] !== undefined) return { kind: "ymd", year: fullYear(m[3]), month: MONTHS[m[2]], day: Number(m[1]) };
  m = WORDS_MDY_RE.exec(lower);
  if (m && MONTHS[m[1]] !== undefined) return { kind: "ymd", year: Number(m[3]), month: MONTHS[m[1]], day: Number(m[2]) };
  return undefined;
}

/** Day-first ("dmy", French) or month-first ("mdy") reading of "a/b/yyyy" dates. */
export type DateOrder = "dmy" | "mdy";

/** The day number of split parts read in `order`, or undefined when that reading is not a calendar date. */
export function dayOfParts(parts: TextDateParts, order: DateOrder): number | undefined {
  let year: number;
  let month: number;
  let day: number;
  if (parts.kind === "ymd") {
    ({ year, month, day } = parts);
  } else {
    year = parts.year;
    month = order === "dmy" ? parts.b : parts.a;
    day = order === "dmy" ? parts.a : parts.b;
  }
  return isValidCivil(year, month, day) ? daysFromCivil(year, month, day) : undefined;
}

/** What a column's text dates say about their order. */
export interface DateOrderDecision {
  readonly order: DateOrder;
  /**
   * "dmy_default": no value needs month-first; "mdy_forced": some values are possible only month-first and
   * none only day-first; "mixed": both kinds are there, day-first is kept.
   */
  readonly basis: "dmy_default" | "mdy_forced" | "mixed";
  /** A value possible only month-first (e.g. "12/25/2024"), shown to the user when the order is not the default. */
  readonly example?: string;
  /** Values possible only in the other order, rejected under the chosen one ("mixed" only). */
  readonly impossible: number;
}

/**
 * Chooses the day/month order for a whole column of "a/b/yyyy" text dates: French day-first, unless some
 * value is possible only month-first (e.g. "12/25/2024") and none is possible only day-first. Values that are
 * dates in neither order ("32/01/2025") say nothing about the order: they are simply invalid. When both kinds
 * are present the column stays day-first and the month-first-only values are rejected.
 */
export function decideDateOrder(texts: Iterable<string>): DateOrderDecision {
  let onlyDmy = 0;
  let onlyMdy = 0;
  let example: string | undefined;
  for (const text of texts) {
    const parts = splitTextDate(text);
    if (!parts || parts.kind !== "xy") continue;
    const dmy = dayOfParts(parts, "dmy") !== undefined;
    const mdy = dayOfParts(parts, "mdy") !== undefined;
    if (dmy && !mdy) onlyDmy++;
    if (mdy && !dmy) {
      onlyMdy++;
      if (example === undefined) example = text.trim();
    }
  }
  if (onlyMdy === 0) return { order: "dmy", basis: "dmy_default", impossible: 0 };
  if (onlyDmy === 0) return { order: "mdy", basis: "mdy_forced", example, impossible: 0 };
  return { order: "dmy", basis: "mixed", example, impossible: onlyMdy };
}
