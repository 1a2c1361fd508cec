import { scorePortfolio } from "../plan";
import { linesOf } from "../plan/rows";
import { TARGET_COLUMNS, buildTargetsSheet } from "../plan/targetsSheet";
import { FIXTURE_CLIENTS } from "../plan/__fixtures__/portfolio";
import { WIZARD_METHODS, withMethods, type WizardMethod } from "./wizardModel";

describe("withMethods (the wizard's unticked methods)", () => {
  const portfolio = scorePortfolio(FIXTURE_CLIENTS);

  it("drops the results of the unticked methods only, each client's other results and texts kept", () => {
    const ticked = new Set<WizardMethod>(WIZARD_METHODS.filter((m) => m !== "rfm" && m !== "contacts"));
    const shown = withMethods(portfolio, ticked);
    expect(shown.methods.rfm).toBe(false);
    expect(shown.methods.contacts).toBe(false);
    expect(shown.methods.abc).toBe(portfolio.methods.abc);
    shown.clients.forEach((c, i) => {
      const scored = portfolio.clients[i];
      expect(c.rfm).toBeUndefined();
      expect(c.contacts).toBeUndefined();
      // Scored clients make their results when read: the view must read them, not copy the client's own fields.
      expect(c.abc?.cls).toBe(scored.abc?.cls);
      expect(c.pr?.code).toBe(scored.pr?.code);
      expect(c.allocation?.total).toBe(scored.allocation?.total);
      expect([c.id, c.row, c.ca, c.isProspect]).toEqual([scored.id, scored.row, scored.ca, scored.isProspect]);
      expect(c.reasons.map((r) => r.method)).toEqual(scored.reasons.map((r) => r.method).filter((m) => m !== "rfm" && m !== "contacts"));
      expect(c.why).toHaveLength(c.reasons.length);
    });
    expect(shown.clients.some((c) => c.abc !== undefined)).toBe(true);
  });

  it("the Cibles sheet, which reads the methods' columns, leaves the unticked methods' columns blank", () => {
    const ticked = new Set<WizardMethod>(WIZARD_METHODS.filter((m) => m !== "rfm" && m !== "contacts"));
    const shown = withMethods(portfolio, ticked);
    expect(shown.results.rfm).toBeUndefined();
    expect(shown.results.contacts).toBeUndefined();
    expect(shown.results.abc).toBe(portfolio.results.abc);
    const lines = (p: typeof portfolio): readonly (readonly unknown[])[] => {
      const block = buildTargetsSheet(p, "fr").blocks.find((b) => b.row === 1 && b.col === 0);
      return block ? linesOf(block.values) : [];
    };
    const col = (header: string): number => TARGET_COLUMNS.findIndex((c) => c.header === header);
    const before = lines(portfolio);
    const after = lines(shown);
    expect(after).toHaveLength(portfolio.clients.length);
    expect(before.some((line) => line[col("col.rfm_code")] !== null)).toBe(true);
    for (const line of after) {
      for (const header of ["col.rfm_r", "col.rfm_code", "col.rfm_segment", "col.quadrant", "col.contacts_n", "col.recency"]) expect(line[col(header)]).toBeNull();
      expect(String(line[col("col.why")])).not.toMatch(/RFM/);
    }
    after.forEach((line, i) => {
      expect(line[col("col.abc")]).toEqual(before[i][col("col.abc")]);
      expect(line[col("col.pr_code")]).toEqual(before[i][col("col.pr_code")]);
    });
  });

  it("every method ticked: the portfolio itself", () => {
    expect(withMethods(portfolio, new Set(WIZARD_METHODS))).toBe(portfolio);
  });
});
