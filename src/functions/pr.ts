import { EngineError } from "../engine/errors";
import { penetration, type PrTarget } from "../engine/penetration";
import { label, type LabelKey } from "../i18n";
import { optionalChoice, spill } from "./cells";
import { cellLang, completeRows, numberColumn, type Out } from "./columns";
import { inCell, toCellError } from "./errors";

type PrOutput = "code" | "gap" | "rate" | "target";

const OUTPUTS: Readonly<Record<string, PrOutput>> = {
  code: "code",
  gap: "gap",
  ecart: "gap",
  rate: "rate",
  taux: "rate",
  target: "target",
  cible: "target",
};

const TARGET_LABEL: Readonly<Record<PrTarget, LabelKey>> = {
  develop: "pr.target.develop",
  maintain: "pr.target.maintain",
  secure: "pr.target.secure",
};

/**
 * `=PAC.P_R(potential, realised, [output])`: the P-R code ("P1-R3", default), the gap R − P, the penetration
 * rate realised / potential, or the target (Développer / Entretenir / Sécuriser). A potential ≤ 0 gives
 * #VALUE! for the rate of that row only. Both ranges need the same size; blank rows stay blank.
 */
export function prCells(potential: unknown, realised: unknown, output: unknown): Out[][] {
  return inCell(() => {
    const pot = numberColumn(potential, "potentiel", "Potentiel");
    const real = numberColumn(realised, "réalisé", "Réalisé");
    const what = optionalChoice(output, "sortie", OUTPUTS) ?? "code";
    const { rows, values, out } = completeRows([pot, real]);
    if (rows.length === 0) throw new EngineError("NO_NUMBER", { arg: "potentiel" });
    const lang = cellLang();
    penetration(values[0], values[1]).forEach((r, k) => {
      const i = rows[k];
      switch (what) {
        case "code":
          out[i] = r.code;
          break;
        case "gap":
          out[i] = r.gap;
          break;
        case "rate":
          out[i] = r.rate === null ? toCellError(r.error ?? new EngineError("POTENTIAL_NOT_POSITIVE", { row: i + 1, value: values[0][k] })) : r.rate;
          break;
        case "target":
          out[i] = label(TARGET_LABEL[r.target], lang);
          break;
      }
    });
    return spill(out, pot.orientation);
  });
}
