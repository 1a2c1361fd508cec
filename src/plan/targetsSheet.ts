import { classifyAbc, ELASTICITY_READING_LABEL, QUADRANT_LABEL, type AbcClass, type AbcOptions, type ContactQuadrant } from "../engine";
import type { PrTarget } from "../engine/penetration";
import { label, type Lang } from "../i18n";
import { planText, type PlanKey } from "../i18n/plan";
import { cellAddress, columnLetter, formula, range, sheetRange, textLiteral } from "./cells";
import { SheetDraft } from "./grid";
import {
  abcClassFormula,
  ABC_POSITIVE,
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
import { PR_TARGETS, segmentLabelKey, targetLabelKey } from "./labels";
import type { ScoredClient, ScoredPortfolio } from "./score";
import { ABC_COLOURS, FORMATS, PROSPECT_COLOUR, QUADRANT_COLOURS, STYLES, TARGET_COLOURS } from "./styles";
import { shortWhy } from "./summary";
import type { CellStyle, PlanValue, SheetPlan } from "./types";

interface Column {
  readonly header: PlanKey;
  readonly width: number;
  readonly style?: CellStyle;
  readonly value: (c: ScoredClient, lang: Lang) => PlanValue;
}

const QUADRANTS: readonly ContactQuadrant[] = ["cash_cow", "skeleton", "golden_goose", "contact_eater"];
const CLASSES: readonly AbcClass[] = ["A", "B", "C"];

/** The Cibles columns, in order. Numbers stay numbers (formatted by the sheet); labels are in `lang`. */
export const TARGET_COLUMNS: readonly Column[] = [
  { header: "col.id", width: 12, value: (c) => c.id },
  { header: "col.name", width: 26, value: (c) => c.name ?? null },
  { header: "col.status", width: 10, value: (c, lang) => planText(c.isProspect ? "status.prospect" : "status.client", lang) },
  { header: "col.ca", width: 13, style: { numberFormat: FORMATS.euro }, value: (c) => c.ca ?? null },
  { header: "col.rank", width: 7, style: { horizontal: "center" }, value: (c) => c.abc?.rank ?? null },
  // Filled by `buildTargetsSheet` (the sum of the amounts strictly greater: the base of the classes and R).
  { header: "col.ca_ahead", width: 13, style: { numberFormat: FORMATS.euro }, value: () => null },
  { header: "col.share", width: 9, style: { numberFormat: FORMATS.percent }, value: (c) => c.abc?.share ?? null },
  { header: "col.cumulative", width: 10, style: { numberFormat: FORMATS.percent }, value: (c) => c.abc?.cumulativeShare ?? null },
  { header: "col.abc", width: 7, style: { horizontal: "center", bold: true }, value: (c) => c.abc?.cls ?? null },
  { header: "col.r", width: 5, style: { horizontal: "center" }, value: (c) => c.r?.rank ?? null },
  { header: "col.potential", width: 13, style: { numberFormat: FORMATS.euro }, value: (c) => c.potential ?? null },
  { header: "col.p", width: 5, style: { horizontal: "center" }, value: (c) => c.p?.rank ?? null },
  { header: "col.pr_code", width: 8, style: { horizontal: "center" }, value: (c) => c.pr?.code ?? null },
  { header: "col.pr_gap", width: 8, style: { numberFormat: FORMATS.signed, horizontal: "center" }, value: (c) => c.pr?.gap ?? null },
  { header: "col.pr_target", width: 12, value: (c, lang) => (c.pr ? label(targetLabelKey(c.pr.target), lang) : null) },
  { header: "col.rate", width: 11, style: { numberFormat: FORMATS.percent }, value: (c) => c.pr?.rate ?? null },
  { header: "col.rfm_code", width: 7, style: { horizontal: "center" }, value: (c) => c.rfm?.code ?? null },
  { header: "col.rfm_sum", width: 8, style: { horizontal: "center" }, value: (c) => c.rfm?.sum ?? null },
  {
    header: "col.rfm_segment",
    width: 22,
    value: (c, lang) => (c.rfm?.segment ? label(segmentLabelKey(c.rfm.segment), lang) : null),
  },
  { header: "col.quadrant", width: 20, value: (c, lang) => (c.contacts ? label(QUADRANT_LABEL[c.contacts.quadrant], lang) : null) },
  { header: "col.maturity", width: 9, style: { horizontal: "center" }, value: (c) => c.maturity?.phase ?? null },
  { header: "col.elasticity", width: 9, style: { numberFormat: FORMATS.decimal2 }, value: (c) => c.elasticity?.value ?? null },
  {
    header: "col.elasticity_reading",
    width: 15,
    value: (c, lang) => (c.elasticity ? label(ELASTICITY_READING_LABEL[c.elasticity.reading], lang) : null),
  },
  { header: "col.planned", width: 10, style: { horizontal: "center", bold: true }, value: (c) => c.allocation?.total ?? null },
  // Wrapped, so the printed page (fit to one page wide) keeps the whole pourquoi.
  { header: "col.why", width: 80, style: { fontSize: 8, wrap: true }, value: (c, lang) => shortWhy(c, lang) },
];

function columnIndex(header: PlanKey): number {
  return TARGET_COLUMNS.findIndex((c) => c.header === header);
}

/** The column of the classes at the time of the per-client plan: right of the parameter block. */
const PLAN_CLASS_COL = (width: number): number => width + 4;

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

export interface TargetsSheetOptions {
  /** The ABC options the portfolio was scored with (default: by amount, 80 % / 95 %). */
  readonly abc?: AbcOptions;
  /** Override of `LIVE_CLIENTS_MAX` (tests and the bench). */
  readonly liveMax?: number;
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
 * Replaces the values of the live columns by their formulas (SPEC §14), each with the engine's value cached.
 * `rows[i]` is client i's line (row i + 2 of the sheet); `params` the cells of threshold A, B and the total.
 */
function liveColumns(
  portfolio: ScoredPortfolio,
  lang: Lang,
  rows: PlanValue[][],
  params: { readonly a: string; readonly b: string; readonly total: string; readonly totalR: string; readonly totalP: string },
): void {
  const n = rows.length;
  const col = (h: PlanKey): string => columnLetter(columnIndex(h));
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
  const labels = {
    develop: label(targetLabelKey("develop"), lang),
    maintain: label(targetLabelKey("maintain"), lang),
    secure: label(targetLabelKey("secure"), lang),
  };
  portfolio.clients.forEach((c, i) => {
    const line = rows[i];
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
      line[at("col.pr_target")] = formula(prTargetFormula(gap, labels), label(targetLabelKey(c.pr.target), lang));
      if (c.pr.rate !== null) line[at("col.rate")] = formula(`IF(${pot}>0,${ca}/${pot},"")`, c.pr.rate);
    }
  });
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
  const rows = portfolio.clients.map((client) => TARGET_COLUMNS.map((col) => col.value(client, lang)));
  const aheadOf = sumsGreater(portfolio.clients.filter((c) => c.abc).map((c) => c.ca as number));
  portfolio.clients.forEach((c, i) => {
    if (c.abc) rows[i][columnIndex("col.ca_ahead")] = aheadOf(c.ca as number);
  });
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
    liveColumns(portfolio, lang, rows, { a, b, total: cellAddress(3, pl + 1), totalR: cellAddress(4, pl + 1), totalP: cellAddress(5, pl + 1) });
  } else if (state.why !== "none") {
    sheet.set(1, pl, state.why === "size" ? planText("targets.values_size", lang, { max: options.liveMax ?? LIVE_CLIENTS_MAX }) : planText("targets.values_mode", lang));
  }
  sheet.block(1, 0, rows);
  // The class each client had when the contacts were split per client (values), in a collapsed group: the
  // Contacts check compares it with the live class (SPEC §14).
  if (n > 0 && portfolio.methods.abc) {
    sheet.block(0, PLAN_CLASS_COL(width), [[planText("targets.plan_class", lang)], ...portfolio.clients.map((c) => [c.abc?.cls ?? null])]);
    sheet.style(range(0, PLAN_CLASS_COL(width), 1, 1), STYLES.header);
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
    columnWidths: [...TARGET_COLUMNS.map((c) => c.width), 3, 30, 12, 3, 12],
    ...(n > 0 && portfolio.methods.abc ? { columnGroups: [{ col: PLAN_CLASS_COL(width), cols: 1, hidden: true }] } : {}),
    freeze: { rows: 1, cols: 2 },
    tabColor: "#2E75B6",
    // A4 landscape, one page wide, the header repeated on every page.
    print: { orientation: "landscape", paper: "A4", fitToPagesWide: 1, area: range(0, 0, n + 1, width), titleRows: [0, 0] },
  });
}
