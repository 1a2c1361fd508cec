import fc from "fast-check";
import { explain } from "../i18n";
import { fr } from "../../test/support/typography";
import { thrownEngineError as thrown } from "../../test/support/engineError";
import { allocateConquest, CONQUEST_FLOOR, type ConquestInput } from "./conquest";
import { scoreProspects } from "./prospects";

describe("allocateConquest: a hand-computed case of six prospects", () => {
  /*
   * Criteria (pertinence, crédibilité, attractivité pour nous, notre attractivité), Ep = 100 × (mean − 1) / 4:
   *   P1  5 5 5 5  mean 5     Ep 100     retained
   *   P2  4 4 4 4  mean 4     Ep 75      retained
   *   P3  5 4 4 3  mean 4     Ep 75      retained
   *   P4  3 3 3 3  mean 3     Ep 50      retained (every criterion exactly 3)
   *   P5  2 5 5 5  mean 4.25  Ep 81.25   rejected: pertinence 2 < 3
   *   P6  4 3 4 4  mean 3.75  Ep 68.75   retained
   * Budget 24, cap 6. Σ Ep of the retained = 100 + 75 + 75 + 50 + 68.75 = 368.75.
   * Shares 24 × Ep / 368.75: P1 6.508 (above the cap), P2 4.881, P3 4.881, P4 3.254, P6 4.475.
   * P1 is set at the cap, 6; the 18 left go to P2, P3, P4, P6 by Ep / 268.75:
   *   P2 5.023, P3 5.023, P4 3.349, P6 4.605 → floors 5, 5, 3, 4 = 17; one contact left, to the largest
   *   remainder (P6 .605 > P4 .349 > P2 = P3 .023).
   * Result: P1 6, P2 5, P3 5, P4 3, P5 0, P6 5; total 24, rest 0.
   */
  const prospects = scoreProspects({
    pertinence: [5, 4, 5, 3, 2, 4],
    credibility: [5, 4, 4, 3, 5, 3],
    attractiveness: [5, 4, 4, 3, 5, 4],
    ourAttractiveness: [5, 4, 3, 3, 5, 4],
  });

  it("scores the six prospects as computed by hand", () => {
    expect(Array.from(prospects.ep)).toEqual([100, 75, 75, 50, 81.25, 68.75]);
    expect(Array.from(prospects.retained)).toEqual([1, 1, 1, 1, 0, 1]);
  });

  it("allocateConquest({ budget: 24 }) caps P1 and shares the rest by largest remainder", () => {
    const a = allocateConquest({ budget: 24, scores: prospects.score, retained: prospects.retained });
    expect(Array.from(a.contacts)).toEqual([6, 5, 5, 3, 0, 5]);
    expect(a.rest).toBe(0);
    expect(a.case).toBe("shared");
    expect(a.quota[1]).toBeCloseTo(18 * 75 / 268.75, 9);
    expect(explain(a.explain(0))).toBe(fr("Conquête : score 100, part exacte 6,51 ramenée au plafond de 6 contacts par prospect."));
    expect(explain(a.explain(5))).toBe(
      fr("Conquête : score 68,75, part exacte 4,6 du budget de 24 → 5 contacts (plus forts restes, entre 1 et 6)."),
    );
    expect(explain(a.explain(4))).toBe(fr("Pas de contact de conquête : prospect non retenu."));
  });

  it("allocateConquest({ budget: 40 }) puts everyone at the cap and returns the rest", () => {
    const a = allocateConquest({ budget: 40, scores: prospects.score, retained: prospects.retained });
    expect(Array.from(a.contacts)).toEqual([6, 6, 6, 6, 0, 6]);
    expect(a.rest).toBe(10);
    expect(explain(a.note)).toBe(fr("Tous les prospects retenus ont atteint le plafond de 6 contacts : 10 contacts restent en réserve de conquête."));
  });

  it("allocateConquest({ budget: 3 }) gives one contact to the best Ep first, ties in input order", () => {
    const a = allocateConquest({ budget: 3, scores: prospects.score, retained: prospects.retained });
    // P1 100, then P2 and P3 tied at 75 (file order), then P6 68.75 and P4 50 get none.
    expect(Array.from(a.contacts)).toEqual([1, 1, 1, 0, 0, 0]);
    expect(a.case).toBe("short");
    expect(explain(a.explain(5))).toBe(fr("Conquête : 3 contacts pour 5 prospects retenus ; rang 4 par score, il n'en reçoit aucun."));
  });
});

