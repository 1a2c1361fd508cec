import { ENGAGEMENT_CLASSES, ENGAGEMENT_LABEL, ENGAGEMENT_NOT_CLASSED, engagement } from "../engine/engagement";
import { EngineError } from "../engine/errors";
import { explain, label } from "../i18n";
import { optionalChoice, readNumberCell } from "./cells";
import { cellLang, type Out } from "./columns";
import { inCell, toCellError } from "./errors";

type EngagementOutput = "class" | "risk" | "reason";

const OUTPUTS: Readonly<Record<string, EngagementOutput>> = {
  classe: "class",
  class: "class",
  risque: "risk",
  risk: "risk",
  raison: "reason",
  reason: "reason",
};

/** A 2-D range argument as rows (a single cell is a 1 × 1 range). */
function grid(range: unknown, arg: string): unknown[][] {
  const rows = Array.isArray(range) ? (range as unknown[][]) : [[range]];
  if (rows.length === 0 || !Array.isArray(rows[0]) || rows[0].length === 0) throw new EngineError("EMPTY_INPUT", { arg });
  return rows;
}

/** A one-row or one-column range as a list. */
function line(range: unknown, arg: string): unknown[] {
  const rows = grid(range, arg);
  if (rows.length === 1) return rows[0];
  if (rows[0].length === 1) return rows.map((r) => r[0]);
  throw new EngineError("NOT_A_RANGE", { arg, rows: rows.length, cols: rows[0].length });
}

/**
 * `=PAC.ENGAGEMENT(achats_n1, achats_n, types, [familles], [sortie])` (SPEC §12): two client × family tables of
 * the same size, one row per client and one column per product family, as a pivot table of the journal gives
 * them for N-1 and for N; `types` one row (or column) with FiLo, FiFo, LiFo or LiLo per family column; `familles`
 * the family names (the pivot's header row) for the reasons. Per client: the engagement class (default), "risque"
 * (the CA at risk: N-1 spend of the families stopped) or "raison". In a pivot table a blank cell means "nothing
 * bought", so a blank spend reads as no purchase here; text or an error marks that client's row #VALUE!. A client
 * with nothing in either table stays blank.
 */
export function engagementCells(spendN1: unknown, spendN: unknown, types: unknown, families: unknown, output: unknown): Out[][] {
  return inCell(() => {
    const a1 = grid(spendN1, "achats_n1");
    const a0 = grid(spendN, "achats_n");
    const width = a1[0].length;
    if (a0.length !== a1.length || a0[0].length !== width) {
      throw new EngineError("LENGTH_MISMATCH", { arg: "achats_n1", n1: a1.length * width, arg2: "achats_n", n2: a0.length * a0[0].length });
    }
    const typeList = line(types, "types");
    if (typeList.length !== width) throw new EngineError("LENGTH_MISMATCH", { arg: "achats_n1 (colonnes)", n1: width, arg2: "types", n2: typeList.length });
    const names = families === null || families === undefined || families === "" ? undefined : line(families, "familles");
    if (names && names.length !== width) throw new EngineError("LENGTH_MISMATCH", { arg: "achats_n1 (colonnes)", n1: width, arg2: "familles", n2: names.length });
    const labels = Array.from({ length: width }, (_, f) => (names && names[f] !== null && names[f] !== "" ? String(names[f]) : `${f + 1}`));
    const what = optionalChoice(output, "sortie", OUTPUTS) ?? "class";
    const out: Out[] = new Array<Out>(a1.length).fill("");
    const start = [0];
    const family: number[] = [];
    const s1: number[] = [];
    const s0: number[] = [];
    const rows: number[] = [];
    for (let i = 0; i < a1.length; i++) {
      let bad: EngineError | undefined;
      const pairs: [number, number, number][] = [];
      for (let f = 0; f < width; f++) {
        const x1 = readNumberCell(a1[i][f], "achats_n1", i + 1);
        const x0 = readNumberCell(a0[i][f], "achats_n", i + 1);
        if (x1.kind === "invalid" || x0.kind === "invalid") {
          bad ??= x1.kind === "invalid" ? x1.error : (x0 as { error: EngineError }).error;
          continue;
        }
        const v1 = x1.kind === "number" ? x1.value : 0;
        const v0 = x0.kind === "number" ? x0.value : 0;
        if (v1 !== 0 || v0 !== 0) pairs.push([f, v1, v0]);
      }
      if (bad) {
        out[i] = toCellError(bad);
        continue;
      }
      for (const [f, v1, v0] of pairs) {
        family.push(f);
        s1.push(v1);
        s0.push(v0);
      }
      start.push(family.length);
      rows.push(i);
    }
    const r = engagement({ families: labels, start, family, spendN1: s1, spendN: s0 }, typeList);
    const lang = cellLang();
    for (let j = 0; j < r.n; j++) {
      if (r.engagement[j] === ENGAGEMENT_NOT_CLASSED) continue;
      const i = rows[j];
      out[i] =
        what === "class"
          ? label(ENGAGEMENT_LABEL[ENGAGEMENT_CLASSES[r.engagement[j]]], lang)
          : what === "risk"
            ? r.caAtRisk[j]
            : explain(r.explain(j), lang);
    }
    return out.map((v) => [v]);
  });
}
