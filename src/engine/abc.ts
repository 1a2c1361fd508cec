import { formatPercent, type Why } from "../i18n";
import { EngineError } from "./errors";
import { type Distribution, descendingPositions, distributionOf } from "./stats/distribution";
import { positiveTotal, shareBefore } from "./stats/shares";
import { assertFiniteList } from "./stats/validate";

export type AbcClass = "A" | "B" | "C";
export type AbcMode = "amount" | "clients";

export interface AbcOptions {
  /** Class boundaries as fractions, 0 < a < b ≤ 1. Default [0.8, 0.95] in "amount" mode, [0.2, 0.5] in "clients". */
  readonly thresholds?: readonly [number, number];
  /** "amount" (default): by cumulative share of the total; "clients": by share of the number of clients. */
  readonly mode?: AbcMode;
}

export interface AbcResult {
  readonly cls: AbcClass;
  /** 1-based position in the descending sort (ties in input order). */
  readonly rank: number;
  /** The client's share of the total of positive amounts (0 for an amount ≤ 0). */
  readonly share: number;
  /** Share held by the clients strictly ahead of this one, the value the class is read from. */
  readonly before: number;
  /** Share held by this client and every client ahead of it; the last positive client reaches exactly 1. */
  readonly cumulativeShare: number;
  /** Set when the amount is negative (a credit balance, returns): it is class C and should be looked at. */
  readonly warning?: "negative";
  readonly why: Why;
}

export const ABC_DEFAULT_THRESHOLDS: Readonly<Record<AbcMode, readonly [number, number]>> = {
  amount: [0.8, 0.95],
  clients: [0.2, 0.5],
};

function show(x: number): string {
  return Number.isFinite(x) ? formatPercent(x) : String(x);
}

function checkThresholds([a, b]: readonly [number, number]): void {
  const ok = Number.isFinite(a) && Number.isFinite(b) && a > 0 && a < b && b <= 1;
  if (!ok) throw new EngineError("BAD_THRESHOLDS", { a: show(a), b: show(b) });
}

/** Amounts below half a cent in absolute value, read as 0. */
const CENT_ZERO = 0.005;

/** `amounts` with every |x| < half a cent replaced by 0 (a copy only when there is one). */
function centZeroed(amounts: readonly number[]): readonly number[] {
  let copy: number[] | undefined;
  for (let i = 0; i < amounts.length; i++) {
    const x = amounts[i];
    if (x < CENT_ZERO && x > -CENT_ZERO && !Object.is(x, 0)) {
      copy ??= amounts.slice();
      copy[i] = 0;
    }
  }
  return copy ?? amounts;
}

/** What a positive client's row reads its numbers and its why from: one per call, shared by its rows. */
interface AbcScale {
  readonly mode: AbcMode;
  readonly n: number;
  readonly countA: number;
  readonly countB: number;
  readonly pctA: { readonly pct: number };
  readonly pctB: { readonly pct: number };
  readonly dist: Distribution;
  /** order[rank − 1] = the input index of the client at that rank. */
  readonly order: Uint32Array;
  readonly total: number;
}

/**
 * The row class of one call, for its clients with a positive amount: each row holds its class and rank, and
 * its getters compute the rest from the call's scale, with the same formula and operands as the eager rows
 * they replace. An eager row cost a result object, three boxed doubles (share, before, cumulative share) and
 * the why, its params and their percentages: on a million clients allocating and collecting them took most
 * of the classification's time. The class is made per call (not a shared subclass of one base: V8 then kept
 * re-optimising the loop); `toJSON` writes every field, `why` included, as the eager rows serialised.
 */
function rowClass(scale: AbcScale) {
  const { mode, n, countA, countB, pctA, pctB, dist, order, total } = scale;
  return class AbcRow implements AbcResult {
    constructor(
      readonly cls: AbcClass,
      readonly rank: number,
    ) {}

    get share(): number {
      return dist.values[dist.index[order[this.rank - 1]]] / total;
    }

    get before(): number {
      const j = dist.index[order[this.rank - 1]];
      return shareBefore(dist, j, this.rank - 1 - dist.above(j), total);
    }

    get cumulativeShare(): number {
      const j = dist.index[order[this.rank - 1]];
      return shareBefore(dist, j, this.rank - dist.above(j), total);
    }

    get why(): Why {
      const { cls, rank } = this;
      if (mode === "clients") {
        return cls === "A"
          ? { key: "abc.clients.A", params: { rank, n, count: countA, share: pctA } }
          : cls === "B"
            ? { key: "abc.clients.B", params: { rank, n, countA, count: countB } }
            : { key: "abc.clients.C", params: { rank, n, count: countB } };
      }
      const pct = { pct: shareBefore(dist, dist.index[order[rank - 1]], 0, total) };
      return cls === "A"
        ? { key: "abc.A", params: { before: pct, threshold: pctA, cumulative: { pct: this.cumulativeShare } } }
        : cls === "B"
          ? { key: "abc.B", params: { before: pct, thresholdA: pctA, thresholdB: pctB } }
          : { key: "abc.C", params: { before: pct, threshold: pctB } };
    }

    toJSON(): AbcResult {
      const { cls, rank, share, before, cumulativeShare, why } = this;
      return { cls, rank, share, before, cumulativeShare, why };
    }
  };
}

