import { ABC_CLASSES, CONTACT_QUADRANTS, PHASE_LABEL, PR_CODES, prCellIndex, QUADRANT_LABEL, RFM_SEGMENTS, SHAPE_LABEL, type AbcClass, type ContactQuadrant, type MaturityPhase } from "../engine";
import type { PrTarget } from "../engine/penetration";
import { explain, label, whyTemplate, type Lang, type LabelKey } from "../i18n";
import { planTemplate, planText, type PlanKey } from "../i18n/plan";
import { issueText, type ImportReport } from "../io/report";
import { cellAddress, formula, range, sheetCell, textLiteral } from "./cells";
import { MONTHS, clientLabel, scaledMessage, type Cell, type ContactsLayout } from "./contactsSheet";
import { templateFormula, templateValue } from "./templateFormula";
import { fidelityActions, fidelityDiagnosis, withValidations, type FidelityPac } from "./fidelitySection";
import { SheetDraft } from "./grid";
import { PR_TARGETS, segmentLabelKey, targetLabelKey } from "./labels";
import { LEAVING_SEGMENTS, rowIn, type ScoredPortfolio } from "./score";
import { ABC_COLOURS, COLOURS, FORMATS, QUADRANT_COLOURS, STYLES, TARGET_COLOURS } from "./styles";
import { targetsColumn, targetsReference } from "./targetsSheet";
import { planObjectives, growthLines, type PlanObjectives } from "./objectives";
import { objectiveRow, PAC_OBJECTIVES_TOP, type ObjectiveRow } from "./pacLayout";
import { hasProspectsSheet, prospectsStatusColumn } from "./prospectsSheet";
import { wholeText } from "./liveFormulas";
import type { CellStyle, FormulaCell, PlanValue, SheetPlan } from "./types";

/** Columns of the printed PAC: A labels, B amounts, C…N twelve narrow columns (months), O the last notes. */
const WIDTHS = [36, 14, ...Array.from({ length: MONTHS }, () => 8.5), 16];
const LAST = WIDTHS.length - 1;
/** Left part of the diagnosis (tables) and right part (charts). */
const TABLE_COLS = 5;
const CHART_COL = 6;
const CHART_COLS = LAST - CHART_COL + 1;
const CHART_ROWS = 18;
/** The chart data sits right of the print area. */
const DATA_COL = LAST + 2;
/** Above this many clients the Pareto chart shows groups of clients (≤ 100 bars). */
export const MAX_PARETO_POINTS = 200;

const CLASSES: readonly AbcClass[] = ["A", "B", "C"];
const QUADRANTS: readonly ContactQuadrant[] = ["cash_cow", "skeleton", "golden_goose", "contact_eater"];
const PHASES: readonly MaturityPhase[] = ["D", "C", "M", "V"];

type ActionKind = "stimulation" | "entretien" | "securisation" | "conquete" | "reconquete";

/**
 * The "PAC" sheet (Plan d'Actions Commerciales, SPEC §9): the seven sections in order — objectives, diagnosis
 * (tables and the Pareto and P-R charts), orientations, actions, contact strategy, planning, conditions of
 * success — on A4 landscape, one page wide, title rows repeated. Cells that depend on the capital or the norms
 * are formulas on the Contacts sheet's parameter cells; the blocks the rep fills in are yellow and say
 * "À compléter".
 */
