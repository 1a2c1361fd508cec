import { cellsOf, col, thrownCell } from "../../test/cellHelpers";
import { allocateCells, capitalCell } from "./capital";
import { contactsCells } from "./contacts";
import { elasticityCells } from "./elasticity";
import { maturityCells } from "./maturity";
import { prCells } from "./pr";
import { quarterRankCells } from "./quarterRank";
import { rfmCells } from "./rfm";

describe("PAC.RFM", () => {
  // Five clients: recency days, orders, amount. R: fewer days is better; F and M: more is better.
  const recency = col([10, 200, 45, 5, 90]);
  const frequency = col([8, 1, 3, 12, 2]);
  const monetary = col([5000, 300, 1200, 9000, 800]);

  it("rfmCells(…) spills the code of each client by default", () => {
    // R: p = count(v > x)/4 → 10:3/4 → 4 ; 200:0 → 1 ; 45:2/4 → 3 ; 5:1 → 5 ; 90:1/4 → 2.
    // F: 8:3/4 → 4 ; 1:0 → 1 ; 3:2/4 → 3 ; 12:1 → 5 ; 2:1/4 → 2. M likewise → 4,1,3,5,2.
    expect(cellsOf(rfmCells(recency, frequency, monetary, null, null, null))).toEqual(col(["444", "111", "333", "555", "222"]));
  });

  it("rfmCells(…, 'somme') and 'segment' give the sum and the French segment", () => {
    expect(cellsOf(rfmCells(recency, frequency, monetary, null, "somme", null)).flat()).toEqual([12, 3, 9, 15, 6]);
    expect(cellsOf(rfmCells(recency, frequency, monetary, null, "segment", null)).flat()).toEqual([
      "Clients fidèles",
      "Hibernants",
      "À surveiller",
      "Champions",
      "Hibernants",
    ]);
  });

  it("rfmCells(…, 'tout') spills three columns R, F, M", () => {
    expect(cellsOf(rfmCells(recency, frequency, monetary, null, "tout", null))[3]).toEqual([5, 5, 5]);
  });

  it("rfmCells with a grid range (three rows R, F, M) scores against the teacher's scale", () => {
    const grid = [
      [7, 30, 60, 120],
      [2, 4, 6, 10],
      [500, 1000, 2000, 5000],
    ];
    // R: 10 days passes 1 bound → 5 − 1 = 4 ; F: 8 orders passes 3 bounds → 4 ; M: 5000 passes 4 → 5.
    expect(cellsOf(rfmCells(recency, frequency, monetary, grid, null, null))[0]).toEqual(["445"]);
  });

  it("rfmCells weights the sum", () => {
    expect(cellsOf(rfmCells(recency, frequency, monetary, null, "sum", [[2, 1, 1]]))[0]).toEqual([16]);
  });

  it("rfmCells leaves a row blank when one of its values is blank, and marks text", () => {
    const out = cellsOf(rfmCells(col([10, "", 45]), col([8, 1, "x"]), col([5000, 300, 1200]), null, null, null));
    expect(out[1]).toEqual([""]);
    expect(out[2][0]).toEqual({ code: "#VALUE!", message: "Fréquence, ligne 3 : texte « x » au lieu d'un nombre." });
  });

  it("rfmCells throws #VALUE! naming both arguments when sizes differ", () => {
    expect(thrownCell(() => rfmCells(col([1, 2]), col([1, 2, 3]), col([1, 2]), null, null, null))).toEqual({
      code: "#VALUE!",
      message: "Les plages « récence_jours » (2 valeurs) et « fréquence » (3 valeurs) n'ont pas la même taille.",
    });
  });

  it("rfmCells rejects 12 classes with a French message", () => {
    expect(thrownCell(() => rfmCells(recency, frequency, monetary, 12 as never, null, null)).message).toBe(
      "Nombre de classes « 12 » invalide : un entier de 2 à 10 est attendu.",
    );
  });
});

describe("PAC.P_R", () => {
  // Potential 40/30/20/10 → P 1,2,3,4 (before 0, .4, .7, .9); realised 55/30/10/5 of 100: before 0, .55, .85, .95 → R 1,3,4,4.
  const potential = col([40, 30, 20, 10]);
  const realised = col([5, 10, 30, 55]);

  it("prCells gives the P-R codes by default", () => {
    expect(cellsOf(prCells(potential, realised, null)).flat()).toEqual(["P1-R4", "P2-R4", "P3-R3", "P4-R1"]);
  });

  it("prCells gives the gap, the rate and the French target", () => {
    expect(cellsOf(prCells(potential, realised, "écart")).flat()).toEqual([3, 2, 0, -3]);
    expect(cellsOf(prCells(potential, realised, "taux")).flat()).toEqual([0.125, 10 / 30, 1.5, 5.5]);
    expect(cellsOf(prCells(potential, realised, "cible")).flat()).toEqual(["Développer", "Développer", "Entretenir", "Sécuriser"]);
  });

  it("prCells gives #VALUE! on the rate of a row whose potential is 0, the others computed", () => {
    const out = cellsOf(prCells(col([40, 0]), col([5, 10]), "rate"));
    expect(out[0][0]).toBe(0.125);
    expect(out[1][0]).toMatchObject({ code: "#VALUE!" });
    expect((out[1][0] as { message: string }).message).toMatch(/^Potentiel ligne 2 nul ou négatif/);
  });
});

