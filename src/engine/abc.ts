import type { Why } from "../i18n";
import { EngineError } from "./errors";
import { distributionOf } from "./stats/distribution";
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

function checkThresholds([a, b]: readonly [number, number]): void {
  const ok = Number.isFinite(a) && Number.isFinite(b) && a > 0 && a < b && b <= 1;
  if (!ok) throw new EngineError("BAD_THRESHOLDS", { a, b });
}

/** Amounts below half a cent in absolute value, read as 0. */
const CENT_ZERO = 0.005;

/** `amounts` with every |x| < half a cent replaced by 0 (a copy only when there is one). */
function centZeroed(amounts: readonly number[]): readonly number[] {
  let copy: number[] | undefined;
  for (let i = 0; i < amounts.length; i++) {
    const x = amounts[i];
    // −0 needs no copy: it sorts, weighs and classes as 0 (and its why says 0, see `explain`).
    if (x < CENT_ZERO && x > -CENT_ZERO && x !== 0) {
      copy ??= amounts.slice();
      copy[i] = 0;
    }
  }
  return copy ?? amounts;
}

/** The label of each class code: `ABC_CLASSES[cls[i]]` is client i's class. */
export const ABC_CLASSES = ["A", "B", "C"] as const satisfies readonly AbcClass[];

/** Class code of `ABC_CLASSES`: 0 = A, 1 = B, 2 = C. */
const A = 0;
const B = 1;
const C = 2;

/**
 * The ABC classification of n clients as columns, index i = client i (input order). Nothing per client is
 * allocated beyond these arrays; `explain(i)` builds client i's why when asked.
 */
export interface AbcColumns {
  readonly n: number;
  readonly mode: AbcMode;
  readonly thresholds: readonly [number, number];
  /** Class code, an index of `ABC_CLASSES` (0 = A, 1 = B, 2 = C). */
  readonly cls: Uint8Array;
  /** 1-based position in the descending sort (ties in input order). */
  readonly rank: Uint32Array;
  /** The client's share of the total of positive amounts (0 for an amount ≤ 0). */
  readonly share: Float64Array;
  /** Share held by the clients strictly ahead (1 for an amount ≤ 0, 0 when no amount is positive). */
  readonly before: Float64Array;
  /** Share held by this client and every client ahead; the last positive client reaches exactly 1. */
  readonly cumulativeShare: Float64Array;
  /** 1 when the amount is negative (a credit balance, returns): class C, to be looked at. */
  readonly negative: Uint8Array;
  /** The total of the positive amounts, the base of every share. */
  readonly total: number;
  /** Why client i is in its class: language-neutral, `src/i18n` turns it into a sentence. */
  explain(i: number): Why;
}

/**
 * ABC / Pareto 20-80 classes (SPEC §2), as columns (see `AbcColumns`).
 *
 * Clients are sorted by amount, descending, ties in input order. `before` is the share of the total held by
 * the clients strictly ahead. Class A if `before < a`, B if `before < b`, else C: A is the fewest top clients
 * that reach `a` of the total, so the largest client is always A. Equal amounts share the class of the first
 * of them. The total is the sum of the positive amounts: an amount ≤ 0 weighs nothing, is class C and, when
 * negative, is flagged in `negative`. An amount that is zero once rounded to the cent (|x| < 0.005: −0, or the
 * float residue of a journal whose lines cancel out, like −1.4e-14) is read as 0: class C, no weight, no flag,
 * never "negative (0)". In "clients" mode A is the first `ceil(a × n)` clients and B up to `ceil(b × n)`, with
 * the same tie and ≤ 0 rules.
 *
 * `explain(i)` reads the amounts list: keep it unchanged while the columns are in use.
 *
 * @throws EngineError EMPTY_INPUT, NOT_FINITE (naming the row), BAD_THRESHOLDS, BAD_MODE, and
 *   TOTAL_NOT_POSITIVE in "amount" mode when no amount is positive.
 * @example Array.from(scoreAbcColumns([50, 30, 10, 6, 4]).cls, (c) => ABC_CLASSES[c]) // ["A", "A", "B", "C", "C"]
 */
