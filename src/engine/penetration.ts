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

/** The index of the P-R cell of ranks P and R, (P − 1) × 4 + (R − 1): in `PR_CODES`, in a 4 × 4 count. */
export function prCellIndex(p: number, r: number): number {
  return (p - 1) * 4 + (r - 1);
}

/** The 16 P-R cells, index `prCellIndex(P, R)`. */
const CELLS: readonly CodeCell[] = ([1, 2, 3, 4] as const).flatMap((p) =>
  ([1, 2, 3, 4] as const).map((r): CodeCell => {
    const code: PrCode = `P${p}-R${r}`;
    const gap = r - p;
    const target = prTarget(gap);
    const params = { code, p, r, gap: gap > 0 ? `+${gap}` : String(gap), target: TARGET_LABELS[target] };
    return { code, gap, target, params, why: { key: "pr.code", params } };
  }),
);

/** The label of each target code: `PR_TARGETS[target[i]]` is client i's target. */
export const PR_TARGETS = ["develop", "maintain", "secure"] as const satisfies readonly PrTarget[];

/** The label of each P-R cell: `PR_CODES[prCellIndex(p, r)]`, "P1-R1" to "P4-R4". */
export const PR_CODES: readonly PrCode[] = CELLS.map((c) => c.code);

/**
 * P-R of n clients as columns, index i = client i (input order); the why, the over-one warning and the error
 * of client i are built when asked.
 */
export interface PenetrationColumns {
  readonly n: number;
  /** Interquartile rank 1 to 4 on potential. */
  readonly p: Uint8Array;
  /** Interquartile rank 1 to 4 on realised CA. */
  readonly r: Uint8Array;
  /** R − P, from −3 to +3. */
  readonly gap: Int8Array;
  /** Target code, an index of `PR_TARGETS`. */
  readonly target: Uint8Array;
  /** realised / potential; NaN when the potential is ≤ 0 (see `error`). */
  readonly rate: Float64Array;
  /** The why of client i's code and target. */
  explain(i: number): Why;
  /** The explanation of a rate above 1 (potential probably underestimated), else undefined. */
  warning(i: number): Why | undefined;
  /** POTENTIAL_NOT_POSITIVE when client i's potential is ≤ 0 (its rate cannot be computed), else undefined. */
  error(i: number): EngineError | undefined;
}

/**
 * Penetration rate and the P-R technique (SPEC §3–4), as columns (see `PenetrationColumns`). P is the
 * interquartile rank of the client's potential, R that of its realised CA (both: share of the total amount,
 * ties take the rank of the first of them, amount ≤ 0 → rank 4), `gap` = R − P, `target` from the gap (see
 * `prTarget`), `rate` = realised / potential. The ranks are the quarter-rank columns of the two lists (a list
 * already ranked in the same scoring is not sorted again).
 *
 * A rate above 1 is kept and flagged (`warning(i)`). A potential ≤ 0 is an error for that client only: its
 * rate is NaN and `error(i)` is EngineError POTENTIAL_NOT_POSITIVE (with its index); its P (4 by the ≤ 0 rule),
 * R, gap and target are still given, and every other client is computed normally. A negative realised amount
 * (returns) is rank 4 and gives a negative rate. `explain`, `warning` and `error` read the two lists: keep them
 * unchanged while the columns are in use.
 *
 * @throws EngineError LENGTH_MISMATCH, EMPTY_INPUT, NOT_FINITE (naming the list and the row).
 * @example penetrationColumns([90_000, 10_000], [20_000, 15_000]).gap // Int8Array [0, -1]
 */
export function penetrationColumns(potential: readonly number[], realised: readonly number[]): PenetrationColumns {
  assertSameLength(potential, "potentiel", realised, "réalisé");
  assertFiniteList(potential, "potentiel", "P-R");
  assertFiniteList(realised, "réalisé", "P-R");
  const p = quarterRankEach(potential);
  const r = quarterRankEach(realised);
  const n = potential.length;
  const gap = new Int8Array(n);
  const target = new Uint8Array(n);
  const rate = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = r[i] - p[i];
    gap[i] = d;
    target[i] = d >= 1 ? 0 : d <= -1 ? 2 : 1;
    const pot = potential[i];
    rate[i] = pot > 0 ? realised[i] / pot : NaN;
  }
  const cell = (i: number): CodeCell => CELLS[prCellIndex(p[i], r[i])];
  const explain = (i: number): Why => {
    const { params, why } = cell(i);
    const pot = potential[i];
    return pot > 0 ? why : { key: "pr.code_no_rate", params: { ...params, potential: pot } };
  };
  const warning = (i: number): Why | undefined => (rate[i] > 1 ? { key: "pr.over_one", params: { rate: { pct: rate[i] } } } : undefined);
  const error = (i: number): EngineError | undefined => {
    const pot = potential[i];
    return pot > 0 ? undefined : new EngineError("POTENTIAL_NOT_POSITIVE", { row: i + 1, value: String(pot) }, i);
  };
  return { n, p, r, gap, target, rate, explain, warning, error };
}

/**
 * Penetration rate and the P-R technique (SPEC §3–4), one result object per client: the row view of
 * `penetrationColumns` (same conventions and errors). `code` = "P" + P + "-R" + R; `rate` is null when the
 * potential is ≤ 0, with `error`; `overOne` and a `warning` why when the rate is above 1. The `why` is one
 * object per P-R cell, shared by the clients in it (results are read-only).
 *
 * @throws EngineError LENGTH_MISMATCH, EMPTY_INPUT, NOT_FINITE (naming the list and the row).
 * @example penetration([90_000, 10_000], [20_000, 15_000])
 * // [{ p: 1, r: 1, code: "P1-R1", gap: 0, target: "maintain", rate: 0.222… },
 * //  { p: 4, r: 3, code: "P4-R3", gap: -1, target: "secure", rate: 1.5, overOne: true, … }]
 */
export function penetration(potential: readonly number[], realised: readonly number[]): PenetrationResult[] {
  return penetrationRows(penetrationColumns(potential, realised));
}

/** The row view of P-R columns: client i's code, gap, target, rate, flags and why, as one object. */
export function penetrationRows(columns: PenetrationColumns): PenetrationResult[] {
  const rows = new Array<PenetrationResult>(columns.n);
  for (let i = 0; i < columns.n; i++) rows[i] = penetrationRow(columns, i);
  return rows;
}

/** Client i of P-R columns as one result object. */
export function penetrationRow(columns: PenetrationColumns, i: number): PenetrationResult {
  const p = columns.p[i] as QuarterRank;
  const r = columns.r[i] as QuarterRank;
  const { code, gap, target } = CELLS[prCellIndex(p, r)];
  const why = columns.explain(i);
  const rate = columns.rate[i];
  if (Number.isNaN(rate)) return { p, r, code, gap, target, rate: null, why, error: columns.error(i) };
  const warning = columns.warning(i);
  return warning ? { p, r, code, gap, target, rate, overOne: true, why, warning } : { p, r, code, gap, target, rate, why };
}