export function buildPacSheet(
  portfolio: ScoredPortfolio,
  lang: Lang,
  contacts: ContactsLayout,
  report?: ImportReport,
  objectives?: PlanObjectives,
  fidelity?: FidelityPac,
): SheetPlan {
  const t = (key: PlanKey, params?: Record<string, string | number>): string => planText(key, lang, params);
  const s = new SheetDraft(t("sheet.pac"));
  const ref = (cell: Cell): string => sheetCell(contacts.sheet, cell[0], cell[1]);
  const model = contacts.model;
  const stats = portfolioStats(portfolio);
  // The diagnosis counts over the Cibles columns (SPEC §14): they follow a corrected CA or threshold.
  const cibles = (h: PlanKey): string => targetsColumn(portfolio.clients.length, lang, h);
  const countIf = (h: PlanKey, criterion: string, value: number): PlanValue => formula(`COUNTIF(${cibles(h)},${criterion})`, value);
  const caIf = (h: PlanKey, criterion: string, value: number): PlanValue => formula(`SUMIF(${cibles(h)},${criterion},${cibles("col.ca")})`, value);
  let r = 0;

  const full = (row: number): ReturnType<typeof range> => range(row, 0, 1, LAST + 1);
  const section = (key: PlanKey): void => {
    r++;
    s.set(r, 0, t(key));
    s.merge(full(r));
    s.style(full(r), STYLES.section);
    s.height(r, 22);
    r++;
  };
  const subheading = (key: PlanKey, cols = TABLE_COLS): void => {
    s.set(r, 0, t(key));
    s.merge(range(r, 0, 1, cols));
    s.style(range(r, 0, 1, cols), STYLES.subheading);
    r++;
  };
  const header = (values: readonly (string | null)[], col = 0, height?: number): void => {
    s.row(r, col, values);
    s.style(range(r, col, 1, values.length), STYLES.header);
    if (height) s.height(r, height);
    r++;
  };
  const breaks: number[] = [];
  /** The next free row starts a new printed page; the section that follows skips its blank row there. */
  const pageBreak = (): void => {
    breaks.push(r);
    r--;
  };
  const note = (text: PlanValue, cols = LAST + 1, height?: number): void => {
    s.set(r, 0, text);
    s.merge(range(r, 0, 1, cols));
    s.style(range(r, 0, 1, cols), { ...STYLES.note, wrap: true, vertical: "top" });
    if (height) s.height(r, height);
    r++;
  };
  /** An amount in columns C–D (merged): the narrow month columns are too small for a CA in euros. */
  const amount = (row: number): void => {
    s.merge(range(row, 2, 1, 2));
    s.style(range(row, 2, 1, 2), { numberFormat: FORMATS.euro });
  };
  const editable = (row: number, col: number, cols: number, value: PlanValue, style: CellStyle = {}): void => {
    s.set(row, col, value);
    const area = range(row, col, 1, cols);
    s.merge(area);
    s.style(area, { ...STYLES.editable, ...style });
    s.edit(area);
  };

  // Title.
  s.set(0, 0, t("pac.title"));
  s.merge(full(0));
  s.style(full(0), STYLES.title);
  s.height(0, 28);
  const subtitle = planText("pac.subtitle", lang, { clients: stats.customers, prospects: portfolio.prospects });
  s.set(1, 0, formula(templateFormula(subtitle, { capital: ref(contacts.capital) }, lang), templateValue(subtitle, { capital: model.capital }, lang)));
  s.merge(full(1));
  s.style(full(1), { ...STYLES.subtitle, horizontal: "left" });
  r = 2;
  s.set(r, 0, t("pac.editable_note"));
  s.merge(full(r));
  s.style(full(r), { ...STYLES.note, horizontal: "right" });
  r++;

  // 1. Objectives (SPEC §9–§10): the objective asked, what the clients bring, the conquest, the verdict, as formulas
  // over the rate cells here and the Cibles and Prospects columns, so the verdict follows a manager's edit.
  section("pac.s1");
  if (r !== PAC_OBJECTIVES_TOP) throw new Error(`PAC: section 1 starts on row ${r + 1}, the Cibles formulas expect row ${PAC_OBJECTIVES_TOP + 1}`);
  objectivesSection(s, portfolio, lang, objectives ?? planObjectives(portfolio), editable);
  r = objectiveRow("indicator") + 1;
  // Section 1 is the manager's page: the diagnosis (tables beside the Pareto) starts the next one.
  pageBreak();

  // 2. Diagnosis, on two pages: ABC and ranks beside the Pareto chart, then P-R, contacts and maturity beside
  // the P-R chart.
  section("pac.s2");
  const charts = chartData(s, portfolio, lang);
  const notComputed = (reason: PlanKey): void => note(t("pac.not_computed", { reason: t(reason) }), TABLE_COLS);
  let pageTop = r;
  subheading("pac.abc");
  if (portfolio.methods.abc) {
    // SPEC §2: shares of the total of positive amounts, the base of the classes; the net total is labelled.
    header([t("pac.col.class"), t("pac.col.ca_positive"), t("pac.col.ca_share"), t("pac.col.clients"), t("pac.col.clients_share")], 0, 30);
    const n = stats.classed;
    const top = r;
    const totalRow = top + CLASSES.length;
    const [caTotal, nTotal] = [cellAddress(totalRow, 1), cellAddress(totalRow, 3)];
    for (const cls of CLASSES) {
      const k = stats.classes[cls];
      const [ca, count] = [cellAddress(r, 1), cellAddress(r, 3)];
      s.row(r, 0, [
        t("class", { cls }),
        formula(`SUMIFS(${cibles("col.ca")},${cibles("col.abc")},${textLiteral(cls)},${cibles("col.ca")},">0")`, k.positiveCa),
        formula(`IF(${caTotal}>0,${ca}/${caTotal},0)`, share(k.positiveCa, stats.positiveCa)),
        countIf("col.abc", textLiteral(cls), k.clients),
        formula(`IF(${nTotal}>0,${count}/${nTotal},0)`, n > 0 ? k.clients / n : 0),
      ]);
      s.style(range(r, 0, 1, 1), { ...ABC_COLOURS[cls], bold: true });
      r++;
    }
    const sum = (col: number, value: number): PlanValue => formula(`SUM(${cellAddress(top, col)}:${cellAddress(top + 2, col)})`, value);
    s.row(r, 0, [t("total"), sum(1, stats.positiveCa), formula(`IF(${caTotal}>0,1,0)`, stats.positiveCa > 0 ? 1 : 0), sum(3, n), formula(`IF(${nTotal}>0,1,0)`, n > 0 ? 1 : 0)]);
    s.style(range(r, 0, 1, TABLE_COLS), STYLES.total);
    r++;
    if (stats.negatives > 0) {
      const net = CLASSES.map((cls) => `SUMIF(${cibles("col.abc")},${textLiteral(cls)},${cibles("col.ca")})`).join("+");
      s.row(r, 0, [t("pac.net_total"), formula(net, stats.classedCa)]);
      s.style(range(r, 0, 1, 2), { italic: true });
      r++;
    }
    s.style(range(top, 1, r - top, 1), { numberFormat: FORMATS.euro });
    s.style(range(top, 2, 4, 1), { numberFormat: FORMATS.percent, horizontal: "center" });
    s.style(range(top, 3, 4, 1), { horizontal: "center" });
    s.style(range(top, 4, 4, 1), { numberFormat: FORMATS.percent, horizontal: "center" });
    note(t("pac.share_note"), TABLE_COLS, 26);
  } else notComputed("reason.no_ca");
  r++;
  subheading("pac.ranks");
  header([t("pac.col.rank"), t("pac.col.r"), t("pac.col.p")]);
  for (const rank of [1, 2, 3, 4] as const) {
    const rCount = portfolio.methods.r ? stats.rRanks[rank - 1] : null;
    const pCount = portfolio.methods.p ? stats.pRanks[rank - 1] : null;
    s.row(r, 0, [
      t("pac.rank", { rank }),
      rCount === null ? null : countIf("col.r", String(rank), rCount),
      pCount === null ? null : countIf("col.p", String(rank), pCount),
    ]);
    s.style(range(r, 1, 1, 2), { horizontal: "center" });
    r++;
  }
  if (charts.pareto) {
    s.chart({
      kind: "pareto",
      title: t("pac.chart.pareto"),
      anchor: range(pageTop, CHART_COL, CHART_ROWS, CHART_COLS),
      categories: charts.pareto.categories,
      series: [
        { name: t("pac.chart.ca"), values: charts.pareto.values },
        { name: t("pac.chart.cumulative"), values: charts.pareto.cumulative },
        { name: t("pac.chart.threshold"), values: charts.pareto.threshold },
      ],
      axisTitles: { x: t("pac.chart.clients_axis"), y: t("pac.chart.ca"), y2: t("pac.chart.cumulative") },
    });
    r = Math.max(r, pageTop + CHART_ROWS);
  }
  pageBreak();
  section("pac.s2_more");
  pageTop = r;
  // Issue 16: the fidelity tables go right of the diagnosis, under the P-R grid when there is one.
  let rightTop = pageTop;

  if (portfolio.methods.pr) {
    // The P-R matrix is the 4 × 4 count grid (SPEC §9), drawn large where a chart would stand.
    const cols = CHART_COLS;
    let g = pageTop;
    s.set(g, CHART_COL, t("pac.prmatrix"));
    s.merge(range(g, CHART_COL, 1, cols));
    s.style(range(g, CHART_COL, 1, cols), STYLES.subheading);
    g++;
    s.set(g, CHART_COL, t("pac.prmatrix_corner"));
    for (const rank of [1, 2, 3, 4]) {
      s.set(g, CHART_COL + 2 * rank - 1, `R${rank}`);
      s.merge(range(g, CHART_COL + 2 * rank - 1, 1, 2));
    }
    s.style(range(g, CHART_COL, 1, cols), STYLES.header);
    g++;
    for (const p of [1, 2, 3, 4]) {
      s.set(g, CHART_COL, `P${p}`);
      s.style(range(g, CHART_COL, 1, 1), { ...STYLES.header, fontSize: 12 });
      for (const rank of [1, 2, 3, 4]) {
        const cell = range(g, CHART_COL + 2 * rank - 1, 1, 2);
        const k = prCellIndex(p, rank);
        s.set(g, cell.col, countIf("col.pr_code", textLiteral(PR_CODES[k]), stats.prMatrix[k]));
        s.merge(cell);
        const gap = rank - p;
        const colour = TARGET_COLOURS[gap >= 1 ? "develop" : gap <= -1 ? "secure" : "maintain"];
        s.style(cell, { fill: colour.fill, fontColor: colour.fontColor, fontSize: 14, bold: true, horizontal: "center", vertical: "middle", border: "thin" });
      }
      s.height(g, 24);
      g++;
    }
    s.set(g, CHART_COL, t("pac.prmatrix_legend"));
    s.merge(range(g, CHART_COL, 1, cols));
    s.style(range(g, CHART_COL, 1, cols), { ...STYLES.note, wrap: true, vertical: "top" });
    s.height(g, 36);
    rightTop = g + 2;
    subheading("pac.targets");
    header([t("pac.col.target"), t("pac.col.clients"), t("pac.col.ca"), null]);
    s.merge(range(r - 1, 2, 1, 2));
    for (const target of PR_TARGETS) {
      const group = stats.targets[target];
      const name = textLiteral(label(targetLabelKey(target), lang));
      s.row(r, 0, [label(targetLabelKey(target), lang), countIf("col.pr_target", name, group.clients), caIf("col.pr_target", name, group.ca)]);
      s.style(range(r, 0, 1, 1), { ...TARGET_COLOURS[target], bold: true });
      s.style(range(r, 1, 1, 1), { horizontal: "center" });
      amount(r);
      r++;
    }
  } else {
    subheading("pac.prmatrix");
    notComputed("reason.no_potential");
  }
  r++;

  subheading("pac.quadrants");
  if (portfolio.methods.contacts) {
    header([t("pac.col.quadrant"), t("pac.col.clients"), t("pac.col.ca"), null]);
    s.merge(range(r - 1, 2, 1, 2));
    for (const q of QUADRANTS) {
      const group = stats.quadrants[q];
      const name = textLiteral(label(QUADRANT_LABEL[q], lang));
      s.row(r, 0, [label(QUADRANT_LABEL[q], lang), countIf("col.quadrant", name, group.clients), caIf("col.quadrant", name, group.ca)]);
      s.style(range(r, 0, 1, 1), { ...QUADRANT_COLOURS[q], bold: true });
      s.style(range(r, 1, 1, 1), { horizontal: "center" });
      amount(r);
      r++;
    }
    if (portfolio.splits) note(explain(portfolio.splits.why, lang), TABLE_COLS, 26);
  } else notComputed("reason.no_contacts");
  r++;

  subheading("pac.maturity");
  if (portfolio.methods.maturity && portfolio.shape) {
    header([t("pac.col.phase"), t("pac.col.clients")]);
    const counts = portfolio.shape.counts;
    for (const phase of PHASES) {
      s.row(r, 0, [`${phase} — ${label(PHASE_LABEL[phase], lang)}`, counts[phase]]);
      s.style(range(r, 1, 1, 1), { horizontal: "center" });
      r++;
    }
    s.row(r, 0, [t("pac.unclassed"), counts.unclassed]);
    s.style(range(r, 1, 1, 1), { horizontal: "center" });
    r++;
    s.set(r, 0, label(SHAPE_LABEL[portfolio.shape.shape], lang));
    s.style(range(r, 0, 1, 1), { bold: true });
    r++;
    note(explain(portfolio.shape.why, lang), TABLE_COLS, 28);
  } else {
    // A journal that does not cover N-1: say which dates it covers and which are needed (SPEC §7).
    const coverage = report?.issues.find((i) => i.key === "PERIODS_NOT_COVERED");
    if (coverage) note(t("pac.not_computed_coverage", { reason: issueText(coverage, lang) }), LAST + 1, 42);
    else notComputed("reason.no_periods");
  }
  // Issue 16: engagement by product type and the ideal-client matrix (src/plan/fidelitySection.ts).
  r = Math.max(r, fidelityDiagnosis(s, fidelity, lang, { row: rightTop, col: CHART_COL, cols: CHART_COLS }));
  // When none of these methods ran, the page holds three "non calculé" lines: the orientations follow on it.
  if (portfolio.methods.pr || portfolio.methods.contacts || portfolio.methods.maturity) pageBreak();
  else r++;

  // 3. Orientations.
  section("pac.s3");
  header([t("pac.col.target"), t("pac.col.clients"), t("pac.col.ca"), null, null, t("pac.col.orientation"), ...new Array<null>(LAST - 5).fill(null)]);
  s.merge(range(r - 1, 2, 1, 2));
  s.merge(range(r - 1, 5, 1, LAST - 4));
  /** `live`: the Cibles column and the text its cells hold for this line, so clients and CA follow the classes. */
  const orientation = (name: string, colour: CellStyle, group: Group, text: string, withCa = true, live?: readonly [PlanKey, string]): void => {
    const clients = live ? countIf(live[0], textLiteral(live[1]), group.clients) : group.clients;
    const ca = withCa ? (live ? caIf(live[0], textLiteral(live[1]), group.ca) : group.ca) : null;
    s.row(r, 0, [name, clients, ca, null, null, text]);
    s.style(range(r, 0, 1, 1), { ...colour, bold: true });
    s.style(range(r, 1, 1, 1), { horizontal: "center" });
    s.merge(range(r, 2, 1, 2));
    s.style(range(r, 2, 1, 2), { numberFormat: FORMATS.euro });
    s.merge(range(r, 5, 1, LAST - 4));
    s.style(range(r, 0, 1, LAST + 1), { wrap: true, vertical: "middle" });
    s.height(r, 20);
    r++;
  };
  if (portfolio.methods.pr) {
    for (const target of PR_TARGETS) {
      const name = label(targetLabelKey(target), lang);
      orientation(name, TARGET_COLOURS[target], stats.targets[target], t(`orient.${target}` as PlanKey), true, ["col.pr_target", name]);
    }
  } else if (portfolio.methods.abc) {
    for (const cls of CLASSES) {
      const group = { clients: portfolio.classes[cls].clients, ca: portfolio.classes[cls].ca };
      orientation(t("class", { cls }), ABC_COLOURS[cls], group, t(`orient.abc.${cls}` as PlanKey), true, ["col.abc", cls]);
    }
  }
  orientation(t("pac.prospects"), {}, { clients: portfolio.prospects, ca: 0 }, t("orient.conquest"), false);
  if (portfolio.methods.contacts) {
    for (const q of QUADRANTS) {
      const name = label(QUADRANT_LABEL[q], lang);
      orientation(name, QUADRANT_COLOURS[q], stats.quadrants[q], t(`orient.quadrant.${q}` as PlanKey), true, ["col.quadrant", name]);
    }
  }

  // 4. Actions.
  section("pac.s4");
  const actionCols: readonly [PlanKey, number, number][] = [
    ["pac.col.action", 0, 1],
    ["pac.col.target", 1, 1],
    ["pac.col.objective", 2, 4],
    ["pac.col.means", 6, 4],
    ["pac.col.who", 10, 2],
    ["pac.col.deadline", 12, 2],
    ["pac.col.indicator", 14, 1],
  ];
  for (const [key, col, cols] of actionCols) {
    s.set(r, col, t(key));
    s.merge(range(r, col, 1, cols));
  }
  s.style(full(r), STYLES.header);
  r++;
  const means = (key: PlanKey, cell: Cell, value: number): PlanValue =>
    formula(templateFormula(planTemplate(key, lang), { x: ref(cell) }, lang), templateValue(planTemplate(key, lang), { x: value }, lang));
  // Conquête: what the retained prospects got (the turbo caps' leftover included), and the pool still to give.
  const toProspects = model.placed?.conquete ?? 0;
  const conquestPool = contacts.reserves[1].line.contacts;
  const conquestMeans: PlanValue =
    toProspects === 0
      ? t("action.conquete.means_none", { pool: conquestPool })
      : conquestPool > 0
        ? t("action.conquete.means_pool", { x: toProspects, pool: conquestPool })
        : means("action.conquete.means", contacts.clientsTotal.conquete, toProspects);
  const figures = actionFigures(portfolio, lang, objectives ?? planObjectives(portfolio));
  s.row(r - 1, FIGURES_COL, [t("pac.col.clients"), planText("col.objective", lang), t("pac.col.contacts")]);
  s.style(range(r - 1, FIGURES_COL, 1, 3), STYLES.header);
  for (const a of actionLines(portfolio, stats)) {
    const meansCell: PlanValue =
      a.kind === "stimulation" && (model.placed?.stimulation ?? 0) === 0
        ? t("action.stimulation.means_none", { reserve: portfolio.reserve, prospects: portfolio.stimulationToConquest })
        : a.kind === "stimulation"
        ? means("action.stimulation.means", contacts.turbo, model.placed?.stimulation ?? 0)
        : a.kind === "entretien"
          ? means("action.entretien.means", contacts.classTotal.planned, model.plannedTotal)
          : a.kind === "conquete"
            ? conquestMeans
            : t(`action.${a.kind}.means` as PlanKey);
    s.row(r, 0, [t(`action.${a.kind}` as PlanKey), t(`action.${a.kind}.target` as PlanKey)]);
    const live = a.n > 0 ? figures(a.kind, r) : undefined;
    s.set(r, 2, live?.text ?? actionObjective(a, lang));
    if (live && live.figures.length > 0) {
      s.row(r, FIGURES_COL, live.figures);
      s.style(range(r, FIGURES_COL + 1, 1, 1), { numberFormat: FORMATS.euro });
    }
    s.merge(range(r, 2, 1, 4));
    s.set(r, 6, meansCell);
    s.merge(range(r, 6, 1, 4));
    editable(r, 10, 2, t("pac.todo"));
    editable(r, 12, 2, t("pac.todo"));
    editable(r, 14, 1, t(`action.${a.kind}.indicator` as PlanKey));
    s.style(range(r, 0, 1, 1), { bold: true });
    s.style(full(r), { wrap: true, vertical: "middle", border: "thin" });
    s.height(r, 40);
    r++;
  }

  // Issue 16: the Rétention line, the clients leaving and the actions chosen from the catalogue (drop-down lists).
  const chosen = fidelityActions(s, r, portfolio, fidelity, lang, LAST);
  r = chosen.row;

  // 5. Contact strategy.
  pageBreak();
  section("pac.s5");
  // The cached text writes numbers as Excel's "&" does (no thousands separator).
  const capitalText = templateValue(
    planTemplate("pac.capital_formula", lang),
    { weeks: portfolio.capital.input.weeks, days: portfolio.capital.input.daysPerWeek, perDay: portfolio.capital.input.contactsPerDay },
    lang,
  );
  const capitalFormula = `IF(${ref(contacts.direct)}="",${templateFormula(
    planTemplate("pac.capital_formula", lang),
    { weeks: ref(contacts.weeks), days: ref(contacts.days), perDay: ref(contacts.perDay) },
    lang,
  )},${textLiteral(t("pac.capital_direct"))})`;
  s.row(r, 0, [t("pac.capital"), formula(ref(contacts.capital), model.capital)]);
  s.set(r, 2, formula(capitalFormula, portfolio.capital.direct === undefined ? capitalText : t("pac.capital_direct")));
  s.merge(range(r, 2, 1, LAST - 1));
  s.style(range(r, 0, 1, 2), { ...STYLES.total, fontSize: 12 });
  s.style(range(r, 1, 1, 1), { horizontal: "center" });
  s.style(range(r, 2, 1, 1), STYLES.note);
  r += 2;
  s.row(r, 0, [t("pac.col.family"), t("pac.col.contacts"), t("pac.col.share")]);
  s.style(range(r, 0, 1, 3), STYLES.header);
  s.row(r, 4, [t("pac.col.class"), t("pac.col.clients"), t("pac.col.norm"), t("pac.col.need"), t("pac.col.planned")]);
  s.style(range(r, 4, 1, 5), STYLES.header);
  r++;
  (["entretien", "stimulation", "conquete"] as const).forEach((f, k) => {
    const cells = contacts.families[f];
    const line = model.families[k];
    s.row(r + k, 0, [label(`family.${f}`, lang), formula(ref(cells.total), line.total), formula(ref(cells.share), line.share)]);
  });
  s.row(r + 3, 0, [t("total"), formula(ref(contacts.familyTotal), model.capital), null]);
  CLASSES.forEach((cls, k) => {
    const cells = contacts.classes[cls];
    const line = model.classes[cls];
    s.row(r + k, 4, [
      cls,
      formula(ref(cells.clients), line.clients),
      formula(ref(cells.norm), line.norm),
      formula(ref(cells.need), line.need),
      formula(ref(cells.planned), line.planned),
    ]);
    s.style(range(r + k, 4, 1, 1), { ...ABC_COLOURS[cls], bold: true, horizontal: "center" });
  });
  s.row(r + 3, 4, [
    t("total"),
    formula(ref(contacts.classTotal.clients), CLASSES.reduce((a, c) => a + model.classes[c].clients, 0)),
    null,
    formula(ref(contacts.classTotal.need), model.needTotal),
    formula(ref(contacts.classTotal.planned), model.plannedTotal),
  ]);
  s.style(range(r, 1, 4, 1), { horizontal: "center" });
  s.style(range(r, 2, 4, 1), { numberFormat: FORMATS.percent, horizontal: "center" });
  s.style(range(r, 5, 4, 4), { horizontal: "center" });
  s.style(range(r + 3, 0, 1, 3), STYLES.total);
  s.style(range(r + 3, 4, 1, 5), STYLES.total);
  r += 5;
  s.row(r, 0, [t("pac.reps"), formula(ref(contacts.reps), model.reps ?? "")]);
  s.style(range(r, 1, 1, 1), { horizontal: "center", bold: true });
  r++;
  s.row(r, 0, [t("pac.stim_budget"), formula(ref(contacts.stimulationBudget), model.stimulationBudget)]);
  s.style(range(r, 1, 1, 1), { horizontal: "center", bold: true });
  r++;
  // What the engine placed of the stimulation budget, and what nobody took (values of the Contacts sheet).
  s.row(r, 0, [t("contacts.turbo_placed", { n: stats.stimulated }), formula(ref(contacts.turbo), contacts.model.placed?.stimulation ?? 0)]);
  s.style(range(r, 1, 1, 1), { horizontal: "center", bold: true });
  r++;
  if (portfolio.stimulationToConquest > 0) {
    s.row(r, 0, [t("contacts.to_conquest"), portfolio.stimulationToConquest]);
    s.style(range(r, 1, 1, 1), { horizontal: "center", bold: true });
    r++;
  }
  s.row(r, 0, [t("pac.reserve"), formula(ref(contacts.reserve), portfolio.reserve)]);
  s.style(range(r, 1, 1, 1), { horizontal: "center", bold: true });
  if (portfolio.reserve > 0) {
    s.set(r, 2, t(stats.stimulated > 0 ? "pac.reserve_note" : "pac.reserve_note_none"));
    s.merge(range(r, 2, 1, LAST - 1));
    s.style(range(r, 2, 1, LAST - 1), STYLES.note);
  }
  r++;
  const pool = contacts.reserves[1];
  if (pool.line.contacts > 0) {
    s.row(r, 0, [pool.line.label, formula(ref(pool.total), pool.line.contacts)]);
    s.style(range(r, 1, 1, 1), { horizontal: "center", bold: true });
    r++;
  }
  // SPEC §8: say it as soon as the needs are scaled (need > entretien budget), in a formula that follows the norms.
  s.set(r, 0, scaledMessage(ref(contacts.classTotal.need), ref(contacts.families.entretien.total), model, lang));
  s.merge(range(r, 0, 1, LAST + 1));
  s.style(range(r, 0, 1, LAST + 1), { bold: true, fontColor: COLOURS.alertText, wrap: true, vertical: "top" });
  // Two lines when the sentence shows; a blank line otherwise (it still shows, on one line, after an edit).
  if (model.needsScaled) s.height(r, 28);
  r++;
  note(t("pac.contacts_note"));

  // 6. Planning.
  section("pac.s6");
  header([t("contacts.col.line"), t("contacts.col.year"), ...Array.from({ length: MONTHS }, (_, k) => t(`month.${k + 1}` as PlanKey))]);
  const planningLabels = contacts.planningLabels;
  [...contacts.planningRows, contacts.planningTotalRow].forEach((row, k) => {
    const values = contacts.planningValues[k];
    s.row(r, 0, [
      planningLabels[k],
      formula(ref([row, contacts.yearCol]), values[0]),
      ...Array.from({ length: MONTHS }, (_, j) => formula(ref([row, contacts.monthCol + j]), values[j + 1])),
    ]);
    s.style(range(r, 1, 1, MONTHS + 1), { horizontal: "center" });
    if (k === contacts.planningRows.length) s.style(range(r, 0, 1, MONTHS + 2), STYLES.total);
    r++;
  });
  // The same calendar by P-R target (the orientations' targets): SUMIF over the Contacts sheet's target column.
  const { top, bottom } = contacts.clientRows;
  if (portfolio.methods.pr && bottom >= top) {
    // The PAC rows of the class lines A, B, C (the first three Planning lines, above the others and the total).
    const classA = r - contacts.planningRows.length - 1;
    const targetRows: number[] = [];
    const column = (col: number, from: number, to: number): string => `${sheetCell(contacts.sheet, from, col)}:${cellAddress(to, col)}`;
    const line = (name: string, months: readonly number[], monthFormula: (j: number, col: number) => string): void => {
      s.row(r, 0, [
        name,
        formula(`SUM(${cellAddress(r, 2)}:${cellAddress(r, 1 + MONTHS)})`, months.reduce((a, b) => a + b, 0)),
        ...months.map((v, j) => formula(monthFormula(j, 2 + j), v)),
      ]);
      s.style(range(r, 1, 1, MONTHS + 1), { horizontal: "center" });
      s.style(range(r, 0, 1, 1), { italic: true });
      r++;
    };
    for (const target of PR_TARGETS) {
      targetRows.push(r);
      line(t("pac.planning_target", { target: label(targetLabelKey(target), lang) }), portfolio.planning.byTarget[target], (j) =>
        `SUMIF(${column(contacts.targetCol, top, bottom)},${textLiteral(label(targetLabelKey(target), lang))},${column(contacts.monthCol + j, top, bottom)})`,
      );
    }
    // Clients with a class but no P-R (no potential): the class lines less the three targets.
    if (portfolio.planning.byTarget.none.some((v) => v > 0)) {
      line(t("pac.planning_no_pr"), portfolio.planning.byTarget.none, (_, col) =>
        `SUM(${cellAddress(classA, col)}:${cellAddress(classA + 2, col)})-SUM(${cellAddress(targetRows[0], col)}:${cellAddress(targetRows[targetRows.length - 1], col)})`,
      );
    }
  }
  note(t("pac.planning_note"));

  // 7. Conditions of success.
  section("pac.s7");
  const conditions = range(r, 0, 4, LAST + 1);
  s.set(r, 0, t("pac.conditions_todo"));
  s.merge(conditions);
  s.style(conditions, { ...STYLES.editable, wrap: true, vertical: "top", horizontal: "left" });
  s.edit(conditions);
  r += conditions.rows;

  const sheet = s.toSheet({
    columnWidths: [...WIDTHS, 2, ...DATA_WIDTHS, 2, 9, 13, 9],
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToPagesWide: 1,
      area: range(0, 0, r, LAST + 1),
      titleRows: [0, 1],
      rowBreaks: breaks,
    },
    tabColor: "#C00000",
  });
  return withValidations(sheet, chosen.validations);
}

