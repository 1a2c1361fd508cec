import { radixSortInto } from "./order";

/**
 * The sorted distinct values of one criterion, built once (one stable radix sort, see `radixSortInto`):
 * how many clients are strictly below / above a value, and the sum of the amounts strictly above it.
 * `index[i]` is client i's position among the distinct values, so a per-client method reads it directly;
 * `indexOf` finds any value by binary search. Everything a rank-based method needs costs one sort.
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
  /** index[i] = the index in `values` of client i's value. */
  readonly index: Uint32Array;
  /**
   * The clients in the stable ascending order: the clients holding values[j] are
   * `order[below[j]]` … `order[below[j] + counts[j] − 1]`, in input order. A loop over the distinct values
   * that writes each client's result through `order` reads every per-value array in sequence, where a loop
   * over the clients reading them through `index` would jump about memory once per client and array.
   */
  readonly order: Uint32Array;

  constructor(input: ArrayLike<number>) {
    const n = input.length;
    const values = new Float64Array(n);
    const counts = new Uint32Array(n);
    const index = new Uint32Array(n);
    const order = radixSortInto(input, values);
    let m = 0;
    // The distinct values are compacted in place, behind the sorted ones still to be read.
    for (let p = 0; p < n; p++) {
      const v = values[p];
      if (m > 0 && values[m - 1] === v) counts[m - 1]++;
      else {
        values[m] = v;
        counts[m] = 1;
        m++;
      }
      index[order[p]] = m - 1;
    }
    this.index = index;
    this.order = order.slice();
    // A view when most values are distinct (no copy), a small copy when few are.
    this.values = m > n / 2 ? values.subarray(0, m) : values.slice(0, m);
    this.counts = m > n / 2 ? counts.subarray(0, m) : counts.slice(0, m);
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

  /** Whether this is the distribution of `input` as it is now: same length, client i still holds values[index[i]]. */
  describes(input: ArrayLike<number>): boolean {
    if (input.length !== this.n) return false;
    const { values, index } = this;
    for (let i = 0; i < input.length; i++) if (values[index[i]] !== input[i]) return false;
    return true;
  }
}

/**
 * The distribution last built from each list, kept while the list itself is alive (a WeakMap on the list).
 * One scoring reads the same list several times (the CA for RFM's M, ABC, R and P-R; the potential for P
 * and P-R), and the sort is most of the cost of each method.
 */
const built = new WeakMap<ArrayLike<number>, Distribution>();

/**
 * `new Distribution(input)`, or the one already built from this same list if it still holds the same values
 * (checked in one pass, far cheaper than the sort). A Distribution is never written to after it is built, so
 * sharing one between calls cannot change a result.
 */
export function distributionOf(input: ArrayLike<number>): Distribution {
  const known = built.get(input);
  if (known?.describes(input)) return known;
  const dist = new Distribution(input);
  built.set(input, dist);
  return dist;
}

/**
 * Positions in descending order, ties kept in input order (a stable descending sort), without a comparator
 * sort: position[i] = (clients strictly above) + (equal clients earlier in the input). `input` is the list
 * the distribution was built from.
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
    const j = dist.index[i];
    const start = dist.above(j);
    tieStart[i] = start;
    const p = start + seen[j]++;
    position[i] = p;
    order[p] = i;
  }
  return { position, tieStart, order };
}
