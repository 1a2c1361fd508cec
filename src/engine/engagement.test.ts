import { explain } from "../i18n";
import {
  ENGAGEMENT_NOT_CLASSED,
  TYPE_NOT_PROPOSED,
  engagement,
  familySpendFromRows,
  proposeFamilyTypes,
  readFamilyTypes,
  type FamilyHistory,
} from "./engagement";
import { EngineError } from "./errors";

// Four families, one of each type.
const FAMILIES = ["Consommables", "Entrée de gamme", "Options", "Contrats de service"];
const TYPES = ["FiLo", "FiFo", "LiFo", "LiLo"];

interface Case {
  name: string;
  n1: number[][];
  n: number[][];
  types?: unknown[];
  engagement: (string | null)[];
  caAtRisk: number[];
  stopped: string[][];
  why?: string[];
}

const cases: Case[] = [
  { name: "empty list", n1: [], n: [], engagement: [], caAtRisk: [], stopped: [] },
  {
    name: "one client that stopped its FiLo family",
    n1: [[500, 0, 0, 0]],
    n: [[0, 0, 0, 0]],
    engagement: ["loss_likely"],
    caAtRisk: [500],
    stopped: [["Consommables"]],
    why: ["A cessé d'acheter la famille «\u00a0Consommables\u00a0» (FiLo, 500\u00a0€ en N-1)\u00a0: perte du client probable\u202f; CA en risque 500\u00a0€ (1 famille arrêtée)."],
  },
  {
    name: "a client that stopped a FiLo and a LiFo family at once: the first rule wins, CA at risk sums both",
    n1: [[500, 0, 200, 100]],
    n: [[0, 0, 0, 300]],
    engagement: ["loss_likely"],
    caAtRisk: [700],
    stopped: [["Consommables", "Options"]],
    why: ["A cessé d'acheter la famille «\u00a0Consommables\u00a0» (FiLo, 500\u00a0€ en N-1)\u00a0: perte du client probable\u202f; CA en risque 700\u00a0€ (2 familles arrêtées)."],
  },
  {
    name: "a LiFo stopped while a LiLo is bought in N: risk of losing sales wins over engaged",
    n1: [[100, 0, 200, 0]],
    n: [[100, 0, 0, 50]],
    engagement: ["revenue_at_risk"],
    caAtRisk: [200],
    stopped: [["Options"]],
  },
  {
    name: "a LiLo family bought only in N: engaged, nothing stopped",
    n1: [[100, 0, 0, 0]],
    n: [[120, 0, 0, 80]],
    engagement: ["engaged"],
    caAtRisk: [0],
    stopped: [[]],
    why: ["Achète en N la famille «\u00a0Contrats de service\u00a0» (LiLo) et n'a arrêté aucune famille\u00a0: client engagé."],
  },
  {
    name: "a FiFo stopped only: fidelity to build, its N-1 CA at risk",
    n1: [[100, 60, 0, 0]],
    n: [[100, 0, 0, 0]],
    engagement: ["to_build"],
    caAtRisk: [60],
    stopped: [["Entrée de gamme"]],
  },
  {
    name: "a client with no purchase in N-1 nor N: not classed",
    n1: [[0, 0, 0, 0]],
    n: [[0, 0, 0, 0]],
    engagement: [null],
    caAtRisk: [0],
    stopped: [[]],
    why: ["Aucun achat en N-1 ni en N\u00a0: engagement non calculé."],
  },
  {
    name: "all equal: three identical clients get the same class",
    n1: [[10, 10, 10, 10], [10, 10, 10, 10], [10, 10, 10, 10]],
    n: [[10, 10, 10, 10], [10, 10, 10, 10], [10, 10, 10, 10]],
    engagement: ["engaged", "engaged", "engaged"],
    caAtRisk: [0, 0, 0],
    stopped: [[], [], []],
  },
  {
    name: "half a cent left in N (lines that cancel out) is not bought: stopped",
    n1: [[300, 0, 0, 0]],
    n: [[0.004, 0, 0, 0]],
    engagement: ["loss_likely"],
    caAtRisk: [300],
    stopped: [["Consommables"]],
  },
  {
    name: "returns only in N-1 (negative spend) is not bought: nothing stopped",
    n1: [[-40, 0, 0, 0]],
    n: [[0, 0, 0, 0]],
    engagement: [null],
    caAtRisk: [0],
    stopped: [[]],
  },
  {
    name: "an untyped family stopped decides nothing but counts in the CA at risk",
    n1: [[100, 0, 0, 0]],
    n: [[100, 0, 0, 0]],
    types: ["", "FiFo", "LiFo", "LiLo"],
    engagement: ["to_build"],
    caAtRisk: [0],
    stopped: [[]],
  },
];