const DATA_WIDTHS = [24, 12, 12, 10, 8];
/** The Actions lines' figures (clients, objective CA, contacts), right of the chart data, outside the print area. */
const FIGURES_COL = DATA_COL + DATA_WIDTHS.length + 1;

interface Group {
  clients: number;
  ca: number;
}

/** `part / total`, 0 when the total is not positive. */
function share(part: number, total: number): number {
  return total > 0 ? part / total : 0;
}

/** One line of the Actions table: its kind and the number of clients (or prospects) it really targets. */
export interface ActionLine {
  readonly kind: ActionKind;
  readonly n: number;
}

/**
 * The lines of the Actions table. Each counts the clients it really targets: stimulation the clients given turbo
 * visits, entretien the clients of the "Entretenir" P-R target (every classed client without P-R), sécurisation
 * the "Sécuriser" target, conquête the prospects, reconquête the RFM segments at risk. Sécurisation and
 * reconquête appear only when their method ran.
 */
export function actionLines(portfolio: ScoredPortfolio, stats: PortfolioStats = portfolioStats(portfolio)): ActionLine[] {
  const lines: ActionLine[] = [
    { kind: "stimulation", n: stats.stimulated },
    { kind: "entretien", n: portfolio.methods.pr ? stats.targets.maintain.clients : stats.classed },
  ];
  if (portfolio.methods.pr) lines.push({ kind: "securisation", n: stats.targets.secure.clients });
  lines.push({ kind: "conquete", n: portfolio.prospects });
  if (portfolio.methods.rfm) lines.push({ kind: "reconquete", n: stats.atRisk });
  return lines;
}

