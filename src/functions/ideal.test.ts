import { cellsOf, col, thrownCell } from "../../test/cellHelpers";
import { idealCells } from "./ideal";

describe("PAC.IDEAL (PAC.CLIENT_IDEAL)", () => {
  // Productivity 4 000 / 500 / 3 000 / 800 (median 1 900), value 5 / 4 / 2 / 1 (median 3).
  const productivity = col([4000, 500, 3000, 800]);
  const value = col([5, 4, 2, 1]);

  it.each([
    { name: "the medians", sp: null, sv: null, out: ["Clients idéaux", "Clients heureux", "Clients à risque", "Clients à éviter"] },
    { name: "the user's split points", sp: 600, sv: 1, out: ["Clients idéaux", "Clients heureux", "Clients idéaux", "Clients à risque"] },
  ])("idealCells(…) against $name", ({ sp, sv, out }) => {
    expect(cellsOf(idealCells(productivity, value, sp, sv)).flat()).toEqual(out);
  });

  it.each([
    { name: "one client: its own median, à éviter", p: col([1200]), v: col([4]), out: ["Clients à éviter"] },
    { name: "all equal: à éviter", p: col([10, 10]), v: col([3, 3]), out: ["Clients à éviter", "Clients à éviter"] },
    { name: "a tie on the median is low", p: col([100, 200, 300]), v: col([2, 3, 4]), out: ["Clients à éviter", "Clients à éviter", "Clients idéaux"] },
  ])("idealCells(…): $name", ({ p, v, out }) => {
    expect(cellsOf(idealCells(p, v, null, null)).flat()).toEqual(out);
  });

  it("idealCells leaves a blank row blank and marks text or a value outside 1..5 on its row only", () => {
    const out = cellsOf(idealCells(col([4000, "", "x", 3000, 800]), col([5, 4, 3, 6, 1]), null, null));
    expect(out[0]).toEqual(["Clients idéaux"]);
    expect(out[1]).toEqual([""]);
    expect(out[2][0]).toEqual({ code: "#VALUE!", message: "Productivité, ligne 3 : texte « x » au lieu d'un nombre." });
    expect(out[3][0]).toEqual({ code: "#VALUE!", message: "Valeur apportée, ligne 4\u00a0: la note 6 est hors de l'échelle de 1 à 5." });
    expect(out[4]).toEqual(["Clients à éviter"]);
  });

  it("idealCells spills a row-shaped input as a row", () => {
    expect(cellsOf(idealCells([[4000, 500]], [[5, 4]], null, null))).toEqual([["Clients idéaux", "Clients à éviter"]]); // medians 2 250 and 4,5
  });

  it.each([
    {
      name: "ranges of different sizes",
      run: () => idealCells(col([1, 2]), col([3]), null, null),
      message: "Les plages « productivité » (2 valeurs) et « valeur » (1 valeurs) n'ont pas la même taille.",
    },
    { name: "no number at all", run: () => idealCells(col(["", ""]), col([3, 3]), null, null), message: /ne contient aucun nombre/ },
    { name: "a split point that is text", run: () => idealCells(productivity, value, "haut", null), message: /^seuil_productivité invalide/ },
  ])("idealCells refuses $name with #VALUE!", ({ run, message }) => {
    const e = thrownCell(run);
    expect(e.code).toBe("#VALUE!");
    if (typeof message === "string") expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
  });
});
