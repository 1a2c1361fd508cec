import type { Why } from "../i18n";
import { type Distribution, distributionOf } from "./stats/distribution";
import { positiveTotal, shareBefore } from "./stats/shares";
import { assertFiniteList } from "./stats/validate";

/** 1 = the biggest clients, who together make the first quarter of the total amount; 4 = the last quarter. */
export type QuarterRank = 1 | 2 | 3 | 4;

export interface QuarterRankResult {
  readonly rank: QuarterRank;
  /** Share of the total held by the clients strictly ahead in the stable descending order (as in ABC). */
  readonly before: number;
  /** Set when the amount is negative (a credit balance, returns): it is rank 4 and should be looked at. */
  readonly warning?: "negative";
  readonly why: Why;
}

/**
 * The quarter rank of each distinct value of a distribution (index as in `dist.values`), read from the
 * `before` of the first client holding it: `min(4, floor(before / 0.25) + 1)`, and 4 for an amount ≤ 0.
 */
export function quarterRankOfValues(dist: Distribution, total: number): Uint8Array {
  const ranks = new Uint8Array(dist.values.length);
  // shareBefore(dist, j, 0, total) written out (sumAbove[j] / total): this loop runs once per distinct amount.
  const { values, sumAbove } = dist;
  for (let j = 0; j < ranks.length; j++) {
    ranks[j] = values[j] > 0 ? Math.min(4, Math.floor(sumAbove[j] / total / 0.25) + 1) : 4;
  }
  return ranks;
}

/** Quarter rank of each client of a list already checked (finite numbers, not empty). */
export function quarterRankEach(amounts: readonly number[]): Uint8Array {
  const dist = distributionOf(amounts);
  const rankOf = quarterRankOfValues(dist, positiveTotal(dist));
  const ranks = new Uint8Array(amounts.length);
  const { order, below, counts } = dist;
  for (let j = 0; j < rankOf.length; j++) {
    for (let p = below[j]; p < below[j] + counts[j]; p++) ranks[order[p]] = rankOf[j];
  }
  return ranks;
}

/**
 * Interquartile ranks (SPEC §3, "méthode des interquartiles"): each client's rank is the quarter of the
 * **total amount** it falls in, not a statistical quartile of the number of clients.
 *
 * Clients are sorted by amount, descending, ties in input order; `before` is the share of the total held by
 * the clients strictly ahead, and `rank = min(4, floor(before / 0.25) + 1)`, so `before` = 25 % exactly is
 * rank 2. Equal amounts share the rank of the first of them. The total is the sum of the positive amounts,
 * as in ABC; an amount ≤ 0 weighs nothing and is rank 4 (when every amount is ≤ 0, every client is rank 4).
 * Use it for R (on realised CA) and for P (on potential).
 *
 * @throws EngineError EMPTY_INPUT, NOT_FINITE (naming the row: a blank or text cell is never read as 0).
 * @example quarterRanks([40, 30, 20, 10]) // [1, 2, 3, 4]: the clients ahead hold 0 %, 40 %, 70 %, 90 % of the total
 */
export function quarterRanks(amounts: readonly number[]): QuarterRank[] {
  assertFiniteList(amounts, "montants", "Interquartiles");
  const each = quarterRankEach(amounts);
  const ranks = new Array<QuarterRank>(each.length);
  for (let i = 0; i < each.length; i++) ranks[i] = each[i] as QuarterRank;
  return ranks;
}

/**
 * Interquartile ranks of n clients as columns, index i = client i (input order); `explain(i)` builds client
 * i's why when asked.
 */
export interface QuarterRankColumns {
  readonly n: number;
  /** Quarter rank 1 to 4 (1 = the biggest clients). */
  readonly rank: Uint8Array;
  /** Share held by the clients strictly ahead in the stable descending order (1 for an amount ≤ 0, 0 when none is positive). */
  readonly before: Float64Array;
  /** 1 when the amount is negative (a credit balance, returns): rank 4, to be looked at. */
  readonly negative: Uint8Array;
  /** The total of the positive amounts. */
  readonly total: number;
  /** Why client i has its rank: language-neutral, `src/i18n` turns it into a sentence. */
  explain(i: number): Why;
}

/**
 * `quarterRanks` as columns, with each client's `before` share, a flag on a negative amount and the
 * explanation of its rank on demand. Same conventions and errors as `quarterRanks`. `explain(i)` reads the
 * amounts list: keep it unchanged while the columns are in use.
 *
 * @example quarterRankColumns([75, 25]).rank // Uint8Array [1, 4]
 */
export function quarterRankColumns(amounts: readonly number[]): QuarterRankColumns {
  assertFiniteList(amounts, "montants", "Interquartiles");
  const n = amounts.length;
  const dist = distributionOf(amounts);
  const total = positiveTotal(dist);
  const rankOf = quarterRankOfValues(dist, total);
  const rank = new Uint8Array(n);
  const before = new Float64Array(n);
  const negative = new Uint8Array(n);
  const nonPositive = total > 0 ? 1 : 0;
  // One distinct amount at a time, its clients in input order: the t-th of them has t equal clients ahead.
  const { values, order, below, counts } = dist;
  for (let j = 0; j < values.length; j++) {
    const x = values[j];
    // shareBefore(dist, j, t, total), written out: this loop runs once per client.
    const sumAbove = dist.sumAbove[j];
    for (let t = 0; t < counts[j]; t++) {
      const i = order[below[j] + t];
      rank[i] = rankOf[j];
      if (x > 0) before[i] = (sumAbove + x * t) / total;
      else {
        before[i] = nonPositive;
        if (x < 0) negative[i] = 1;
      }
    }
  }
  const explain = (i: number): Why => {
    const x = amounts[i];
    if (!(x > 0)) return { key: "quartile.nonpositive", params: { amount: x } };
    return { key: "quartile.rank", params: { rank: rank[i], before: { pct: shareBefore(dist, dist.index[i], 0, total) } } };
  };
  return { n, rank, before, negative, total, explain };
}

/**
 * `quarterRanks` with, for each client, its `before` share, a warning on a negative amount and the
 * explanation of its rank: the row view of `quarterRankColumns`. Same conventions and errors as `quarterRanks`.
 *
 * @example quarterRanksDetailed([75, 25])[1] // { rank: 4, before: 0.75, why: { key: "quartile.rank", … } }
 */
export function quarterRanksDetailed(amounts: readonly number[]): QuarterRankResult[] {
  return quarterRankRows(quarterRankColumns(amounts));
}

/** The row view of quarter-rank columns: client i's rank, before share, negative flag and why, as one object. */
export function quarterRankRows(columns: QuarterRankColumns): QuarterRankResult[] {
  const { n, rank, before, negative } = columns;
  const rows = new Array<QuarterRankResult>(n);
  for (let i = 0; i < n; i++) {
    const why = columns.explain(i);
    rows[i] = negative[i] === 1
      ? { rank: rank[i] as QuarterRank, before: before[i], warning: "negative", why }
      : { rank: rank[i] as QuarterRank, before: before[i], why };
  }
  return rows;
}
