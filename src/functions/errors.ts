import { EngineError, type ErrorCode } from "../engine/errors";

/** Undefined results (no value exists) show #N/A; every other problem with the input shows #VALUE!. */
const NOT_AVAILABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "ELASTICITY_CA_BEFORE_ZERO",
  "ELASTICITY_CONTACTS_BEFORE_ZERO",
  "ELASTICITY_CONTACTS_UNCHANGED",
  "ZERO_CONTACTS",
]);

/**
 * The one place that turns an `EngineError` into an Excel error value. Only #VALUE! and #N/A carry a message
 * in Excel, so those are the two used. Any other exception is a bug and is rethrown.
 */
export function toCellError(error: unknown): CustomFunctions.Error {
  if (!(error instanceof EngineError)) throw error;
  const code = NOT_AVAILABLE.has(error.code)
    ? CustomFunctions.ErrorCode.notAvailable
    : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, error.message);
}

/** Runs a cell computation; an `EngineError` becomes a thrown Excel error with its French message. */
export function inCell<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw toCellError(error);
  }
}
