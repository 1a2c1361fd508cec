import type { AbcOptions } from "../engine";
import type { Lang } from "../i18n";
import { planText } from "../i18n/plan";
import type { ImportReport } from "../io/report";
import { buildClientCardsSheet } from "./clientCardsSheet";
import { buildContactsSheet } from "./contactsSheet";
import { planObjectives } from "./objectives";
import { buildPacSheet } from "./pacSheet";
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
  /**
   * Adds the printable "Fiches clients" sheet before "Remarques": each client's full pourquoi, the wizard's
   * (issue 17). Default false, so the written sheets stay the four others until every caller asks for it.
   */
  readonly clientCards?: boolean;
}

/**
 * The names of the written sheets, in order ("Cibles", "Contacts", "PAC", "Remarques" in French; "Fiches
 * clients" before "Remarques" with `clientCards`).
 */
export function workbookSheetNames(lang: Lang = "fr", options: { readonly clientCards?: boolean } = {}): string[] {
  return [
    planText("sheet.targets", lang),
    planText("sheet.contacts", lang),
    planText("sheet.pac", lang),
    ...(options.clientCards ? [planText("sheet.cards", lang)] : []),
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
 * The four written sheets of a scored portfolio, in order: "Cibles" (one row per client), "Contacts" (the
 * capital and its split as formulas over editable parameters, the per-client plan and calendar as values, the
 * monthly plan as their sum), "PAC" (the printable
 * plan, whose capital-dependent cells refer to the Contacts sheet) and "Remarques" (every warning of the import
 * and of the scoring). English names: Targets, Contacts, PAC, Notes (`workbookSheetNames`).
 * Pure data: the Office.js and exceljs writers apply it.
 */
export function buildWorkbookPlan(portfolio: ScoredPortfolio, options: WorkbookPlanOptions = {}): WorkbookPlan {
  const lang = options.lang ?? "fr";
  const targets = buildTargetsSheet(portfolio, lang, { abc: options.abc ?? portfolio.abc, liveMax: options.liveMax });
  const { sheet: contacts, layout } = buildContactsSheet(portfolio, lang);
  const pac = buildPacSheet(portfolio, lang, layout, options.report);
  // Issue 17: the full pourquoi of every client, objectives included, kept in a printable sheet.
  const cards = options.clientCards ? [buildClientCardsSheet(portfolio, lang, { objectives: planObjectives(portfolio) })] : [];
  const remarks = buildRemarksSheet(workbookRemarks(portfolio, lang, options.report, options.remarks), lang);
  return { sheets: [targets, contacts, pac, ...cards, remarks] };
}
