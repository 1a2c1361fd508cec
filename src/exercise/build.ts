import type { Lang } from "../i18n/types";
import { cellAddress, formula, quoteSheet, range, rangeAddress, sheetRange, textLiteral } from "../plan/cells";
import { SheetDraft } from "../plan/grid";
import { COLOURS, FORMATS, STYLES } from "../plan/styles";
import type { CellRange, FormulaColour, PlanValue, SheetPlan, WorkbookPlan } from "../plan/types";
import { checkFormula, type AnswerKind } from "./compare";
import { EXERCISE_METHODS, Geometry, LINE_LABEL_COL, LINE_SIDE_COL, LINE_VALUE_COL, PARAM_ROW, type ExerciseMethod, type Line, type MethodSheet, type Question } from "./model";
import { methodSheets, type ExerciseData } from "./methods";
import { exerciseText } from "./text";

export interface ExerciseOptions {
  /** The methods asked (default: every one the data allow), in any order; sheets follow `EXERCISE_METHODS`. */
  readonly methods?: readonly ExerciseMethod[];
  readonly lang?: Lang;
}

/** Where a question's answer goes in the student's book, and what is expected there. */
export interface AnswerKeyEntry {
  readonly sheet: string;
  /** The answer cell (0-based). */
  readonly row: number;
  readonly col: number;
  /** The check cell beside it (0-based). */
  readonly checkRow: number;
  readonly checkCol: number;
  readonly kind: AnswerKind;
  readonly expected: number | string;
}

export interface ExerciseBooks {
  /** The student's workbook: data, blank answers, checks, the hidden answers, the score. */
  readonly student: WorkbookPlan;
  /** The teacher's corrigé: every answer as a visible formula with its pourquoi, a page per method. */
  readonly corrige: WorkbookPlan;
  readonly methods: readonly ExerciseMethod[];
  /** Methods asked that the data do not allow, with the reason (in the books' language). */
  readonly skipped: readonly { readonly method: ExerciseMethod; readonly reason: string }[];
  readonly answerKey: readonly AnswerKeyEntry[];
  /** Where the score is on the student's first sheet: the count of right answers, and the sentence. */
  readonly score: { readonly sheet: string; readonly count: readonly [number, number]; readonly text: readonly [number, number] };
}

const GREEN = { fill: COLOURS.ok, fontColor: COLOURS.okText } as const;
const RED = { fill: COLOURS.alert, fontColor: COLOURS.alertText } as const;
/** Width of the corrigé's pourquoi column, and about how many characters of 9-point text one of its lines holds. */
const WHY_WIDTH = 72;
const WHY_CHARS = 88;

/** "12 / 15 réponses justes" as a formula over the count cell, agreeing in number (French: singular below 2). */
export function scoreFormula(count: string, total: number, lang: Lang): string {
  const one = textLiteral(exerciseText("score.one", lang));
  const many = textLiteral(exerciseText("score.many", lang));
  const singular = lang === "fr" ? `${count}<2` : `${count}=1`;
  return `${count}&" / "&${total}&" "&IF(${singular},${one},${many})`;
}

/** The sentence `scoreFormula` computes, for `right` right answers (the cached value). */
export function scoreText(right: number, total: number, lang: Lang): string {
  const one = lang === "fr" ? right < 2 : right === 1;
  return `${right} / ${total} ${exerciseText(one ? "score.one" : "score.many", lang)}`;
}

/** The table's width in columns (data, answers, then checks or helpers and the pourquoi). */
function widthOf(m: MethodSheet, mode: "student" | "corrige"): number {
  const base = m.data.length + m.answers.length;
  return mode === "student" ? base + m.answers.length : base + m.helpers.length + 1;
}

/** Rows of a wrapped text in a column of `chars` characters, as a row height in points. */
function heightFor(text: string, chars: number, line = 12): number {
  return Math.max(15, Math.ceil(text.length / chars) * line + 3);
}

interface Collected {
  readonly entries: AnswerKeyEntry[];
  /** The answers sheet's rows: sheet, cell, question, answer. */
  readonly answerRows: PlanValue[][];
}

