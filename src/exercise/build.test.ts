import { linesOf } from "../plan/rows";
import type { ImportedClient } from "../io/client";
import { isFormulaCell } from "../plan/cells";
import { scorePortfolio } from "../plan/score";
import type { PlanValue, SheetPlan } from "../plan/types";
import { buildExercise, scoreText } from "./build";
import type { ExerciseData } from "./methods";

/** The ten clients of the course (docs/methodes.md § 2, 4, 6). */
const TEN: ImportedClient[] = [
  [40000, 60000, 10],
  [25000, 30000, 8],
  [12000, 30000, 12],
  [8000, 20000, 3],
  [5000, 20000, 2],
  [4000, 10000, 9],
  [3000, 10000, 1],
  [2000, 8000, 6],
  [1000, 6000, 4],
  [0, 6000, 5],
].map(([ca, potential, contacts], i) => ({ id: `C${String(i + 1).padStart(2, "0")}`, row: i + 2, ca, potential, contacts }));

function data(clients: readonly ImportedClient[], extra: Partial<ExerciseData> = {}): ExerciseData {
  return { title: "Test", clients, portfolio: scorePortfolio(clients, {}), ...extra };
}

function cell(sheet: SheetPlan, row: number, col: number): PlanValue | undefined {
  for (const b of sheet.blocks) {
    const line = linesOf(b.values)[row - b.row];
    if (line && col >= b.col && col < b.col + line.length) return line[col - b.col];
  }
  return undefined;
}

