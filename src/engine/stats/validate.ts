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
