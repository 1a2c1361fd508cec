import { XMLValidator } from "fast-xml-parser";
import { formula } from "../plan/cells";
import { escapeText, insertBulkRows } from "./bulkRows";

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

const SHEET = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C2"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" s="4"><v>1</v></c><c r="C2" s="7"/></row><row r="9"><c r="A9"><v>9</v></c></row></sheetData></worksheet>`;

describe("insertBulkRows", () => {
  it("insertBulkRows(xml, runs): rows after the template, its styles column by column, before the next row", () => {
    const out = text(insertBulkRows(SHEET, [{ templateRow: 1, col: 0, rows: [[2, "b", 3.5], [null, true, formula("A3*2", 4)]] }]));
    expect(out).toContain(
      '<row r="2"><c r="A2" s="4"><v>1</v></c><c r="C2" s="7"/></row>' +
        '<row r="3"><c r="A3" s="4"><v>2</v></c><c r="B3" t="inlineStr"><is><t>b</t></is></c><c r="C3" s="7"><v>3.5</v></c></row>' +
        '<row r="4"><c r="A4" s="4"/><c r="B4" t="b"><v>1</v></c><c r="C4" s="7"><f>A3*2</f><v>4</v></c></row>' +
        '<row r="9">',
    );
    expect(out).toContain('<dimension ref="A1:C4"/>');
    expect(XMLValidator.validate(out)).toBe(true);
  });

  it.each([
    { name: "formula-looking text stays inline text", value: "=SOMME(A1)", xml: '<c r="A3" s="4" t="inlineStr"><is><t>=SOMME(A1)</t></is></c>' },
    { name: "markup is escaped", value: 'a<b & "c">', xml: "<t>a&lt;b &amp; &quot;c&quot;&gt;</t>" },
    { name: "control characters are dropped", value: "x\u0001y", xml: "<t>xy</t>" },
    { name: "edge spaces are preserved", value: " x ", xml: '<t xml:space="preserve"> x </t>' },
    { name: "a string result is typed str", value: formula('"a"&"b"', "ab"), xml: '<c r="A3" s="4" t="str"><f>&quot;a&quot;&amp;&quot;b&quot;</f><v>ab</v></c>' },
  ])("insertBulkRows: $name", ({ value, xml }) => {
    const out = text(insertBulkRows(SHEET, [{ templateRow: 1, col: 0, rows: [[value]] }]));
    expect(out).toContain(xml);
    expect(XMLValidator.validate(out)).toBe(true);
  });

  it("insertBulkRows refuses a run over rows already written (it would make a corrupt file)", () => {
    expect(() => insertBulkRows(SHEET, [{ templateRow: 1, col: 0, rows: Array.from({ length: 8 }, () => [1]) }])).toThrow(/row 9 was written twice/);
  });

  it("insertBulkRows with no run returns the sheet unchanged", () => {
    expect(text(insertBulkRows(SHEET, []))).toBe(SHEET);
  });

  it("escapeText leaves plain text as it is", () => {
    const text = "Boulangerie Martin";
    expect(escapeText(text)).toBe(text);
  });
});
