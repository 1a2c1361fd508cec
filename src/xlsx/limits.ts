/**
 * What the .xlsx reader accepts at most, checked before anything is allocated for it. Each limit is far beyond
 * what a real workbook reaches (a full 1 048 576-row sheet of a dozen columns is about 400 MiB of XML), and low
 * enough that a small hostile file cannot ask for gigabytes. The README's "Limites" section lists them.
 */
export interface XlsxLimits {
  /** Entries of the zip archive (parts and folders). */
  readonly parts: number;
  /** Inflated size of one part, declared and actual (bytes). */
  readonly partBytes: number;
  /** Inflated size of every part together, declared (bytes). */
  readonly totalBytes: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  parts: 100_000,
  partBytes: 512 * 2 ** 20,
  totalBytes: 2 ** 30,
};

/** Excel's grid: rows 1 to 1 048 576, columns A to XFD. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** Excel's limit on the text of one cell. */
export const MAX_CELL_CHARS = 32_767;

/**
 * The cells a sheet's rows may hold, blanks before a value included: at least this many, else one per byte of
 * the sheet's XML. A dense table costs some twenty bytes of XML per cell, so only rows of lone cells far to
 * the right (a few bytes asking for 16 384 cells) reach it.
 */
export const MIN_CELL_SLOTS = 1_048_576;

/**
 * DEFLATE inflates at most 1 032 bytes per compressed byte (a 258-byte match in under 2 bits): a part declaring
 * more than this is impossible, refused before its buffer is allocated.
 */
export const MAX_DEFLATE_RATIO = 1032;
