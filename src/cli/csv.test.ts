import { parseCsv } from "../io";
import { csvField, toCsv } from "./csv";

describe("toCsv", () => {
  it.each([
    [null, ""],
    [undefined, ""],
    [12.5, "12.5"],
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=Équilibre Conseil SAS", "=Équilibre Conseil SAS"],
  ])("csvField(%p) is %p", (value, text) => {
    expect(csvField(value)).toBe(text);
  });

  it("toCsv(rows) ends every record with CRLF and reads back", () => {
    const rows = [["id", "abc"], ["Dupont, Fils & Cie SNC", "A"], ["x", null]];
    const text = toCsv(rows);
    expect(text).toBe('id,abc\r\n"Dupont, Fils & Cie SNC",A\r\nx,\r\n');
    expect(parseCsv(text, ",")).toEqual([["id", "abc"], ["Dupont, Fils & Cie SNC", "A"], ["x", ""]]);
  });
});