/** The Cibles labels each action line targets (P-R targets, RFM segments), for its COUNTIF/SUMIF figures. */
const ACTION_GROUPS: Readonly<Partial<Record<ActionKind, { readonly column: PlanKey; readonly values: readonly LabelKey[] }>>> = {
  entretien: { column: "col.pr_target", values: ["pr.target.maintain"] },
  securisation: { column: "col.pr_target", values: ["pr.target.secure"] },
  reconquete: { column: "col.rfm_segment", values: [...LEAVING_SEGMENTS].map(segmentLabelKey) },
};

/**
 * The objective of an action line with its figures as a formula (SPEC §9.4, issue 14): how many clients, their
 * objective CA and their planned contacts, counted over the live Cibles columns (COUNTIF/SUMIF on the P-R target or
 * the RFM segment; every classed client for entretien without P-R), so they follow a corrected CA; conquête reads
 * the retained prospects and the conquest CA of section 1. Undefined for a line without live figures
 * (stimulation: its clients are those given turbo visits, a per-client value).
 */
function actionFigures(
  portfolio: ScoredPortfolio,
  lang: Lang,
  objectives: PlanObjectives,
): (kind: ActionKind, row: number) => { readonly text: FormulaCell; readonly figures: readonly PlanValue[] } | undefined {
  const n = portfolio.clients.length;
  const cibles = (h: PlanKey): string => targetsColumn(n, lang, h);
  const key = (kind: ActionKind): PlanKey => `action.${kind}.objective_live` as PlanKey;
  const part = (expr: string): { number: string; text: string } => ({ number: expr, text: wholeText(expr, lang) });
  const make = (kind: ActionKind, parts: Record<string, string>, values: Record<string, number>): FormulaCell => {
    const live = Object.fromEntries(Object.entries(parts).map(([name, expr]) => [name, part(expr)]));
    return formula(templateFormula(planTemplate(key(kind), lang), live, lang), planText(key(kind), lang, values));
  };
  return (kind, row) => {
    if (!portfolio.methods.abc) return undefined;
    if (kind === "conquete") {
      const g = objectives.growth;
      const text = make(
        kind,
        { n: cellAddress(objectiveRow("retained"), 1), total: String(portfolio.prospects), ca: cellAddress(objectiveRow("conquest"), 1) },
        { n: g.retainedProspects, total: portfolio.prospects, ca: Math.round(g.conquestCa) },
      );
      return { text, figures: [] };
    }
    const objectiveOf = (i: number): number => objectives.clientLine(i)?.objective ?? 0;
    const group = kind === "entretien" && !portfolio.methods.pr ? { column: "col.abc" as PlanKey, values: [] as LabelKey[] } : ACTION_GROUPS[kind];
    if (!group) return undefined;
    const names = group.values.map((k) => label(k, lang));
    const { pr, rfm, allocation } = portfolio.results;
    const segments = rfm?.columns.segment;
    if (kind === "reconquete" && !segments) return undefined;
    // The group's members, read from the columns: the codes whose label the sheet's COUNTIF compares.
    const coded = <T>(codes: readonly T[], key: (code: T) => LabelKey): Uint8Array => Uint8Array.from(codes, (code) => (names.includes(label(key(code), lang)) ? 1 : 0));
    const targets = coded(PR_TARGETS, targetLabelKey);
    const segmentCodes = coded(RFM_SEGMENTS, segmentLabelKey);
    const member = (i: number): boolean => {
      if (names.length === 0) return objectives.clientLine(i) !== undefined;
      if (group.column === "col.pr_target") {
        const k = rowIn(pr, i);
        return pr !== undefined && k >= 0 && targets[pr.columns.target[k]] === 1;
      }
      const k = rowIn(rfm, i);
      return segments !== undefined && k >= 0 && segmentCodes[segments[k]] === 1;
    };
    let n = 0;
    let ca = 0;
    let x = 0;
    for (let i = 0; i < portfolio.clients.length; i++) {
      if (!member(i)) continue;
      n++;
      ca += objectiveOf(i);
      const k = rowIn(allocation, i);
      x += allocation !== undefined && k >= 0 ? allocation.columns[k].total : 0;
    }
    const values = { n, ca: Math.round(ca), x };
    const sumOver = (f: (crit: string) => string, all: string): string =>
      names.length === 0 ? all : names.map((name) => f(textLiteral(name))).join("+");
    // The three figures in cells right of the print area (the sentence reads them: Excel caps a formula at 8 192
    // characters, and a grouped number written three times over three COUNTIFs passes it).
    const figures = [
      formula(sumOver((c) => `COUNTIF(${cibles(group.column)},${c})`, `COUNT(${cibles("col.objective")})`), values.n),
      formula(sumOver((c) => `SUMIF(${cibles(group.column)},${c},${cibles("col.objective")})`, `SUM(${cibles("col.objective")})`), ca),
      formula(sumOver((c) => `SUMIF(${cibles(group.column)},${c},${cibles("col.planned")})`, `SUM(${cibles("col.planned")})`), values.x),
    ];
    const at = (k: number): string => cellAddress(row, FIGURES_COL + k);
    return { text: make(kind, { n: at(0), ca: at(1), x: at(2) }, values), figures };
  };
}