describe("buildExercise(data, options)", () => {
  const books = buildExercise(data(TEN), { methods: ["abc", "pr", "rp", "contacts", "capital"] });

  it("asks the methods the data allow, pr covering rp, in the order of the sheets", () => {
    expect(books.methods).toEqual(["abc", "pr", "contacts", "capital"]);
    expect(books.student.sheets.map((s) => s.name)).toEqual(["Consignes", "ABC", "P-R", "Matrice des contacts", "Capital de contacts", "Réponses"]);
    expect(books.corrige.sheets.map((s) => s.name)).toEqual(["Sommaire", "ABC", "P-R", "Matrice des contacts", "Capital de contacts"]);
  });

  it("the expected answers are the course's: classes, ranks, medians", () => {
    const expected = (sheet: string): (number | string)[] => books.answerKey.filter((e) => e.sheet === sheet).map((e) => e.expected);
    const abc = expected("ABC");
    expect(abc[0]).toBe(100_000);
    expect(abc.filter((v) => typeof v === "string")).toEqual(["A", "A", "A", "A", "B", "B", "B", "C", "C", "C"]);
    expect(expected("Matrice des contacts").slice(0, 2)).toEqual([5.5, 4500]);
    expect(expected("P-R").slice(2, 7)).toEqual([1, 1, "P1-R1", 0, "Entretenir"]);
  });

  it("the student's sheets hold no answer: the answer cells are blank and editable, each check reads the hidden sheet", () => {
    for (const e of books.answerKey) {
      const sheet = books.student.sheets.find((s) => s.name === e.sheet) as SheetPlan;
      expect(cell(sheet, e.row, e.col) ?? null).toBeNull();
      expect(sheet.editable?.some((r) => e.row >= r.row && e.row < r.row + r.rows && e.col >= r.col && e.col < r.col + r.cols)).toBe(true);
      const check = cell(sheet, e.checkRow, e.checkCol);
      expect(isFormulaCell(check as PlanValue) && (check as { formula: string }).formula).toContain("'Réponses'!$D$");
    }
  });

  it("the answers sheet is very hidden and protected; the method sheets carry green / red formula colours", () => {
    const answers = books.student.sheets.at(-1) as SheetPlan;
    expect(answers.visibility).toBe("veryHidden");
    expect(answers.protection).toEqual({});
    const abc = books.student.sheets[1];
    expect(abc.formulaColours?.map((c) => c.fill)).toEqual(expect.arrayContaining(["#C6EFCE", "#FFC7CE"]));
  });

  it("every corrigé answer is a formula cached with the expected answer", () => {
    for (const e of books.answerKey) {
      const sheet = books.corrige.sheets.find((s) => s.name === e.sheet) as SheetPlan;
      const value = cell(sheet, e.row, e.col) as PlanValue;
      expect(isFormulaCell(value)).toBe(true);
      expect((value as { result: unknown }).result).toEqual(e.expected);
    }
  });

  it("the corrigé says the rule in the course's words, with the numbers", () => {
    const abc = books.corrige.sheets[1];
    const texts = abc.blocks.flatMap((b) => linesOf(b.values).flat()).filter((v): v is string => typeof v === "string");
    expect(texts).toContain(
      "Rang 4 : 3 clients ont un CA plus élevé. Part = 8\u202f000 € / 100\u202f000 € = 8\u202f% ; part cumulée = 85\u202f%. A tant que la part cumulée avant le client est inférieure à 80\u202f% : avant lui 77\u202f% < 80\u202f% → A.",
    );
  });

  it("without potential, P-R is left out with its reason; without any client, nothing but the capacity case", () => {
    const noPotential = TEN.map(({ potential: _p, ...c }) => c);
    const b = buildExercise(data(noPotential), { methods: ["pr", "rfm"] });
    expect(b.methods).toEqual([]);
    expect(b.skipped.map((s) => s.method)).toEqual(["pr", "rfm"]);
    expect(b.skipped[0].reason).toBe("il faut une colonne Potentiel remplie pour chaque client.");
    const capacity = buildExercise(
      { title: "Capacité", clients: [], capital: { weeks: 45, daysPerWeek: 4, contactsPerDay: 3, segments: [{ label: "S1", clients: 492, norm: 4 }] } },
      { methods: ["capital", "abc"] },
    );
    expect(capacity.methods).toEqual(["capital"]);
    expect(capacity.answerKey.map((e) => e.expected)).toEqual([540, 1968, 1968, 1968 / 540, 4]);
  });

  it("above 1 000 clients, the client methods are left out with the reason; the capacity case stays", () => {
    const many = Array.from({ length: 1001 }, (_, i): ImportedClient => ({ id: `C${i}`, row: i + 2, ca: 1000 + i }));
    const b = buildExercise(data(many), { methods: ["abc", "capital"] });
    expect(b.methods).toEqual(["capital"]);
    expect(b.skipped).toEqual([{ method: "abc", reason: "un exercice porte sur 1 000 clients au plus : gardez un extrait du tableau." }]);
  });

  it("one client is a valid exercise (class A, rank 1, share 100 %)", () => {
    const one = buildExercise(data([{ id: "X", row: 2, ca: 500 }]), { methods: ["abc"] });
    expect(one.answerKey.map((e) => e.expected)).toEqual([500, 1, 1, 1, "A"]);
  });

  it.each([
    { right: 0, total: 15, lang: "fr" as const, out: "0 / 15 réponse juste" },
    { right: 1, total: 15, lang: "fr" as const, out: "1 / 15 réponse juste" },
    { right: 12, total: 15, lang: "fr" as const, out: "12 / 15 réponses justes" },
    { right: 1, total: 15, lang: "en" as const, out: "1 / 15 correct answer" },
    { right: 0, total: 15, lang: "en" as const, out: "0 / 15 correct answers" },
  ])("scoreText($right, $total, $lang) agrees in number: $out", ({ right, total, lang, out }) => {
    expect(scoreText(right, total, lang)).toBe(out);
  });

  it("writes English books too", () => {
    const en = buildExercise(data(TEN), { methods: ["abc"], lang: "en" });
    expect(en.student.sheets.map((s) => s.name)).toEqual(["Instructions", "ABC", "Answers"]);
    expect(en.answerKey.at(-1)?.expected).toBe("C");
  });
});
