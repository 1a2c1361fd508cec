import fc from "fast-check";
import { explain } from "../i18n";
import { fr } from "../../test/support/typography";
import { thrownEngineError as thrown } from "../../test/support/engineError";
import type { AbcClass } from "./abc";
import type { ContactQuadrant } from "./contactMatrix";
import type { MaturityPhase } from "./maturity";
import { EFFORT_CODES, OBJECTIVE_RULES, effortObjectives, growthPlan, type Engagement, type ObjectivesInput } from "./objectives";

interface Client {
  ca: number;
  abc?: AbcClass;
  p?: number | null;
  r?: number | null;
  potential?: number | null;
  phase?: MaturityPhase | null;
  quadrant?: ContactQuadrant | null;
  engagement?: Engagement | null;
}

function input(clients: readonly Client[]): ObjectivesInput {
  return {
    ca: clients.map((c) => c.ca),
    abc: clients.map((c) => c.abc ?? "A"),
    pRank: clients.map((c) => c.p ?? null),
    rRank: clients.map((c) => c.r ?? null),
    potential: clients.map((c) => c.potential ?? null),
    phase: clients.map((c) => c.phase ?? null),
    quadrant: clients.map((c) => c.quadrant ?? null),
    engagement: clients.map((c) => c.engagement ?? null),
  };
}

describe("effortObjectives: the CA objective by target (SPEC §10)", () => {
  const cases: { name: string; client: Client; objective: number; rule: string; why: string }[] = [
    { name: "Développer: +20 %", client: { ca: 10_000, p: 2, r: 4 }, objective: 12_000, rule: "develop", why: fr("P2-R4 : potentiel non capté, +20 % → objectif 12\u202f000 €.") },
    {
      name: "Développer capped at the potential",
      client: { ca: 10_000, p: 1, r: 3, potential: 11_000 },
      objective: 11_000,
      rule: "develop_capped",
      why: fr("P1-R3 : potentiel non capté, +20 % plafonné au potentiel (11\u202f000 €) → objectif 11\u202f000 €."),
    },
    { name: "Développer exactly at the potential is not capped", client: { ca: 10_000, p: 1, r: 2, potential: 12_000 }, objective: 12_000, rule: "develop", why: fr("P1-R2 : potentiel non capté, +20 % → objectif 12\u202f000 €.") },
    { name: "Développer above its potential (rate > 100 %) holds the CA", client: { ca: 10_000, p: 3, r: 4, potential: 8_000 }, objective: 10_000, rule: "develop_capped", why: fr("P3-R4 : potentiel non capté, +20 % plafonné au potentiel (8\u202f000 €) → objectif 10\u202f000 €.") },
    { name: "Entretenir: +3 %", client: { ca: 10_000, p: 2, r: 2 }, objective: 10_300, rule: "maintain", why: fr("P2-R2 : position à entretenir, +3 % → objectif 10\u202f300 €.") },
    { name: "Sécuriser: hold", client: { ca: 10_000, p: 3, r: 1 }, objective: 10_000, rule: "secure", why: fr("P3-R1 : position à sécuriser, CA tenu → objectif 10\u202f000 €.") },
    { name: "no P-R, class A: +3 %", client: { ca: 10_000, abc: "A" }, objective: 10_300, rule: "abc_growth", why: fr("Sans P-R, classe A : +3 % → objectif 10\u202f300 €.") },
    { name: "no P-R, class B: +3 %", client: { ca: 1_000, abc: "B" }, objective: 1_030, rule: "abc_growth", why: fr("Sans P-R, classe B : +3 % → objectif 1\u202f030 €.") },
    { name: "no P-R, class C: 0 %", client: { ca: 500, abc: "C" }, objective: 500, rule: "abc_hold", why: fr("Sans P-R, classe C : CA tenu → objectif 500 €.") },
    { name: "a rank outside 1..4 counts as no P-R", client: { ca: 500, abc: "C", p: 5, r: 1 }, objective: 500, rule: "abc_hold", why: fr("Sans P-R, classe C : CA tenu → objectif 500 €.") },
    {
      name: "V maturity holds even when the target is Développer",
      client: { ca: 10_000, p: 1, r: 4, phase: "V" },
      objective: 10_000,
      rule: "aging_hold",
      why: fr("Client en vieillissement (V) : on tient le CA, jamais de croissance → objectif 10\u202f000 €."),
    },
    { name: "no CA", client: { ca: 0, p: 1, r: 4 }, objective: 0, rule: "no_ca", why: fr("Pas de CA positif sur la période (0 €) : objectif 0, à fixer par le commercial.") },
    { name: "a negative CA (returns)", client: { ca: -250, abc: "C" }, objective: 0, rule: "no_ca", why: fr("Pas de CA positif sur la période (-250 €) : objectif 0, à fixer par le commercial.") },
  ];
  it.each(cases)("effortObjectives(client): $name", ({ client, objective, rule, why }) => {
    const o = effortObjectives(input([client]));
    expect(o.objective[0]).toBeCloseTo(objective, 9);
    expect(OBJECTIVE_RULES[o.rule[0]]).toBe(rule);
    expect(explain(o.explain(0))).toBe(why);
    expect(o.total).toBeCloseTo(objective, 9);
  });

  it("effortObjectives(empty) is an empty result", () => {
    const o = effortObjectives({ ca: [], abc: [] });
    expect(o.n).toBe(0);
    expect(o.total).toBe(0);
  });

  it("effortObjectives takes the rates as settings", () => {
    const o = effortObjectives(input([{ ca: 1_000, p: 2, r: 4 }, { ca: 1_000, p: 2, r: 2 }]), { developRate: 0.5, baseRate: 0.1 });
    expect(Array.from(o.objective)).toEqual([1_500, 1_100]);
    expect(explain(o.explain(0), "en")).toBe("P2-R4: potential not captured, +50% → objective €1,500.");
  });

  const errors: { name: string; run: () => unknown; code: string }[] = [
    { name: "a blank CA", run: () => effortObjectives({ ca: [1, NaN], abc: ["A", "C"] }), code: "NOT_FINITE" },
    { name: "a text CA", run: () => effortObjectives({ ca: ["12" as unknown as number], abc: ["A"] }), code: "NOT_FINITE" },
    { name: "an unknown class", run: () => effortObjectives({ ca: [1], abc: ["D" as AbcClass] }), code: "BAD_PARAMETER" },
    { name: "a growth of −100 %", run: () => effortObjectives({ ca: [1], abc: ["A"] }, { developRate: -1 }), code: "BAD_PARAMETER" },
    { name: "columns of different sizes", run: () => effortObjectives({ ca: [1, 2], abc: ["A"] }), code: "LENGTH_MISMATCH" },
  ];
  it.each(errors)("effortObjectives: $name → EngineError", ({ run, code }) => {
    expect(thrown(run).code).toBe(code);
  });
});

