import { quoteSheetName } from "./addresses";

/** Case-insensitive maps from a planned name to the name actually written. */
export interface Renames {
  readonly sheets: ReadonlyMap<string, string>;
  readonly tables: ReadonlyMap<string, string>;
}

export const NO_RENAMES: Renames = { sheets: new Map(), tables: new Map() };

// A name character of an unquoted sheet name or a table name (Excel also allows accented letters).
const NAME_CHAR = "A-Za-z0-9_.\\u00C0-\\uFFFF";
const QUOTED_SHEET = /^'((?:[^']|'')+)'!/;
const BARE_SHEET = new RegExp(`^([A-Za-z_\\u00C0-\\uFFFF][${NAME_CHAR}]*)!`);
const TABLE_REF = new RegExp(`^([A-Za-z_\\\\\\u00C0-\\uFFFF][${NAME_CHAR}]*)\\[`);
const NAME_CHAR_RE = new RegExp(`[${NAME_CHAR}]`);

/**
 * A formula (without "=") whose references to renamed sheets ("PAC!B3", "'PAC'!B3") and renamed tables
 * ("Cibles[CA]") point to the new names. Text inside string literals is left alone.
 * @example rewriteFormula("SUM(PAC!B2:B9)", { sheets: new Map([["pac", "PAC (2)"]]), tables: new Map() })
 *   // "SUM('PAC (2)'!B2:B9)"
 */
export function rewriteFormula(formula: string, renames: Renames): string {
  if (renames.sheets.size === 0 && renames.tables.size === 0) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      // A string literal, with "" as an escaped quote.
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const atNameStart = i === 0 || !NAME_CHAR_RE.test(formula[i - 1]);
    if (atNameStart) {
      const rest = formula.slice(i);
      const quoted = ch === "'" ? QUOTED_SHEET.exec(rest) : null;
      const sheetMatch = quoted ?? BARE_SHEET.exec(rest);
      if (sheetMatch) {
        const name = quoted ? sheetMatch[1].replace(/''/g, "'") : sheetMatch[1];
        const target = renames.sheets.get(name.toLowerCase());
        out += target === undefined ? sheetMatch[0] : `${quoteSheetName(target)}!`;
        i += sheetMatch[0].length;
        continue;
      }
      const table = TABLE_REF.exec(rest);
      if (table) {
        const target = renames.tables.get(table[1].toLowerCase());
        out += `${target ?? table[1]}[`;
        i += table[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/**
 * Whether a formula (with its "=") calls a function of the `PAC` namespace (`PAC.ABC(`, `pac.rfm(`), outside
 * string literals and quoted sheet names.
 * @example callsPacFunction("=SUM(PAC.ABC(D2:D9))") // true; callsPacFunction('="PAC.ABC("') // false
 */
export function callsPacFunction(formula: string): boolean {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, "S!");
  return /(^|[^A-Za-z0-9_.\u00C0-\uFFFF])PAC\.[A-Za-z_][A-Za-z0-9_.]*\s*\(/i.test(code);
}
