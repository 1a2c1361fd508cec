import { EngineError } from "../engine/errors";
import type { Lang } from "../i18n";
import { readNumberCell, toVector, type Orientation } from "./cells";
import { toCellError } from "./errors";

/** What one spilled cell may hold: a value, a blank (""), or an Excel error with its message. */
export type Out = string | number | CustomFunctions.Error;

/**
 * One per-client argument read as numbers, as columns (no object per cell: a spilled function reads 100 000
 * rows): each cell's value and state, the error of each invalid cell, and the label for messages.
 */
export interface NumberColumn {
  readonly arg: string;
  readonly orientation: Orientation;
  /** The number of each cell; 0 where the cell is blank or invalid. */
  readonly values: Float64Array;
  /** 0 (a number), BLANK or INVALID, per cell. */
  readonly state: Uint8Array;
  /** The error of each invalid cell (a French message naming the argument and the row), by index. */
  readonly errors: ReadonlyMap<number, EngineError>;
}

const BLANK = 1;
const INVALID = 2;

export function numberColumn(range: unknown, arg: string, label: string): NumberColumn {
  const { cells, orientation } = toVector(range, arg);
  const values = new Float64Array(cells.length);
  const state = new Uint8Array(cells.length);
  const errors = new Map<number, EngineError>();
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell === "number" && Number.isFinite(cell)) {
      values[i] = cell;
      continue;
    }
    const read = readNumberCell(cell, label, i + 1);
    if (read.kind === "number") values[i] = read.value;
    else if (read.kind === "blank") state[i] = BLANK;
    else {
      state[i] = INVALID;
      errors.set(i, read.error);
    }
  }
  return { arg, orientation, values, state, errors };
}

/** Throws `LENGTH_MISMATCH` naming the first two arguments that differ in size. */
export function assertAligned(columns: readonly NumberColumn[]): void {
  const first = columns[0];
  for (const c of columns.slice(1)) {
    if (c.values.length !== first.values.length) {
      throw new EngineError("LENGTH_MISMATCH", { arg: first.arg, n1: first.values.length, arg2: c.arg, n2: c.values.length });
    }
  }
}

/**
 * The rows where every column holds a number, and an output array already filled for the others: a blank
 * result where a value is blank, the cell's #VALUE! (with its French message) where one is text or an error.
 */
export function completeRows(columns: readonly NumberColumn[]): { rows: number[]; values: number[][]; out: Out[] } {
  assertAligned(columns);
  const n = columns[0].values.length;
  const out: Out[] = new Array<Out>(n).fill("");
  const rows: number[] = [];
  const states = columns.map((c) => c.state);
  const m = columns.length;
  for (let i = 0; i < n; i++) {
    let any = 0;
    for (let k = 0; k < m; k++) any |= states[k][i];
    if (any === 0) {
      rows.push(i);
      continue;
    }
    // The first invalid argument names the error; else a blank one leaves the result blank.
    let invalid: EngineError | undefined;
    for (let k = 0; k < m && !invalid; k++) if (states[k][i] === INVALID) invalid = columns[k].errors.get(i);
    if (invalid) out[i] = toCellError(invalid);
  }
  // Arrays of their final size, filled by index (several times faster than pushing 100 000 numbers).
  const values = columns.map((c) => {
    const column = new Array<number>(rows.length);
    for (let j = 0; j < rows.length; j++) column[j] = c.values[rows[j]];
    return column;
  });
  return { rows, values, out };
}

/** The language of text results: English when Excel's display language is English, French otherwise. */
export function cellLang(): Lang {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  const display = office?.context?.displayLanguage;
  return typeof display === "string" && display.toLowerCase().startsWith("en") ? "en" : "fr";
}