/** Lays out one method sheet for the student (blank answers, checks) or the teacher (formulas, pourquoi). */
function layout(m: MethodSheet, mode: "student" | "corrige", lang: Lang, answersSheet: string, collected: Collected): { sheet: SheetPlan; checks: CellRange[] } {
  const rows = m.data[0]?.values.length ?? 0;
  const geo = new Geometry(m.params.length, rows, m.data.length);
  const draft = new SheetDraft(m.sheet);
  const width = Math.max(widthOf(m, mode), 6);
  const checks: CellRange[] = [];
  const colours: FormulaColour[] = [];
  const student = mode === "student";

  draft.set(0, 0, m.title);
  draft.merge(range(0, 0, 1, width));
  draft.style(range(0, 0, 1, width), STYLES.title);
  draft.height(0, 26);
  draft.set(1, 0, m.task);
  draft.merge(range(1, 0, 1, width));
  draft.style(range(1, 0, 1, width), { wrap: true, vertical: "top" });
  draft.height(1, heightFor(m.task, width * 11));
  draft.set(2, 0, student ? exerciseText("task.how", lang) : exerciseText("book.corrige", lang));
  draft.style(range(2, 0, 1, 1), STYLES.helper);

  /** The hidden answer's address for a question placed at (row, col), the check at (checkRow, checkCol). */
  const register = (question: Question, row: number, col: number, checkRow: number, checkCol: number, what: string): string => {
    const at = collected.answerRows.length + 1;
    collected.answerRows.push([m.sheet, cellAddress(row, col, false), what, question.expected]);
    collected.entries.push({ sheet: m.sheet, row, col, checkRow, checkCol, kind: question.kind, expected: question.expected });
    return `${quoteSheet(answersSheet)}!${cellAddress(at, 3)}`;
  };
  const colour = (r: CellRange): void => {
    const x = cellAddress(r.row, r.col, false);
    colours.push({ range: r, formula: `AND(ISNUMBER(${x}),${x}=1)`, ...GREEN });
    colours.push({ range: r, formula: `AND(ISNUMBER(${x}),${x}=0)`, ...RED });
  };

  const line = (l: Line, row: number): void => {
    draft.set(row, LINE_LABEL_COL, l.label);
    draft.merge(range(row, LINE_LABEL_COL, 1, 2));
    draft.style(range(row, LINE_LABEL_COL, 1, 2), STYLES.subheading);
    if (l.given !== undefined) {
      draft.set(row, LINE_VALUE_COL, l.given);
      if (l.format) draft.style(range(row, LINE_VALUE_COL, 1, 1), { numberFormat: l.format });
      return;
    }
    const question = l.question as Question;
    const format = question.format ? { numberFormat: question.format } : {};
    if (student) {
      const expected = register(question, row, LINE_VALUE_COL, row, LINE_SIDE_COL, l.label);
      draft.style(range(row, LINE_VALUE_COL, 1, 1), { ...STYLES.editable, ...format });
      draft.edit(range(row, LINE_VALUE_COL, 1, 1));
      draft.set(row, LINE_SIDE_COL, formula(checkFormula(cellAddress(row, LINE_VALUE_COL, false), expected, question.kind), ""));
      const check = range(row, LINE_SIDE_COL, 1, 1);
      draft.style(check, { numberFormat: exerciseText("check.format", lang), horizontal: "center", bold: true });
      checks.push(check);
      colour(check);
    } else {
      draft.set(row, LINE_VALUE_COL, formula(question.formula, question.expected));
      draft.style(range(row, LINE_VALUE_COL, 1, 1), { ...STYLES.total, ...format });
      if (l.why) {
        draft.set(row, LINE_SIDE_COL, l.why);
        draft.style(range(row, LINE_SIDE_COL, 1, 1), STYLES.note);
      }
    }
  };
  m.params.forEach((l, k) => line(l, PARAM_ROW + k));

  // The table.
  const top = geo.header;
  const headers: string[] = [...m.data.map((d) => d.header), ...m.answers.map((a) => a.header)];
  if (student) headers.push(...m.answers.map((a) => `${exerciseText("col.check", lang)} ${a.header}`));
  else headers.push(...m.helpers.map((h) => h.header), exerciseText("col.why", lang));
  draft.row(top, 0, headers);
  draft.style(range(top, 0, 1, headers.length), STYLES.header);
  draft.height(top, 32);
  const body: PlanValue[][] = [];
  for (let i = 0; i < rows; i++) {
    const out: PlanValue[] = m.data.map((d) => d.values[i] ?? null);
    for (const a of m.answers) {
      const question = a.cells[i];
      out.push(student ? null : formula(question.formula, question.expected));
    }
    if (student) {
      m.answers.forEach((a, j) => {
        const question = a.cells[i];
        const row = geo.row(i);
        const col = geo.answerCol(j);
        const checkCol = geo.answerCol(m.answers.length + j);
        const what = `${String(m.data[0].values[i] ?? "")} · ${a.header}`;
        const expected = register(question, row, col, row, checkCol, what);
        out.push(formula(checkFormula(cellAddress(row, col, false), expected, question.kind), ""));
      });
    } else {
      m.helpers.forEach((h) => out.push(h.values[i] ?? null));
      out.push(m.why[i] ?? null);
    }
    body.push(out);
  }
  if (rows > 0) {
    draft.block(geo.row(0), 0, body);
    draft.style(range(geo.row(0), 0, rows, headers.length), { vertical: "top" });
    m.data.forEach((d, k) => {
      if (d.format) draft.style(range(geo.row(0), k, rows, 1), { numberFormat: d.format });
    });
    m.answers.forEach((a, j) => {
      const r = range(geo.row(0), geo.answerCol(j), rows, 1);
      const format = a.cells[0]?.format ? { numberFormat: a.cells[0].format } : {};
      if (student) {
        draft.style(r, { ...STYLES.editable, ...format, horizontal: "center" });
        draft.edit(r);
      } else draft.style(r, { bold: true, horizontal: "center", ...format });
    });
    if (student) {
      const r = range(geo.row(0), geo.answerCol(m.answers.length), rows, m.answers.length);
      draft.style(r, { numberFormat: exerciseText("check.format", lang), horizontal: "center", bold: true });
      checks.push(r);
      colour(r);
    } else {
      m.helpers.forEach((h, k) => {
        if (h.format) draft.style(range(geo.row(0), geo.answerCol(m.answers.length + k), rows, 1), { numberFormat: h.format, fontColor: COLOURS.helperText });
      });
      const whyCol = geo.answerCol(m.answers.length + m.helpers.length);
      draft.style(range(geo.row(0), whyCol, rows, 1), { fontSize: 9, wrap: true, vertical: "top" });
      m.why.forEach((w, i) => draft.height(geo.row(i), heightFor(w, WHY_CHARS)));
    }
  }
  m.footer.forEach((l, k) => line(l, geo.footerRow(k)));

  let next = geo.footerRow(m.footer.length) + (m.footer.length > 0 ? 1 : 0);
  if (m.grid) {
    draft.set(next, 0, m.grid.title);
    draft.style(range(next, 0, 1, 6), STYLES.subheading);
    m.grid.rows.forEach((r, k) => draft.row(next + 1 + k, 0, r));
    draft.style(range(next + 1, 0, 1, 6), STYLES.header);
    draft.style(range(next + 2, 0, m.grid.rows.length - 1, 1), { bold: true, horizontal: "center", vertical: "top" });
    draft.style(range(next + 2, 1, m.grid.rows.length - 1, 5), { fontSize: 8, wrap: true, vertical: "top" });
    // Three lines of 8-point text: the longest segment name in the narrowest column.
    for (let k = 2; k < m.grid.rows.length + 1; k++) draft.height(next + k, 33);
    next += m.grid.rows.length + 2;
  }
  let chartEnd = next;
  const breaks: number[] = [];
  if (m.pareto && !student && m.pareto.amounts.length > 0) {
    // The Pareto chart on its own printed page.
    breaks.push(next);
    const p = m.pareto;
    const t = (k: "col.id" | "col.ca" | "col.cumulative"): string => exerciseText(k, lang);
    draft.row(next, 0, [t("col.id"), t("col.ca"), t("col.cumulative"), "80 %"]);
    draft.style(range(next, 0, 1, 4), STYLES.header);
    p.labels.forEach((name, k) => draft.row(next + 1 + k, 0, [name, p.amounts[k], p.cumulative[k], 0.8]));
    const n = p.labels.length;
    draft.style(range(next + 1, 1, n, 1), { numberFormat: FORMATS.euro });
    draft.style(range(next + 1, 2, n, 2), { numberFormat: FORMATS.percent });
    draft.chart({
      kind: "pareto",
      title: m.title,
      anchor: range(next, 5, 18, Math.max(1, width - 5)),
      categories: range(next + 1, 0, n, 1),
      series: [
        { name: t("col.ca"), values: range(next + 1, 1, n, 1) },
        { name: t("col.cumulative"), values: range(next + 1, 2, n, 1) },
        { name: "80 %", values: range(next + 1, 3, n, 1) },
      ],
    });
    chartEnd = Math.max(next + n + 1, next + 18);
  }

  const widths = [...m.data.map((d) => d.width), ...m.answers.map((a) => a.width)];
  if (student) widths.push(...m.answers.map(() => 10));
  else widths.push(...m.helpers.map((h) => h.width), WHY_WIDTH);
  while (widths.length < width) widths.push(10);
  const sheet = draft.toSheet({
    columnWidths: widths,
    ...(rows > 0 ? { freeze: { rows: top + 1, cols: 0 } } : {}),
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToPagesWide: 1,
      area: range(0, 0, Math.max(chartEnd, next), width),
      ...(breaks.length > 0 ? { rowBreaks: breaks } : {}),
    },
  });
  return {
    sheet: {
      ...sheet,
      ...(colours.length > 0 ? { formulaColours: colours } : {}),
      // The student's sheets are protected without a password so a check cannot be typed over by mistake; the
      // answer cells are editable (unlocked).
      ...(student ? { protection: {} } : {}),
    },
    checks,
  };
}

