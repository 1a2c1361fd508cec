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
    expect(prospects.reduce((a, p) => a + (p.allocation?.conquete ?? 0), 0)).toBe(portfolio.families.conquete);
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
    expect(p.warnings.filter((w) => w.severity === "warning")).toEqual([]);
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
