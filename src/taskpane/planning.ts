import type { Lang } from "../i18n/types";
import { planText } from "../i18n/plan";
import { buildWorkbookPlan, type ScoredPortfolio, type WorkbookPlan } from "../plan";

/** The names of the sheets the wizard writes ("Cibles", "Contacts", "PAC" in French). */
export function outputSheetNames(lang: Lang): string[] {
  return [planText("sheet.targets", lang), planText("sheet.contacts", lang), planText("sheet.pac", lang)];
}

/** The workbook plan of a scored portfolio: the one place the wizard asks src/plan for sheets. */
export function buildPlan(portfolio: ScoredPortfolio, lang: Lang): WorkbookPlan {
  return buildWorkbookPlan(portfolio, { lang });
}
