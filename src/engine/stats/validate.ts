import { EngineError } from "../errors";

/**
 * Checks that a list holds only finite numbers and at least `min` of them; throws `EngineError`
 * (`EMPTY_INPUT`, `NOT_FINITE`, `TOO_FEW_CLIENTS`) naming the list and the 1-based row otherwise.
 */
export function assertFiniteList(values: readonly number[], arg: string, method: string, min = 1): void {
  if (values.length === 0) throw new EngineError("EMPTY_INPUT", { arg });
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new EngineError("NOT_FINITE", { arg, row: i + 1, value: String(v) }, i);
    }
  }
  if (values.length < min) throw new EngineError("TOO_FEW_CLIENTS", { method, min, n: values.length });
}

/** Throws `LENGTH_MISMATCH` when two per-client lists differ in length. */
export function assertSameLength(
  a: { readonly length: number },
  aName: string,
  b: { readonly length: number },
  bName: string,
): void {
  if (a.length !== b.length) {
    throw new EngineError("LENGTH_MISMATCH", { arg: aName, n1: a.length, arg2: bName, n2: b.length });
  }
}

/** Throws `BAD_PARAMETER` unless `value` is a finite number within [min, max]. */
export function assertInRange(value: number, arg: string, min: number, max: number, expected: string): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    throw new EngineError("BAD_PARAMETER", { arg, value: String(value), expected });
  }
}

/**
 * A raw cell read as a number, never trusted: a finite number is a value; null, undefined or blank text is
 * "blank"; anything else (text, a boolean, NaN, ±Infinity) is "not_number", with the cell as a reader would see it
 * (`shown`, booleans as Excel's French VRAI / FAUX).
 */
export type CellReading = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly code: "blank" | "not_number"; readonly shown: string };

export function readNumberCell(cell: unknown): CellReading {
  if (typeof cell === "number") {
    return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false, code: "not_number", shown: String(cell) };
  }
  if (cell === null || cell === undefined) return { ok: false, code: "blank", shown: "" };
  if (typeof cell === "string" && cell.trim() === "") return { ok: false, code: "blank", shown: "" };
  return { ok: false, code: "not_number", shown: typeof cell === "boolean" ? (cell ? "VRAI" : "FAUX") : String(cell) };
}

/** API misuse, not bad data: a RangeError unless `i` is a row of a result over `n` rows (`what`: "client"…). */
export function assertIndex(i: number, n: number, what: string): void {
  if (!Number.isInteger(i) || i < 0 || i >= n) throw new RangeError(`${what} index ${i} outside 0..${n - 1}`);
}
