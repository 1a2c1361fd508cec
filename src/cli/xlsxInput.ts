import type { Lang } from "../i18n/types";
import type { XlsxError } from "../xlsx/errors";
import { NOT_A_WORKBOOK, openXlsxRefusingAs, type OpenXlsxOptions, type XlsxSheets } from "../xlsx/readRows";
import { CliError } from "./errors";

/**
 * A file the .xlsx reader refuses, as the CLI's error: one message on stderr, exit code 2. A file that is no
 * workbook at all gets the CLI's XLSX_CORRUPT text; any other refusal (a limit, a damaged part) the reader's own.
 */
export class XlsxInputError extends CliError {
  constructor(readonly refusal: XlsxError) {
    super("XLSX_CORRUPT", { path: refusal.file ?? "" });
    if (!NOT_A_WORKBOOK.has(refusal.code)) this.message = refusal.message;
  }

  override text(lang: Lang): string {
    return NOT_A_WORKBOOK.has(this.refusal.code) ? super.text(lang) : this.refusal.messageIn(lang);
  }
}

/**
 * `openXlsx` for the CLI: the reader's refusals (damaged file, a limit passed) become CliErrors, so the CLI
 * prints them and exits with code 2. Pass the path to name the file.
 */
export function openXlsx(bytes: Uint8Array, options?: OpenXlsxOptions | string): XlsxSheets {
  return openXlsxRefusingAs(bytes, options, (refusal) => new XlsxInputError(refusal));
}