describe("PAC.ELASTICITY", () => {
  it("elasticityCells on single cells: contacts 6 → 9, CA 20 000 → 26 000 gives 0.6, Peu élastique", () => {
    expect(cellsOf(elasticityCells([[20000]], [[26000]], [[6]], [[9]], null))).toEqual([[0.6]]);
    expect(cellsOf(elasticityCells([[20000]], [[26000]], [[6]], [[9]], "lecture"))).toEqual([["Peu élastique"]]);
  });

  it("elasticityCells on columns gives #N/A with the reason on undefined rows only", () => {
    const out = cellsOf(elasticityCells(col([20000, 0, 1000]), col([26000, 500, 1200]), col([6, 4, 5]), col([9, 6, 5]), null));
    expect(out[0][0]).toBeCloseTo(0.6, 12);
    expect(out[1][0]).toEqual({ code: "#N/A", message: "Élasticité indéfinie ligne 2 : le CA N-1 est nul (pas de variation en %)." });
    expect(out[2][0]).toMatchObject({ code: "#N/A" });
  });
});

describe("PAC.QUARTER_RANK", () => {
  it("quarterRankCells ranks by quarter of the total amount", () => {
    // Total 100: 40 (before 0 → 1), 30 (0.40 → 2), 20 (0.70 → 3), 10 (0.90 → 4).
    expect(cellsOf(quarterRankCells(col([10, 40, 20, 30]))).flat()).toEqual([4, 1, 3, 2]);
  });

  it("quarterRankCells keeps blanks blank", () => {
    // Total 40: 30 (before 0 → 1), 10 (before 0.75 → 4).
    expect(cellsOf(quarterRankCells([[10, "", 30]]))).toEqual([[4, "", 1]]);
  });
});

describe("PAC.CONTACTS", () => {
  it("contactsCells classes each client against the medians", () => {
    // Contacts median (2,4,8,10) = 6 ; CA median (1 000, 3 000, 5 000, 9 000) = 4 000.
    const out = cellsOf(contactsCells(col([2, 10, 4, 8]), col([9000, 1000, 3000, 5000]), null, null)).flat();
    expect(out).toEqual(["Vaches à lait", "Contactivores", "Squelettes", "Poules aux œufs d'or"]);
  });

  it("contactsCells uses the user's split points", () => {
    expect(cellsOf(contactsCells(col([5]), col([100]), 4, 50)).flat()).toEqual(["Poules aux œufs d'or"]);
  });
});

describe("PAC.MATURITY", () => {
  it("maturityCells reads the last two periods of each row", () => {
    const periods = [
      [0, 0, 500],
      [800, 1000, 1300],
      [900, 1000, 1050],
      [1500, 1000, 700],
      [0, 0, 0],
      [100, "", 200],
    ];
    expect(cellsOf(maturityCells(periods, null)).flat()).toEqual(["D", "C", "M", "V", "", ""]);
  });

  it("maturityCells with a 40 % threshold reads +30 % as M", () => {
    expect(cellsOf(maturityCells([[1000, 1300]], 40)).flat()).toEqual(["M"]);
  });

  it("maturityCells needs two periods", () => {
    expect(thrownCell(() => maturityCells(col([1, 2]), null)).code).toBe("#VALUE!");
  });
});

describe("PAC.CAPITAL and PAC.ALLOCATE", () => {
  it("capitalCell(45, 4, 3) is 540", () => {
    expect(capitalCell(45, 4, 3)).toBe(540);
  });

  it("capitalCell rejects a missing argument in French", () => {
    expect(thrownCell(() => capitalCell(45, null, 3)).message).toBe(
      "Argument « jours_par_semaine » manquant : un nombre de jours de terrain par semaine.",
    );
  });

  it("allocateCells shares 540 by weights 492×4, 198×2, 230×1 and sums exactly", () => {
    const out = cellsOf(allocateCells(540, col([1968, 396, 230]))).flat() as number[];
    expect(out.reduce((a, b) => a + b, 0)).toBe(540);
    // Quotas 409.71, 82.44, 47.86 → floors 409, 82, 47 (538); the 2 left go to .86 and .71.
    expect(out).toEqual([410, 82, 48]);
  });

  it("allocateCells refuses a fractional capital", () => {
    expect(thrownCell(() => allocateCells(10.5, col([1, 1]))).code).toBe("#VALUE!");
  });
});