/** The objective of an action line; a line that targets nobody says so instead of "0 clients". */
function actionObjective(a: ActionLine, lang: Lang): string {
  if (a.n > 0) return planText(`action.${a.kind}.objective` as PlanKey, lang, { n: a.n });
  if (a.kind === "stimulation") return planText("action.stimulation.none", lang);
  if (a.kind === "conquete") return planText("action.conquete.none", lang);
  return planText("action.none", lang);
}

interface PortfolioStats {
  customers: number;
  classed: number;
  /** Net CA of the classified clients (negative amounts included). */
  classedCa: number;
  /** Total of their positive amounts: the base of the ABC shares (SPEC §2). */
  positiveCa: number;
  /** Classified clients with a negative CA (below −0,005 €: an amount that rounds to 0 is 0, SPEC §2). */
  negatives: number;
  /** Per ABC class: clients and the total of their positive amounts. */
  classes: Record<AbcClass, { clients: number; positiveCa: number }>;
  rRanks: number[];
  pRanks: number[];
  /** Clients per (P, R) cell, index `prCellIndex(P, R)`. */
  prMatrix: number[];
  targets: Record<PrTarget, Group>;
  quadrants: Record<ContactQuadrant, Group>;
  /** Clients with turbo visits planned. */
  stimulated: number;
  /** Clients of the RFM segments at risk, hibernating, can't lose. */
  atRisk: number;
}

