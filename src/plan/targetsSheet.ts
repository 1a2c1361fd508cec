import {
  ABC_CLASSES,
  classifyAbc,
  CONTACT_QUADRANTS,
  ELASTICITY_READINGS,
  MATURITY_PHASES,
  PR_CODES,
  prCellIndex,
  QUADRANT_LABEL,
  UNCLASSED,
  RFM_DEFAULT_CLASSES,
  RFM_SEGMENTS,
  rfmScores,
  type AbcClass,
  type AbcOptions,
  type ContactQuadrant,
  type RfmSegment,
} from "../engine";
import { OBJECTIVE_RULES, OBJECTIVE_RULE_LABEL } from "../engine/objectives";
import type { PrTarget } from "../engine/penetration";
import { label, type Lang } from "../i18n";
import { planText, type PlanKey } from "../i18n/plan";
import { ROW, cellAddress, columnLetter, formula, range, rowFormulas, sheetRange, textLiteral } from "./cells";
import { SheetDraft } from "./grid";
import {
  abcClassFormula,
  ABC_POSITIVE,
  objectiveFormula,
  type ObjectiveRuleName,
  cumulativeShareFormula,
  positiveTotal,
  prCodeFormula,
  prTargetFormula,
  quarterRankFormula,
  rankFormula,
  shareFormula,
  sumGreater,
  sumsGreater,
  tiesToHere,
  type Criterion,
  type RankedSet,
} from "./liveFormulas";
import { PR_TARGETS, targetLabelKey } from "./labels";
import type { PlanObjectives } from "./objectives";
import { pacObjectiveCell } from "./pacLayout";
import { abcClassOf, rowIn, type ResultColumns, type ScoredClient, type ScoredPortfolio } from "./score";
import { ABC_COLOURS, FORMATS, PROSPECT_COLOUR, QUADRANT_COLOURS, STYLES, TARGET_COLOURS } from "./styles";
import { resultLabels, shortWhy, type ResultLabels } from "./summary";
import type { CellStyle, PlanValue, RowSource, SheetPlan } from "./types";

interface Column {
  readonly header: PlanKey;
  readonly width: number;
  readonly style?: CellStyle;
}

const QUADRANTS: readonly ContactQuadrant[] = ["cash_cow", "skeleton", "golden_goose", "contact_eater"];
const CLASSES: readonly AbcClass[] = ["A", "B", "C"];

/** The Cibles columns, in order (each client's line is made by `targetLine`). */
export const TARGET_COLUMNS: readonly Column[] = [
  { header: "col.id", width: 12 },
  { header: "col.name", width: 26 },
  { header: "col.status", width: 10 },
  { header: "col.ca", width: 13, style: { numberFormat: FORMATS.euro } },
  { header: "col.rank", width: 7, style: { horizontal: "center" } },
  // The sum of the amounts strictly greater: the base of the classes and R.
  { header: "col.ca_ahead", width: 13, style: { numberFormat: FORMATS.euro } },
  { header: "col.share", width: 9, style: { numberFormat: FORMATS.percent } },
  { header: "col.cumulative", width: 10, style: { numberFormat: FORMATS.percent } },
  { header: "col.abc", width: 7, style: { horizontal: "center", bold: true } },
  { header: "col.r", width: 5, style: { horizontal: "center" } },
  { header: "col.potential", width: 13, style: { numberFormat: FORMATS.euro } },
  { header: "col.p", width: 5, style: { horizontal: "center" } },
  { header: "col.pr_code", width: 8, style: { horizontal: "center" } },
  { header: "col.pr_gap", width: 8, style: { numberFormat: FORMATS.signed, horizontal: "center" } },
  { header: "col.pr_target", width: 12 },
  { header: "col.rate", width: 11, style: { numberFormat: FORMATS.percent } },
  // The raw RFM inputs, for the clients RFM scored (the score formulas count over these columns).
  { header: "col.recency", width: 9, style: { horizontal: "center" } },
  { header: "col.frequency", width: 9, style: { horizontal: "center" } },
  { header: "col.monetary", width: 12, style: { numberFormat: FORMATS.euro } },
  { header: "col.rfm_r", width: 5, style: { horizontal: "center" } },
  { header: "col.rfm_f", width: 5, style: { horizontal: "center" } },
  { header: "col.rfm_m", width: 5, style: { horizontal: "center" } },
  { header: "col.rfm_code", width: 7, style: { horizontal: "center" } },
  { header: "col.rfm_sum", width: 8, style: { horizontal: "center" } },
  { header: "col.rfm_segment", width: 22 },
  // The contacts of the period of the clients in the contact matrix (the quadrant formula reads them).
  { header: "col.contacts_n", width: 9, style: { horizontal: "center" } },
  { header: "col.quadrant", width: 20 },
  { header: "col.maturity", width: 9, style: { horizontal: "center" } },
  { header: "col.elasticity", width: 9, style: { numberFormat: FORMATS.decimal2 } },
  { header: "col.elasticity_reading", width: 15 },
  { header: "col.planned", width: 10, style: { horizontal: "center", bold: true } },
  // From the plan's objectives (SPEC §10), filled by `objectiveColumns`.
  { header: "col.objective", width: 13, style: { numberFormat: FORMATS.euro, bold: true } },
  { header: "col.objective_rule", width: 24 },
  // Wrapped, so the printed page (fit to one page wide) keeps the whole pourquoi.
  { header: "col.why", width: 80, style: { fontSize: 8, wrap: true } },
];

