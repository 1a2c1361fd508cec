import {
  actionDescription,
  actionFamilyLabel,
  actionLabel,
  catalogueTargetLabel,
  catalogueText,
  type CatalogueActionId,
  type CatalogueFamilyId,
  type CatalogueTargetId,
} from "../i18n/catalogue";
import type { Lang } from "../i18n/types";
import { quoteSheet, range, rangeAddress } from "./cells";
import { SheetDraft } from "./grid";
import { COLOURS, STYLES } from "./styles";
import type { SheetPlan } from "./types";

export type { CatalogueActionId, CatalogueFamilyId, CatalogueTargetId };

/** The families of the catalogue in the order of Pascal Py's part II (and of the Catalogue sheet). */
export const CATALOGUE_FAMILIES: readonly CatalogueFamilyId[] = [
  "conquest_proactive",
  "conquest_reactive",
  "reconquest",
  "satisfaction",
  "loyalty",
  "securing",
  "retention",
  "purchase_stimulation",
  "effort_stimulation",
];

/** The targets of SPEC §13's default suggestions, in the order of the PAC's « Actions choisies » table. */
export const CATALOGUE_TARGETS: readonly CatalogueTargetId[] = ["develop", "maintain", "secure", "contact_eater", "leaving", "prospects"];

/** One action of the catalogue: its family and the targets it suits (language-neutral). */
export interface CatalogueEntry {
  readonly id: CatalogueActionId;
  readonly family: CatalogueFamilyId;
  readonly targets: readonly CatalogueTargetId[];
}

const entry = (id: CatalogueActionId, family: CatalogueFamilyId, targets: readonly CatalogueTargetId[]): CatalogueEntry => ({ id, family, targets });

/**
 * Every action of SPEC §13, grouped by family in the book's order. The targets are ours: who each action is
 * for, read from what it does (a reconquest letter is for a client leaving or lost, cross selling for a client
 * whose potential is not captured, « omniprésence » — contacts at a distance — for a Contactivore).
 */
export const CATALOGUE: readonly CatalogueEntry[] = [
  entry("door_to_door", "conquest_proactive", ["prospects"]),
  entry("outdoor", "conquest_proactive", ["prospects"]),
  entry("networks", "conquest_proactive", ["prospects"]),
  entry("partial_commitment", "conquest_proactive", ["prospects", "develop"]),
  entry("trial_offer", "conquest_proactive", ["prospects"]),
  entry("referral", "conquest_proactive", ["prospects"]),
  entry("trade_fairs", "conquest_reactive", ["prospects"]),
  entry("sponsorship", "conquest_reactive", ["prospects"]),
  entry("events", "conquest_reactive", ["prospects", "maintain"]),
  entry("traffic", "conquest_reactive", ["prospects", "develop"]),
  entry("buying_contacts", "conquest_reactive", ["prospects"]),
  entry("open_days", "conquest_reactive", ["prospects", "maintain"]),
  entry("dissatisfaction_report", "reconquest", ["leaving"]),
  entry("personal_letter", "reconquest", ["leaving"]),
  entry("direct_contact", "reconquest", ["leaving"]),
  entry("conformity", "satisfaction", ["maintain", "secure"]),
  entry("relevance", "satisfaction", ["maintain", "develop"]),
  entry("adjustment", "satisfaction", ["maintain", "secure"]),
  entry("innovation", "satisfaction", ["maintain", "develop"]),
  entry("objective_attraction", "loyalty", ["maintain", "secure"]),
  entry("emotional_attraction", "loyalty", ["maintain", "secure"]),
  entry("contract", "securing", ["secure"]),
  entry("bypass_deciders", "securing", ["secure"]),
  entry("complaint_handling", "securing", ["secure", "maintain", "leaving"]),
  entry("dissatisfaction_surveys", "securing", ["secure", "leaving"]),
  entry("benchmark_protection", "securing", ["secure"]),
  entry("formalisation_request", "retention", ["leaving"]),
  entry("call_for_help", "retention", ["leaving"]),
  entry("premium_promotions", "purchase_stimulation", ["develop"]),
  entry("price_promotion", "purchase_stimulation", ["develop"]),
  entry("fitting", "purchase_stimulation", ["develop"]),
  entry("cross_selling", "purchase_stimulation", ["develop"]),
  entry("up_selling", "purchase_stimulation", ["develop"]),
  entry("raise_discourse", "effort_stimulation", ["develop", "secure", "contact_eater"]),
  entry("trust_respect", "effort_stimulation", ["maintain", "secure"]),
  entry("widen_relationship", "effort_stimulation", ["develop", "secure"]),
  entry("friendly_bond", "effort_stimulation", ["maintain"]),
  entry("omnipresence", "effort_stimulation", ["contact_eater", "maintain"]),
  entry("seize_contacts", "effort_stimulation", ["contact_eater"]),
  entry("oblige_clients", "effort_stimulation", ["secure", "maintain"]),
  entry("claim_loyalty", "effort_stimulation", ["contact_eater", "develop"]),
];

/** The default suggestion of one target: the families SPEC §13 names, and the actions pre-filled in the PAC. */
export interface TargetSuggestion {
  readonly target: CatalogueTargetId;
  readonly families: readonly CatalogueFamilyId[];
  /** Pre-filled in the « Actions choisies » cells, in order (at most `CHOSEN_SLOTS`). */
  readonly actions: readonly CatalogueActionId[];
}

/** Cells « Actions choisies » per target in the PAC. */
export const CHOSEN_SLOTS = 3;

