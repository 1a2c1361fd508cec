import { XMLValidator } from "fast-xml-parser";
import { formula, ROW, rowFormulas } from "../plan/cells";
import type { PlanValue, RowSource, SheetPlan } from "../plan/types";
import { countSharedItems } from "./graft";
import { colsXml, sheetXml } from "./sheetXml";
import { SharedStrings, StyleTable } from "./styles";

const empty: SheetPlan = { name: "S", blocks: [], formats: [] };

function text(sheet: SheetPlan, { sst, ...shift } = { xf: 0, dxf: 0, sst: 0 }): { xml: string; strings: SharedStrings; styles: StyleTable } {
  const strings = new SharedStrings(sst);
  const styles = new StyleTable();
  const chunks = sheetXml(sheet, { styles, strings, shift, links: { tables: [] }, selected: true });
  return { xml: chunks.map((c) => new TextDecoder().decode(c)).join(""), strings, styles };
}

describe("colsXml", () => {
  it.each([
    {
      name: "widths as runs of equal columns",
      sheet: { ...empty, columnWidths: [10, 10, 12] },
      out: '<cols><col min="1" max="2" width="10" customWidth="1"/><col min="3" max="3" width="12" customWidth="1"/></cols>',
    },
    {
      name: "a group splits a run of widths and hides its columns",
      sheet: { ...empty, columnWidths: [9, 9, 9, 9, 9, 9], columnGroups: [{ col: 2, cols: 2, hidden: true }] },
      out:
        '<cols><col min="1" max="2" width="9" customWidth="1"/><col min="3" max="4" width="9" customWidth="1" outlineLevel="1" hidden="1"/>' +
        '<col min="5" max="6" width="9" customWidth="1"/></cols>',
    },
    {
      name: "group columns without a width get a <col> of their own",
      sheet: { ...empty, columnWidths: [10], columnGroups: [{ col: 3, cols: 2, hidden: false }] },
      out: '<cols><col min="1" max="1" width="10" customWidth="1"/><col min="4" max="5" outlineLevel="1"/></cols>',
    },
    { name: "no width, no group", sheet: empty, out: "" },
    { name: "an empty group", sheet: { ...empty, columnGroups: [{ col: 0, cols: 0, hidden: true }] }, out: "" },
  ])("colsXml($name)", ({ sheet, out }) => {
    expect(colsXml(sheet)).toBe(out);
  });
});

