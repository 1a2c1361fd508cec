import { EngineError } from "../engine/errors";
import { quarterRanks } from "../engine/quarterRanks";
import { spill } from "./cells";
import { completeRows, numberColumn, type Out } from "./columns";
import { inCell } from "./errors";

/**
 * `=PAC.QUARTER_RANK(amounts)` (French `PAC.RANG_QUART`): the interquartile rank 1–4 of each client (the quarter
 * of the total amount it falls in, docs/methodes.md §3), used as R on realised CA and as P on potential. Blank
 * rows stay blank. Not named QUARTILE: that is a built-in Excel function, in English and in French.
 */
export function quarterRankCells(amounts: unknown): Out[][] {
  return inCell(() => {
    const col = numberColumn(amounts, "montants", "Montant");
    const { rows, values, out } = completeRows([col]);
    if (rows.length === 0) throw new EngineError("NO_NUMBER", { arg: "montants" });
    quarterRanks(values[0]).forEach((rank, k) => {
      out[rows[k]] = rank;
    });
    return spill(out, col.orientation);
  });
}
