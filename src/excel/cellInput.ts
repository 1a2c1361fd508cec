import type { PlanValue } from "../plan/types";

/** What one cell of a `values` or `formulas` array receives. */
export type CellInput = string | number | boolean;

// Month names Excel's French or English parser reads as a date when followed by a number ("mars 2024", "Jan-24").
const MONTH_START =
  /^\s*(janv?|f[ée]v|feb|mars?|avr|apr|mai|may|juin|jun|juil|jul|ao[uû]|aug|sept?|oct|nov|d[ée]c)[a-zéû]*\.?[\s\-/.]*\d/i;

/**
 * Whether Excel would read this text as something other than the same text when it is typed into a cell
 * (which is what assigning `values` or `formulas` does): a formula (`=`, `+`, `-`, `@`), a number, a date, a
 * time, a percentage, an amount, a logical value or an error. A leading apostrophe would itself be eaten.
 * Errs on the side of escaping: an escaped plain text ("3M France") reads the same, only the formula bar
 * shows the apostrophe.
 */
export function needsTextEscape(text: string): boolean {
  if (text === "") return false;
  if (/^[=+\-@']/.test(text)) return true;
  const t = text.trim();
  if (t === "") return false;
  if (/^[-+(]?\s*[$€£¥]?\s*[\d.,]/.test(t)) return true;
  if (/^[$€£¥]/.test(t)) return true;
  if (/^#/.test(t)) return true;
  if (/^(true|false|vrai|faux)$/i.test(t)) return true;
  return MONTH_START.test(t);
}

/**
 * A text written so that Excel keeps it as that exact text: prefixed with an apostrophe when Excel would read
 * it otherwise. The apostrophe is Excel's "prefix character": it is not part of the value read back.
 * @example escapeText("=1+1") // "'=1+1"; escapeText("Client A") // "Client A"
 */
export function escapeText(text: string): string {
  return needsTextEscape(text) ? `'${text}` : text;
}

/**
 * The input of one cell of a plan: `null` blanks the cell, a `FormulaCell` becomes "=" + its formula (after
 * `rewrite`, which retargets sheet and table references), a string is escaped, numbers must be finite.
 * @throws TypeError on a non-finite number or a formula that already starts with "=" (a bug of the plan).
 */
export function cellInput(value: PlanValue, rewrite: (formula: string) => string = (f) => f): CellInput {
  if (value === null) return "";
  switch (typeof value) {
    case "string":
      return escapeText(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`cellInput: ${value} is not a finite number`);
      return value;
    case "boolean":
      return value;
    default: {
      const formula = value.formula;
      if (typeof formula !== "string" || formula === "" || formula.startsWith("=")) {
        throw new TypeError(`cellInput: formula must be non-empty and written without "=" (got ${JSON.stringify(formula)})`);
      }
      return `=${rewrite(formula)}`;
    }
  }
}

/** Whether a cell input is a formula (escaped texts start with an apostrophe, never with "="). */
export function isFormulaInput(input: CellInput): boolean {
  return typeof input === "string" && input.startsWith("=");
}

/**
 * A value read from Excel, written back as that value: texts are escaped, numbers and logicals kept, anything
 * else (null, an entity) blanks the cell. Error values read as text ("#N/A") are written as that text.
 */
export function valueInput(value: unknown): CellInput {
  if (typeof value === "string") return escapeText(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value;
  return "";
}
