import fc from "fast-check";
import { largestRemainder } from "./largestRemainder";

/** The method as first written: every entry sorted by remainder, then priority, then input order. */
function bySortingAll(total: number, weights: readonly number[], priority?: ArrayLike<number>): number[] {
  const n = weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const result = new Array<number>(n).fill(0);
  if (total === 0) return result;
  const exact = weights.every(Number.isInteger) && Number.isSafeInteger(sum) && Number.isSafeInteger(total * sum);
  const remainders = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    if (exact) {
      const r = (total * weights[i]) % sum;
      result[i] = (total * weights[i] - r) / sum;
      remainders[i] = r;
    } else {
      const quota = (total * weights[i]) / sum;
      result[i] = Math.floor(quota);
      remainders[i] = Math.max(0, quota - result[i]);
    }
    given += result[i];
  }
  let left = total - given;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => remainders[b] - remainders[a] || (priority ? priority[a] - priority[b] : a - b) || a - b);
  for (let k = 0; left > 0; k = (k + 1) % n) {
    if (weights[idx[k]] > 0) {
      result[idx[k]] += 1;
      left -= 1;
    }
  }
  return result;
}

describe("largestRemainder(total, weights, priority)", () => {
  it.each([
    { total: 10, weights: [1, 1, 1], expected: [4, 3, 3] },
    { total: 10, weights: [1, 1, 1], priority: [2, 1, 0], expected: [3, 3, 4] },
    { total: 7, weights: [0, 2, 0, 1], expected: [0, 5, 0, 2] },
    { total: 1, weights: [0.1, 0.2, 0.3], expected: [0, 0, 1] },
    { total: 0, weights: [1, 2], expected: [0, 0] },
  ])("$total over $weights → $expected", ({ total, weights, priority, expected }) => {
    expect(largestRemainder(total, weights, priority)).toEqual(expected);
  });

  it("gives what sorting every entry gave, whole or fractional weights, with ties and priorities", () => {
    const weight = fc.oneof(fc.constantFrom(0, 1, 2, 3, 12), fc.nat({ max: 1000 }), fc.double({ min: 0, max: 50, noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(weight, { minLength: 1, maxLength: 60 }).filter((w) => w.some((x) => x > 0)),
        fc.nat({ max: 500 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 60, maxLength: 60 }),
        (weights, total, withPriority, ranks) => {
          const priority = withPriority ? ranks.slice(0, weights.length) : undefined;
          const shares = largestRemainder(total, weights, priority);
          expect(shares).toEqual(bySortingAll(total, weights, priority));
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
