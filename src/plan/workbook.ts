import type { AbcOptions } from "../engine";
import type { Lang } from "../i18n";
import { planText } from "../i18n/plan";
import type { ImportReport } from "../io/report";
import { buildContactsSheet } from "./contactsSheet";
import { planObjectives, type PlanObjectivesOptions } from "./objectives";
import { buildPacSheet } from "./pacSheet";
import { buildProspectsSheet, hasProspectsSheet } from "./prospectsSheet";
import { buildRemarksSheet, importRemarks, scoreRemarks, type Remark } from "./remarks";
import type { ScoredPortfolio } from "./score";
import { buildTargetsSheet } from "./targetsSheet";
import type { WorkbookPlan } from "./types";

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
}

/**
 * The names of the written sheets, in order ("Cibles", "Contacts", "PAC", "Remarques" in French), with
 * "Prospects" before "Remarques" when `portfolio` has prospects scored on the four criteria (the sheet is written
 * only then: without criteria there is no Ep, no status to compute, and the Contacts sheet lists their contacts).
 */
export function workbookSheetNames(lang: Lang = "fr", portfolio?: Pick<ScoredPortfolio, "prospects" | "targeting">): string[] {
  return [
    planText("sheet.targets", lang),
    planText("sheet.contacts", lang),
    planText("sheet.pac", lang),
    ...(portfolio && hasProspectsSheet(portfolio) ? [planText("sheet.prospects", lang)] : []),
    planText("sheet.remarks", lang),
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
 * The written sheets of a scored portfolio, in order: "Cibles" (one row per client), "Contacts" (the
 * capital and its split as formulas over editable parameters, the per-client plan and calendar as values, the
 * monthly plan as their sum), "PAC" (the printable
 * plan, whose capital-dependent cells refer to the Contacts sheet, whose objectives section reads the Cibles
 * objectives and the Prospects statuses), "Prospects" (SPEC §11: criteria, Ep, status, reason, conquest contacts; only when prospects are scored on the four criteria)
 * and "Remarques" (every warning of the import and of the scoring). English names: Targets, Contacts, PAC,
 * Prospects, Notes (`workbookSheetNames`).
 * Pure data: the Office.js and exceljs writers apply it.
 */
export function buildWorkbookPlan(portfolio: ScoredPortfolio, options: WorkbookPlanOptions = {}): WorkbookPlan {
  const lang = options.lang ?? "fr";
  const objectives = planObjectives(portfolio, options.objectives);
  const targets = buildTargetsSheet(portfolio, lang, { abc: options.abc ?? portfolio.abc, liveMax: options.liveMax, rfmLiveMax: options.rfmLiveMax, objectives });
  const { sheet: contacts, layout } = buildContactsSheet(portfolio, lang);
  const pac = buildPacSheet(portfolio, lang, layout, options.report, objectives);
  const prospects = hasProspectsSheet(portfolio) ? [buildProspectsSheet(portfolio, lang, objectives)] : [];
  const remarks = buildRemarksSheet(workbookRemarks(portfolio, lang, options.report, options.remarks), lang);
  return { sheets: [targets, contacts, pac, ...prospects, remarks] };
}
