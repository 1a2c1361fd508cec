/**
 * The sorted distinct values of one criterion, built once (one native sort of a Float64Array) and queried per
 * client by binary search: how many clients are strictly below / above a value, and the sum of the amounts
 * strictly above it. Everything a rank-based method needs is O(n log n) with a single sort.
 *
 * Equal values (including 0 and -0) are one distinct value, so equal inputs always get equal answers.
 */
export class Distribution {
  /** Distinct values, ascending. */
  readonly values: Float64Array;
  /** counts[j] = how many clients hold values[j]. */
  readonly counts: Uint32Array;
  /** below[j] = how many clients hold a value strictly below values[j]. */
  readonly below: Float64Array;
  /** sumAbove[j] = the sum of the clients' values strictly above values[j]. */
  readonly sumAbove: Float64Array;
  /** Sum of all values, added from the largest down (the same order as sumAbove, so the last share is exactly 1). */
  readonly total: number;
  readonly n: number;

  constructor(input: ArrayLike<number>) {
    const n = input.length;
    const sorted = Float64Array.from(input).sort();
    const values = new Float64Array(n);
    const counts = new Uint32Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const v = sorted[i];
      if (m > 0 && values[m - 1] === v) counts[m - 1]++;
      else {
        values[m] = v;
        counts[m] = 1;
        m++;
      }
    }
    this.values = values.slice(0, m);
    this.counts = counts.slice(0, m);
    this.below = new Float64Array(m);
    this.sumAbove = new Float64Array(m);
    let acc = 0;
    for (let j = 0; j < m; j++) {
      this.below[j] = acc;
      acc += this.counts[j];
    }
    let sum = 0;
    for (let j = m - 1; j >= 0; j--) {
      this.sumAbove[j] = sum;
      sum += this.values[j] * this.counts[j];
    }
    this.total = sum;
    this.n = n;
  }

  /** Index in `values` of a value that is in the distribution. */
  indexOf(x: number): number {
    const v = this.values;
    let lo = 0;
    let hi = v.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (v[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** How many clients hold a value strictly above values[j]. */
  above(j: number): number {
    return this.n - this.below[j] - this.counts[j];
  }
}

/**
 * Positions in descending order, ties kept in input order (a stable descending sort), without a comparator
 * sort: position[i] = (clients strictly above) + (equal clients earlier in the input).
 */
export function descendingPositions(dist: Distribution, input: ArrayLike<number>): {
  position: Uint32Array;
  tieStart: Uint32Array;
  order: Uint32Array;
} {
  const n = input.length;
  const seen = new Uint32Array(dist.values.length);
  const position = new Uint32Array(n);
  const tieStart = new Uint32Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const j = dist.indexOf(input[i]);
    const start = dist.above(j);
    tieStart[i] = start;
    const p = start + seen[j]++;
    position[i] = p;
    order[p] = i;
  }
  return { position, tieStart, order };
}
