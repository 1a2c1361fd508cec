import { ENGAGEMENT_CLASSES, ENGAGEMENT_LABEL, IDEAL_CLASSES, IDEAL_LABEL, IDEAL_READING, type Engagement, type IdealClass } from "../engine";
import { explain, label, type Lang } from "../i18n";
import { actionFamilyLabel, actionLabel, catalogueTargetLabel, catalogueText, type CatalogueTextKey } from "../i18n/catalogue";
import { planText } from "../i18n/plan";
import { range } from "./cells";
import { CATALOGUE_TARGETS, CHOSEN_SLOTS, suggestionFor, type CatalogueActionId, type CatalogueTargetId } from "./catalogue";
import { clientLabel } from "./contactsSheet";
import type { Fidelity, FidelityReason } from "./fidelity";
import type { SheetDraft } from "./grid";
import { LEAVING_SEGMENTS, prTargetOf, quadrantOf, rfmSegmentOf, type ScoredPortfolio } from "./score";
import { COLOURS, FORMATS, STYLES, type ClassColour } from "./styles";
import type { CellStyle, ListValidation, SheetPlan } from "./types";

/**
 * The PAC's fidelity blocks (SPEC §9, §12, §13), kept apart from `pacSheet.ts`, which calls them with a few lines:
 * the engagement and ideal-client tables of the diagnosis, the « Rétention » action line with the clients
 * leaving, and the « Actions choisies » table whose cells are native drop-down lists over the Catalogue sheet.
 */
export interface FidelityPac {
  /** Engagement and ideal clients, when the caller computed them (`computeFidelity`). */
  readonly fidelity?: Fidelity;
  /**
   * The Catalogue sheet's action column (`buildCatalogueSheet().actionSource`): the drop-down lists' source.
   * Without it (no Catalogue sheet written) there is no « Actions choisies » table.
   */
  readonly actionSource?: string;
  /**
   * The actions the rep chose per target (the wizard's « Actions choisies »), written in the cells in place of
   * the default suggestion; a target left out keeps `suggestionFor(target).actions`. At most `CHOSEN_SLOTS` each.
   */
  readonly chosenActions?: ChosenActions;
}

/** Actions chosen per target, in slot order (`CHOSEN_SLOTS` at most; null leaves the slot blank). */
export type ChosenActions = Readonly<Partial<Record<CatalogueTargetId, readonly (CatalogueActionId | null)[]>>>;

/** Where a block goes: its first row and its columns. */
export interface Area {
  readonly row: number;
  readonly col: number;
  readonly cols: number;
}

export const ENGAGEMENT_COLOURS: Readonly<Record<Engagement, ClassColour>> = {
  loss_likely: { fill: "#FFC7CE", fontColor: "#9C0006" },
  revenue_at_risk: { fill: "#FCE4D6", fontColor: "#833C0B" },
  engaged: { fill: "#C6EFCE", fontColor: "#006100" },
  to_build: { fill: "#DDEBF7", fontColor: "#1F4E79" },
};

export const IDEAL_COLOURS: Readonly<Record<IdealClass, ClassColour>> = {
  ideal: { fill: "#C6EFCE", fontColor: "#006100" },
  happy: { fill: "#FFF2CC", fontColor: "#7F6000" },
  at_risk: { fill: "#FCE4D6", fontColor: "#833C0B" },
  avoid: { fill: "#EDEDED", fontColor: "#3A3A3A" },
};

/** Clients listed by name under the Rétention line (the others are counted). */
export const LEAVING_LISTED = 12;
/** Names in the Rétention line's objective. */
const NAMES_IN_OBJECTIVE = 3;

const reasonText = (reason: FidelityReason, lang: Lang): string => catalogueText(reason.key, lang, reason.params);

/**
 * Writes the engagement table (counts, CA N-1 and CA at risk per class, the total at risk) and the ideal-client
 * table (counts and reading per class, the split points) from `area.row` down in `area.col…` (9 columns wide or
 * more), or one « Non calculé : … » line each with the reason. Values, not formulas: neither method is a formula
 * of the Cibles sheet. Returns the next free row.
 */
