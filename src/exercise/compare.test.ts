import { checkFormula, fold, foldFormula, isRight, type AnswerKind } from "./compare";

describe("isRight(answer, expected, kind): how a student's answer is compared", () => {
  it.each<{ name: string; answer: unknown; expected: number | string; kind: AnswerKind; right: boolean | null }>([
    { name: "empty answer: no verdict", answer: "", expected: 3, kind: "integer", right: null },
    { name: "null answer: no verdict", answer: null, expected: "A", kind: "text", right: null },
    { name: "rank exact", answer: 3, expected: 3, kind: "integer", right: true },
    { name: "rank off by one", answer: 4, expected: 3, kind: "integer", right: false },
    { name: "rank typed as text is wrong", answer: "3", expected: 3, kind: "integer", right: false },
    { name: "negative gap", answer: -2, expected: -2, kind: "integer", right: true },
    { name: "share as 0,77", answer: 0.77, expected: 0.77, kind: "share", right: true },
    { name: "share as 77 (percent number)", answer: 77, expected: 0.77, kind: "share", right: true },
    { name: "share rounded to the whole percent", answer: 0.4, expected: 0.4038, kind: "share", right: true },
    { name: "share one point off", answer: 0.79, expected: 0.77, kind: "share", right: false },
    { name: "coefficient 0,6", answer: 0.6, expected: 0.6000000000000001, kind: "decimal2", right: true },
    { name: "coefficient 0,61 is wrong", answer: 0.61, expected: 0.6, kind: "decimal2", right: false },
    { name: "ratio 4,8 for 4,8037", answer: 4.8, expected: 2594 / 540, kind: "decimal1", right: true },
    { name: "ratio 5 for 4,8037 is wrong", answer: 5, expected: 2594 / 540, kind: "decimal1", right: false },
    { name: "median 4 500 €", answer: 4500, expected: 4500, kind: "amount", right: true },
    { name: "class in lower case", answer: "a", expected: "A", kind: "text", right: true },
    { name: "class with spaces", answer: "  B ", expected: "B", kind: "text", right: true },
    { name: "wrong class", answer: "B", expected: "A", kind: "text", right: false },
    { name: "P-R code without hyphen", answer: "p1 r3", expected: "P1-R3", kind: "text", right: true },
    { name: "target without accent", answer: "developper", expected: "Développer", kind: "text", right: true },
    { name: "quadrant, typographic apostrophe and œ", answer: "poules aux oeufs d’or", expected: "Poules aux œufs d'or", kind: "text", right: true },
    { name: "RFM code typed as a number", answer: 543, expected: "543", kind: "text", right: true },
    { name: "RFM code in another order", answer: 345, expected: "543", kind: "text", right: false },
  ])("$name", ({ answer, expected, kind, right }) => {
    expect(isRight(answer, expected, kind)).toBe(right);
  });
});

describe("the check formulas", () => {
  it("fold(text) drops case, accents, spaces and hyphens", () => {
    expect(fold(" Réaction inverse ")).toBe("reactioninverse");
    expect(fold("P1-R3")).toBe("p1r3");
  });

  it("checkFormula(x, expected, kind): blank while empty, ISNUMBER before any arithmetic", () => {
    expect(checkFormula("D9", "'Réponses'!$D$2", "integer")).toBe(`IF(D9="","",IF(ISNUMBER(D9),IF(ABS(D9-'Réponses'!$D$2)<=0.000001,1,0),0))`);
    expect(checkFormula("D9", "'Réponses'!$D$2", "share")).toBe(`IF(D9="","",IF(ISNUMBER(D9),IF(OR(ABS(D9-'Réponses'!$D$2)<=0.005,ABS(D9/100-'Réponses'!$D$2)<=0.005),1,0),0))`);
    expect(checkFormula("D9", "'Réponses'!$D$2", "text")).toBe(`IF(D9="","",IF(${foldFormula("D9")}=${foldFormula("'Réponses'!$D$2")},1,0))`);
  });

  it("foldFormula(x) uses classic functions only and never names the expected answer", () => {
    const f = foldFormula("'Réponses'!$D$7");
    expect(f.match(/\b[A-Z]+(?=\()/g)?.every((fn) => ["SUBSTITUTE", "LOWER", "TRIM"].includes(fn))).toBe(true);
    expect(f).toContain("'Réponses'!$D$7");
  });
});
