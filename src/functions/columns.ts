import { EngineError } from "../engine/errors";
import type { Lang } from "../i18n";
import { readNumberCell, toVector, type NumberCell, type Orientation } from "./cells";
import { toCellError } from "./errors";

/** What one spilled cell may hold: a value, a blank (""), or an Excel error with its message. */
export type Out = string | number | CustomFunctions.Error;

/** One per-client argument read as numbers, with its label for messages ("Montant, ligne 3 : …"). */
export interface NumberColumn {
  readonly arg: string;
  readonly cells: readonly NumberCell[];
  readonly orientation: Orientation;
}

export function numberColumn(range: unknown, arg: string, label: string): NumberColumn {
  const { cells, orientation } = toVector(range, arg);
  return { arg, orientation, cells: cells.map((c, i) => readNumberCell(c, label, i + 1)) };
}

/** Throws `LENGTH_MISMATCH` naming the first two arguments that differ in size. */
export function assertAligned(columns: readonly NumberColumn[]): void {
  const first = columns[0];
  for (const c of columns.slice(1)) {
    if (c.cells.length !== first.cells.length) {
      throw new EngineError("LENGTH_MISMATCH", { arg: first.arg, n1: first.cells.length, arg2: c.arg, n2: c.cells.length });
    }
  }
}

/**
 * The rows where every column holds a number, and an output array already filled for the others: a blank
 * result where a value is blank, the cell's #VALUE! (with its French message) where one is text or an error.
 */
export function completeRows(columns: readonly NumberColumn[]): { rows: number[]; values: number[][]; out: Out[] } {
  assertAligned(columns);
  const n = columns[0].cells.length;
  const out: Out[] = new Array<Out>(n).fill("");
  const rows: number[] = [];
  const values: number[][] = columns.map(() => []);
  for (let i = 0; i < n; i++) {
    let invalid: EngineError | undefined;
    let blank = false;
    for (const c of columns) {
      const cell = c.cells[i];
      if (cell.kind === "invalid") {
        invalid = invalid ?? cell.error;
      } else if (cell.kind === "blank") blank = true;
    }
    if (invalid) out[i] = toCellError(invalid);
    else if (!blank) {
      rows.push(i);
      columns.forEach((c, k) => values[k].push((c.cells[i] as { value: number }).value));
    }
  }
  return { rows, values, out };
}

/** The language of text results: English when Excel's display language is English, French otherwise. */
export function cellLang(): Lang {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  const display = office?.context?.displayLanguage;
  return typeof display === "string" && display.toLowerCase().startsWith("en") ? "en" : "fr";
}
