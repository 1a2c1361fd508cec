import type { AllocationProspect } from "../engine/allocation";
import { PROSPECT_CRITERIA, prospectWarningWhy, scoreProspects, type ProspectInput, type ProspectScores } from "../engine/prospects";
import type { LabelKey, Why } from "../i18n";
import type { ImportedClient } from "../io/clientTable";

/** The prospects of a portfolio, scored by SPEC §11, with the client index of each. */
export interface ProspectTargeting {
  /** Client index of prospect k (input order); entry k of every column of `scores` is client `indices[k]`. */
  readonly indices: readonly number[];
  readonly scores: ProspectScores;
  /** Position k of client `i` among the prospects, or −1 when it is not a prospect. */
  positionOf(i: number): number;
  /** What the allocation needs of client `i`, a prospect: its score (Ep) and whether it is retained. */
  allocationInput(i: number): AllocationProspect;
  /** One warning per prospect that could not be scored (naming its sheet row), then the mode's notices. */
  readonly warnings: readonly { readonly client?: number; readonly why: Why }[];
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * Scores the prospects of an imported list (SPEC §11) for the allocation and the plan. A criterion column is
 * taken as present when at least one prospect has a number in it (the reader keeps only numbers; a blank or
 * refused cell is absent): with the four, Pascal Py's rule and the Ep score, a prospect missing one criterion
 * being "non noté" with a warning naming its row; with one to three, a warning says which are missing and the
 * fallbacks apply as if there were none: the prospects' potential as the score (all retained), else equal
 * shares, with the engine's notice.
 *
 * @throws EngineError BAD_PROSPECT_WEIGHTS when `weights` are not four numbers ≥ 0 with a positive sum.
 * @example targetProspects([{ id: "P1", row: 2, isProspect: true, pertinence: 4, credibility: 3, attractiveness: 5, ourAttractiveness: 4 }]).scores.ep[0] // 75
 */
export function targetProspects(clients: readonly ImportedClient[], options: { readonly weights?: readonly number[] } = {}): ProspectTargeting {
  const indices: number[] = [];
  clients.forEach((c, i) => {
    if (c.isProspect === true) indices.push(i);
  });
  const position = new Map<number, number>();
  indices.forEach((i, k) => position.set(i, k));
  const prospects = indices.map((i) => clients[i]);
  const warnings: { client?: number; why: Why }[] = [];
  const present = PROSPECT_CRITERIA.filter((c) => prospects.some((p) => isNumber(p[c])));
  let input: ProspectInput;
  if (present.length === PROSPECT_CRITERIA.length) {
    input = Object.fromEntries(PROSPECT_CRITERIA.map((c) => [c, prospects.map((p) => p[c])])) as ProspectInput;
  } else {
    if (present.length > 0) {
      for (const c of PROSPECT_CRITERIA) {
        if (!present.includes(c)) warnings.push({ why: { key: "prospects.warning.criteria_missing", params: { criterion: { label: CRITERION_LABEL[c] } } } });
      }
    }
    input = prospects.some((p) => isNumber(p.potential)) ? { potential: prospects.map((p) => p.potential) } : { count: prospects.length };
  }
  const scores = scoreProspects(input, options.weights ? { weights: options.weights } : {});
  for (const w of scores.warnings) warnings.push({ client: indices[w.index], why: prospectWarningWhy(w, prospects[w.index].row) });
  if (scores.notice) warnings.push({ why: scores.notice });
  return {
    indices,
    scores,
    positionOf: (i) => position.get(i) ?? -1,
    allocationInput(i: number): AllocationProspect {
      const k = position.get(i);
      if (k === undefined) throw new RangeError(`client ${i} is not a prospect`);
      return { isProspect: true, prospectScore: scores.score[k], retained: scores.retained[k] === 1 };
    },
    warnings,
  };
}

const CRITERION_LABEL: Readonly<Record<(typeof PROSPECT_CRITERIA)[number], LabelKey>> = {
  pertinence: "prospects.criterion.pertinence",
  credibility: "prospects.criterion.credibility",
  attractiveness: "prospects.criterion.attractiveness",
  ourAttractiveness: "prospects.criterion.our_attractiveness",
};
