import { cliMessage, type CliMessageKey } from "../i18n/cli";
import type { Lang, MessageParams } from "../i18n/types";

/** Exit codes: 2 for anything the user can fix (arguments, file, data), 1 for a bug. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/**
 * A problem with the user's input: printed as one message (no stack trace), exit code 2. The text comes from
 * the CLI catalogue (`src/i18n/*\/cli.ts`), so tests can compare it exactly.
 */
export class CliError extends Error {
  constructor(
    readonly key: CliMessageKey,
    readonly params: MessageParams = {},
  ) {
    super(cliMessage(key, params, "fr"));
    this.name = "CliError";
  }

  /** The message in the chosen language. */
  text(lang: Lang): string {
    return cliMessage(this.key, this.params, lang);
  }
}

export function isCliError(value: unknown): value is CliError {
  return value instanceof CliError;
}
