import { PR_TARGETS, type AbcClass, type ActionFamily, type ClientAllocation } from "../engine";
import { label, type Lang } from "../i18n";
import { planFr } from "../i18n/fr/plan";
import { planTemplate, planText, type PlanKey } from "../i18n/plan";
import { cellAddress, formula, range, textLiteral } from "./cells";
import { contactsModel, type ContactsModel } from "./contactsModel";
import { SheetDraft } from "./grid";
import { resultLabels } from "./summary";
import { templateFormula, templateValue } from "./templateFormula";
import { abcClassOf, rowIn, type ScoredClient, type ScoredPortfolio } from "./score";
import { ABC_COLOURS, COLOURS, FORMATS, STYLES } from "./styles";
import { targetsColumn, targetsPlanClasses } from "./targetsSheet";
import type { FormulaCell, PlanValue, RowSource, SheetPlan } from "./types";

export type Cell = readonly [row: number, col: number];

/** Where the Contacts sheet keeps what the PAC sheet refers to (0-based), with the values they hold now. */
export interface ContactsLayout {
  readonly sheet: string;
  readonly weeks: Cell;
  readonly days: Cell;
  readonly perDay: Cell;
  readonly direct: Cell;
  readonly capital: Cell;
  readonly families: Readonly<Record<ActionFamily, { readonly share: Cell; readonly total: Cell }>>;
  readonly familyTotal: Cell;
  readonly classes: Readonly<Record<AbcClass, { readonly clients: Cell; readonly norm: Cell; readonly need: Cell; readonly planned: Cell }>>;
  readonly classTotal: { readonly clients: Cell; readonly need: Cell; readonly planned: Cell };
  readonly reps: Cell;
  readonly stimulationBudget: Cell;
  /** Turbo visits placed (Σ the clients' stimulation), and the réserve non affectée. */
  readonly turbo: Cell;
  readonly reserve: Cell;
  /** The per-client table's total row: its stimulation (réserve included) and conquête (pool included) cells. */
  readonly clientsTotal: { readonly stimulation: Cell; readonly conquete: Cell };
  /**
   * Planning lines (clients of class A, B, C, prospects, réserve non affectée, conquête pool): their row, the
   * year total in `yearCol`; each the sum of the per-client calendar below.
   */
  readonly planningRows: readonly number[];
  /** The labels of the Planning lines and of their total line. */
  readonly planningLabels: readonly string[];
  /** The per-client table's client rows (prospects included; `bottom` < `top` when there are none). */
  readonly clientRows: { readonly top: number; readonly bottom: number };
  /** Its P-R target column (« Prospect » for a prospect, blank without P-R). */
  readonly targetCol: number;
  /** The cached values of the Planning lines and of their total line: [year total, January … December] each. */
  readonly planningValues: readonly (readonly number[])[];
  readonly planningTotalRow: number;
  readonly yearCol: number;
  /** Column of January; the twelve months follow. */
  readonly monthCol: number;
  /** The cell telling whether the per-client plan still makes the capital. */
  readonly check: Cell;
  /** The total cell of each pool line (stimulation, conquête) under the per-client plan, and their contacts. */
  readonly reserves: readonly { readonly total: Cell; readonly line: ReserveLine }[];
  readonly model: ContactsModel;
}

const CLASSES: readonly AbcClass[] = ["A", "B", "C"];
const FAMILIES: readonly ActionFamily[] = ["entretien", "stimulation", "conquete"];
const SHARE_NAMES: Readonly<Record<ActionFamily, PlanKey>> = {
  entretien: "name.share_entretien",
  stimulation: "name.share_stimulation",
  conquete: "name.share_conquete",
};
export const MONTHS = 12;

const A = (row: number, col: number): string => cellAddress(row, col);

function isPlanKey(text: string): text is PlanKey {
  return Object.prototype.hasOwnProperty.call(planFr, text);
}

/** `IF(x > y, n, 0)`-style term: the count of a competitor that is served before (`strict` for those listed after). */
function servedBefore(other: string, self: string, strict: boolean, weight: string): string {
  return `IF(${other}${strict ? ">" : ">="}${self},${weight},0)`;
}

