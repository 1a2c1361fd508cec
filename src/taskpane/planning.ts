import type { Lang } from "../i18n/types";
import type { ImportReport } from "../io/report";
import { buildWorkbookPlan, workbookSheetNames, type ChosenActions, type Fidelity, type PlanObjectivesOptions, type ScoredPortfolio, type WorkbookPlan } from "../plan";

/**
 * The names of the sheets the wizard writes ("Cibles", "Contacts", "PAC", "Prospects" when the portfolio's
 * prospects are scored on the four criteria, "Fiches clients", "Remarques", "Catalogue" in French).
 */
export function outputSheetNames(lang: Lang, portfolio?: ScoredPortfolio): string[] {
  return workbookSheetNames(lang, { clientCards: true, catalogue: true, ...(portfolio ? { portfolio } : {}) });
}

/**
 * The workbook plan of a scored portfolio: the one place the wizard asks src/plan for sheets. The import
 * report's entries go to the "Remarques" sheet with the scoring's warnings; every client's pourquoi, as the
 * wizard shows it, to "Fiches clients"; engagement and the ideal clients (issue 16) to the PAC, whose « Actions
 * choisies » are drop-down lists over the "Catalogue" sheet.
 */
export function buildPlan(
  portfolio: ScoredPortfolio,
  lang: Lang,
  report?: ImportReport,
  fidelity?: Fidelity,
  objectives?: PlanObjectivesOptions,
  chosenActions?: ChosenActions,
): WorkbookPlan {
  return buildWorkbookPlan(portfolio, {
    lang,
    clientCards: true,
    catalogue: true,
    ...(report ? { report } : {}),
    ...(fidelity ? { fidelity } : {}),
    // The growth asked typed in Aperçu goes to the PAC's parameter cell, so the written verdict is the one shown.
    ...(objectives ? { objectives } : {}),
    // The actions the rep chose per target in Méthodes pre-fill the PAC's drop-down cells.
    ...(chosenActions ? { chosenActions } : {}),
  });
}