export function fidelityDiagnosis(s: SheetDraft, pac: FidelityPac | undefined, lang: Lang, area: Area): number {
  if (!pac) return area.row;
  const fidelity = pac?.fidelity;
  if (!fidelity) return area.row;
  const t = (key: CatalogueTextKey, params?: Record<string, string | number>): string => catalogueText(key, lang, params);
  const { col, cols } = area;
  let r = area.row;
  const heading = (key: CatalogueTextKey): void => {
    s.set(r, col, t(key));
    s.merge(range(r, col, 1, cols));
    s.style(range(r, col, 1, cols), STYLES.subheading);
    r++;
  };
  const note = (text: string, height: number): void => {
    s.set(r, col, text);
    s.merge(range(r, col, 1, cols));
    s.style(range(r, col, 1, cols), { ...STYLES.note, wrap: true, vertical: "top" });
    s.height(r, height);
    r++;
  };
  /** A row: label over 3 columns, then cells; `spans` gives each cell's width. */
  const line = (values: readonly (string | number | null)[], spans: readonly number[], style?: CellStyle): void => {
    let c = col;
    values.forEach((v, k) => {
      if (v !== null) s.set(r, c, v);
      s.merge(range(r, c, 1, spans[k]));
      if (style) s.style(range(r, c, 1, spans[k]), style);
      c += spans[k];
    });
    r++;
  };
  const rest = Math.max(1, cols - 8);

  heading("fid.engagement");
  const e = fidelity.engagement;
  if (e) {
    const spans = [3, 1, 2, 2 + rest - 1];
    line([t("fid.col.engagement"), t("fid.col.clients"), t("fid.col.ca_n1"), t("fid.col.at_risk")], spans, STYLES.header);
    const top = r;
    // CA at risk per class: the N-1 spend in the stopped families of the class's clients.
    const atRisk = new Float64Array(ENGAGEMENT_CLASSES.length);
    for (let i = 0; i < e.n; i++) if (e.engagement[i] < ENGAGEMENT_CLASSES.length) atRisk[e.engagement[i]] += e.caAtRisk[i];
    ENGAGEMENT_CLASSES.forEach((c, k) => {
      line([label(ENGAGEMENT_LABEL[c], lang), e.counts[k], Math.round(e.caN1ByClass[k]), Math.round(atRisk[k])], spans);
      s.style(range(r - 1, col, 1, 3), { ...ENGAGEMENT_COLOURS[c], bold: true });
    });
    line([t("fid.not_classed"), e.notClassed, null, null], spans, { italic: true });
    line([t("fid.total_at_risk"), null, null, Math.round(e.totalAtRisk)], spans, STYLES.total);
    s.style(range(top, col + 3, r - top, 1), { horizontal: "center" });
    s.style(range(top, col + 4, r - top, 2 + 2 + rest - 1), { numberFormat: FORMATS.euro });
    note(t("fid.engagement_note", { source: t("fid.types_source", { n: fidelity.typedFamilies }) }), 26);
  } else note(t("fid.not_computed", { reason: reasonText(fidelity.engagementMissing ?? { key: "fid.reason.no_journal" }, lang) }), 26);
  r++;

  heading("fid.ideal");
  const ideal = fidelity.ideal;
  if (ideal) {
    const spans = [3, 1, 4 + rest];
    line([t("fid.col.ideal"), t("fid.col.clients"), t("fid.col.reading")], spans, STYLES.header);
    IDEAL_CLASSES.forEach((c, k) => {
      line([label(IDEAL_LABEL[c], lang), ideal.counts[k], label(IDEAL_READING[c], lang)], spans, { wrap: true, vertical: "middle" });
      s.style(range(r - 1, col, 1, 3), { ...IDEAL_COLOURS[c], bold: true });
      s.style(range(r - 1, col + 3, 1, 1), { horizontal: "center" });
      s.style(range(r - 1, col + 4, 1, 4 + rest), { fontSize: 9 });
      s.height(r - 1, 26);
    });
    if (ideal.notClassed > 0) line([planText("pac.unclassed", lang), ideal.notClassed, null], spans, { italic: true });
    note(explain(ideal.splitsWhy, lang), 26);
  } else note(t("fid.not_computed", { reason: reasonText(fidelity.idealMissing ?? { key: "fid.reason.no_value" }, lang) }), 26);
  return r;
}

/** The clients leaving (perte probable, risque de perte de CA), largest CA at risk first (then input order). */
export function leavingClients(portfolio: ScoredPortfolio, fidelity: Fidelity | undefined): number[] {
  const e = fidelity?.engagement;
  const row = fidelity?.engagementRow;
  if (!e || !row) return [];
  const out: number[] = [];
  portfolio.clients.forEach((c, i) => {
    const k = row[i];
    if (k >= 0 && (e.engagement[k] === 0 || e.engagement[k] === 1)) out.push(i);
  });
  return out.sort((a, b) => e.caAtRisk[row[b]] - e.caAtRisk[row[a]] || a - b);
}

/**
 * SPEC §9.4 and §13, below the Actions table of the PAC (same columns: action A, target B, objective C–F, means
 * G–J, who K–L, deadline M–N, indicator O): the « Rétention » line naming the clients leaving and the CA at risk
 * (when engagement was computed), the list of those clients with the reason of each, then the « Actions choisies »
 * table — one row per target, three cells that are native drop-down lists over the Catalogue's action column
 * (other values accepted), pre-filled with the default suggestion of the target. Returns the next free row and
 * the drop-down lists, for `withValidations`.
 */