/** The counts the PAC's diagnosis shows, in one pass over the clients. */
function portfolioStats(portfolio: ScoredPortfolio): PortfolioStats {
  const group = (): Group => ({ clients: 0, ca: 0 });
  const stats: PortfolioStats = {
    customers: 0,
    classed: 0,
    classedCa: 0,
    positiveCa: 0,
    negatives: 0,
    classes: { A: { clients: 0, positiveCa: 0 }, B: { clients: 0, positiveCa: 0 }, C: { clients: 0, positiveCa: 0 } },
    rRanks: [0, 0, 0, 0],
    pRanks: [0, 0, 0, 0],
    prMatrix: new Array<number>(16).fill(0),
    targets: { develop: group(), maintain: group(), secure: group() },
    quadrants: { cash_cow: group(), skeleton: group(), golden_goose: group(), contact_eater: group() },
    stimulated: 0,
    atRisk: 0,
  };
  // Read from the methods' columns: no result object is made per client.
  const { abc, r, p, pr, contacts, allocation, rfm } = portfolio.results;
  const segments = rfm?.columns.segment;
  for (const c of portfolio.clients) {
    if (c.isProspect) continue;
    stats.customers++;
    const i = c.index;
    const ca = c.ca ?? 0;
    const ka = rowIn(abc, i);
    if (abc && ka >= 0) {
      stats.classed++;
      stats.classedCa += ca;
      stats.positiveCa += Math.max(0, ca);
      if (ca < -0.005) stats.negatives++;
      const cls = stats.classes[ABC_CLASSES[abc.columns.cls[ka]]];
      cls.clients++;
      cls.positiveCa += Math.max(0, ca);
    }
    const kr = rowIn(r, i);
    if (r && kr >= 0) stats.rRanks[r.columns.rank[kr] - 1]++;
    const kp = rowIn(p, i);
    if (p && kp >= 0) stats.pRanks[p.columns.rank[kp] - 1]++;
    const kpr = rowIn(pr, i);
    if (pr && kpr >= 0) {
      const { columns } = pr;
      stats.prMatrix[prCellIndex(columns.p[kpr], columns.r[kpr])]++;
      const target = stats.targets[PR_TARGETS[columns.target[kpr]]];
      target.clients++;
      target.ca += ca;
    }
    const kq = rowIn(contacts, i);
    if (contacts && kq >= 0) {
      const quadrant = stats.quadrants[CONTACT_QUADRANTS[contacts.columns.quadrant[kq]]];
      quadrant.clients++;
      quadrant.ca += ca;
    }
    const kl = rowIn(allocation, i);
    if (allocation && kl >= 0 && allocation.columns[kl].stimulation > 0) stats.stimulated++;
    const ks = rowIn(rfm, i);
    if (segments && ks >= 0 && LEAVING_SEGMENTS.has(RFM_SEGMENTS[segments[ks]])) stats.atRisk++;
  }
  return stats;
}