/**
 * ABC / Pareto 20-80 classes (SPEC §2).
 *
 * Clients are sorted by amount, descending, ties in input order. `before` is the share of the total held by
 * the clients strictly ahead. Class A if `before < a`, B if `before < b`, else C: A is the fewest top clients
 * that reach `a` of the total, so the largest client is always A. Equal amounts share the class of the first
 * of them. The total is the sum of the positive amounts: an amount ≤ 0 weighs nothing, is class C and, when
 * negative, carries a warning. An amount that is zero once rounded to the cent (|x| < 0.005: −0, or the float
 * residue of a journal whose lines cancel out, like −1.4e-14) is read as 0: class C, no weight, no warning, never
 * "negative (0)". In "clients" mode A is the first `ceil(a × n)` clients and B up to
 * `ceil(b × n)`, with the same tie and ≤ 0 rules.
 *
 * Results are read-only. A positive client's `share`, `before`, `cumulativeShare` and `why` are getters
 * (computed when read, `why` a new equal object at each read), so they are not own properties: read them, or
 * `JSON.stringify` the row (its `toJSON` writes them), rather than spread or `Object.keys` it.
 *
 * @throws EngineError EMPTY_INPUT, NOT_FINITE (naming the row), BAD_THRESHOLDS, BAD_MODE, and
 *   TOTAL_NOT_POSITIVE in "amount" mode when no amount is positive.
 * @example classifyAbc([50, 30, 10, 6, 4]).map(r => r.cls) // ["A", "A", "B", "C", "C"]
 */
export function classifyAbc(amounts: readonly number[], options: AbcOptions = {}): AbcResult[] {
  const mode = options.mode ?? "amount";
  if (mode !== "amount" && mode !== "clients") {
    throw new EngineError("BAD_MODE", { arg: "mode", value: String(mode), allowed: "amount, clients" });
  }
  const thresholds = options.thresholds ?? ABC_DEFAULT_THRESHOLDS[mode];
  checkThresholds(thresholds);
  assertFiniteList(amounts, "montants", "ABC");
  amounts = centZeroed(amounts);

  const n = amounts.length;
  const dist = distributionOf(amounts);
  const { position, tieStart, order } = descendingPositions(dist, amounts);
  const total = positiveTotal(dist);
  if (mode === "amount" && total <= 0) {
    throw new EngineError("TOTAL_NOT_POSITIVE", { method: "ABC", arg: "montants" });
  }
  const [a, b] = thresholds;
  const countA = Math.ceil(a * n - 1e-9);
  const countB = Math.ceil(b * n - 1e-9);
  const scale: AbcScale = { mode, n, countA, countB, pctA: { pct: a }, pctB: { pct: b }, dist, order, total };
  const Row = rowClass(scale);

  const results = new Array<AbcResult>(n);
  for (let i = 0; i < n; i++) {
    const x = amounts[i];
    const rank = position[i] + 1;
    if (x <= 0) {
      results[i] = {
        cls: "C",
        rank,
        share: 0,
        before: total > 0 ? 1 : 0,
        cumulativeShare: total > 0 ? 1 : 0,
        warning: x < 0 ? "negative" : undefined,
        why: { key: "abc.C_nonpositive", params: { amount: x } },
      };
      continue;
    }
    let cls: AbcClass;
    if (mode === "amount") {
      const firstBefore = shareBefore(dist, dist.index[i], 0, total);
      cls = firstBefore < a ? "A" : firstBefore < b ? "B" : "C";
    } else {
      const first = tieStart[i];
      cls = first < countA ? "A" : first < countB ? "B" : "C";
    }
    results[i] = new Row(cls, rank);
  }
  return results;
}
