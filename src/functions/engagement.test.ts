import { cellsOf, thrownCell } from "../../test/cellHelpers";
import { engagementCells } from "./engagement";

describe("PAC.ENGAGEMENT", () => {
  // Four families (pivot header), one of each type; four clients, N-1 and N.
  const families = [["Consommables", "Entrée", "Options", "Contrats"]];
  const types = [["FiLo", "FiFo", "LiFo", "LiLo"]];
  const n1 = [
    [500, "", 200, ""],
    [100, "", 200, ""],
    [100, "", "", ""],
    [100, 60, "", ""],
    ["", "", "", ""],
  ];
  const n = [
    ["", "", "", 300],
    [100, "", "", 50],
    [120, "", "", 80],
    [100, "", "", ""],
    ["", "", "", ""],
  ];

  it.each([
    { output: null, out: ["Perte du client probable", "Risque de perte de CA", "Engagé", "Fidélité à construire", ""] },
    { output: "risque", out: [700, 200, 0, 60, ""] },
  ])("engagementCells(…, $output)", ({ output, out }) => {
    expect(cellsOf(engagementCells(n1, n, types, families, output)).flat()).toEqual(out);
  });

  it("engagementCells(…, 'raison') names the family and its type", () => {
    expect(cellsOf(engagementCells(n1, n, types, families, "raison"))[0][0]).toBe(
      "A cessé d'acheter la famille «\u00a0Consommables\u00a0» (FiLo, 500\u00a0€ en N-1)\u00a0: perte du client probable\u202f; CA en risque 700\u00a0€ (2 familles arrêtées).",
    );
  });

  it("engagementCells marks a row with text #VALUE!, the others computed", () => {
    const out = cellsOf(engagementCells([[500, 1], ["beaucoup", 1]], [["", 1], [1, 1]], [["FiLo", "LiLo"]], null, null));
    expect(out[0]).toEqual(["Perte du client probable"]);
    expect(out[1][0]).toEqual({ code: "#VALUE!", message: "achats_n1, ligne 2 : texte « beaucoup » au lieu d'un nombre." });
  });

  it.each([
    { name: "tables of different sizes", run: () => engagementCells([[1, 2]], [[1]], [["FiLo", "LiLo"]], null, null), message: /n'ont pas la même taille/ },
    { name: "a type per family missing", run: () => engagementCells([[1, 2]], [[1, 2]], [["FiLo"]], null, null), message: /« types » \(1 valeurs\)/ },
    { name: "an unknown type", run: () => engagementCells([[1]], [[1]], [["Premium"]], null, null), message: /^Type «\u00a0Premium\u00a0» invalide/ },
  ])("engagementCells refuses $name with #VALUE!", ({ run, message }) => {
    const e = thrownCell(run);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(message);
  });
});
