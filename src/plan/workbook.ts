import type { AbcOptions } from "../engine";
import type { Lang } from "../i18n";
import { catalogueText } from "../i18n/catalogue";
import { planText } from "../i18n/plan";
import type { ImportReport } from "../io/report";
import { buildCatalogueSheet } from "./catalogue";
import { buildClientCardsSheet } from "./clientCardsSheet";
import { buildContactsSheet } from "./contactsSheet";
import type { Fidelity } from "./fidelity";
import type { ChosenActions } from "./fidelitySection";
import { planObjectives, type PlanObjectives, type PlanObjectivesOptions } from "./objectives";
import { buildPacSheet } from "./pacSheet";
import { buildProspectsSheet, hasProspectsSheet } from "./prospectsSheet";
import { buildRemarksSheet, importRemarks, scoreRemarks, type Remark } from "./remarks";
import type { ScoredPortfolio } from "./score";
import { buildTargetsSheet } from "./targetsSheet";
import type { SheetPlan, WorkbookPlan } from "./types";

export interface WorkbookPlanOptions {
  /** Language of every written text; default French. */
  readonly lang?: Lang;
  /** The import report of the source: its entries head the "Remarques" sheet. */
  readonly report?: ImportReport;
  /** More remarks to list after the import's and the scoring's (e.g. the writer's). */
  readonly remarks?: readonly Remark[];
  /** The ABC options for the Cibles formulas; default: those the portfolio was scored with (`portfolio.abc`). */
  readonly abc?: AbcOptions;
  /** Above this many clients the Cibles classes are values (default `LIVE_CLIENTS_MAX`). */
  readonly liveMax?: number;
  /** Above this many clients the RFM scores are values (default `RFM_LIVE_MAX`). */
  readonly rfmLiveMax?: number;
  /** The growth asked, the conversion rate, g_dev and g_base (SPEC §10; defaults 5 %, 25 %, 20 %, 3 %). */
  readonly objectives?: PlanObjectivesOptions;
  /**
   * `planObjectives(portfolio, objectives)` when the caller has computed it already (the CLI prints it in its
   * summary): the plan reuses it instead of computing it again.
   */
  readonly plannedObjectives?: PlanObjectives;
  /** Issue 16: engagement and ideal clients (`computeFidelity`), shown in the PAC's diagnosis and actions. */
  readonly fidelity?: Fidelity;
  /**
   * Issue 16: add the « Catalogue » sheet (SPEC §13) and the PAC's « Actions choisies » table, whose cells are
   * drop-down lists over it. The CLI and the task pane turn it on; off by default.
   */
  readonly catalogue?: boolean;
  /** With `catalogue`: the actions the rep chose per target, in place of the default suggestions (the wizard's). */
  readonly chosenActions?: ChosenActions;
  /**
   * Issue 17: add the printable "Fiches clients" sheet before "Remarques": each client's full pourquoi, the
   * wizard's. The CLI and the task pane turn it on; off by default.
   */
  readonly clientCards?: boolean;
}

/** What decides which optional sheets a plan writes (`workbookSheetNames`). */
export interface SheetNameOptions {
  readonly catalogue?: boolean;
  readonly clientCards?: boolean;
  /** "Prospects" is written only when the portfolio has prospects scored on the four criteria. */
  readonly portfolio?: Pick<ScoredPortfolio, "prospects" | "targeting">;
}

/**
 * The names of the written sheets, in order: "Cibles", "Contacts", "PAC", "Prospects" (when `portfolio` has
 * prospects scored on the four criteria: without criteria there is no Ep, no status to compute, and the Contacts
 * sheet lists their contacts), "Fiches clients" with `clientCards`, "Remarques", "Catalogue" with `catalogue`.
 */
