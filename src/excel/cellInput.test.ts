import { cellInput, escapeText, isFormulaInput, needsTextEscape, valueInput } from "./cellInput";

describe("escapeText(text)", () => {
  it.each([
    { name: "a formula", text: "=1+1", out: "'=1+1" },
    { name: "a plus sign", text: "+33 6 12 34 56 78", out: "'+33 6 12 34 56 78" },
    { name: "a minus sign", text: "-5 %", out: "'-5 %" },
    { name: "an at sign", text: "@home", out: "'@home" },
    { name: "a leading apostrophe", text: "'cité", out: "''cité" },
    { name: "leading zeros", text: "00123", out: "'00123" },
    { name: "a decimal comma", text: "12,5", out: "'12,5" },
    { name: "a date", text: "14/03/2025", out: "'14/03/2025" },
    { name: "a month and year", text: "mars 2024", out: "'mars 2024" },
    { name: "an amount", text: "€ 12", out: "'€ 12" },
    { name: "a logical value", text: "vrai", out: "'vrai" },
    { name: "an error", text: "#N/A", out: "'#N/A" },
    { name: "plain text", text: "Client A", out: "Client A" },
    { name: "a month name alone", text: "Mars", out: "Mars" },
    { name: "a parenthesis without digits", text: "(voir note)", out: "(voir note)" },
    { name: "empty text", text: "", out: "" },
    { name: "blanks only", text: "   ", out: "   " },
  ])("escapeText($name)", ({ text, out }) => {
    expect(escapeText(text)).toBe(out);
    expect(needsTextEscape(text)).toBe(out !== text);
  });
});

describe("cellInput(value)", () => {
  it.each([
    { name: "null", value: null, out: "" },
    { name: "a number", value: -12.5, out: -12.5 },
    { name: "zero", value: 0, out: 0 },
    { name: "a logical", value: false, out: false },
    { name: "a text like a formula", value: "=SUM(A1)", out: "'=SUM(A1)" },
    { name: "a formula", value: { formula: "SUM(A1:A3)" }, out: "=SUM(A1:A3)" },
  ])("cellInput($name)", ({ value, out }) => {
    expect(cellInput(value)).toBe(out);
    expect(isFormulaInput(cellInput(value))).toBe(typeof value === "object" && value !== null);
  });

  it.each([
    { name: "NaN", value: Number.NaN },
    { name: "Infinity", value: Number.POSITIVE_INFINITY },
    { name: "a formula with its =", value: { formula: "=A1" } },
    { name: "an empty formula", value: { formula: "" } },
  ])("cellInput($name) throws a TypeError", ({ value }) => {
    expect(() => cellInput(value)).toThrow(TypeError);
  });

  it("cellInput(formula, rewrite) retargets the formula", () => {
    expect(cellInput({ formula: "PAC!A1" }, (f) => f.replace("PAC", "'PAC (2)'"))).toBe("='PAC (2)'!A1");
  });
});

describe("valueInput(value read from Excel)", () => {
  it.each([
    { name: "a text", value: "-", out: "'-" },
    { name: "a number", value: 3, out: 3 },
    { name: "NaN", value: Number.NaN, out: "" },
    { name: "a logical", value: true, out: true },
    { name: "null", value: null, out: "" },
    { name: "an object", value: { type: "Entity" }, out: "" },
  ])("valueInput($name)", ({ value, out }) => {
    expect(valueInput(value)).toBe(out);
  });
});
