import { countPhrase } from "../i18n/excel";
import { cellAddress, columnLetters, contains, parseRangeAddress, rangeAddress } from "./addresses";
import { isValidName, sheetNameProblem, uniqueSheetName, uniqueTableName } from "./names";
import { packOps, type Op } from "./ops";
import { chunkRows, uniformRowsPerChunk } from "./payload";
import { characterWidthToPoints, pageBreakRows, rowHeightRuns, textEqualsFormula } from "./sheetOps";

describe("A1 addresses", () => {
  it.each([
    { col: 0, letters: "A" },
    { col: 25, letters: "Z" },
    { col: 26, letters: "AA" },
    { col: 701, letters: "ZZ" },
    { col: 702, letters: "AAA" },
    { col: 16383, letters: "XFD" },
  ])("columnLetters($col) is $letters", ({ col, letters }) => {
    expect(columnLetters(col)).toBe(letters);
  });

  it("columnLetters(16384) throws", () => expect(() => columnLetters(16384)).toThrow(RangeError));

  it.each([
    { address: "B2", range: { row: 1, col: 1, rows: 1, cols: 1 } },
    { address: "b2:c5", range: { row: 1, col: 1, rows: 4, cols: 2 } },
    { address: "'Ma feuille'!$B$2:$C$5", range: { row: 1, col: 1, rows: 4, cols: 2 } },
    { address: "C5:B2", range: { row: 1, col: 1, rows: 4, cols: 2 } },
    { address: "A:A", range: undefined },
    { address: "B2:C3:D4", range: undefined },
    { address: "", range: undefined },
  ])("parseRangeAddress($address)", ({ address, range }) => {
    expect(parseRangeAddress(address)).toEqual(range);
  });

  it("rangeAddress and cellAddress write A1 addresses", () => {
    expect(rangeAddress({ row: 1, col: 1, rows: 4, cols: 2 })).toBe("B2:C5");
    expect(rangeAddress({ row: 0, col: 0, rows: 1, cols: 1 })).toBe("A1");
    expect(cellAddress(99, 27)).toBe("AB100");
  });

  it("contains(outer, inner)", () => {
    const outer = { row: 1, col: 1, rows: 5, cols: 1 };
    expect(contains(outer, { row: 5, col: 1, rows: 1, cols: 1 })).toBe(true);
    expect(contains(outer, { row: 6, col: 1, rows: 1, cols: 1 })).toBe(false);
  });
});

describe("sheet and table names", () => {
  it.each([
    { base: "PAC", taken: [], out: "PAC" },
    { base: "PAC", taken: ["pac"], out: "PAC (2)" },
    { base: "PAC", taken: ["pac", "pac (2)"], out: "PAC (3)" },
    { base: "Plan d'actions commerciales 2025", taken: ["plan d'actions commerciales 2025"], out: "Plan d'actions commerciales (2)" },
  ])("uniqueSheetName($base, $taken) is $out", ({ base, taken, out }) => {
    expect(uniqueSheetName(base, new Set(taken))).toBe(out);
    expect(out.length).toBeLessThanOrEqual(31);
  });

  it.each([
    { name: "PAC", problem: undefined },
    { name: "", problem: "empty" },
    { name: "a".repeat(32), problem: "longer than 31 characters" },
    { name: "A/B", problem: "contains one of : \\ / ? * [ ]" },
    { name: "'PAC", problem: "starts or ends with an apostrophe" },
    { name: "History", problem: "is reserved by Excel" },
  ])("sheetNameProblem($name)", ({ name, problem }) => {
    expect(sheetNameProblem(name)).toBe(problem);
  });

  it.each([
    { name: "Cibles", ok: true },
    { name: "_params", ok: true },
    { name: "Été.2025", ok: true },
    { name: "A1", ok: false },
    { name: "XFD100", ok: false },
    { name: "R1C1", ok: false },
    { name: "1abc", ok: false },
    { name: "a b", ok: false },
  ])("isValidName($name) is $ok", ({ name, ok }) => {
    expect(isValidName(name)).toBe(ok);
  });

  it("uniqueTableName(base, taken)", () => {
    expect(uniqueTableName("Cibles", new Set())).toBe("Cibles");
    expect(uniqueTableName("Cibles", new Set(["cibles", "cibles_2"]))).toBe("Cibles_3");
  });
});

