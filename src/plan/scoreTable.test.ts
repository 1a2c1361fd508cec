import { FIXTURE_CLIENTS } from "./__fixtures__/portfolio";
import { scorePortfolio } from "./score";
import { SCORE_COLUMNS, scoreTable } from "./scoreTable";

describe("scoreTable", () => {
  const portfolio = scorePortfolio(FIXTURE_CLIENTS, {});

  it("scoreTable(portfolio): the stable columns of `pac score`, in order", () => {
    expect(SCORE_COLUMNS).toEqual([
      "id", "abc", "r", "p", "pr_code", "pr_gap", "pr_target", "rfm_code", "rfm_sum", "rfm_segment", "quadrant", "maturity", "elasticity", "contacts_planned",
    ]);
    for (const row of scoreTable(portfolio)) expect(Object.keys(row)).toEqual([...SCORE_COLUMNS]);
  });

  it("scoreTable(portfolio): values as printed, French labels, blank when not computed", () => {
    const rows = scoreTable(portfolio);
    expect(rows[0]).toEqual({
      id: "C01", abc: "A", r: "1", p: "1", pr_code: "P1-R1", pr_gap: "0", pr_target: "Entretenir", rfm_code: "555", rfm_sum: "15",
      rfm_segment: "Champions", quadrant: "Poules aux œufs d'or", maturity: "C", elasticity: "1", contacts_planned: String(portfolio.clients[0].allocation?.total),
    });
    expect(rows[2].elasticity).toBe("-0,2");
    expect(rows[6].pr_code).toBe("");
    expect(rows[10]).toMatchObject({ id: "P01", abc: "", rfm_segment: "", quadrant: "" });
    expect(Object.values(rows[10]).every((v) => typeof v === "string")).toBe(true);
  });

  it("scoreTable(portfolio, 'en'): English labels and decimal point", () => {
    const rows = scoreTable(portfolio, "en");
    expect(rows[0]).toMatchObject({ pr_target: "Maintain", rfm_segment: "Champions", quadrant: "Golden geese" });
    expect(rows[2].elasticity).toBe("-0.2");
  });

  it("scoreTable(fixture) snapshot", () => {
    expect(scoreTable(portfolio)).toMatchSnapshot();
  });
});
