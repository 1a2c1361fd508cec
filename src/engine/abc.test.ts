import fc from "fast-check";
import { classifyAbc, type AbcOptions } from "./abc";
import { EngineError } from "./errors";
import { explain } from "../i18n";

/*
 * Textbook case (10 clients, total 100 000 €), sorted by CA descending:
 *   client  CA      before  cumul   class
 *   C2      45 000  0 %     45 %    A   (before < 80 %)
 *   C6      25 000  45 %    70 %    A
 *   C4      12 000  70 %    82 %    A   (70 % < 80 %: the 3rd client is needed to reach 80 %)
 *   C8       6 000  82 %    88 %    B   (82 % ≥ 80 %, < 95 %)
 *   C10      4 000  88 %    92 %    B
 *   C1       3 000  92 %    95 %    B
 *   C7       2 000  95 %    97 %    C   (95 % is not < 95 %)
 *   C9       1 500  97 %    98,5 %  C
 *   C3       1 000  98,5 %  99,5 %  C
 *   C5         500  99,5 %  100 %   C
 * So A = 3 clients (30 % of clients) for 82 % of CA, B = 3 for 10 %, C = 4 for 8 %.
 */
const textbook = [3000, 45000, 1000, 12000, 500, 25000, 2000, 6000, 1500, 4000];

