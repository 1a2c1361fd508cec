import { thrownEngineError as thrown } from "../../test/support/engineError";
import { explain } from "../i18n";
import type { ImportedClient } from "../io/clientTable";
import { growthLines, planObjectives } from "./objectives";
import { scorePortfolio } from "./score";

/** A sentence with its French non-breaking spaces as plain spaces, to compare with readable literals. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, " ");

const client = (id: string, row: number, ca: number, potential?: number): ImportedClient => ({ id, row, ca, ...(potential !== undefined ? { potential } : {}) });
const prospect = (id: string, row: number, p: number, c: number, a: number, o: number): ImportedClient => ({
  id,
  row,
  isProspect: true,
  pertinence: p,
  credibility: c,
  attractiveness: a,
  ourAttractiveness: o,
});

/*
 * The small case, by hand (SPEC §10, §11, §8), capital 40:
 * - ABC and the P-R ranks of §3-§4 (as the engine gives them): C1 A P3-R1, C2 A P1-R3, C3 B P4-R4, C4 B P2-R4.
 * - Objectives: C1 Sécuriser → 100 000; C2 Développer (gap 2) → 50 000 × 1,2 = 60 000 (under its potential of
 *   200 000); C3 Entretenir → 20 000 × 1,03 = 20 600; C4 Développer → 10 000 × 1,2 = 12 000. Σ = 192 600.
 * - Prospects: P1 (4, 4, 4, 4) retained, Ep = 100 × (4 − 1) / 4 = 75; P2 (2, 5, 5, 5) écarté on pertinence,
 *   Ep 81,25 (shown, no contact); P3 (3, 3, 3, 3) retained on the boundary, Ep 50.
 * - Conquest CA: no D client (no periods), no class C → the median positive CA of the portfolio,
 *   (20 000 + 50 000) / 2 = 35 000; 2 retained × 25 % × 35 000 = 17 500. Expected CA = 192 600 + 17 500 = 210 100.
 * - Growth asked 20 %: 180 000 × 1,2 = 216 000 → 5 900 missing → ceil(5 900 / 35 000) = 1 more prospect.
 *   10 %: 198 000 > 192 600 but ≤ 210 100 → the planned conquest covers it. 5 %: 189 000 ≤ 192 600 → the
 *   current clients suffice.
 * - Contacts: 40 → entretien 24, stimulation 10, conquête 6. Needs 12 + 12 + 6 + 6 = 36 > 24 → 8, 8, 4, 4.
 *   Turbo visits to C2 and C4 (gap 2 each): 5 and 5. Conquête 6 by Ep: 6 × 75/125 = 3,6 and 2,4 → 3 and 2, the
 *   last contact to the larger remainder (P1) → 4 and 2; P2 none.
 */
const SMALL: readonly ImportedClient[] = [
  client("C1", 2, 100_000, 110_000),
  client("C2", 3, 50_000, 200_000),
  client("C3", 4, 20_000, 30_000),
  client("C4", 5, 10_000, 150_000),
  prospect("P1", 6, 4, 4, 4, 4),
  prospect("P2", 7, 2, 5, 5, 5),
  prospect("P3", 8, 3, 3, 3, 3),
];

