import { ELASTICITY_READING_LABEL, QUADRANT_LABEL, type AbcClass, type ContactQuadrant } from "../engine";
import type { PrTarget } from "../engine/penetration";
import { label, type Lang } from "../i18n";
import { planText, type PlanKey } from "../i18n/plan";
import { range } from "./cells";
import { SheetDraft } from "./grid";
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
  { header: "col.abc", width: 7, style: { horizontal: "center", bold: true }, value: (c) => c.abc?.cls ?? null },
  { header: "col.r", width: 5, style: { horizontal: "center" }, value: (c) => c.r?.rank ?? null },
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

/**
 * The "Cibles" sheet (en "Targets"): one row per client in input order, every result of the scoring, and a
 * short pourquoi; an Excel table with filters, the header frozen with the id and name, colours per ABC class,
 * P-R target and contact quadrant. Values only, no formula: this sheet is the record of the scoring. Printed
 * in landscape, one page wide, header row repeated.
 */
export function buildTargetsSheet(portfolio: ScoredPortfolio, lang: Lang): SheetPlan {
  const sheet = new SheetDraft(planText("sheet.targets", lang));
  const n = portfolio.clients.length;
  const width = TARGET_COLUMNS.length;
  sheet.row(
    0,
    0,
    TARGET_COLUMNS.map((col) => planText(col.header, lang)),
  );
  sheet.block(
    1,
    0,
    portfolio.clients.map((client) => TARGET_COLUMNS.map((col) => col.value(client, lang))),
  );
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
    columnWidths: TARGET_COLUMNS.map((c) => c.width),
    freeze: { rows: 1, cols: 2 },
    tabColor: "#2E75B6",
    // A4 landscape, one page wide, the header repeated on every page.
    print: { orientation: "landscape", paper: "A4", fitToPagesWide: 1, area: range(0, 0, n + 1, width), titleRows: [0, 0] },
  });
}
