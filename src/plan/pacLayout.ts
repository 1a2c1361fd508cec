import type { Lang } from "../i18n";
import { planText } from "../i18n/plan";
import { sheetCell } from "./cells";

/**
 * The fixed rows of the PAC's section 1 (Objectifs, SPEC §9–§10), 0-based. The section starts on the sixth row
 * (title, subtitle, note, blank, section heading above it), so the Cibles sheet, built first, can refer to the
 * rate parameter cells the manager edits there: a changed g_dev or g_base moves every client's objective.
 * Values sit in column B.
 */
export const PAC_OBJECTIVES_TOP = 5;

export const OBJECTIVE_ROWS = {
  lastCa: 0,
  growth: 1,
  asked: 2,
  developRate: 3,
  baseRate: 4,
  objectives: 5,
  retained: 6,
  conversion: 7,
  prospectValue: 8,
  conquest: 9,
  expected: 10,
  missing: 11,
  needed: 12,
  verdict: 13,
  deadline: 14,
  indicator: 15,
} as const;

export type ObjectiveRow = keyof typeof OBJECTIVE_ROWS;

/** The sheet row (0-based) of one line of section 1. */
export function objectiveRow(line: ObjectiveRow): number {
  return PAC_OBJECTIVES_TOP + OBJECTIVE_ROWS[line];
}

/** `'PAC'!$B$9`: the value cell of one line of section 1, from another sheet. */
export function pacObjectiveCell(line: ObjectiveRow, lang: Lang): string {
  return sheetCell(planText("sheet.pac", lang), objectiveRow(line), 1);
}