export function fidelityActions(s: SheetDraft, row: number, portfolio: ScoredPortfolio, pac: FidelityPac | undefined, lang: Lang, last: number): { row: number; validations: ListValidation[] } {
  if (!pac) return { row, validations: [] };
  const t = (key: CatalogueTextKey, params?: Record<string, string | number>): string => catalogueText(key, lang, params);
  const fidelity = pac.fidelity;
  const e = fidelity?.engagement;
  const engagementRow = fidelity?.engagementRow;
  let r = row;
  const full = range(r, 0, 1, last + 1);
  const editable = (c: number, cols: number, value: string): void => {
    s.set(r, c, value);
    s.merge(range(r, c, 1, cols));
    s.style(range(r, c, 1, cols), STYLES.editable);
    s.edit(range(r, c, 1, cols));
  };

  if (e && engagementRow) {
    const leaving = leavingClients(portfolio, fidelity);
    const atRisk = leaving.reduce((a, i) => a + e.caAtRisk[engagementRow[i]], 0);
    const names = leaving.slice(0, NAMES_IN_OBJECTIVE).map((i) => clientLabel(portfolio.clients[i]));
    if (leaving.length > NAMES_IN_OBJECTIVE) names.push(t("fid.retention.more", { n: leaving.length - NAMES_IN_OBJECTIVE }));
    const objective = leaving.length > 0 ? t("fid.retention.objective", { n: leaving.length, names: names.join(", "), atRisk: Math.round(atRisk) }) : t("fid.retention.none");
    s.row(r, 0, [t("fid.retention"), t("fid.retention.target")]);
    s.set(r, 2, objective);
    s.merge(range(r, 2, 1, 4));
    s.set(r, 6, t("fid.retention.means"));
    s.merge(range(r, 6, 1, 4));
    editable(10, 2, planText("pac.todo", lang));
    editable(12, 2, planText("pac.todo", lang));
    editable(14, 1, t("fid.retention.indicator"));
    s.style(range(r, 0, 1, 1), { bold: true });
    s.style(full, { wrap: true, vertical: "middle", border: "thin" });
    s.height(r, 66);
    r += 2;

    if (leaving.length > 0) {
      s.set(r, 0, t("fid.leaving"));
      s.merge(range(r, 0, 1, last + 1));
      s.style(range(r, 0, 1, last + 1), STYLES.subheading);
      r++;
      s.row(r, 0, [t("fid.col.client"), t("fid.col.engagement"), t("fid.col.at_risk"), null, t("fid.col.why")]);
      s.merge(range(r, 2, 1, 2));
      s.merge(range(r, 4, 1, last - 3));
      s.style(range(r, 0, 1, last + 1), STYLES.header);
      r++;
      for (const i of leaving.slice(0, LEAVING_LISTED)) {
        const k = engagementRow[i];
        const cls = ENGAGEMENT_CLASSES[e.engagement[k]];
        s.row(r, 0, [clientLabel(portfolio.clients[i]), label(ENGAGEMENT_LABEL[cls], lang), Math.round(e.caAtRisk[k]), null, explain(e.explain(k), lang)]);
        s.merge(range(r, 2, 1, 2));
        s.merge(range(r, 4, 1, last - 3));
        s.style(range(r, 1, 1, 1), { ...ENGAGEMENT_COLOURS[cls], bold: true });
        s.style(range(r, 2, 1, 2), { numberFormat: FORMATS.euro });
        s.style(range(r, 0, 1, last + 1), { wrap: true, vertical: "middle", fontSize: 9, border: "thin" });
        s.height(r, 26);
        r++;
      }
      if (leaving.length > LEAVING_LISTED) {
        const rest = leaving.slice(LEAVING_LISTED).reduce((a, i) => a + e.caAtRisk[engagementRow[i]], 0);
        s.set(r, 0, t("fid.leaving_more", { n: leaving.length - LEAVING_LISTED, atRisk: Math.round(rest) }));
        s.merge(range(r, 0, 1, last + 1));
        s.style(range(r, 0, 1, last + 1), STYLES.note);
        r++;
      }
      r++;
    }
  }

  // The actions chosen per target: drop-down lists over the Catalogue, pre-filled with the default suggestion.
  const source = pac.actionSource;
  if (source === undefined) return { row: r, validations: [] };
  s.set(r, 0, t("fid.chosen"));
  s.merge(range(r, 0, 1, last + 1));
  s.style(range(r, 0, 1, last + 1), STYLES.subheading);
  r++;
  const slotCols = slotColumns(last);
  s.row(r, 0, [t("fid.col.target"), t("fid.col.clients"), t("fid.col.family_suggested")]);
  s.merge(range(r, 2, 1, slotCols[0] - 2));
  s.set(r, slotCols[0], t("fid.col.chosen"));
  s.merge(range(r, slotCols[0], 1, last + 1 - slotCols[0]));
  s.style(range(r, 0, 1, last + 1), STYLES.header);
  r++;
  const top = r;
  const counts = targetCounts(portfolio, fidelity);
  for (const target of CATALOGUE_TARGETS) {
    const suggestion = suggestionFor(target);
    const count = counts[target];
    s.row(r, 0, [catalogueTargetLabel(target, lang), count ?? null, suggestion.families.map((f) => actionFamilyLabel(f, lang)).join(", ")]);
    s.merge(range(r, 2, 1, slotCols[0] - 2));
    slotCols.forEach((c, k) => {
      const width = (slotCols[k + 1] ?? last + 1) - c;
      const action = (pac.chosenActions?.[target] ?? suggestion.actions)[k];
      if (action) s.set(r, c, actionLabel(action, lang));
      s.merge(range(r, c, 1, width));
      s.style(range(r, c, 1, width), STYLES.editable);
      s.edit(range(r, c, 1, width));
    });
    s.style(range(r, 0, 1, 1), { bold: true });
    s.style(range(r, 1, 1, 1), { horizontal: "center" });
    s.style(range(r, 0, 1, last + 1), { wrap: true, vertical: "middle", border: "thin" });
    s.height(r, 30);
    r++;
  }
  const prompt = { title: t("fid.prompt.title"), text: t("fid.prompt.text") };
  const validations = slotCols.map((c): ListValidation => ({ range: range(top, c, CATALOGUE_TARGETS.length, 1), source, allowOther: true, prompt }));
  s.set(r, 0, t("fid.chosen_note"));
  s.merge(range(r, 0, 1, last + 1));
  s.style(range(r, 0, 1, last + 1), { ...STYLES.note, wrap: true, fontColor: COLOURS.editableText });
  s.height(r, 24);
  r++;
  return { row: r, validations };
}

