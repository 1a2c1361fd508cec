import { ABC_CLASSES, scoreAbcColumns, type AbcMode } from "../engine/abc";
import { EngineError } from "../engine/errors";
import { optionalChoice, optionalNumber, spill } from "./cells";
import { completeRows, numberColumn, type Out } from "./columns";
import { inCell } from "./errors";

const MODES: Readonly<Record<string, AbcMode>> = { montant: "amount", amount: "amount", ca: "amount", clients: "clients" };

/** A share typed as 80 or as 80 % (0.8) means the same: values above 1 are read as percentages. */
export function percentArg(value: unknown, arg: string): number | undefined {
  const v = optionalNumber(value, arg, "un pourcentage, par exemple 80 % ou 0,8");
  return v === undefined ? undefined : v > 1 ? v / 100 : v;
}

/**
 * `=PAC.ABC(amounts, [threshold_a], [threshold_b], [mode])`: one class per cell of a one-column (or one-row)
 * range. Blank cells give a blank result; text or error cells give #VALUE! on their row only; the classes are
 * computed on the numeric cells.
 */
export function abcCells(amounts: unknown, thresholdA: unknown, thresholdB: unknown, mode: unknown): Out[][] {
  return inCell(() => {
    const col = numberColumn(amounts, "montants", "Montant");
    const m = optionalChoice(mode, "mode", MODES) ?? "amount";
    const defaults = m === "amount" ? [0.8, 0.95] : [0.2, 0.5];
    const a = percentArg(thresholdA, "seuil_a") ?? defaults[0];
    const b = percentArg(thresholdB, "seuil_b") ?? defaults[1];
    const { rows, values, out } = completeRows([col]);
    if (rows.length === 0) throw new EngineError("NO_NUMBER", { arg: "montants" });
    const { cls } = scoreAbcColumns(values[0], { thresholds: [a, b], mode: m });
    rows.forEach((row, k) => {
      out[row] = ABC_CLASSES[cls[k]];
    });
    return spill(out, col.orientation);
  });
}
