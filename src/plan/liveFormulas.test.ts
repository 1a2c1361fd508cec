import { linesOf } from "./rows";
import { FIXTURE_CLIENTS } from "./__fixtures__/portfolio";
import { isFormulaCell } from "./cells";
import { abcClassFormula, objectiveFormula, quarterRankFormula, sumGreater, sumsGreater, tiesToHere, wholeText } from "./liveFormulas";
import { scorePortfolio } from "./score";
import { TARGET_COLUMNS } from "./targetsSheet";
import type { PlanValue, SheetPlan } from "./types";
import { buildWorkbookPlan } from "./workbook";

function cells(sheet: SheetPlan): Map<string, PlanValue> {
  const out = new Map<string, PlanValue>();
  for (const b of sheet.blocks) linesOf(b.values).forEach((line, i) => line.forEach((v, j) => v !== null && out.set(`${b.row + i},${b.col + j}`, v)));
  return out;
}

const ABC_COL = TARGET_COLUMNS.findIndex((c) => c.header === "col.abc");
const NOTE_COL = TARGET_COLUMNS.length + 1;

describe("liveFormulas", () => {
  it.each([
    { name: "distinct", amounts: [500, 300, 100], x: 300, want: 500 },
    { name: "ties: only the strictly greater", amounts: [500, 300, 300, 100], x: 300, want: 500 },
    { name: "the largest", amounts: [500, 300], x: 500, want: 0 },
    { name: "negatives count when greater than x", amounts: [500, -50, -200], x: -200, want: 450 },
    { name: "one client", amounts: [42], x: 42, want: 0 },
    { name: "all equal", amounts: [7, 7, 7], x: 7, want: 0 },
    { name: "empty", amounts: [], x: 0, want: 0 },
  ])("sumsGreater ($name) is what SUMIF(amounts, \">\"&x) computes", ({ amounts, x, want }) => {
    expect(sumsGreater(amounts)(x)).toBe(want);
  });

  it.each([
    { name: "SUMIF without filter", got: sumGreater({ amounts: "$D$2:$D$9", filters: [] }, "D2"), want: 'SUMIF($D$2:$D$9,">"&D2)' },
    {
      name: "SUMIFS with the status filter",
      got: sumGreater({ amounts: "$D$2:$D$9", filters: [{ range: "$C$2:$C$9", criterion: '"Client"' }] }, "D2"),
      want: 'SUMIFS($D$2:$D$9,$D$2:$D$9,">"&D2,$C$2:$C$9,"Client")',
    },
    { name: "ties to this row", got: tiesToHere("$D$2:D5", "D5", []), want: "COUNTIF($D$2:D5,D5)" },
    { name: "class: ≤ 0 first, then the thresholds", got: abcClassFormula("D2", "F2", "$AB$4", "$AB$2", "$AB$3"), want: 'IF(D2<0.005,"C",IF(F2/$AB$4<$AB$2,"A",IF(F2/$AB$4<$AB$3,"B","C")))' },
    { name: "quarter rank", got: quarterRankFormula("D2", "F2", "$AB$5"), want: "IF(D2>0,MIN(4,INT(F2/$AB$5/0.25)+1),4)" },
  ])("$name", ({ got, want }) => expect(got).toBe(want));
});

describe("Cibles: formulas or values", () => {
  const portfolio = scorePortfolio(FIXTURE_CLIENTS, {});
  it.each([
    { name: "live (default)", options: {}, live: true, note: "Rang, parts, ABC, R, P, P-R, scores RFM, matrice des contacts et objectifs sont des formules\u00a0: corrigez un CA, un seuil ou un taux, ils suivent." },
    { name: "above the size limit", options: { liveMax: 5 }, live: false, note: "Classes écrites en valeurs\u00a0: au-delà de 5 clients, le recalcul de ces formules deviendrait trop lent." },
    {
      name: "ABC by number of clients",
      options: { abc: { mode: "clients" as const } },
      live: false,
      note: "Classes écrites en valeurs\u00a0: le classement ABC par nombre de clients ou par des seuils propres à ce calcul n'a pas de formule ici.",
    },
    {
      name: "thresholds other than the scoring's",
      options: { abc: { thresholds: [0.5, 0.6] as [number, number] } },
      live: false,
      note: "Classes écrites en valeurs\u00a0: le classement ABC par nombre de clients ou par des seuils propres à ce calcul n'a pas de formule ici.",
    },
  ])("$name", ({ options, live, note }) => {
    const sheet = buildWorkbookPlan(portfolio, options).sheets[0];
    const map = cells(sheet);
    const classCells = portfolio.clients.flatMap((c, i) => (c.abc ? [map.get(`${i + 1},${ABC_COL}`) as PlanValue] : []));
    expect(classCells.length).toBe(10);
    expect(classCells.every((v) => isFormulaCell(v))).toBe(live);
    // The cached or written class is the engine's either way.
    expect(classCells.map((v) => (isFormulaCell(v) ? v.result : v))).toEqual(portfolio.clients.flatMap((c) => (c.abc ? [c.abc.cls] : [])));
    expect([...map.values()]).toContain(note);
    expect(map.get(`6,${NOTE_COL}`) === note || map.get(`1,${NOTE_COL}`) === note).toBe(true);
  });
});

