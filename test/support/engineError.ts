import { EngineError } from "../../src/engine/errors";

/** Runs `fn`, which must throw an `EngineError`, and returns it (any other exception is rethrown). */
export function thrownEngineError(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (e) {
    if (e instanceof EngineError) return e;
    throw e;
  }
  throw new Error("expected an EngineError");
}
