import { cellAddress, columnLetter } from "../plan/cells";
import type { PlanValue } from "../plan/types";
import type { AnswerKind } from "./compare";

/** The methods an exercise can ask, in the order of the sheets. */
export type ExerciseMethod = "abc" | "rp" | "pr" | "rfm" | "contacts" | "elasticity" | "capital";

export const EXERCISE_METHODS: readonly ExerciseMethod[] = ["abc", "rp", "pr", "rfm", "contacts", "elasticity", "capital"];

/** The methods asked when none is named: every one the data allows. */
export const DEFAULT_METHODS = EXERCISE_METHODS;

/** A question: where its answer goes, how it is compared, the expected answer and the corrigé's formula. */
export interface Question {
  readonly kind: AnswerKind;
  /** The engine's result: the hidden answer of the student's book and the corrigé formula's cached value. */
  readonly expected: number | string;
  /** The corrigé's native formula (Excel English syntax, no "="), over the cells of the same sheet. */
  readonly formula: string;
  /** Number format of the answer cell (a share shows as a percentage). */
  readonly format?: string;
}

/** A line of the parameter block (above the table) or of the footer (below it): a label and a given value or a question. */
export interface Line {
  readonly label: string;
  readonly given?: PlanValue;
  readonly format?: string;
  readonly question?: Question;
  /** The corrigé's pourquoi of the line. */
  readonly why?: string;
}

/** Given data of the table (the same in both books). */
export interface DataColumn {
  readonly header: string;
  readonly width: number;
  readonly format?: string;
  readonly values: readonly PlanValue[];
}

/** A column of questions, one per table row. */
export interface AnswerColumn {
  readonly header: string;
  readonly width: number;
  readonly cells: readonly Question[];
}

/** A column the corrigé shows beside the answers (an intermediate result, a formula too). */
export interface HelperColumn {
  readonly header: string;
  readonly width: number;
  readonly format?: string;
  readonly values: readonly PlanValue[];
}

/** A reference block below the footer (the RFM segment grid), the same in both books. */
export interface GridBlock {
  readonly title: string;
  readonly rows: readonly (readonly PlanValue[])[];
}

/** One method as a sheet, before it is laid out twice (the student's book and the corrigé). */
export interface MethodSheet {
  readonly method: ExerciseMethod;
  readonly sheet: string;
  readonly title: string;
  readonly task: string;
  readonly params: readonly Line[];
  readonly data: readonly DataColumn[];
  readonly answers: readonly AnswerColumn[];
  readonly helpers: readonly HelperColumn[];
  /** The pourquoi of each table row (corrigé). */
  readonly why: readonly string[];
  readonly footer: readonly Line[];
  readonly grid?: GridBlock;
  /** A Pareto chart (corrigé): the clients sorted by CA, with their cumulative share. */
  readonly pareto?: { readonly labels: readonly string[]; readonly amounts: readonly number[]; readonly cumulative: readonly number[] };
}

/** Rows of every method sheet: title, task, how-to line, then the parameter block from this row. */
export const PARAM_ROW = 4;
/** Columns of a parameter line: the label (merged over two columns), the value or answer, the check or pourquoi. */
export const LINE_LABEL_COL = 0;
export const LINE_VALUE_COL = 2;
export const LINE_SIDE_COL = 3;

/**
 * Where the cells of a method sheet are, so its formulas can name them before the sheet exists. 0-based rows
 * and columns like the plan; `*Ref` give A1 text.
 */
export class Geometry {
  constructor(
    readonly params: number,
    readonly rows: number,
    readonly dataCols: number,
  ) {}

  /** The header row of the table. */
  get header(): number {
    return PARAM_ROW + this.params + (this.params > 0 ? 1 : 0);
  }

  /** The 0-based sheet row of table row `i`. */
  row(i: number): number {
    return this.header + 1 + i;
  }

  /** The column of answer column `j` (after the data). */
  answerCol(j: number): number {
    return this.dataCols + j;
  }

  /** `$C$5`: the value cell of parameter line `k`. */
  paramRef(k: number): string {
    return cellAddress(PARAM_ROW + k, LINE_VALUE_COL);
  }

  /** The 0-based row of footer line `k` (one blank row under the table). */
  footerRow(k: number): number {
    return this.row(this.rows) + 1 + k;
  }

  footerRef(k: number): string {
    return cellAddress(this.footerRow(k), LINE_VALUE_COL);
  }

  /** `C12`: the cell of column `col` on table row `i` (relative, as a row formula reads its own row). */
  cell(col: number, i: number): string {
    return `${columnLetter(col)}${this.row(i) + 1}`;
  }

  /** `$C$8:$C$17`: column `col` over every table row. */
  column(col: number): string {
    return `$${columnLetter(col)}$${this.row(0) + 1}:$${columnLetter(col)}$${this.row(this.rows - 1) + 1}`;
  }

  /** `$C$8:C12`: column `col` from the first table row down to row `i` (for the ties up to a row). */
  columnToHere(col: number, i: number): string {
    return `$${columnLetter(col)}$${this.row(0) + 1}:${columnLetter(col)}${this.row(i) + 1}`;
  }
}
