// Node entry (the CLI): `readXlsxRows` reads files with node:fs. The browser imports "./write" and "./readRows" directly.
export { writeXlsx, writeXlsxPackage } from "./write";
export type { WriteXlsxOptions, WrittenXlsx } from "./write";
export { readXlsxRows } from "./read";
export { chartXml } from "./charts";
export { graftSheets, inspectBase } from "./graft";
export { openXlsx, isDateFormat } from "./readRows";
export type { OpenXlsxOptions, XlsxSheets, XlsxSheet, SheetState } from "./readRows";
export { XlsxError, isXlsxError } from "./errors";
export type { XlsxErrorCode } from "./errors";
export { XLSX_LIMITS } from "./limits";
export type { XlsxLimits } from "./limits";
export { cleanWorkbookPlan } from "./cleanPlan";
export type { CleanPlan, WriteRemark } from "./cleanPlan";
export { cleanCellText, countInvalidXmlChars, xmlSafe, xmlText, MAX_CELL_CHARS } from "./xmlText";
export { SHEET_MARK } from "./graft";