describe("payload chunks and request packing", () => {
  const rows = Array.from({ length: 10 }, (_, i) => [i, "abc"]); // each row: [0,"abc"] = 9 chars + comma

  it.each([
    { name: "all rows fit", maxChars: 1000, maxRows: 100, sizes: [10] },
    { name: "a row cap", maxChars: 1000, maxRows: 4, sizes: [4, 4, 2] },
    { name: "a size cap", maxChars: 31, maxRows: 100, sizes: [3, 3, 3, 1] },
    { name: "a cap below one row", maxChars: 5, maxRows: 100, sizes: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] },
  ])("chunkRows(10 rows, $name)", ({ maxChars, maxRows, sizes }) => {
    const chunks = chunkRows(rows, maxChars, maxRows);
    expect(chunks.map((c) => c.rows.length)).toEqual(sizes);
    expect(chunks.map((c) => c.start)).toEqual(sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0)));
    for (const c of chunks) {
      expect(c.chars).toBe(JSON.stringify(c.rows).length);
      if (c.rows.length > 1) expect(c.chars).toBeLessThanOrEqual(maxChars);
    }
  });

  it("chunkRows([]) gives no chunk", () => expect(chunkRows([], 10, 10)).toEqual([]));

  it("uniformRowsPerChunk(rowChars, maxChars, maxRows)", () => {
    expect(uniformRowsPerChunk(9, 31, 100)).toBe(3);
    expect(uniformRowsPerChunk(9, 4_000_000, 20_000)).toBe(20_000);
    expect(uniformRowsPerChunk(100, 10, 5)).toBe(1);
  });

  it.each([
    { name: "fits in one", sizes: [1, 2, 3], max: 6, batches: [[1, 2, 3]] },
    { name: "splits in order", sizes: [3, 3, 3], max: 6, batches: [[3, 3], [3]] },
    { name: "an op above the limit goes alone", sizes: [2, 9, 2], max: 6, batches: [[2], [9], [2]] },
    { name: "nothing", sizes: [], max: 6, batches: [] },
  ])("packOps($name)", ({ sizes, max, batches }) => {
    const ops: Op[] = sizes.map((chars) => ({ chars, apply: () => undefined }));
    expect(packOps(ops, max).map((b) => b.map((op) => op.chars))).toEqual(batches);
  });
});

describe("small conversions", () => {
  it.each([
    { chars: 0, points: 0 },
    { chars: 10, points: 56.25 },
    { chars: 8.43, points: 48 },
  ])("characterWidthToPoints($chars) is $points", ({ chars, points }) => {
    expect(characterWidthToPoints(chars)).toBeCloseTo(points, 1);
  });

  it.each([
    { name: "nothing", heights: [], runs: [] },
    { name: "one row", heights: [{ row: 2, height: 20 }], runs: [{ row: 2, rows: 1, height: 20 }] },
    {
      name: "consecutive equal rows",
      heights: [
        { row: 2, height: 20 },
        { row: 3, height: 20 },
        { row: 4, height: 20 },
      ],
      runs: [{ row: 2, rows: 3, height: 20 }],
    },
    {
      name: "a gap or another height cuts a run",
      heights: [
        { row: 2, height: 20 },
        { row: 4, height: 20 },
        { row: 5, height: 30 },
      ],
      runs: [
        { row: 2, rows: 1, height: 20 },
        { row: 4, rows: 1, height: 20 },
        { row: 5, rows: 1, height: 30 },
      ],
    },
    {
      name: "unordered, a row twice (the last wins)",
      heights: [
        { row: 5, height: 20 },
        { row: 4, height: 15 },
        { row: 4, height: 20 },
      ],
      runs: [{ row: 4, rows: 2, height: 20 }],
    },
  ])("rowHeightRuns($name)", ({ heights, runs }) => {
    expect(rowHeightRuns(heights)).toEqual(runs);
  });

  it("pageBreakRows drops row 0 and repeats, and sorts", () => {
    expect(pageBreakRows([40, 0, 20, 40])).toEqual([20, 40]);
    expect(pageBreakRows([])).toEqual([]);
  });

  it("textEqualsFormula doubles quotes", () => {
    expect(textEqualsFormula('A "B"')).toBe('="A ""B"""');
  });

  it.each([
    { noun: "formula", n: 0, fr: "0 formule", en: "0 formulas" },
    { noun: "formula", n: 1, fr: "1 formule", en: "1 formula" },
    { noun: "sheet", n: 2, fr: "2 feuilles", en: "2 sheets" },
    { noun: "formula", n: 1234, fr: "1\u202f234 formules", en: "1,234 formulas" },
  ] as const)("countPhrase($noun, $n)", ({ noun, n, fr, en }) => {
    expect(countPhrase(noun, n, "fr")).toBe(fr);
    expect(countPhrase(noun, n, "en")).toBe(en);
  });
});
