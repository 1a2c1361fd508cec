import {
  activateSheet,
  applyWorkbookPlan,
  listSheets,
  prepareForSharing,
  readSheetTable,
  restoreFormulas,
  type ExcelEnv,
  type ReadSource,
} from "../../excel";
import type { WorkbookPort, SourceRef } from "./port";

function readSource(source: SourceRef): ReadSource {
  switch (source.kind) {
    case "active":
      return { kind: "activeSheet" };
    case "selection":
      return { kind: "selection" };
    case "sheet":
      return { kind: "sheet", sheetName: source.name };
  }
}

/**
 * The workbook port inside Excel: a thin layer over src/excel (every Office.js call lives there). `env` lets
 * tests pass a fake `Excel.run`.
 */
export function createExcelPort(env: ExcelEnv = {}): WorkbookPort {
  return {
    kind: "excel",
    title: "",
    listSheets: async () => (await listSheets(env)).filter((s) => s.visible).map((s) => ({ name: s.name, active: s.active })),
    readTable: async (source) => {
      const t = await readSheetTable({ ...env, source: readSource(source) });
      return { sheetName: t.sheetName, address: t.address, firstRowNumber: t.firstRowNumber, rows: t.rows };
    },
    existingSheets: async (names) => {
      const wanted = new Set(names.map((n) => n.toLocaleUpperCase("fr-FR")));
      return (await listSheets(env)).filter((s) => wanted.has(s.name.toLocaleUpperCase("fr-FR"))).map((s) => s.name);
    },
    writePlan: async (plan, options) => {
      // replace: true still never touches a sheet without PAC Commercial's mark (applyWorkbookPlan's contract).
      const result = await applyWorkbookPlan(plan, {
        ...env,
        replace: options.replace,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      return { sheetNames: result.sheetNames };
    },
    selectSheet: (name) => activateSheet(name, env),
    prepareForSharing: async () => (await prepareForSharing({ ...env, scope: "workbook" })).message,
    restoreFormulas: async () => (await restoreFormulas({ ...env, scope: "workbook" })).message,
  };
}
