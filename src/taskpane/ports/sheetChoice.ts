import { chooseSheet, sheetFit, type SheetCandidate, type SheetFit } from "../../io/chooseSheet";
import { combineSheets } from "../../io/combineSheets";
import { PortError, type DefaultSheet, type SourceTable } from "./port";

/**
 * The default sheet of a workbook by the command line's rule (`chooseSheet`), with the visible sheets that
 * have a client table or journal header (the ones `--sheet all` would combine).
 */
export function defaultSheetOf(heads: readonly SheetCandidate[], active: string | undefined): DefaultSheet | undefined {
  // Each sheet's fit once: the choice and the list of recognised sheets both need it.
  const fits = new Map<SheetCandidate, SheetFit>();
  const fitOf = (head: SheetCandidate): SheetFit => {
    let fit = fits.get(head);
    if (!fit) {
      fit = sheetFit(head.rows);
      fits.set(head, fit);
    }
    return fit;
  };
  const choice = chooseSheet(heads, active, fitOf);
  if (!choice) return undefined;
  const visible = heads.filter((h) => h.visible);
  const pool = visible.length > 0 ? visible : heads;
  return {
    name: choice.name,
    reason: choice.reason,
    among: pool.length,
    recognised: pool.filter((h) => fitOf(h).score > 0).map((h) => h.name),
  };
}

/**
 * Several sheets read by a port, combined under the first one's header by the command line's code
 * (`combineSheets`): the same rows, numbered the same way, and the part each sheet gave.
 *
 * @throws PortError source.error.differ naming the sheets whose columns differ from the first one's, or
 * source.error.combineFew for fewer than two sheets.
 */
export function combineTables(tables: readonly SourceTable[]): SourceTable {
  if (tables.length < 2) throw new PortError("source.error.combineFew");
  const combined = combineSheets(tables.map((t) => ({ name: t.sheetName, rows: t.rows, firstRowNumber: t.firstRowNumber })));
  if (!combined.ok) {
    const sheets = combined.differ.map((n) => `« ${n} »`).join(", ");
    throw new PortError("source.error.differ", { sheets, first: tables[0].sheetName, n: combined.differ.length });
  }
  return {
    sheetName: tables.map((t) => t.sheetName).join(", "),
    address: "",
    firstRowNumber: combined.firstRowNumber,
    rows: combined.rows,
    parts: combined.parts,
    ...(tables.some((t) => t.date1904) ? { date1904: true } : {}),
  };
}