/**
 * The twelve months and the year total of a Planning line as formulas over the per-client calendar (SPEC §8:
 * the Planning is the sum of the per-client calendar, never a separate spread), with their cached values: each
 * month a SUMIF of the calendar column over the rows whose `key` column holds `criterion`, or a reference to
 * one row (the réserve, the conquête pool); the year the sum of the twelve months.
 */
export function planningMonths(
  row: number,
  yearCol: number,
  source: { readonly sumif: { readonly keys: string; readonly criterion: string; readonly top: number; readonly bottom: number } } | { readonly row: number },
  months: readonly number[],
  monthCol: number,
): FormulaCell[] {
  const cells = months.map((value, j) => {
    const col = monthCol + j;
    if ("row" in source) return formula(A(source.row, col), value);
    const { keys, criterion, top, bottom } = source.sumif;
    return formula(`SUMIF(${keys},${criterion},${A(top, col)}:${A(bottom, col)})`, value);
  });
  const year = months.reduce((a, b) => a + b, 0);
  return [formula(`SUM(${A(row, monthCol)}:${A(row, monthCol + MONTHS - 1)})`, year), ...cells];
}

/** A line of contacts not given to any client: its label and its contacts. */
export interface ReserveLine {
  readonly label: string;
  readonly contacts: number;
}

/**
 * The two lines of contacts no client takes, under the per-client plan: the réserve non affectée (turbo visits
 * the caps leave when no retained prospect takes them, SPEC §8) and the conquête not given to a prospect. The
 * one place the sheets read them from the allocation.
 */
export function reserveLines(portfolio: ScoredPortfolio, lang: Lang): readonly [ReserveLine, ReserveLine] {
  return [
    { label: planText("contacts.reserve_stimulation", lang), contacts: portfolio.reserve },
    {
      label: planText(portfolio.prospects > 0 ? "contacts.reserve_conquete_left" : "contacts.reserve_conquete", lang),
      contacts: portfolio.allocation.conquestPool,
    },
  ];
}

/**
 * The "needs scaled" warning (SPEC §8) as a formula over the need and the entretien budget cells: the sentence
 * when the need exceeds the budget, else blank, so it follows the norms and the capital.
 */
export function scaledMessage(needCell: string, budgetCell: string, model: ContactsModel, lang: Lang): FormulaCell {
  const template = planTemplate("pac.scaled", lang);
  const budget = model.families[0].total;
  return formula(
    `IF(${needCell}>${budgetCell},${templateFormula(template, { need: needCell, budget: budgetCell, pct: `ROUND(${budgetCell}/${needCell}*100,0)` }, lang)},"")`,
    model.needTotal > budget ? templateValue(template, { need: model.needTotal, budget, pct: Math.round((budget / model.needTotal) * 100) }, lang) : "",
  );
}

/** The label shown for a client in the Contacts and PAC sheets: its name, else its id. */
export function clientLabel(c: ScoredClient): string {
  return c.name ?? c.id;
}

/**
 * The "Contacts" sheet: the capital's parameters (editable, named), the capital as a formula over them, its
 * split by family (largest remainder in formulas, so it always sums to the capital and matches the engine),
 * the entretien need and plan by ABC class (COUNTIF over the per-client table × editable norms, scaled like
 * the engine when the needs exceed the budget), the number of reps, what the engine placed (turbo visits, the
 * réserve non affectée), the monthly plan (SUMIF over the per-client calendar below, so the two always agree),
 * checks, and the engine's per-client plan and calendar as values (SPEC §14).
 */
