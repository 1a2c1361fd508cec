import { XMLValidator } from "fast-xml-parser";
import type { ChartPlan, SheetPlan } from "../plan/types";
import { chartXml, groupColumnsXml } from "./charts";

const SHEET = (cols: string, formatPr = '<sheetFormatPr defaultRowHeight="15"/>'): string =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews/>${formatPr}${cols}<sheetData/></worksheet>`;

describe("groupColumnsXml", () => {
  it.each([
    {
      name: "one <col> per column, the group's get the outline and hide",
      cols: '<cols><col min="1" max="1" width="10" customWidth="1"/><col min="3" max="3" width="12" customWidth="1"/></cols>',
      groups: [{ col: 2, cols: 1, hidden: true }],
      out: '<cols><col min="1" max="1" width="10" customWidth="1"/><col min="3" max="3" width="12" customWidth="1" outlineLevel="1" hidden="1"/></cols>',
    },
    {
      name: "a <col> straddling the group's edges is split",
      cols: '<cols><col min="1" max="6" width="9" customWidth="1"/></cols>',
      groups: [{ col: 2, cols: 2, hidden: true }],
      out:
        '<cols><col min="1" max="2" width="9" customWidth="1"/><col min="3" max="4" width="9" customWidth="1" outlineLevel="1" hidden="1"/>' +
        '<col min="5" max="6" width="9" customWidth="1"/></cols>',
    },
    {
      name: "columns of the group without a <col> get one",
      cols: '<cols><col min="1" max="1" width="10" customWidth="1"/></cols>',
      groups: [{ col: 3, cols: 2, hidden: false }],
      out: '<cols><col min="1" max="1" width="10" customWidth="1"/><col min="4" max="4" outlineLevel="1"/><col min="5" max="5" outlineLevel="1"/></cols>',
    },
    {
      name: "a sheet without <cols>",
      cols: "",
      groups: [{ col: 0, cols: 1, hidden: true }],
      out: '<cols><col min="1" max="1" outlineLevel="1" hidden="1"/></cols>',
    },
  ])("groupColumnsXml($name)", ({ cols, groups, out }) => {
    const xml = groupColumnsXml(SHEET(cols), groups);
    expect(xml).toContain(out);
    expect(xml).toContain('<sheetFormatPr outlineLevelCol="1" defaultRowHeight="15"/>');
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("groupColumnsXml without a group, or with an empty one, changes nothing", () => {
    const xml = SHEET('<cols><col min="1" max="1" width="10"/></cols>');
    expect(groupColumnsXml(xml, [])).toBe(xml);
    expect(groupColumnsXml(xml, [{ col: 0, cols: 0, hidden: true }])).toBe(xml);
  });

  it.each([
    { name: "exceljs's outlineLevelCol=\"0\" is raised to 1", pr: '<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0"/>', out: '<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="1"/>' },
    { name: "a deeper outline is kept", pr: '<sheetFormatPr outlineLevelCol="2"/>', out: '<sheetFormatPr outlineLevelCol="2"/>' },
  ])("groupColumnsXml: $name", ({ pr, out }) => {
    expect(groupColumnsXml(SHEET('<cols><col min="1" max="1" width="10"/></cols>', pr), [{ col: 0, cols: 1, hidden: true }])).toContain(out);
  });

  it("groupColumnsXml adds a <sheetFormatPr> when there is none, before <cols>", () => {
    const xml = groupColumnsXml(SHEET('<cols><col min="1" max="1" width="10"/></cols>', ""), [{ col: 0, cols: 1, hidden: true }]);
    expect(xml).toContain('<sheetFormatPr defaultRowHeight="15" outlineLevelCol="1"/><cols>');
  });
});

describe("chartXml (pareto)", () => {
  const sheet: SheetPlan = {
    name: "PAC",
    blocks: [{ row: 0, col: 0, values: [["a", 10, 0.5, 0.8], ["b", 10, 1, 0.8]] }],
    formats: [],
  };
  const pareto = (series: number): ChartPlan => ({
    kind: "pareto",
    title: "Pareto",
    anchor: { row: 0, col: 5, rows: 10, cols: 5 },
    categories: { row: 0, col: 0, rows: 2, cols: 1 },
    series: [
      { name: "CA", values: { row: 0, col: 1, rows: 2, cols: 1 } },
      { name: "Part cumulée", values: { row: 0, col: 2, rows: 2, cols: 1 } },
      { name: "Seuil de 80 %", values: { row: 0, col: 3, rows: 2, cols: 1 } },
    ].slice(0, series),
  });

  it.each([
    { series: 2, lines: 1 },
    { series: 3, lines: 2 },
  ])("chartXml(pareto with $series series): bars, then $lines line(s) on the 0–100 % axis", ({ series, lines }) => {
    const xml = chartXml(pareto(series), sheet);
    expect(XMLValidator.validate(xml)).toBe(true);
    const line = /<c:lineChart>[\s\S]*<\/c:lineChart>/.exec(xml)?.[0] ?? "";
    expect(line.match(/<c:ser>/g)).toHaveLength(lines);
    if (series === 3) {
      expect(line).toContain("<c:v>Seuil de 80 %</c:v>");
      expect(line).toContain('<a:prstDash val="dash"/>');
      expect(line).toContain("<c:f>&apos;PAC&apos;!$D$1:$D$2</c:f>");
      expect(line).toContain('<c:pt idx="1"><c:v>0.8</c:v></c:pt>');
    } else expect(xml).not.toContain("prstDash");
  });
});
