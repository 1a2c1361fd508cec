export { scorePortfolio, warningText, reasonText, DEFAULT_CAPITAL_INPUT, PLAN_METHODS } from "./score";
export type {
  ScoreOptions,
  ScoredPortfolio,
  ScoredClient,
  ScoreWarning,
  WarningSeverity,
  ClientReason,
  CapitalSetting,
  ClassSummary,
  PlanMethod,
  PlanningTable,
} from "./score";
export { scoreTable, SCORE_COLUMNS } from "./scoreTable";
export type { ScoreColumn, ScoreRow } from "./scoreTable";
export { buildWorkbookPlan, buildWorkbookRemarksSheet, workbookSheetNames, workbookRemarks } from "./workbook";
export { buildRemarksSheet, importRemarks, scoreRemarks, remarkKindLabel, warningKind, REMARK_KINDS } from "./remarks";
export type { Remark, RemarkKind } from "./remarks";
export type { WorkbookPlanOptions } from "./workbook";
export { buildTargetsSheet, TARGET_COLUMNS, LIVE_CLIENTS_MAX, RFM_LIVE_MAX } from "./targetsSheet";
export { buildProspectsSheet } from "./prospectsSheet";
export { objectiveRow, pacObjectiveCell, OBJECTIVE_ROWS, PAC_OBJECTIVES_TOP } from "./pacLayout";
export { buildContactsSheet, planningMonths, reserveLines, scaledMessage } from "./contactsSheet";
export type { ContactsLayout, ReserveLine } from "./contactsSheet";
export { buildPacSheet, actionLines, MAX_PARETO_POINTS } from "./pacSheet";
export type { ActionLine } from "./pacSheet";
export { contactsModel } from "./contactsModel";
export type { ContactsModel, PlacedContacts, PlanningMonths, PlanningLine } from "./contactsModel";
export { resolveSheetNames, renameSheetsInPlan, MAX_SHEET_NAME } from "./sheetNames";
export { shortWhy } from "./summary";
export { columnLetter, cellAddress, rangeAddress, quoteSheet, isFormulaCell } from "./cells";
export type {
  FormulaCell,
  PlanValue,
  CellRange,
  ValueBlock,
  CellStyle,
  FormatRule,
  ConditionalColour,
  TablePlan,
  PrintPlan,
  ChartPlan,
  NamedCell,
  SheetPlan,
  RowHeight,
  ColumnGroup,
  WorkbookPlan,
} from "./types";
export { planObjectives, growthLines } from "./objectives";
export type { PlanObjectives, PlanObjectivesOptions, ClientObjectiveLine, ProspectLine } from "./objectives";
export { targetProspects } from "./prospects";
export type { ProspectTargeting } from "./prospects";
export { buildCatalogueSheet, suggestionFor, actionsForTarget, catalogueEntry, CATALOGUE, CATALOGUE_FAMILIES, CATALOGUE_TARGETS, CHOSEN_SLOTS, CUSTOM_ROWS } from "./catalogue";
export type { CatalogueEntry, CatalogueSheet, TargetSuggestion, CatalogueActionId, CatalogueFamilyId, CatalogueTargetId } from "./catalogue";
export { computeFidelity } from "./fidelity";
export type { Fidelity, FidelityInput, FidelityReason } from "./fidelity";
export { fidelityDiagnosis, fidelityActions, leavingClients, targetCounts, slotColumns, withValidations, ENGAGEMENT_COLOURS, IDEAL_COLOURS, LEAVING_LISTED } from "./fidelitySection";
export type { ChosenActions, FidelityPac } from "./fidelitySection";