export function buildContactsSheet(portfolio: ScoredPortfolio, lang: Lang): { sheet: SheetPlan; layout: ContactsLayout } {
  const t = (key: PlanKey, params?: Record<string, string | number>): string => planText(key, lang, params);
  const name = t("sheet.contacts");
  const s = new SheetDraft(name);
  // The planned clients, their allocations and classes, read from the methods' columns once.
  const results = portfolio.results;
  const { pr, allocation } = results;
  const planned: ScoredClient[] = [];
  const lines: ClientAllocation[] = [];
  for (const c of portfolio.clients) {
    const k = rowIn(allocation, c.index);
    if (allocation && k >= 0) {
      planned.push(c);
      lines.push(allocation.columns[k]);
    }
  }
  const m = planned.length;
  const classOf = (c: ScoredClient): AbcClass | null => abcClassOf(results, c.index);
  const counts = { A: 0, B: 0, C: 0 };
  for (const c of planned) {
    const cls = classOf(c);
    if (cls) counts[cls]++;
  }
  const model = contactsModel(portfolio.capital.value, portfolio.shares, portfolio.norms, counts, portfolio);
  const placed = model.placed as NonNullable<ContactsModel["placed"]>;
  const stimulated = lines.reduce((n, a) => n + (a.stimulation > 0 ? 1 : 0), 0);
  const lastCol = 2 + MONTHS - 1 + 7;
  // The largest-remainder helpers sit right of the printed area, in a collapsed column group.
  const help = lastCol + 2;
  const helpers = (row: number, keys: readonly PlanKey[]): void => {
    keys.forEach((k, j) => s.set(row, help + j, t(k)));
    s.style(range(row, help, 1, keys.length), { ...STYLES.helper, wrap: true, bold: true });
  };

  const section = (row: number, key: PlanKey): void => {
    s.set(row, 0, t(key));
    s.style(range(row, 0, 1, lastCol + 1), STYLES.section);
    s.height(row, 20);
  };
  /** A header row: plan keys are translated, other strings written as they are, null leaves the cell blank. */
  const header = (row: number, col: number, keys: readonly (PlanKey | string | null)[]): void => {
    keys.forEach((k, j) => {
      if (k !== null) s.set(row, col + j, isPlanKey(k) ? t(k) : k);
    });
    s.style(range(row, col, 1, keys.length), STYLES.header);
    s.height(row, 30);
  };

  s.set(0, 0, t("contacts.title"));
  s.style(range(0, 0, 1, lastCol + 1), STYLES.title);
  s.height(0, 26);
  s.set(1, 0, t("contacts.hint"));
  s.style(range(1, 0, 1, 1), STYLES.subtitle);

  // Capital.
  const weeks: Cell = [4, 1];
  const days: Cell = [5, 1];
  const perDay: Cell = [6, 1];
  const direct: Cell = [7, 1];
  const capital: Cell = [8, 1];
  section(3, "contacts.section.capital");
  const input = portfolio.capital.input;
  s.row(4, 0, [t("contacts.weeks"), input.weeks, t("contacts.weeks_note")]);
  s.row(5, 0, [t("contacts.days"), input.daysPerWeek]);
  s.row(6, 0, [t("contacts.per_day"), input.contactsPerDay]);
  s.row(7, 0, [t("contacts.direct"), portfolio.capital.direct ?? null]);
  const capitalFormula = `IF(${A(...direct)}="",INT(${A(...weeks)}*${A(...days)}*${A(...perDay)}+1E-9),${A(...direct)})`;
  s.row(8, 0, [t("contacts.capital"), formula(capitalFormula, model.capital), t("contacts.capital_note")]);
  s.style(range(4, 2, 1, 1), STYLES.note);
  s.style(range(8, 2, 1, 1), STYLES.note);
  s.style(range(4, 1, 4, 1), { ...STYLES.editable, horizontal: "center" });
  s.edit(range(4, 1, 4, 1));
  s.style(range(8, 0, 1, 2), { ...STYLES.total, fontSize: 12 });
  s.style(range(8, 1, 1, 1), { horizontal: "center" });
  s.defineName(t("name.weeks"), ...weeks);
  s.defineName(t("name.days"), ...days);
  s.defineName(t("name.per_day"), ...perDay);
  s.defineName(t("name.direct"), ...direct);
  s.defineName(t("name.capital"), ...capital);
  const cap = A(...capital);

  // Families: largest remainder in formulas.
  section(10, "contacts.section.families");
  header(11, 0, ["contacts.col.family", "contacts.col.share", "contacts.col.contacts"]);
  s.set(10, help, t("contacts.helpers"));
  s.style(range(10, help, 1, 1), { ...STYLES.helper, bold: true });
  helpers(11, ["contacts.col.quota", "contacts.col.floor", "contacts.col.rest", "contacts.col.rank"]);
  const [quotaCol, floorCol, restCol, rankCol] = [help, help + 1, help + 2, help + 3];
  const famRow = (k: number): number => 12 + k;
  const famTotalRow = 15;
  const leftCell = A(famTotalRow, rankCol);
  const rest = (k: number): string => A(famRow(k), restCol);
  const families = {} as Record<ActionFamily, { share: Cell; total: Cell }>;
  FAMILIES.forEach((f, k) => {
    const r = famRow(k);
    const line = model.families[k];
    const rank = FAMILIES.map((_, j) => (j === k ? "" : servedBefore(rest(j), rest(k), j > k, "1")))
      .filter((x) => x !== "")
      .join("+");
    s.row(r, 0, [label(`family.${f}`, lang), line.share, formula(`${A(r, floorCol)}+IF(${A(r, rankCol)}<${leftCell},1,0)`, line.total)]);
    s.row(r, help, [
      formula(`ROUND(${cap}*${A(r, 1)},9)`, line.quota),
      formula(`INT(${A(r, quotaCol)})`, line.floor),
      formula(`ROUND(${A(r, quotaCol)}-${A(r, floorCol)},9)`, line.rest),
      formula(rank, line.rank),
    ]);
    families[f] = { share: [r, 1], total: [r, 2] };
    s.defineName(t(SHARE_NAMES[f]), r, 1);
  });
  s.row(famTotalRow, 0, [
    t("total"),
    formula(`SUM(${A(12, 1)}:${A(14, 1)})`, model.families.reduce((a, l) => a + l.share, 0)),
    formula(`SUM(${A(12, 2)}:${A(14, 2)})`, model.families.reduce((a, l) => a + l.total, 0)),
  ]);
  s.row(famTotalRow, help + 1, [
    formula(`SUM(${A(12, floorCol)}:${A(14, floorCol)})`, model.families.reduce((a, l) => a + l.floor, 0)),
    t("contacts.left"),
    formula(`${cap}-${A(famTotalRow, floorCol)}`, model.familyLeft),
  ]);
  s.style(range(12, 1, 4, 1), { numberFormat: FORMATS.percent, horizontal: "center" });
  s.style(range(12, 1, 3, 1), STYLES.editable);
  s.edit(range(12, 1, 3, 1));
  s.style(range(12, 2, 4, 1), { horizontal: "center", bold: true });
  s.style(range(12, help, 4, 4), STYLES.helper);
  s.style(range(famTotalRow, 0, 1, 3), STYLES.total);

  // Entretien by ABC class.
  // Rows below the Planning (31 … 39) and the checks (41 … 45): the per-client table starts at 49.
  const clientsTop = 49;
  const reserveRow = clientsTop + m;
  const clientsTotalRow = reserveRow + 2;
  const classRange = `${A(clientsTop, 2)}:${A(reserveRow + 1, 2)}`;
  section(17, "contacts.section.classes");
  header(18, 0, ["contacts.col.class", "contacts.col.clients", "contacts.col.norm", "contacts.col.need", "contacts.col.planned"]);
  helpers(18, ["contacts.col.floor", "contacts.col.rest", "contacts.col.before", "contacts.col.extra"]);
  const [clsFloor, clsRest, clsBefore, clsExtra] = [help, help + 1, help + 2, help + 3];
  const clsRow = (k: number): number => 19 + k;
  const clsTotalRow = 22;
  const needTotal = A(clsTotalRow, 3);
  const budget = A(famRow(0), 2);
  const clsLeft = A(clsTotalRow, clsExtra);
  const classes = {} as Record<AbcClass, { clients: Cell; norm: Cell; need: Cell; planned: Cell }>;
  const liveClasses = portfolio.methods.abc ? targetsColumn(portfolio.clients.length, lang, "col.abc") : classRange;
  CLASSES.forEach((cls, k) => {
    const r = clsRow(k);
    const line = model.classes[cls];
    const remOf = (j: number): string => A(clsRow(j), clsRest);
    const before = CLASSES.map((_, j) => (j === k ? "" : servedBefore(remOf(j), remOf(k), j > k, A(clsRow(j), 1))))
      .filter((x) => x !== "")
      .join("+");
    const norm = A(r, 2);
    s.row(r, 0, [
      t("class", { cls }),
      // The live classes of Cibles (SPEC §14): a corrected CA moves a client and the needs follow.
      formula(`COUNTIF(${liveClasses},${textLiteral(cls)})`, line.clients),
      line.norm,
      formula(`${A(r, 1)}*${norm}`, line.need),
      formula(`IF(${needTotal}>${budget},${A(r, 1)}*${A(r, clsFloor)}+${A(r, clsExtra)},${A(r, 3)})`, line.planned),
    ]);
    s.row(r, help, [
      formula(`IF(${needTotal}=0,0,(${budget}*${norm}-MOD(${budget}*${norm},${needTotal}))/${needTotal})`, line.floor),
      formula(`IF(${needTotal}=0,0,MOD(${budget}*${norm},${needTotal}))`, line.rest),
      formula(before, line.before),
      formula(`MIN(${A(r, 1)},MAX(0,${clsLeft}-${A(r, clsBefore)}))`, line.extra),
    ]);
    classes[cls] = { clients: [r, 1], norm: [r, 2], need: [r, 3], planned: [r, 4] };
    s.defineName(t("name.norm", { cls }), r, 2);
  });
  const sumCol = (col: number, value: number): FormulaCell => formula(`SUM(${A(clsRow(0), col)}:${A(clsRow(2), col)})`, value);
  s.row(clsTotalRow, 0, [
    t("total"),
    sumCol(1, counts.A + counts.B + counts.C),
    null,
    sumCol(3, model.needTotal),
    sumCol(4, model.plannedTotal),
  ]);
  s.row(clsTotalRow, clsBefore, [
    t("contacts.left"),
    formula(
      `IF(${needTotal}>${budget},${budget}-(${CLASSES.map((_, k) => `${A(clsRow(k), 1)}*${A(clsRow(k), clsFloor)}`).join("+")}),0)`,
      model.classLeft,
    ),
  ]);
  s.style(range(19, 1, 4, 4), { horizontal: "center" });
  s.style(range(19, 2, 3, 1), STYLES.editable);
  s.edit(range(19, 2, 3, 1));
  s.style(range(19, 4, 4, 1), { bold: true });
  s.style(range(19, help, 4, 4), STYLES.helper);
  s.style(range(clsTotalRow, 0, 1, 5), STYLES.total);
  const reps: Cell = [23, 1];
  const unused: Cell = [24, 1];
  const stimulationBudget: Cell = [25, 1];
  const turbo: Cell = [26, 1];
  const reserveCell: Cell = [28, 1];
  s.row(23, 0, [t("contacts.reps"), formula(`IF(${cap}>0,ROUNDUP(${needTotal}/${cap},0),"")`, model.reps ?? "")]);
  s.row(24, 0, [t("contacts.unused"), formula(`${budget}-${A(clsTotalRow, 4)}`, model.unused)]);
  s.row(25, 0, [t("contacts.stim_budget"), formula(`${A(famRow(1), 2)}+${A(...unused)}`, model.stimulationBudget)]);
  // What the engine placed of that budget (values of the per-client plan below): turbo visits, the part the
  // caps sent to the prospects, the réserve non affectée.
  s.row(26, 0, [t("contacts.turbo_placed", { n: stimulated }), m > 0 ? formula(`SUM(${A(clientsTop, 6)}:${A(clientsTop + m - 1, 6)})`, placed.stimulation) : 0]);
  s.row(27, 0, [t("contacts.to_conquest"), portfolio.stimulationToConquest]);
  s.row(28, 0, [t("contacts.reserve"), formula(A(reserveRow, 8), portfolio.reserve)]);
  s.style(range(23, 1, 6, 1), { horizontal: "center", bold: true });
  s.style(range(26, 0, 3, 1), { italic: true });
  // SPEC §8: say it as soon as the needs are scaled (need > entretien budget), in a formula that follows the norms.
  s.set(29, 0, scaledMessage(needTotal, budget, model, lang));
  s.merge(range(29, 0, 1, lastCol + 1));
  s.style(range(29, 0, 1, lastCol + 1), { bold: true, fontColor: COLOURS.alertText, wrap: true, vertical: "top" });
  s.height(29, 28);

  // Monthly plan: the sum of the per-client calendar (SPEC §8), SUMIF over the table below, so it always agrees.
  const planningTop = 31;
  section(planningTop, "contacts.section.planning");
  // The months stand in the per-client table's month columns, the year in its Total column: one grid to read.
  const yearCol = 8;
  const monthCol = 9;
  header(planningTop + 1, 0, ["contacts.col.line"]);
  header(planningTop + 1, yearCol, ["contacts.col.year", ...Array.from({ length: MONTHS }, (_, k) => `month.${k + 1}`)]);
  s.style(range(planningTop + 1, 1, 1, yearCol - 1), STYLES.header);
  const [reserveLine, poolLine] = reserveLines(portfolio, lang);
  const lastClient = Math.max(clientsTop, reserveRow - 1);
  const byClass = (criterion: string, col: number) => ({
    sumif: { keys: `${A(clientsTop, col)}:${A(lastClient, col)}`, criterion: textLiteral(criterion), top: clientsTop, bottom: lastClient },
  });
  const byLine = new Map(placed.months.map((l) => [l.line, l]));
  const planningSources = [
    ...CLASSES.map((cls) => ({ label: t("line.class", { cls }), source: byClass(cls, 2), line: byLine.get(cls) })),
    { label: t("line.prospects"), source: byClass(t("status.prospect"), 3), line: byLine.get("prospects") },
    { label: reserveLine.label, source: { row: reserveRow }, line: byLine.get("reserve") },
    { label: poolLine.label, source: { row: reserveRow + 1 }, line: byLine.get("conquestPool") },
  ];
  const planningRows = planningSources.map((_, k) => planningTop + 2 + k);
  const planningTotalRow = planningTop + 2 + planningSources.length;
  const planningValues: number[][] = [];
  planningSources.forEach(({ label: text, source, line }, k) => {
    const r = planningRows[k];
    const months = line ? line.months : new Array<number>(MONTHS).fill(0);
    s.set(r, 0, text);
    s.row(r, yearCol, planningMonths(r, yearCol, source, months, monthCol));
    planningValues.push([months.reduce((a, b) => a + b, 0), ...months]);
  });
  const totalLine = Array.from({ length: MONTHS + 1 }, (_, j) => planningValues.reduce((sum, line) => sum + line[j], 0));
  planningValues.push(totalLine);
  s.set(planningTotalRow, 0, t("total"));
  s.row(
    planningTotalRow,
    yearCol,
    totalLine.map((value, j) => formula(`SUM(${A(planningRows[0], yearCol + j)}:${A(planningRows[planningRows.length - 1], yearCol + j)})`, value)),
  );
  s.style(range(planningRows[0], yearCol, planningRows.length + 1, MONTHS + 1), { horizontal: "center" });
  s.style(range(planningRows[0], yearCol, planningRows.length + 1, 1), { bold: true });
  s.style(range(planningTotalRow, 0, 1, yearCol + MONTHS + 1), STYLES.total);

  // Checks.
  const checksTop = planningTotalRow + 2;
  section(checksTop, "contacts.section.checks");
  const gapFormula = (x: string): string => templateFormula(planTemplate("check.gap", lang), { gap: `(${cap}-${x})` }, lang);
  const ok = textLiteral(t("check.ok"));
  const sharesSum = model.families.reduce((a, l) => a + l.share, 0);
  const familiesSum = model.families.reduce((a, l) => a + l.total, 0);
  const planningSum = totalLine[0];
  const clientsSum = lines.reduce((sum, a) => sum + a.total, 0) + reserveLine.contacts + poolLine.contacts;
  const gapText = (x: number): string => t("check.gap", { gap: model.capital - x });
  const checkCol = 1;
  const checks: [PlanKey, string, string][] = [
    [
      "check.shares",
      `IF(ROUND(${A(famTotalRow, 1)},9)=1,${ok},${textLiteral(t("check.shares_bad"))})`,
      Math.round(sharesSum * 1e9) === 1e9 ? t("check.ok") : t("check.shares_bad"),
    ],
    ["check.families", `IF(${A(famTotalRow, 2)}=${cap},${ok},${gapFormula(A(famTotalRow, 2))})`, familiesSum === model.capital ? t("check.ok") : gapText(familiesSum)],
    // The Planning sums the per-client calendar (values): once the capital changes it still makes the old one.
    [
      "check.planning",
      `IF(${A(planningTotalRow, yearCol)}=${cap},${ok},${textLiteral(t("check.planning_old", { old: planningSum }))})`,
      planningSum === model.capital ? t("check.ok") : t("check.planning_old", { old: planningSum }),
    ],
    [
      "check.clients",
      `IF(${A(clientsTotalRow, 8)}=${cap},${ok},${textLiteral(t("check.clients_old", { old: clientsSum }))})`,
      clientsSum === model.capital ? t("check.ok") : t("check.clients_old", { old: clientsSum }),
    ],
  ];
  // The per-client plan was split for the classes of the scoring: once a corrected CA or a threshold moves a
  // client to another class, the class lines above follow and this says the per-client table does not (SPEC
  // §14): it counts the Cibles rows whose live class differs from the class of the plan (one pass, no pair).
  if (portfolio.methods.abc && portfolio.clients.length > 0) {
    const n = portfolio.clients.length;
    const planClasses = targetsPlanClasses(n, lang);
    const moved = `SUMPRODUCT((${planClasses}<>"")*(${planClasses}<>${targetsColumn(n, lang, "col.abc")}))`;
    const text = templateFormula(planTemplate("check.classes_moved", lang), { n: moved }, lang);
    checks.push(["check.classes", `IF(${moved}=0,${ok},${text})`, t("check.ok")]);
  }
  checks.forEach(([key, f, result], k) => {
    s.row(checksTop + 1 + k, 0, [t(key), formula(f, result)]);
    s.merge(range(checksTop + 1 + k, checkCol, 1, 8));
  });
  const checkRange = range(checksTop + 1, checkCol, checks.length, 1);
  s.style(range(checksTop + 1, checkCol, checks.length, 8), STYLES.check);
  s.colour({ range: checkRange, equals: t("check.ok"), fill: COLOURS.ok, fontColor: COLOURS.okText });
  // The named control cell: the per-client plan against the capital.
  const check: Cell = [checksTop + 1 + checks.findIndex(([key]) => key === "check.clients"), checkCol];
  s.defineName(t("name.check"), ...check);

  // Per-client plan (the engine's values).
  s.set(clientsTop - 2, 0, t("contacts.section.clients", { capital: portfolio.capital.value }));
  s.style(range(clientsTop - 2, 0, 1, lastCol + 1), STYLES.section);
  s.height(clientsTop - 2, 20);
  header(clientsTop - 1, 0, [
    "contacts.col.client",
    "contacts.col.code",
    "contacts.col.class",
    "contacts.col.target",
    "contacts.col.need",
    label("family.entretien", lang),
    label("family.stimulation", lang),
    label("family.conquete", lang),
    "contacts.col.total",
    ...Array.from({ length: MONTHS }, (_, k) => `month.${k + 1}`),
  ]);
  // The labels looked up once per sheet, not per row; `concat` appends the months in one copy of the exact size.
  const prospect = t("status.prospect");
  const targets = resultLabels(lang).targets;
  // The rows are made when written (a row per planned client: see `RowSource`).
  const rows: RowSource = {
    length: planned.length,
    width: 9 + MONTHS,
    row: (k) => {
      const c = planned[k];
      const a = lines[k];
      const kpr = rowIn(pr, c.index);
      const target = c.isProspect ? prospect : pr && kpr >= 0 ? targets[PR_TARGETS[pr.columns.target[kpr]]] : null;
      const head: PlanValue[] = [clientLabel(c), c.id, classOf(c), target, a.need, a.entretien, a.stimulation, a.conquete, a.total];
      return head.concat(a.monthly);
    },
    // The name (or id) and the id are the user's; every other text is the plan's.
    userTexts: { cols: [0, 1], cell: (k, j) => (j === 0 ? clientLabel(planned[k]) : planned[k].id) },
  };
  s.block(clientsTop, 0, rows);
  // The réserve and the conquête pool take their months like a client, so the month columns sum to the Planning.
  s.row(reserveRow, 0, [reserveLine.label, null, null, null, null, null, reserveLine.contacts, null, reserveLine.contacts, ...portfolio.planning.reserve]);
  s.row(reserveRow + 1, 0, [poolLine.label, null, null, null, null, null, null, poolLine.contacts, poolLine.contacts, ...portfolio.planning.conquestPool]);
  // Column sums in one pass over the allocations (columns 4 … 8 + MONTHS of the rows).
  const sums = new Array<number>(5 + MONTHS).fill(0);
  for (const a of lines) {
    sums[0] += a.need;
    sums[1] += a.entretien;
    sums[2] += a.stimulation;
    sums[3] += a.conquete;
    sums[4] += a.total;
    const monthly = a.monthly;
    for (let j = 0; j < MONTHS; j++) sums[5 + j] += monthly[j];
  }
  const totals = Array.from({ length: 5 + MONTHS }, (_, j) => {
    const col = 4 + j;
    const pools =
      col === 6 ? reserveLine.contacts : col === 7 ? poolLine.contacts : col === 8 ? reserveLine.contacts + poolLine.contacts : col > 8 ? portfolio.planning.reserve[col - 9] + portfolio.planning.conquestPool[col - 9] : 0;
    return formula(`SUM(${A(clientsTop, col)}:${A(reserveRow + 1, col)})`, sums[j] + pools);
  });
  s.row(clientsTotalRow, 0, [t("total"), null, null, null, ...totals]);
  s.style(range(clientsTop, 2, m + 3, 7 + MONTHS), { horizontal: "center" });
  s.style(range(clientsTop, 8, m + 3, 1), { bold: true });
  s.style(range(reserveRow, 0, 2, 1), { italic: true });
  s.style(range(clientsTotalRow, 0, 1, 9 + MONTHS), STYLES.total);
  if (m > 0) for (const cls of CLASSES) s.colour({ range: range(clientsTop, 2, m, 1), equals: cls, ...ABC_COLOURS[cls] });

  // Wide enough for "Stimulation", "Entretien prévu" and "(contacts/year)" without a break inside a word.
  const widths = [46, 14, 14, 12, 12, 12, 12, 12, 9, ...Array.from({ length: MONTHS }, () => 7), 2, 12, 12, 12, 12];
  const sheet = s.toSheet({
    columnWidths: widths,
    tabColor: "#548235",
    print: { orientation: "landscape", paper: "A4", fitToPagesWide: 1, area: range(0, 0, clientsTotalRow + 1, lastCol + 1), titleRows: [0, 0] },
    columnGroups: [{ col: help, cols: 4, hidden: true }],
  });
  return {
    sheet,
    layout: {
      sheet: name,
      weeks,
      days,
      perDay,
      direct,
      capital,
      families,
      familyTotal: [famTotalRow, 2],
      classes,
      classTotal: { clients: [clsTotalRow, 1], need: [clsTotalRow, 3], planned: [clsTotalRow, 4] },
      reps,
      stimulationBudget,
      turbo,
      reserve: reserveCell,
      reserves: [
        { total: [reserveRow, 8], line: reserveLine },
        { total: [reserveRow + 1, 8], line: poolLine },
      ],
      clientsTotal: { stimulation: [clientsTotalRow, 6], conquete: [clientsTotalRow, 7] },
      planningLabels: [...planningSources.map((p) => p.label), t("total")],
      clientRows: { top: clientsTop, bottom: clientsTop + m - 1 },
      targetCol: 3,
      planningRows,
      planningValues,
      planningTotalRow,
      yearCol,
      monthCol,
      check,
      model,
    },
  };
}
