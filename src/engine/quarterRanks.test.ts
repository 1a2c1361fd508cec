import fc from "fast-check";
import { explain } from "../i18n";
import { EngineError } from "./errors";
import { quarterRanks, quarterRanksDetailed } from "./quarterRanks";

/*
 * 12 clients (the same portfolio as penetration.test.ts). rank = min(4, floor(before / 25 %) + 1), ties take
 * the rank of the first of them, amount ≤ 0 → 4.
 *
 * R on realised CA, total of the positive amounts 200 000 € (C12's −2 000 is left out):
 *   client  CA       before              R
 *   C2      50 000   0 %                 1
 *   C1      30 000   25 %   (50/200)     2   (25 % exactly is the 2nd quarter)
 *   C6      20 000   40 %   (80/200)     2
 *   C8      20 000   50 %   (100/200)    2   (tie with C6: its rank; by its own 50 % it would be 3)
 *   C5      15 000   60 %   (120/200)    3
 *   C9      15 000   67,5 % (135/200)    3   (tie with C5)
 *   C7      14 000   75 %   (150/200)    4   (75 % exactly is the 4th quarter)
 *   C11     12 000   82 %   (164/200)    4
 *   C3      10 000   88 %   (176/200)    4
 *   C10     10 000   93 %   (186/200)    4
 *   C4       4 000   98 %   (196/200)    4
 *   C12     −2 000   —                   4   (negative)
 *
 * P on potential, total 400 000 €:
 *   client  potential  before               P
 *   C1      90 000     0 %                  1
 *   C3      60 000     22,5 %  (90/400)     1
 *   C4      50 000     37,5 %  (150/400)    2
 *   C2      40 000     50 %    (200/400)    3   (50 % exactly is the 3rd quarter)
 *   C8      40 000     60 %    (240/400)    3   (tie with C2)
 *   C6      30 000     70 %    (280/400)    3
 *   C5      25 000     77,5 %  (310/400)    4
 *   C7      20 000     83,75 % (335/400)    4
 *   C9      15 000     88,75 % (355/400)    4
 *   C10     12 000     92,5 %  (370/400)    4
 *   C11     10 000     95,5 %  (382/400)    4
 *   C12      8 000     98 %    (392/400)    4
 */
const realised = Object.freeze([30000, 50000, 10000, 4000, 15000, 20000, 14000, 20000, 15000, 10000, 12000, -2000]);
const potential = Object.freeze([90000, 40000, 60000, 50000, 25000, 30000, 20000, 40000, 15000, 12000, 10000, 8000]);

