import { blockWidth, isRowSource } from "../plan/rows";
import type { CellRange, SheetPlan, WorkbookPlan } from "../plan/types";
import { MAX_COL, MAX_ROW } from "./addresses";
import { isValidName, sheetNameProblem } from "./names";
import { MAX_ROW_HEIGHT } from "./sheetOps";

/** Excel's limits on a drop-down list's input message (the same as the .xlsx writer's). */
const MAX_PROMPT_TITLE = 32;
const MAX_PROMPT_TEXT = 255;

function fail(sheet: string, what: string): never {
  throw new TypeError(`applyWorkbookPlan: sheet "${sheet}": ${what}`);
}

function isIndex(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

function checkRange(sheet: string, what: string, r: CellRange): void {
  const ok =
    isIndex(r.row) &&
    isIndex(r.col) &&
    Number.isInteger(r.rows) &&
    Number.isInteger(r.cols) &&
    r.rows >= 1 &&
    r.cols >= 1 &&
    r.row + r.rows - 1 <= MAX_ROW &&
    r.col + r.cols - 1 <= MAX_COL;
  if (!ok) fail(sheet, `${what} ${JSON.stringify(r)} is not a range inside the grid`);
}

const COLOUR = /^#[0-9A-Fa-f]{6}$/;

function checkColour(sheet: string, what: string, colour: string | undefined): void {
  if (colour !== undefined && !COLOUR.test(colour)) fail(sheet, `${what} "${colour}" is not "#RRGGBB"`);
}

function checkSheet(s: SheetPlan, tableNames: Set<string>): void {
  const name = s.name;
  s.blocks.forEach((b, i) => {
    const width = blockWidth(b);
    // Rows made when read (a RowSource) are checked as they are made (see `buildSheetOps`).
    if (!isRowSource(b.values) && b.values.some((row) => row.length !== width)) fail(name, `block ${i} has rows of different lengths`);
    if (b.values.length > 0 && width > 0) checkRange(name, `block ${i}`, { row: b.row, col: b.col, rows: b.values.length, cols: width });
  });
  s.formats.forEach((f, i) => {
    checkRange(name, `format ${i}`, f.range);
    checkColour(name, `format ${i} fill`, f.style.fill);
    checkColour(name, `format ${i} font colour`, f.style.fontColor);
  });
  s.merges?.forEach((m, i) => checkRange(name, `merge ${i}`, m));
  s.editable?.forEach((e, i) => checkRange(name, `editable range ${i}`, e));
  s.columnGroups?.forEach((g, i) => checkRange(name, `column group ${i}`, { row: 0, col: g.col, rows: 1, cols: g.cols }));
  s.conditional?.forEach((c, i) => {
    checkRange(name, `conditional colour ${i}`, c.range);
    checkColour(name, `conditional colour ${i}`, c.fill);
    checkColour(name, `conditional colour ${i} font`, c.fontColor);
  });
  s.formulaColours?.forEach((c, i) => {
    checkRange(name, `formula colour ${i}`, c.range);
    if (c.formula.trim() === "" || c.formula.startsWith("=")) fail(name, `formula colour ${i} needs a formula without "="`);
    checkColour(name, `formula colour ${i}`, c.fill);
    checkColour(name, `formula colour ${i} font`, c.fontColor);
  });
  s.validations?.forEach((v, i) => {
    checkRange(name, `drop-down list ${i}`, v.range);
    if (v.source.trim() === "" || v.source.startsWith("=")) fail(name, `drop-down list ${i} needs a source reference without "="`);
    if (v.prompt && (v.prompt.title.length > MAX_PROMPT_TITLE || v.prompt.text.length > MAX_PROMPT_TEXT)) {
      fail(name, `drop-down list ${i}: the prompt's title or text is longer than Excel's ${MAX_PROMPT_TITLE} / ${MAX_PROMPT_TEXT} characters`);
    }
  });
  if (s.visibility !== undefined && !["visible", "hidden", "veryHidden"].includes(s.visibility)) fail(name, `visibility "${String(s.visibility)}" is not visible, hidden or veryHidden`);
  if (s.protection?.password !== undefined && typeof s.protection.password !== "string") fail(name, "the protection password must be text");
  s.columnWidths?.forEach((w, i) => {
    if (!(Number.isFinite(w) && w >= 0 && w <= 255)) fail(name, `column width ${i} (${w}) is not 0..255 characters`);
  });
  s.rowHeights?.forEach((h, i) => {
    if (!(isIndex(h.row) && h.row <= MAX_ROW)) fail(name, `row height ${i}: row ${h.row} is not a row of the grid`);
    if (!(Number.isFinite(h.height) && h.height >= 0 && h.height <= MAX_ROW_HEIGHT)) {
      fail(name, `row height ${i} (${h.height}) is not 0..${MAX_ROW_HEIGHT} points`);
    }
  });
  if (s.freeze && !(isIndex(s.freeze.rows) && isIndex(s.freeze.cols))) fail(name, "freeze rows/cols must be integers ≥ 0");
  if (s.print) {
    checkRange(name, "print area", s.print.area);
    if (!(Number.isInteger(s.print.fitToPagesWide) && s.print.fitToPagesWide >= 1)) fail(name, "fitToPagesWide must be an integer ≥ 1");
    const t = s.print.titleRows;
    if (t && !(isIndex(t[0]) && isIndex(t[1]) && t[0] <= t[1])) fail(name, "print title rows must be [first, last] with first ≤ last");
    s.print.rowBreaks?.forEach((r, i) => {
      if (!(isIndex(r) && r <= MAX_ROW)) fail(name, `page break ${i}: row ${r} is not a row of the grid`);
    });
  }
  for (const t of s.tables ?? []) {
    if (!isValidName(t.name)) fail(name, `table name "${t.name}" is not a valid Excel name`);
    if (tableNames.has(t.name.toLowerCase())) fail(name, `table name "${t.name}" is used twice`);
    tableNames.add(t.name.toLowerCase());
    checkRange(name, `table ${t.name}`, t.range);
    if (t.range.rows < 2) fail(name, `table ${t.name} needs a header row and at least one data row`);
  }
  const cellNames = new Set<string>();
  for (const n of s.names ?? []) {
    if (!isValidName(n.name)) fail(name, `named cell "${n.name}" is not a valid Excel name`);
    if (cellNames.has(n.name.toLowerCase())) fail(name, `named cell "${n.name}" is defined twice`);
    cellNames.add(n.name.toLowerCase());
    checkRange(name, `named cell ${n.name}`, { row: n.row, col: n.col, rows: 1, cols: 1 });
  }
  for (const c of s.charts ?? []) {
    const allowed = c.kind === "pareto" ? [2, 3] : [2];
    if (!allowed.includes(c.series.length)) fail(name, `chart "${c.title}" (${c.kind}) needs two series${c.kind === "pareto" ? " (or three: its 80 % line)" : ""}`);
    checkRange(name, `chart "${c.title}" anchor`, c.anchor);
    if (c.categories) checkRange(name, `chart "${c.title}" categories`, c.categories);
    c.series.forEach((sr) => checkRange(name, `chart "${c.title}" series "${sr.name}"`, sr.values));
  }
  checkColour(name, "tab colour", s.tabColor);
}

/**
 * Checks that a plan can be written as it stands, before anything is sent to Excel.
 * @throws TypeError naming the sheet and the faulty part: an invalid or duplicate sheet name, ragged rows,
 * a range outside the grid, a row height or page break outside the grid (or a height above 409 points), an
 * invalid table or cell name, a name used twice, a chart without two series (a Pareto may add a third, its 80 % line),
 * a formula colour or drop-down list without its formula or source (or written with "="), a prompt longer than
 * Excel allows, an unknown visibility.
 */
export function validatePlan(plan: WorkbookPlan): void {
  const sheetNames = new Set<string>();
  const tableNames = new Set<string>();
  for (const s of plan.sheets) {
    const problem = sheetNameProblem(s.name);
    if (problem) fail(s.name, `invalid sheet name (${problem})`);
    if (sheetNames.has(s.name.toLowerCase())) fail(s.name, "sheet name used twice in the plan");
    sheetNames.add(s.name.toLowerCase());
    checkSheet(s, tableNames);
  }
  for (const s of plan.sheets) {
    for (const n of s.names ?? []) {
      if (tableNames.has(n.name.toLowerCase())) fail(s.name, `named cell "${n.name}" has the name of a table`);
    }
  }
}