describe("effortObjectives: the qualitative objective line (Py ch. 12)", () => {
  const cases: { name: string; client: Client; effort: string; line: string }[] = [
    { name: "loss likely", client: { ca: 1, engagement: "loss_likely", quadrant: "contact_eater" }, effort: "more_engaged", line: fr("Être plus engagé : Perte du client probable, l'amener vers les produits qu'un client engagé garde.") },
    { name: "an engaged Contactivore", client: { ca: 1, engagement: "engaged", quadrant: "contact_eater" }, effort: "less_contact_eater", line: fr("Être moins Contactivore : plus de CA par contact, ou des contacts moins coûteux (à distance).") },
    { name: "Développer", client: { ca: 1, p: 1, r: 3 }, effort: "improve_pr", line: fr("Améliorer son P-R : de P1-R3 vers R1, capter le potentiel.") },
    { name: "vieillissement", client: { ca: 1, p: 2, r: 2, phase: "V" }, effort: "stop_decline", line: fr("Enrayer le vieillissement : ramener le CA à la stabilité (maturité).") },
    { name: "démarrage", client: { ca: 1, phase: "D" }, effort: "gain_maturity", line: fr("Gagner en maturité : client en Démarrage, installer la relation dans la durée.") },
    { name: "R3, maintained", client: { ca: 1, p: 3, r: 3, phase: "M" }, effort: "gain_rank", line: fr("Gagner un rang : de R3 à R2.") },
    { name: "no R, class C", client: { ca: 1, abc: "C" }, effort: "gain_rank", line: fr("Gagner un rang : de C à B.") },
    { name: "R1", client: { ca: 1, p: 1, r: 1 }, effort: "hold_rank", line: fr("Garder son rang (R1) : défendre la position.") },
  ];
  it.each(cases)("effortObjectives(client).explainEffort: $name", ({ client, effort, line }) => {
    const o = effortObjectives(input([client]));
    expect(EFFORT_CODES[o.effort[0]]).toBe(effort);
    expect(explain(o.explainEffort(0))).toBe(line);
  });
});