/** A line of text over columns A:D, wrapped, with a height that fits it. */
function textLine(draft: SheetDraft, row: number, text: string, style?: Parameters<SheetDraft["style"]>[1]): void {
  draft.set(row, 0, text);
  draft.merge(range(row, 0, 1, 4));
  draft.style(range(row, 0, 1, 4), { wrap: true, vertical: "top", ...(style ?? {}) });
  draft.height(row, heightFor(text, 95, 15));
}

/** The student's first sheet: what to do, how to type, and the score of each method and in all. */
function instructionsSheet(data: ExerciseData, lang: Lang, perMethod: readonly { sheet: string; questions: number; checks: readonly CellRange[] }[]): { sheet: SheetPlan; count: [number, number]; text: [number, number] } {
  const draft = new SheetDraft(exerciseText("sheet.instructions", lang));
  const t = exerciseText;
  draft.set(0, 0, t("instructions.title", lang, { title: data.title }));
  draft.merge(range(0, 0, 1, 4));
  draft.style(range(0, 0, 1, 4), { ...STYLES.title, wrap: true });
  draft.height(0, heightFor(t("instructions.title", lang, { title: data.title }), 60, 22));
  if (data.source) textLine(draft, 1, t("instructions.source", lang, { source: data.source }), STYLES.subtitle);
  let row = 3;
  for (const key of ["instructions.intro", "instructions.step1", "instructions.step2", "instructions.step3"] as const) textLine(draft, row++, t(key, lang));
  row++;
  textLine(draft, row++, t("instructions.typing", lang), { bold: true });
  for (const key of ["instructions.shares", "instructions.numbers", "instructions.texts"] as const) textLine(draft, row++, t(key, lang));
  textLine(draft, row++, t("instructions.no_addin", lang), STYLES.note);
  row++;
  const head = row;
  draft.row(head, 0, [t("score.col_method", lang), t("score.col_right", lang), t("score.col_questions", lang), t("score.col_score", lang)]);
  draft.style(range(head, 0, 1, 4), STYLES.header);
  const total = perMethod.reduce((s, m) => s + m.questions, 0);
  perMethod.forEach((m, k) => {
    const r = head + 1 + k;
    const sum = `SUM(${m.checks.map((c) => sheetRange(m.sheet, c)).join(",")})`;
    draft.row(r, 0, [m.sheet, formula(sum, 0), m.questions, formula(scoreFormula(cellAddress(r, 1, false), m.questions, lang), scoreText(0, m.questions, lang))]);
  });
  const last = head + 1 + perMethod.length;
  draft.row(last, 0, [
    t("score.total", lang),
    formula(`SUM(${rangeAddress(range(head + 1, 1, Math.max(1, perMethod.length), 1))})`, 0),
    total,
    formula(scoreFormula(cellAddress(last, 1, false), total, lang), scoreText(0, total, lang)),
  ]);
  draft.style(range(head + 1, 1, perMethod.length + 1, 2), { horizontal: "center" });
  draft.style(range(last, 0, 1, 4), STYLES.total);
  draft.style(range(last, 3, 1, 1), { bold: true, fontSize: 14, fontColor: COLOURS.title, fill: COLOURS.total });
  draft.height(last, 22);
  const sheet = draft.toSheet({
    columnWidths: [30, 10, 11, 40],
    print: { orientation: "portrait", paper: "A4", fitToPagesWide: 1, area: range(0, 0, last + 1, 4) },
  });
  return { sheet: { ...sheet, protection: {} }, count: [last, 1], text: [last, 3] };
}