describe("allocateConquest: mandatory rows", () => {
  const cases: { name: string; input: ConquestInput; contacts: number[] | string; rest?: number }[] = [
    { name: "no prospect", input: { budget: 81, scores: [] }, contacts: [], rest: 81 },
    { name: "one prospect: the cap, the rest in reserve", input: { budget: 81, scores: [75] }, contacts: [6], rest: 75 },
    { name: "all rejected: the whole budget is the rest", input: { budget: 10, scores: [80, 60], retained: [0, 0] }, contacts: [0, 0], rest: 10 },
    { name: "equal scores share evenly, extra units in input order", input: { budget: 7, scores: [50, 50, 50] }, contacts: [3, 2, 2], rest: 0 },
    { name: "a small score is raised to the floor", input: { budget: 10, scores: [100, 100, 1] }, contacts: [5, 4, 1], rest: 0 },
    { name: "a zero score (potential 0) gets the floor only", input: { budget: 20, scores: [10, 0] }, contacts: [6, 1], rest: 13 },
    { name: "all scores zero share as if equal", input: { budget: 4, scores: [0, 0] }, contacts: [2, 2], rest: 0 },
    { name: "a budget of zero", input: { budget: 0, scores: [80, 60] }, contacts: [0, 0], rest: 0 },
    { name: "a cap of 1", input: { budget: 5, scores: [80, 60], cap: 1 }, contacts: [1, 1], rest: 3 },
    { name: "a negative budget", input: { budget: -1, scores: [80] }, contacts: "BAD_PARAMETER" },
    { name: "a cap of 0", input: { budget: 5, scores: [80], cap: 0 }, contacts: "BAD_PARAMETER" },
    { name: "a blank score of a retained prospect", input: { budget: 5, scores: [80, NaN] }, contacts: "BAD_PARAMETER" },
    { name: "a blank score of a rejected prospect is ignored", input: { budget: 5, scores: [80, NaN], retained: [1, 0] }, contacts: [5, 0], rest: 0 },
    { name: "mask and scores of different sizes", input: { budget: 5, scores: [80, 60], retained: [1] }, contacts: "LENGTH_MISMATCH" },
  ];
  it.each(cases)("allocateConquest(input): $name", ({ input, contacts, rest }) => {
    if (typeof contacts === "string") {
      expect(thrown(() => allocateConquest(input)).code).toBe(contacts);
      return;
    }
    const a = allocateConquest(input);
    expect(Array.from(a.contacts)).toEqual(contacts);
    expect(a.rest).toBe(rest);
  });
});

