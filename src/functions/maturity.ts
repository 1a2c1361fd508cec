import { EngineError } from "../engine/errors";
import { maturity } from "../engine/maturity";
import { readNumberCell } from "./cells";
import { type Out } from "./columns";
import { inCell, toCellError } from "./errors";
import { percentArg } from "./abc";

/**
 * `=PAC.MATURITY(periods_range, [threshold])`: D, C, M or V per client from a range with one row per client and
 * one column per period, oldest first. Only the last two periods count; a blank in either gives a blank
 * result, as does a client with no CA in both (not classed).
 */
export function maturityCells(periods: unknown, threshold: unknown): Out[][] {
  return inCell(() => {
    const grid = (Array.isArray(periods) ? periods : [[periods]]) as unknown[][];
    const width = grid[0]?.length ?? 0;
    if (width < 2) throw new EngineError("TOO_FEW_PERIODS", { row: 1, n: width });
    const t = percentArg(threshold, "seuil");
    const out: Out[] = new Array<Out>(grid.length).fill("");
    const rows: number[] = [];
    const pairs: number[][] = [];
    grid.forEach((line, i) => {
      const prev = readNumberCell(line[width - 2], "CA avant-dernière période", i + 1);
      const last = readNumberCell(line[width - 1], "CA dernière période", i + 1);
      if (prev.kind === "invalid") out[i] = toCellError(prev.error);
      else if (last.kind === "invalid") out[i] = toCellError(last.error);
      else if (prev.kind === "number" && last.kind === "number") {
        rows.push(i);
        pairs.push([prev.value, last.value]);
      }
    });
    if (rows.length > 0) {
      maturity(pairs, t === undefined ? {} : { threshold: t }).forEach((r, k) => {
        out[rows[k]] = r.phase ?? "";
      });
    }
    return out.map((v) => [v]);
  });
}
