import { linesOf } from "./rows";
import { FIXTURE_CLIENTS } from "./__fixtures__/portfolio";
import { isFormulaCell } from "./cells";
import type { ImportedClient } from "../io/clientTable";
import { planObjectives } from "./objectives";
import { buildProspectsSheet } from "./prospectsSheet";
import { scorePortfolio } from "./score";
import type { PlanValue, SheetPlan } from "./types";

function cells(sheet: SheetPlan): Map<string, PlanValue> {
  const out = new Map<string, PlanValue>();
  for (const b of sheet.blocks) linesOf(b.values).forEach((line, i) => line.forEach((v, j) => out.set(`${b.row + i},${b.col + j}`, v)));
  return out;
}

const prospect = (id: string, criteria: readonly (number | undefined)[], potential?: number): ImportedClient => ({
  id,
  row: 20,
  name: `Prospect ${id}`,
  isProspect: true,
  ...(criteria[0] === undefined ? {} : { pertinence: criteria[0] }),
  ...(criteria[1] === undefined ? {} : { credibility: criteria[1] }),
  ...(criteria[2] === undefined ? {} : { attractiveness: criteria[2] }),
  ...(criteria[3] === undefined ? {} : { ourAttractiveness: criteria[3] }),
  ...(potential === undefined ? {} : { potential }),
});

const clients = FIXTURE_CLIENTS.filter((c) => !c.isProspect);
// Retained (Ep 75), écarté on pertinence, écarté on double attractiveness (3 passes, 2 fails), unscored (blank).
const SCORED = [...clients, prospect("P1", [4, 4, 4, 4]), prospect("P2", [2, 5, 5, 5]), prospect("P3", [3, 3, 3, 2]), prospect("P4", [4, undefined, 4, 4])];

describe("buildProspectsSheet", () => {
  it("buildProspectsSheet(four criteria): Ep, status and reason are formulas over the notes and the rule's cells, the engine's values cached", () => {
    const portfolio = scorePortfolio(SCORED, {});
    const map = cells(buildProspectsSheet(portfolio, "fr", planObjectives(portfolio)));
    const row = (k: number): PlanValue[] => Array.from({ length: 11 }, (_, j) => map.get(`${k + 1},${j}`) ?? null);
    const shown = (v: PlanValue): unknown => (isFormulaCell(v) ? v.result : v);
    expect([0, 1, 2, 3].map((k) => row(k).slice(0, 10).map(shown))).toEqual([
      ["P1", "Prospect P1", 4, 4, 4, 4, 75, "retenu", "Pertinence, crédibilité et double attractivité au moins à 3", expect.any(Number)],
      ["P2", "Prospect P2", 2, 5, 5, 5, 81.25, "écarté", "Pertinence sous 3", 0],
      ["P3", "Prospect P3", 3, 3, 3, 2, 43.75, "écarté", "Pas de double attractivité (une attractivité sous 3)", 0],
      ["P4", "Prospect P4", 4, null, 4, 4, null, "non noté", "Critère vide\u00a0: non noté", 0],
    ]);
    expect(row(0)[6]).toEqual({ formula: "100*(($N$3*C2+$N$4*D2+$N$5*E2+$N$6*F2)/($N$3+$N$4+$N$5+$N$6)-1)/4", result: 75 });
    expect(row(0)[7]).toEqual({ formula: 'IF(AND(C2>=$N$2,D2>=$N$2,E2>=$N$2,F2>=$N$2),"retenu","écarté")', result: "retenu" });
    // The unscored prospect keeps values: a formula would call it « écarté ».
    expect(row(3).some(isFormulaCell)).toBe(false);
    // The rule's cells: minimum 3, the four weights.
    expect([1, 2, 3, 4, 5].map((r) => map.get(`${r},13`))).toEqual([3, 1, 1, 1, 1]);
  });

  it.each([
    { name: "potential only", rows: [...clients, prospect("P1", [], 900), prospect("P2", [], 300)], status: ["retenu", "retenu"] },
    { name: "no criterion, no potential", rows: FIXTURE_CLIENTS, status: ["retenu", "retenu"] },
    { name: "no prospect", rows: clients, status: [] },
  ])("buildProspectsSheet($name): values, the fallback said in one line", ({ rows, status }) => {
    const portfolio = scorePortfolio(rows, {});
    const sheet = buildProspectsSheet(portfolio, "fr", planObjectives(portfolio));
    const map = cells(sheet);
    expect(status.map((_, k) => map.get(`${k + 1},7`))).toEqual(status);
    expect([...map.values()].some(isFormulaCell)).toBe(false);
    expect(map.get("7,12")).toMatch(/^(Sans critères|Ni critères|Aucun prospect)/);
  });
});
