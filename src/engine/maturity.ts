import type { LabelKey, Why } from "../i18n";
import { EngineError, assertNever } from "./errors";

/** D Démarrage, C Croissance, M Maturité, V Vieillissement. */
export type MaturityPhase = "D" | "C" | "M" | "V";

/** "no_sales": no CA in either of the last two periods; "negative": a negative CA (returns) in one of them. */
export type MaturityWarning = "no_sales" | "negative";

export interface MaturityOptions {
  /** Growth threshold t as a fraction, 0 ≤ t < 1; default 0.10 (10 %). */
  readonly threshold?: number;
}

export interface MaturityResult {
  /** null when the client cannot be classed (see `warning`). */
  readonly phase: MaturityPhase | null;
  /** g = (CA_last − CA_prev) / |CA_prev|; null when CA_prev = 0 (D, or not classed). */
  readonly growth: number | null;
  readonly why: Why;
  readonly warning?: MaturityWarning;
}

/**
 * Pascal Py's shapes: "u_curve" (courbe en U), "ascending" (maturité ascendante ou montante: the portfolio ages),
 * "descending" (configuration descendante ou rajeunissante: a young portfolio), else "balanced" (équilibrée).
 */
export type PortfolioShape = "u_curve" | "ascending" | "descending" | "balanced";

export interface MaturityCounts {
  readonly D: number;
  readonly C: number;
  readonly M: number;
  readonly V: number;
  readonly unclassed: number;
}

export interface PortfolioShapeResult {
  readonly shape: PortfolioShape;
  readonly counts: MaturityCounts;
  readonly why: Why;
}

export const MATURITY_DEFAULT_THRESHOLD = 0.1;

/** Growth within this distance of ±t counts as exactly ±t (Maturité), so cents never push a client off M. */
const GROWTH_TOLERANCE = 1e-9;

export const PHASE_LABEL: Readonly<Record<MaturityPhase, LabelKey>> = {
  D: "maturity.phase.D",
  C: "maturity.phase.C",
  M: "maturity.phase.M",
  V: "maturity.phase.V",
};

export const SHAPE_LABEL: Readonly<Record<PortfolioShape, LabelKey>> = {
  ascending: "maturity.shape.ascending",
  descending: "maturity.shape.descending",
  u_curve: "maturity.shape.u_curve",
  balanced: "maturity.shape.balanced",
};

/** The label of each phase code: `MATURITY_PHASES[phase[i]]` is client i's phase. */
export const MATURITY_PHASES = ["D", "C", "M", "V"] as const satisfies readonly MaturityPhase[];

/** The phase code of a client that cannot be classed (see `MaturityColumns.warning`). */
export const UNCLASSED = 255;

/** The label of each warning code but 0 (none): `MATURITY_WARNINGS[warning[i] − 1]`. */
export const MATURITY_WARNINGS = ["no_sales", "negative"] as const satisfies readonly MaturityWarning[];

/**
 * Maturity of n clients as columns, index i = client i (input order); `explain(i)` builds client i's why.
 */
export interface MaturityColumns {
  readonly n: number;
  /** Phase code, an index of `MATURITY_PHASES`; `UNCLASSED` when the client cannot be classed. */
  readonly phase: Uint8Array;
  /** g = (CA_last − CA_prev) / |CA_prev|; NaN when CA_prev = 0 (D, or not classed). */
  readonly growth: Float64Array;
  /** 0 none, else 1 + an index of `MATURITY_WARNINGS`. */
  readonly warning: Uint8Array;
  explain(i: number): Why;
}

/** Growth g of a client with CA_prev ≠ 0, snapped to ±t within the tolerance. */
function growthOf(prev: number, last: number, t: number): number {
  const g = (last - prev) / Math.abs(prev);
  if (Math.abs(g - t) <= GROWTH_TOLERANCE) return t;
  if (Math.abs(g + t) <= GROWTH_TOLERANCE) return -t;
  return g;
}

