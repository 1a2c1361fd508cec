import type { LabelKey, Why } from "../i18n";
import { EngineError, assertNever } from "./errors";
import { assertIndex, readNumberCell } from "./stats/validate";

/** The four criteria of Pascal Py's rule, each scored 1 to 5 by the rep (SPEC §11), in argument order. */
export type ProspectCriterion = "pertinence" | "credibility" | "attractiveness" | "ourAttractiveness";
export const PROSPECT_CRITERIA: readonly ProspectCriterion[] = ["pertinence", "credibility", "attractiveness", "ourAttractiveness"];

/** `status[i]` is an index into this table. */
export const PROSPECT_STATUSES = ["retained", "rejected", "unscored"] as const;
export type ProspectStatus = (typeof PROSPECT_STATUSES)[number];

/**
 * `reason[i]` is an index into this table: why the status is what it is. For a rejected prospect, the first rule
 * that failed (pertinence, then credibility, then double attractiveness); for an unscored one, what was wrong
 * with the first unreadable criterion.
 */
export const PROSPECT_REASONS = [
  "rules_met",
  "pertinence",
  "credibility",
  "double_attractiveness",
  "potential",
  "equal",
  "blank",
  "not_number",
  "out_of_range",
] as const;
export type ProspectReason = (typeof PROSPECT_REASONS)[number];

/** How the prospects were scored: by the four criteria, by their potential (no criteria), or not at all. */
export type ProspectMode = "criteria" | "potential" | "equal";

/** Every criterion must reach this score for the prospect to be retained (Py: "au moins 3 sur 5"). */
export const PROSPECT_RULE_MINIMUM = 3;
export const PROSPECT_SCALE: readonly [number, number] = [1, 5];

export const PROSPECT_STATUS_LABEL: Readonly<Record<ProspectStatus, LabelKey>> = {
  retained: "prospects.status.retained",
  rejected: "prospects.status.rejected",
  unscored: "prospects.status.unscored",
};

export const PROSPECT_REASON_LABEL: Readonly<Record<ProspectReason, LabelKey>> = {
  rules_met: "prospects.reason.rules_met",
  pertinence: "prospects.reason.pertinence",
  credibility: "prospects.reason.credibility",
  double_attractiveness: "prospects.reason.double_attractiveness",
  potential: "prospects.reason.potential",
  equal: "prospects.reason.equal",
  blank: "prospects.reason.blank",
  not_number: "prospects.reason.not_number",
  out_of_range: "prospects.reason.out_of_range",
};

type ScoredColumn = ProspectCriterion | "potential";

const CRITERION_LABEL: Readonly<Record<ScoredColumn, LabelKey>> = {
  pertinence: "prospects.criterion.pertinence",
  credibility: "prospects.criterion.credibility",
  attractiveness: "prospects.criterion.attractiveness",
  ourAttractiveness: "prospects.criterion.our_attractiveness",
  potential: "prospects.criterion.potential",
};

/**
 * One column per criterion, one cell per prospect, as read from the sheet: a finite number is a score; null,
 * undefined or blank text is blank; anything else (text, a boolean, NaN) is not a number. Cells are checked
 * here, never trusted.
 */
export interface ProspectInput {
  readonly pertinence?: readonly unknown[];
  readonly credibility?: readonly unknown[];
  /** Attractivité pour nous: what the prospect can bring us. */
  readonly attractiveness?: readonly unknown[];
  /** Notre attractivité pour lui: what we bring it that its supplier does not. */
  readonly ourAttractiveness?: readonly unknown[];
  /** Used as the score when no criterion column is given (all retained). */
  readonly potential?: readonly unknown[];
  /** Number of prospects when neither criteria nor potential are given (they then share equally). */
  readonly count?: number;
}

export interface ProspectOptions {
  /** Weights of pertinence, credibility, attractiveness to us, our attractiveness; default equal. */
  readonly weights?: readonly number[];
}

