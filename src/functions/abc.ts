import { classifyAbc, type AbcMode } from "../engine/abc";
import { EngineError } from "../engine/errors";
import { optionalChoice, optionalNumber, readNumberCell, spill, toVector } from "./cells";
import { inCell, toCellError } from "./errors";

const MODES: Readonly<Record<string, AbcMode>> = { montant: "amount", amount: "amount", ca: "amount", clients: "clients" };

/** A threshold typed as 80 or 80 % (0.8) means the same: values above 1 are read as percentages. */
function threshold(value: unknown, arg: string): number | undefined {
  const v = optionalNumber(value, arg, "un pourcentage, par exemple 80 % ou 0,8");
  return v === undefined ? undefined : v > 1 ? v / 100 : v;
}

/**
 * `=PAC.ABC(amounts, [threshold_a], [threshold_b], [mode])`: one class per cell of a one-column (or one-row)
 * range. Blank cells give a blank result; text or error cells give #VALUE! on their row only; the classes are
 * computed on the numeric cells.
 */
export function abcCells(
  amounts: unknown,
  thresholdA: unknown,
  thresholdB: unknown,
  mode: unknown,
): (string | CustomFunctions.Error)[][] {
  return inCell(() => {
    const { cells, orientation } = toVector(amounts, "montants");
    const m = optionalChoice(mode, "mode", MODES) ?? "amount";
    const defaults = m === "amount" ? [0.8, 0.95] : [0.2, 0.5];
    const a = threshold(thresholdA, "seuil_a") ?? defaults[0];
    const b = threshold(thresholdB, "seuil_b") ?? defaults[1];
    const out: (string | CustomFunctions.Error)[] = new Array(cells.length).fill("");
    const values: number[] = [];
    const rows: number[] = [];
    cells.forEach((cell, i) => {
      const read = readNumberCell(cell, "Montant", i + 1);
      if (read.kind === "number") {
        values.push(read.value);
        rows.push(i);
      } else if (read.kind === "invalid") out[i] = toCellError(read.error);
    });
    if (values.length === 0) throw new EngineError("NO_NUMBER", { arg: "montants" });
    classifyAbc(values, { thresholds: [a, b], mode: m }).forEach((r, k) => {
      out[rows[k]] = r.cls;
    });
    return spill(out, orientation);
  });
}