/**
 * Maturity phase of each client (SPEC §7) as columns (see `MaturityColumns`), with the conventions and errors
 * of `maturity`. `explain(i)` reads `periods`: keep it unchanged while the columns are in use.
 *
 * @example Array.from(maturityColumns([[0, 500], [1000, 0]]).phase, (p) => MATURITY_PHASES[p]) // ["D", "V"]
 */
export function maturityColumns(periods: readonly (readonly number[])[], options: MaturityOptions = {}): MaturityColumns {
  const t = options.threshold ?? MATURITY_DEFAULT_THRESHOLD;
  if (typeof t !== "number" || !Number.isFinite(t) || t < 0 || t >= 1) {
    throw new EngineError("BAD_PARAMETER", {
      arg: "seuil de croissance",
      value: String(t),
      expected: "une part d'au moins 0 et de moins de 100 %, par exemple 0,1 pour 10 %",
    });
  }
  if (periods.length === 0) throw new EngineError("EMPTY_INPUT", { arg: "CA par période" });
  const n = periods.length;
  const phase = new Uint8Array(n);
  const growth = new Float64Array(n);
  const warning = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const row = periods[i];
    const k = row.length;
    if (k < 2) throw new EngineError("TOO_FEW_PERIODS", { row: i + 1, n: k }, i);
    for (let c = k - 2; c < k; c++) {
      const v = row[c];
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new EngineError("NOT_FINITE", { arg: `CA période ${c + 1}`, row: i + 1, value: String(v) }, i);
      }
    }
    const prev = row[k - 2];
    const last = row[k - 1];
    const negative = prev < 0 || last < 0;
    if (prev === 0) {
      growth[i] = NaN;
      phase[i] = last > 0 ? 0 : UNCLASSED;
      warning[i] = last === 0 ? 1 : negative ? 2 : 0;
      continue;
    }
    const g = growthOf(prev, last, t);
    growth[i] = g;
    phase[i] = g > t ? 1 : g < -t ? 3 : 2;
    warning[i] = negative ? 2 : 0;
  }
  const threshold = { pct: t };
  const explain = (i: number): Why => {
    const row = periods[i];
    const prev = row[row.length - 2];
    const last = row[row.length - 1];
    const p = phase[i];
    if (prev === 0) {
      if (p === 0) return { key: "maturity.D", params: { last } };
      return last === 0 ? { key: "maturity.none", params: {} } : { key: "maturity.none_negative", params: { last } };
    }
    return { key: `maturity.${MATURITY_PHASES[p]}`, params: { prev, last, growth: { pct: growth[i] }, threshold } };
  };
  return { n, phase, growth, warning, explain };
}

/**
 * Maturity phase of each client (SPEC §7) from its CA per period, oldest first; only the last two periods are
 * read (earlier cells may be blank, as before a client started). With `g = (CA_last − CA_prev) / |CA_prev|`
 * and threshold t: D if CA_prev = 0 and CA_last > 0; C if g > t; M if −t ≤ g ≤ t; V if g < −t (CA_last = 0
 * gives g = −100 %, so V). The boundaries ±t belong to M, with a 1e-9 tolerance on g for float noise (a growth
 * that close to ±t is reported as exactly ±t). No CA in either period: phase null, warning "no_sales".
 *
 * Negative CA (returns): the change is taken over |CA_prev|, so a CA going up always reads as growth (−100 → 50
 * is +150 %, C) and going down as decline (the literal formula would flip the sign); such clients carry the
 * warning "negative". CA_prev = 0 with a negative CA_last has no growth rate and is not classed.
 * One plain object per client: the row view of `maturityColumns`.
 *
 * @throws EngineError EMPTY_INPUT, TOO_FEW_PERIODS (a client with fewer than two periods, naming the row),
 *   NOT_FINITE (a blank or text cell in the last two periods, naming the row), BAD_PARAMETER (threshold
 *   outside 0 ≤ t < 1).
 * @example maturity([[0, 500], [1000, 1250], [1000, 1050], [1000, 0]]).map(r => r.phase) // ["D", "C", "M", "V"]
 */