/** A cell that kept a prospect from being scored, for the import report and the "Remarques" sheet. */
export interface ProspectWarning {
  /** 0-based position in the prospect list. */
  readonly index: number;
  readonly code: "blank" | "not_number" | "out_of_range";
  readonly criterion: ScoredColumn;
  /** The cell as read (a number, or the text shown). */
  readonly value: string | number;
}

/** One prospect, as a row: derived from the columns for the callers that want objects. */
export interface ProspectRow {
  readonly status: ProspectStatus;
  readonly reason: ProspectReason;
  /** Ep 0..100 in "criteria" mode (rejected prospects too); null when unscored or in the other modes. */
  readonly ep: number | null;
  /** The conquest weight: Ep of a retained prospect, its potential in "potential" mode, 1 in "equal"; 0 otherwise. */
  readonly score: number;
  readonly why: Why;
}

/** Column-shaped result: entry i of every array is prospect i, in input order. */
export interface ProspectScores {
  readonly n: number;
  readonly mode: ProspectMode;
  /** Index into PROSPECT_STATUSES. */
  readonly status: Uint8Array;
  /** Index into PROSPECT_REASONS. */
  readonly reason: Uint8Array;
  /** Ep 0..100 ("criteria" mode, every scored prospect); NaN otherwise. */
  readonly ep: Float64Array;
  /** Conquest weight (see `ProspectRow.score`); 0 for a prospect that is not retained. */
  readonly score: Float64Array;
  /** 1 for a retained prospect, else 0 (what `allocateConquest` reads). */
  readonly retained: Uint8Array;
  readonly retainedCount: number;
  /** The weights used, as given (default 1, 1, 1, 1). */
  readonly weights: readonly number[];
  readonly warnings: readonly ProspectWarning[];
  /** Set when neither criteria nor potential were given: the prospects share conquête equally. */
  readonly notice?: Why;
  /** Why prospect i has its status, built on demand. */
  explain(i: number): Why;
  row(i: number): ProspectRow;
}


function checkWeights(weights: readonly number[] | undefined): number[] {
  if (weights === undefined) return [1, 1, 1, 1];
  const list = Array.isArray(weights) ? (weights as readonly unknown[]) : [weights as unknown];
  const detail = list.map((w) => String(w)).join(" ; ");
  const ok = list.length === 4 && list.every((w) => typeof w === "number" && Number.isFinite(w) && w >= 0);
  if (!ok) throw new EngineError("BAD_PROSPECT_WEIGHTS", { detail });
  const numbers = list as number[];
  if (numbers[0] + numbers[1] + numbers[2] + numbers[3] <= 0) throw new EngineError("BAD_PROSPECT_WEIGHTS", { detail });
  return numbers.slice();
}

const ARG_NAMES: Readonly<Record<ScoredColumn, string>> = {
  pertinence: "pertinence",
  credibility: "crédibilité",
  attractiveness: "attractivité pour nous",
  ourAttractiveness: "notre attractivité",
  potential: "potentiel",
};

const STATUS_REJECTED = 1;
const STATUS_UNSCORED = 2;
const REASON = Object.fromEntries(PROSPECT_REASONS.map((r, k) => [r, k])) as Record<ProspectReason, number>;

