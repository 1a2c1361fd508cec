import { abcCells } from "./abc";

type Cell = string | { code: string; message?: string };

function run(...args: Parameters<typeof abcCells>): Cell[][] {
  return abcCells(...args) as unknown as Cell[][];
}

function thrown(fn: () => unknown): { code: string; message?: string } {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message?: string };
  }
  throw new Error("expected a cell error");
}

describe("PAC.ABC", () => {
  it("abcCells(column) spills one class per row in a column", () => {
    const col = [[3000], [45000], [1000], [12000], [500], [25000], [2000], [6000], [1500], [4000]];
    expect(run(col, null, null, null)).toEqual([["B"], ["A"], ["C"], ["A"], ["C"], ["A"], ["C"], ["B"], ["C"], ["B"]]);
  });

  it("abcCells(row) spills back as a row", () => {
    expect(run([[60, 30, 10]], null, null, null)).toEqual([["A", "A", "B"]]);
  });

  it("abcCells reads thresholds typed as 70 or 0.7 alike", () => {
    const col = [[50], [25], [15], [10]];
    expect(run(col, 70, 90, null)).toEqual(run(col, 0.7, 0.9, null));
    expect(run(col, 70, 90, null).flat()).toEqual(["A", "A", "B", "C"]);
  });

  it("abcCells in « clients » mode uses 20 % / 50 % of the clients", () => {
    const col = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((x) => [x]);
    expect(run(col, null, null, "Clients").flat().join("")).toBe("AABBBCCCCC");
  });

  it("abcCells leaves blank rows blank and computes the others", () => {
    expect(run([[60], [""], [30], [null], [10]], null, null, null)).toEqual([["A"], [""], ["A"], [""], ["B"]]);
  });

  it("abcCells gives #VALUE! with a French message on a text row only", () => {
    const out = run([[60], ["n/a"], [40]], null, null, null);
    expect(out[0][0]).toBe("A");
    expect(out[1][0]).toEqual({ code: "#VALUE!", message: "Montant, ligne 2 : texte « n/a » au lieu d'un nombre." });
    expect(out[2][0]).toBe("A");
  });

  const errors: { name: string; args: Parameters<typeof abcCells>; message: string }[] = [
    {
      name: "a two-column range",
      args: [[[1, 2], [3, 4]], null, null, null],
      message: "« montants » doit être une plage d'une seule ligne ou d'une seule colonne (2 × 2 reçue).",
    },
    {
      name: "an unknown mode",
      args: [[[1], [2]], null, null, "pareto"],
      message: "Option « pareto » inconnue pour « mode » : valeurs possibles « montant », « amount », « ca », « clients ».",
    },
    {
      name: "thresholds in the wrong order",
      args: [[[1], [2]], 95, 80, null],
      message: "Seuils invalides (95\u202f% ; 80\u202f%) : il faut 0 < seuil A < seuil B ≤ 100 %.",
    },
    { name: "only blank cells", args: [[[""], [""]], null, null, null], message: "« montants » ne contient aucun nombre." },
    {
      name: "a text threshold",
      args: [[[1], [2]], "beaucoup" as unknown as number, null, null],
      message: "seuil_a invalide (« beaucoup ») : un pourcentage, par exemple 80 % ou 0,8.",
    },
  ];
  it.each(errors)("abcCells throws #VALUE! on $name", ({ args, message }) => {
    expect(thrown(() => abcCells(...args))).toEqual({ code: "#VALUE!", message });
  });
});