describe("objectiveFormula and wholeText", () => {
  const cells = { ca: "D2", abc: "I2", gap: "N2", potential: "K2", developRate: "'PAC'!$B$9", baseRate: "'PAC'!$B$10", phase: "AE2" };
  it("objectiveFormula: one formula for every case — V holds, P-R by its gap (Développer capped by the potential, Entretenir, Sécuriser), else by class", () => {
    expect(objectiveFormula(cells)).toBe(
      `IF(D2>0,IF(AE2="V",D2,IF(ISNUMBER(N2),IF(N2>=1,IF(D2*(1+'PAC'!$B$9)>K2,MAX(D2,K2),D2*(1+'PAC'!$B$9)),IF(N2=0,D2*(1+'PAC'!$B$10),D2)),` +
        `IF(I2="C",D2,D2*(1+'PAC'!$B$10)))),0)`,
    );
  });

  it("objectiveFormula(cells, rules): the same branches give the rule's label", () => {
    const rules = { develop: "d", develop_capped: "dc", maintain: "m", secure: "s", abc_growth: "g", abc_hold: "h", aging_hold: "v", no_ca: "0" };
    expect(objectiveFormula(cells, rules)).toBe(
      `IF(D2>0,IF(AE2="V","v",IF(ISNUMBER(N2),IF(N2>=1,IF(D2*(1+'PAC'!$B$9)>K2,"dc","d"),IF(N2=0,"m","s")),IF(I2="C","h","g"))),"0")`,
    );
  });

  it("wholeText(x, lang): digit groups by TEXT(…,\"000\"), the separator of the language, never a locale format", () => {
    const fr = wholeText("$B$2", "fr");
    expect(fr).toContain('TEXT(MOD(ABS(ROUND($B$2,0)),1000),"000")');
    expect(fr).toContain('"\u202f"');
    expect(wholeText("$B$2", "en")).toContain('","');
    expect(fr).not.toMatch(/#|,##/);
  });
});

describe("Cibles: the RFM scores and the contact quadrants", () => {
  const portfolio = scorePortfolio(FIXTURE_CLIENTS, {});
  const column = (h: string): number => TARGET_COLUMNS.findIndex((c) => c.header === h);
  const scores = (sheet: SheetPlan): PlanValue[] => {
    const map = cells(sheet);
    return portfolio.clients.flatMap((c, i) => (c.rfm ? [map.get(`${i + 1},${column("col.rfm_code")}`) as PlanValue] : []));
  };
  it("live below RFM_LIVE_MAX: R, F, M, code, sum and segment are formulas, the engine's values cached", () => {
    const sheet = buildWorkbookPlan(portfolio).sheets[0];
    const codes = scores(sheet);
    expect(codes.length).toBeGreaterThan(5);
    expect(codes.every(isFormulaCell)).toBe(true);
    expect(codes.map((v) => (isFormulaCell(v) ? v.result : v))).toEqual(portfolio.clients.flatMap((c) => (c.rfm ? [c.rfm.code] : [])));
    const quadrants = portfolio.clients.flatMap((c, i) => (c.contacts ? [cells(sheet).get(`${i + 1},${column("col.quadrant")}`) as PlanValue] : []));
    expect(quadrants.every(isFormulaCell)).toBe(true);
  });
  it("values above the RFM limit, and the parameter block says why in one line", () => {
    const sheet = buildWorkbookPlan(portfolio, { rfmLiveMax: 5 }).sheets[0];
    expect(scores(sheet).some(isFormulaCell)).toBe(false);
    expect([...cells(sheet).values()]).toContain(
      "Scores RFM écrits en valeurs\u00a0: au-delà de 5 clients, leurs formules (un NB.SI par critère et par client) rendraient le recalcul trop lent.",
    );
  });
});
