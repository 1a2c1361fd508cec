import { excelErrorMessage, type ExcelErrorCode } from "../i18n/excel";
import type { Lang, MessageParams } from "../i18n/types";

export type { ExcelErrorCode };

/**
 * The one error type of the Office.js layer, for what the user must be told (a missing sheet, an Excel too
 * old, a write that failed). `message` is French; `messageIn("en")` gives the English text. Misuse of the API
 * by our own code (an invalid plan) throws a plain `TypeError` instead: it is a bug, not a user situation.
 */
export class WorkbookError extends Error {
  override readonly name = "WorkbookError";

  constructor(
    readonly code: ExcelErrorCode,
    readonly params: MessageParams = {},
    /** The Office error behind this one, when there is one. */
    readonly cause?: unknown,
  ) {
    super(excelErrorMessage(code, params, "fr"));
  }

  messageIn(lang: Lang): string {
    return excelErrorMessage(this.code, this.params, lang);
  }
}

export function isWorkbookError(value: unknown): value is WorkbookError {
  return value instanceof WorkbookError;
}

/** The `code` of an Office error (`OfficeExtension.Error`), or undefined for anything else. */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** A short, single-line description of any thrown value, for `{detail}` placeholders. */
export function describeError(error: unknown): string {
  const code = officeErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${code} : ${message}` : message;
}
