import fc from "fast-check";
import { allocateContacts, type AbcClass, type AllocationClient } from "../engine";
import { contactsModel, round9 } from "./contactsModel";
import { FIXTURE_CLIENTS } from "./__fixtures__/portfolio";
import { scorePortfolio } from "./score";

const CLASSES: readonly AbcClass[] = ["A", "B", "C"];

/** The engine's plan for `counts` clients of each class (no gap, no elasticity) and one prospect. */
function engine(capital: number, shares: { entretien: number; stimulation: number; conquete: number }, norms: Record<AbcClass, number>, counts: Record<AbcClass, number>) {
  const clients: AllocationClient[] = [];
  for (const cls of CLASSES) for (let k = 0; k < counts[cls]; k++) clients.push({ abc: cls });
  clients.push({ isProspect: true });
  const result = allocateContacts({ capital, shares, norms, clients });
  const planned = { A: 0, B: 0, C: 0 };
  clients.forEach((c, i) => {
    if (c.isProspect !== true) planned[c.abc] += result.perClient[i].entretien;
  });
  return { result, planned };
}

describe("contactsModel (the Contacts sheet's formulas, in TypeScript)", () => {
  it("contactsModel(540, 60/25/15, A12 B6 C2): the SPEC §8 split 324 / 135 / 81", () => {
    const m = contactsModel(540, { entretien: 0.6, stimulation: 0.25, conquete: 0.15 }, { A: 12, B: 6, C: 2 }, { A: 4, B: 3, C: 3 });
    expect(m.families.map((f) => f.total)).toEqual([324, 135, 81]);
    expect(m.needTotal).toBe(72);
    expect(CLASSES.map((c) => m.classes[c].planned)).toEqual([48, 18, 6]);
    expect(m.stimulationBudget).toBe(135 + 324 - 72);
    expect(m.reps).toBe(1);
  });

  it("contactsModel: needs above the entretien budget are scaled class by class like the engine", () => {
    const shares = { entretien: 0.6, stimulation: 0.25, conquete: 0.15 };
    const norms = { A: 12, B: 6, C: 2 };
    const counts = { A: 5, B: 7, C: 11 };
    const m = contactsModel(100, shares, norms, counts);
    const { result, planned } = engine(100, shares, norms, counts);
    expect(m.families.map((f) => f.total)).toEqual([result.families.entretien, result.families.stimulation, result.families.conquete]);
    expect(CLASSES.map((c) => m.classes[c].planned)).toEqual(CLASSES.map((c) => planned[c]));
    expect(m.plannedTotal).toBe(60);
    expect(m.stimulationBudget).toBe(result.stimulationBudget);
  });

  it("contactsModel(…, portfolio): what the engine placed, and the Planning by month from the per-client calendar", () => {
    const p = scorePortfolio(FIXTURE_CLIENTS, {});
    const counts = { A: p.classes.A.clients, B: p.classes.B.clients, C: p.classes.C.clients };
    const m = contactsModel(540, p.shares, p.norms, counts, p);
    expect(m.needsScaled).toBe(false);
    const placed = m.placed!;
    expect(placed.months.map((l) => l.line)).toEqual(["A", "B", "C", "prospects", "reserve", "conquestPool", "total"]);
    const byLine = Object.fromEntries(placed.months.map((l) => [l.line, l]));
    // The yearly totals add up: clients (entretien + turbo), prospects, réserve and pool make the capital.
    expect(byLine.total.year).toBe(540);
    expect(byLine.A.year + byLine.B.year + byLine.C.year).toBe(m.plannedTotal + placed.stimulation);
    expect(byLine.prospects.year).toBe(placed.conquete);
    expect([byLine.reserve.year, byLine.conquestPool.year]).toEqual([placed.reserve, placed.conquestPool]);
    expect(placed.stimulation + placed.reserve + placed.stimulationToConquest).toBe(m.stimulationBudget);
    for (let k = 0; k < 12; k++) {
      expect(placed.months.slice(0, 6).reduce((a, l) => a + l.months[k], 0)).toBe(byLine.total.months[k]);
    }
    expect(contactsModel(60, p.shares, p.norms, counts).needsScaled).toBe(true);
  });

  it("contactsModel: a zero capital plans nothing and has no number of reps", () => {
    const m = contactsModel(0, { entretien: 0.6, stimulation: 0.25, conquete: 0.15 }, { A: 12, B: 6, C: 2 }, { A: 1, B: 0, C: 0 });
    expect([m.plannedTotal, m.stimulationBudget, m.families[2].total]).toEqual([0, 0, 0]);
    expect(m.reps).toBeUndefined();
  });

  it("round9 rounds half away from zero like Excel's ROUND", () => {
    expect(round9(324.0000000004)).toBe(324);
    expect(round9(-0.0000000005)).toBe(-0.000000001);
  });

  it("contactsModel agrees with allocateContacts for any capital, shares in tenths of a percent, norms and class sizes", () => {
    const shares = fc
      .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }))
      .map(([a, b]) => {
        const e = Math.min(a, b);
        const s = Math.max(a, b) - e;
        return { entretien: e / 1000, stimulation: s / 1000, conquete: (1000 - e - s) / 1000 };
      })
      .filter((s) => Math.abs(s.entretien + s.stimulation + s.conquete - 1) < 1e-9);
    const norm = fc.integer({ min: 0, max: 24 });
    const count = fc.integer({ min: 0, max: 40 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        shares,
        fc.record({ A: norm, B: norm, C: norm }),
        fc.record({ A: count, B: count, C: count }),
        (capital, sh, norms, counts) => {
          const m = contactsModel(capital, sh, norms, counts);
          const { result, planned } = engine(capital, sh, norms, counts);
          expect(m.families.map((f) => f.total)).toEqual([result.families.entretien, result.families.stimulation, result.families.conquete]);
          expect(m.families.reduce((a, f) => a + f.total, 0)).toBe(capital);
          expect(CLASSES.map((c) => m.classes[c].planned)).toEqual(CLASSES.map((c) => planned[c]));
          expect(m.needTotal).toBe(result.needTotal);
          expect(m.stimulationBudget).toBe(result.stimulationBudget);
          expect(m.plannedTotal + m.stimulationBudget + m.families[2].total).toBe(capital);
        },
      ),
      { numRuns: 400 },
    );
  });
});
