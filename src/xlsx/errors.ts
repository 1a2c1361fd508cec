import { xlsxMessage, type XlsxMessageKey } from "../i18n/xlsx";
import type { Lang, MessageParams } from "../i18n/types";

export type XlsxErrorCode = XlsxMessageKey;

/**
 * The one error of the .xlsx reader: a file it refuses (damaged, booby-trapped, beyond a limit), never a bug.
 * `message` is French; `messageIn("en")` gives the English text. `file` names the workbook in the message when
 * the caller passed its name to `openXlsx`.
 */
export class XlsxError extends Error {
  override readonly name = "XlsxError";

  constructor(
    readonly code: XlsxErrorCode,
    readonly params: MessageParams = {},
    readonly file?: string,
  ) {
    super(xlsxMessage(code, params, file, "fr"));
  }

  messageIn(lang: Lang): string {
    return xlsxMessage(this.code, this.params, this.file, lang);
  }

  /** The same error, naming the file (the reader learns the name only from its caller). */
  withFile(file: string | undefined): XlsxError {
    return file === undefined || file === this.file ? this : new XlsxError(this.code, this.params, file);
  }
}

export function isXlsxError(value: unknown): value is XlsxError {
  return value instanceof XlsxError;
}
