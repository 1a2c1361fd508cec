// The only code of the add-in that calls Excel.run: read the user's table, write sheet plans, freeze/restore PAC formulas.
export { applyWorkbookPlan, GENERATED_MARK } from "./applyPlan";
export type { ApplyPlanOptions, ApplyPlanResult } from "./applyPlan";
export { readSheetTable, readSheetHeads, HEAD_ROWS, HEAD_COLUMNS } from "./readTable";
export type { ReadSheetTableOptions, ReadSource, SheetTable, SheetHead, SheetHeads } from "./readTable";
export { listSheets, activateSheet } from "./sheets";
export type { SheetInfo } from "./sheets";
export { prepareForSharing, restoreFormulas, RECORD_SHEET, DEFAULT_MAX_NOTES } from "./sharing";
export type { FrozenFormula, SharingOptions, SharingResult, SharingScope } from "./sharing";
export { WorkbookError, isWorkbookError } from "./errors";
export type { ExcelErrorCode } from "./errors";
export { REQUIRED_API, NOTES_API } from "./env";
export type { ApiSupport, ExcelEnv, ExcelRun } from "./env";
export { escapeText, needsTextEscape } from "./cellInput";
