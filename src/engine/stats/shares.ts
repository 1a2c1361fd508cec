import type { Distribution } from "./distribution";

/**
 * The total of the positive amounts of a distribution, summed from the largest down (the order of
 * `sumAbove`), so that the share reached by the last positive client is exactly 1. 0 when no amount is
 * positive. This is the total every cumulative-share method (ABC §2, interquartile ranks §3) divides by.
 */
export function positiveTotal(dist: Distribution): number {
  const first = dist.indexOf(Number.MIN_VALUE);
  if (first >= dist.values.length || !(dist.values[first] > 0)) return 0;
  return dist.sumAbove[first] + dist.values[first] * dist.counts[first];
}

/**
 * Share of `total` held by the clients ahead of one holding `values[j]`, in the stable descending order:
 * every client with a larger amount plus `tiesAhead` clients with the same amount. `tiesAhead = 0` gives
 * the `before` of the first of the ties (the value classes and ranks are read from); `tiesAhead + 1` gives
 * the cumulative share after the client.
 */
export function shareBefore(dist: Distribution, j: number, tiesAhead: number, total: number): number {
  return (dist.sumAbove[j] + dist.values[j] * tiesAhead) / total;
}
