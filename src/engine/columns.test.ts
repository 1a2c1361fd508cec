import fc from "fast-check";
import { ABC_CLASSES, classifyAbc, scoreAbcColumns, type AbcMode } from "./abc";
import { CONTACT_QUADRANTS, contactMatrix, contactMatrixColumns } from "./contactMatrix";
import { ELASTICITY_READINGS, elasticityColumns, elasticityList, isElasticityFailure, NO_READING } from "./elasticity";
import { MATURITY_PHASES, MATURITY_WARNINGS, maturity, maturityColumns, UNCLASSED } from "./maturity";
import { penetration, penetrationColumns, PR_CODES, PR_TARGETS } from "./penetration";
import { quarterRankColumns, quarterRanks, quarterRanksDetailed } from "./quarterRanks";
import { RFM_SEGMENTS, rfmColumns, rfmScores } from "./rfm";

/*
 * The row view of each method is built from its columns: these properties check, on generated portfolios,
 * that the two say the same thing client by client (values, codes through their label tables, flags, whys).
 */

/** Amounts with ties, zeros, −0, cent residues and negatives. */
const amount = fc.oneof(
  fc.integer({ min: -50, max: 400 }),
  fc.constantFrom(0, -0, 100, 100, 1e-14, -1.4e-14, -250),
  fc.double({ min: -1e6, max: 1e7, noNaN: true }),
);

/** One client, all equal, or a portfolio of up to 60 clients. */
function listOf<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T[]> {
  return fc.oneof(
    value.map((x) => [x]),
    fc.tuple(value, fc.integer({ min: 2, max: 30 })).map(([x, k]) => Array.from({ length: k }, () => x)),
    fc.array(value, { minLength: 1, maxLength: 60 }),
  );
}

/** A list and a second one of the same length. */
function pairOf<T>(a: fc.Arbitrary<T>, b: fc.Arbitrary<T>): fc.Arbitrary<[T[], T[]]> {
  return listOf(a).chain((xs) => fc.array(b, { minLength: xs.length, maxLength: xs.length }).map((ys): [T[], T[]] => [xs, ys]));
}

const RUNS = { numRuns: 300 };

/** The result of `f`, or the code of the EngineError it throws: both forms must throw alike. */
function outcome<T>(f: () => T): { ok: T } | { code: string } {
  try {
    return { ok: f() };
  } catch (e) {
    return { code: (e as { code?: string }).code ?? String(e) };
  }
}

