import fc from "fast-check";
import { explain } from "../i18n";
import { fr } from "../../test/support/typography";
import { thrownEngineError as thrown } from "../../test/support/engineError";
import { PROSPECT_REASONS, PROSPECT_STATUSES, prospectWarningWhy, scoreProspects, type ProspectInput } from "./prospects";

/** Four criteria columns from one [pertinence, crédibilité, attractivité pour nous, notre attractivité] per prospect. */
function criteria(rows: readonly (readonly unknown[])[]): ProspectInput {
  return {
    pertinence: rows.map((r) => r[0]),
    credibility: rows.map((r) => r[1]),
    attractiveness: rows.map((r) => r[2]),
    ourAttractiveness: rows.map((r) => r[3]),
  };
}

function statuses(input: ProspectInput, weights?: number[]): { status: string[]; reason: string[]; ep: (number | null)[] } {
  const s = scoreProspects(input, weights ? { weights } : {});
  return {
    status: Array.from(s.status, (k) => PROSPECT_STATUSES[k]),
    reason: Array.from(s.reason, (k) => PROSPECT_REASONS[k]),
    ep: Array.from(s.ep, (e) => (Number.isNaN(e) ? null : e)),
  };
}

describe("scoreProspects: the rule of pertinence, credibility and double attractiveness (Py ch. 7)", () => {
  const cases: {
    name: string;
    rows: (readonly unknown[])[];
    status: string[];
    reason: string[];
    ep: (number | null)[];
  }[] = [
    { name: "empty input", rows: [], status: [], reason: [], ep: [] },
    // (4 + 3 + 5 + 4) / 4 = 4 → Ep = 100 × 3 / 4 = 75.
    { name: "one prospect, retained", rows: [[4, 3, 5, 4]], status: ["retained"], reason: ["rules_met"], ep: [75] },
    {
      name: "all rejected, each by the first rule that fails",
      rows: [
        [2, 2, 2, 2],
        [5, 1, 1, 5],
        [5, 5, 2, 5],
        [5, 5, 5, 1],
      ],
      status: ["rejected", "rejected", "rejected", "rejected"],
      reason: ["pertinence", "credibility", "double_attractiveness", "double_attractiveness"],
      // means 2, 3, 4.25, 4 → Ep 25, 50, 81.25, 75
      ep: [25, 50, 81.25, 75],
    },
    { name: "exactly 3 everywhere: every rule holds on its boundary", rows: [[3, 3, 3, 3]], status: ["retained"], reason: ["rules_met"], ep: [50] },
    { name: "pertinence exactly 3 passes, 2.99 fails", rows: [[3, 5, 5, 5], [2.99, 5, 5, 5]], status: ["retained", "rejected"], reason: ["rules_met", "pertinence"], ep: [87.5, 87.4375] },
    { name: "credibility exactly 3 passes, 2 fails", rows: [[5, 3, 5, 5], [5, 2, 5, 5]], status: ["retained", "rejected"], reason: ["rules_met", "credibility"], ep: [87.5, 81.25] },
    { name: "attractiveness to us exactly 3 passes, 2 fails", rows: [[5, 5, 3, 5], [5, 5, 2, 5]], status: ["retained", "rejected"], reason: ["rules_met", "double_attractiveness"], ep: [87.5, 81.25] },
    { name: "our attractiveness exactly 3 passes, 2 fails", rows: [[5, 5, 5, 3], [5, 5, 5, 2]], status: ["retained", "rejected"], reason: ["rules_met", "double_attractiveness"], ep: [87.5, 81.25] },
    {
      name: "a blank or text criterion leaves that prospect unscored, the others are scored",
      rows: [[4, null, 4, 4], [4, 4, "bien", 4], [4, 4, 4, "  "], [5, 5, 5, 5]],
      status: ["unscored", "unscored", "unscored", "retained"],
      reason: ["blank", "not_number", "blank", "rules_met"],
      ep: [null, null, null, 100],
    },
    {
      name: "a score outside 1..5, a NaN or a boolean is not a score",
      rows: [[6, 4, 4, 4], [4, 0, 4, 4], [4, 4, NaN, 4], [4, 4, 4, true]],
      status: ["unscored", "unscored", "unscored", "unscored"],
      reason: ["out_of_range", "out_of_range", "not_number", "not_number"],
      ep: [null, null, null, null],
    },
  ];
  it.each(cases)("scoreProspects(criteria): $name", ({ rows, status, reason, ep }) => {
    const got = statuses(criteria(rows));
    expect(got.status).toEqual(status);
    expect(got.reason).toEqual(reason);
    got.ep.forEach((e, i) => (e === null ? expect(ep[i]).toBeNull() : expect(e).toBeCloseTo(ep[i] as number, 9)));
  });

  it("scoreProspects names the row and the criterion of each unscored prospect, in French and English", () => {
    const s = scoreProspects(criteria([[4, 4, 4, 4], [4, "", 4, 4], [4, 4, 4, 7]]));
    expect(s.warnings).toEqual([
      { index: 1, code: "blank", criterion: "credibility", value: "" },
      { index: 2, code: "out_of_range", criterion: "ourAttractiveness", value: 7 },
    ]);
    expect(explain(prospectWarningWhy(s.warnings[0]))).toBe(fr("Prospect ligne 2 : « Crédibilité » est vide ; ce prospect n'est pas noté."));
    expect(explain(prospectWarningWhy(s.warnings[1], 31), "en")).toBe(
      "Prospect row 31: “Our attractiveness to it” is 7, outside the 1 to 5 scale; this prospect is not scored.",
    );
  });

  it("scoreProspects weights the mean; the rule does not depend on the weights", () => {
    // Weighted mean (2 × 5 + 1 × 3 + 1 × 3 + 0 × 1) / 4 = 4 → Ep 75; our attractiveness 1 still rejects it.
    const s = scoreProspects(criteria([[5, 3, 3, 1]]), { weights: [2, 1, 1, 0] });
    expect(s.ep[0]).toBe(75);
    expect(PROSPECT_REASONS[s.reason[0]]).toBe("double_attractiveness");
  });

  const weightCases: { name: string; weights: unknown }[] = [
    { name: "all zero", weights: [0, 0, 0, 0] },
    { name: "three weights", weights: [1, 1, 1] },
    { name: "a negative weight", weights: [1, -1, 1, 1] },
    { name: "a text weight", weights: [1, "2", 1, 1] },
  ];
  it.each(weightCases)("scoreProspects(…, { weights }): $name → a clear error", ({ weights }) => {
    const e = thrown(() => scoreProspects(criteria([[4, 4, 4, 4]]), { weights: weights as number[] }));
    expect(e.code).toBe("BAD_PROSPECT_WEIGHTS");
    expect(e.message).toContain("non tous nuls");
  });

  it("scoreProspects explains each status in Py's words", () => {
    const s = scoreProspects(criteria([[4, 3, 5, 4], [5, 5, 2, 4], [4, "x", 4, 4]]));
    expect(explain(s.explain(0))).toBe(
      fr("Retenu : pertinence 4, crédibilité 3, attractivité pour nous 5, notre attractivité pour lui 4, toutes au moins à 3 ; Ep = 75 sur 100."),
    );
    expect(explain(s.explain(1))).toBe(
      fr("Écarté : pas de double attractivité (attractivité pour nous 2, notre attractivité pour lui 4 ; il faut les deux au moins à 3) ; Ep = 75 sur 100."),
    );
    expect(explain(s.explain(2), "en")).toBe("Not scored: “Credibility” is “x”, not a number.");
  });

  it("scoreProspects refuses one to three criteria columns, and columns of different sizes", () => {
    expect(thrown(() => scoreProspects({ pertinence: [4], credibility: [4] })).code).toBe("PROSPECT_CRITERIA_MISSING");
    expect(thrown(() => scoreProspects({ pertinence: [4], credibility: [4] })).message).toContain("attractivité pour nous, notre attractivité");
    const bad = { ...criteria([[4, 4, 4, 4]]), credibility: [4, 4] };
    expect(thrown(() => scoreProspects(bad)).code).toBe("LENGTH_MISMATCH");
  });
});