/** The labels the lines show, in `lang`, looked up once per sheet. */
interface LineLabels extends ResultLabels {
  readonly client: string;
  readonly prospect: string;
}

function lineLabels(lang: Lang): LineLabels {
  return { ...resultLabels(lang), client: planText("status.client", lang), prospect: planText("status.prospect", lang) };
}

/**
 * Client c's line of the table, as values in the order of `TARGET_COLUMNS`, read from the methods' columns
 * (`results`: no result object is made per client); `ahead` is the sum of the amounts strictly greater than its
 * CA (for a classed client). Numbers stay numbers (formatted by the sheet); the objective columns are left blank
 * for `objectiveColumns`.
 */
function targetLine(c: ScoredClient, results: ResultColumns, ahead: number | null, labels: LineLabels, lang: Lang): PlanValue[] {
  const { abc, r, p, pr, rfm, contacts, maturity, elasticity, allocation } = results;
  const i = c.index;
  const source = c.source;
  const ka = rowIn(abc, i);
  const A = ka >= 0 ? abc?.columns : undefined;
  const kr = rowIn(r, i);
  const kp = rowIn(p, i);
  const kpr = rowIn(pr, i);
  const PR = kpr >= 0 ? pr?.columns : undefined;
  const prRate = PR ? PR.rate[kpr] : NaN;
  const ks = rowIn(rfm, i);
  const S = ks >= 0 ? rfm?.columns : undefined;
  const segment = S?.segment ? RFM_SEGMENTS[S.segment[ks]] : undefined;
  const kq = rowIn(contacts, i);
  const km = rowIn(maturity, i);
  const phase = km >= 0 && maturity ? maturity.columns.phase[km] : UNCLASSED;
  const ke = rowIn(elasticity, i);
  const E = ke >= 0 ? elasticity?.columns : undefined;
  const kl = rowIn(allocation, i);
  return [
    c.id,
    c.name ?? null,
    c.isProspect ? labels.prospect : labels.client,
    c.ca ?? null,
    A ? A.rank[ka] : null,
    A ? ahead : null,
    A ? A.share[ka] : null,
    A ? A.cumulativeShare[ka] : null,
    A ? ABC_CLASSES[A.cls[ka]] : null,
    kr >= 0 && r ? r.columns.rank[kr] : null,
    c.potential ?? null,
    kp >= 0 && p ? p.columns.rank[kp] : null,
    PR ? PR_CODES[prCellIndex(PR.p[kpr], PR.r[kpr])] : null,
    PR ? PR.gap[kpr] : null,
    PR ? labels.targets[PR_TARGETS[PR.target[kpr]]] : null,
    PR && !Number.isNaN(prRate) ? prRate : null,
    S ? (source.recencyDays ?? null) : null,
    S ? (source.frequency ?? null) : null,
    S ? (source.monetary ?? null) : null,
    S ? S.r[ks] : null,
    S ? S.f[ks] : null,
    S ? S.m[ks] : null,
    S ? S.codes[S.cell[ks]] : null,
    S ? S.sum[ks] : null,
    segment ? labels.segments[segment] : null,
    kq >= 0 ? (source.contacts ?? null) : null,
    kq >= 0 && contacts ? labels.quadrants[CONTACT_QUADRANTS[contacts.columns.quadrant[kq]]] : null,
    phase === UNCLASSED ? null : MATURITY_PHASES[phase],
    E ? E.value[ke] : null,
    E ? labels.readings[ELASTICITY_READINGS[E.reading[ke]]] : null,
    kl >= 0 && allocation ? allocation.columns[kl].total : null,
    null,
    null,
    shortWhy(results, i, c.isProspect, lang),
  ];
}

const COLUMN_INDEX = new Map(TARGET_COLUMNS.map((c, k) => [c.header, k]));
const ID_COL = 0;
const NAME_COL = 1;

function columnIndex(header: PlanKey): number {
  return COLUMN_INDEX.get(header) ?? -1;
}

/** The column of the classes at the time of the per-client plan: right of the parameter block. */
const PLAN_CLASS_COL = (width: number): number => width + 4;

/**
 * The helper columns right of it (collapsed with it): each classed client's positive CA when it is a D client,
 * a class C client, or any client: the medians the value of a converted prospect reads (SPEC §10).
 */
const REFERENCE_COLS = { D: 1, C: 2, all: 3 } as const;
export type ReferenceSet = keyof typeof REFERENCE_COLS;

