import type { UiKey } from "../fr/ui";

export const uiEn: Record<UiKey, string> = {
  "app.title": "PAC Commercial",
  "app.subtitle": "Sales action plan: targets, contact capital and the PAC sheet.",
  "app.standalone": "Browser mode: open an .xlsx or .csv workbook to start.",
  "app.inExcel": "Excel workbook connected.",
  "app.functionsTitle": "Functions available in cells",
  "app.functionsHint": "Type for example =PAC.ABC(D2:D200): the result spills over the whole column.",
  "app.privacy": "Everything is computed in the workbook: no client data leaves your computer.",
  "app.language": "Language",
  "fn.ABC": "Class A, B or C (Pareto 20/80) of each client.",
};
