/** What a custom-function wrapper returns or throws, as plain data for assertions. */
export type CellOut = string | number | { code: string; message?: string };

export function cellsOf(value: unknown): CellOut[][] {
  return value as CellOut[][];
}

/** Runs a wrapper that must throw an Excel error; returns that error as data. */
export function thrownCell(fn: () => unknown): { code: string; message?: string } {
  try {
    fn();
  } catch (e) {
    return { ...(e as { code: string; message?: string }) };
  }
  throw new Error("expected a cell error");
}

/** A column range [[a], [b], …] from a list. */
export function col(values: readonly unknown[]): unknown[][] {
  return values.map((v) => [v]);
}
