import { assertNever } from "../engine/errors";
import type { Cell } from "./cells";

/** Why a cell could not be read as a number. */
export type NumberProblem = "blank" | "text" | "error" | "boolean" | "date";

export type NumberReading = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly problem: NumberProblem };

const SPACES = /[\s\u00a0\u202f\u2009\u2007'’]/;
const CURRENCY_START = /^(?:€|\$|£|eur(?:os?)?|usd|chf)\s*/i;
const CURRENCY_END = /\s*(?:€|\$|£|eur(?:os?)?|usd|chf)\.?$/i;
const GROUPED = /^\d{1,3}(?:[\s\u00a0\u202f\u2009\u2007'’]\d{3})+(?:[.,]\d+)?$/;
const PLAIN = /^(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?$/i;
const THOUSANDS_COMMA = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const THOUSANDS_DOT = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;

/**
 * Reads a number written as text the way French (and English) users type it, or NaN.
 *
 * - Spaces, non-breaking and thin spaces and apostrophes group thousands only in groups of three ("1 234 567,5";
 *   "12 34" is not a number).
 * - Decimal separator: a comma alone is decimal ("12,5"), a dot alone is decimal ("12.5"); several commas or
 *   several dots are thousands ("1,234,567", "1.234.567"); with both, the last one is decimal
 *   ("1.234,50" and "1,234.50" are both 1234.5).
 * - Currency signs or codes at either end (€, $, £, EUR, euros, USD, CHF) are ignored.
 * - A trailing "%" divides by 100, as Excel stores it ("12,5 %" is 0.125).
 * - Negative: a leading "-" or "−" (U+2212), or accounting parentheses "(1 234,50)".
 * - Exponents ("1.5E+3") are accepted. Anything else is NaN: never a guess.
 *
 * @example parseNumberText("1 234,50 €") // 1234.5
 * @example parseNumberText("12,5 %") // 0.125
 */
export function parseNumberText(text: string): number {
  let t = text.trim();
  if (t === "") return NaN;
  let negative = false;
  if (t.startsWith("(") && t.endsWith(")")) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  t = t.replace(CURRENCY_START, "").replace(CURRENCY_END, "");
  const sign = t.charAt(0);
  if (sign === "-" || sign === "−" || sign === "+") {
    if (negative) return NaN;
    negative = sign !== "+";
    t = t.slice(1).trim();
  }
  // A currency sign may also sit between the sign and the digits ("-€12").
  t = t.replace(CURRENCY_START, "");
  if (SPACES.test(t)) {
    if (!GROUPED.test(t)) return NaN;
    t = t.replace(/[\s\u00a0\u202f\u2009\u2007'’]/g, "");
  }
  const commas = t.split(",").length - 1;
  const dots = t.split(".").length - 1;
  if (commas > 0 && dots > 0) {
    if (t.lastIndexOf(",") > t.lastIndexOf(".")) {
      if (!THOUSANDS_DOT.test(t)) return NaN;
      t = t.replace(/\./g, "").replace(",", ".");
    } else {
      if (!THOUSANDS_COMMA.test(t)) return NaN;
      t = t.replace(/,/g, "");
    }
  } else if (commas > 1) {
    if (!THOUSANDS_COMMA.test(t)) return NaN;
    t = t.replace(/,/g, "");
  } else if (dots > 1) {
    if (!THOUSANDS_DOT.test(t)) return NaN;
    t = t.replace(/\./g, "");
  } else if (commas === 1) {
    t = t.replace(",", ".");
  }
  if (!PLAIN.test(t)) return NaN;
  let value = Number(t);
  if (!Number.isFinite(value)) return NaN;
  if (percent) value /= 100;
  return negative ? -value : value;
}

/**
 * Reads a normalised cell as a number. Numbers pass; text goes through `parseNumberText`; blanks, errors,
 * booleans and dates are refused with the reason, so the caller can tell the user (never a silent 0).
 */
export function readNumber(cell: Cell): NumberReading {
  switch (cell.kind) {
    case "number":
      return { ok: true, value: cell.value };
    case "text": {
      const value = parseNumberText(cell.value);
      return Number.isNaN(value) ? { ok: false, problem: "text" } : { ok: true, value };
    }
    case "blank":
      return { ok: false, problem: "blank" };
    case "error":
      return { ok: false, problem: "error" };
    case "boolean":
      return { ok: false, problem: "boolean" };
    case "date":
      return { ok: false, problem: "date" };
    default:
      return assertNever(cell);
  }
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;
const TRUE_WORDS: ReadonlySet<string> = new Set(["oui", "o", "yes", "y", "vrai", "true", "x", "1", "prospect", "p", "✓", "✔", "☑"]);
const FALSE_WORDS: ReadonlySet<string> = new Set(["non", "n", "no", "faux", "false", "0", "client", "clients", "actif", "customer", "c", "-", "☐"]);

/**
 * Reads a yes/no cell (the prospect flag): booleans, 1/0, "oui"/"non", "x", "prospect"/"client" (accents and
 * case ignored). Blank is undefined (unknown, not "no"); anything else is `"unreadable"`.
 */
export function readFlag(cell: Cell): boolean | undefined | "unreadable" {
  switch (cell.kind) {
    case "blank":
      return undefined;
    case "boolean":
      return cell.value;
    case "number":
      return cell.value === 1 ? true : cell.value === 0 ? false : "unreadable";
    case "text": {
      // Accents stripped through NFD; ASCII text has none, and is most of a column of "Oui" / "Client".
      const plain = NON_ASCII.test(cell.value) ? cell.value.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : cell.value;
      const t = plain.toLowerCase().trim();
      if (TRUE_WORDS.has(t)) return true;
      if (FALSE_WORDS.has(t)) return false;
      return "unreadable";
    }
    case "error":
    case "date":
      return "unreadable";
    default:
      return assertNever(cell);
  }
}