/**
 * Prospect targeting and the Ep score (SPEC §11, Pascal Py ch. 7 and 14).
 *
 * With the four criteria (scores 1 to 5): a prospect is **retained** when pertinence ≥ 3, crédibilité ≥ 3 and
 * double attractivité hold (attractivité pour nous ≥ 3 and notre attractivité ≥ 3); otherwise **rejected**,
 * with the first rule that failed in that order. A score of exactly 3 passes. `Ep = 100 × (weighted mean − 1) / 4`,
 * computed for rejected prospects too (the teacher's table shows it); a retained prospect's Ep is at least 50.
 * Scores may be fractional (3.5); weights default to equal.
 *
 * Bad cells: a blank, text or out-of-scale (outside 1..5) criterion leaves that prospect **unscored** (status
 * "unscored", no Ep, no conquest) with a warning naming the prospect and the criterion; the other prospects are
 * scored normally. Out of scale is a per-prospect warning, not an error for the list: one typo must not stop
 * the plan (the custom function shows #VALUE! on that row only).
 *
 * Fallbacks: no criterion column but a potential column → every prospect is retained with its potential as its
 * score (a blank, text or negative potential leaves it unscored, with a warning); neither → every prospect is
 * retained with score 1 (equal shares) and `notice` says why. Some but not all four criteria is an error.
 * An empty list gives an empty result.
 *
 * @throws EngineError BAD_PROSPECT_WEIGHTS (not four non-negative numbers, or all zero), LENGTH_MISMATCH,
 *   PROSPECT_CRITERIA_MISSING (one to three criteria given), BAD_PARAMETER (count not a whole number ≥ 0).
 * @example scoreProspects({ pertinence: [4, 2], credibility: [3, 5], attractiveness: [5, 5], ourAttractiveness: [4, 5] })
 *   // status [0, 1] (retained, rejected: pertinence), ep [75, 81.25]
 */
