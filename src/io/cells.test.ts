import { UNSUPPORTED_VALUE, cellToLabel, displayCell, normaliseCell, type Cell } from "./cells";
import { daysFromCivil } from "./dates";

describe("normaliseCell", () => {
  const cases: { name: string; value: unknown; cell: Cell }[] = [
    { name: "null is blank", value: null, cell: { kind: "blank" } },
    { name: "undefined is blank", value: undefined, cell: { kind: "blank" } },
    { name: "Office.js blank \"\"", value: "", cell: { kind: "blank" } },
    { name: "spaces and non-breaking spaces are blank", value: " \u00a0\u202f ", cell: { kind: "blank" } },
    { name: "a zero-width space alone is blank", value: "\u200b", cell: { kind: "blank" } },
    { name: "text is trimmed", value: "  Dupont SA\u00a0", cell: { kind: "text", value: "Dupont SA" } },
    { name: "a formula-like text stays text", value: "=SOMME(A1)", cell: { kind: "text", value: "=SOMME(A1)" } },
    { name: "Office.js error string", value: "#N/A", cell: { kind: "error", value: "#N/A" } },
    { name: "French error string", value: "#VALEUR!", cell: { kind: "error", value: "#VALEUR!" } },
    { name: "lower-case error string", value: "#n/a", cell: { kind: "error", value: "#N/A" } },
    { name: "a text starting with # that is no error", value: "#12", cell: { kind: "text", value: "#12" } },
    { name: "a number", value: 1234.5, cell: { kind: "number", value: 1234.5 } },
    { name: "a negative zero is a number", value: -0, cell: { kind: "number", value: -0 } },
    { name: "NaN is #NUM!", value: NaN, cell: { kind: "error", value: "#NUM!" } },
    { name: "Infinity is #NUM!", value: Infinity, cell: { kind: "error", value: "#NUM!" } },
    { name: "a bigint", value: BigInt(12), cell: { kind: "number", value: 12 } },
    { name: "a boolean", value: false, cell: { kind: "boolean", value: false } },
    { name: "an exceljs Date, time dropped", value: new Date(Date.UTC(2024, 0, 5, 23, 59)), cell: { kind: "date", day: daysFromCivil(2024, 1, 5) } },
    { name: "an invalid Date", value: new Date(NaN), cell: { kind: "error", value: "#VALUE!" } },
    { name: "formula with its result", value: { formula: "B2*2", result: 84 }, cell: { kind: "number", value: 84 } },
    { name: "formula whose result is an error", value: { formula: "1/0", result: { error: "#DIV/0!" } }, cell: { kind: "error", value: "#DIV/0!" } },
    { name: "formula without a cached result", value: { formula: "TODAY()" }, cell: { kind: "blank" } },
    { name: "shared formula", value: { sharedFormula: "C2", result: "x" }, cell: { kind: "text", value: "x" } },
    { name: "rich text", value: { richText: [{ text: "Dupont " }, { font: {}, text: "SA" }] }, cell: { kind: "text", value: "Dupont SA" } },
    { name: "hyperlink", value: { text: "Martin", hyperlink: "mailto:m@x.fr" }, cell: { kind: "text", value: "Martin" } },
    { name: "hyperlink with rich text", value: { text: { richText: [{ text: "Ma" }, { text: "rtin" }] }, hyperlink: "x" }, cell: { kind: "text", value: "Martin" } },
    { name: "exceljs error", value: { error: "#REF!" }, cell: { kind: "error", value: "#REF!" } },
    { name: "an unknown object", value: { foo: 1 }, cell: { kind: "error", value: UNSUPPORTED_VALUE } },
    { name: "an array inside a cell", value: [1, 2], cell: { kind: "error", value: UNSUPPORTED_VALUE } },
    { name: "a function", value: () => 1, cell: { kind: "error", value: UNSUPPORTED_VALUE } },
    { name: "a symbol", value: Symbol("x"), cell: { kind: "error", value: UNSUPPORTED_VALUE } },
  ];
  it.each(cases)("normaliseCell(value): $name", ({ value, cell }) => {
    expect(normaliseCell(value)).toEqual(cell);
  });

  it("normaliseCell does not modify an exceljs object", () => {
    const value = Object.freeze({ formula: "A1", result: Object.freeze({ error: "#N/A" }) });
    expect(normaliseCell(value)).toEqual({ kind: "error", value: "#N/A" });
  });
});

describe("displayCell and cellToLabel", () => {
  const cases: { name: string; cell: Cell; display: string; label: string | undefined }[] = [
    { name: "blank", cell: { kind: "blank" }, display: "", label: undefined },
    { name: "integer id", cell: { kind: "number", value: 12417 }, display: "12417", label: "12417" },
    { name: "text with inner runs of spaces", cell: { kind: "text", value: "Dupont   SA" }, display: "Dupont   SA", label: "Dupont SA" },
    { name: "boolean", cell: { kind: "boolean", value: true }, display: "VRAI", label: "VRAI" },
    { name: "date", cell: { kind: "date", day: daysFromCivil(2025, 3, 5) }, display: "2025-03-05", label: "2025-03-05" },
    { name: "error", cell: { kind: "error", value: "#N/A" }, display: "#N/A", label: undefined },
    { name: "long text is cut for messages", cell: { kind: "text", value: "x".repeat(50) }, display: `${"x".repeat(39)}…`, label: "x".repeat(50) },
  ];
  it.each(cases)("displayCell / cellToLabel: $name", ({ cell, display, label }) => {
    expect(displayCell(cell)).toBe(display);
    expect(cellToLabel(cell)).toBe(label);
  });
});
