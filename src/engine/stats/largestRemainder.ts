import { EngineError } from "../errors";

/**
 * Shares `total` whole units in proportion to `weights` by the largest-remainder (Hamilton) method: each gets
 * the floor of its quota, then the units left go one each to the largest remainders. Ties on the remainder go
 * to the smaller `priority` value (default: input order). The result always sums exactly to `total`.
 * Integer weights are computed in exact integer arithmetic; others in floating point.
 *
 * @throws EngineError BAD_PARAMETER when total is not a non-negative integer, a weight is negative or not
 *   finite, or every weight is 0 while total > 0.
 * @example largestRemainder(10, [1, 1, 1]) // [4, 3, 3]
 */
export function largestRemainder(
  total: number,
  weights: readonly number[],
  priority?: ArrayLike<number>,
): number[] {
  if (!Number.isInteger(total) || total < 0) {
    throw new EngineError("BAD_PARAMETER", { arg: "total", value: String(total), expected: "un entier positif ou nul" });
  }
  const n = weights.length;
  let sum = 0;
  let allIntegers = true;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      throw new EngineError(
        "BAD_PARAMETER",
        { arg: `poids ${i + 1}`, value: String(w), expected: "un nombre positif ou nul" },
        i,
      );
    }
    if (!Number.isInteger(w)) allIntegers = false;
    sum += w;
  }
  const result = new Array<number>(n).fill(0);
  if (total === 0) return result;
  if (sum <= 0) {
    throw new EngineError("BAD_PARAMETER", { arg: "poids", value: "0", expected: "au moins un poids positif" });
  }
  const exact = allIntegers && Number.isSafeInteger(sum) && Number.isSafeInteger(total * sum);
  const remainders = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    if (exact) {
      const product = total * weights[i];
      const r = product % sum;
      result[i] = (product - r) / sum;
      remainders[i] = r;
    } else {
      const quota = (total * weights[i]) / sum;
      // A quota like 2.9999999999997 (3 with rounding error) keeps a remainder near 1 and gets its unit back.
      const fl = Math.floor(quota);
      result[i] = fl;
      remainders[i] = Math.max(0, quota - fl);
    }
    given += result[i];
  }
  let left = total - given;
  if (left > 0) {
    const before = (a: number, b: number): number => {
      const d = remainders[b] - remainders[a];
      if (d !== 0) return d;
      const pa = priority ? priority[a] : a;
      const pb = priority ? priority[b] : b;
      return pa - pb || a - b;
    };
    // The units left go to the first `left` entries of positive weight in that order. Each remainder is below 1,
    // so there are more such entries than units: only those whose remainder reaches the left-th largest are
    // sorted (a few hundred of a 100 000-client portfolio's entries, where sorting them all took 40 ms).
    const positive: number[] = [];
    for (let i = 0; i < n; i++) if (weights[i] > 0) positive.push(i);
    if (left < positive.length) {
      const sorted = Float64Array.from(positive, (i) => remainders[i]).sort();
      const threshold = sorted[sorted.length - left];
      const firsts = positive.filter((i) => remainders[i] >= threshold).sort(before);
      for (let k = 0; k < left; k++) result[firsts[k]] += 1;
      return result;
    }
    // As many units as entries (rounding in floating point): round after round, in that order.
    const idx = Array.from({ length: n }, (_, i) => i).sort(before);
    for (let k = 0; left > 0; k = (k + 1) % n) {
      if (weights[idx[k]] > 0) {
        result[idx[k]] += 1;
        left -= 1;
      }
    }
  }
  return result;
}
