import { errorMessage, type ErrorCode, type Lang, type MessageParams } from "../i18n";

export type { ErrorCode };

/**
 * The one error type of the engine. `code` is stable (tests and callers switch on it); `message` is French;
 * `messageIn("en")` gives the English text. `index` is the 0-based client the error is about, when there is one.
 */
export class EngineError extends Error {
  override readonly name = "EngineError";

  constructor(
    readonly code: ErrorCode,
    readonly params: MessageParams = {},
    readonly index?: number,
  ) {
    super(errorMessage(code, params, "fr"));
  }

  messageIn(lang: Lang): string {
    return errorMessage(this.code, this.params, lang);
  }
}

export function isEngineError(value: unknown): value is EngineError {
  return value instanceof EngineError;
}

/** Exhaustiveness guard for switches over closed string unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
