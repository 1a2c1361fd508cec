import { cellsOf, col, thrownCell } from "../../test/cellHelpers";
import { prospectCells } from "./prospect";

describe("PAC.PROSPECT", () => {
  // Pertinence, crédibilité, attractivité pour nous, notre attractivité, per prospect:
  // (4 3 5 4) retained, Ep 75; (2 5 5 5) rejected by pertinence, Ep 81.25; (5 5 3 2) rejected, double attractivité.
  const p = col([4, 2, 5]);
  const c = col([3, 5, 5]);
  const a = col([5, 5, 3]);
  const o = col([4, 5, 2]);

  it("prospectCells(…) spills « retenu » / « écarté » by default, in French", () => {
    expect(cellsOf(prospectCells(p, c, a, o, null, null)).flat()).toEqual(["retenu", "écarté", "écarté"]);
  });

  it("prospectCells(…, 'ep') gives the Ep score 0–100, rejected prospects included", () => {
    expect(cellsOf(prospectCells(p, c, a, o, null, "ep")).flat()).toEqual([75, 81.25, 68.75]);
  });

  it("prospectCells(…, 'raison') names the rule that decided", () => {
    expect(cellsOf(prospectCells(p, c, a, o, null, "raison")).flat()).toEqual([
      "Pertinence, crédibilité et double attractivité au moins à 3",
      "Pertinence sous 3",
      "Pas de double attractivité (une attractivité sous 3)",
    ]);
  });

  it("prospectCells weights the Ep score with four weights in a row", () => {
    // (2 × 4 + 0 × 3 + 1 × 5 + 1 × 4) / 4 = 4.25 → Ep 81.25.
    expect(cellsOf(prospectCells(col([4]), col([3]), col([5]), col([4]), [[2, 0, 1, 1]], "ep"))).toEqual([[81.25]]);
  });

  it("prospectCells accepts single cells: exactly 3 everywhere is retained, Ep 50", () => {
    expect(cellsOf(prospectCells(3 as never, 3 as never, 3 as never, 3 as never, null, "statut"))).toEqual([["retenu"]]);
    expect(cellsOf(prospectCells(3 as never, 3 as never, 3 as never, 3 as never, null, "ep"))).toEqual([[50]]);
  });

  it("prospectCells leaves a blank row blank, and marks text or a score outside 1..5 on its row only", () => {
    const out = cellsOf(prospectCells(col([4, "", "bon", 6]), col([4, 4, 4, 4]), col([4, 4, 4, 4]), col([4, 4, 4, 4]), null, null));
    expect(out[0]).toEqual(["retenu"]);
    expect(out[1]).toEqual([""]);
    expect(out[2][0]).toEqual({ code: "#VALUE!", message: "Pertinence, ligne 3 : texte « bon » au lieu d'un nombre." });
    expect(out[3][0]).toEqual({ code: "#VALUE!", message: "Pertinence, ligne 4\u00a0: la note 6 est hors de l'échelle de 1 à 5." });
  });

  it("prospectCells spills a row-shaped input as a row", () => {
    expect(cellsOf(prospectCells([[4, 2]], [[3, 5]], [[5, 5]], [[4, 5]], null, null))).toEqual([["retenu", "écarté"]]);
  });

  const errors: { name: string; run: () => unknown; message: string | RegExp }[] = [
    {
      name: "weights all zero",
      run: () => prospectCells(p, c, a, o, [[0, 0, 0, 0]], null),
      message: /^Pondérations des critères invalides \(0 ; 0 ; 0 ; 0\)\u00a0: quatre nombres positifs ou nuls/,
    },
    { name: "three weights", run: () => prospectCells(p, c, a, o, [[1, 1, 1]], null), message: /^Pondérations des critères invalides/ },
    {
      name: "ranges of different sizes",
      run: () => prospectCells(col([4, 4]), c, a, o, null, null),
      message: "Les plages « pertinence » (2 valeurs) et « crédibilité » (3 valeurs) n'ont pas la même taille.",
    },
    { name: "an unknown output", run: () => prospectCells(p, c, a, o, null, "couleur"), message: /^Option « couleur » inconnue pour « sortie »/ },
  ];
  it.each(errors)("prospectCells throws #VALUE! on $name", ({ run, message }) => {
    const e = thrownCell(run);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(message);
  });

  it("prospectCells answers in English when Excel is in English", () => {
    const g = globalThis as { Office?: unknown };
    const saved = g.Office;
    g.Office = { context: { displayLanguage: "en-US" } };
    try {
      expect(cellsOf(prospectCells(p, c, a, o, null, null)).flat()).toEqual(["retained", "rejected", "rejected"]);
      expect(cellsOf(prospectCells(p, c, a, o, null, "reason")).flat()[1]).toBe("Relevance below 3");
    } finally {
      g.Office = saved;
    }
  });
});
