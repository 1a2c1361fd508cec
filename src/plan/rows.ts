import type { BlockRows, PlanValue, RowSource, SheetPlan, ValueBlock } from "./types";

/**
 * Reading a block's rows, whether an array or a `RowSource` (rows made when read): what every reader of a plan
 * goes through, so none has to know which.
 */

export function isRowSource(values: BlockRows): values is RowSource {
  return !Array.isArray(values);
}

/** Cells per row (0 for no rows). */
export function blockWidth(block: ValueBlock): number {
  const values = block.values;
  return isRowSource(values) ? (values.length > 0 ? values.width : 0) : (values[0]?.length ?? 0);
}

/** Row i of a block's rows (made, for a `RowSource`). */
export function lineOf(values: BlockRows, i: number): readonly PlanValue[] {
  return isRowSource(values) ? values.row(i) : values[i];
}

/** Every row as an array: made all at once for a `RowSource` (a reader that needs them all: Office.js, tests). */
export function linesOf(values: BlockRows): readonly (readonly PlanValue[])[] {
  if (!isRowSource(values)) return values;
  const lines: (readonly PlanValue[])[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) lines[i] = values.row(i);
  return lines;
}

/** The rows with `f` applied to each cell, as rows of the same kind (a `RowSource` stays one: made when read). */
export function mapCells(values: BlockRows, f: (value: PlanValue) => PlanValue): BlockRows {
  if (!isRowSource(values)) return values.map((line) => line.map(f));
  return mapRowSource(
    values,
    (line) => line.map(f),
    (value) => f(value),
  );
}

/**
 * `source` with each row made into `line(row, i)` as it is made, and each of the user's texts read as
 * `cell(value, i, j)`: still made when read.
 */
export function mapRowSource(
  source: RowSource,
  line: (row: readonly PlanValue[], i: number) => readonly PlanValue[],
  cell: (value: PlanValue, i: number, j: number) => PlanValue,
): RowSource {
  const user = source.userTexts;
  return {
    length: source.length,
    width: source.width,
    row: (i) => line(source.row(i), i),
    ...(user ? { userTexts: { cols: user.cols, cell: (i: number, j: number) => cell(user.cell(i, j), i, j) } } : {}),
  };
}

/** The sheet with every block's rows as arrays (see `linesOf`): what a snapshot or a deep comparison reads. */
export function withLines(sheet: SheetPlan): SheetPlan {
  return { ...sheet, blocks: sheet.blocks.map((b) => (isRowSource(b.values) ? { ...b, values: linesOf(b.values) } : b)) };
}