describe("engagement(spend, types)", () => {
  it.each(cases)("engagement(…): $name", ({ n1, n, types, engagement: expected, caAtRisk, stopped, why }) => {
    const result = engagement(familySpendFromRows(FAMILIES, n1, n), types ?? TYPES);
    expect(result.n).toBe(expected.length);
    expect(Array.from({ length: result.n }, (_, i) => result.row(i).engagement)).toEqual(expected);
    expect(Array.from(result.caAtRisk)).toEqual(caAtRisk);
    expect(Array.from({ length: result.n }, (_, i) => result.row(i).stopped)).toEqual(stopped);
    if (why) expect(Array.from({ length: result.n }, (_, i) => explain(result.explain(i)))).toEqual(why);
  });

  it("engagement(…) sums the portfolio: counts and CA per class, total CA at risk", () => {
    const r = engagement(
      familySpendFromRows(
        FAMILIES,
        [[500, 0, 0, 0], [100, 0, 200, 0], [100, 0, 0, 0], [100, 60, 0, 0], [0, 0, 0, 0]],
        [[0, 0, 0, 0], [100, 0, 0, 0], [120, 0, 0, 80], [100, 0, 0, 0], [0, 0, 0, 0]],
      ),
      TYPES,
    );
    expect(Array.from(r.counts)).toEqual([1, 1, 1, 1]);
    expect(r.notClassed).toBe(1);
    expect(Array.from(r.caN1ByClass)).toEqual([500, 300, 100, 160]);
    expect(Array.from(r.caNByClass)).toEqual([0, 100, 200, 100]);
    expect(r.totalAtRisk).toBe(500 + 200 + 60);
    expect(Array.from(r.engagement)).toEqual([0, 1, 2, 3, ENGAGEMENT_NOT_CLASSED]);
  });

  it("engagement(…) names the stopped FiLo family with the largest N-1 spend; ties go to the first family", () => {
    const fam = ["A", "B", "C"];
    const r = engagement(familySpendFromRows(fam, [[100, 300, 300], [50, 50, 0]], [[0, 0, 0], [0, 0, 0]]), ["FiLo", "FiLo", "FiLo"]);
    expect(explain(r.explain(0))).toContain("«\u00a0B\u00a0»");
    expect(explain(r.explain(1))).toContain("«\u00a0A\u00a0»");
    expect(Array.from(r.decisive)).toEqual([1, 0]);
  });

  it("engagement(…) reports each untyped family bought once, with a sentence", () => {
    const r = engagement(familySpendFromRows(["X", "Y"], [[10, 0], [10, 5]], [[10, 0], [0, 5]]), [null, "FiLo"]);
    expect(r.warnings).toEqual([{ code: "untyped_family", family: 0, label: "X" }]);
    expect(r.row(1).engagement).toBe("to_build");
    expect(r.row(1).caAtRisk).toBe(10);
  });

  it("engagement(…) explains in English too", () => {
    const r = engagement(familySpendFromRows(FAMILIES, [[0, 0, 200, 0]], [[0, 0, 0, 0]]), TYPES);
    expect(explain(r.explain(0), "en")).toBe(
      "Stopped buying the family “Options” (LiFo, €200 in N-1): risk of losing sales; sales at risk €200 (1 family stopped).",
    );
  });

  it.each([
    {
      name: "a type that is not one of the four",
      types: ["FiLo", "FIFO", "Li-Fo", "premium"],
      message: "Type «\u00a0premium\u00a0» invalide pour la famille «\u00a0Contrats de service\u00a0»\u00a0: FiLo, FiFo, LiFo ou LiLo est attendu (ou une cellule vide).",
    },
    { name: "one type missing", types: ["FiLo", "FiFo", "LiFo"], message: /^Les plages « familles » \(4 valeurs\) et « types des familles » \(3 valeurs\)/ },
  ])("engagement(…) refuses $name", ({ types, message }) => {
    const run = (): unknown => engagement(familySpendFromRows(FAMILIES, [[1, 1, 1, 1]], [[1, 1, 1, 1]]), types);
    expect(run).toThrow(EngineError);
    expect(run).toThrow(message);
  });

  it("readFamilyTypes ignores case, spaces and hyphens", () => {
    expect(Array.from(readFamilyTypes(["a", "b", "c", "d", "e"], ["filo", "FI FO", "Li-Fo", " LiLo ", undefined]))).toEqual([0, 1, 2, 3, 255]);
  });

  it("engagement(…) refuses a malformed spend (NaN amount)", () => {
    const spend = { families: ["A"], start: [0, 1], family: [0], spendN1: [NaN], spendN: [1] };
    expect(() => engagement(spend, ["FiLo"])).toThrow(EngineError);
  });
});

