import { isEngineError } from "../engine";
import type { ImportedClient } from "../io/clientTable";
import { FIXTURE_CLIENTS } from "./__fixtures__/portfolio";
import { scorePortfolio, warningText } from "./score";

const byId = (p: ReturnType<typeof scorePortfolio>, id: string) => {
  const c = p.clients.find((x) => x.id === id);
  if (!c) throw new Error(`no client ${id}`);
  return c;
};

describe("scorePortfolio", () => {
  const portfolio = scorePortfolio(FIXTURE_CLIENTS, {});

  it("scorePortfolio(fixture): runs every method whose inputs exist", () => {
    expect(portfolio.methods).toEqual({ abc: true, r: true, p: true, pr: true, rfm: true, contacts: true, elasticity: true, maturity: true, allocation: true });
    expect(portfolio.clients.map((c) => c.index)).toEqual(FIXTURE_CLIENTS.map((_, i) => i));
  });

  it("scorePortfolio(fixture): prospects take part in no method and share the conquête", () => {
    const prospects = portfolio.clients.filter((c) => c.isProspect);
    expect(prospects.map((c) => c.id)).toEqual(["P01", "P02"]);
    for (const p of prospects) {
      expect([p.abc, p.r, p.p, p.pr, p.rfm, p.contacts, p.maturity, p.elasticity]).toEqual(new Array(8).fill(undefined));
      expect(p.allocation?.entretien).toBe(0);
      expect(p.allocation?.stimulation).toBe(0);
    }
    // Two prospects at the default cap of 6 contacts each: 12 of the 81 conquête contacts, 69 left to plan.
    expect(prospects.map((p) => p.conquete)).toEqual([6, 6]);
    expect(prospects.reduce((a, p) => a + (p.allocation?.conquete ?? 0), 0)).toBe(portfolio.allocation.conquestBudget);
    expect(portfolio.allocation.conquestPool).toBe(portfolio.families.conquete - 12);
    expect(portfolio.prospects).toBe(2);
  });

  it("scorePortfolio(fixture): the capital is 45 × 4 × 3 = 540 by default and the plan sums to it", () => {
    expect(portfolio.capital).toEqual({ value: 540, input: { weeks: 45, daysPerWeek: 4, contactsPerDay: 3 } });
    expect(portfolio.families).toEqual({ entretien: 324, stimulation: 135, conquete: 81 });
    const planned = portfolio.clients.reduce((a, c) => a + (c.allocation?.total ?? 0), 0);
    expect(planned + portfolio.allocation.stimulationPool + portfolio.allocation.conquestPool).toBe(540);
    expect(portfolio.need).toBe(4 * 12 + 3 * 6 + 3 * 2);
    expect(portfolio.reps).toBe(1);
  });

  it("scorePortfolio(fixture): a blank potential or recency skips the client for that method, with a warning naming the row", () => {
    const c07 = byId(portfolio, "C07");
    expect(c07.p).toBeUndefined();
    expect(c07.pr).toBeUndefined();
    expect(c07.abc?.cls).toBe("B");
    expect(c07.warnings.map((w) => w.message)).toEqual(["C07 (ligne 8) : potentiel vide, client exclu de la méthode « rang P (potentiel) »."]);
    const c08 = byId(portfolio, "C08");
    expect(c08.rfm).toBeUndefined();
    expect(c08.warnings[0].message).toBe("C08 (ligne 9) : récence vide, client exclu de la méthode « RFM ».");
    expect(portfolio.warnings.some((w) => w.key === "warn.pr_subset")).toBe(true);
  });

  it("scorePortfolio(fixture): an undefined elasticity is a warning about the sheet row, not the row in the sublist", () => {
    const c06 = byId(portfolio, "C06");
    expect(c06.elasticity).toBeUndefined();
    expect(c06.warnings.map((w) => w.message)).toEqual([
      "C06 (ligne 7), méthode « élasticité » : Élasticité indéfinie ligne 7 : aucun contact en N-1 (pas de variation en %).",
    ]);
    expect(warningText(c06.warnings[0], "en")).toMatch(/^C06 \(row 7\), “elasticity” method: .*row 7/);
  });

  it("scorePortfolio(fixture): every client gets its pourquoi sentences, R and P labelled", () => {
    const c01 = byId(portfolio, "C01");
    expect(c01.why[0]).toMatch(/^Classe A/);
    expect(c01.why.some((w) => w.startsWith("R (CA réalisé) — Rang 1"))).toBe(true);
    expect(c01.why.some((w) => w.startsWith("P (potentiel) — Rang 1"))).toBe(true);
    expect(c01.why.length).toBe(c01.reasons.length);
    const en = scorePortfolio(FIXTURE_CLIENTS, { lang: "en" });
    expect(byId(en, "C01").why[0]).toMatch(/^Class A/);
    expect(en.lang).toBe("en");
  });

  it("scorePortfolio(clients, { capital: 60 }): a direct capital, needs scaled to the entretien budget", () => {
    const p = scorePortfolio(FIXTURE_CLIENTS, { capital: 60 });
    expect(p.capital.value).toBe(60);
    expect(p.capital.direct).toBe(60);
    expect(p.allocation.scaled).toBe(true);
    expect(p.reps).toBe(2);
  });

  it("scorePortfolio(fixture, { capital: 60 }): needs above the entretien budget are a warning, not only a note", () => {
    const p = scorePortfolio(FIXTURE_CLIENTS, { capital: 60 });
    expect(p.needsScaled).toBe(true);
    const w = p.warnings.find((x) => x.key === "allocation.scaled");
    expect(w?.severity).toBe("warning");
    expect(w?.message).toBe("Les besoins d'entretien (72 contacts) dépassent le budget d'entretien (36) : chaque norme est ramenée à 50\u202f% de sa valeur.");
    expect(warningText(w!, "en")).toBe("Maintenance needs (72 contacts) exceed the maintenance budget (36): each norm is cut to 50% of its value.");
    expect(scorePortfolio(FIXTURE_CLIENTS, {}).needsScaled).toBe(false);
  });

  it("scorePortfolio(fixture): the Planning is the sum of the per-client calendar, by class, target and pool, and makes the capital", () => {
    const { planning, clients, capital } = portfolio;
    const add = (a: readonly number[], b: readonly number[]) => a.map((v, m) => v + b[m]);
    const zero = new Array<number>(12).fill(0);
    const sumRows = (rows: readonly (readonly number[])[]) => rows.reduce(add, zero);
    expect(sumRows([planning.byClass.A, planning.byClass.B, planning.byClass.C, planning.prospects, planning.reserve, planning.conquestPool])).toEqual(planning.total);
    expect(sumRows([planning.byTarget.develop, planning.byTarget.maintain, planning.byTarget.secure, planning.byTarget.none])).toEqual(
      sumRows([planning.byClass.A, planning.byClass.B, planning.byClass.C]),
    );
    expect(planning.total.reduce((a, b) => a + b, 0)).toBe(capital.value);
    for (const cls of ["A", "B", "C"] as const) {
      expect(planning.byClass[cls]).toEqual(sumRows(clients.filter((c) => c.abc?.cls === cls).map((c) => c.calendar!)));
    }
    // Every client's row adds up to its contacts, and the months carry an even load (540 / 12 = 45).
    for (const c of clients) if (c.allocation) expect(c.calendar!.reduce((a, b) => a + b, 0)).toBe(c.allocation.total);
    expect(Math.max(...planning.total) - Math.min(...planning.total)).toBeLessThanOrEqual(2);
    // A client of class A with 12 + 12 contacts sees its rep twice a month, all year.
    const c01 = clients.find((c) => c.id === "C01")!;
    expect([c01.entretien, c01.stimulation, c01.conquete]).toEqual([12, 12, 0]);
    expect(c01.calendar).toEqual(new Array<number>(12).fill(2));
  });

  it("scorePortfolio: turbo visits capped at the norm; none for a client without CA in the last period and no P-R gap; class shares on the positive total", () => {
    const clients: ImportedClient[] = [
      { id: "Big", row: 2, ca: 9000, periods: [8000, 9000], contactsBefore: 10, contacts: 12 },
      { id: "Lost", row: 3, ca: 0, periods: [500, 0], contactsBefore: 2, contacts: 1 },
      { id: "Small", row: 4, ca: 1000, periods: [500, 1000], contactsBefore: 2, contacts: 3 },
      { id: "Credit", row: 5, ca: -50, periods: [0, -50], contactsBefore: 1, contacts: 2 },
    ];
    const p = scorePortfolio(clients, {});
    const byIdHere = (id: string) => p.clients.find((c) => c.id === id)!;
    // Small: elasticity (100 %) / (50 %) = 2, elastic, class B (90 % of the positive CA before it): at most 6 turbo
    // visits, its norm, although 135 + 324 − 30 contacts of stimulation are there to share.
    expect(byIdHere("Small").abc?.cls).toBe("B");
    expect(byIdHere("Small").elasticity?.value).toBe(2);
    expect(byIdHere("Small").stimulation).toBe(6);
    expect(p.reserve).toBe(135 + 324 - (12 + 6 + 2 + 2) - 6);
    // Lost: elasticity (−100 %) / (−50 %) = 2 too, but no CA in N and no potential gap: no turbo visit.
    expect(byIdHere("Lost").elasticity?.value).toBe(2);
    expect(byIdHere("Lost").stimulation).toBe(0);
    expect(byIdHere("Lost").why).toContain(
      "Pas de visite « turbo » : client élastique, mais sans CA sur la dernière période (0) ni écart P-R d'au moins 1, donc sans potentiel à capter ; contact minimal, à distance.",
    );
    // Class C holds Lost (0) and Credit (−50): net −50, nothing positive, 0 % of the positive total.
    expect(p.classes.C).toMatchObject({ clients: 2, ca: -50, positiveCa: 0, share: 0 });
    expect(p.classes.A.share + p.classes.B.share + p.classes.C.share).toBeCloseTo(1, 12);
    expect(p.classes.B.share).toBeCloseTo(1000 / 10000, 12);
  });

  it("scorePortfolio(clients, { capital: { weeks: 40, daysPerWeek: 4, contactsPerDay: 2 } }): the capital from its parameters", () => {
    const p = scorePortfolio(FIXTURE_CLIENTS, { capital: { weeks: 40, daysPerWeek: 4, contactsPerDay: 2 } });
    expect(p.capital).toEqual({ value: 320, input: { weeks: 40, daysPerWeek: 4, contactsPerDay: 2 } });
  });

  it.each([
    { name: "negative capital", options: { capital: -1 } },
    { name: "fractional capital", options: { capital: 10.5 } },
    { name: "shares not summing to 100 %", options: { shares: { entretien: 0.5, stimulation: 0.2, conquete: 0.2 } } },
    { name: "negative norm", options: { norms: { A: -1 } } },
    { name: "53+ weeks", options: { capital: { weeks: 60, daysPerWeek: 4, contactsPerDay: 3 } } },
  ])("scorePortfolio(clients, settings): $name throws an EngineError (settings, not data)", ({ options }) => {
    expect.assertions(1);
    try {
      scorePortfolio(FIXTURE_CLIENTS, options);
    } catch (e) {
      expect(isEngineError(e)).toBe(true);
    }
  });

  it("scorePortfolio([]): nothing to score, the capital is still split, nothing throws", () => {
    const p = scorePortfolio([], {});
    expect(Object.values(p.methods).every((m) => !m)).toBe(true);
    expect(p.families).toEqual({ entretien: 324, stimulation: 135, conquete: 81 });
    expect(p.clients).toEqual([]);
    expect(p.warnings.map((w) => w.key)).toContain("warn.method_not_run");
  });

  it("scorePortfolio(one client with CA only): ABC and R run, the other methods say why they did not", () => {
    const p = scorePortfolio([{ id: "X", row: 2, ca: 100, monetary: 100 }], {});
    expect(p.methods.abc && p.methods.r && p.methods.allocation).toBe(true);
    expect(p.methods.rfm || p.methods.p || p.methods.contacts || p.methods.maturity || p.methods.elasticity).toBe(false);
    // Nobody to stimulate and no prospect: the plan says where the contacts it cannot place stay.
    expect(p.warnings.filter((w) => w.severity === "warning").map((w) => w.key)).toEqual(["allocation.stimulation_pool", "allocation.conquest_pool"]);
    expect(p.reserve).toBe(135 + 324 - 12);
    expect(p.warnings.map((w) => w.message)).toContain("Méthode « rang P (potentiel) » non calculée : aucun client n'a de potentiel.");
  });

  it("scorePortfolio(a client with a blank CA): no class, no planned contact, a warning; the others are scored", () => {
    const clients: ImportedClient[] = [
      { id: "A", row: 2, ca: 500 },
      { id: "B", row: 3 },
      { id: "C", row: 4, ca: 100 },
    ];
    const p = scorePortfolio(clients, {});
    expect(p.clients[1].abc).toBeUndefined();
    expect(p.clients[1].allocation).toBeUndefined();
    expect(p.clients[1].warnings.map((w) => w.key)).toEqual(["warn.skipped1", "warn.no_allocation"]);
    expect(p.clients[0].abc?.cls).toBe("A");
  });

  it("scorePortfolio(a single client with contacts): the matrix needs two clients for its medians, reported, not thrown", () => {
    const p = scorePortfolio([{ id: "A", row: 2, ca: 500, contacts: 3 }], {});
    expect(p.methods.contacts).toBe(false);
    expect(p.warnings.find((w) => w.key === "warn.method_failed")?.message).toMatch(/^Méthode « matrice des contacts » non calculée : /);
  });

  it("scorePortfolio(all CA ≤ 0): ABC is refused by the engine and reported; no allocation for classless clients", () => {
    const p = scorePortfolio(
      [
        { id: "A", row: 2, ca: 0 },
        { id: "B", row: 3, ca: -5 },
      ],
      {},
    );
    expect(p.methods.abc).toBe(false);
    expect(p.warnings.some((w) => w.key === "warn.method_failed")).toBe(true);
    expect(p.families.entretien + p.families.stimulation + p.families.conquete).toBe(540);
  });
});