describe("sheetXml", () => {
  it("sheetXml(sheet): one <row> per row in order, each cell once, later blocks winning, styles merged in rule order", () => {
    const sheet: SheetPlan = {
      name: "S",
      blocks: [
        { row: 0, col: 0, values: [["Nom", "CA"], ["=SOMME(A1)", 12.5]] },
        { row: 1, col: 1, values: [[formula("A1*2", 4)]] },
        { row: 3, col: 0, values: [[true, null]] },
      ],
      formats: [
        { range: { row: 0, col: 0, rows: 2, cols: 2 }, style: { bold: true } },
        { range: { row: 1, col: 1, rows: 1, cols: 1 }, style: { numberFormat: "0.00", bold: false } },
      ],
      rowHeights: [{ row: 2, height: 30 }],
      columnGroups: [{ col: 1, cols: 1, hidden: true }],
    };
    const { xml, strings } = text(sheet);
    expect(XMLValidator.validate(xml)).toBe(true);
    const rows = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rows).toEqual([1, 2, 3, 4]);
    expect(xml).toContain('<row r="3" ht="30" customHeight="1"></row>');
    // Text is a shared string (never a formula), the formula carries its result.
    expect(xml).toMatch(/<c r="A2" s="1" t="s"><v>2<\/v><\/c><c r="B2" s="2"><f>A1\*2<\/f><v>4<\/v><\/c>/);
    expect(strings.size).toBe(3);
    expect(xml).toContain('<c r="A4" t="b"><v>1</v></c></row>');
    expect(xml).toContain('<sheetFormatPr defaultRowHeight="15" outlineLevelCol="1"/>');
    expect(xml).toContain('<dimension ref="A1:B4"/>');
  });

  it("sheetXml(sheet, { shift }): style, string and differential-format ids start past a base's", () => {
    const sheet: SheetPlan = {
      name: "S",
      blocks: [{ row: 0, col: 0, values: [["A"]] }],
      formats: [{ range: { row: 0, col: 0, rows: 1, cols: 1 }, style: { fill: "#FF0000" } }],
      conditional: [{ range: { row: 0, col: 0, rows: 1, cols: 1 }, equals: 'A"', fill: "#00FF00" }],
    };
    const { xml } = text(sheet, { xf: 10, dxf: 3, sst: 7 });
    expect(xml).toContain('<c r="A1" s="11" t="s"><v>7</v></c>');
    expect(xml).toContain('<cfRule type="cellIs" dxfId="3" priority="1" operator="equal"><formula>&quot;A&quot;&quot;&quot;</formula></cfRule>');
  });

  it("sheetXml(sheet): frozen rows and columns, a hundred thousand rows in a few 1 MiB blocks", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => [`C${i}`, i]);
    const chunks = sheetXml(
      { name: "S", blocks: [{ row: 0, col: 0, values: rows }], formats: [{ range: { row: 0, col: 1, rows: 100_000, cols: 1 }, style: { numberFormat: "#,##0" } }], freeze: { rows: 1, cols: 1 } },
      { styles: new StyleTable(), strings: new SharedStrings(), shift: { xf: 0, dxf: 0 }, links: { tables: [] }, selected: false },
    );
    expect(chunks.length).toBeLessThan(60);
    const head = new TextDecoder().decode(chunks[0]);
    expect(head).toContain('<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>');
    const end = chunks.slice(-2).map((c) => new TextDecoder().decode(c)).join("");
    expect(end.includes('<row r="100000"><c r="A100000" t="s"><v>99999</v></c><c s="1"><v>99999</v></c></row></sheetData>')).toBe(true);
  });
});

describe("sheetXml: texts", () => {
  const sst = (strings: SharedStrings): string => strings.blocks().map((c) => new TextDecoder().decode(c)).join("");

  it("a column of few texts and a column of many get the same ids, each text once, every reference counted", () => {
    const names = Array.from({ length: 100 }, (_, k) => `Client ${k}`);
    const rows = names.map((name, k) => [name, ["A", "B", "C"][k % 3], "A"]);
    const { xml, strings } = text({ ...empty, blocks: [{ row: 0, col: 0, values: rows }] });
    expect(strings.size).toBe(103);
    expect(sst(strings)).toContain('count="300" uniqueCount="103"');
    // Ids by first use: "Client 0" 0, "A" 1, "Client 1" 2, "B" 3, "Client 2" 4, "C" 5, "Client 3" 6, "Client 4" 7…
    expect(xml).toContain('<row r="5"><c r="A5" t="s"><v>7</v></c><c t="s"><v>3</v></c><c t="s"><v>1</v></c></row>');
    expect(xml).toContain('<row r="100"><c r="A100" t="s"><v>102</v></c><c t="s"><v>1</v></c><c t="s"><v>1</v></c></row>');
  });

  it("a text over 64 characters is written in its cell (inline), spaces kept, never in the shared strings", () => {
    const long = ` ${"pourquoi ".repeat(8)}<fin>`;
    const { xml, strings } = text({ ...empty, blocks: [{ row: 0, col: 0, values: [[long, "court"]] }] });
    expect(xml).toContain(`<c r="A1" t="inlineStr"><is><t xml:space="preserve"> ${"pourquoi ".repeat(8)}&lt;fin&gt;</t></is></c>`);
    expect(strings.size).toBe(1);
  });
});

describe("countSharedItems", () => {
  it.each([
    { name: "items with attributes, empty ones and rich text", sst: '<sst count="3"><si><t>a</t></si><si/><si ><r><t>b</t></r></si></sst>', n: 3 },
    { name: "no item", sst: '<sst count="0" uniqueCount="0"/>', n: 0 },
    { name: "an escaped <si in the text is no item", sst: "<sst><si><t>&lt;si&gt;</t></si></sst>", n: 1 },
  ])("countSharedItems($name)", ({ sst, n }) => {
    expect(countSharedItems(sst)).toBe(n);
  });
});

