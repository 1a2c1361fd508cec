import { parseNumberText, readFlag, readNumber } from "./numbers";
import { normaliseCell } from "./cells";

describe("parseNumberText", () => {
  const read: [string, number][] = [
    ["1234", 1234],
    ["1 234,50 €", 1234.5],
    ["1\u00a0234,50\u00a0€", 1234.5],
    ["1\u202f234\u202f567,89", 1234567.89],
    ["12,5", 12.5],
    ["12.5", 12.5],
    [",5", 0.5],
    ["1.234,50", 1234.5],
    ["1,234.50", 1234.5],
    ["1,234,567", 1234567],
    ["1.234.567", 1234567],
    ["1'234,50", 1234.5],
    ["1’234.50", 1234.5],
    ["12,5 %", 0.125],
    ["-12,5%", -0.125],
    ["-1 234", -1234],
    ["−1 234", -1234],
    ["+42", 42],
    ["(1 234,50)", -1234.5],
    ["(1 234,50 €)", -1234.5],
    ["€1234.5", 1234.5],
    ["-€12", -12],
    ["1 234,50 EUR", 1234.5],
    ["1234 euros", 1234],
    ["$1,234.50", 1234.5],
    ["1.5E+3", 1500],
    ["0", 0],
    ["  7  ", 7],
  ];
  it.each(read)("parseNumberText(%j) = %d", (text, value) => {
    expect(parseNumberText(text)).toBeCloseTo(value, 10);
  });

  const refused = ["", "abc", "12 34", "1 2345", "1,2,3", "1.2.3", "1,234.5.6", "12abc", "--3", "(-3)", "N.C.", "—", "-", "1 234,50 £ €", "0x1F", "Infinity", "1e999", "12 k€"];
  it.each(refused)("parseNumberText(%j) is NaN (never a guess)", (text) => {
    expect(parseNumberText(text)).toBeNaN();
  });
});

describe("readNumber", () => {
  const cases: { name: string; value: unknown; reading: ReturnType<typeof readNumber> }[] = [
    { name: "a number", value: 3, reading: { ok: true, value: 3 } },
    { name: "French text", value: "3,5", reading: { ok: true, value: 3.5 } },
    { name: "text that is no number", value: "trois", reading: { ok: false, problem: "text" } },
    { name: "a blank is not 0", value: "", reading: { ok: false, problem: "blank" } },
    { name: "an error", value: "#N/A", reading: { ok: false, problem: "error" } },
    { name: "a boolean", value: true, reading: { ok: false, problem: "boolean" } },
    { name: "a date", value: new Date(0), reading: { ok: false, problem: "date" } },
    { name: "a formula result", value: { formula: "A1", result: "1 000" }, reading: { ok: true, value: 1000 } },
  ];
  it.each(cases)("readNumber(cell): $name", ({ value, reading }) => {
    expect(readNumber(normaliseCell(value))).toEqual(reading);
  });
});

describe("readFlag", () => {
  const cases: [unknown, boolean | undefined | "unreadable"][] = [
    [true, true], [false, false], [1, true], [0, false], [2, "unreadable"],
    ["oui", true], ["OUI", true], ["Non", false], ["x", true], ["X", true], ["prospect", true], ["Prospect", true],
    ["client", false], ["yes", true], ["no", false], ["vrai", true], ["faux", false], ["✓", true],
    ["", undefined], [null, undefined], ["peut-être", "unreadable"], ["#N/A", "unreadable"], [new Date(0), "unreadable"],
  ];
  it.each(cases)("readFlag(%j) = %j", (value, flag) => {
    expect(readFlag(normaliseCell(value))).toBe(flag);
  });
});