/** `'Cibles'!$AJ$2:$AJ$13`: the positive CAs of the D clients (or C class, or all), blank elsewhere. */
export function targetsReference(n: number, lang: Lang, set: ReferenceSet): string {
  return sheetRange(planText("sheet.targets", lang), range(1, PLAN_CLASS_COL(TARGET_COLUMNS.length) + REFERENCE_COLS[set], n, 1));
}

/** `'Cibles'!$AC$2:$AC$13`: the classes the per-client contacts were split for (values). */
export function targetsPlanClasses(n: number, lang: Lang): string {
  return sheetRange(planText("sheet.targets", lang), range(1, PLAN_CLASS_COL(TARGET_COLUMNS.length), n, 1));
}

/**
 * `'Cibles'!$H$2:$H$13`: one column of the Cibles table (its `n` client rows), for the COUNTIF/SUMIF of the
 * Contacts and PAC sheets, so their counts follow the live classes.
 */
export function targetsColumn(n: number, lang: Lang, header: PlanKey): string {
  return sheetRange(planText("sheet.targets", lang), range(1, columnIndex(header), n, 1));
}

/**
 * Above this many clients the Cibles classes are written as values: every class formula sums over the whole
 * column, so a full recalculation grows with the square of the clients. Measured with bench/recalc.bench.ts
 * (LibreOffice 7.4, 2 shared cores, load average 4 to 7): about 0.4 s at 1 000 clients, 6 s at 5 000 and 210 s
 * at 20 000. 5 000 is the floor the issue sets and the largest size that stays within a few seconds.
 */
export const LIVE_CLIENTS_MAX = 5000;

/**
 * Above this many clients the RFM scores are values (the classes may still be formulas): each score is a COUNTIF
 * over its whole column, three per client, which about doubles the recalculation of the classes alone. Measured
 * with bench/recalc.bench.ts on 2 shared cores: at load average 10, everything live, 2.1 s at 1 000 clients and
 * 28 s at 5 000; at load 3, 0.7 s at 2 000 (RFM live) and 7.3 s at 5 000 (RFM as values, classes, quadrants and
 * objectives live). 2 000 keeps the RFM scores within a few seconds.
 */
export const RFM_LIVE_MAX = 2000;

export interface TargetsSheetOptions {
  /** The ABC options the portfolio was scored with (default: by amount, 80 % / 95 %). */
  readonly abc?: AbcOptions;
  /** Override of `LIVE_CLIENTS_MAX` (tests and the bench). */
  readonly liveMax?: number;
  /** Override of `RFM_LIVE_MAX` (tests and the bench). */
  readonly rfmLiveMax?: number;
  /** The effort objectives (SPEC §10): the objective column, as formulas over the PAC's rate cells. */
  readonly objectives?: PlanObjectives;
}

/** Why the classes are values, or undefined when they are live formulas. */
export type LiveState = { readonly live: true; readonly thresholds: readonly [number, number] } | { readonly live: false; readonly why: "size" | "mode" | "none" };

/**
 * Whether the Cibles classes can be formulas: ABC by amount, at most `max` clients, and the thresholds known
 * (the engine's classes, recomputed with them, are the portfolio's: the formula's cached value is the engine's).
 */
export function liveState(portfolio: ScoredPortfolio, options: TargetsSheetOptions = {}): LiveState {
  const ranked = portfolio.clients.filter((c) => c.abc !== undefined);
  if (ranked.length === 0) return { live: false, why: "none" };
  if (portfolio.clients.length > (options.liveMax ?? LIVE_CLIENTS_MAX)) return { live: false, why: "size" };
  if ((options.abc?.mode ?? "amount") !== "amount") return { live: false, why: "mode" };
  const thresholds = options.abc?.thresholds ?? ([0.8, 0.95] as const);
  const again = classifyAbc(
    ranked.map((c) => c.ca as number),
    { thresholds },
  );
  if (again.some((r, k) => r.cls !== ranked[k].abc?.cls)) return { live: false, why: "mode" };
  return { live: true, thresholds };
}

/**
 * What puts a column's cells into client i's line (row i + 2 of the sheet) as the line is made: the rows of
 * Cibles are made when written (see `RowSource`), so every column is computed for one client at a time.
 */
type Filler = (i: number, line: PlanValue[]) => void;

/**
 * Replaces the values of the live columns by their formulas (SPEC §14), each with the engine's value cached;
 * `params` the cells of threshold A, B and the total.
 */
