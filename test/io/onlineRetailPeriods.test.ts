/*
 * The rolling periods N-1 and N (SPEC §7) on the real retail journal, test/fixtures/online_retail_II_sample.xlsx
 * (two yearly sheets, "Year 2009-2010" and "Year 2010-2011"), read as the CLI reads it: exceljs cell values ->
 * readJournal. The expected figures were computed separately by test/fixtures/online_retail_periods.py (openpyxl,
 * Python's datetime; re-run it with /usr/bin/python3 from the repository root):
 *
 *   sheet              first       last        reference   N-1                      N                        covered
 *   Year 2009-2010     2009-12-01  2010-12-09  2010-12-10  2008-12-10 … 2009-12-09  2009-12-10 … 2010-12-09  no
 *   Year 2010-2011     2010-12-01  2011-12-09  2011-12-10  2009-12-10 … 2010-12-09  2010-12-10 … 2011-12-09  no
 *   both combined      2009-12-01  2011-12-09  2011-12-10  2009-12-10 … 2010-12-09  2010-12-10 … 2011-12-09  yes
 *
 * Each sheet alone starts in December, a year short of N-1: calendar years would have made "2009" one month and
 * most clients "new" (129 of 159 D, "maturité" 99,4 % D + C); now maturity is not computed and the report says
 * which dates are missing. Combined, N-1 starts on 10/12/2009, after the first line (01/12/2009): covered.
 *
 *   customers: 159 (sheet 1), 215 (sheet 2), 262 (combined); CA N: 526 358,93 / 676 819,56 / 676 819,56;
 *   combined CA N-1 536 334,34; phases (t = 10 %) D 103, C 51, M 8, V 99, not classed 1 (a client whose lines
 *   cancel out in both periods: a float residue, 0 once rounded to the cent, not « croissance »);
 *   shape: D (103) and V (99) each exceed C (51) and M (8) → courbe en U (tested first).
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { maturity, portfolioShape } from "../../src/engine";
import { readJournal } from "../../src/io";
import { worksheetRows } from "./exceljsRows";

const FILE = path.resolve(__dirname, "../fixtures/online_retail_II_sample.xlsx");

const notCovered = (first: string, last: string, n1Start: string, n1End: string, nStart: string, nEnd: string, missingEnd: string): string =>
  `Le journal couvre du ${first} au ${last} ; la maturité et l'élasticité comparent N-1 (du ${n1Start} au ${n1End}) à N (du ${nStart} au ${nEnd}) ` +
  `et demandent des ventes depuis le ${n1Start}. Il manque la période du ${n1Start} au ${missingEnd} : maturité et élasticité non calculées. ` +
  "Ajoutez les ventes manquantes (par exemple l'onglet de l'année précédente).";

describe("readJournal on the Online Retail II sample: rolling periods and coverage", () => {
  let sheets: unknown[][][] = [];

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(FILE);
    sheets = workbook.worksheets.map(worksheetRows);
  });

  const alone = [
    {
      name: "Year 2009-2010",
      sheet: 0,
      customers: 159,
      caN: 526358.93,
      periods: { n1Start: "2008-12-10", n1End: "2009-12-09", nStart: "2009-12-10", nEnd: "2010-12-09", covered: false },
      message: notCovered("01/12/2009", "09/12/2010", "10/12/2008", "09/12/2009", "10/12/2009", "09/12/2010", "30/11/2009"),
    },
    {
      name: "Year 2010-2011",
      sheet: 1,
      customers: 215,
      caN: 676819.56,
      periods: { n1Start: "2009-12-10", n1End: "2010-12-09", nStart: "2010-12-10", nEnd: "2011-12-09", covered: false },
      message: notCovered("01/12/2010", "09/12/2011", "10/12/2009", "09/12/2010", "10/12/2010", "09/12/2011", "30/11/2010"),
    },
  ];
  it.each(alone)("readJournal(sheet $name alone): N-1 not covered, CA N only, and the report gives the dates", ({ sheet, customers, caN, periods, message }) => {
    const { clients, mapping, report } = readJournal(sheets[sheet]);
    expect(clients).toHaveLength(customers);
    expect(report.journal?.periods).toEqual(periods);
    expect(mapping.periodLabels).toEqual(["N"]);
    expect(clients.every((c) => c.periods?.length === 1)).toBe(true);
    expect(clients.reduce((s, c) => s + (c.periods?.[0] ?? 0), 0)).toBeCloseTo(caN, 6);
    const coverage = report.issues.filter((i) => i.key === "PERIODS_NOT_COVERED");
    expect(coverage.map((i) => [i.severity, i.message])).toEqual([["warning", message]]);
    expect(mapping.missing.find((m) => m.method === "maturity")?.message).toBe(
      "Maturité (D/C/M/V) : il faut au moins deux périodes de CA (par exemple « CA N-1 » et « CA N ») ; 1 trouvée.",
    );
  });

  it("readJournal(both sheets combined): N-1 covered, and the phases and shape match the independent computation", () => {
    const { clients, mapping, report } = readJournal([...sheets[0], ...sheets[1]]);
    expect(clients).toHaveLength(262);
    expect(report.journal?.periods).toEqual({ n1Start: "2009-12-10", n1End: "2010-12-09", nStart: "2010-12-10", nEnd: "2011-12-09", covered: true });
    expect(mapping.periodLabels).toEqual(["N-1", "N"]);
    expect(report.issues.some((i) => i.key === "PERIODS_NOT_COVERED")).toBe(false);
    expect(clients.reduce((s, c) => s + (c.periods?.[0] ?? 0), 0)).toBeCloseTo(536334.34, 6);
    expect(clients.reduce((s, c) => s + (c.periods?.[1] ?? 0), 0)).toBeCloseTo(676819.56, 6);
    const phases = maturity(clients.map((c) => c.periods as number[]));
    const shape = portfolioShape(phases.map((p) => p.phase));
    expect(shape.counts).toEqual({ D: 103, C: 51, M: 8, V: 99, unclassed: 1 });
    expect(shape.shape).toBe("u_curve");
  });
});
