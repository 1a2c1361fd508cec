import type { Lang } from "../../i18n/types";
import type { XlsxError } from "../../xlsx/errors";
import { NOT_A_WORKBOOK, openXlsxRefusingAs, type OpenXlsxOptions, type XlsxSheets } from "../../xlsx/readRows";
import { PortError } from "./port";

export type { SheetState, XlsxSheets } from "../../xlsx/readRows";

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

/**
 * `openXlsx` for the file port: the reader's refusals become PortErrors (`file.error.unreadable`), which the
 * wizard shows as they are. Pass the file's name to have it in the message.
 */
export function openXlsx(bytes: Uint8Array, options?: OpenXlsxOptions | string): XlsxSheets {
  return openXlsxRefusingAs(bytes, options, (refusal) => new XlsxPortError(refusal));
}
