import type { Why } from "../i18n";
import { EngineError } from "./errors";
import { distributionOf } from "./stats/distribution";
import { assertFiniteList, assertSameLength } from "./stats/validate";

export type RfmSegment =
  | "champions"
  | "loyal"
  | "potential_loyalist"
  | "new"
  | "promising"
  | "need_attention"
  | "about_to_sleep"
  | "at_risk"
  | "cant_lose"
  | "hibernating";

/** Every segment, best first: the order a summary lists them in. */
export const RFM_SEGMENTS: readonly RfmSegment[] = [
  "champions",
  "loyal",
  "potential_loyalist",
  "new",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cant_lose",
  "hibernating",
];

export const RFM_DEFAULT_CLASSES = 5;

/** One list per criterion, one value per client, in the same client order. */
export interface RfmInput {
  /** Days since the last purchase (fewer is better). */
  readonly recency: readonly number[];
  /** Number of purchases in the period (more is better). */
  readonly frequency: readonly number[];
  /** Amount bought in the period (more is better; may be 0 or negative after returns). */
  readonly monetary: readonly number[];
}

/** Fixed scales: ascending break points b1 < … < b(k−1) of one criterion, which then has k = breaks + 1 classes. */
export interface RfmGrids {
  readonly recency?: readonly number[];
  readonly frequency?: readonly number[];
  readonly monetary?: readonly number[];
}

export interface RfmOptions {
  /** Number of classes k of the criteria scored by rank, an integer from 2 to 10. Default 5. */
  readonly classes?: number;
  /** Grid mode per criterion; a criterion with a grid ignores `classes`. */
  readonly grids?: RfmGrids;
  /** Weights of R, F and M in `sum`: non-negative, not all 0. Default [1, 1, 1]. */
  readonly weights?: readonly [number, number, number];
}

/** Why each score is what it is, and why the segment (when there is one). */
export interface RfmWhy {
  readonly r: Why;
  readonly f: Why;
  readonly m: Why;
  readonly segment?: Why;
}

export interface RfmResult {
  readonly r: number;
  readonly f: number;
  readonly m: number;
  /** The scores R, F, M as text, e.g. "543"; "10-5-3" when a criterion has 10 classes. */
  readonly code: string;
  /** wR × R + wF × F + wM × M. */
  readonly sum: number;
  /** Only when R and F both have 5 classes. */
  readonly segment?: RfmSegment;
  readonly why: RfmWhy;
}

/** SPEC §1 segment table, rows R = 5 down to R = 1, columns F = 1 to 5. */
const SEGMENT_TABLE: readonly (readonly RfmSegment[])[] = [
  ["new", "potential_loyalist", "potential_loyalist", "champions", "champions"],
  ["promising", "potential_loyalist", "potential_loyalist", "loyal", "loyal"],
  ["about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"],
  ["hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"],
  ["hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"],
];

/**
 * The RFM segment of a client scored on 5 classes, from its R and F scores (SPEC §1 table).
 *
 * @throws EngineError BAD_PARAMETER when r or f is not an integer from 1 to 5.
 * @example rfmSegment(5, 4) // "champions"
 */
export function rfmSegment(r: number, f: number): RfmSegment {
  for (const [arg, value] of [["R", r], ["F", f]] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 5) {
      throw new EngineError("BAD_PARAMETER", { arg, value: String(value), expected: "un entier de 1 à 5" });
    }
  }
  return SEGMENT_TABLE[5 - r][f - 1];
}

type Letter = "R" | "F" | "M";

interface Criterion {
  readonly k: number;
  /** Score of each client. */
  readonly score: Uint8Array;
  /** whys[s − 1] explains the score s; one object per score, shared by the clients that have it. */
  readonly whys: readonly Why[];
}

function checkClasses(classes: number): void {
  if (typeof classes !== "number" || !Number.isInteger(classes) || classes < 2 || classes > 10) {
    throw new EngineError("BAD_CLASSES", { value: String(classes) });
  }
}

function checkWeights(weights: readonly number[]): void {
  const ok =
    Array.isArray(weights) &&
    weights.length === 3 &&
    weights.every((w) => typeof w === "number" && Number.isFinite(w) && w >= 0) &&
    weights.some((w) => w > 0);
  if (!ok) throw new EngineError("BAD_WEIGHTS");
}

function checkGrid(grid: readonly number[], arg: string): void {
  if (!Array.isArray(grid) || grid.length < 1 || grid.length > 9) {
    throw new EngineError("BAD_GRID", { arg, detail: "de 1 à 9 bornes sont attendues (2 à 10 classes)" });
  }
  for (let i = 0; i < grid.length; i++) {
    const b = grid[i];
    if (typeof b !== "number" || !Number.isFinite(b)) {
      throw new EngineError("BAD_GRID", { arg, detail: `la borne ${i + 1} (« ${String(b)} ») n'est pas un nombre` });
    }
    if (i > 0 && !(grid[i - 1] < b)) {
      throw new EngineError("BAD_GRID", { arg, detail: "les bornes doivent être strictement croissantes" });
    }
  }
}