function liveColumns(
  portfolio: ScoredPortfolio,
  lang: Lang,
  params: { readonly a: string; readonly b: string; readonly total: string; readonly totalR: string; readonly totalP: string },
): Filler {
  const n = portfolio.clients.length;
  const all = (h: PlanKey): string => `$${col(h)}$2:$${col(h)}$${n + 1}`;
  const toHere = (h: PlanKey, row: number): string => `$${col(h)}$2:${col(h)}${row}`;
  const client = textLiteral(planText("status.client", lang));
  const isClient: Criterion = { range: all("col.status"), criterion: client };
  // The status criterion only where a prospect row holds that amount (it doubles what every cell scans).
  const filterCa = portfolio.clients.some((c) => c.isProspect && c.ca !== undefined);
  const filterPotential = portfolio.clients.some((c) => c.isProspect && c.potential !== undefined);
  const isClientToHere = (row: number): Criterion[] => (filterCa ? [{ range: toHere("col.status", row), criterion: client }] : []);
  const abcSet: RankedSet = { amounts: all("col.ca"), filters: filterCa ? [isClient] : [] };
  const pSet: RankedSet = { amounts: all("col.potential"), filters: filterPotential ? [isClient] : [] };
  // P-R ranks the clients that have both amounts (the engine's penetration): the same sets as R and P when
  // every client with a CA has a potential and the reverse, and then the code reads the R and P cells.
  const both = (amounts: PlanKey, other: PlanKey): RankedSet => ({
    amounts: all(amounts),
    filters: [isClient, { range: all(other), criterion: `"<>"` }],
  });
  const customers = portfolio.clients.filter((c) => !c.isProspect);
  const sameSets = customers.every((c) => (c.ca === undefined) === (c.potential === undefined));
  const at = (h: PlanKey): number => columnIndex(h);
  const aheadOf = sumsGreater(portfolio.clients.filter((c) => c.abc).map((c) => c.ca as number));
  const labels = resultLabels(lang).targets;
  return (i, line) => {
    const c = portfolio.clients[i];
    const row = i + 2;
    const ca = `${col("col.ca")}${row}`;
    const pot = `${col("col.potential")}${row}`;
    // One SUMIFS per row for the amounts ahead, read by the cumulative share, the class and R: every such
    // formula scans the column, so a full recalculation grows with the square of the clients.
    const ahead = `${col("col.ca_ahead")}${row}`;
    if (c.abc) {
      const ties = tiesToHere(toHere("col.ca", row), ca, isClientToHere(row));
      line[at("col.ca_ahead")] = formula(sumGreater(abcSet, ca), aheadOf(c.ca as number));
      line[at("col.rank")] = formula(rankFormula(abcSet, ca, ties), c.abc.rank);
      line[at("col.share")] = formula(shareFormula(ca, params.total), c.abc.share);
      line[at("col.cumulative")] = formula(cumulativeShareFormula(ca, ahead, ties, params.total), c.abc.cumulativeShare);
      line[at("col.abc")] = formula(abcClassFormula(ca, ahead, params.total, params.a, params.b), c.abc.cls);
    }
    if (c.r) line[at("col.r")] = formula(quarterRankFormula(ca, c.abc ? ahead : sumGreater(abcSet, ca), params.totalR), c.r.rank);
    if (c.p) line[at("col.p")] = formula(quarterRankFormula(pot, sumGreater(pSet, pot), params.totalP), c.p.rank);
    if (c.pr) {
      const bothP = both("col.potential", "col.ca");
      const bothR = both("col.ca", "col.potential");
      const p = sameSets ? `${col("col.p")}${row}` : quarterRankFormula(pot, sumGreater(bothP, pot), positiveTotal(bothP));
      const r = sameSets ? `${col("col.r")}${row}` : quarterRankFormula(ca, sumGreater(bothR, ca), positiveTotal(bothR));
      const gap = `${col("col.pr_gap")}${row}`;
      line[at("col.pr_code")] = formula(prCodeFormula(p, r), c.pr.code);
      line[at("col.pr_gap")] = formula(`${r}-${p}`, c.pr.gap);
      line[at("col.pr_target")] = formula(prTargetFormula(gap, labels), labels[c.pr.target]);
      if (c.pr.rate !== null) line[at("col.rate")] = formula(`IF(${pot}>0,${ca}/${pot},"")`, c.pr.rate);
    }
  };
}

const col = (h: PlanKey): string => columnLetter(columnIndex(h));
/** What a helper cell holds for a client it does not count. */
const SKIPPED = "-";
const cellOf = (h: PlanKey, row: number | string): string => `${col(h)}${row}`;
const wholeColumn = (h: PlanKey, n: number): string => `$${col(h)}$2:$${col(h)}$${n + 1}`;

/**
 * The objective CA of each classed client and the rule that set it (SPEC §10): formulas over the row's CA, class,
 * P-R gap and potential and the PAC's g_dev and g_base cells, the engine's values cached. They cost one cell
 * each, so they are formulas whatever the size (the classes they read may be values).
 */
function objectiveColumns(lang: Lang, objectives: PlanObjectives, objectiveOf: Int32Array): Filler {
  const ruleLabels = Object.fromEntries(OBJECTIVE_RULES.map((r) => [r, label(OBJECTIVE_RULE_LABEL[r], lang)])) as Record<ObjectiveRuleName, string>;
  const developRate = pacObjectiveCell("developRate", lang);
  const baseRate = pacObjectiveCell("baseRate", lang);
  const cells = {
    ca: cellOf("col.ca", ROW),
    abc: cellOf("col.abc", ROW),
    gap: cellOf("col.pr_gap", ROW),
    potential: cellOf("col.potential", ROW),
    developRate,
    baseRate,
    phase: cellOf("col.maturity", ROW),
  };
  const amount = rowFormulas(objectiveFormula(cells));
  const rule = rowFormulas(objectiveFormula(cells, ruleLabels));
  const objectiveCol = columnIndex("col.objective");
  const ruleCol = columnIndex("col.objective_rule");
  return (i, out) => {
    const k = objectiveOf[i];
    if (k < 0) return;
    const line = objectives.clients[k];
    out[objectiveCol] = amount(i + 2, line.objective);
    out[ruleCol] = rule(i + 2, ruleLabels[line.rule]);
  };
}

