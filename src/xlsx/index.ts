// Node entry (the CLI): `readXlsxRows` reads files with node:fs. The browser imports "./write" and "./readRows" directly.
export { writeXlsx, writeXlsxPackage } from "./write";
export type { WriteXlsxOptions, WrittenXlsx } from "./write";
export { readXlsxRows } from "./read";
export { finishParts, zipParts, chartXml } from "./charts";
export { graftSheets, inspectBase } from "./graft";
export type { SheetCharts } from "./charts";
export { openXlsx, UnsupportedXlsx, isDateFormat } from "./readRows";
export type { XlsxSheets, XlsxSheet, SheetState } from "./readRows";
export { cleanWorkbookPlan } from "./cleanPlan";
export type { CleanPlan, WriteRemark } from "./cleanPlan";
export { cleanCellText, countInvalidXmlChars, xmlSafe, xmlText, MAX_CELL_CHARS } from "./xmlText";
export { SHEET_MARK } from "./graft";