const SUGGESTIONS: Readonly<Record<CatalogueTargetId, TargetSuggestion>> = {
  develop: { target: "develop", families: ["purchase_stimulation"], actions: ["cross_selling", "up_selling", "fitting"] },
  maintain: { target: "maintain", families: ["loyalty", "satisfaction"], actions: ["objective_attraction", "emotional_attraction", "conformity"] },
  secure: { target: "secure", families: ["securing"], actions: ["contract", "bypass_deciders", "benchmark_protection"] },
  contact_eater: { target: "contact_eater", families: ["effort_stimulation"], actions: ["omnipresence", "seize_contacts", "claim_loyalty"] },
  leaving: { target: "leaving", families: ["retention", "reconquest"], actions: ["formalisation_request", "call_for_help", "direct_contact"] },
  prospects: { target: "prospects", families: ["conquest_proactive", "conquest_reactive"], actions: ["trial_offer", "trade_fairs", "referral"] },
};

/**
 * The default suggestion for a target (SPEC §13): Développer → stimulation des achats; Entretenir → fidélisation,
 * satisfaction; Sécuriser → sécurisation; Contactivores → stimulation des efforts (contacts à distance); sur le
 * départ (à risque, hibernants, perte probable) → rétention, reconquête; prospects retenus → conquête.
 * @example suggestionFor("develop").actions // ["cross_selling", "up_selling", "fitting"]
 */
export function suggestionFor(target: CatalogueTargetId): TargetSuggestion {
  const s = SUGGESTIONS[target];
  if (!s) throw new RangeError(`suggestionFor: unknown target ${String(target)}`);
  return s;
}

/** Every action that suits a target, in catalogue order (what a wizard offers beside the default). */
export function actionsForTarget(target: CatalogueTargetId): CatalogueActionId[] {
  return CATALOGUE.filter((e) => e.targets.includes(target)).map((e) => e.id);
}

/** The catalogue entry of an action. @throws RangeError for an unknown id. */
export function catalogueEntry(id: CatalogueActionId): CatalogueEntry {
  const e = CATALOGUE.find((x) => x.id === id);
  if (!e) throw new RangeError(`catalogueEntry: unknown action ${String(id)}`);
  return e;
}

/** Rows left blank (and editable) under the catalogue, inside the drop-down lists' range: the rep's own actions. */
export const CUSTOM_ROWS = 10;

/** Where the Catalogue sheet puts its table (0-based). */
const HEADER_ROW = 3;
const WIDTHS = [30, 36, 90, 58];

export interface CatalogueSheet {
  readonly sheet: SheetPlan;
  /** The action column, catalogue and blank rows, as a drop-down list source: `'Catalogue'!$B$5:$B$55`. */
  readonly actionSource: string;
}

/**
 * The « Catalogue » sheet (SPEC §13): one row per action — family, action, description, targets — under a title
 * and a note, then `CUSTOM_ROWS` blank editable rows for the rep's own actions. The PAC's « Actions choisies »
 * drop-down lists read its action column (`actionSource`), so the lists work in Excel and LibreOffice without the
 * add-in. Pure data.
 */
export function buildCatalogueSheet(lang: Lang = "fr"): CatalogueSheet {
  const name = catalogueText("sheet.catalogue", lang);
  const s = new SheetDraft(name);
  s.set(0, 0, catalogueText("catalogue.title", lang));
  s.merge(range(0, 0, 1, WIDTHS.length));
  s.style(range(0, 0, 1, WIDTHS.length), STYLES.title);
  s.height(0, 26);
  s.set(1, 0, catalogueText("catalogue.note", lang));
  s.merge(range(1, 0, 1, WIDTHS.length));
  s.style(range(1, 0, 1, WIDTHS.length), { ...STYLES.note, wrap: true });
  s.row(HEADER_ROW, 0, [
    catalogueText("catalogue.col.family", lang),
    catalogueText("catalogue.col.action", lang),
    catalogueText("catalogue.col.description", lang),
    catalogueText("catalogue.col.targets", lang),
  ]);
  s.style(range(HEADER_ROW, 0, 1, WIDTHS.length), STYLES.header);
  const first = HEADER_ROW + 1;
  let r = first;
  let previous: CatalogueFamilyId | undefined;
  for (const e of CATALOGUE) {
    s.row(r, 0, [actionFamilyLabel(e.family, lang), actionLabel(e.id, lang), actionDescription(e.id, lang), e.targets.map((t) => catalogueTargetLabel(t, lang)).join(", ")]);
    if (e.family !== previous) s.style(range(r, 0, 1, 1), { bold: true, fontColor: COLOURS.subheadingText });
    previous = e.family;
    r++;
  }
  s.style(range(first, 0, r - first, WIDTHS.length), { wrap: true, vertical: "top", border: "thin" });
  const custom = range(r, 0, CUSTOM_ROWS, WIDTHS.length);
  s.style(custom, { ...STYLES.editable, wrap: true, vertical: "top" });
  s.edit(custom);
  s.set(r, 0, catalogueText("catalogue.custom", lang));
  r += CUSTOM_ROWS;
  const actions = range(first, 1, r - first, 1);
  const sheet = s.toSheet({
    columnWidths: WIDTHS,
    freeze: { rows: HEADER_ROW + 1, cols: 0 },
    print: { orientation: "landscape", paper: "A4", fitToPagesWide: 1, area: range(0, 0, r, WIDTHS.length), titleRows: [HEADER_ROW, HEADER_ROW] },
    tabColor: "#7030A0",
  });
  return { sheet, actionSource: `${quoteSheet(name)}!${rangeAddress(actions)}` };
}
