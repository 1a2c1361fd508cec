import fc from "fast-check";
import { explain } from "../i18n";
import { EngineError } from "./errors";
import { penetration, prTarget } from "./penetration";
import { quarterRanks } from "./quarterRanks";

/*
 * The 12-client portfolio of quarterRanks.test.ts (P and R worked out there: potential total 400 000 €,
 * realised total 200 000 €). Code "P" + P + "-R" + R, gap = R − P, target: ≥ 1 develop, 0 maintain,
 * ≤ −1 secure; rate = realised / potential.
 *   client  potential  realised  P  R  code   gap  target    rate
 *   C1      90 000     30 000    1  2  P1-R2  +1   develop   33,3 %
 *   C2      40 000     50 000    3  1  P3-R1  −2   secure    125 %   (> 100 %: flagged)
 *   C3      60 000     10 000    1  4  P1-R4  +3   develop   16,7 %
 *   C4      50 000      4 000    2  4  P2-R4  +2   develop   8 %
 *   C5      25 000     15 000    4  3  P4-R3  −1   secure    60 %
 *   C6      30 000     20 000    3  2  P3-R2  −1   secure    66,7 %
 *   C7      20 000     14 000    4  4  P4-R4   0   maintain  70 %
 *   C8      40 000     20 000    3  2  P3-R2  −1   secure    50 %    (R2 by the tie with C6)
 *   C9      15 000     15 000    4  3  P4-R3  −1   secure    100 %   (exactly 1: not flagged)
 *   C10     12 000     10 000    4  4  P4-R4   0   maintain  83,3 %
 *   C11     10 000     12 000    4  4  P4-R4   0   maintain  120 %   (flagged)
 *   C12      8 000     −2 000    4  4  P4-R4   0   maintain  −25 %   (returns: rank 4, negative rate)
 */
const potential = Object.freeze([90000, 40000, 60000, 50000, 25000, 30000, 20000, 40000, 15000, 12000, 10000, 8000]);
const realised = Object.freeze([30000, 50000, 10000, 4000, 15000, 20000, 14000, 20000, 15000, 10000, 12000, -2000]);