describe("quarterRanks", () => {
  it("quarterRanks(realised CA of 12 clients) gives the hand-computed R ranks", () => {
    expect(quarterRanks(realised)).toEqual([2, 1, 4, 4, 3, 2, 4, 2, 3, 4, 4, 4]);
  });

  it("quarterRanks(potential of 12 clients) gives the hand-computed P ranks", () => {
    expect(quarterRanks(potential)).toEqual([1, 3, 1, 2, 4, 3, 4, 3, 4, 4, 4, 4]);
  });

  it("quarterRanksDetailed(realised CA of 12 clients) gives each client's own before share", () => {
    const r = quarterRanksDetailed(realised);
    const before = [0.25, 0, 0.88, 0.98, 0.6, 0.4, 0.75, 0.5, 0.675, 0.93, 0.82, 1];
    r.forEach((x, i) => expect(x.before).toBeCloseTo(before[i], 12));
    expect(r[11]).toMatchObject({ rank: 4, warning: "negative", why: { key: "quartile.nonpositive" } });
    expect(r.filter((x) => x.warning !== undefined)).toHaveLength(1);
  });

  const cases: { name: string; amounts: number[]; ranks: number[] }[] = [
    { name: "one value is rank 1", amounts: [120], ranks: [1] },
    { name: "all equal are all rank 1 (the rank of the first)", amounts: [5, 5, 5, 5], ranks: [1, 1, 1, 1] },
    { name: "a tie across the 75 % boundary takes the rank of the first", amounts: [50, 25, 25], ranks: [1, 3, 3] },
    {
      // total 200: 19 has 30 + 20 = 50 ahead (25 %), 16 has 104 (52 %), 12 has 162 (81 %).
      name: "before = 25 % exactly is rank 2",
      amounts: [30, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 5],
      ranks: [1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4],
    },
    { name: "before = 75 % exactly is rank 4", amounts: [75, 25], ranks: [1, 4] },
    { name: "the largest client is always rank 1 even above 25 %", amounts: [1, 99], ranks: [4, 1] },
    { name: "zero and negative amounts are rank 4 and weigh nothing", amounts: [70, 0, 30, -5], ranks: [1, 4, 3, 4] },
    { name: "every amount ≤ 0: all rank 4", amounts: [0, -3], ranks: [4, 4] },
    { name: "zero and minus zero are one value", amounts: [10, 0, -0], ranks: [1, 4, 4] },
    { name: "one rank per quarter", amounts: [40, 30, 20, 10], ranks: [1, 2, 3, 4] },
  ];
  it.each(cases)("quarterRanks(amounts): $name", ({ amounts, ranks }) => {
    expect(quarterRanks(amounts)).toEqual(ranks);
    expect(quarterRanksDetailed(amounts).map((x) => x.rank)).toEqual(ranks);
  });

  it("quarterRanksDetailed explains the rank by the share of the clients ranked ahead, in French", () => {
    const r = quarterRanksDetailed([50, 25, 25, -5]);
    expect(explain(r[0].why)).toBe(
      "Rang 1 : les clients classés avant lui font 0\u202f% du total, il est donc dans le quart n° 1 du montant total (méthode des interquartiles, pas des quartiles de clients).",
    );
    expect(explain(r[1].why, "en")).toBe(
      "Rank 3: the clients ranked ahead make 50% of the total, i.e. quarter 3 of the total amount (interquartile method, not quartiles of clients).",
    );
    expect(r[2].why).toEqual({ key: "quartile.rank", params: { rank: 3, before: { pct: 0.5 } } });
    expect(r[2].before).toBe(0.75);
    expect(explain(r[3].why)).toBe("Rang 4 : montant nul ou négatif (-5).");
    expect(r[3].before).toBe(1);
  });

  const errors: { name: string; amounts: number[]; code: string; message?: string }[] = [
    { name: "empty input", amounts: [], code: "EMPTY_INPUT", message: "Aucun client : la liste « montants » est vide." },
    { name: "a blank (NaN) cell", amounts: [1, NaN, 3], code: "NOT_FINITE", message: "montants, ligne 2 : « NaN » n'est pas un nombre." },
    { name: "text that slipped through", amounts: [1, "n/a" as unknown as number], code: "NOT_FINITE" },
    { name: "an infinite value", amounts: [Infinity, 1], code: "NOT_FINITE" },
    { name: "null (an empty cell read raw)", amounts: [null as unknown as number, 1], code: "NOT_FINITE" },
  ];
  it.each(errors)("quarterRanks(amounts) throws EngineError on $name", ({ amounts, code, message }) => {
    for (const call of [quarterRanks, quarterRanksDetailed]) {
      let caught: unknown;
      try {
        call(amounts);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(EngineError);
      expect((caught as EngineError).code).toBe(code);
      if (message) expect((caught as EngineError).message).toBe(message);
    }
  });

  it("quarterRanks does not modify its input", () => {
    const input = Object.freeze([3, 1, 2]) as readonly number[];
    quarterRanks(input);
    quarterRanksDetailed(input);
    expect(input).toEqual([3, 1, 2]);
  });

  const amountsArb = fc.array(fc.integer({ min: -100, max: 1000 }), { minLength: 1, maxLength: 60 });

  /** SPEC §3 the slow way: a stable descending sort, the running sum, the first of each tie. */
  const oracle = (amounts: readonly number[]): number[] => {
    const total = amounts.filter((x) => x > 0).reduce((s, x) => s + x, 0);
    const order = amounts.map((_, i) => i).sort((a, b) => amounts[b] - amounts[a] || a - b);
    const rankOf = new Map<number, number>();
    let ahead = 0;
    for (const i of order) {
      const x = amounts[i];
      if (!rankOf.has(x)) rankOf.set(x, x > 0 ? Math.min(4, Math.floor(ahead / total / 0.25) + 1) : 4);
      if (x > 0) ahead += x;
    }
    return amounts.map((x) => rankOf.get(x)!);
  };

  it("quarterRanks: ranks stay in 1..4 and match the SPEC rule computed by a plain sort (property)", () => {
    fc.assert(
      fc.property(amountsArb, (amounts) => {
        const r = quarterRanks(amounts);
        return r.every((x) => x >= 1 && x <= 4) && JSON.stringify(r) === JSON.stringify(oracle(amounts));
      }),
      { numRuns: 1000 },
    );
  });

  it("quarterRanks: equal amounts get equal ranks and a larger amount never gets a worse rank (property)", () => {
    fc.assert(
      fc.property(amountsArb, (amounts) => {
        const r = quarterRanks(amounts);
        for (let i = 0; i < amounts.length; i++) {
          for (let j = 0; j < amounts.length; j++) {
            if (amounts[i] === amounts[j] && r[i] !== r[j]) return false;
            if (amounts[i] > amounts[j] && r[i] > r[j]) return false;
          }
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });

  it("quarterRanks: permuting the clients permutes the ranks (property)", () => {
    fc.assert(
      fc.property(
        amountsArb.chain((a) => fc.tuple(fc.constant(a), fc.shuffledSubarray(a.map((_, i) => i), { minLength: a.length }))),
        ([amounts, perm]) => {
          const r = quarterRanks(amounts);
          const r2 = quarterRanks(perm.map((p) => amounts[p]));
          return perm.every((p, i) => r2[i] === r[p]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
