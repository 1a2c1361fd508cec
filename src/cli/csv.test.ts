import { parseCsv } from "../io/csv";
import { CSV_EN, CSV_FR, csvField, looksLikeFormula, toCsv } from "./csv";

describe("csvField(value, style)", () => {
  it.each([
    { name: "null", value: null, en: "", fr: "" },
    { name: "undefined", value: undefined, en: "", fr: "" },
    { name: "a decimal number", value: 12.5, en: "12.5", fr: "12,5" },
    { name: "a negative number is a number, never escaped", value: -3, en: "-3", fr: "-3" },
    { name: "a negative decimal", value: -0.25, en: "-0.25", fr: "-0,25" },
    { name: "zero", value: 0, en: "0", fr: "0" },
    { name: "plain text", value: "plain", en: "plain", fr: "plain" },
    { name: "the other language's separator is plain text", value: "a;b,c", en: '"a;b,c"', fr: '"a;b,c"' },
    { name: "a comma alone", value: "a,b", en: '"a,b"', fr: "a,b" },
    { name: "quotes doubled", value: 'say "hi"', en: '"say ""hi"""', fr: '"say ""hi"""' },
    { name: "a line break", value: "two\nlines", en: '"two\nlines"', fr: '"two\nlines"' },
    { name: "empty text", value: "", en: "", fr: "" },
  ])("csvField: $name", ({ value, en, fr }) => {
    expect(csvField(value, CSV_EN)).toBe(en);
    expect(csvField(value, CSV_FR)).toBe(fr);
  });

  // OWASP "CSV Injection": text starting with = + - @ tab or CR gets a leading ' and is quoted.
  it.each([
    { name: "DDE payload", value: "=cmd|' /C calc'!A0", out: `"'=cmd|' /C calc'!A0"` },
    { name: "+SUM", value: "+SUM(1)", out: `"'+SUM(1)"` },
    { name: "-SUM", value: "-SUM(1)", out: `"'-SUM(1)"` },
    { name: "@SUM", value: "@SUM(1)", out: `"'@SUM(1)"` },
    { name: "WEBSERVICE", value: '=WEBSERVICE("http://x")', out: `"'=WEBSERVICE(""http://x"")"` },
    { name: "a leading tab", value: "\t=1", out: `"'\t=1"` },
    { name: "a leading carriage return", value: "\r=1", out: `"'\r=1"` },
    { name: "after leading spaces", value: "  =1+1", out: `"'  =1+1"` },
    { name: "full-width equals", value: "＝1+1", out: `"'＝1+1"` },
    { name: "a negative number as text is text", value: "-12", out: `"'-12"` },
    { name: "a formula-like company name", value: "=Équilibre Conseil SAS", out: `"'=Équilibre Conseil SAS"` },
    { name: "= inside the text is harmless", value: "a=b", out: "a=b" },
  ])("csvField escapes formula text: $name", ({ value, out }) => {
    expect(looksLikeFormula(value)).toBe(out !== value);
    expect(csvField(value, CSV_FR)).toBe(out);
    // Read back, the cell is the text with its leading quote: a spreadsheet shows it as text.
    expect(parseCsv(`${out}\n`, ";")[0][0]).toBe(out === value ? value : `'${value}`);
  });
});

describe("toCsv(rows, style)", () => {
  it("English: ',' and '.', CRLF after every record, reads back", () => {
    const rows = [["id", "e"], ["Dupont, Fils & Cie SNC", 0.6], ["x", null]];
    const text = toCsv(rows, CSV_EN);
    expect(text).toBe('id,e\r\n"Dupont, Fils & Cie SNC",0.6\r\nx,\r\n');
    expect(parseCsv(text, ",")).toEqual([["id", "e"], ["Dupont, Fils & Cie SNC", "0.6"], ["x", ""]]);
  });

  it("French: ';' and a decimal comma, what a French Excel splits", () => {
    const text = toCsv([["id", "e", "gap"], ["Dupont; Fils", 0.6, -2]], CSV_FR);
    expect(text).toBe('id;e;gap\r\n"Dupont; Fils";0,6;-2\r\n');
    expect(parseCsv(text, ";")).toEqual([["id", "e", "gap"], ["Dupont; Fils", "0,6", "-2"]]);
  });
});