describe("penetration", () => {
  it("penetration(12 clients) gives the hand-computed P-R codes, gaps, targets and rates", () => {
    const res = penetration(potential, realised);
    expect(res.map((x) => x.code)).toEqual([
      "P1-R2", "P3-R1", "P1-R4", "P2-R4", "P4-R3", "P3-R2", "P4-R4", "P3-R2", "P4-R3", "P4-R4", "P4-R4", "P4-R4",
    ]);
    expect(res.map((x) => x.gap)).toEqual([1, -2, 3, 2, -1, -1, 0, -1, -1, 0, 0, 0]);
    expect(res.map((x) => x.target)).toEqual([
      "develop", "secure", "develop", "develop", "secure", "secure", "maintain", "secure", "secure", "maintain", "maintain", "maintain",
    ]);
    const rates = [1 / 3, 1.25, 1 / 6, 0.08, 0.6, 2 / 3, 0.7, 0.5, 1, 10 / 12, 1.2, -0.25];
    res.forEach((x, i) => expect(x.rate).toBeCloseTo(rates[i], 12));
    expect(res.map((x, i) => (x.overOne ? i + 1 : 0)).filter(Boolean)).toEqual([2, 11]);
    expect(res.every((x) => x.error === undefined)).toBe(true);
    expect(res.map((x) => x.p)).toEqual(quarterRanks(potential));
    expect(res.map((x) => x.r)).toEqual(quarterRanks(realised));
  });

  it("penetration explains the code, the target and the rate in French", () => {
    const res = penetration(potential, realised);
    expect(explain(res[0].why)).toBe(
      "P1-R2 : potentiel au rang P1, réalisé au rang R2 ; écart R − P = +1 → Développer.",
    );
    expect(explain(res[1].warning!)).toBe("Taux de pénétration 125\u202f% > 100 % : le potentiel est sans doute sous-estimé.");
    expect(explain(res[1].why, "en")).toBe(
      "P3-R1: potential rank P3, realised rank R1; gap R − P = -2 → Secure.",
    );
    expect(res[8].warning).toBeUndefined();
    expect(res[5].why).toBe(res[7].why);
  });

  const cases: { name: string; potential: number[]; realised: number[]; codes: string[]; rates: (number | null)[] }[] = [
    { name: "one client is P1-R1", potential: [100], realised: [40], codes: ["P1-R1"], rates: [0.4] },
    {
      name: "all equal are all P1-R1",
      potential: [10, 10, 10],
      realised: [5, 5, 5],
      codes: ["P1-R1", "P1-R1", "P1-R1"],
      rates: [0.5, 0.5, 0.5],
    },
    {
      // potential 50, 25, 25: the second 25 has 75 % ahead but takes the first one's P3.
      name: "a tie across the 75 % boundary takes the rank of the first",
      potential: [50, 25, 25],
      realised: [10, 10, 10],
      codes: ["P1-R1", "P3-R1", "P3-R1"],
      rates: [0.2, 0.4, 0.4],
    },
    {
      name: "a negative or zero realised amount is R4",
      potential: [100, 50, 50],
      realised: [80, -10, 0],
      codes: ["P1-R1", "P3-R4", "P3-R4"],
      rates: [0.8, -0.2, 0],
    },
    {
      name: "no realised CA at all: every client is R4",
      potential: [100, 50],
      realised: [0, 0],
      codes: ["P1-R4", "P3-R4"],
      rates: [0, 0],
    },
  ];
  it.each(cases)("penetration(potential, realised): $name", ({ potential: pot, realised: real, codes, rates }) => {
    const res = penetration(pot, real);
    expect(res.map((x) => x.code)).toEqual(codes);
    expect(res.map((x) => x.rate)).toEqual(rates);
  });

  it("penetration(potential ≤ 0 for one client) gives that client an error and computes the others", () => {
    const res = penetration([100, 0, -20, 50], [40, 10, 5, 60]);
    expect(res.map((x) => x.rate)).toEqual([0.4, null, null, 1.2]);
    for (const [i, value] of [[1, "0"], [2, "-20"]] as const) {
      const { error } = res[i];
      expect(error).toBeInstanceOf(EngineError);
      expect(error).toMatchObject({ code: "POTENTIAL_NOT_POSITIVE", index: i });
      expect(error!.message).toBe(`Potentiel ligne ${i + 1} nul ou négatif (${value}) : taux de pénétration impossible.`);
      expect(res[i]).toMatchObject({ p: 4, why: { key: "pr.code_no_rate" } });
      expect(res[i].overOne).toBeUndefined();
    }
    // realised total 115: 40 has 60 ahead (52 %) → R3.
    expect(res[0]).toMatchObject({ code: "P1-R3", gap: 2, target: "develop", rate: 0.4 });
    expect(res[3]).toMatchObject({ code: "P3-R1", gap: -2, target: "secure", overOne: true });
    expect(res[0].error).toBeUndefined();
    expect(explain(res[2].why)).toBe(
      "P4-R4 : potentiel au rang P4, réalisé au rang R4 ; écart R − P = 0 → Entretenir. Taux de pénétration impossible : potentiel nul ou négatif (-20).",
    );
  });

  it.each([
    { gap: 3, target: "develop" },
    { gap: 1, target: "develop" },
    { gap: 0, target: "maintain" },
    { gap: -1, target: "secure" },
    { gap: -3, target: "secure" },
  ])("prTarget($gap) is $target", ({ gap, target }) => {
    expect(prTarget(gap)).toBe(target);
  });

  const errors: { name: string; potential: number[]; realised: number[]; code: string; message?: string }[] = [
    { name: "empty input", potential: [], realised: [], code: "EMPTY_INPUT", message: "Aucun client : la liste « potentiel » est vide." },
    {
      name: "lists of different sizes",
      potential: [1, 2, 3],
      realised: [1, 2],
      code: "LENGTH_MISMATCH",
      message: "Les plages « potentiel » (3 valeurs) et « réalisé » (2 valeurs) n'ont pas la même taille.",
    },
    { name: "a blank (NaN) potential", potential: [1, NaN], realised: [1, 2], code: "NOT_FINITE", message: "potentiel, ligne 2 : « NaN » n'est pas un nombre." },
    { name: "a text realised amount", potential: [1, 2], realised: ["abc" as unknown as number, 2], code: "NOT_FINITE", message: "réalisé, ligne 1 : « abc » n'est pas un nombre." },
    { name: "an infinite realised amount", potential: [1, 2], realised: [1, -Infinity], code: "NOT_FINITE" },
  ];
  it.each(errors)("penetration(potential, realised) throws EngineError on $name", ({ potential: pot, realised: real, code, message }) => {
    let caught: unknown;
    try {
      penetration(pot, real);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(EngineError);
    expect((caught as EngineError).code).toBe(code);
    if (message) expect((caught as EngineError).message).toBe(message);
  });

  it("penetration does not modify its inputs", () => {
    penetration(potential, realised);
    expect(potential[0]).toBe(90000);
    expect(realised[11]).toBe(-2000);
  });

  const pairsArb = fc
    .integer({ min: 1, max: 50 })
    .chain((n) =>
      fc.tuple(
        fc.array(fc.integer({ min: -10, max: 500 }), { minLength: n, maxLength: n }),
        fc.array(fc.integer({ min: -10, max: 500 }), { minLength: n, maxLength: n }),
      ),
    );

  it("penetration: code, gap, target and rate agree with P, R and the amounts; no NaN anywhere (property)", () => {
    fc.assert(
      fc.property(pairsArb, ([pot, real]) =>
        penetration(pot, real).every((x, i) => {
          const consistent =
            x.code === `P${x.p}-R${x.r}` &&
            x.gap === x.r - x.p &&
            x.target === prTarget(x.gap) &&
            [x.p, x.r].every((k) => k >= 1 && k <= 4);
          const rateOk =
            pot[i] > 0
              ? x.rate === real[i] / pot[i] && x.error === undefined && (x.overOne === true) === x.rate > 1
              : x.rate === null && x.error?.code === "POTENTIAL_NOT_POSITIVE" && x.error.index === i && x.p === 4;
          return consistent && rateOk;
        }),
      ),
      { numRuns: 1000 },
    );
  });

  it("penetration: equal clients get equal results and permuting the clients permutes them (property)", () => {
    fc.assert(
      fc.property(
        pairsArb.chain(([pot, real]) =>
          fc.tuple(fc.constant(pot), fc.constant(real), fc.shuffledSubarray(pot.map((_, i) => i), { minLength: pot.length })),
        ),
        ([pot, real, perm]) => {
          const strip = ({ p, r, code, gap, target, rate, overOne }: ReturnType<typeof penetration>[number]) =>
            JSON.stringify({ p, r, code, gap, target, rate, overOne });
          const res = penetration(pot, real).map(strip);
          for (let i = 0; i < pot.length; i++) {
            for (let j = 0; j < pot.length; j++) {
              if (pot[i] === pot[j] && real[i] === real[j] && res[i] !== res[j]) return false;
            }
          }
          const res2 = penetration(perm.map((p) => pot[p]), perm.map((p) => real[p])).map(strip);
          return perm.every((p, i) => res2[i] === res[p]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