/** How many break points are ≤ x. */
function breaksReached(grid: readonly number[], x: number): number {
  let lo = 0;
  let hi = grid.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (grid[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The explanation of score s, as the interval of the rule it comes from: by rank, the share p of the other
 * clients doing worse is in [(s − 1)/k, s/k[ (at least (k − 1)/k for the top score); by grid, the value is
 * between the two break points around it.
 */
function scoreWhy(letter: Letter, s: number, k: number, n: number, grid: readonly number[] | undefined, lowerIsBetter: boolean): Why {
  if (grid) {
    const reached = lowerIsBetter ? k - s : s - 1;
    if (reached === 0) return { key: "rfm.grid_low", params: { criterion: letter, score: s, k, to: grid[0] } };
    if (reached === grid.length) {
      return { key: "rfm.grid_high", params: { criterion: letter, score: s, k, from: grid[reached - 1] } };
    }
    return { key: "rfm.grid", params: { criterion: letter, score: s, k, from: grid[reached - 1], to: grid[reached] } };
  }
  if (n === 1) return { key: "rfm.score_single", params: { criterion: letter, score: s, k } };
  if (s === k) return { key: "rfm.score_top", params: { criterion: letter, score: s, k, from: { pct: (k - 1) / k } } };
  return { key: "rfm.score", params: { criterion: letter, score: s, k, from: { pct: (s - 1) / k }, to: { pct: s / k } } };
}

function scoreCriterion(
  values: readonly number[],
  letter: Letter,
  lowerIsBetter: boolean,
  classes: number,
  grid: readonly number[] | undefined,
): Criterion {
  const n = values.length;
  const dist = distributionOf(values);
  const distinct = dist.values.length;
  const k = grid ? grid.length + 1 : classes;
  const scoreOf = new Uint8Array(distinct);
  for (let j = 0; j < distinct; j++) {
    if (grid) {
      const reached = breaksReached(grid, dist.values[j]);
      scoreOf[j] = lowerIsBetter ? k - reached : 1 + reached;
    } else {
      const p = n === 1 ? 1 : (lowerIsBetter ? dist.above(j) : dist.below[j]) / (n - 1);
      scoreOf[j] = Math.min(k, 1 + Math.floor(p * k + 1e-9));
    }
  }
  const score = new Uint8Array(n);
  const { order, below, counts } = dist;
  for (let j = 0; j < distinct; j++) {
    for (let p = below[j]; p < below[j] + counts[j]; p++) score[order[p]] = scoreOf[j];
  }
  const whys = Array.from({ length: k }, (_, s) => scoreWhy(letter, s + 1, k, n, grid, lowerIsBetter));
  return { k, score, whys };
}

/**
 * RFM scores of n clients as columns, index i = client i (input order); `explain(i)` gives client i's why.
 */
export interface RfmColumns {
  readonly n: number;
  /** Number of classes of R, F and M (k, or a grid's breaks + 1). */
  readonly kR: number;
  readonly kF: number;
  readonly kM: number;
  readonly r: Uint8Array;
  readonly f: Uint8Array;
  readonly m: Uint8Array;
  /** wR × R + wF × F + wM × M. */
  readonly sum: Float64Array;
  /** Index in `codes` of client i's code: ((R − 1) × kF + (F − 1)) × kM + (M − 1). */
  readonly cell: Uint16Array;
  /** The code of each cell, "543" ("10-5-3" when a criterion has 10 classes). */
  readonly codes: readonly string[];
  /** Segment code, an index of `RFM_SEGMENTS`; only when R and F both have 5 classes. */
  readonly segment?: Uint8Array;
  /** Why each score (and the segment) is what it is; clients with the same scores share one object. */
  explain(i: number): RfmWhy;
}

/**
 * RFM scores (SPEC §1) as columns (see `RfmColumns`): Récence, Fréquence, Montant, each scored from 1
 * (worst) to k (best).
 *
 * By rank (default): with n clients, `p = count(v < x) / (n − 1)` for frequency and monetary,
 * `p = count(v > x) / (n − 1)` for recency (fewer days is better), `p = 1` when n = 1; then
 * `score = min(k, 1 + floor(p × k + 1e-9))`. Equal values always get equal scores (the count is of values
 * strictly below), so a tie never straddles two classes. By grid: `score = 1 + count(bj ≤ x)`, and for
 * recency `score = k − count(bj ≤ x)`. Negative values are ranked like any other: a negative monetary
 * (returns) simply scores low. `segment` is read from R and F only when both have 5 classes.
 * Each score's why states the interval of the rule it falls in (by rank, the share of the other clients
 * doing worse is in [(s − 1)/k ; s/k[; by grid, the break points around the value).
 *
 * @throws EngineError EMPTY_INPUT, NOT_FINITE (naming the list and the row; a blank or text cell is never
 *   read as 0), LENGTH_MISMATCH, BAD_CLASSES, BAD_GRID, BAD_WEIGHTS.
 * @example rfmColumns({ recency: [3, 400], frequency: [9, 1], monetary: [500, 50] }, { classes: 2 }).r // Uint8Array [2, 1]
 */
export function rfmColumns(input: RfmInput, options: RfmOptions = {}): RfmColumns {
  const classes = options.classes ?? RFM_DEFAULT_CLASSES;
  checkClasses(classes);
  const weights = options.weights ?? [1, 1, 1];
  checkWeights(weights);
  const grids = options.grids ?? {};
  if (grids.recency !== undefined) checkGrid(grids.recency, "récence");
  if (grids.frequency !== undefined) checkGrid(grids.frequency, "fréquence");
  if (grids.monetary !== undefined) checkGrid(grids.monetary, "montant");

  const { recency, frequency, monetary } = input;
  assertSameLength(recency, "récence", frequency, "fréquence");
  assertSameLength(recency, "récence", monetary, "montant");
  assertFiniteList(recency, "récence", "RFM");
  assertFiniteList(frequency, "fréquence", "RFM");
  assertFiniteList(monetary, "montant", "RFM");

  const R = scoreCriterion(recency, "R", true, classes, grids.recency);
  const F = scoreCriterion(frequency, "F", false, classes, grids.frequency);
  const M = scoreCriterion(monetary, "M", false, classes, grids.monetary);

  const separator = R.k === 10 || F.k === 10 || M.k === 10 ? "-" : "";
  const codes = new Array<string>(R.k * F.k * M.k);
  for (let r = 1; r <= R.k; r++) {
    for (let f = 1; f <= F.k; f++) {
      for (let m = 1; m <= M.k; m++) codes[((r - 1) * F.k + (f - 1)) * M.k + (m - 1)] = `${r}${separator}${f}${separator}${m}`;
    }
  }
  const withSegment = R.k === 5 && F.k === 5;
  const segmentWhys: Why[] = [];
  const segmentCodes = new Uint8Array(25);
  if (withSegment) {
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        const segment = rfmSegment(r, f);
        segmentCodes[(r - 1) * 5 + (f - 1)] = RFM_SEGMENTS.indexOf(segment);
        segmentWhys.push({ key: "rfm.segment", params: { r, f, segment: { label: `rfm.segment.${segment}` } } });
      }
    }
  }

  const n = recency.length;
  const [wR, wF, wM] = weights;
  const sum = new Float64Array(n);
  const cell = new Uint16Array(n);
  const segment = withSegment ? new Uint8Array(n) : undefined;
  const { score: r, k: kR } = R;
  const { score: f, k: kF } = F;
  const { score: m, k: kM } = M;
  for (let i = 0; i < n; i++) {
    sum[i] = wR * r[i] + wF * f[i] + wM * m[i];
    cell[i] = ((r[i] - 1) * kF + (f[i] - 1)) * kM + (m[i] - 1);
    if (segment) segment[i] = segmentCodes[(r[i] - 1) * 5 + (f[i] - 1)];
  }

  const whys = new Array<RfmWhy | undefined>(codes.length);
  const explain = (i: number): RfmWhy =>
    (whys[cell[i]] ??= withSegment
      ? { r: R.whys[r[i] - 1], f: F.whys[f[i] - 1], m: M.whys[m[i] - 1], segment: segmentWhys[(r[i] - 1) * 5 + (f[i] - 1)] }
      : { r: R.whys[r[i] - 1], f: F.whys[f[i] - 1], m: M.whys[m[i] - 1] });

  return { n, kR, kF, kM, r, f, m, sum, cell, codes, ...(segment ? { segment } : {}), explain };
}

/**
 * RFM scores (SPEC §1), one result object per client: the row view of `rfmColumns` (same conventions and
 * errors). Clients with the same scores share one why object: results are read-only.
 *
 * @throws EngineError EMPTY_INPUT, NOT_FINITE (naming the list and the row; a blank or text cell is never
 *   read as 0), LENGTH_MISMATCH, BAD_CLASSES, BAD_GRID, BAD_WEIGHTS.
 * @example
 * const [a] = rfmScores({ recency: [3, 40, 90, 200, 400], frequency: [9, 12, 4, 2, 1], monetary: [500, 900, 700, 100, 50] });
 * // a: { r: 5, f: 4, m: 3, code: "543", sum: 12, segment: "champions", why: { r, f, m, segment } }
 */
export function rfmScores(input: RfmInput, options: RfmOptions = {}): RfmResult[] {
  return rfmRows(rfmColumns(input, options));
}

/** The row view of RFM columns: client i's scores, code, sum, segment and why, as one object. */
export function rfmRows(columns: RfmColumns): RfmResult[] {
  const rows = new Array<RfmResult>(columns.n);
  for (let i = 0; i < columns.n; i++) rows[i] = rfmRow(columns, i);
  return rows;
}

/** Client i of RFM columns as one result object (its why shared with the clients of the same scores). */
export function rfmRow(columns: RfmColumns, i: number): RfmResult {
  const { r, f, m, sum, cell, codes, segment } = columns;
  const why = columns.explain(i);
  return segment
    ? { r: r[i], f: f[i], m: m[i], code: codes[cell[i]], sum: sum[i], segment: RFM_SEGMENTS[segment[i]], why }
    : { r: r[i], f: f[i], m: m[i], code: codes[cell[i]], sum: sum[i], why };
}
