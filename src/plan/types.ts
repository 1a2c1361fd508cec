/**
 * A written sheet as plain data: values in rectangular blocks (a large table's rows made when read: see
 * `RowSource`), then formats, then sheet features. The pure builders in src/plan produce it; src/excel (Office.js)
 * and src/xlsx (the .xlsx writer) apply it. Coordinates are
 * 0-based (row 0, col 0 is A1); ranges are inclusive of `row`/`col` and span `rows` × `cols` cells.
 *
 * Text safety: a plain string is always written as text, even when it starts with "=", "+", "-" or "@"
 * (the writers escape it). A formula is only ever a `FormulaCell`.
 *
 * Sheet references: a formula refers to another sheet of the same plan as `'Name'!$B$4`, always quoted with
 * the plan's sheet name. A writer that writes a sheet under another name (the name is taken: "PAC (2)") must
 * rewrite those references: `renameSheetsInPlan` in src/plan does it for the whole plan.
 */

/** A formula in Excel's English syntax without the leading "=", e.g. `SUM(B2:B9)`; classic functions only. */
export interface FormulaCell {
  readonly formula: string;
  /** The value the formula computes now, cached in the file so readers without recalculation see it. */
  readonly result?: number | string | boolean;
}

export type PlanValue = string | number | boolean | null | FormulaCell;

export interface CellRange {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface ValueBlock {
  readonly row: number;
  readonly col: number;
  /** Rows of equal length: an array, or rows made when read (see `RowSource`; read them with ./rows). */
  readonly values: BlockRows;
}

export type BlockRows = readonly (readonly PlanValue[])[] | RowSource;

/**
 * The rows of a large table made when read, one at a time (Cibles: a row per client): the plan holds the columns
 * they are made from, not the rows, and the writer makes each row as it writes it (issue 12: the rows of a
 * 100 000-client Cibles, kept, weighed 100 MB and every garbage collection).
 */
export interface RowSource {
  readonly length: number;
  /** Cells per row. */
  readonly width: number;
  /** Row i (0-based within the block), made anew at each call: read each row once where you can. */
  row(i: number): readonly PlanValue[];
  /**
   * The columns (0-based within the block) that may hold the user's own text (ids, names), given cell by cell
   * so a writer can check them (forbidden characters, over-long texts) without making the rows; every other text
   * of the rows is the plan's own.
   */
  readonly userTexts?: { readonly cols: readonly number[]; cell(i: number, j: number): PlanValue };
}

/** Design tokens of the written sheets, resolved by each writer. Colours are "#RRGGBB". */
export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  readonly fontColor?: string;
  readonly fill?: string;
  /** Excel number format code in the file's invariant syntax, e.g. `# ##0 €` is written `#,##0 "€"`. */
  readonly numberFormat?: string;
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "middle" | "bottom";
  readonly wrap?: boolean;
  readonly border?: "thin" | "medium";
}

export interface FormatRule {
  readonly range: CellRange;
  readonly style: CellStyle;
}

/** Colour a cell when its text equals `equals` (per-class colours in the Cibles table). */
export interface ConditionalColour {
  readonly range: CellRange;
  readonly equals: string;
  readonly fill: string;
  readonly fontColor?: string;
}

/**
 * A formula-driven colour (native conditional formatting): the cell takes `fill` when `formula` is true.
 * `formula` is written for the range's top-left cell, with relative references as Excel shifts them over the
 * range (e.g. `AND(G5<>"",G5=H5)` on G5:G40); classic functions only.
 */
export interface FormulaColour {
  readonly range: CellRange;
  readonly formula: string;
  readonly fill: string;
  readonly fontColor?: string;
}

/**
 * A native drop-down list (data validation of type list): works in Excel and LibreOffice without the add-in.
 * `source` is a reference without "=", usually to another sheet of the plan (`'Catalogue'!$B$2:$B$60`, quoted
 * with the plan's sheet name, rewritten like formulas when a sheet is renamed).
 */
export interface ListValidation {
  readonly range: CellRange;
  readonly source: string;
  /** Accept a value typed outside the list (Excel shows a warning instead of refusing). Default: false. */
  readonly allowOther?: boolean;
  /** A short input message shown when the cell is selected (title, text). */
  readonly prompt?: { readonly title: string; readonly text: string };
}