describe("effortObjectives: the row view agrees with the columns", () => {
  const client = fc.record({
    ca: fc.double({ min: -1_000, max: 1e6, noNaN: true }),
    abc: fc.constantFrom<AbcClass>("A", "B", "C"),
    p: fc.option(fc.integer({ min: 1, max: 4 })),
    r: fc.option(fc.integer({ min: 1, max: 4 })),
    potential: fc.option(fc.double({ min: 0, max: 2e6, noNaN: true })),
    phase: fc.option(fc.constantFrom<MaturityPhase>("D", "C", "M", "V")),
    quadrant: fc.option(fc.constantFrom<ContactQuadrant>("cash_cow", "skeleton", "golden_goose", "contact_eater")),
    engagement: fc.option(fc.constantFrom<Engagement>("loss_likely", "revenue_at_risk", "engaged", "to_build")),
  });
  it("row(i) = columns(i); an objective is never below the CA of a client with sales, and a Développer one never above max(CA, potential)", () => {
    fc.assert(
      fc.property(fc.array(client, { maxLength: 40 }), (clients) => {
        const o = effortObjectives(input(clients));
        let total = 0;
        clients.forEach((c, i) => {
          const row = o.row(i);
          expect(row.objective).toBe(o.objective[i]);
          expect(row.rule).toBe(OBJECTIVE_RULES[o.rule[i]]);
          expect(row.effort).toBe(EFFORT_CODES[o.effort[i]]);
          expect(row.why).toEqual(o.explain(i));
          expect(row.effortWhy).toEqual(o.explainEffort(i));
          if (c.ca > 0) expect(row.objective).toBeGreaterThanOrEqual(c.ca);
          else expect(row.objective).toBe(0);
          if (row.rule === "develop_capped") expect(row.objective).toBe(Math.max(c.ca, c.potential as number));
          total += row.objective;
        });
        expect(o.total).toBeCloseTo(total, 6);
      }),
    );
  });
});

