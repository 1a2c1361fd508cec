import fc from "fast-check";
import { explain } from "../i18n";
import { maturity, portfolioShape, type MaturityOptions, type MaturityPhase, type PortfolioShape } from "./maturity";
import { thrownEngineError as thrown } from "../../test/support/engineError";


describe("maturity", () => {
  /*
   * Six clients, CA over three years (only the last two are read), t = 10 %:
   *   K1  —       0   4 000   CA_prev = 0, CA_last > 0            → D
   *   K2  8 000  10 000 13 000  g = 3 000 / 10 000 = +30 % > 10 %   → C
   *   K3  9 000  10 000 11 000  g = +10 % = t, boundary is M       → M
   *   K4  9 000  10 000  9 000  g = −10 % = −t, boundary is M      → M
   *   K5  5 000  10 000  8 500  g = −15 % < −10 %                  → V
   *   K6  2 000   1 000      0  g = −100 % (lost client)           → V
   */
  const textbook = [
    [NaN, 0, 4000],
    [8000, 10000, 13000],
    [9000, 10000, 11000],
    [9000, 10000, 9000],
    [5000, 10000, 8500],
    [2000, 1000, 0],
  ];

  it("maturity(textbook) gives the hand-computed phases and growths", () => {
    const r = maturity(textbook);
    expect(r.map((x) => x.phase)).toEqual(["D", "C", "M", "M", "V", "V"]);
    expect(r.map((x) => x.growth)).toEqual([null, 0.3, 0.1, -0.1, -0.15, -1]);
    expect(explain(r[0].why)).toBe("Démarrage : aucun CA sur l'avant-dernière période, 4\u202f000 sur la dernière.");
    expect(explain(r[2].why)).toBe(
      "Maturité : CA 10\u202f000 → 11\u202f000, variation 10\u202f% (entre −10\u202f% et +10\u202f%).",
    );
    expect(explain(r[4].why, "en")).toBe("Decline: sales 10,000 → 8,500, change -15% (below −10%).");
    expect(r.every((x) => x.warning === undefined)).toBe(true);
  });

  const cases: {
    name: string;
    periods: number[][];
    options?: MaturityOptions;
    expected: (MaturityPhase | null)[] | string;
  }[] = [
    { name: "empty input", periods: [], expected: "EMPTY_INPUT" },
    { name: "one value (a single period)", periods: [[100]], expected: "TOO_FEW_PERIODS" },
    { name: "two periods, one client", periods: [[100, 150]], expected: ["C"] },
    { name: "all equal: 0 % growth is M", periods: [[50, 50], [50, 50]], expected: ["M", "M"] },
    { name: "a tie on the boundary: exactly +t and −t are M", periods: [[200, 220], [200, 180]], expected: ["M", "M"] },
    { name: "just past the boundary", periods: [[1000, 1101], [1000, 899]], expected: ["C", "V"] },
    {
      name: "decimal amounts on the boundary (float noise) stay M",
      periods: [[100.1, 110.11], [0.1 + 0.2, 0.33]],
      expected: ["M", "M"],
    },
    { name: "no CA in either period is not classed", periods: [[500, 0, 0]], expected: [null] },
    { name: "custom threshold 20 %", periods: [[100, 115], [100, 125]], options: { threshold: 0.2 }, expected: ["M", "C"] },
    { name: "threshold 0: any change leaves M", periods: [[100, 100], [100, 101]], options: { threshold: 0 }, expected: ["M", "C"] },
    { name: "a blank (NaN) in the last two periods", periods: [[100, 120], [100, NaN]], expected: "NOT_FINITE" },
    { name: "a text cell in the last two periods", periods: [["n/a" as unknown as number, 120]], expected: "NOT_FINITE" },
    { name: "a blank before the last two periods is not read", periods: [[NaN, 100, 130]], expected: ["C"] },
    { name: "negative CA_prev going up reads as growth (|CA_prev|)", periods: [[-100, 50], [-100, -200]], expected: ["C", "V"] },
    { name: "CA_prev = 0 and negative CA_last is not classed", periods: [[0, -30]], expected: [null] },
    { name: "threshold ≥ 100 %", periods: [[1, 2]], options: { threshold: 1 }, expected: "BAD_PARAMETER" },
    { name: "negative threshold", periods: [[1, 2]], options: { threshold: -0.1 }, expected: "BAD_PARAMETER" },
  ];
  it.each(cases)("maturity(periods): $name", ({ periods, options, expected }) => {
    if (typeof expected === "string") {
      expect(thrown(() => maturity(periods, options)).code).toBe(expected);
      return;
    }
    expect(maturity(periods, options).map((r) => r.phase)).toEqual(expected);
  });

  it("maturity names the row of a client with fewer than two periods", () => {
    const e = thrown(() => maturity([[1, 2], [3]]));
    expect(e.code).toBe("TOO_FEW_PERIODS");
    expect(e.index).toBe(1);
    expect(e.message).toBe("Maturité ligne 2 : au moins deux périodes de CA sont nécessaires (1 fournie).");
  });

  it("maturity warns on no sales and on negative CA", () => {
    const r = maturity([[0, 0], [-100, 50], [0, -30], [100, -20]]);
    expect(r.map((x) => x.warning)).toEqual(["no_sales", "negative", "negative", "negative"]);
    expect(r[1].growth).toBe(1.5);
    expect(r[3]).toMatchObject({ phase: "V", growth: -1.2 });
    expect(explain(r[0].why)).toBe("Non classé : aucun CA sur les deux dernières périodes.");
  });

  it("maturity does not modify its input", () => {
    const row = Object.freeze([1, 2, 3]) as readonly number[];
    const input = Object.freeze([row]) as readonly (readonly number[])[];
    maturity(input);
    expect(input).toEqual([[1, 2, 3]]);
  });

  it("maturity: the phase follows the sign and size of the change (property)", () => {
    const ca = fc.integer({ min: 0, max: 1_000_000 });
    fc.assert(
      fc.property(ca, ca, fc.integer({ min: 0, max: 99 }), (prev, last, tPct) => {
        const t = tPct / 100;
        const [r] = maturity([[prev, last]], { threshold: t });
        if (prev === 0) return r.phase === (last > 0 ? "D" : null);
        // Exact integer comparison of (last − prev) / prev with t = tPct / 100.
        const lhs = 100 * (last - prev);
        const bound = tPct * prev;
        const exact = lhs > bound ? "C" : lhs < -bound ? "V" : "M";
        return r.phase === exact;
      }),
      { numRuns: 1000 },
    );
  });
});

