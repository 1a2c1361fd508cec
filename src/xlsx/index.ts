export { writeXlsx } from "./write";
export type { WriteXlsxOptions } from "./write";
export { readXlsxRows } from "./read";
export { finishParts, zipParts, chartXml } from "./charts";
export { graftSheets, inspectBase } from "./graft";
export type { SheetCharts } from "./charts";
