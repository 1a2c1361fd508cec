import { combineSheets, fromFirstRow } from "./combineSheets";

const H = ["Client", "CA 2024", "CA 2025"];

describe("combineSheets", () => {
  it.each([
    { name: "no sheet", tables: [], expected: { ok: true, rows: [], firstRowNumber: 1, parts: [] } },
    {
      name: "one sheet: its rows as they are",
      tables: [{ name: "A", rows: [H, ["x", 1, 2]], firstRowNumber: 1 }],
      expected: { ok: true, rows: [H, ["x", 1, 2]], firstRowNumber: 1, parts: [{ sheet: "A", from: 2, to: 2 }] },
    },
    {
      name: "two sheets: the second's data rows under the first's header",
      tables: [
        { name: "A", rows: [H, ["x", 1, 2]], firstRowNumber: 1 },
        { name: "B", rows: [H, ["y", 3, 4], ["z", 5, 6]], firstRowNumber: 1 },
      ],
      expected: { ok: true, rows: [H, ["x", 1, 2], ["y", 3, 4], ["z", 5, 6]], firstRowNumber: 1, parts: [{ sheet: "A", from: 2, to: 2 }, { sheet: "B", from: 3, to: 4 }] },
    },
    {
      name: "first sheet starting at row 3 and a header-only sheet (an empty part)",
      tables: [
        { name: "A", rows: [H, ["x", 1, 2]], firstRowNumber: 3 },
        { name: "B", rows: [H], firstRowNumber: 1 },
        { name: "C", rows: [H, ["y", 3, 4]], firstRowNumber: 1 },
      ],
      expected: { ok: true, rows: [H, ["x", 1, 2], ["y", 3, 4]], firstRowNumber: 3, parts: [{ sheet: "A", from: 4, to: 4 }, { sheet: "B", from: 5, to: 4 }, { sheet: "C", from: 5, to: 5 }] },
    },
    {
      name: "title rows above a header: kept on the first sheet, skipped on the others",
      tables: [
        { name: "A", rows: [["Ventes 2024"], H, ["x", 1, 2]], firstRowNumber: 1 },
        { name: "B", rows: [["Ventes 2025"], [], H, ["y", 3, 4]], firstRowNumber: 2 },
      ],
      expected: { ok: true, rows: [["Ventes 2024"], H, ["x", 1, 2], ["y", 3, 4]], firstRowNumber: 1, parts: [{ sheet: "A", from: 3, to: 3 }, { sheet: "B", from: 4, to: 4 }] },
    },
    {
      name: "columns in another order: refused, naming the sheet",
      tables: [
        { name: "A", rows: [H], firstRowNumber: 1 },
        { name: "B", rows: [["CA 2024", "Client", "CA 2025"]], firstRowNumber: 1 },
        { name: "C", rows: [H], firstRowNumber: 1 },
      ],
      expected: { ok: false, differ: ["B"] },
    },
    {
      name: "an empty sheet and a notes sheet: refused, both named",
      tables: [
        { name: "A", rows: [H], firstRowNumber: 1 },
        { name: "Vide", rows: [], firstRowNumber: 1 },
        { name: "Notes", rows: [["Lisez-moi"]], firstRowNumber: 1 },
      ],
      expected: { ok: false, differ: ["Vide", "Notes"] },
    },
  ])("$name", ({ tables, expected }) => {
    expect(combineSheets(tables)).toEqual(expected);
  });
});

describe("fromFirstRow", () => {
  it.each([
    { name: "no rows", rows: [], expected: { rows: [], firstRowNumber: 1 } },
    { name: "no empty row", rows: [["a"]], expected: { rows: [["a"]], firstRowNumber: 1 } },
    { name: "empty, null and blank rows above", rows: [[], [null, undefined], ["  ", ""], ["a"]], expected: { rows: [["a"]], firstRowNumber: 4 } },
    { name: "only empty rows", rows: [[], [""]], expected: { rows: [], firstRowNumber: 3 } },
  ])("$name", ({ rows, expected }) => {
    expect(fromFirstRow(rows as unknown[][])).toEqual(expected);
  });
});
