import { XMLValidator } from "fast-xml-parser";
import type { ChartPlan, SheetPlan } from "../plan/types";
import { chartXml } from "./charts";

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
