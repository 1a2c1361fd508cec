import {
  activateSheet,
  applyWorkbookPlan,
  listSheets,
  prepareForSharing,
  readSheetHeads,
  readSheetTable,
  restoreFormulas,
  type ExcelEnv,
  type ReadSource,
} from "../../excel";
import type { WorkbookPort, SourceRef, SourceTable } from "./port";
import { combineTables, defaultSheetOf } from "./sheetChoice";

function readSource(source: Exclude<SourceRef, { kind: "sheets" }>): ReadSource {
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
    // The command line's rule on the first rows of every visible sheet, read in two syncs (readSheetHeads).
    defaultSheet: async () => {
      const heads = await readSheetHeads(env);
      return defaultSheetOf(heads.sheets, heads.active);
    },
    readTable: async (source) => {
      const one = async (ref: Exclude<SourceRef, { kind: "sheets" }>): Promise<SourceTable> => {
        const t = await readSheetTable({ ...env, source: readSource(ref) });
        return { sheetName: t.sheetName, address: t.address, firstRowNumber: t.firstRowNumber, rows: t.rows };
      };
      if (source.kind !== "sheets") return one(source);
      const tables: SourceTable[] = [];
      for (const name of source.names) tables.push(await one({ kind: "sheet", name }));
      return combineTables(tables);
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