export function workbookSheetNames(lang: Lang = "fr", options: SheetNameOptions = {}): string[] {
  const { catalogue = false, clientCards = false, portfolio } = options;
  return [
    planText("sheet.targets", lang),
    planText("sheet.contacts", lang),
    planText("sheet.pac", lang),
    ...(portfolio && hasProspectsSheet(portfolio) ? [planText("sheet.prospects", lang)] : []),
    ...(clientCards ? [planText("sheet.cards", lang)] : []),
    planText("sheet.remarks", lang),
    ...(catalogue ? [catalogueText("sheet.catalogue", lang)] : []),
  ];
}

/**
 * Every remark of a run, in the order of the "Remarques" sheet: the import report's, the scoring's, then
 * `extra`.
 */
export function workbookRemarks(portfolio: ScoredPortfolio, lang: Lang, report?: ImportReport, extra: readonly Remark[] = []): Remark[] {
  return [...(report ? importRemarks(report, lang) : []), ...scoreRemarks(portfolio, lang), ...extra];
}

/**
 * The "Remarques" sheet of `buildWorkbookPlan(portfolio, options)` alone: the import's remarks, the scoring's,
 * the fidelity step's, then `options.remarks`. No other sheet reads the remarks, so a caller that only adds
 * remarks to a built plan replaces this sheet instead of building the plan again.
 */
export function buildWorkbookRemarksSheet(portfolio: ScoredPortfolio, options: WorkbookPlanOptions = {}): SheetPlan {
  const lang = options.lang ?? "fr";
  const extra = [...(options.fidelity?.remarks ?? []), ...(options.remarks ?? [])];
  return buildRemarksSheet(workbookRemarks(portfolio, lang, options.report, extra), lang);
}

/**
 * The written sheets of a scored portfolio, in order: "Cibles" (one row per client), "Contacts" (the
 * capital and its split as formulas over editable parameters, the per-client plan and calendar as values, the
 * monthly plan as their sum), "PAC" (the printable
 * plan, whose capital-dependent cells refer to the Contacts sheet, whose objectives section reads the Cibles
 * objectives and the Prospects statuses), "Prospects" (SPEC §11: criteria, Ep, status, reason, conquest contacts;
 * only when prospects are scored on the four criteria), with `clientCards` "Fiches clients" (each client's full
 * pourquoi), "Remarques" (every warning of the import and of the scoring), and with `catalogue` "Catalogue" (the
 * actions of SPEC §13, the source of the PAC's « Actions choisies » drop-down lists). English names: Targets,
 * Contacts, PAC, Prospects, Client cards, Notes, Catalogue (`workbookSheetNames`).
 * Pure data: the Office.js and exceljs writers apply it.
 */
export function buildWorkbookPlan(portfolio: ScoredPortfolio, options: WorkbookPlanOptions = {}): WorkbookPlan {
  const lang = options.lang ?? "fr";
  const objectives = options.plannedObjectives ?? planObjectives(portfolio, options.objectives);
  const targets = buildTargetsSheet(portfolio, lang, { abc: options.abc ?? portfolio.abc, liveMax: options.liveMax, rfmLiveMax: options.rfmLiveMax, objectives });
  const { sheet: contacts, layout } = buildContactsSheet(portfolio, lang);
  const catalogue = options.catalogue === true ? buildCatalogueSheet(lang) : undefined;
  const fidelity = {
    ...(catalogue ? { actionSource: catalogue.actionSource } : {}),
    ...(options.fidelity ? { fidelity: options.fidelity } : {}),
    ...(options.chosenActions ? { chosenActions: options.chosenActions } : {}),
  };
  const pac = buildPacSheet(portfolio, lang, layout, options.report, objectives, fidelity);
  const prospects = hasProspectsSheet(portfolio) ? [buildProspectsSheet(portfolio, lang, objectives)] : [];
  // Issue 17: the full pourquoi of every client, objectives included, kept in a printable sheet.
  const cards = options.clientCards
    ? [buildClientCardsSheet(portfolio, lang, { objectives, ...(options.fidelity ? { fidelity: options.fidelity } : {}) })]
    : [];
  const remarks = buildWorkbookRemarksSheet(portfolio, options);
  return { sheets: [targets, contacts, pac, ...prospects, ...cards, remarks, ...(catalogue ? [catalogue.sheet] : [])] };
}
