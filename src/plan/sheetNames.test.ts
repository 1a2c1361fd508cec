import { isRowSource, linesOf } from "./rows";
import { ROW, RowFormula, formula, rowFormulas } from "./cells";
import { renameSheetsInPlan, resolveSheetNames } from "./sheetNames";
import type { RowSource, WorkbookPlan } from "./types";

const plan: WorkbookPlan = {
  sheets: [
    { name: "Contacts", blocks: [{ row: 0, col: 0, values: [[1, formula("B1*2", 2)]] }], formats: [] },
    { name: "PAC", blocks: [{ row: 0, col: 0, values: [[formula("'Contacts'!$A$1+'PAC'!$B$2", 1), "'Contacts'!A1 stays text"]] }], formats: [] },
  ],
};

describe("resolveSheetNames / renameSheetsInPlan", () => {
  it.each([
    { name: "free names", taken: [], replace: false, expected: [["Contacts", "Contacts"], ["PAC", "PAC"]] },
    { name: "a taken name gets (2)", taken: ["PAC"], replace: false, expected: [["Contacts", "Contacts"], ["PAC", "PAC (2)"]] },
    { name: "case does not matter", taken: ["pac", "PAC (2)"], replace: false, expected: [["Contacts", "Contacts"], ["PAC", "PAC (3)"]] },
    { name: "replace keeps the names", taken: ["PAC", "Contacts"], replace: true, expected: [["Contacts", "Contacts"], ["PAC", "PAC"]] },
  ])("resolveSheetNames(plan, taken): $name", ({ taken, replace, expected }) => {
    expect([...resolveSheetNames(plan, taken, replace)]).toEqual(expected);
  });

  it("resolveSheetNames cuts long names to 31 characters with their suffix", () => {
    const long = { sheets: [{ name: "X".repeat(31), blocks: [], formats: [] }] };
    expect(resolveSheetNames(long, ["X".repeat(31)]).get("X".repeat(31))).toBe(`${"X".repeat(27)} (2)`);
  });

  it("renameSheetsInPlan retargets quoted references in formulas only, in one pass", () => {
    const out = renameSheetsInPlan(plan, new Map([["Contacts", "PAC"], ["PAC", "PAC (2)"]]));
    expect(out.sheets.map((s) => s.name)).toEqual(["PAC", "PAC (2)"]);
    expect(linesOf(out.sheets[1].blocks[0].values)[0]).toEqual([{ formula: "'PAC'!$A$1+'PAC (2)'!$B$2", result: 1 }, "'Contacts'!A1 stays text"]);
    expect(renameSheetsInPlan(plan, new Map([["PAC", "PAC"]]))).toBe(plan);
  });

  it("renameSheetsInPlan keeps rows made when read (RowSource) made when read, retargeted as they are made", () => {
    let made = 0;
    const rows: RowSource = {
      length: 2,
      width: 2,
      row: (i) => {
        made++;
        return [formula(`'PAC'!$A$${i + 1}*2`, i), "'PAC'!A1 stays text"];
      },
    };
    const lazy: WorkbookPlan = { sheets: [{ name: "Cibles", blocks: [{ row: 1, col: 0, values: rows }], formats: [] }] };
    const out = renameSheetsInPlan(lazy, new Map([["PAC", "PAC (2)"]]));
    expect(made).toBe(0);
    const values = out.sheets[0].blocks[0].values;
    expect(isRowSource(values)).toBe(true);
    expect(linesOf(values)).toEqual([
      [{ formula: "'PAC (2)'!$A$1*2", result: 0 }, "'PAC'!A1 stays text"],
      [{ formula: "'PAC (2)'!$A$2*2", result: 1 }, "'PAC'!A1 stays text"],
    ]);
  });

  it("renameSheetsInPlan doubles apostrophes of a new name", () => {
    const out = renameSheetsInPlan(plan, new Map([["Contacts", "L'équipe"]]));
    expect(linesOf(out.sheets[1].blocks[0].values)[0][0]).toEqual({ formula: "'L''équipe'!$A$1+'PAC'!$B$2", result: 1 });
  });

  it("renameSheetsInPlan retargets drop-down sources and formula colours too", () => {
    const sheet = {
      name: "PAC",
      blocks: [],
      formats: [],
      validations: [{ range: { row: 1, col: 0, rows: 5, cols: 1 }, source: "'Catalogue'!$B$2:$B$60", allowOther: true }],
      formulaColours: [{ range: { row: 1, col: 1, rows: 5, cols: 1 }, formula: "B2='Catalogue'!$C$1", fill: "#C6EFCE" }],
    };
    const out = renameSheetsInPlan({ sheets: [sheet, { name: "Catalogue", blocks: [], formats: [] }] }, new Map([["Catalogue", "Catalogue (2)"]]));
    expect(out.sheets[0].validations?.[0]).toEqual({ ...sheet.validations[0], source: "'Catalogue (2)'!$B$2:$B$60" });
    expect(out.sheets[0].formulaColours?.[0].formula).toBe("B2='Catalogue (2)'!$C$1");
  });

  it("renameSheetsInPlan rewrites a column of row formulas once: the rows keep sharing their pieces", () => {
    const cell = rowFormulas(`D${ROW}*(1+'PAC'!$B$9)`);
    const column = { sheets: [{ name: "Cibles", blocks: [{ row: 1, col: 0, values: [[cell(2, 11)], [cell(3, 22)]] }], formats: [] }, { name: "PAC", blocks: [], formats: [] }] };
    const out = renameSheetsInPlan(column, new Map([["PAC", "PAC (2)"]]));
    const [[a], [b]] = out.sheets[0].blocks[0].values as RowFormula[][];
    expect([a.formula, a.result, b.formula, b.result]).toEqual(["D2*(1+'PAC (2)'!$B$9)", 11, "D3*(1+'PAC (2)'!$B$9)", 22]);
    expect(a).toBeInstanceOf(RowFormula);
    expect(a.pieces).toBe(b.pieces);
  });
});