/**
 * A hand-made history whose types are known. Days are day numbers; N starts on day 100.
 * Five clients, four families:
 * - "Base" (FiLo): every client buys it on its first day and still buys it in N;
 * - "Découverte" (FiFo): bought on the first day, dropped before N by 3 of the 4 active buyers;
 * - "Options" (LiFo): bought late (last day or near it), dropped by 2 of 3 active buyers;
 * - "Contrat" (LiLo): bought late, kept in N by both active buyers.
 * Client 5 bought "Base" and "Découverte" once (day 10) and nothing since: not active in N.
 */
function handMadeHistory(): FamilyHistory {
  const families = ["Base", "Découverte", "Options", "Contrat"];
  // Per client: its distinct purchase days, then per family [firstDay, spendN1, spendN] (omitted when never bought).
  const clients: { days: number[]; pairs: [number, number, number, number][] }[] = [
    { days: [10, 50, 90, 120], pairs: [[0, 10, 300, 200], [1, 10, 50, 0], [2, 90, 80, 0], [3, 120, 0, 100]] },
    { days: [20, 60, 110], pairs: [[0, 20, 200, 150], [1, 20, 40, 0], [2, 110, 0, 60]] },
    { days: [5, 40, 80, 130], pairs: [[0, 5, 100, 100], [1, 5, 30, 0], [2, 80, 70, 0], [3, 80, 20, 40]] },
    { days: [30, 70, 140], pairs: [[0, 30, 90, 90], [1, 30, 20, 10]] },
    { days: [10], pairs: [[0, 10, 60, 0], [1, 10, 10, 0]] },
  ];
  const start = [0];
  const family: number[] = [];
  const firstDay: number[] = [];
  const spendN1: number[] = [];
  const spendN: number[] = [];
  const dayStart = [0];
  const days: number[] = [];
  for (const c of clients) {
    for (const [f, d, a1, a0] of c.pairs) {
      family.push(f);
      firstDay.push(d);
      spendN1.push(a1);
      spendN.push(a0);
    }
    start.push(family.length);
    days.push(...c.days);
    dayStart.push(days.length);
  }
  return { families, start, family, spendN1, spendN, firstDay, dayStart, days };
}

