import fc from "fast-check";
import { Distribution, descendingPositions } from "./distribution";
import { ascendingOrder } from "./order";

/** The reference: a comparison sort of the indices, ties in input order. */
const stableOrder = (values: readonly number[]): number[] =>
  values.map((_, i) => i).sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : a - b));

describe("ascendingOrder", () => {
  const cases: { name: string; values: number[]; order: number[] }[] = [
    { name: "empty input", values: [], order: [] },
    { name: "one value", values: [42], order: [0] },
    { name: "all equal keep input order", values: [7, 7, 7], order: [0, 1, 2] },
    { name: "ties keep input order", values: [3, -1, 3, 0], order: [1, 3, 0, 2] },
    { name: "negatives before positives, the most negative first", values: [-0.5, 2, -300, 1e-300, -1e-300], order: [2, 0, 4, 3, 1] },
    { name: "zero and minus zero are equal", values: [0, -0, 0], order: [0, 1, 2] },
    { name: "extremes", values: [Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE], order: [1, 3, 2, 0] },
  ];
  it.each(cases)("ascendingOrder(values): $name", ({ values, order }) => {
    const sorted = ascendingOrder(values);
    expect(Array.from(sorted.order)).toEqual(order);
    expect(Array.from(sorted.sorted)).toEqual(order.map((i) => (values[i] === 0 ? 0 : values[i])));
  });

  it("ascendingOrder(values) equals a stable comparison sort (property)", () => {
    const value = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom(0, -0, 1e-320, -1e-320),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 80 }), (values) => {
        const expected = stableOrder(values);
        const { order, sorted } = ascendingOrder(values);
        expect(Array.from(order)).toEqual(expected);
        expect(Array.from(sorted)).toEqual(expected.map((i) => values[i] + 0));
      }),
      { numRuns: 1000 },
    );
  });

  it("ascendingOrder(whole numbers in a small span, the counting sort) equals a stable comparison sort (property)", () => {
    const span = fc.integer({ min: -3, max: 3 }).chain((lo) => fc.integer({ min: lo, max: lo + 40 }).map((hi) => [lo, hi] as const));
    fc.assert(
      fc.property(
        span.chain(([lo, hi]) => fc.array(fc.oneof(fc.integer({ min: lo, max: hi }), fc.constant(-0)), { minLength: 1, maxLength: 80 })),
        (values) => {
          const expected = stableOrder(values);
          const { order, sorted } = ascendingOrder(values);
          expect(Array.from(order)).toEqual(expected);
          expect(Array.from(sorted)).toEqual(expected.map((i) => values[i] + 0));
          expect(Array.from(sorted).some((x) => Object.is(x, -0))).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("ascendingOrder(amounts in whole cents, the 32-bit key sort) equals a stable comparison sort (property)", () => {
    const cents = fc.oneof(
      fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }).map((k) => k / 100),
      fc.integer({ min: -500, max: 500 }).map((k) => k / 100),
      fc.constantFrom(0, -0, 0.07, 0.1, 0.2, 0.3, 12.34, -12.34, 42_949_672.95),
    );
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 80 }), (values) => {
        const expected = stableOrder(values);
        const { order, sorted } = ascendingOrder(values);
        expect(Array.from(order)).toEqual(expected);
        expect(Array.from(sorted)).toEqual(expected.map((i) => values[i] + 0));
        expect(Array.from(sorted).some((x) => Object.is(x, -0))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    { name: "a span of cents just under 2^32", values: [0, 42_949_672.95, 0.01, 21_474_836.48] },
    { name: "a span of cents of 2^32 or more (IEEE-754 keys)", values: [0, 42_949_672.96, 0.01, -0.01] },
    { name: "one amount not in whole cents (IEEE-754 keys)", values: [0.1, 0.105, -3, 0.1] },
    { name: "cents and −0", values: [0.3, -0, 0.1 + 0.2, 0, -0.3] },
  ])("ascendingOrder(amounts): $name", ({ values }) => {
    const expected = stableOrder(values);
    const { order, sorted } = ascendingOrder(values);
    expect(Array.from(order)).toEqual(expected);
    expect(Array.from(sorted)).toEqual(expected.map((i) => values[i] + 0));
  });

  it("Distribution(values).index and descendingPositions agree with indexOf and a stable descending sort (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 60 }), (values) => {
        const dist = new Distribution(values);
        values.forEach((x, i) => expect(dist.index[i]).toBe(dist.indexOf(x)));
        const desc = values.map((_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
        const { position, order } = descendingPositions(dist, values);
        expect(Array.from(order)).toEqual(desc);
        desc.forEach((i, p) => expect(position[i]).toBe(p));
      }),
      { numRuns: 1000 },
    );
  });
});
