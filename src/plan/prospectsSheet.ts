import {
  PROSPECT_CRITERIA,
  PROSPECT_REASON_LABEL,
  PROSPECT_RULE_MINIMUM,
  PROSPECT_STATUS_LABEL,
  type ProspectCriterion,
  type ProspectReason,
} from "../engine/prospects";
import { explain, label, type Lang, type LabelKey } from "../i18n";
import { planText, type PlanKey } from "../i18n/plan";
import { cellAddress, columnLetter, formula, range, sheetRange, textLiteral } from "./cells";
import { SheetDraft } from "./grid";
import type { PlanObjectives } from "./objectives";
import type { ScoredPortfolio } from "./score";
import { FORMATS, PROSPECT_COLOUR, STYLES } from "./styles";
import type { PlanValue, SheetPlan } from "./types";

const CRITERION_LABEL: Readonly<Record<ProspectCriterion, LabelKey>> = {
  pertinence: "prospects.criterion.pertinence",
  credibility: "prospects.criterion.credibility",
  attractiveness: "prospects.criterion.attractiveness",
  ourAttractiveness: "prospects.criterion.our_attractiveness",
};

/** Columns of the Prospects table: id, name, the four criteria, Ep, status, reason, conquest contacts, why. */
const COLS = { id: 0, name: 1, criteria: 2, ep: 6, status: 7, reason: 8, conquest: 9, why: 10 } as const;
const WIDTH = 11;
const WIDTHS = [10, 26, 11, 11, 13, 13, 9, 10, 46, 11, 62];
const PARAM_COL = WIDTH + 1;

/** Whether the plan has a Prospects sheet: prospects scored on the four criteria of SPEC §11. */
export function hasProspectsSheet(portfolio: Pick<ScoredPortfolio, "prospects" | "targeting">): boolean {
  return portfolio.prospects > 0 && portfolio.targeting.scores.mode === "criteria";
}

/** `'Prospects'!$H$2:$H$31`: the status column (« retenu », « écarté », « non noté ») of the `n` prospects. */
export function prospectsStatusColumn(n: number, lang: Lang): string {
  return sheetRange(planText("sheet.prospects", lang), range(1, COLS.status, Math.max(1, n), 1));
}

/**
 * The "Prospects" sheet (SPEC §11, Pascal Py ch. 7 and 14): one row per prospect in input order with its four
 * criteria, its Ep, its status (retenu / écarté / non noté), the reason, its conquest contacts and why.
 *
 * With the four criteria, Ep, status and reason of every scored prospect are formulas over its criteria and over
 * the rule's cells (minimum 3, the four weights, editable): a rep who changes a note sees the status follow, and
 * the PAC's count of retained prospects with it. A prospect left unscored (a blank, text or out-of-scale
 * criterion) keeps its values. The conquest contacts are the plan's (values, SPEC §8: largest remainder by Ep).
 */