describe("proposeFamilyTypes(history)", () => {
  it("proposeFamilyTypes(hand-made journal) finds FiLo, FiFo, LiFo, LiLo", () => {
    const p = proposeFamilyTypes(handMadeHistory());
    expect(Array.from(p.proposed)).toEqual([0, 1, 2, 3]);
    expect(Array.from(p.buyers)).toEqual([5, 5, 3, 2]);
    expect(Array.from(p.activeBuyers)).toEqual([4, 4, 3, 2]);
    // Base: positions 0 for all → 0. Options: client 1 day 90 is rank 2 of 4 → 2/3; client 2 day 110 rank 2 of 3 → 1;
    // client 3 day 80 rank 2 of 4 → 2/3; median 2/3. Contrat: 3/3 = 1 and 2/3 → median 5/6.
    expect(p.position[0]).toBe(0);
    expect(p.position[2]).toBeCloseTo(2 / 3, 12);
    expect(p.position[3]).toBeCloseTo(5 / 6, 12);
    expect(Array.from(p.keptShare)).toEqual([1, 0.25, 1 / 3, 1]);
    expect(explain(p.explain(1))).toBe(
      "Type proposé FiFo\u00a0: premier achat en médiane à 0\u202f% de l'historique de ses 5 acheteurs (Fi)\u202f; 25\u202f% des 4 acheteurs encore actifs en N l'achètent encore (Fo). À confirmer.",
    );
  });

  it("proposeFamilyTypes: a kept share of exactly 50 % is Lo, a median position of exactly 0.5 is Li", () => {
    // Two clients, each with days [1, 2, 3]: family 0 first bought on day 2 (position 0.5) by both; one keeps it.
    const h: FamilyHistory = {
      families: ["Milieu"],
      start: [0, 1, 2],
      family: [0, 0],
      spendN1: [10, 10],
      spendN: [10, 0],
      firstDay: [2, 2],
      dayStart: [0, 3, 6],
      days: [1, 2, 3, 1, 2, 3],
    };
    // The second client bought nothing in N: only one active buyer, who keeps it → 100 %; so test the share with a third.
    const p = proposeFamilyTypes(h);
    expect(p.position[0]).toBe(0.5);
    expect(Array.from(p.proposed)).toEqual([3]);
    const h2: FamilyHistory = { ...h, families: ["Milieu", "Autre"], start: [0, 1, 3], family: [0, 0, 1], spendN1: [10, 10, 0], spendN: [10, 0, 5], firstDay: [2, 2, 3] };
    const p2 = proposeFamilyTypes(h2);
    expect(p2.keptShare[0]).toBe(0.5);
    expect(p2.proposed[0]).toBe(3); // LiLo: 0.5 is not the first half, 50 % is Lo
  });

  it("proposeFamilyTypes: no proposal without buyers, or when no buyer buys anything in N", () => {
    const h: FamilyHistory = {
      families: ["Retours", "Ancien"],
      start: [0, 2],
      family: [0, 1],
      spendN1: [-10, 40],
      spendN: [0, 0],
      firstDay: [-1, 7],
      dayStart: [0, 1],
      days: [7],
    };
    const p = proposeFamilyTypes(h);
    expect(Array.from(p.proposed)).toEqual([TYPE_NOT_PROPOSED, TYPE_NOT_PROPOSED]);
    expect(explain(p.explain(0))).toBe("Pas de type proposé\u00a0: aucun achat de cette famille (seulement des retours ou des annulations).");
    expect(explain(p.explain(1), "en")).toBe("No proposed type: none of its 1 buyer buys anything in N (first bought at a median 0% of their history).");
  });

  it("proposeFamilyTypes(empty) is empty", () => {
    const p = proposeFamilyTypes({ families: [], start: [0], family: [], spendN1: [], spendN: [], firstDay: [], dayStart: [0], days: [] });
    expect(p.proposed).toHaveLength(0);
  });
});