/**
 * The first column of each « Actions choisies » cell: three cells over G…O (`last` = 14, the PAC's last column),
 * right of the target (A), its clients (B) and the suggested families (C–F).
 */
export function slotColumns(last: number): number[] {
  const first = 6;
  const width = Math.floor((last + 1 - first) / CHOSEN_SLOTS);
  return Array.from({ length: CHOSEN_SLOTS }, (_, k) => first + k * width);
}

/** Clients per catalogue target, or undefined when the method behind the target did not run. */
export function targetCounts(portfolio: ScoredPortfolio, fidelity?: Fidelity): Partial<Record<CatalogueTargetId, number>> {
  const out: Partial<Record<CatalogueTargetId, number>> = {};
  if (portfolio.methods.pr) out.develop = out.maintain = out.secure = 0;
  if (portfolio.methods.contacts) out.contact_eater = 0;
  const e = fidelity?.engagement;
  const row = fidelity?.engagementRow;
  const leavingKnown = portfolio.methods.rfm || e !== undefined;
  if (leavingKnown) out.leaving = 0;
  // Read on the methods' columns: a client's `pr`, `contacts` and `rfm` are result objects made at each read.
  const results = portfolio.results;
  portfolio.clients.forEach((c, i) => {
    if (c.isProspect) return;
    const target = prTargetOf(results, i);
    if (target) out[target] = (out[target] ?? 0) + 1;
    if (quadrantOf(results, i) === "contact_eater") out.contact_eater = (out.contact_eater ?? 0) + 1;
    const segment = rfmSegmentOf(results, i);
    const rfmLeaving = segment !== null && LEAVING_SEGMENTS.has(segment);
    const k = row ? row[i] : -1;
    const engagementLeaving = e !== undefined && k >= 0 && (e.engagement[k] === 0 || e.engagement[k] === 1);
    if (leavingKnown && (rfmLeaving || engagementLeaving)) out.leaving = (out.leaving ?? 0) + 1;
  });
  const retained = portfolio.targeting.scores.retained;
  if (portfolio.prospects > 0) out.prospects = retained.reduce((a, v) => a + (v === 1 ? 1 : 0), 0);
  return out;
}

/** The sheet with its drop-down lists added (the PAC's `toSheet` knows nothing of them). */
export function withValidations(sheet: SheetPlan, validations: readonly ListValidation[]): SheetPlan {
  return validations.length > 0 ? { ...sheet, validations: [...(sheet.validations ?? []), ...validations] } : sheet;
}