describe("classifyAbc", () => {
  it("classifyAbc(textbook) gives the hand-computed classes, ranks and shares", () => {
    const r = classifyAbc(textbook);
    expect(r.map((x) => x.cls).join("")).toBe("BACACACBCB");
    expect(r.map((x) => x.rank)).toEqual([6, 1, 9, 3, 10, 2, 7, 4, 8, 5]);
    expect(r[1].share).toBeCloseTo(0.45, 12);
    expect(r[3].cumulativeShare).toBeCloseTo(0.82, 12);
    expect(r[3].before).toBeCloseTo(0.7, 12);
    expect(r[4].cumulativeShare).toBe(1);
  });

  /*
   * The 12-client portfolio of quarterRanks.test.ts and penetration.test.ts, realised CA. Total of the positive
   * amounts 200 000 € (C12's −2 000 € of returns weighs nothing and is C with a warning). Sorted, ties in input order:
   *   C2 50 000 before 0 %     cumul 25 %    A
   *   C1 30 000 before 25 %    cumul 40 %    A
   *   C6 20 000 before 40 %    cumul 50 %    A
   *   C8 20 000 (tie with C6)  cumul 60 %    A
   *   C5 15 000 before 60 %    cumul 67,5 %  A
   *   C9 15 000 (tie with C5)  cumul 75 %    A
   *   C7 14 000 before 75 %    cumul 82 %    A   (75 % < 80 %)
   *   C11 12 000 before 82 %   cumul 88 %    B
   *   C3 10 000 before 88 %    cumul 93 %    B
   *   C10 10 000 (tie with C3) cumul 98 %    B
   *   C4 4 000 before 98 %     cumul 100 %   C   (98 % ≥ 95 %)
   *   C12 −2 000                             C   (≤ 0)
   */
  it("classifyAbc(12 clients) gives the hand-computed classes, ranks and cumulative shares", () => {
    const realised = [30000, 50000, 10000, 4000, 15000, 20000, 14000, 20000, 15000, 10000, 12000, -2000];
    const r = classifyAbc(realised);
    expect(r.map((x) => x.cls).join("")).toBe("AABCAAAAABBC");
    expect(r.map((x) => x.rank)).toEqual([2, 1, 9, 11, 5, 3, 7, 4, 6, 10, 8, 12]);
    const cumul = [0.4, 0.25, 0.93, 1, 0.675, 0.5, 0.82, 0.6, 0.75, 0.98, 0.88];
    cumul.forEach((c, i) => expect(r[i].cumulativeShare).toBeCloseTo(c, 12));
    expect(r[11]).toMatchObject({ cls: "C", warning: "negative" });
  });

  const cases: { name: string; amounts: number[]; options?: AbcOptions; classes: string }[] = [
    { name: "one value is A", amounts: [120], classes: "A" },
    { name: "all equal are all A (same class as the first)", amounts: [5, 5, 5, 5], classes: "AAAA" },
    { name: "a tie across the 80 % boundary takes the class of the first", amounts: [60, 20, 20], classes: "AAA" },
    { name: "before = 80 % exactly is B", amounts: [50, 30, 10, 10], classes: "AABB" },
    { name: "before = 95 % exactly is C", amounts: [80, 15, 5], classes: "ABC" },
    { name: "the largest client is always A even above 80 %", amounts: [1, 99], classes: "CA" },
    { name: "zero and negative amounts are C", amounts: [70, 0, 30, -5], classes: "ACAC" },
    { name: "custom thresholds 70/90", amounts: [50, 25, 15, 10], options: { thresholds: [0.7, 0.9] }, classes: "AABC" },
    {
      name: "clients mode: ceil(20 % × 10) = 2 A, ceil(50 % × 10) = 5 A+B",
      amounts: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1],
      options: { mode: "clients" },
      classes: "AABBBCCCCC",
    },
    {
      name: "clients mode: a tie on the A boundary stays A",
      amounts: [10, 9, 9, 8, 7, 6, 5, 4, 3, 2],
      options: { mode: "clients" },
      classes: "AAABBCCCCC",
    },
    { name: "clients mode: non-positive amounts are C", amounts: [0, 0, -1], options: { mode: "clients" }, classes: "CCC" },
  ];
  it.each(cases)("classifyAbc(amounts): $name", ({ amounts, options, classes }) => {
    expect(classifyAbc(amounts, options).map((r) => r.cls).join("")).toBe(classes);
  });

  it("classifyAbc flags negative amounts with a warning and explains them", () => {
    const r = classifyAbc([100, -20]);
    expect(r[1]).toMatchObject({ cls: "C", share: 0, warning: "negative", why: { key: "abc.C_nonpositive" } });
    expect(r[0].warning).toBeUndefined();
  });

  const centCases: { name: string; amount: number; warning?: "negative"; share: number }[] = [
    { name: "−0 (a journal whose lines cancel out) is 0, not negative", amount: -0, share: 0 },
    { name: "a float residue −1.4e-14 is 0, not negative", amount: -1.4e-14, share: 0 },
    { name: "−0.004 rounds to 0.00: not negative", amount: -0.004, share: 0 },
    { name: "+0.004 rounds to 0.00: weighs nothing", amount: 0.004, share: 0 },
    { name: "−0.005 is a negative cent", amount: -0.005, warning: "negative", share: 0 },
    { name: "+0.005 counts", amount: 0.005, share: 0.005 / 100.005 },
  ];
  it.each(centCases)("classifyAbc([100, x]): $name", ({ amount, warning, share }) => {
    const r = classifyAbc([100, amount]);
    expect(r[1].warning).toBe(warning);
    expect(r[1].share).toBeCloseTo(share, 12);
    if (share === 0 && !warning) expect(explain(r[1].why)).toBe("Classe C : montant nul ou négatif (0), il ne pèse rien dans le CA.");
  });

  const errors: { name: string; amounts: number[]; options?: AbcOptions; code: string; message?: string }[] = [
    { name: "empty input", amounts: [], code: "EMPTY_INPUT" },
    { name: "a blank (NaN) cell", amounts: [1, NaN, 3], code: "NOT_FINITE", message: "montants, ligne 2 : « NaN » n'est pas un nombre." },
    { name: "text that slipped through", amounts: [1, "n/a" as unknown as number], code: "NOT_FINITE" },
    { name: "an infinite value", amounts: [Infinity, 1], code: "NOT_FINITE" },
    { name: "no positive total", amounts: [0, -3], code: "TOTAL_NOT_POSITIVE" },
    { name: "thresholds out of order", amounts: [1, 2], options: { thresholds: [0.9, 0.8] }, code: "BAD_THRESHOLDS" },
    { name: "unknown mode", amounts: [1, 2], options: { mode: "pareto" as never }, code: "BAD_MODE" },
  ];
  it.each(errors)("classifyAbc(amounts) throws EngineError on $name", ({ amounts, options, code, message }) => {
    let caught: unknown;
    try {
      classifyAbc(amounts, options);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(EngineError);
    expect((caught as EngineError).code).toBe(code);
    if (message) expect((caught as EngineError).message).toBe(message);
  });

  it("classifyAbc does not modify its input", () => {
    const input = Object.freeze([3, 1, 2]) as readonly number[];
    classifyAbc(input);
    expect(input).toEqual([3, 1, 2]);
  });

  const amountsArb = fc.array(fc.integer({ min: -1000, max: 100000 }), { minLength: 1, maxLength: 60 }).filter((a) => a.some((x) => x > 0));

  it("classifyAbc: cumulative share is monotone in rank order and ends at exactly 1 (property)", () => {
    fc.assert(
      fc.property(amountsArb, (amounts) => {
        const r = classifyAbc(amounts);
        const byRank = [...r].sort((x, y) => x.rank - y.rank);
        for (let k = 1; k < byRank.length; k++) {
          if (byRank[k].cumulativeShare < byRank[k - 1].cumulativeShare) return false;
        }
        const lastPositive = byRank.filter((_, k) => amounts[r.indexOf(byRank[k])] > 0).pop();
        return lastPositive !== undefined && lastPositive.cumulativeShare === 1;
      }),
      { numRuns: 1000 },
    );
  });

  it("classifyAbc: equal amounts get equal classes, and permuting clients permutes classes (property)", () => {
    fc.assert(
      fc.property(amountsArb, fc.infiniteStream(fc.nat()), (amounts, stream) => {
        const r = classifyAbc(amounts);
        for (let i = 0; i < amounts.length; i++) {
          for (let j = 0; j < amounts.length; j++) {
            if (amounts[i] === amounts[j] && r[i].cls !== r[j].cls) return false;
          }
        }
        const perm = amounts.map((_, i) => i);
        const it = stream[Symbol.iterator]();
        for (let i = perm.length - 1; i > 0; i--) {
          const k = it.next().value % (i + 1);
          [perm[i], perm[k]] = [perm[k], perm[i]];
        }
        const r2 = classifyAbc(perm.map((p) => amounts[p]));
        return perm.every((p, i) => r2[i].cls === r[p].cls);
      }),
      { numRuns: 1000 },
    );
  });

  it("classifyAbc: the largest client is always A and classes never go back up in rank order (property)", () => {
    fc.assert(
      fc.property(amountsArb, (amounts) => {
        const r = classifyAbc(amounts);
        const byRank = [...r].sort((x, y) => x.rank - y.rank);
        if (byRank[0].cls !== "A") return false;
        return byRank.every((x, k) => k === 0 || x.cls >= byRank[k - 1].cls);
      }),
      { numRuns: 1000 },
    );
  });
});
