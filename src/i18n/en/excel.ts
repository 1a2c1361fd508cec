import type { ExcelErrorCode, ExcelTextKey } from "../fr/excel";

/** English version of every text of the Office.js layer (same keys and placeholders as the French catalogue). */
export const excelErrorsEn: Record<ExcelErrorCode, string> = {
  SHEET_NOT_FOUND: "The sheet “{sheet}” is not in this workbook.",
  API_NOT_SUPPORTED:
    "This version of Excel does not support the Excel API {version} that PAC Commercial needs (Microsoft 365, or Excel 2021 and later).",
  WRITE_FAILED:
    "Writing the sheets failed ({detail}). The sheets being written were removed; your own sheets were not changed.",
  FORMULAS_BUSY: "{n} PAC formula(s) are still calculating (#BUSY!): wait for the calculation to end, then try again. Nothing was frozen.",
  FORMULAS_UNAVAILABLE: "{n} PAC formula(s) show #NAME?: the PAC functions are not loaded. Reload the add-in, then try again. Nothing was frozen.",
};

export const excelTextsEn: Record<ExcelTextKey, string> = {
  "count.formula.one": "{n} formula",
  "count.formula.other": "{n} formulas",
  "count.sheet.one": "{n} sheet",
  "count.sheet.other": "{n} sheets",
  "prepare.done.one": "{formulas} frozen on {sheets}.",
  "prepare.done.other": "{formulas} frozen on {sheets}.",
  "prepare.none": "No PAC formula to freeze: nothing was changed.",
  "prepare.notesFailed": "The notes could not be added to the cells; the formulas are still recorded in the hidden sheet “{sheet}”.",
  "prepare.notesCapped": "Notes added to the first {n} formulas; all of them are recorded in the hidden sheet “{sheet}”.",
  "restore.done.one": "{formulas} restored on {sheets}.",
  "restore.done.other": "{formulas} restored on {sheets}.",
  "restore.none": "No frozen formula to restore.",
  "restore.missingSheets": "{formulas} not restored: sheet(s) not found ({names}).",
  "restore.notesLeft":
    "{n} “[PAC]” {n|note remains|notes remain} on the restored cells: this version of Excel could not remove {n|it|them}; delete {n|it|them} by hand (right-click › Delete Note).",
  "note.frozen": "[PAC] Formula frozen for sharing:\n{formula}\nTo bring it back: PAC Commercial › Restore formulas.",
  "record.sheet": "Sheet",
  "record.cell": "Cell",
  "record.formula": "Formula",
  "record.range": "Frozen range",
  "record.date": "Frozen on",
  "record.note": "Note added",
};