/** The hidden, protected sheet of expected answers (a casual look does not find it; a determined student can). */
function answersSheet(lang: Lang, rows: readonly PlanValue[][]): SheetPlan {
  const draft = new SheetDraft(exerciseText("sheet.answers", lang));
  draft.row(0, 0, [exerciseText("col.sheet", lang), exerciseText("col.cell", lang), exerciseText("col.question", lang), exerciseText("col.answer", lang)]);
  draft.style(range(0, 0, 1, 4), STYLES.header);
  draft.block(1, 0, rows);
  draft.set(0, 5, exerciseText("answers.note", lang));
  return { ...draft.toSheet({ columnWidths: [18, 8, 40, 22] }), visibility: "veryHidden", protection: {} };
}

/** The corrigé's first sheet: what the corrigé shows, how the student's answers are compared, the sheets. */
function summarySheet(data: ExerciseData, lang: Lang, sheets: readonly MethodSheet[], questions: number): SheetPlan {
  const t = exerciseText;
  const draft = new SheetDraft(t("sheet.summary", lang));
  draft.set(0, 0, t("summary.title", lang, { title: data.title }));
  draft.merge(range(0, 0, 1, 4));
  draft.style(range(0, 0, 1, 4), STYLES.title);
  draft.height(0, 26);
  if (data.source) {
    draft.set(1, 0, t("instructions.source", lang, { source: data.source }));
    draft.style(range(1, 0, 1, 1), STYLES.subtitle);
  }
  let row = 3;
  draft.set(row++, 0, t("summary.intro", lang));
  draft.set(row++, 0, t("summary.questions", lang, { n: questions }));
  row++;
  for (const m of sheets) draft.set(row++, 0, t("summary.sheet", lang, { sheet: m.sheet, title: m.title }));
  row++;
  draft.set(row, 0, t("summary.compare", lang));
  draft.style(range(row++, 0, 1, 1), { bold: true });
  draft.set(row++, 0, t("summary.compare_numbers", lang));
  draft.set(row++, 0, t("summary.compare_texts", lang));
  draft.set(row, 0, t("summary.hidden", lang, { sheet: t("sheet.answers", lang) }));
  draft.style(range(row++, 0, 1, 1), STYLES.note);
  return draft.toSheet({ columnWidths: [120], print: { orientation: "landscape", paper: "A4", fitToPagesWide: 1, area: range(0, 0, row, 1) } });
}