export function scoreAbcColumns(amounts: readonly number[], options: AbcOptions = {}): AbcColumns {
  const mode = options.mode ?? "amount";
  if (mode !== "amount" && mode !== "clients") {
    throw new EngineError("BAD_MODE", { arg: "mode", value: String(mode), allowed: "amount, clients" });
  }
  const thresholds = options.thresholds ?? ABC_DEFAULT_THRESHOLDS[mode];
  checkThresholds(thresholds);
  assertFiniteList(amounts, "montants", "ABC");
  const values = centZeroed(amounts);

  const n = values.length;
  const dist = distributionOf(values);
  const total = positiveTotal(dist);
  if (mode === "amount" && total <= 0) {
    throw new EngineError("TOTAL_NOT_POSITIVE", { method: "ABC", arg: "montants" });
  }
  const [a, b] = thresholds;
  const countA = Math.ceil(a * n - 1e-9);
  const countB = Math.ceil(b * n - 1e-9);

  const cls = new Uint8Array(n);
  const rank = new Uint32Array(n);
  const share = new Float64Array(n);
  const before = new Float64Array(n);
  const cumulativeShare = new Float64Array(n);
  const negative = new Uint8Array(n);
  const nonPositive = total > 0 ? 1 : 0;
  // One distinct amount at a time, its clients in input order (see `Distribution.order`): equal amounts share
  // the class of the first of them, and the t-th of them has t equal clients ahead.
  const { values: amountOf, order, below, counts } = dist;
  for (let j = 0; j < amountOf.length; j++) {
    const x = amountOf[j];
    const ahead = dist.above(j);
    let c = C;
    if (x > 0 && mode === "amount") {
      const firstBefore = shareBefore(dist, j, 0, total);
      c = firstBefore < a ? A : firstBefore < b ? B : C;
    } else if (x > 0) {
      c = ahead < countA ? A : ahead < countB ? B : C;
    }
    // shareBefore(dist, j, t, total), written out: this loop runs once per client.
    const sumAbove = dist.sumAbove[j];
    for (let t = 0; t < counts[j]; t++) {
      const i = order[below[j] + t];
      cls[i] = c;
      rank[i] = ahead + t + 1;
      if (x > 0) {
        share[i] = x / total;
        before[i] = (sumAbove + x * t) / total;
        cumulativeShare[i] = (sumAbove + x * (t + 1)) / total;
      } else {
        before[i] = nonPositive;
        cumulativeShare[i] = nonPositive;
        if (x < 0) negative[i] = 1;
      }
    }
  }

  // The threshold params are shared by every why of the call (whys are read-only).
  const pctA = { pct: a };
  const pctB = { pct: b };
  const explain = (i: number): Why => {
    const x = values[i];
    if (!(x > 0)) return { key: "abc.C_nonpositive", params: { amount: x + 0 } };
    const c = cls[i];
    if (mode === "clients") {
      const r = rank[i];
      return c === A
        ? { key: "abc.clients.A", params: { rank: r, n, count: countA, share: pctA } }
        : c === B
          ? { key: "abc.clients.B", params: { rank: r, n, countA, count: countB } }
          : { key: "abc.clients.C", params: { rank: r, n, count: countB } };
    }
    const firstBefore = { pct: shareBefore(dist, dist.index[i], 0, total) };
    return c === A
      ? { key: "abc.A", params: { before: firstBefore, threshold: pctA, cumulative: { pct: cumulativeShare[i] } } }
      : c === B
        ? { key: "abc.B", params: { before: firstBefore, thresholdA: pctA, thresholdB: pctB } }
        : { key: "abc.C", params: { before: firstBefore, threshold: pctB } };
  };

  return { n, mode, thresholds, cls, rank, share, before, cumulativeShare, negative, total, explain };
}

/**
 * ABC / Pareto 20-80 classes (SPEC §2), one plain result object per client: the row view of
 * `scoreAbcColumns` (same conventions and errors), for the custom functions and the task pane.
 *
 * @throws EngineError EMPTY_INPUT, NOT_FINITE (naming the row), BAD_THRESHOLDS, BAD_MODE, and
 *   TOTAL_NOT_POSITIVE in "amount" mode when no amount is positive.
 * @example classifyAbc([50, 30, 10, 6, 4]).map(r => r.cls) // ["A", "A", "B", "C", "C"]
 */
export function classifyAbc(amounts: readonly number[], options: AbcOptions = {}): AbcResult[] {
  return abcRows(scoreAbcColumns(amounts, options));
}

/** The row view of ABC columns: client i's class, rank, shares, negative flag and why, as one object. */
export function abcRows(columns: AbcColumns): AbcResult[] {
  const { n, cls, rank, share, before, cumulativeShare, negative } = columns;
  const rows = new Array<AbcResult>(n);
  for (let i = 0; i < n; i++) {
    const c = ABC_CLASSES[cls[i]];
    const why = columns.explain(i);
    rows[i] = negative[i] === 1
      ? { cls: c, rank: rank[i], share: share[i], before: before[i], cumulativeShare: cumulativeShare[i], warning: "negative", why }
      : { cls: c, rank: rank[i], share: share[i], before: before[i], cumulativeShare: cumulativeShare[i], why };
  }
  return rows;
}
