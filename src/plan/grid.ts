import type {
  BlockRows,
  CellRange,
  CellStyle,
  ChartPlan,
  ColumnGroup,
  ConditionalColour,
  FormatRule,
  NamedCell,
  PlanValue,
  PrintPlan,
  RowHeight,
  SheetPlan,
  TablePlan,
  ValueBlock,
} from "./types";

/** Below this size a computed number is float dust (a sum of amounts that cancel out): it is written as 0. */
const DUST = 1e-9;

/** −0 and float dust (|x| < 1e-9) as 0, so no cell shows "-0" or "−0 €"; other numbers unchanged. */
export function tidy(value: number): number {
  return Math.abs(value) < DUST ? 0 : value;
}

/** Empty rows a block may span before it is cut in two. */
const MAX_GAP = 2;

/**
 * A sheet being built: values go into a sparse grid (one rectangular block per region when done), formats,
 * merges and features into lists. Builders fill it top to bottom; `toSheet` freezes it into a `SheetPlan`.
 */
export class SheetDraft {
  private readonly regions: { row: number; col: number; cells: Map<number, Map<number, PlanValue>> }[] = [];
  private readonly formats: FormatRule[] = [];
  private readonly merges: CellRange[] = [];
  private readonly conditional: ConditionalColour[] = [];
  private readonly names: NamedCell[] = [];
  private readonly editable: CellRange[] = [];
  private readonly charts: ChartPlan[] = [];
  private readonly tables: TablePlan[] = [];
  private readonly rowHeights: RowHeight[] = [];
  private readonly direct: ValueBlock[] = [];

  constructor(readonly name: string) {
    this.regions.push({ row: 0, col: 0, cells: new Map() });
  }

  /** Starts a new value region (its own block); later `set` calls at or right of `col` go there. */
  region(col: number): void {
    this.regions.push({ row: 0, col, cells: new Map() });
  }

  private regionFor(col: number): Map<number, Map<number, PlanValue>> {
    for (let k = this.regions.length - 1; k >= 0; k--) if (col >= this.regions[k].col) return this.regions[k].cells;
    return this.regions[0].cells;
  }

  set(row: number, col: number, value: PlanValue): void {
    if (typeof value === "number") value = tidy(value);
    const cells = this.regionFor(col);
    let line = cells.get(row);
    if (!line) {
      line = new Map();
      cells.set(row, line);
    }
    line.set(col, value);
  }

  /** Writes a row of values starting at (row, col). */
  row(row: number, col: number, values: readonly PlanValue[]): void {
    values.forEach((v, k) => {
      if (v !== null) this.set(row, col + k, v);
    });
  }

  /** Adds a ready rectangular block as is (large tables: no per-cell bookkeeping; rows made when read, too). */
  block(row: number, col: number, values: BlockRows): void {
    if (values.length > 0) this.direct.push({ row, col, values });
  }

  style(range: CellRange, style: CellStyle): void {
    if (range.rows > 0 && range.cols > 0) this.formats.push({ range, style });
  }

  merge(range: CellRange): void {
    if (range.rows * range.cols > 1) this.merges.push(range);
  }

  colour(rule: ConditionalColour): void {
    if (rule.range.rows > 0) this.conditional.push(rule);
  }

  defineName(name: string, row: number, col: number): void {
    this.names.push({ name, row, col });
  }

  edit(range: CellRange): void {
    this.editable.push(range);
  }

  chart(chart: ChartPlan): void {
    this.charts.push(chart);
  }

  table(table: TablePlan): void {
    this.tables.push(table);
  }

  height(row: number, height: number): void {
    this.rowHeights.push({ row, height });
  }

  /**
   * One block per band of rows of a region; bands separated by more than `MAX_GAP` empty rows are kept apart,
   * so a block never covers a large empty area (such as the rows of a directly added table).
   */
  private blocks(): ValueBlock[] {
    const blocks: ValueBlock[] = [...this.direct];
    for (const region of this.regions) {
      const rows = [...region.cells.keys()].sort((a, b) => a - b);
      let start = 0;
      for (let k = 1; k <= rows.length; k++) {
        if (k < rows.length && rows[k] - rows[k - 1] <= MAX_GAP + 1) continue;
        const band = rows.slice(start, k);
        start = k;
        if (band.length === 0) continue;
        const top = band[0];
        const bottom = band[band.length - 1];
        let left = Infinity;
        let right = -1;
        for (const r of band) {
          for (const c of (region.cells.get(r) as Map<number, PlanValue>).keys()) {
            left = Math.min(left, c);
            right = Math.max(right, c);
          }
        }
        const values: PlanValue[][] = [];
        for (let r = top; r <= bottom; r++) {
          const line = region.cells.get(r);
          const out = new Array<PlanValue>(right - left + 1).fill(null);
          if (line) for (const [c, v] of line) out[c - left] = v;
          values.push(out);
        }
        blocks.push({ row: top, col: left, values });
      }
    }
    return blocks.sort((a, b) => a.row - b.row || a.col - b.col);
  }

  toSheet(extra: {
    columnWidths?: readonly number[];
    freeze?: { rows: number; cols: number };
    print?: PrintPlan;
    tabColor?: string;
    columnGroups?: readonly ColumnGroup[];
  }): SheetPlan {
    return {
      name: this.name,
      blocks: this.blocks(),
      formats: this.formats,
      ...(extra.columnWidths ? { columnWidths: extra.columnWidths } : {}),
      ...(this.merges.length > 0 ? { merges: this.merges } : {}),
      ...(extra.freeze ? { freeze: extra.freeze } : {}),
      ...(this.tables.length > 0 ? { tables: this.tables } : {}),
      ...(this.conditional.length > 0 ? { conditional: this.conditional } : {}),
      ...(extra.print ? { print: extra.print } : {}),
      ...(this.charts.length > 0 ? { charts: this.charts } : {}),
      ...(this.names.length > 0 ? { names: this.names } : {}),
      ...(this.editable.length > 0 ? { editable: this.editable } : {}),
      ...(extra.tabColor ? { tabColor: extra.tabColor } : {}),
      ...(this.rowHeights.length > 0 ? { rowHeights: this.rowHeights } : {}),
      ...(extra.columnGroups && extra.columnGroups.length > 0 ? { columnGroups: extra.columnGroups } : {}),
    };
  }
}