interface ChartRanges {
  readonly pareto?: {
    categories: ReturnType<typeof range>;
    values: ReturnType<typeof range>;
    cumulative: ReturnType<typeof range>;
    threshold: ReturnType<typeof range>;
  };
}

/** The Pareto's reference line: the 80 % of SPEC §2. */
const PARETO_LINE = 0.8;

/**
 * The indices of the classified clients in ABC rank order, read from the ABC columns (no result object made per
 * client). The ranks are a permutation of 1..n (ties broken in input order), so each client is put in its place
 * in one pass; a sort (same order) is the fallback if they ever are not.
 */
function byAbcRank(portfolio: ScoredPortfolio): number[] {
  const abc = portfolio.results.abc;
  if (!abc) return [];
  const rank = abc.columns.rank;
  const rankOf = (i: number): number => rank[abc.at[i]];
  const ranked: number[] = [];
  for (let i = 0; i < abc.at.length; i++) if (abc.at[i] >= 0) ranked.push(i);
  const placed = new Array<number>(ranked.length).fill(-1);
  for (const i of ranked) {
    const k = rankOf(i) - 1;
    if (k < 0 || k >= placed.length || placed[k] !== -1) return ranked.sort((a, b) => rankOf(a) - rankOf(b));
    placed[k] = i;
  }
  return placed;
}

/** Writes the charts' data right of the print area and returns the ranges the charts read. */
function chartData(s: SheetDraft, portfolio: ScoredPortfolio, lang: Lang): ChartRanges {
  const t = (key: PlanKey, params?: Record<string, string | number>): string => planText(key, lang, params);
  s.region(DATA_COL);
  const top = 3;
  s.set(top, DATA_COL, t("pac.chart_data"));
  s.style(range(top, DATA_COL, 1, DATA_WIDTHS.length), STYLES.subheading);
  const first = top + 2;
  const out: { -readonly [K in keyof ChartRanges]: ChartRanges[K] } = {};

  const ranked = byAbcRank(portfolio);
  const abc = portfolio.results.abc;
  if (abc && ranked.length > 0) {
    const cumulative = (i: number): number => abc.columns.cumulativeShare[abc.at[i]];
    s.row(top + 1, DATA_COL, [t("pac.col.name"), t("pac.col.ca"), t("pac.col.cumulative"), t("pac.col.threshold"), t("pac.col.position")]);
    s.style(range(top + 1, DATA_COL, 1, 5), STYLES.header);
    const rows: PlanValue[][] = [];
    // The chart reads the live Cibles columns (SPEC §14): the client of rank k, found by MATCH on the rank column
    // (a permutation, ties in input order), so a corrected CA reorders the bars.
    const n = portfolio.clients.length;
    const cibles = (h: PlanKey): string => targetsColumn(n, lang, h);
    const at = (h: PlanKey, position: string): string => `INDEX(${cibles(h)},${position})`;
    if (ranked.length <= MAX_PARETO_POINTS) {
      ranked.forEach((i, k) => {
        const c = portfolio.clients[i];
        const row = first + k;
        const position = cellAddress(row, DATA_COL + 4);
        rows.push([
          formula(`IF(${at("col.name", position)}="",${at("col.id", position)},${at("col.name", position)})`, clientLabel(c)),
          formula(at("col.ca", position), c.ca ?? 0),
          formula(at("col.cumulative", position), cumulative(i)),
          PARETO_LINE,
          formula(`MATCH(${k + 1},${cibles("col.rank")},0)`, i + 1),
        ]);
      });
    } else {
      const size = Math.ceil(ranked.length / 100);
      for (let k = 0; k < ranked.length; k += size) {
        const group = ranked.slice(k, k + size);
        const lastOne = group[group.length - 1];
        const to = k + group.length;
        rows.push([
          t("pac.group", { from: k + 1, to }),
          formula(
            `SUMIFS(${cibles("col.ca")},${cibles("col.rank")},">="&${k + 1},${cibles("col.rank")},"<="&${to},${cibles("col.ca")},">0")`,
            group.reduce((a, i) => a + Math.max(0, portfolio.clients[i].ca ?? 0), 0),
          ),
          formula(at("col.cumulative", cellAddress(first + rows.length, DATA_COL + 4)), cumulative(lastOne)),
          PARETO_LINE,
          formula(`MATCH(${to},${cibles("col.rank")},0)`, lastOne + 1),
        ]);
      }
    }
    rows.forEach((row, k) => s.row(first + k, DATA_COL, row));
    s.style(range(first, DATA_COL + 1, rows.length, 1), { numberFormat: FORMATS.euro });
    s.style(range(first, DATA_COL + 2, rows.length, 2), { numberFormat: FORMATS.percent });
    out.pareto = {
      categories: range(first, DATA_COL, rows.length, 1),
      values: range(first, DATA_COL + 1, rows.length, 1),
      cumulative: range(first, DATA_COL + 2, rows.length, 1),
      threshold: range(first, DATA_COL + 3, rows.length, 1),
    };
  }
  return out;
}


/** Writes `value` in a yellow, unlocked cell (merged over `cols` columns). */
type Editable = (row: number, col: number, cols: number, value: PlanValue, style?: CellStyle) => void;

/**
 * Section 1 of the PAC (SPEC §9–§10, Pascal Py ch. 12–13 « croissance interne ou externe ? »), on the fixed rows of
 * `OBJECTIVE_ROWS`: last period's CA, the growth asked and the objective asked, the rates g_dev and g_base the
 * Cibles objectives read, Σ of the objectives, the retained prospects (Prospects sheet), the conversion rate, the
 * value of a converted prospect (median CA of the D clients, else of class C, else of all), the conquest CA, the
 * expected CA, the shortfall, the prospects still to convert and the verdict sentence — each a formula whose
 * cached value is the engine's (`growthPlan`), the verdict's plural agreeing in the formula too.
 */
