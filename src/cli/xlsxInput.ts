import type { Lang } from "../i18n/types";
import { XlsxError, type XlsxErrorCode } from "../xlsx/errors";
import { openXlsx as openWorkbook, type OpenXlsxOptions, type XlsxSheets } from "../xlsx/readRows";
import { CliError } from "./errors";

/** Refusals that mean "this is no .xlsx at all": the CLI says so in its usual words (XLSX_CORRUPT). */
const NOT_A_WORKBOOK: ReadonlySet<XlsxErrorCode> = new Set(["NOT_ZIP", "ZIP_DAMAGED", "NO_WORKBOOK"]);

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

function asCliError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw error instanceof XlsxError ? new XlsxInputError(error) : error;
  }
}

/**
 * `openXlsx` for the CLI: the reader's refusals (damaged file, a limit passed) become CliErrors, so the CLI
 * prints them and exits with code 2 instead of trying another reader. Pass the path to name the file.
 */
export function openXlsx(bytes: Uint8Array, options?: OpenXlsxOptions | string): XlsxSheets {
  const book = asCliError(() => openWorkbook(bytes, options));
  return { ...book, rows: (name) => asCliError(() => book.rows(name)) };
}
