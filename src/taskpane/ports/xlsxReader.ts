import type { Lang } from "../../i18n/types";
import { XlsxError } from "../../xlsx/errors";
import { openXlsx as openWorkbook, type OpenXlsxOptions, type XlsxSheets } from "../../xlsx/readRows";
import { PortError } from "./port";

export { UnsupportedXlsx } from "../../xlsx/readRows";
export type { SheetState, XlsxSheets } from "../../xlsx/readRows";

/** A file the .xlsx reader refuses, as the port's "unreadable file" error carrying the reader's own message. */
export class XlsxPortError extends PortError {
  constructor(readonly refusal: XlsxError) {
    super("file.error.unreadable", { file: refusal.file ?? "" });
    this.message = refusal.message;
  }

  override messageIn(lang: Lang): string {
    return this.refusal.messageIn(lang);
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
 * `openXlsx` for the file port: the reader's refusals become PortErrors (`file.error.unreadable`, with the
 * reader's message), which the wizard shows as they are; nothing falls back to another reader.
 */
export function openXlsx(bytes: Uint8Array, options?: OpenXlsxOptions | string): XlsxSheets {
  const book = asPortError(() => openWorkbook(bytes, options));
  return { ...book, rows: (name) => asPortError(() => book.rows(name)) };
}