/** For each client, its line in `objectives.clients`, or −1. */
function objectiveIndex(n: number, objectives: PlanObjectives | undefined): Int32Array {
  const at = new Int32Array(n).fill(-1);
  objectives?.clients.forEach((line, k) => {
    at[line.index] = k;
  });
  return at;
}

/**
 * The collapsed block right of the parameters, under its header row: the class each client had when the contacts
 * were split per client (values), then the helper columns of the prospect value (D clients, class C, all): the
 * row's positive CA, else "-" (a text, which MEDIAN and COUNT skip; an empty text would read back as no value
 * from some readers). Made when written, like the table's rows.
 */
function planClassRows(portfolio: ScoredPortfolio, lang: Lang, objectives: PlanObjectives | undefined, objectiveOf: Int32Array): RowSource {
  const header: PlanValue[] = [planText("targets.plan_class", lang), planText("targets.reference_d", lang), planText("targets.reference_c", lang), planText("targets.reference_all", lang)];
  const ca = cellOf("col.ca", ROW);
  const positiveCa = rowFormulas(`IF(${ca}>0,${ca},"${SKIPPED}")`);
  const classC = rowFormulas(`IF(AND(${cellOf("col.abc", ROW)}="C",${ca}>0),${ca},"${SKIPPED}")`);
  const results = portfolio.results;
  const maturity = results.maturity;
  return {
    length: portfolio.clients.length + 1,
    width: 4,
    row: (r) => {
      if (r === 0) return header;
      const i = r - 1;
      const cls = abcClassOf(results, i);
      const out: PlanValue[] = [cls, null, null, null];
      if (!objectives || objectiveOf[i] < 0) return out;
      const row = i + 2;
      const x = portfolio.clients[i].ca as number;
      const positive = x > 0 ? x : SKIPPED;
      const km = rowIn(maturity, i);
      if (maturity && km >= 0 && MATURITY_PHASES[maturity.columns.phase[km]] === "D") out[1] = positiveCa(row, positive);
      out[2] = classC(row, cls === "C" ? positive : SKIPPED);
      out[3] = positiveCa(row, positive);
      return out;
    },
  };
}

/**
 * The contact quadrant of each client of the matrix (SPEC §6) against the two split cells: contacts strictly above
 * the contacts split, CA strictly above the CA split. A split is `MEDIAN` over its column when that column holds
 * exactly the matrix's clients (the engine's median), else the engine's value (a user split, or clients with a CA
 * outside the matrix), editable either way.
 */
function liveQuadrants(portfolio: ScoredPortfolio, lang: Lang, fills: Filler[], sheet: SheetDraft, pl: number, top: number): number {
  const splits = portfolio.splits;
  if (!portfolio.methods.contacts || !splits) return top;
  const n = portfolio.clients.length;
  const names = resultLabels(lang).quadrants;
  const caOutside = portfolio.clients.some((c) => c.ca !== undefined && !c.contacts);
  const contactsSplit =
    splits.contactsSource === "median" ? formula(`MEDIAN(${wholeColumn("col.contacts_n", n)})`, splits.contacts) : splits.contacts;
  const caSplit = splits.amountsSource === "median" && !caOutside ? formula(`MEDIAN(${wholeColumn("col.ca", n)})`, splits.amounts) : splits.amounts;
  sheet.set(top, pl, planText("targets.matrix", lang));
  sheet.style(range(top, pl, 1, 2), STYLES.header);
  sheet.set(top + 1, pl, planText(splits.contactsSource === "median" ? "targets.split_contacts_median" : "targets.split_contacts", lang));
  sheet.set(top + 1, pl + 1, contactsSplit);
  sheet.set(top + 2, pl, planText(splits.amountsSource === "median" ? "targets.split_ca_median" : "targets.split_ca", lang));
  sheet.set(top + 2, pl + 1, caSplit);
  sheet.style(range(top + 2, pl + 1, 1, 1), { numberFormat: FORMATS.euro });
  sheet.edit(range(top + 1, pl + 1, 2, 1));
  sheet.defineName(planText("name.split_contacts", lang), top + 1, pl + 1);
  sheet.defineName(planText("name.split_ca", lang), top + 2, pl + 1);
  const sc = cellAddress(top + 1, pl + 1);
  const sa = cellAddress(top + 2, pl + 1);
  const t = (q: ContactQuadrant): string => textLiteral(names[q]);
  const quadrantCol = columnIndex("col.quadrant");
  fills.push((i, line) => {
    const contacts = portfolio.clients[i].contacts;
    if (!contacts) return;
    const row = i + 2;
    const ca = cellOf("col.ca", row);
    const f = `IF(${cellOf("col.contacts_n", row)}>${sc},IF(${ca}>${sa},${t("golden_goose")},${t("contact_eater")}),IF(${ca}>${sa},${t("cash_cow")},${t("skeleton")}))`;
    line[quadrantCol] = formula(f, names[contacts.quadrant]);
  });
  return top + 4;
}

