/**
 * Shared formulas: a column of row formulas (the same formula filled down, as Excel fills it) is written as one
 * master formula and, below it, cells that say « the master's formula, moved to my row » (ECMA-376 Part 1,
 * §18.3.1.40 `f`, `t="shared"`). Excel writes them so; it makes a 100 000-row sheet several times smaller.
 */
import { RowFormula } from "../plan/cells";
import type { FormulaCell } from "../plan/types";

const DOLLAR = 36;
const QUOTE = 34;
const APOSTROPHE = 39;
const OPEN_PAREN = 40;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** A character that continues a name (letters, digits, _ . \ and the non-ASCII letters Excel allows in names). */
function isNameChar(c: number): boolean {
  return isDigit(c) || isUpper(c) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 92 || c > 127;
}

/**
 * Whether the digits `text[start, end)` are the row of a relative reference: after one to three capital
 * letters (the column, itself after `$`, an operator or the start), not after `$`, and not followed by a name
 * character or "(" (`LOG10(`, `CA2024` as a name are not references).
 */
function relativeRow(text: string, start: number, end: number): boolean {
  let k = start;
  while (k > 0 && start - k < 3 && isUpper(text.charCodeAt(k - 1))) k--;
  if (k === start) return false;
  const before = k > 0 ? text.charCodeAt(k - 1) : -1;
  if (before !== -1 && before !== DOLLAR && isNameChar(before)) return false;
  if (before === DOLLAR && k > 1 && isNameChar(text.charCodeAt(k - 2))) return false;
  const after = end < text.length ? text.charCodeAt(end) : -1;
  return after === -1 || (after !== OPEN_PAREN && !isNameChar(after));
}

/**
 * Whether `below` is `above` filled down one row, as Excel fills a formula: the same text, except that every
 * relative row reference (`D12`, `$D12`, both ends of `D2:D9`) is one more. Texts in quotes (strings, sheet
 * names) must be equal. This is what lets a column of row formulas be written as one shared formula.
 * @example filledDown("IF(D2>0,D2*(1+'PAC'!$B$9),0)", "IF(D3>0,D3*(1+'PAC'!$B$9),0)") // true
 */
export function filledDown(above: string, below: string): boolean {
  const n = above.length;
  const m = below.length;
  // A row reference gains at most one digit (9 → 10): a text much longer, or shorter, is another formula.
  if (m < n || m > n + 16) return false;
  let i = 0;
  let j = 0;
  let quote = 0;
  while (i < n && j < m) {
    const a = above.charCodeAt(i);
    const b = below.charCodeAt(j);
    if (quote !== 0) {
      if (a !== b) return false;
      if (a === quote) quote = 0;
      i++;
      j++;
      continue;
    }
    if (isDigit(a) && isDigit(b)) {
      let ie = i;
      while (ie < n && isDigit(above.charCodeAt(ie))) ie++;
      let je = j;
      while (je < m && isDigit(below.charCodeAt(je))) je++;
      if (relativeRow(above, i, ie)) {
        if (!relativeRow(below, j, je) || Number(below.slice(j, je)) !== Number(above.slice(i, ie)) + 1) return false;
      } else if (ie - i !== je - j || above.slice(i, ie) !== below.slice(j, je)) {
        return false;
      }
      i = ie;
      j = je;
      continue;
    }
    if (a !== b) return false;
    if (a === QUOTE || a === APOSTROPHE) quote = a;
    i++;
    j++;
  }
  return i === n && j === m;
}

const templateFills = new WeakMap<readonly string[], boolean>();

/**
 * `filledDown` on two formula cells. Two row formulas of the same pieces on consecutive rows fill down when the
 * pieces do, which is checked once per column (rows 1 and 2): no text is built or scanned for the other rows.
 */
export function cellFilledDown(above: FormulaCell, below: FormulaCell): boolean {
  if (above instanceof RowFormula && below instanceof RowFormula && above.pieces === below.pieces) {
    if (below.row !== above.row + 1) return false;
    let fills = templateFills.get(above.pieces);
    if (fills === undefined) {
      fills = filledDown(above.pieces.join("1"), above.pieces.join("2"));
      templateFills.set(above.pieces, fills);
    }
    return fills;
  }
  return filledDown(above.formula, below.formula);
}
