import { EngineError } from "../engine/errors";
import { PROSPECT_CRITERIA, PROSPECT_REASONS, PROSPECT_REASON_LABEL, PROSPECT_STATUSES, PROSPECT_STATUS_LABEL, scoreProspects } from "../engine/prospects";
import { label } from "../i18n";
import { isOmitted, optionalChoice, readNumberCell, spill } from "./cells";
import { cellLang, completeRows, numberColumn, type Out } from "./columns";
import { inCell, toCellError } from "./errors";

type ProspectOutput = "status" | "ep" | "reason";

const OUTPUTS: Readonly<Record<string, ProspectOutput>> = {
  statut: "status",
  status: "status",
  ep: "ep",
  score: "ep",
  raison: "reason",
  reason: "reason",
};

/** How each criterion is named in cell messages (« Pertinence, ligne 3 : … »). */
const LABELS = ["Pertinence", "Crédibilité", "Attractivité pour nous", "Notre attractivité"] as const;

/** The optional weights: four numbers in a row or a column (blanks skipped); anything else is BAD_PROSPECT_WEIGHTS. */
function weightsArg(value: unknown): number[] | undefined {
  if (isOmitted(value)) return undefined;
  const cells = Array.isArray(value) ? (value as unknown[][]).flat() : [value];
  const numbers: number[] = [];
  for (const cell of cells) {
    const read = readNumberCell(cell, "poids", 1);
    if (read.kind === "number") numbers.push(read.value);
    else if (read.kind === "invalid") throw new EngineError("BAD_PROSPECT_WEIGHTS", { detail: cells.map(String).join(" ; ") });
  }
  return numbers;
}

/**
 * `=PAC.PROSPECT(pertinence, crédibilité, attractivité_nous, attractivité_eux, [poids], [sortie])`: per prospect,
 * "retenu" / "écarté" (default; "retained" / "rejected" in an English Excel), its Ep score 0–100 ("ep"), or the
 * rule that decided ("raison"). Each criterion is a score 1 to 5; the four ranges need the same size. A blank
 * criterion gives a blank result; text, an error or a score outside 1..5 gives #VALUE! on that row only, with a
 * message naming the row and the criterion. All-zero weights are #VALUE! for the whole range.
 */
export function prospectCells(
  pertinence: unknown,
  credibility: unknown,
  attractivenessToUs: unknown,
  ourAttractiveness: unknown,
  weights: unknown,
  output: unknown,
): Out[][] {
  return inCell(() => {
    const cols = [
      numberColumn(pertinence, "pertinence", LABELS[0]),
      numberColumn(credibility, "crédibilité", LABELS[1]),
      numberColumn(attractivenessToUs, "attractivité_nous", LABELS[2]),
      numberColumn(ourAttractiveness, "attractivité_eux", LABELS[3]),
    ];
    const what = optionalChoice(output, "sortie", OUTPUTS) ?? "status";
    const w = weightsArg(weights);
    const { rows, values, out } = completeRows(cols);
    const scores = scoreProspects(
      { pertinence: values[0], credibility: values[1], attractiveness: values[2], ourAttractiveness: values[3] },
      w === undefined ? {} : { weights: w },
    );
    for (const warning of scores.warnings) {
      const k = PROSPECT_CRITERIA.indexOf(warning.criterion as (typeof PROSPECT_CRITERIA)[number]);
      const row = rows[warning.index] + 1;
      out[rows[warning.index]] = toCellError(
        new EngineError("CRITERION_OUT_OF_RANGE", { arg: LABELS[k], row, value: warning.value }, row - 1),
      );
    }
    const lang = cellLang();
    for (let j = 0; j < scores.n; j++) {
      const status = PROSPECT_STATUSES[scores.status[j]];
      if (status === "unscored") continue;
      const i = rows[j];
      switch (what) {
        case "status":
          out[i] = label(PROSPECT_STATUS_LABEL[status], lang);
          break;
        case "ep":
          out[i] = scores.ep[j];
          break;
        case "reason":
          out[i] = label(PROSPECT_REASON_LABEL[PROSPECT_REASONS[scores.reason[j]]], lang);
          break;
      }
    }
    return spill(out, cols[0].orientation);
  });
}
