import { callsPacFunction, rewriteFormula, type Renames } from "./formulaRefs";

const renames: Renames = {
  sheets: new Map([
    ["pac", "PAC (2)"],
    ["l'été", "L'été (2)"],
  ]),
  tables: new Map([["cibles", "Cibles_2"]]),
};

describe("rewriteFormula(formula, renames)", () => {
  it.each([
    { name: "a bare sheet reference", f: "SUM(PAC!B2:B9)", out: "SUM('PAC (2)'!B2:B9)" },
    { name: "a quoted sheet reference", f: "'PAC'!A1*2", out: "'PAC (2)'!A1*2" },
    { name: "any case", f: "pac!A1", out: "'PAC (2)'!A1" },
    { name: "an apostrophe in the name", f: "'L''été'!A1", out: "'L''été (2)'!A1" },
    { name: "a structured reference", f: "SUM(Cibles[CA])", out: "SUM(Cibles_2[CA])" },
    { name: "text in quotes", f: 'PAC!A1&"PAC!A1 Cibles[x]"', out: "'PAC (2)'!A1&\"PAC!A1 Cibles[x]\"" },
    { name: "a doubled quote in text", f: '"a""PAC!A1"&PAC!A1', out: "\"a\"\"PAC!A1\"&'PAC (2)'!A1" },
    { name: "another sheet", f: "Clients!A1+MYPAC!A1", out: "Clients!A1+MYPAC!A1" },
    { name: "a name that ends like one", f: "XCibles[CA]", out: "XCibles[CA]" },
    { name: "no reference", f: "1+2", out: "1+2" },
  ])("rewriteFormula($name)", ({ f, out }) => {
    expect(rewriteFormula(f, renames)).toBe(out);
  });
});

describe("callsPacFunction(formula)", () => {
  it.each([
    { f: "=PAC.ABC(D2:D9)", out: true },
    { f: "=pac.rfm(A1)", out: true },
    { f: "=SUM(PAC.ABC(D2:D9))", out: true },
    { f: "=IF(A1,PAC.X.Y (1),0)", out: true },
    { f: '="PAC.ABC("', out: false },
    { f: "='PAC.data'!A1", out: false },
    { f: "=MYPAC.ABC(1)", out: false },
    { f: "=PAC.2024!A1", out: false },
    { f: "=SUM(A1)", out: false },
  ])("callsPacFunction($f) is $out", ({ f, out }) => {
    expect(callsPacFunction(f)).toBe(out);
  });
});
