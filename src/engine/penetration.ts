import type { Why } from "../i18n";
import { EngineError } from "./errors";
import { quarterRankEach, type QuarterRank } from "./quarterRanks";
import { assertFiniteList, assertSameLength } from "./stats/validate";

/** develop: gap ≥ 1 (potential not yet captured); maintain: gap = 0; secure: gap ≤ −1. */
export type PrTarget = "develop" | "maintain" | "secure";

export type PrCode = `P${QuarterRank}-R${QuarterRank}`;

export interface PenetrationResult {
  /** Interquartile rank on potential (1 = the biggest potentials). */
  readonly p: QuarterRank;
  /** Interquartile rank on realised CA. */
  readonly r: QuarterRank;
  /** "P" + P + "-R" + R, e.g. "P1-R3". */
  readonly code: PrCode;
  /** R − P, from −3 to +3. */
  readonly gap: number;
  readonly target: PrTarget;
  /** Penetration rate realised / potential; null when the potential is ≤ 0 (see `error`). */
  readonly rate: number | null;
  /** Set when the rate is above 1: the potential is probably underestimated. */
  readonly overOne?: true;
  readonly why: Why;
  /** The explanation of `overOne`. */
  readonly warning?: Why;
  /** POTENTIAL_NOT_POSITIVE for this client only: its rate cannot be computed. */
  readonly error?: EngineError;
}

/**
 * The target class of a P-R gap (SPEC §4): gap ≥ 1 → "develop", 0 → "maintain", ≤ −1 → "secure".
 *
 * @example prTarget(2) // "develop"
 */
export function prTarget(gap: number): PrTarget {
  return gap >= 1 ? "develop" : gap <= -1 ? "secure" : "maintain";
}

const TARGET_LABELS = {
  develop: { label: "pr.target.develop" },
  maintain: { label: "pr.target.maintain" },
  secure: { label: "pr.target.secure" },
} as const;

interface CodeCell {
  readonly code: PrCode;
  readonly gap: number;
  readonly target: PrTarget;
  readonly params: Why["params"];
  /** The why of this cell, shared by every client in it. */
  readonly why: Why;
}

/** The 16 P-R cells, index (P − 1) × 4 + (R − 1). */
const CELLS: readonly CodeCell[] = ([1, 2, 3, 4] as const).flatMap((p) =>
  ([1, 2, 3, 4] as const).map((r): CodeCell => {
    const code: PrCode = `P${p}-R${r}`;
    const gap = r - p;
    const target = prTarget(gap);
    const params = { code, p, r, gap: gap > 0 ? `+${gap}` : String(gap), target: TARGET_LABELS[target] };
    return { code, gap, target, params, why: { key: "pr.code", params } };
  }),
);

/**
 * Penetration rate and the P-R technique (SPEC §3–4). P is the interquartile rank of the client's potential,
 * R that of its realised CA (both: share of the total amount, ties take the rank of the first of them,
 * amount ≤ 0 → rank 4). `code` = "P" + P + "-R" + R, `gap` = R − P, `target` from the gap (see `prTarget`),
 * `rate` = realised / potential. The `why` explains the code and the target; it is one object per P-R cell,
 * shared by the clients in it (results are read-only).
 *
 * A rate above 1 is kept and flagged (`overOne`, with a `warning` why). A potential ≤ 0 is an error for that
 * client only: its `rate` is null and `error` holds EngineError POTENTIAL_NOT_POSITIVE (with its index); its
 * P (4 by the ≤ 0 rule), R, code and target are still given, and every other client is computed normally.
 * A negative realised amount (returns) is rank 4 and gives a negative rate.
 *
 * @throws EngineError LENGTH_MISMATCH, EMPTY_INPUT, NOT_FINITE (naming the list and the row).
 * @example penetration([90_000, 10_000], [20_000, 15_000])
 * // [{ p: 1, r: 1, code: "P1-R1", gap: 0, target: "maintain", rate: 0.222… },
 * //  { p: 4, r: 3, code: "P4-R3", gap: -1, target: "secure", rate: 1.5, overOne: true, … }]
 */
export function penetration(potential: readonly number[], realised: readonly number[]): PenetrationResult[] {
  assertSameLength(potential, "potentiel", realised, "réalisé");
  assertFiniteList(potential, "potentiel", "P-R");
  assertFiniteList(realised, "réalisé", "P-R");
  const P = quarterRankEach(potential);
  const R = quarterRankEach(realised);
  const n = potential.length;
  const results = new Array<PenetrationResult>(n);
  for (let i = 0; i < n; i++) {
    const p = P[i] as QuarterRank;
    const r = R[i] as QuarterRank;
    const { code, gap, target, params, why } = CELLS[(p - 1) * 4 + (r - 1)];
    const pot = potential[i];
    if (!(pot > 0)) {
      results[i] = {
        p,
        r,
        code,
        gap,
        target,
        rate: null,
        why: { key: "pr.code_no_rate", params: { ...params, potential: pot } },
        error: new EngineError("POTENTIAL_NOT_POSITIVE", { row: i + 1, value: String(pot) }, i),
      };
      continue;
    }
    const rate = realised[i] / pot;
    results[i] =
      rate > 1
        ? { p, r, code, gap, target, rate, overOne: true, why, warning: { key: "pr.over_one", params: { rate: { pct: rate } } } }
        : { p, r, code, gap, target, rate, why };
  }
  return results;
}