type RfmCriterion = "recency" | "frequency" | "monetary";
const RFM_CRITERIA: readonly [RfmCriterion, PlanKey, PlanKey][] = [
  ["recency", "col.recency", "col.rfm_r"],
  ["frequency", "col.frequency", "col.rfm_f"],
  ["monetary", "col.monetary", "col.rfm_m"],
];

/**
 * The RFM scores (SPEC §1) of the scored clients as formulas over the raw columns: by rank,
 * `MIN(k, 1 + INT(p × k + 1E-9))` with `p` = COUNTIF of the values strictly below (recency: above) over n − 1;
 * by grid, `1 + COUNTIF(grid, "<=" & x)` (recency `k − …`) over the break points listed in the parameter block.
 * Then the code, the weighted sum and, with 5 classes for R and F, the segment from the label cells. Written only
 * when the engine, run again with the portfolio's options on the sheet's values, gives the same scores (the
 * cached values are the engine's).
 */
function liveRfm(portfolio: ScoredPortfolio, lang: Lang, fills: Filler[], sheet: SheetDraft, pl: number, top: number, max: number): number {
  if (!portfolio.methods.rfm) return top;
  const n = portfolio.clients.length;
  if (n > max) {
    sheet.set(top, pl, planText("targets.rfm_values_size", lang, { max }));
    return top + 2;
  }
  const scored = portfolio.clients.filter((c) => c.rfm !== undefined);
  const options = portfolio.rfm ?? {};
  const again = rfmScores(
    {
      recency: scored.map((c) => c.source.recencyDays as number),
      frequency: scored.map((c) => c.source.frequency as number),
      monetary: scored.map((c) => c.source.monetary as number),
    },
    options,
  );
  if (again.some((r, k) => r.code !== scored[k].rfm?.code || r.sum !== scored[k].rfm?.sum)) return top;
  const weights = options.weights ?? [1, 1, 1];
  sheet.set(top, pl, planText("targets.rfm", lang));
  sheet.style(range(top, pl, 1, 2), STYLES.header);
  let r = top + 1;
  sheet.set(r, pl, planText("targets.rfm_n", lang));
  sheet.set(r, pl + 1, formula(`COUNT(${wholeColumn("col.recency", n)})`, scored.length));
  const count = cellAddress(r, pl + 1);
  r++;
  const classes: Record<RfmCriterion, number> = { recency: 0, frequency: 0, monetary: 0 };
  const scoreFormula: Record<RfmCriterion, (x: string) => string> = { recency: () => "", frequency: () => "", monetary: () => "" };
  for (const [criterion, valueHeader] of RFM_CRITERIA) {
    const grid = options.grids?.[criterion];
    const name = planText(`targets.rfm_${criterion}` as PlanKey, lang);
    const values = wholeColumn(valueHeader, n);
    if (grid) {
      const k = grid.length + 1;
      classes[criterion] = k;
      grid.forEach((b, j) => {
        sheet.set(r + j, pl, planText("targets.rfm_grid", lang, { criterion: name, j: j + 1 }));
        sheet.set(r + j, pl + 1, b);
      });
      const points = `${cellAddress(r, pl + 1)}:${cellAddress(r + grid.length - 1, pl + 1)}`;
      sheet.edit(range(r, pl + 1, grid.length, 1));
      r += grid.length;
      scoreFormula[criterion] = (x) => (criterion === "recency" ? `${k}-COUNTIF(${points},"<="&${x})` : `1+COUNTIF(${points},"<="&${x})`);
    } else {
      const k = options.classes ?? RFM_DEFAULT_CLASSES;
      classes[criterion] = k;
      sheet.set(r, pl, planText("targets.rfm_classes", lang, { criterion: name }));
      sheet.set(r, pl + 1, k);
      const kCell = cellAddress(r, pl + 1);
      r++;
      const side = criterion === "recency" ? ">" : "<";
      scoreFormula[criterion] = (x) => `MIN(${kCell},1+INT(IF(${count}=1,1,COUNTIF(${values},"${side}"&${x})/(${count}-1))*${kCell}+1E-9))`;
    }
  }
  const segments = classes.recency === 5 && classes.frequency === 5;
  const segmentCell: Partial<Record<RfmSegment, string>> = {};
  const segmentNames = resultLabels(lang).segments;
  if (segments) {
    sheet.set(r, pl, planText("targets.rfm_segments", lang));
    sheet.style(range(r, pl, 1, 2), { italic: true });
    r++;
    for (const seg of RFM_SEGMENTS) {
      sheet.set(r, pl, segmentNames[seg]);
      segmentCell[seg] = cellAddress(r, pl);
      r++;
    }
  }
  const separated = Object.values(classes).some((k) => k === 10);
  fills.push((i, line) => {
    const rfm = portfolio.clients[i].rfm;
    if (!rfm) return;
    const row = i + 2;
    const [rCell, fCell, mCell] = RFM_CRITERIA.map(([, , h]) => cellOf(h, row));
    RFM_CRITERIA.forEach(([criterion, valueHeader, scoreHeader], k) => {
      line[columnIndex(scoreHeader)] = formula(scoreFormula[criterion](cellOf(valueHeader, row)), [rfm.r, rfm.f, rfm.m][k]);
    });
    line[columnIndex("col.rfm_code")] = formula(separated ? `${rCell}&"-"&${fCell}&"-"&${mCell}` : `${rCell}&${fCell}&${mCell}`, rfm.code);
    const term = (w: number, x: string): string => (w === 1 ? x : `${w}*${x}`);
    line[columnIndex("col.rfm_sum")] = formula(`${term(weights[0], rCell)}+${term(weights[1], fCell)}+${term(weights[2], mCell)}`, rfm.sum);
    if (segments && rfm.segment) {
      const g = (seg: RfmSegment): string => segmentCell[seg] as string;
      const f =
        `IF(${rCell}>=4,IF(${fCell}>=4,IF(${rCell}=5,${g("champions")},${g("loyal")}),IF(${fCell}>=2,${g("potential_loyalist")},IF(${rCell}=5,${g("new")},${g("promising")}))),` +
        `IF(${rCell}=3,IF(${fCell}>=4,${g("loyal")},IF(${fCell}=3,${g("need_attention")},${g("about_to_sleep")})),` +
        `IF(${fCell}=5,${g("cant_lose")},IF(${fCell}>=3,${g("at_risk")},${g("hibernating")}))))`;
      line[columnIndex("col.rfm_segment")] = formula(f, segmentNames[rfm.segment]);
    }
  });
  return r + 1;
}