export function scoreProspects(input: ProspectInput, options: ProspectOptions = {}): ProspectScores {
  const weights = checkWeights(options.weights);
  const given = PROSPECT_CRITERIA.filter((c) => input[c] !== undefined);
  if (given.length > 0 && given.length < 4) {
    const missing = PROSPECT_CRITERIA.filter((c) => input[c] === undefined).map((c) => ARG_NAMES[c]);
    throw new EngineError("PROSPECT_CRITERIA_MISSING", { missing: missing.join(", ") });
  }
  const mode: ProspectMode = given.length === 4 ? "criteria" : input.potential !== undefined ? "potential" : "equal";
  const columns: readonly (readonly unknown[])[] =
    mode === "criteria" ? PROSPECT_CRITERIA.map((c) => input[c] as readonly unknown[]) : mode === "potential" ? [input.potential as readonly unknown[]] : [];
  const names: readonly ScoredColumn[] = mode === "criteria" ? PROSPECT_CRITERIA : ["potential"];
  for (let k = 0; k < columns.length; k++) {
    if (!Array.isArray(columns[k])) {
      throw new EngineError("BAD_PARAMETER", { arg: ARG_NAMES[names[k]], value: String(columns[k]), expected: "une colonne de notes" });
    }
    if (k > 0 && columns[k].length !== columns[0].length) {
      throw new EngineError("LENGTH_MISMATCH", { arg: ARG_NAMES[names[0]], n1: columns[0].length, arg2: ARG_NAMES[names[k]], n2: columns[k].length });
    }
  }
  let n: number;
  if (mode === "equal") {
    const count = input.count ?? 0;
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new EngineError("BAD_PARAMETER", { arg: "nombre de prospects", value: String(count), expected: "un nombre entier positif ou nul" });
    }
    n = count;
  } else n = columns[0].length;

  const status = new Uint8Array(n);
  const reason = new Uint8Array(n);
  const ep = new Float64Array(n).fill(NaN);
  const score = new Float64Array(n);
  const retained = new Uint8Array(n);
  // The four criteria, row-major (values[4i + k]); NaN where unread.
  const values = new Float64Array(mode === "criteria" ? 4 * n : n).fill(NaN);
  const warnings: ProspectWarning[] = [];
  const weightSum = weights[0] + weights[1] + weights[2] + weights[3];
  let retainedCount = 0;

  for (let i = 0; i < n; i++) {
    if (mode === "equal") {
      reason[i] = REASON.equal;
      score[i] = 1;
      retained[i] = 1;
      retainedCount++;
      continue;
    }
    let bad: ProspectWarning | undefined;
    for (let k = 0; k < columns.length; k++) {
      const read = readNumberCell(columns[k][i]);
      if (!read.ok) {
        bad ??= { index: i, code: read.code, criterion: names[k], value: read.shown };
        continue;
      }
      const v = read.value;
      const outside = mode === "criteria" ? v < PROSPECT_SCALE[0] || v > PROSPECT_SCALE[1] : v < 0;
      if (outside) bad ??= { index: i, code: "out_of_range", criterion: names[k], value: v };
      values[columns.length * i + k] = v;
    }
    if (bad) {
      warnings.push(bad);
      status[i] = STATUS_UNSCORED;
      reason[i] = REASON[bad.code];
      continue;
    }
    if (mode === "potential") {
      reason[i] = REASON.potential;
      score[i] = values[i];
      retained[i] = 1;
      retainedCount++;
      continue;
    }
    const p = values[4 * i];
    const c = values[4 * i + 1];
    const a = values[4 * i + 2];
    const o = values[4 * i + 3];
    const mean = (weights[0] * p + weights[1] * c + weights[2] * a + weights[3] * o) / weightSum;
    ep[i] = (100 * (mean - 1)) / 4;
    const min = PROSPECT_RULE_MINIMUM;
    const failed = p < min ? REASON.pertinence : c < min ? REASON.credibility : a < min || o < min ? REASON.double_attractiveness : -1;
    if (failed >= 0) {
      status[i] = STATUS_REJECTED;
      reason[i] = failed;
      continue;
    }
    status[i] = 0; // retained
    reason[i] = REASON.rules_met;
    score[i] = ep[i];
    retained[i] = 1;
    retainedCount++;
  }

  const byIndex = new Map<number, ProspectWarning>();
  for (const w of warnings) byIndex.set(w.index, w);

  const explain = (i: number): Why => {
    assertIndex(i, n, "prospect");
    const r = PROSPECT_REASONS[reason[i]];
    switch (r) {
      case "rules_met":
      case "pertinence":
      case "credibility":
      case "double_attractiveness": {
        const params = {
          pertinence: values[4 * i],
          credibility: values[4 * i + 1],
          attractiveness: values[4 * i + 2],
          ourAttractiveness: values[4 * i + 3],
          ep: Math.round(ep[i] * 100) / 100,
        };
        return r === "rules_met" ? { key: "prospects.retained", params } : { key: `prospects.rejected.${r}`, params };
      }
      case "potential":
        return { key: "prospects.potential", params: { potential: values[i] } };
      case "equal":
        return { key: "prospects.equal", params: {} };
      case "blank":
      case "not_number":
      case "out_of_range": {
        const w = byIndex.get(i) as ProspectWarning;
        return { key: `prospects.unscored.${r}`, params: { criterion: { label: CRITERION_LABEL[w.criterion] }, value: w.value } };
      }
      default:
        return assertNever(r);
    }
  };

  return {
    n,
    mode,
    status,
    reason,
    ep,
    score,
    retained,
    retainedCount,
    weights,
    warnings,
    ...(mode === "equal" && n > 0 ? { notice: { key: "prospects.warning.no_score", params: {} } as Why } : {}),
    explain,
    row(i: number): ProspectRow {
      assertIndex(i, n, "prospect");
      return {
        status: PROSPECT_STATUSES[status[i]],
        reason: PROSPECT_REASONS[reason[i]],
        ep: Number.isNaN(ep[i]) ? null : ep[i],
        score: score[i],
        why: explain(i),
      };
    },
  };
}

/**
 * The warning of one unscored prospect as a sentence key, naming its row: `row` defaults to its 1-based position
 * in the prospect list; a caller that knows the sheet row passes it.
 */
export function prospectWarningWhy(warning: ProspectWarning, row = warning.index + 1): Why {
  return {
    key: `prospects.warning.${warning.code}`,
    params: { row, criterion: { label: CRITERION_LABEL[warning.criterion] }, value: warning.value },
  };
}