export function buildProspectsSheet(portfolio: ScoredPortfolio, lang: Lang, objectives: PlanObjectives): SheetPlan {
  const t = (key: PlanKey, params?: Record<string, string | number>): string => planText(key, lang, params);
  const sheet = new SheetDraft(t("sheet.prospects"));
  const scores = portfolio.targeting.scores;
  const lines = objectives.prospects;
  const n = lines.length;
  sheet.row(0, 0, [
    t("prospects.col.id"),
    t("prospects.col.name"),
    ...PROSPECT_CRITERIA.map((c) => label(CRITERION_LABEL[c], lang)),
    t("prospects.col.ep"),
    t("prospects.col.status"),
    t("prospects.col.reason"),
    t("prospects.col.conquest"),
    t("prospects.col.why"),
  ]);
  sheet.style(range(0, 0, 1, WIDTH), STYLES.header);
  sheet.height(0, 45);

  // The rule's parameters, right of the table.
  const pl = PARAM_COL;
  const live = scores.mode === "criteria";
  sheet.region(pl);
  sheet.set(0, pl, t("prospects.params"));
  sheet.style(range(0, pl, 1, 2), STYLES.header);
  sheet.set(1, pl, t("prospects.minimum"));
  sheet.set(1, pl + 1, PROSPECT_RULE_MINIMUM);
  PROSPECT_CRITERIA.forEach((c, k) => {
    sheet.set(2 + k, pl, t("prospects.weight", { criterion: label(CRITERION_LABEL[c], lang) }));
    sheet.set(2 + k, pl + 1, scores.weights[k]);
  });
  sheet.edit(range(2, pl + 1, 4, 1));
  const note: PlanKey = n === 0 ? "prospects.none" : live ? "prospects.live" : scores.mode === "potential" ? "prospects.mode_potential" : "prospects.mode_equal";
  // One line, no row height: these rows are also the table's.
  sheet.set(7, pl, t(note));
  sheet.style(range(7, pl, 1, 1), STYLES.note);

  const min = cellAddress(1, pl + 1);
  const w = PROSPECT_CRITERIA.map((_, k) => cellAddress(2 + k, pl + 1));
  const statusText = (s: keyof typeof PROSPECT_STATUS_LABEL): string => label(PROSPECT_STATUS_LABEL[s], lang);
  const reasonText = (r: ProspectReason): string => label(PROSPECT_REASON_LABEL[r], lang);
  const rows: PlanValue[][] = lines.map((line, k) => {
    const c = portfolio.clients[line.index];
    const criteria = PROSPECT_CRITERIA.map((name) => {
      const v = c.source[name];
      return typeof v === "number" && Number.isFinite(v) ? v : null;
    });
    const values: PlanValue[] = [
      c.id,
      c.name ?? null,
      ...criteria,
      line.ep,
      statusText(line.status),
      reasonText(line.reason),
      line.conquete,
      // The conquest's why (the status's is in the reason and the notes beside it).
      explain(line.conquestWhy ?? line.why, lang),
    ];
    if (live && line.status !== "unscored") {
      const row = k + 2;
      const [p, cr, a, o] = PROSPECT_CRITERIA.map((_, j) => `${columnLetter(COLS.criteria + j)}${row}`);
      const ep = `100*((${w[0]}*${p}+${w[1]}*${cr}+${w[2]}*${a}+${w[3]}*${o})/(${w[0]}+${w[1]}+${w[2]}+${w[3]})-1)/4`;
      values[COLS.ep] = formula(ep, line.ep ?? 0);
      values[COLS.status] = formula(
        `IF(AND(${p}>=${min},${cr}>=${min},${a}>=${min},${o}>=${min}),${textLiteral(statusText("retained"))},${textLiteral(statusText("rejected"))})`,
        statusText(line.status),
      );
      values[COLS.reason] = formula(
        `IF(${p}<${min},${textLiteral(reasonText("pertinence"))},IF(${cr}<${min},${textLiteral(reasonText("credibility"))},IF(OR(${a}<${min},${o}<${min}),${textLiteral(reasonText("double_attractiveness"))},${textLiteral(reasonText("rules_met"))})))`,
        reasonText(line.reason),
      );
    }
    return values;
  });
  sheet.block(1, 0, rows);
  if (n > 0) {
    sheet.style(range(1, COLS.criteria, n, 4), { horizontal: "center" });
    sheet.style(range(1, COLS.ep, n, 1), { numberFormat: FORMATS.decimal2, horizontal: "center", bold: true });
    sheet.style(range(1, COLS.status, n, 1), { horizontal: "center", bold: true });
    sheet.style(range(1, COLS.conquest, n, 1), { horizontal: "center", bold: true });
    sheet.style(range(1, COLS.why, n, 1), { fontSize: 8, wrap: true });
    sheet.table({ name: t("table.prospects"), range: range(0, 0, n + 1, WIDTH), style: "TableStyleLight12" });
    const status = range(1, COLS.status, n, 1);
    sheet.colour({ range: status, equals: statusText("retained"), fill: "#C6EFCE", fontColor: "#006100" });
    sheet.colour({ range: status, equals: statusText("rejected"), fill: "#FFC7CE", fontColor: "#9C0006" });
    sheet.colour({ range: status, equals: statusText("unscored"), ...PROSPECT_COLOUR });
  }
  return sheet.toSheet({
    columnWidths: [...WIDTHS, 3, 34, 10],
    freeze: { rows: 1, cols: 2 },
    tabColor: PROSPECT_COLOUR.fontColor,
    print: { orientation: "landscape", paper: "A4", fitToPagesWide: 1, area: range(0, 0, n + 1, WIDTH), titleRows: [0, 0] },
  });
}