function objectivesSection(s: SheetDraft, portfolio: ScoredPortfolio, lang: Lang, objectives: PlanObjectives, editable: Editable): void {
  const t = (key: PlanKey, params?: Record<string, string | number>): string => planText(key, lang, params);
  const g = objectives.growth;
  const n = portfolio.clients.length;
  const live = portfolio.methods.abc && objectives.clients.length > 0;
  const row = (line: ObjectiveRow): number => objectiveRow(line);
  const at = (line: ObjectiveRow): string => cellAddress(row(line), 1);
  const line = (key: ObjectiveRow, labelKey: PlanKey, value: PlanValue, note: PlanValue, style: CellStyle = {}): void => {
    s.set(row(key), 0, t(labelKey));
    if (value !== null) s.set(row(key), 1, value);
    s.style(range(row(key), 1, 1, 1), { numberFormat: FORMATS.euro, horizontal: "right", ...style });
    if (note !== null) {
      s.set(row(key), 2, note);
      s.merge(range(row(key), 2, 1, LAST - 1));
      s.style(range(row(key), 2, 1, LAST - 1), STYLES.note);
    }
  };
  const rate = (key: ObjectiveRow, labelKey: PlanKey, value: number, noteKey: PlanKey): void => {
    s.set(row(key), 0, t(labelKey));
    editable(row(key), 1, 1, value, { numberFormat: FORMATS.percent, horizontal: "center" });
    s.set(row(key), 2, t(noteKey));
    s.merge(range(row(key), 2, 1, LAST - 1));
    s.style(range(row(key), 2, 1, LAST - 1), { ...STYLES.note, fontColor: COLOURS.editableText, bold: true });
  };
  const cibles = (h: PlanKey): string => targetsColumn(n, lang, h);
  const classedCa = live
    ? formula((["A", "B", "C"] as const).map((cls) => `SUMIF(${cibles("col.abc")},${textLiteral(cls)},${cibles("col.ca")})`).join("+"), g.lastCa)
    : g.lastCa;
  line("lastCa", "pac.last_ca", classedCa, t("pac.last_ca_note", { n: objectives.clients.length }), { bold: true });
  rate("growth", "pac.growth", g.growthAsked, "pac.growth_note");
  const growth = at("growth");
  line("asked", "pac.objective", formula(`IF(${growth}="",${textLiteral(t("pac.todo"))},${at("lastCa")}*(1+${growth}))`, g.asked), t("pac.objective_note"), { bold: true });
  rate("developRate", "pac.develop_rate", objectives.objectives.developRate, "pac.develop_rate_note");
  rate("baseRate", "pac.base_rate", objectives.objectives.baseRate, "pac.base_rate_note");
  line("objectives", "pac.objectives_total", live ? formula(`SUM(${cibles("col.objective")})`, g.objectivesTotal) : g.objectivesTotal, t("pac.objectives_total_note"), { bold: true });
  const prospects = objectives.prospects.length;
  // Counted over the Prospects sheet's statuses when it is written (criteria); the plan's count otherwise.
  const retained =
    prospects > 0 && hasProspectsSheet(portfolio)
      ? formula(`COUNTIF(${prospectsStatusColumn(prospects, lang)},${textLiteral(label("prospects.status.retained", lang))})`, g.retainedProspects)
      : g.retainedProspects;
  line("retained", "pac.retained", retained, t("pac.retained_note"), { numberFormat: FORMATS.integer, horizontal: "center" });
  rate("conversion", "pac.conversion", g.conversionRate, "pac.conversion_note");
  const sources = ["D", "C", "all"] as const;
  const medianOf = (k: number): string =>
    k === sources.length ? "0" : `IF(COUNT(${targetsReference(n, lang, sources[k])})>0,MEDIAN(${targetsReference(n, lang, sources[k])}),${medianOf(k + 1)})`;
  const sourceOf = (k: number): string =>
    k === sources.length
      ? textLiteral(t("pac.prospect_value_none"))
      : `IF(COUNT(${targetsReference(n, lang, sources[k])})>0,${textLiteral(t(`pac.prospect_value_${sources[k]}`))},${sourceOf(k + 1)})`;
  line(
    "prospectValue",
    "pac.prospect_value",
    live ? formula(medianOf(0), g.prospectValue) : g.prospectValue,
    live ? formula(sourceOf(0), t(`pac.prospect_value_${g.prospectValueSource}`)) : t(`pac.prospect_value_${g.prospectValueSource}`),
  );
  line("conquest", "pac.conquest_ca", formula(`${at("retained")}*${at("conversion")}*${at("prospectValue")}`, g.conquestCa), t("pac.conquest_ca_note"));
  line("expected", "pac.expected", formula(`${at("objectives")}+${at("conquest")}`, g.expected), t("pac.expected_note"), { bold: true });
  const [asked, expected, missing, value] = [at("asked"), at("expected"), at("missing"), at("prospectValue")];
  line("missing", "pac.missing", formula(`IF(ISNUMBER(${asked}),IF(${expected}>=${asked}-${CENT},0,${asked}-${expected}),"")`, g.missing), t("pac.missing_note"));
  line(
    "needed",
    "pac.needed",
    formula(`IF(${missing}="","",IF(${missing}=0,0,IF(${value}>0,ROUNDUP(${missing}/${value}-1E-9,0),"")))`, g.prospectsNeeded ?? ""),
    t("pac.needed_note"),
    { numberFormat: FORMATS.integer, horizontal: "center" },
  );
  // The verdict in Pascal Py's words, the amounts grouped as the engine writes them.
  const objectivesTotal = at("objectives");
  const parts = {
    objectives: wholeText(objectivesTotal, lang),
    asked: wholeText(asked, lang),
    conquest: wholeText(at("conquest"), lang),
    missing: wholeText(missing, lang),
    n: at("needed"),
  };
  const sentence = (key: Parameters<typeof whyTemplate>[0]): string => templateFormula(whyTemplate(key, lang), parts, lang);
  const verdict =
    `IF(${growth}="",${textLiteral(t("pac.growth_todo"))},` +
    `IF(${objectivesTotal}>=${asked}-${CENT},${sentence("growth.current_suffices")},` +
    `IF(${expected}>=${asked}-${CENT},${sentence("growth.conquest_covers")},` +
    `IF(${value}>0,${sentence("growth.missing")},${sentence("growth.missing_no_value")}))))`;
  const v = row("verdict");
  s.set(v, 0, t("pac.verdict"));
  s.style(range(v, 0, 1, 1), { bold: true });
  s.set(v, 1, formula(verdict, growthLines(g, lang).verdict));
  s.merge(range(v, 1, 1, LAST));
  s.style(range(v, 1, 1, LAST), { bold: true, wrap: true, vertical: "middle", fontColor: COLOURS.alertText });
  s.height(v, 30);
  s.set(row("deadline"), 0, t("pac.deadline"));
  editable(row("deadline"), 1, 4, t("pac.deadline_todo"));
  s.set(row("indicator"), 0, t("pac.indicator"));
  editable(row("indicator"), 1, LAST, t("pac.indicator_todo"));
}

/** Half a cent: the engine compares amounts to the cent (`growthPlan`). */
const CENT = 0.005;
