import type { Lang } from "../i18n/types";
import { XlsxError } from "../xlsx/errors";
import { openXlsx as openWorkbook, type OpenXlsxOptions, type XlsxSheets } from "../xlsx/readRows";
import { CliError } from "./errors";

/** A file the .xlsx reader refuses, as the CLI's error: its message alone on stderr, exit code 2. */
export class XlsxInputError extends CliError {
  constructor(readonly refusal: XlsxError) {
    super("XLSX_CORRUPT", { path: refusal.file ?? "" });
    this.message = refusal.message;
  }

  override text(lang: Lang): string {
    return this.refusal.messageIn(lang);
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
