import { resolveRun, type ExcelEnv } from "./env";
import { officeErrorCode, WorkbookError } from "./errors";

export interface SheetInfo {
  readonly name: string;
  readonly visible: boolean;
  readonly active: boolean;
}

/** The workbook's sheets in tab order, with their visibility and which one is active, in one sync. */
export async function listSheets(env: ExcelEnv = {}): Promise<SheetInfo[]> {
  return resolveRun(env)(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/visibility");
    const active = sheets.getActiveWorksheet();
    active.load("name");
    await context.sync();
    return sheets.items.map((s) => ({ name: s.name, visible: s.visibility === "Visible", active: s.name === active.name }));
  });
}

/**
 * Shows a sheet (makes it the active one), in one sync.
 * @throws WorkbookError SHEET_NOT_FOUND when there is no such sheet.
 */
export async function activateSheet(name: string, env: ExcelEnv = {}): Promise<void> {
  await resolveRun(env)(async (context) => {
    context.workbook.worksheets.getItem(name).activate();
    try {
      await context.sync();
    } catch (error) {
      if (officeErrorCode(error) === "ItemNotFound") throw new WorkbookError("SHEET_NOT_FOUND", { sheet: name }, error);
      throw error;
    }
  });
}
