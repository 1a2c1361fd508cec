import type { Lang } from "../../i18n/types";
import { XlsxError, type XlsxErrorCode } from "../../xlsx/errors";
import { openXlsx as openWorkbook, type OpenXlsxOptions, type XlsxSheets } from "../../xlsx/readRows";
import { PortError } from "./port";

export type { SheetState, XlsxSheets } from "../../xlsx/readRows";

/** Refusals that mean "this is no .xlsx at all": the wizard says so in its usual words (file.error.unreadable). */
const NOT_A_WORKBOOK: ReadonlySet<XlsxErrorCode> = new Set(["NOT_ZIP", "ZIP_DAMAGED", "NO_WORKBOOK"]);

/**
 * A file the .xlsx reader refuses, as the port's "unreadable file" error: a file that is no workbook at all gets
 * the wizard's usual text, any other refusal (a limit, a damaged part) the reader's own message.
 */
export class XlsxPortError extends PortError {
  constructor(readonly refusal: XlsxError) {
    super("file.error.unreadable", { file: refusal.file ?? "" });
    if (!NOT_A_WORKBOOK.has(refusal.code)) this.message = refusal.message;
  }

  override messageIn(lang: Lang): string {
    return NOT_A_WORKBOOK.has(this.refusal.code) ? super.messageIn(lang) : this.refusal.messageIn(lang);
  }
}

function asPortError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw error instanceof XlsxError ? new XlsxPortError(error) : error;
  }
}

/**
 * `openXlsx` for the file port: the reader's refusals become PortErrors (`file.error.unreadable`), which the
 * wizard shows as they are; nothing falls back to another reader. Pass the file's name to have it in the message.
 */
export function openXlsx(bytes: Uint8Array, options?: OpenXlsxOptions | string): XlsxSheets {
  const book = asPortError(() => openWorkbook(bytes, options));
  return { ...book, rows: (name) => asPortError(() => book.rows(name)) };
}