describe("scoreProspects: the fallbacks of SPEC §11", () => {
  it("without criteria, the potential is the score and every readable prospect is retained", () => {
    const s = scoreProspects({ potential: [50_000, 0, "n.c.", -10] });
    expect(s.mode).toBe("potential");
    expect(Array.from(s.status, (k) => PROSPECT_STATUSES[k])).toEqual(["retained", "retained", "unscored", "unscored"]);
    expect(Array.from(s.score)).toEqual([50_000, 0, 0, 0]);
    expect(s.retainedCount).toBe(2);
    expect(s.warnings.map((w) => w.code)).toEqual(["not_number", "out_of_range"]);
    expect(explain(s.explain(0))).toBe(fr("Retenu sans critères : son potentiel (50\u202f000) sert de score."));
  });

  it("without criteria nor potential, every prospect shares equally and a notice says why", () => {
    const s = scoreProspects({ count: 3 });
    expect(s.mode).toBe("equal");
    expect(Array.from(s.score)).toEqual([1, 1, 1]);
    expect(s.notice && explain(s.notice)).toBe(fr("Ni critères de notation ni potentiel pour les prospects : la conquête est partagée à parts égales."));
    expect(scoreProspects({}).n).toBe(0);
  });
});

describe("scoreProspects: the row view agrees with the columns", () => {
  const cell = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double({ min: 1, max: 5, noNaN: true }), fc.constant(null), fc.constant("x"));
  it("row(i) reads the same status, reason, Ep and score as the columns, and its why is explain(i)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell, cell), { maxLength: 30 }), (rows) => {
        const s = scoreProspects(criteria(rows));
        for (let i = 0; i < s.n; i++) {
          const r = s.row(i);
          expect(r.status).toBe(PROSPECT_STATUSES[s.status[i]]);
          expect(r.reason).toBe(PROSPECT_REASONS[s.reason[i]]);
          expect(r.ep === null ? NaN : r.ep).toEqual(s.ep[i]);
          expect(r.score).toBe(s.score[i]);
          expect(r.why).toEqual(s.explain(i));
          expect(s.retained[i]).toBe(r.status === "retained" ? 1 : 0);
          // A retained prospect's Ep is at least 50: its four criteria are all at least 3.
          if (r.status === "retained") expect(r.score).toBeGreaterThanOrEqual(50);
        }
        expect(s.retainedCount).toBe(s.retained.reduce((a, b) => a + b, 0));
      }),
    );
  });
});
