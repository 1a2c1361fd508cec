import type { Lang } from "../i18n";
import { buildContactsSheet } from "./contactsSheet";
import { buildPacSheet } from "./pacSheet";
import type { ScoredPortfolio } from "./score";
import { buildTargetsSheet } from "./targetsSheet";
import type { WorkbookPlan } from "./types";

export interface WorkbookPlanOptions {
  /** Language of every written text; default French. */
  readonly lang?: Lang;
}

/**
 * The three written sheets of a scored portfolio, in order: "Cibles" (one row per client), "Contacts" (the
 * capital, its split and the monthly plan, as formulas over editable parameters) and "PAC" (the printable
 * plan, whose capital-dependent cells refer to the Contacts sheet). English names: Targets, Contacts, PAC.
 * Pure data: the Office.js and exceljs writers apply it.
 */
export function buildWorkbookPlan(portfolio: ScoredPortfolio, options: WorkbookPlanOptions = {}): WorkbookPlan {
  const lang = options.lang ?? "fr";
  const targets = buildTargetsSheet(portfolio, lang);
  const { sheet: contacts, layout } = buildContactsSheet(portfolio, lang);
  const pac = buildPacSheet(portfolio, lang, layout);
  return { sheets: [targets, contacts, pac] };
}