describe("portfolioShape", () => {
  const cases: {
    name: string;
    phases: (MaturityPhase | null)[];
    shape: PortfolioShape | string;
    counts?: [number, number, number, number, number];
  }[] = [
    { name: "empty input", phases: [], shape: "EMPTY_INPUT" },
    { name: "one value D is descending (young)", phases: ["D"], shape: "descending", counts: [1, 0, 0, 0, 0] },
    { name: "all equal M is ascending (ageing)", phases: ["M", "M", "M"], shape: "ascending", counts: [0, 0, 3, 0, 0] },
    { name: "D + C > 50 % is descending (rajeunissante)", phases: ["D", "C", "C", "M", "V"], shape: "descending", counts: [1, 2, 1, 1, 0] },
    { name: "M + V > 50 % is ascending (montante), even with more D than V", phases: ["D", "D", "M", "M", "V"], shape: "ascending" },
    {
      name: "a tie on the 50 % boundary is neither ascending nor descending: balanced",
      phases: ["C", "C", "M", "M"],
      shape: "balanced",
      counts: [0, 2, 2, 0, 0],
    },
    {
      name: "the U is tested first: D and V above C and M, although M + V > 50 %",
      phases: ["D", "D", "D", "D", "D", "V", "V", "V", "V", "M", "M", "M", "C"],
      shape: "u_curve",
      counts: [5, 1, 3, 4, 0],
    },
    { name: "the U is tested first: D and V above C and M, although D + C > 50 %", phases: ["D", "D", "D", "D", "C", "V", "V"], shape: "u_curve" },
    { name: "D equal to M is not a U", phases: ["D", "D", "M", "M", "V", "V", "V", "C"], shape: "ascending" },
    { name: "exactly 50 / 50 with D and V above C and M is a U", phases: ["D", "D", "C", "M", "V", "V"], shape: "u_curve" },
    {
      name: "unclassed clients are counted, not in the percentages",
      phases: ["D", "C", null, null, null, "M"],
      shape: "descending",
      counts: [1, 1, 1, 0, 3],
    },
    { name: "no classed client at all", phases: [null, null], shape: "balanced", counts: [0, 0, 0, 0, 2] },
    { name: "a value that is not a phase", phases: ["D", "X" as MaturityPhase], shape: "BAD_PARAMETER" },
  ];
  it.each(cases)("portfolioShape(phases): $name", ({ phases, shape, counts }) => {
    if (shape === "EMPTY_INPUT" || shape === "BAD_PARAMETER") {
      expect(thrown(() => portfolioShape(phases)).code).toBe(shape);
      return;
    }
    const r = portfolioShape(phases);
    expect(r.shape).toBe(shape);
    if (counts) {
      const [D, C, M, V, unclassed] = counts;
      expect(r.counts).toEqual({ D, C, M, V, unclassed });
    }
  });

  it("portfolioShape explains the shape with the shares over classed clients", () => {
    const r = portfolioShape(["D", "C", "C", "M", null]);
    expect(explain(r.why)).toBe(
      "Configuration descendante ou rajeunissante : D + C font 75\u202f% des 4 clients classés (plus de 50\u202f%) ; un portefeuille jeune : développer et sécuriser les nouveaux clients. D 1, C 2, M 1, V 0, non classés 1.",
    );
    expect(explain(portfolioShape(["M", "V", "V", "C"]).why)).toBe(
      "Maturité ascendante (ou montante) : M + V font 75\u202f% des 4 clients classés (plus de 50\u202f%) ; le portefeuille vieillit : prévoir la conquête et le rajeunissement de la clientèle. D 0, C 1, M 1, V 2, non classés 0.",
    );
    expect(explain(portfolioShape(["M", "V", "V", "C"]).why, "en")).toMatch(/^Ascending \(rising\) maturity: M \+ V make 75% of the 4 classed clients/);
    expect(explain(portfolioShape([null]).why)).toBe("Aucun client classé (1 non classé) : pas de forme de portefeuille.");
  });

  it("portfolioShape: counts add up and the shape follows SPEC §7 (property)", () => {
    const phase = fc.constantFrom<MaturityPhase | null>("D", "C", "M", "V", null);
    fc.assert(
      fc.property(fc.array(phase, { minLength: 1, maxLength: 80 }), (phases) => {
        const { shape, counts: c } = portfolioShape(phases);
        if (c.D + c.C + c.M + c.V + c.unclassed !== phases.length) return false;
        const classed = c.D + c.C + c.M + c.V;
        if (classed === 0) return shape === "balanced";
        if (Math.min(c.D, c.V) > Math.max(c.C, c.M)) return shape === "u_curve";
        if ((c.M + c.V) / classed > 0.5) return shape === "ascending";
        if ((c.D + c.C) / classed > 0.5) return shape === "descending";
        return shape === "balanced";
      }),
      { numRuns: 1000 },
    );
  });
});
