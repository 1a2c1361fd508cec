import { EngineError } from "../engine/errors";

/** How a range argument is laid out; results spill back in the same orientation. */
export type Orientation = "column" | "row";

export interface Vector {
  readonly cells: readonly unknown[];
  readonly orientation: Orientation;
}

/**
 * Reads a custom-function range argument (always a 2-D array) as one list of cells. One column or one row is
 * accepted; a single cell is a column of one. Anything wider throws `NOT_A_RANGE`.
 */
export function toVector(range: unknown, arg: string): Vector {
  if (!Array.isArray(range)) return { cells: [range], orientation: "column" };
  const rows = range as unknown[][];
  const height = rows.length;
  const width = height > 0 && Array.isArray(rows[0]) ? rows[0].length : 0;
  if (height === 0 || width === 0) throw new EngineError("EMPTY_INPUT", { arg });
  if (width === 1) return { cells: rows.map((r) => r[0]), orientation: "column" };
  if (height === 1) return { cells: rows[0], orientation: "row" };
  throw new EngineError("NOT_A_RANGE", { arg, rows: height, cols: width });
}

/** Shapes one result per client back into the orientation of the input range. */
export function spill<T>(values: readonly T[], orientation: Orientation): T[][] {
  return orientation === "column" ? values.map((v) => [v]) : [values.slice()];
}

export type NumberCell =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "blank" }
  | { readonly kind: "invalid"; readonly error: EngineError };

const ERROR_TEXT = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!)/i;

/**
 * Reads one cell where a number is needed. Blank ("" or null) is `blank`; a number is kept; text, a boolean or
 * an error value is `invalid` with a French message naming the argument and the 1-based row — never a silent 0.
 */
export function readNumberCell(cell: unknown, arg: string, row: number): NumberCell {
  if (cell === null || cell === undefined || cell === "") return { kind: "blank" };
  if (typeof cell === "number") {
    if (Number.isFinite(cell)) return { kind: "number", value: cell };
    return { kind: "invalid", error: new EngineError("NOT_FINITE", { arg, row, value: String(cell) }, row - 1) };
  }
  const text = typeof cell === "boolean" ? (cell ? "VRAI" : "FAUX") : String(cell);
  if (typeof cell === "string" && text.trim() === "") return { kind: "blank" };
  const code = ERROR_TEXT.test(text) ? "ERROR_CELL" : "TEXT_CELL";
  return { kind: "invalid", error: new EngineError(code, { arg, row, value: text }, row - 1) };
}

/** An optional scalar argument: Excel passes `null` when it is omitted (TypeScript defaults never apply). */
export function isOmitted(value: unknown): value is null | undefined {
  return value === null || value === undefined || value === "";
}

/** Reads an optional numeric argument, or throws `BAD_PARAMETER` naming it. */
export function optionalNumber(value: unknown, arg: string, expected: string): number | undefined {
  if (isOmitted(value)) return undefined;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new EngineError("BAD_PARAMETER", { arg, value: String(value), expected });
}

/** Reads an optional text option against its allowed spellings (accents and case ignored). */
export function optionalChoice<T extends string>(
  value: unknown,
  arg: string,
  choices: Readonly<Record<string, T>>,
): T | undefined {
  if (isOmitted(value)) return undefined;
  const key = fold(String(value));
  const found = choices[key];
  if (found === undefined) {
    throw new EngineError("BAD_MODE", { arg, value: String(value), allowed: Object.keys(choices).map((k) => `« ${k} »`).join(", ") });
  }
  return found;
}

/** Lower case without accents or surrounding spaces: "Montant " → "montant", "Élastique" → "elastique". */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase();
}