describe("growthPlan: internal or external growth (Py ch. 13)", () => {
  // 900 000 € of sales, every client holding: asked 945 000, the clients bring 900 000.
  const ca = [500_000, 300_000, 84_000, 8_000, 7_000, 1_000];
  const abc: AbcClass[] = ["A", "A", "B", "C", "C", "C"];
  const phase: MaturityPhase[] = ["M", "M", "M", "D", "C", "D"];

  it("Py's example: 45 000 € missing, a converted prospect worth the D clients' median → 6 more prospects", () => {
    // One D client (8 000 €): a converted prospect is worth 8 000 €.
    const g = growthPlan({ ca, abc, phase: ["M", "M", "M", "D", "C", "M"], objectivesTotal: 900_000, retainedProspects: 0 });
    expect(g.asked).toBeCloseTo(945_000, 6);
    expect(g.prospectValueSource).toBe("D");
    expect(g.prospectValue).toBe(8_000);
    expect(g.missing).toBeCloseTo(45_000, 6);
    // 45 000 / 8 000 = 5.6 → 6 prospects.
    expect(g.prospectsNeeded).toBe(6);
    expect(g.verdict).toBe("missing");
    expect(explain(g.why)).toBe(fr("Il manque 45\u202f000 € : conquête nécessaire, soit 6 prospects de plus à convertir."));
    expect(explain(g.why, "en")).toBe("€45,000 short: conquest needed, i.e. 6 more prospects to convert.");
    // French typography: a non-breaking space before the colon and the euro sign, a narrow one in 45 000.
    expect(explain(g.why)).toBe("Il manque 45\u202f000\u00a0€\u00a0: conquête nécessaire, soit 6 prospects de plus à convertir.");
  });

  const cases: { name: string; objectives: number; retained: number; phase?: (MaturityPhase | null)[]; verdict: string; n: number | null; sentence: string }[] = [
    { name: "current clients are enough", objectives: 950_000, retained: 0, verdict: "current_suffices", n: 0, sentence: fr("La clientèle actuelle suffit : ses objectifs font 950\u202f000 € pour 945\u202f000 € demandés.") },
    { name: "exactly the objective asked is enough", objectives: 945_000, retained: 0, verdict: "current_suffices", n: 0, sentence: fr("La clientèle actuelle suffit : ses objectifs font 945\u202f000 € pour 945\u202f000 € demandés.") },
    // D median (8 000 and 1 000) = 4 500; 40 retained × 25 % × 4 500 = 45 000: exactly enough.
    { name: "the planned conquest closes the gap", objectives: 900_000, retained: 40, verdict: "conquest_covers", n: 0, sentence: fr("La clientèle actuelle ne suffit pas (900\u202f000 € pour 945\u202f000 € demandés) : la conquête prévue (45\u202f000 €) comble l'écart.") },
    // 36 × 25 % × 4 500 = 40 500: 4 500 missing = one more prospect.
    { name: "one more prospect (singular)", objectives: 900_000, retained: 36, verdict: "missing", n: 1, sentence: fr("Il manque 4\u202f500 € : conquête nécessaire, soit 1 prospect de plus à convertir.") },
  ];
  it.each(cases)("growthPlan: $name", ({ objectives, retained, verdict, n, sentence }) => {
    const g = growthPlan({ ca, abc, phase, objectivesTotal: objectives, retainedProspects: retained });
    expect(g.verdict).toBe(verdict);
    expect(g.prospectsNeeded).toBe(n);
    expect(explain(g.why)).toBe(sentence);
  });

  it("values a prospect by the D clients, else the class C clients, else every client; positive CAs only", () => {
    expect(growthPlan({ ca, abc, phase, objectivesTotal: 0, retainedProspects: 0 }).prospectValue).toBe(4_500);
    const noD = growthPlan({ ca, abc, objectivesTotal: 0, retainedProspects: 0 });
    expect([noD.prospectValueSource, noD.prospectValue]).toEqual(["C", 7_000]);
    const noC = growthPlan({ ca: [100, 300, -50], abc: ["A", "A", "C"], objectivesTotal: 0, retainedProspects: 0 });
    expect([noC.prospectValueSource, noC.prospectValue]).toEqual(["all", 200]);
    const none = growthPlan({ ca: [], abc: [], objectivesTotal: 0, retainedProspects: 2 });
    expect([none.prospectValueSource, none.verdict]).toEqual(["none", "current_suffices"]);
  });

  it("without any reference client, the gap is stated without a number of prospects", () => {
    const g = growthPlan({ ca: [0, -10], abc: ["C", "C"], objectivesTotal: -20, retainedProspects: 3 });
    expect(g.prospectsNeeded).toBeNull();
    expect(explain(g.why)).toBe(fr("Il manque 10 € : conquête nécessaire, mais aucun client de référence ne donne la valeur d'un prospect converti."));
  });

  it("details say how the objective asked and the conquest CA are computed", () => {
    const g = growthPlan({ ca, abc, phase, objectivesTotal: 900_000, retainedProspects: 12 }, { growthAsked: 0.1, conversionRate: 0.5 });
    expect(g.details.map((w) => explain(w))).toEqual([
      fr("Objectif demandé : CA de 900\u202f000 € + 10 % = 990\u202f000 €."),
      fr("CA de conquête : 12 prospects retenus × 50 % de conversion × 4\u202f500 € (médiane des clients en démarrage (D)) = 27\u202f000 €."),
    ]);
  });

  const errors: { name: string; options: object; retained?: number; code: string }[] = [
    { name: "a conversion rate above 100 %", options: { conversionRate: 1.5 }, code: "BAD_PARAMETER" },
    { name: "a growth asked of −100 %", options: { growthAsked: -1 }, code: "BAD_PARAMETER" },
    { name: "a fractional number of prospects", options: {}, retained: 1.5, code: "BAD_PARAMETER" },
  ];
  it.each(errors)("growthPlan: $name → EngineError", ({ options, retained, code }) => {
    expect(thrown(() => growthPlan({ ca, abc, objectivesTotal: 0, retainedProspects: retained ?? 0 }, options)).code).toBe(code);
  });
});
