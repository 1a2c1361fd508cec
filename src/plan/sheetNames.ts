import { mapCells } from "./rows";
import { RowFormula, formula, isFormulaCell, quoteSheet } from "./cells";
import type { PlanValue, SheetPlan, WorkbookPlan } from "./types";

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;

/** Sheet names compare without case in Excel ("pac" and "PAC" are the same sheet). */
function key(name: string): string {
  return name.toLocaleUpperCase("fr-FR");
}

/**
 * The name each sheet of the plan gets in a workbook that already has `taken` sheets: its own name when free
 * (or when `replace`, the writer then drops the old sheet), else "Name (2)", "Name (3)"… cut to 31 characters.
 * Plan sheets never collide with each other either.
 *
 * @example resolveSheetNames(plan, ["PAC"]).get("PAC") // "PAC (2)"
 */
export function resolveSheetNames(plan: WorkbookPlan, taken: readonly string[], replace = false): Map<string, string> {
  const used = new Set(replace ? [] : taken.map(key));
  const result = new Map<string, string>();
  for (const sheet of plan.sheets) {
    let name = sheet.name;
    for (let k = 2; used.has(key(name)); k++) {
      const suffix = ` (${k})`;
      name = sheet.name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    used.add(key(name));
    result.set(sheet.name, name);
  }
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The plan with sheets renamed (`renames`: plan name → written name) and every formula's references to them
 * (`'Old'!`, the only form the builders write) retargeted, in one pass so renames never chain: cell formulas,
 * formula colours and the sources of drop-down lists.
 */
export function renameSheetsInPlan(plan: WorkbookPlan, renames: ReadonlyMap<string, string>): WorkbookPlan {
  const changed = [...renames].filter(([from, to]) => from !== to);
  if (changed.length === 0) return plan;
  const target = new Map(changed.map(([from, to]) => [`${quoteSheet(from)}!`, `${quoteSheet(to)}!`]));
  const pattern = new RegExp([...target.keys()].map(escapeRegExp).join("|"), "g");
  const rewrite = (text: string): string => text.replace(pattern, (m) => target.get(m) ?? m);
  // A column of row formulas shares its pieces: rewritten once, and the rows keep sharing them.
  const rewritten = new Map<readonly string[], readonly string[]>();
  const retarget = (value: PlanValue): PlanValue => {
    if (!isFormulaCell(value)) return value;
    if (value instanceof RowFormula) {
      let pieces = rewritten.get(value.pieces);
      if (pieces === undefined) {
        pieces = value.pieces.map(rewrite);
        rewritten.set(value.pieces, pieces.every((p, k) => p === value.pieces[k]) ? value.pieces : pieces);
      }
      return pieces === value.pieces ? value : new RowFormula(pieces, value.row, value.result);
    }
    const text = rewrite(value.formula);
    return text === value.formula ? value : formula(text, value.result);
  };
  const sheets = plan.sheets.map(
    (sheet): SheetPlan => ({
      ...sheet,
      name: renames.get(sheet.name) ?? sheet.name,
      blocks: sheet.blocks.map((b) => ({ ...b, values: mapCells(b.values, retarget) })),
      ...(sheet.formulaColours ? { formulaColours: sheet.formulaColours.map((c) => ({ ...c, formula: rewrite(c.formula) })) } : {}),
      ...(sheet.validations ? { validations: sheet.validations.map((v) => ({ ...v, source: rewrite(v.source) })) } : {}),
    }),
  );
  return { ...plan, sheets };
}
