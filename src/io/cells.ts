import { assertNever } from "../engine/errors";
import { dateObjectToDay, dayToIso } from "./dates";

/**
 * One cell after normalisation at the boundary: whatever exceljs (`cell.value`) or Office.js (`range.values`)
 * gave, it is one of these six kinds. A `date` is a whole day number (days since 1970-01-01, time dropped):
 * only exceljs produces dates here; Office.js gives serial numbers, which are read as dates only in a date column.
 */
export type Cell =
  | { readonly kind: "blank" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "date"; readonly day: number }
  | { readonly kind: "error"; readonly value: string };

export const BLANK: Cell = Object.freeze({ kind: "blank" });

/**
 * Excel error values, as Office.js writes them in `range.values` (English names) and as a French Excel
 * displays them. Only these exact strings are errors: a text like "#12" stays text.
 */
const ERROR_VALUES: ReadonlySet<string> = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!",
  "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!", "#EXTERNAL!",
  "#NUL!", "#VALEUR!", "#NOM?", "#NOMBRE!", "#N/D", "#EPARS!", "#CHAMP!", "#BLOQUE!", "#CONNEXION!", "#OCCUPE!", "#INCONNU!",
]);

/** Marker value of an object cell that is none of the shapes exceljs documents. */
export const UNSUPPORTED_VALUE = "#OBJET?";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function richTextToString(value: unknown): string | undefined {
  if (!isRecord(value) || !Array.isArray(value.richText)) return undefined;
  let text = "";
  for (const run of value.richText) if (isRecord(run) && typeof run.text === "string") text += run.text;
  return text;
}

/** Zero-width spaces and joiners, dropped from text: a character class, one scan per text. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060]/g;
/** The same characters, tested without a global flag: most texts have none and are not replaced (no copy). */
const HAS_ZERO_WIDTH = /[\u200b-\u200d\u2060]/;

function textCell(raw: string): Cell {
  const value = (HAS_ZERO_WIDTH.test(raw) ? raw.replace(ZERO_WIDTH, "") : raw).trim();
  if (value === "") return BLANK;
  if (value.charCodeAt(0) === 35 /* # */ && ERROR_VALUES.has(value.toUpperCase())) {
    return { kind: "error", value: value.toUpperCase() };
  }
  return { kind: "text", value };
}

/**
 * Normalises one raw cell value, from exceljs or Office.js, into a `Cell`. Never throws.
 *
 * - `null`, `undefined`, `""` and whitespace-only text: blank.
 * - Finite numbers (and bigints): number; NaN and ±Infinity: error "#NUM!".
 * - Text is trimmed (non-breaking and zero-width spaces included); the exact Excel error strings
 *   ("#N/A", "#DIV/0!", their French forms…) become errors.
 * - `Date` (exceljs, read by its UTC components): date; an invalid Date is the error "#VALUE!".
 * - exceljs objects: `{ formula, result }` and `{ sharedFormula, result }` give their cached result (blank
 *   when there is none), `{ richText }` its joined text, `{ text, hyperlink }` its text, `{ error }` the error.
 * - Any other object: the error `UNSUPPORTED_VALUE`, so it is reported rather than guessed.
 *
 * @example normaliseCell({ formula: "B2*2", result: 84 }) // { kind: "number", value: 84 }
 * @example normaliseCell(" 1 234,50 € ") // { kind: "text", value: "1 234,50 €" } (numbers are read by parseNumber)
 */
export function normaliseCell(value: unknown): Cell {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? { kind: "number", value } : { kind: "error", value: "#NUM!" };
    case "string":
      return textCell(value);
    case "boolean":
      return { kind: "boolean", value };
    case "bigint":
      return { kind: "number", value: Number(value) };
    case "undefined":
      return BLANK;
    case "object": {
      if (value === null) return BLANK;
      if (value instanceof Date) {
        const day = dateObjectToDay(value);
        return day === undefined ? { kind: "error", value: "#VALUE!" } : { kind: "date", day };
      }
      const record = value as Record<string, unknown>;
      if ("result" in record || "formula" in record || "sharedFormula" in record) {
        return record.result === undefined ? BLANK : normaliseCell(record.result);
      }
      if (typeof record.error === "string") return { kind: "error", value: record.error };
      const rich = richTextToString(record);
      if (rich !== undefined) return textCell(rich);
      if ("text" in record) {
        const text = typeof record.text === "string" ? record.text : richTextToString(record.text);
        if (text !== undefined) return textCell(text);
      }
      return { kind: "error", value: UNSUPPORTED_VALUE };
    }
    default:
      return { kind: "error", value: UNSUPPORTED_VALUE };
  }
}

/** True when a raw value normalises to a blank cell (fast path for the common cases). */
export function isBlankValue(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return true;
  if (typeof value === "number" || typeof value === "boolean") return false;
  // Text starting with a visible ASCII character: neither trimming nor zero-width spaces can empty it.
  if (typeof value === "string" && value.charCodeAt(0) > 32 && value.charCodeAt(0) < 127) return false;
  return normaliseCell(value).kind === "blank";
}

/** Text shown to the user for a cell in a message: short, and never a formula. */
export function displayCell(cell: Cell): string {
  let text: string;
  switch (cell.kind) {
    case "blank":
      return "";
    case "number":
      text = String(cell.value);
      break;
    case "text":
    case "error":
      text = cell.value;
      break;
    case "boolean":
      text = cell.value ? "VRAI" : "FAUX";
      break;
    case "date":
      text = dayToIso(cell.day);
      break;
    default:
      return assertNever(cell);
  }
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Two white spaces in a row, or one that is not a plain space: what a label's `\s+` → " " changes. */
const SPACES_TO_FOLD = /\s\s|[^\S ]/;

/**
 * The text of a cell used as a label (a client id, a header): numbers without a spurious ".0", dates in ISO,
 * booleans as VRAI/FAUX. Undefined for blanks and errors.
 */
export function cellToLabel(cell: Cell): string | undefined {
  switch (cell.kind) {
    case "blank":
    case "error":
      return undefined;
    case "number":
      return String(cell.value);
    case "text":
      // Most labels have no run of spaces nor any other white space: read as they are, without a copy.
      return SPACES_TO_FOLD.test(cell.value) ? cell.value.replace(/\s+/g, " ") : cell.value;
    case "boolean":
      return cell.value ? "VRAI" : "FAUX";
    case "date":
      return dayToIso(cell.day);
    default:
      return assertNever(cell);
  }
}