export function maturity(periods: readonly (readonly number[])[], options: MaturityOptions = {}): MaturityResult[] {
  return maturityRows(maturityColumns(periods, options));
}

/** The row view of maturity columns: client i's phase, growth, why and warning, as one object. */
export function maturityRows(columns: MaturityColumns): MaturityResult[] {
  const rows = new Array<MaturityResult>(columns.n);
  for (let i = 0; i < columns.n; i++) {
    const p = columns.phase[i];
    const g = columns.growth[i];
    const w = columns.warning[i];
    const row = { phase: p === UNCLASSED ? null : MATURITY_PHASES[p], growth: Number.isNaN(g) ? null : g, why: columns.explain(i) };
    rows[i] = w === 0 ? row : { ...row, warning: MATURITY_WARNINGS[w - 1] };
  }
  return rows;
}

/**
 * Portfolio shape from the phases (SPEC §7, second edition), tested in this order over the classed clients
 * (D + C + M + V; the unclassed are only counted):
 * 1. "u_curve" (courbe en U): D and V each exceed both C and M, strictly;
 * 2. "ascending" (maturité ascendante ou montante): M + V > 50 %, the portfolio ages;
 * 3. "descending" (configuration descendante ou rajeunissante): D + C > 50 %, a young portfolio;
 * 4. else "balanced" (équilibrée). Exactly 50 / 50 is neither ascending nor descending.
 * No classed client at all gives "balanced" with its own explanation. Counts are always reported. (The first
 * edition of §7 had ascending and descending the wrong way round.)
 *
 * @throws EngineError EMPTY_INPUT, BAD_PARAMETER (a value that is not D, C, M, V or null, naming the row).
 * @example portfolioShape(["D", "C", "C", "M", null]).shape // "descending" (3 of 4 classed are D + C: young)
 */
export function portfolioShape(phases: readonly (MaturityPhase | null)[]): PortfolioShapeResult {
  if (phases.length === 0) throw new EngineError("EMPTY_INPUT", { arg: "phases" });
  const c = { D: 0, C: 0, M: 0, V: 0, unclassed: 0 };
  phases.forEach((p, i) => {
    if (p === null) {
      c.unclassed++;
      return;
    }
    switch (p) {
      case "D":
      case "C":
      case "M":
      case "V":
        c[p]++;
        return;
      default:
        throw new EngineError(
          "BAD_PARAMETER",
          { arg: `phase, ligne ${i + 1}`, value: String(p as unknown), expected: "D, C, M, V ou vide" },
          i,
        );
    }
  });
  const counts: MaturityCounts = c;
  const classed = c.D + c.C + c.M + c.V;
  if (classed === 0) {
    return { shape: "balanced", counts, why: { key: "maturity.shape.none", params: { unclassed: c.unclassed } } };
  }
  const dc = c.D + c.C;
  const mv = c.M + c.V;
  let shape: PortfolioShape;
  if (c.D > c.C && c.D > c.M && c.V > c.C && c.V > c.M) shape = "u_curve";
  else if (2 * mv > classed) shape = "ascending";
  else if (2 * dc > classed) shape = "descending";
  else shape = "balanced";
  return { shape, counts, why: shapeWhy(shape, counts, classed) };
}

function shapeWhy(shape: PortfolioShape, c: MaturityCounts, classed: number): Why {
  const params = {
    d: c.D,
    c: c.C,
    m: c.M,
    v: c.V,
    classed,
    unclassed: c.unclassed,
    dcShare: { pct: (c.D + c.C) / classed },
    mvShare: { pct: (c.M + c.V) / classed },
  };
  switch (shape) {
    case "ascending":
      return { key: "maturity.shape.ascending", params };
    case "descending":
      return { key: "maturity.shape.descending", params };
    case "u_curve":
      return { key: "maturity.shape.u_curve", params };
    case "balanced":
      return { key: "maturity.shape.balanced", params };
    default:
      return assertNever(shape);
  }
}
