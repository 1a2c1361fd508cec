/*
 * Fidelity engagement by product type (SPEC §12) end to end on the real retail journal,
 * test/fixtures/online_retail_II_sample.xlsx, both sheets concatenated (the second's header row is skipped as a
 * repeated header), product = StockCode: exceljs cell values -> readJournal -> proposeFamilyTypes -> engagement,
 * with the proposed types confirmed as the rep's table. The expected figures were computed separately by
 * test/fixtures/online_retail_engagement.py (openpyxl, Python's datetime; re-run it with /usr/bin/python3 from the
 * repository root):
 *
 *   reference 2011-12-10; 262 customers; 2 896 stock codes; 20 631 (customer, code) pairs; 0 line without code;
 *   proposed types FiLo 1 044, FiFo 759, LiFo 79, LiLo 933, none 81;
 *   engagement loss_likely 149, revenue_at_risk 0, engaged 93, to_build 17, not classed 3;
 *   CA N-1 per class loss_likely 528 460,59, engaged 181,5, to_build 7 747,38; 6 803 stopped pairs;
 *   total CA at risk 222 563,66.
 *
 * A stock code is far finer than a family: one of a thousand FiLo codes stopped is enough to say "perte probable",
 * so most customers land there and no one is left for "risque de perte de CA". This is what the method gives on
 * product codes; a family column (or a coarser grouping) is what a rep should type the table for.
 * Each sheet alone does not cover N-1: engagement is not computed and the report says so.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { ENGAGEMENT_CLASSES, FAMILY_TYPES, TYPE_NOT_PROPOSED, engagement, proposeFamilyTypes } from "../../src/engine";
import { readJournal, type JournalResult } from "../../src/io";
import { worksheetRows } from "./exceljsRows";

const FILE = path.resolve(__dirname, "../fixtures/online_retail_II_sample.xlsx");

describe("engagement on the Online Retail II sample (both sheets, product = StockCode)", () => {
  let sheets: unknown[][][] = [];
  let combined: JournalResult;

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(FILE);
    sheets = workbook.worksheets.map(worksheetRows);
    combined = readJournal([...sheets[0], ...sheets[1]]);
  });

  it("readJournal(both sheets) takes StockCode as the product column, over Description", () => {
    expect(combined.mapping.family).toMatchObject({ header: "StockCode", kind: "product", column: 1 });
    const f = combined.families!;
    expect(f.families).toHaveLength(2896);
    expect(f.start[f.start.length - 1]).toBe(20631);
    expect(f.linesWithoutFamily).toBe(0);
    expect(combined.report.assumptions.map((n) => n.message)).toContain(
      "Familles de produits lues dans la colonne «\u00a0StockCode\u00a0» (Code produit)\u00a0: 2\u202f896 familles\u202f; les types (FiLo, FiFo, LiFo, LiLo) sont à donner ou à confirmer.",
    );
  });

  it("proposeFamilyTypes and engagement give the independently computed counts", () => {
    const families = combined.families!;
    const proposals = proposeFamilyTypes(families);
    const byType: Record<string, number> = {};
    for (const p of proposals.proposed) {
      const t = p === TYPE_NOT_PROPOSED ? "none" : FAMILY_TYPES[p];
      byType[t] = (byType[t] ?? 0) + 1;
    }
    expect(byType).toEqual({ FiFo: 759, FiLo: 1044, LiFo: 79, LiLo: 933, none: 81 });

    // The rep confirms the proposals; a family without one stays untyped (blank).
    const table = Array.from(proposals.proposed, (p) => (p === TYPE_NOT_PROPOSED ? "" : FAMILY_TYPES[p]));
    const r = engagement(families, table);
    expect(r.n).toBe(262);
    expect(Object.fromEntries(ENGAGEMENT_CLASSES.map((c, k) => [c, r.counts[k]]))).toEqual({ loss_likely: 149, revenue_at_risk: 0, engaged: 93, to_build: 17 });
    expect(r.notClassed).toBe(3);
    expect(r.stopped).toHaveLength(6803);
    expect(r.totalAtRisk).toBeCloseTo(222563.66, 2);
    expect(r.caN1ByClass[0]).toBeCloseTo(528460.59, 2);
    expect(r.caN1ByClass[2]).toBeCloseTo(181.5, 2);
    expect(r.caN1ByClass[3]).toBeCloseTo(7747.38, 2);
    const row = (id: string): { engagement: string | null; caAtRisk: number } => {
      const i = combined.clients.findIndex((c) => c.id === id);
      return r.row(i);
    };
    expect(row("12417").engagement).toBe("loss_likely");
    expect(row("12417").caAtRisk).toBeCloseTo(1763.34, 2);
    expect(row("12431").caAtRisk).toBeCloseTo(1319.55, 2);
    expect(row("12547").caAtRisk).toBeCloseTo(71.88, 2);
    expect(row("12743")).toMatchObject({ engagement: "engaged", caAtRisk: 0 });
  });

  it.each([0, 1])("readJournal(sheet %i alone): N-1 not covered, engagement not computed, and the report says why", (k) => {
    const { families, mapping, report } = readJournal(sheets[k]);
    expect(families).toBeUndefined();
    expect(mapping.family?.header).toBe("StockCode");
    const issue = report.issues.find((i) => i.key === "ENGAGEMENT_NOT_COVERED");
    expect(issue?.severity).toBe("warning");
    expect(issue?.message).toBe(
      "Engagement par type de produit non calculé\u00a0: il compare les familles achetées en N-1 et en N, et le journal ne couvre pas N-1 (dates ci-dessus).",
    );
    expect(report.issues.some((i) => i.key === "PERIODS_NOT_COVERED")).toBe(true);
  });
});