describe("sheetXml: shared formulas", () => {
  it("a column of formulas filled down is one master formula and shared cells, each with its cached value", () => {
    const rows = Array.from({ length: 5 }, (_, i) => [i, formula(`IF(A${i + 1}>1,A${i + 1}*$C$1,"-")`, i > 1 ? i * 2 : "-"), formula(`A${i + 1}+1`, i + 1)]);
    rows[3][2] = formula("A1+1", 1);
    const { xml } = text({ name: "S", blocks: [{ row: 0, col: 0, values: rows }], formats: [] });
    expect(xml).toContain('<c r="B1" t="str"><f t="shared" ref="B1:B5" si="0">IF(A1&gt;1,A1*$C$1,&quot;-&quot;)</f><v>-</v></c>');
    expect(xml).toContain('<c r="B5"><f t="shared" si="0"/><v>8</v></c>');
    // C4 breaks the run: C1:C3 shared, C4 and C5 on their own (a run of one or two is not worth it).
    expect(xml).toContain('<c r="C1"><f t="shared" ref="C1:C3" si="1">A1+1</f><v>1</v></c>');
    expect(xml).toContain('<c r="C3"><f t="shared" si="1"/><v>3</v></c>');
    expect(xml).toContain('<c r="C4"><f>A1+1</f><v>1</v></c>');
    expect(xml).toContain('<c r="C5"><f>A5+1</f><v>5</v></c>');
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("a shared formula never reaches rows where another block also has values", () => {
    const rows = Array.from({ length: 6 }, (_, i) => [formula(`A${i + 1}*2`, 0)]);
    const { xml } = text({ name: "S", blocks: [{ row: 0, col: 1, values: rows }, { row: 3, col: 3, values: [["x"]] }], formats: [] });
    expect(xml).toContain('<f t="shared" ref="B1:B3" si="0">A1*2</f>');
    expect(xml).toContain('<c r="B4"><f>A4*2</f>');
    // B5:B6 is two rows: written one by one.
    expect(xml).toContain('<c r="B5"><f>A5*2</f>');
  });
});

describe("sheetXml with rows made when read (RowSource)", () => {
  // 3 000 rows: an id (the user's text), a number, and a formula filled down over every row.
  const N = 3000;
  const line = (i: number): PlanValue[] => [`C${i}`, i * 1.5, rowFormulas(`B${ROW}*2`)(i + 2, i * 3)];
  const arrays: SheetPlan = { name: "S", blocks: [{ row: 1, col: 0, values: Array.from({ length: N }, (_, i) => line(i)) }], formats: [] };

  function source(made: number[]): RowSource {
    return {
      length: N,
      width: 3,
      row: (i) => {
        made.push(i);
        return line(i);
      },
      userTexts: { cols: [0], cell: (i) => `C${i}` },
    };
  }

  it("writes the same XML as the same rows in an array, each row made once, never more than SHARED_MAX rows ahead", () => {
    const made: number[] = [];
    const lazy = text({ ...arrays, blocks: [{ row: 1, col: 0, values: source(made) }] });
    expect(lazy.xml).toBe(text(arrays).xml);
    expect(made.length).toBe(N);
    expect(new Set(made).size).toBe(N);
    // Made in order, at most a shared formula's length (1 024 rows) ahead of the row written.
    let written = 0;
    for (let k = 0; k < made.length; k++) {
      if (made[k] === written) written++;
      expect(made[k] - written).toBeLessThanOrEqual(1024);
    }
  });

  it("a formula filled down over more than 1 024 rows is written as several shared formulas, each of at most 1 024 rows", () => {
    const { xml } = text({ ...arrays, blocks: [{ row: 1, col: 0, values: source([]) }] });
    const refs = [...xml.matchAll(/<f t="shared" ref="C(\d+):C(\d+)" si="(\d+)">/g)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3])]);
    expect(refs).toEqual([
      [2, 1025, 0],
      [1026, 2049, 1],
      [2050, 3001, 2],
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});