describe("row view and columns agree (property)", () => {
  it.each<AbcMode>(["amount", "clients"])("classifyAbc(amounts, %s) is scoreAbcColumns read row by row", (mode) => {
    fc.assert(
      fc.property(listOf(amount), (amounts) => {
        const cols = outcome(() => scoreAbcColumns(amounts, { mode }));
        const rows = outcome(() => classifyAbc(amounts, { mode }));
        if (!("ok" in cols) || !("ok" in rows)) {
          expect(rows).toEqual(cols);
          return;
        }
        const c = cols.ok;
        rows.ok.forEach((row, i) => {
          expect(row.cls).toBe(ABC_CLASSES[c.cls[i]]);
          expect([row.rank, row.share, row.before, row.cumulativeShare]).toEqual([c.rank[i], c.share[i], c.before[i], c.cumulativeShare[i]]);
          expect(row.warning === "negative").toBe(c.negative[i] === 1);
          expect(row.why).toEqual(c.explain(i));
        });
        expect(rows.ok).toHaveLength(c.n);
      }),
      RUNS,
    );
  });

  it("quarterRanksDetailed(amounts) and quarterRanks(amounts) are quarterRankColumns read row by row", () => {
    fc.assert(
      fc.property(listOf(amount), (amounts) => {
        const c = quarterRankColumns(amounts);
        const rows = quarterRanksDetailed(amounts);
        expect(quarterRanks(amounts)).toEqual(Array.from(c.rank));
        rows.forEach((row, i) => {
          expect([row.rank, row.before]).toEqual([c.rank[i], c.before[i]]);
          expect(row.warning === "negative").toBe(c.negative[i] === 1);
          expect(row.why).toEqual(c.explain(i));
        });
        expect(rows).toHaveLength(c.n);
      }),
      RUNS,
    );
  });

  it("penetration(potential, realised) is penetrationColumns read row by row", () => {
    fc.assert(
      fc.property(pairOf(amount, amount), ([potential, realised]) => {
        const c = penetrationColumns(potential, realised);
        penetration(potential, realised).forEach((row, i) => {
          expect([row.p, row.r, row.gap]).toEqual([c.p[i], c.r[i], c.gap[i]]);
          expect(row.code).toBe(PR_CODES[(c.p[i] - 1) * 4 + (c.r[i] - 1)]);
          expect(row.target).toBe(PR_TARGETS[c.target[i]]);
          expect(row.rate).toBe(Number.isNaN(c.rate[i]) ? null : c.rate[i]);
          expect(row.overOne === true).toBe(c.rate[i] > 1);
          expect(row.why).toEqual(c.explain(i));
          expect(row.warning).toEqual(c.warning(i));
          expect(row.error?.code).toBe(c.error(i)?.code);
        });
      }),
      RUNS,
    );
  });

  it("rfmScores(input, classes) is rfmColumns read row by row", () => {
    const days = fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constantFrom(0, 30, 365));
    const count = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant(1));
    const client = fc.tuple(days, count, amount);
    fc.assert(
      fc.property(listOf(client), fc.constantFrom(2, 3, 5, 10), (list, classes) => {
        const input = { recency: list.map((x) => x[0]), frequency: list.map((x) => x[1]), monetary: list.map((x) => x[2]) };
        const c = rfmColumns(input, { classes, weights: [1, 2, 0.5] });
        rfmScores(input, { classes, weights: [1, 2, 0.5] }).forEach((row, i) => {
          expect([row.r, row.f, row.m, row.sum]).toEqual([c.r[i], c.f[i], c.m[i], c.sum[i]]);
          expect(row.code).toBe(c.codes[c.cell[i]]);
          expect(row.segment).toBe(c.segment ? RFM_SEGMENTS[c.segment[i]] : undefined);
          expect(row.why).toEqual(c.explain(i));
        });
      }),
      RUNS,
    );
  });

  it("contactMatrix(contacts, amounts) is contactMatrixColumns read row by row", () => {
    const contacts = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(0));
    fc.assert(
      fc.property(pairOf(contacts, amount), ([cs, amounts]) => {
        const options = cs.length < 2 ? { splitContacts: 5, splitAmounts: 100 } : {};
        const c = contactMatrixColumns(cs, amounts, options);
        contactMatrix(cs, amounts, options).forEach((row, i) => {
          expect(row.quadrant).toBe(CONTACT_QUADRANTS[c.quadrant[i]]);
          expect([row.contactsHigh, row.amountHigh]).toEqual([cs[i] > c.splits.contacts, amounts[i] > c.splits.amounts]);
          expect(row.productivity).toBe(Number.isNaN(c.productivity[i]) ? null : c.productivity[i]);
          expect(row.productivityError?.code).toBe(c.productivityError(i)?.code);
          expect(row.why).toEqual(c.explain(i));
        });
      }),
      RUNS,
    );
  });

  it("elasticityList(…) is elasticityColumns read row by row, failures included", () => {
    const ca = fc.oneof(fc.integer({ min: -100, max: 1000 }), fc.constant(0));
    const contacts = fc.oneof(fc.integer({ min: -1, max: 12 }), fc.constant(0), fc.constant(Number.NaN));
    const client = fc.tuple(ca, ca, contacts, contacts);
    fc.assert(
      fc.property(listOf(client), (list) => {
        const args = [0, 1, 2, 3].map((k) => list.map((x) => x[k])) as [number[], number[], number[], number[]];
        const c = elasticityColumns(...args);
        let failures = 0;
        elasticityList(...args).forEach((row, i) => {
          if (isElasticityFailure(row)) {
            failures++;
            expect(row.error.code).toBe(c.error(i)?.code);
            expect([Number.isNaN(c.value[i]), c.reading[i], c.explain(i)]).toEqual([true, NO_READING, undefined]);
          } else {
            expect([row.value, row.reading]).toEqual([c.value[i], ELASTICITY_READINGS[c.reading[i]]]);
            expect(row.why).toEqual(c.explain(i));
            expect(c.error(i)).toBeUndefined();
          }
        });
        expect(c.failures).toBe(failures);
      }),
      RUNS,
    );
  });

  it("maturity(periods) is maturityColumns read row by row", () => {
    const ca = fc.oneof(fc.integer({ min: -100, max: 1000 }), fc.constantFrom(0, 1000, 1100, 900));
    fc.assert(
      fc.property(listOf(fc.tuple(ca, ca)), fc.constantFrom(0, 0.1, 0.5), (periods, threshold) => {
        const c = maturityColumns(periods, { threshold });
        maturity(periods, { threshold }).forEach((row, i) => {
          expect(row.phase).toBe(c.phase[i] === UNCLASSED ? null : MATURITY_PHASES[c.phase[i]]);
          expect(row.growth).toBe(Number.isNaN(c.growth[i]) ? null : c.growth[i]);
          expect(row.warning).toBe(c.warning[i] === 0 ? undefined : MATURITY_WARNINGS[c.warning[i] - 1]);
          expect(row.why).toEqual(c.explain(i));
        });
      }),
      RUNS,
    );
  });
});