export interface TablePlan {
  /** Workbook-unique name, letters/digits/underscore; a writer that finds it taken appends "_2", "_3"… */
  readonly name: string;
  /** Header row included. */
  readonly range: CellRange;
  readonly style?: string;
}

export interface PrintPlan {
  readonly orientation: "landscape" | "portrait";
  readonly paper: "A4";
  /** Fit to this many pages wide (1), any number of pages tall. */
  readonly fitToPagesWide: number;
  readonly area: CellRange;
  /** Rows repeated at the top of each printed page (0-based, inclusive). */
  readonly titleRows?: readonly [number, number];
  /** Manual page breaks: each of these rows (0-based) starts a new printed page. */
  readonly rowBreaks?: readonly number[];
}

/** A chart drawn from cells of the same sheet. */
export interface ChartPlan {
  readonly kind: "pareto" | "prMatrix";
  readonly title: string;
  /** Where the chart sits (top-left cell) and its size in columns × rows. */
  readonly anchor: CellRange;
  /** Category labels (pareto: client names; prMatrix: unused). */
  readonly categories?: CellRange;
  /**
   * pareto: series[0] = CA bars, series[1] = cumulative share line (secondary axis, 0..1), optional series[2] =
   * the 80 % reference line (same axis).
   * prMatrix: series[0] = x values (P rank), series[1] = y values (R rank), a scatter. No sheet of src/plan
   * writes one any more (SPEC §9: the P-R matrix is the 4 × 4 count grid, a table); kept for the writers' tests.
   */
  readonly series: readonly { readonly name: string; readonly values: CellRange }[];
  /** Optional axis titles: x (categories or P), y (values or R), y2 (the pareto's secondary axis). */
  readonly axisTitles?: { readonly x?: string; readonly y?: string; readonly y2?: string };
}

/**
 * A named cell (the editable parameters: weeks, days, contacts per day…), workbook scope. Formulas of the plan
 * never depend on names (they use cell references), so a writer that finds a name taken by another sheet
 * appends "_2", "_3"… (or skips it) without breaking anything.
 */
export interface NamedCell {
  readonly name: string;
  readonly row: number;
  readonly col: number;
}

export interface SheetPlan {
  /** The wanted name; a writer that finds it taken writes "Name (2)" unless told to replace. */
  readonly name: string;
  readonly blocks: readonly ValueBlock[];
  readonly formats: readonly FormatRule[];
  readonly columnWidths?: readonly number[];
  readonly merges?: readonly CellRange[];
  readonly freeze?: { readonly rows: number; readonly cols: number };
  readonly tables?: readonly TablePlan[];
  readonly conditional?: readonly ConditionalColour[];
  readonly print?: PrintPlan;
  readonly charts?: readonly ChartPlan[];
  readonly names?: readonly NamedCell[];
  /** Cells the user is expected to edit (parameters, free-text blocks): unlocked and marked. */
  readonly editable?: readonly CellRange[];
  readonly tabColor?: string;
  /** Explicit row heights in points (rows of wrapped text, tall free-text blocks); other rows keep the default. */
  readonly rowHeights?: readonly RowHeight[];
  /** Columns grouped under an outline button (helper calculations), collapsed when `hidden`. */
  readonly columnGroups?: readonly ColumnGroup[];
  /** Colours driven by a formula (an exercise's right / wrong check cells). */
  readonly formulaColours?: readonly FormulaColour[];
  /** Native drop-down lists (the PAC's actions chosen from the catalogue). */
  readonly validations?: readonly ListValidation[];
  /** "hidden": the user can unhide it from Excel's menu; "veryHidden": only from the VBA editor. Default visible. */
  readonly visibility?: "visible" | "hidden" | "veryHidden";
  /**
   * Sheet protection (no password, or a password that only deters a casual look: Excel's sheet protection is
   * not security). `editable` ranges stay unlocked.
   */
  readonly protection?: { readonly password?: string };
}

/** `cols` columns from `col` (0-based) grouped at outline level 1; `hidden` collapses the group. */
export interface ColumnGroup {
  readonly col: number;
  readonly cols: number;
  readonly hidden: boolean;
}

/** Height in points of one row (0-based). */
export interface RowHeight {
  readonly row: number;
  readonly height: number;
}

export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
}