describe("allocateConquest: properties", () => {
  const arbitraryInput = fc.record({
    budget: fc.integer({ min: 0, max: 400 }),
    cap: fc.integer({ min: 1, max: 12 }),
    prospects: fc.array(fc.record({ score: fc.integer({ min: 0, max: 100 }), retained: fc.boolean() }), { maxLength: 60 }),
  });

  it("contacts sum exactly to the budget minus the rest; each retained prospect is between 1 and the cap when the budget allows", () => {
    fc.assert(
      fc.property(arbitraryInput, ({ budget, cap, prospects }) => {
        const a = allocateConquest({
          budget,
          cap,
          scores: prospects.map((p) => p.score),
          retained: prospects.map((p) => p.retained),
        });
        const sum = a.contacts.reduce((s, c) => s + c, 0);
        expect(sum).toBe(budget - a.rest);
        expect(a.rest).toBeGreaterThanOrEqual(0);
        const m = prospects.filter((p) => p.retained).length;
        prospects.forEach((p, i) => {
          if (!p.retained) expect(a.contacts[i]).toBe(0);
          else if (budget >= m) {
            expect(a.contacts[i]).toBeGreaterThanOrEqual(CONQUEST_FLOOR);
            expect(a.contacts[i]).toBeLessThanOrEqual(cap);
          } else expect(a.contacts[i]).toBeLessThanOrEqual(1);
        });
        // A rest only when nobody is retained, or every retained prospect is at its bound.
        if (a.rest > 0 && m > 0) {
          const allZero = prospects.every((p) => !p.retained || p.score === 0);
          prospects.forEach((p, i) => {
            if (p.retained) expect(a.contacts[i]).toBe(p.score === 0 && !allZero ? CONQUEST_FLOOR : cap);
          });
        }
      }),
    );
  });

  it("a higher score never gets fewer contacts than a lower one", () => {
    fc.assert(
      fc.property(arbitraryInput, ({ budget, cap, prospects }) => {
        const scores = prospects.map((p) => p.score);
        const a = allocateConquest({ budget, cap, scores });
        for (let i = 0; i < scores.length; i++) {
          for (let j = 0; j < scores.length; j++) if (scores[i] > scores[j]) expect(a.contacts[i]).toBeGreaterThanOrEqual(a.contacts[j]);
        }
      }),
    );
  });

  it("permuting the prospects permutes their contacts (distinct scores)", () => {
    const input = fc
      .uniqueArray(fc.integer({ min: 1, max: 1000 }), { maxLength: 40 })
      .chain((scores) =>
        fc.record({
          scores: fc.constant(scores),
          order: fc.shuffledSubarray(scores.map((_, i) => i), { minLength: scores.length, maxLength: scores.length }),
          budget: fc.integer({ min: 0, max: 300 }),
          cap: fc.integer({ min: 1, max: 10 }),
        }),
      );
    fc.assert(
      fc.property(input, ({ scores, order, budget, cap }) => {
        const a = allocateConquest({ budget, cap, scores });
        const b = allocateConquest({ budget, cap, scores: order.map((i) => scores[i]) });
        order.forEach((i, k) => expect(b.contacts[k]).toBe(a.contacts[i]));
        expect(b.rest).toBe(a.rest);
      }),
    );
  });

  it("each exact share tells the truth: above the cap when capped, below the floor when floored, else within them", () => {
    fc.assert(
      fc.property(arbitraryInput, ({ budget, cap, prospects }) => {
        const a = allocateConquest({ budget, cap, scores: prospects.map((p) => p.score), retained: prospects.map((p) => p.retained) });
        if (a.case === "short" || a.case === "no_retained") return;
        for (let i = 0; i < a.n; i++) {
          if (!prospects[i].retained) continue;
          const key = a.explain(i).key;
          const q = a.quota[i];
          if (key === "conquest.capped") expect(q).toBeGreaterThanOrEqual(cap - 1e-9);
          else if (key === "conquest.floor") expect(q).toBeLessThanOrEqual(CONQUEST_FLOOR + 1e-9);
          else {
            expect(q).toBeGreaterThanOrEqual(CONQUEST_FLOOR - 1e-9);
            expect(q).toBeLessThanOrEqual(cap + 1e-9);
            expect(Math.abs(a.contacts[i] - q)).toBeLessThan(1);
          }
        }
      }),
    );
  });

  it("row(i) agrees with the columns", () => {
    fc.assert(
      fc.property(arbitraryInput, ({ budget, cap, prospects }) => {
        const a = allocateConquest({ budget, cap, scores: prospects.map((p) => p.score), retained: prospects.map((p) => p.retained) });
        for (let i = 0; i < a.n; i++) {
          const r = a.row(i);
          expect(r.contacts).toBe(a.contacts[i]);
          expect(r.quota).toEqual(a.quota[i]);
          expect(r.why).toEqual(a.explain(i));
        }
      }),
    );
  });
});

describe("allocateConquest: sentences agree with their numbers", () => {
  it.each([
    [{ budget: 1, scores: [] }, "Aucun prospect retenu : 1 contact de conquête reste une réserve à planifier."],
    [{ budget: 5, scores: [] }, "Aucun prospect retenu : 5 contacts de conquête restent une réserve à planifier."],
    [{ budget: 3, scores: [80], cap: 1 }, "Tous les prospects retenus ont atteint le plafond de 1 contact : 2 contacts restent en réserve de conquête."],
  ])("allocateConquest(%j).note", (input, sentence) => {
    expect(explain(allocateConquest(input).note)).toBe(fr(sentence));
  });

  it("a budget of 0 for one retained prospect says « 1 prospect retenu »", () => {
    expect(explain(allocateConquest({ budget: 0, scores: [80] }).explain(0))).toBe(
      fr("Conquête : 0 contact pour 1 prospect retenu ; rang 1 par score, il n'en reçoit aucun."),
    );
  });
});
