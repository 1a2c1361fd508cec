import { ROW, formula, rowFormulas } from "../plan/cells";
import { cellFilledDown, filledDown } from "./sharedFormulas";

describe("filledDown", () => {
  it.each([
    { name: "relative rows one more", above: "IF(D2>0,D2*(1+'PAC'!$B$9),0)", below: "IF(D3>0,D3*(1+'PAC'!$B$9),0)", filled: true },
    { name: "a row crossing a power of ten", above: "D9+$E9+E$1", below: "D10+$E10+E$1", filled: true },
    { name: "both ends of a relative range", above: "SUM(B2:M2)", below: "SUM(B3:M3)", filled: true },
    { name: "an absolute row stays", above: "A$1+B2", below: "A$2+B3", filled: false },
    { name: "a relative row that does not move", above: "A1+B2", below: "A1+B3", filled: false },
    { name: "a row two more", above: "B2", below: "B4", filled: false },
    { name: "a string that looks like a reference", above: 'IF(A2="B2",1,0)', below: 'IF(A3="B3",1,0)', filled: false },
    { name: "a quoted sheet name with digits", above: "'Q1 2024'!A2", below: "'Q1 2024'!A3", filled: true },
    { name: "a function with digits", above: "LOG10(A2)", below: "LOG10(A3)", filled: true },
    { name: "a name with digits is no reference", above: "CA_2024*A2", below: "CA_2025*A3", filled: false },
    { name: "CA2024 is a cell, as in Excel", above: "CA2024*A2", below: "CA2025*A3", filled: true },
    { name: "a number is no reference", above: "A2*1.05", below: "A3*1.06", filled: false },
    { name: "a different text", above: "MAX(A2,0)", below: "MIN(A3,0)", filled: false },
    { name: "a longer text", above: "A2", below: "A3+1", filled: false },
    { name: "an escaped quote in a string", above: 'IF(A2="a""B2",1,0)', below: 'IF(A3="a""B2",1,0)', filled: true },
  ])("$name", ({ above, below, filled }) => {
    expect(filledDown(above, below)).toBe(filled);
  });
});

describe("cellFilledDown", () => {
  const objective = rowFormulas(`IF(D${ROW}>0,D${ROW}*(1+'PAC'!$B$9),0)`);
  it("row formulas of the same pieces on consecutive rows fill down, without their texts", () => {
    expect(cellFilledDown(objective(9, 1), objective(10, 2))).toBe(true);
    expect(cellFilledDown(objective(9, 1), objective(11, 2))).toBe(false);
  });
  it("pieces that do not fill down (a relative row that stays) never do", () => {
    const fixed = rowFormulas(`A1+B${ROW}`);
    expect(cellFilledDown(fixed(2), fixed(3))).toBe(false);
  });
  it("any other pair is compared as texts", () => {
    expect(cellFilledDown(objective(2), formula("IF(D3>0,D3*(1+'PAC'!$B$9),0)"))).toBe(true);
    expect(cellFilledDown(formula("B2"), formula("B4"))).toBe(false);
  });
});
