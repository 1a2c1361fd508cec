/**
 * Sizes of what is sent to Excel, estimated by JSON length (characters). Excel on the web refuses a request
 * over 5 MB; we keep each request under `DEFAULT_MAX_REQUEST_CHARS`, which leaves room for the envelope and
 * for non-ASCII characters counted once here but twice in UTF-8.
 */
export const DEFAULT_MAX_REQUEST_CHARS = 4_000_000;

/** Rows per chunk, whatever their size: Microsoft advises writing large ranges in blocks of 5k–20k rows. */
export const DEFAULT_MAX_CHUNK_ROWS = 20_000;

/** What one queued command costs besides its data: the action, the object path, the address. */
export const OP_OVERHEAD_CHARS = 200;

export interface RowChunk<R extends readonly unknown[]> {
  /** Index of the chunk's first row in the whole block. */
  readonly start: number;
  readonly rows: R[];
  /** JSON length of `rows`. */
  readonly chars: number;
}

/** JSON length of one row, plus the comma that separates it from the next. */
function rowChars(row: readonly unknown[]): number {
  return JSON.stringify(row).length + 1;
}

/**
 * Splits rows into consecutive chunks whose JSON is at most `maxChars` characters and at most `maxRows` rows.
 * A single row larger than `maxChars` makes a chunk of its own. Rows are not copied.
 */
export function chunkRows<R extends readonly unknown[]>(rows: readonly R[], maxChars: number, maxRows: number): RowChunk<R>[] {
  const chunks: RowChunk<R>[] = [];
  let start = 0;
  let chars = 1;
  for (let i = 0; i < rows.length; i++) {
    const size = rowChars(rows[i]);
    const count = i - start;
    if (count > 0 && (chars + size > maxChars || count >= maxRows)) {
      chunks.push({ start, rows: rows.slice(start, i), chars });
      start = i;
      chars = 1;
    }
    chars += size;
  }
  if (start < rows.length) chunks.push({ start, rows: rows.slice(start), chars });
  return chunks;
}

/**
 * How many rows of a uniform row (the same JSON length each) fit in one chunk.
 * @example uniformRowsPerChunk(12, 4_000_000, 20_000) // 20000
 */
export function uniformRowsPerChunk(rowJsonChars: number, maxChars: number, maxRows: number): number {
  return Math.max(1, Math.min(maxRows, Math.floor((maxChars - 1) / (rowJsonChars + 1))));
}