/**
 * The two workbooks of an exercise from the same data (issue 18): the student's (a sheet per method with the
 * data, blank yellow answer cells and a check column that turns green or red as the student types, the
 * expected answers in a very hidden protected sheet, the score on the first sheet) and the teacher's corrigé
 * (every answer a visible native formula, cached with the engine's value, the pourquoi beside it, the Pareto
 * chart, one printable page per method). Pure: plans only; the caller writes them.
 */
export function buildExercise(data: ExerciseData, options: ExerciseOptions = {}): ExerciseBooks {
  const lang = options.lang ?? "fr";
  const { sheets, skipped } = methodSheets(data, options.methods ?? EXERCISE_METHODS, lang);
  const collected: Collected = { entries: [], answerRows: [] };
  const answersName = exerciseText("sheet.answers", lang);
  const student: SheetPlan[] = [];
  const perMethod: { sheet: string; questions: number; checks: CellRange[] }[] = [];
  for (const m of sheets) {
    const before = collected.entries.length;
    const { sheet, checks } = layout(m, "student", lang, answersName, collected);
    student.push(sheet);
    perMethod.push({ sheet: m.sheet, questions: collected.entries.length - before, checks });
  }
  const unused: Collected = { entries: [], answerRows: [] };
  const corrige = sheets.map((m) => layout(m, "corrige", lang, answersName, unused).sheet);
  const instructions = instructionsSheet(data, lang, perMethod);
  return {
    student: { sheets: [instructions.sheet, ...student, answersSheet(lang, collected.answerRows)] },
    corrige: { sheets: [summarySheet(data, lang, sheets, collected.entries.length), ...corrige] },
    methods: sheets.map((m) => m.method),
    skipped: skipped.map((s) => ({ method: s.method, reason: exerciseText(s.reason, lang) })),
    answerKey: collected.entries,
    score: { sheet: instructions.sheet.name, count: instructions.count, text: instructions.text },
  };
}