describe("planObjectives", () => {
  const portfolio = scorePortfolio(SMALL, { capital: 40 });

  it("planObjectives(small case): the per-client objectives, rules and reasons", () => {
    const o = planObjectives(portfolio, { growthAsked: 0.2 });
    expect(o.clients.map((l) => [l.index, l.objective, l.rule])).toEqual([
      [0, 100_000, "secure"],
      [1, 60_000, "develop"],
      [2, 20_600, "maintain"],
      [3, 12_000, "develop"],
    ]);
    expect(o.objectives.total).toBe(192_600);
    expect(plain(explain(o.clients[1].why))).toBe("P1-R3 : potentiel non capté, +20 % → objectif 60 000 €.");
    expect(plain(explain(o.clients[1].effortWhy))).toBe("Améliorer son P-R : de P1-R3 vers R1, capter le potentiel.");
    expect(o.clientLine(2)?.objective).toBe(20_600);
    expect(o.clientLine(4)).toBeUndefined();
  });

  it("planObjectives(small case): per prospect the status, reason, Ep and conquest contacts", () => {
    const o = planObjectives(portfolio);
    expect(o.prospects.map((l) => [l.index, l.status, l.reason, l.ep, l.conquete])).toEqual([
      [4, "retained", "rules_met", 75, 4],
      [5, "rejected", "pertinence", 81.25, 0],
      [6, "retained", "rules_met", 50, 2],
    ]);
    expect(plain(explain(o.prospects[1].why))).toBe(
      "Écarté : pertinence 2, sous 3 (notre offre ne répond pas à un vrai besoin du prospect) ; Ep = 81,25 sur 100.",
    );
    expect(plain(explain(o.prospects[0].conquestWhy!))).toBe("Conquête : score 75, part exacte 3,6 du budget de 6 → 4 contacts (plus forts restes, entre 1 et 6).");
    expect(o.prospectLine(0)).toBeUndefined();
    expect(o.prospectLine(6)?.ep).toBe(50);
  });

  it.each([
    { name: "20 %: missing, one prospect more", growthAsked: 0.2, verdict: "missing", asked: 216_000, missing: 5_900, text: "Il manque 5 900 € : conquête nécessaire, soit 1 prospect de plus à convertir." },
    {
      name: "10 %: the planned conquest covers the gap",
      growthAsked: 0.1,
      verdict: "conquest_covers",
      asked: 198_000,
      missing: 0,
      text: "La clientèle actuelle ne suffit pas (192 600 € pour 198 000 € demandés) : la conquête prévue (17 500 €) comble l'écart.",
    },
    { name: "5 % (default): the current clients suffice", growthAsked: undefined, verdict: "current_suffices", asked: 189_000, missing: 0, text: "La clientèle actuelle suffit : ses objectifs font 192 600 € pour 189 000 € demandés." },
    { name: "50 %: several prospects more (plural)", growthAsked: 0.5, verdict: "missing", asked: 270_000, missing: 59_900, text: "Il manque 59 900 € : conquête nécessaire, soit 2 prospects de plus à convertir." },
  ])("planObjectives(small case, growth $name)", ({ growthAsked, verdict, asked, missing, text }) => {
    const o = planObjectives(portfolio, growthAsked === undefined ? {} : { growthAsked });
    expect(o.growth.asked).toBeCloseTo(asked, 6);
    expect(o.growth.missing).toBeCloseTo(missing, 6);
    expect(o.growth).toMatchObject({ verdict, objectivesTotal: 192_600, conquestCa: 17_500, expected: 210_100, retainedProspects: 2, prospectValue: 35_000 });
    const lines = growthLines(o.growth, "fr");
    expect(plain(lines.verdict)).toBe(text);
    expect(lines.details.map(plain)[1]).toBe("CA de conquête : 2 prospects retenus × 25 % de conversion × 35 000 € (médiane des clients du portefeuille) = 17 500 €.");
  });

  it("growthLines(growth, 'en') gives the English sentences", () => {
    const lines = growthLines(planObjectives(portfolio, { growthAsked: 0.2 }).growth, "en");
    expect(lines.verdict).toBe("€5,900 short: conquest needed, i.e. 1 more prospect to convert.");
  });

  it.each([
    { name: "no prospect: no conquest CA", clients: SMALL.slice(0, 4), prospects: 0, retained: 0 },
    { name: "one prospect, all criteria at 3 (boundary): retained", clients: [...SMALL.slice(0, 4), prospect("P", 6, 3, 3, 3, 3)], prospects: 1, retained: 1 },
    { name: "all écarté", clients: [...SMALL.slice(0, 4), prospect("P", 6, 2, 5, 5, 5), prospect("Q", 7, 5, 5, 2, 5)], prospects: 2, retained: 0 },
    {
      name: "a blank criterion: not scored, warned by row",
      clients: [...SMALL.slice(0, 4), { id: "P", row: 9, isProspect: true, pertinence: 4, credibility: 4, attractiveness: 4 }, prospect("Q", 10, 4, 4, 4, 4)],
      prospects: 2,
      retained: 1,
    },
    { name: "prospects with a potential only: all retained", clients: [...SMALL.slice(0, 4), { id: "P", row: 6, isProspect: true, potential: 5_000 }], prospects: 1, retained: 1 },
  ])("planObjectives: $name", ({ clients, prospects, retained }) => {
    const p = scorePortfolio(clients, { capital: 540 });
    const o = planObjectives(p);
    expect(o.prospects).toHaveLength(prospects);
    expect(o.growth.retainedProspects).toBe(retained);
    expect(o.growth.conquestCa).toBe(retained * 0.25 * 35_000);
    expect(o.prospects.filter((l) => l.status !== "retained").every((l) => l.conquete === 0)).toBe(true);
    if (clients.some((c) => c.id === "P" && c.row === 9)) {
      expect(plain(p.warnings.find((w) => w.client === 4)!.message)).toBe("Prospect ligne 9 : « Notre attractivité pour lui » est vide ; ce prospect n'est pas noté.");
    }
  });

  it("planObjectives(prospects only): no client objective, asked 0, the current clients suffice", () => {
    const o = planObjectives(scorePortfolio([prospect("P", 2, 4, 4, 4, 4)], {}));
    expect(o.clients).toEqual([]);
    expect(o.growth).toMatchObject({ asked: 0, verdict: "current_suffices" });
  });

  it("scorePortfolio: one to three criteria columns are warned about and the prospects fall back to their potential", () => {
    const p = scorePortfolio([...SMALL.slice(0, 4), { id: "P", row: 6, isProspect: true, pertinence: 4, potential: 1_000 }], {});
    expect(p.targeting.scores.mode).toBe("potential");
    expect(p.warnings.filter((w) => w.key === "prospects.warning.criteria_missing")).toHaveLength(3);
    expect(plain(p.warnings.find((w) => w.key === "prospects.warning.criteria_missing")!.message)).toBe(
      "Colonne « Crédibilité » absente ou vide pour tous les prospects ; la règle de Pascal Py demande les quatre critères : la conquête est répartie sans eux.",
    );
  });

  it.each([
    { name: "a growth of −100 %", options: { growthAsked: -1 } },
    { name: "a conversion above 100 %", options: { conversionRate: 1.5 } },
    { name: "a NaN develop rate", options: { developRate: NaN } },
  ])("planObjectives(options): $name is refused", ({ options }) => {
    expect(thrown(() => planObjectives(portfolio, options)).code).toBe("BAD_PARAMETER");
  });
});