/**
 * The "Cibles" sheet (en "Targets"): one row per client in input order, every result of the scoring, and a
 * short pourquoi; an Excel table with filters, the header frozen with the id and name, colours per ABC class,
 * P-R target and contact quadrant. Rank, shares, ABC class, R, P and the P-R code, gap and target are native
 * formulas over the CA and potential columns and the class parameters beside the table (SPEC §14), each with
 * the engine's value cached; above `LIVE_CLIENTS_MAX` clients, or for an ABC the formulas do not write (by
 * number of clients), they are values and the parameter block says why. Printed in landscape, one page wide,
 * header row repeated.
 */
export function buildTargetsSheet(portfolio: ScoredPortfolio, lang: Lang, options: TargetsSheetOptions = {}): SheetPlan {
  const sheet = new SheetDraft(planText("sheet.targets", lang));
  const n = portfolio.clients.length;
  const width = TARGET_COLUMNS.length;
  sheet.row(
    0,
    0,
    TARGET_COLUMNS.map((col) => planText(col.header, lang)),
  );
  const aheadOf = sumsGreater(portfolio.clients.filter((c) => c.abc).map((c) => c.ca as number));
  const labels = lineLabels(lang);
  // Each client's line is made when written: its values, then the formulas of the live columns over them.
  const fills: Filler[] = [];
  // The class parameters, right of the table: visible, named, editable (SPEC §14).
  const state = liveState(portfolio, options);
  const pl = width + 1;
  sheet.region(pl);
  sheet.set(0, pl, planText("targets.params", lang));
  sheet.style(range(0, pl, 1, 2), STYLES.header);
  if (state.live) {
    const a = cellAddress(1, pl + 1);
    const b = cellAddress(2, pl + 1);
    sheet.set(1, pl, planText("targets.threshold_a", lang));
    sheet.set(1, pl + 1, state.thresholds[0]);
    sheet.set(2, pl, planText("targets.threshold_b", lang));
    sheet.set(2, pl + 1, state.thresholds[1]);
    const all = (h: PlanKey): string => `$${columnLetter(columnIndex(h))}$2:$${columnLetter(columnIndex(h))}$${n + 1}`;
    const isClient = { range: all("col.status"), criterion: textLiteral(planText("status.client", lang)) };
    const caFilters = portfolio.clients.some((c) => c.isProspect && c.ca !== undefined) ? [isClient] : [];
    const potentialFilters = portfolio.clients.some((c) => c.isProspect && c.potential !== undefined) ? [isClient] : [];
    // The totals, each with the engine's value cached (summed from the largest down, like the engine).
    const sumDown = (xs: number[]): number => xs.sort((x, y) => y - x).reduce((acc, x) => acc + x, 0);
    const totals: readonly [PlanKey, string, number][] = [
      ["targets.total", positiveTotal({ amounts: all("col.ca"), filters: caFilters }, ABC_POSITIVE), sumDown(portfolio.clients.filter((c) => c.abc && (c.ca as number) >= ABC_POSITIVE).map((c) => c.ca as number))],
      ["targets.total_r", positiveTotal({ amounts: all("col.ca"), filters: caFilters }), sumDown(portfolio.clients.filter((c) => c.r && (c.ca as number) > 0).map((c) => c.ca as number))],
      ["targets.total_p", positiveTotal({ amounts: all("col.potential"), filters: potentialFilters }), sumDown(portfolio.clients.filter((c) => c.p && (c.potential as number) > 0).map((c) => c.potential as number))],
    ];
    totals.forEach(([key, f, value], k) => {
      sheet.set(3 + k, pl, planText(key, lang));
      sheet.set(3 + k, pl + 1, formula(f, value));
    });
    sheet.style(range(1, pl + 1, 2, 1), { numberFormat: FORMATS.percent });
    sheet.style(range(3, pl + 1, 3, 1), { numberFormat: FORMATS.euro });
    sheet.edit(range(1, pl + 1, 2, 1));
    sheet.defineName(planText("name.threshold_a", lang), 1, pl + 1);
    sheet.defineName(planText("name.threshold_b", lang), 2, pl + 1);
    sheet.set(6, pl, planText("targets.live", lang));
    fills.push(liveColumns(portfolio, lang, { a, b, total: cellAddress(3, pl + 1), totalR: cellAddress(4, pl + 1), totalP: cellAddress(5, pl + 1) }));
    const next = liveQuadrants(portfolio, lang, fills, sheet, pl, 8);
    liveRfm(portfolio, lang, fills, sheet, pl, next, options.rfmLiveMax ?? RFM_LIVE_MAX);
  } else if (state.why !== "none") {
    sheet.set(1, pl, state.why === "size" ? planText("targets.values_size", lang, { max: options.liveMax ?? LIVE_CLIENTS_MAX }) : planText("targets.values_mode", lang));
  }
  const objectives = options.objectives;
  const objectiveOf = objectiveIndex(n, objectives);
  if (objectives) fills.push(objectiveColumns(lang, objectives, objectiveOf));
  const clients = portfolio.clients;
  const results = portfolio.results;
  const rows: RowSource = {
    length: n,
    width,
    row: (i) => {
      const client = clients[i];
      const line = targetLine(client, results, rowIn(results.abc, i) >= 0 ? aheadOf(client.ca as number) : null, labels, lang);
      for (const fill of fills) fill(i, line);
      return line;
    },
    // The id and the name are the user's; every other text is the plan's.
    userTexts: { cols: [ID_COL, NAME_COL], cell: (i, j) => (j === ID_COL ? clients[i].id : (clients[i].name ?? null)) },
  };
  sheet.block(1, 0, rows);
  // The class each client had when the contacts were split per client (values), in a collapsed group: the
  // Contacts check compares it with the live class (SPEC §14). Beside it, the CAs the prospect value reads.
  const grouped = n > 0 && portfolio.methods.abc;
  if (grouped) {
    sheet.block(0, PLAN_CLASS_COL(width), planClassRows(portfolio, lang, objectives, objectiveOf));
    sheet.style(range(0, PLAN_CLASS_COL(width), 1, 4), STYLES.header);
    sheet.style(range(1, PLAN_CLASS_COL(width) + 1, n, 3), { numberFormat: FORMATS.euro });
  }
  sheet.style(range(0, 0, 1, width), STYLES.header);
  sheet.height(0, 30);
  if (n > 0) {
    TARGET_COLUMNS.forEach((col, k) => {
      if (col.style) sheet.style(range(1, k, n, 1), col.style);
    });
    sheet.table({ name: planText("table.targets", lang), range: range(0, 0, n + 1, width), style: "TableStyleLight9" });
    const abc = range(1, columnIndex("col.abc"), n, 1);
    for (const cls of CLASSES) sheet.colour({ range: abc, equals: cls, ...ABC_COLOURS[cls] });
    const target = range(1, columnIndex("col.pr_target"), n, 1);
    for (const t of PR_TARGETS) sheet.colour({ range: target, equals: label(targetLabelKey(t as PrTarget), lang), ...TARGET_COLOURS[t] });
    const quadrant = range(1, columnIndex("col.quadrant"), n, 1);
    for (const q of QUADRANTS) sheet.colour({ range: quadrant, equals: label(QUADRANT_LABEL[q], lang), ...QUADRANT_COLOURS[q] });
    sheet.colour({ range: range(1, columnIndex("col.status"), n, 1), equals: planText("status.prospect", lang), ...PROSPECT_COLOUR });
  }
  return sheet.toSheet({
    columnWidths: [...TARGET_COLUMNS.map((c) => c.width), 3, 30, 12, 3, 12, 12, 12, 12],
    ...(grouped ? { columnGroups: [{ col: PLAN_CLASS_COL(width), cols: 4, hidden: true }] } : {}),
    freeze: { rows: 1, cols: 2 },
    tabColor: "#2E75B6",
    // A4 landscape, one page wide, the header repeated on every page.
    print: { orientation: "landscape", paper: "A4", fitToPagesWide: 1, area: range(0, 0, n + 1, width), titleRows: [0, 0] },
  });
}
