import type { Why } from "../i18n";
import { EngineError } from "./errors";
import { largestRemainder } from "./stats/largestRemainder";

/** Every retained prospect gets at least this many conquest contacts when the budget allows (SPEC §8). */
export const CONQUEST_FLOOR = 1;
/** Default most conquest contacts one prospect gets in the year. */
export const CONQUEST_DEFAULT_CAP = 6;

/** How the budget was placed: nobody retained, fewer contacts than retained prospects, shared, or shared with a rest. */
export type ConquestCase = "no_retained" | "short" | "shared" | "rest";

export interface ConquestInput {
  /** Conquest contacts to place, a whole number ≥ 0 (the conquête family of the capital). */
  readonly budget: number;
  /** One score per prospect (Ep, or potential): finite and ≥ 0 for every retained prospect; ignored otherwise. */
  readonly scores: ArrayLike<number>;
  /** 1 (or true) for a retained prospect; default every prospect is retained. */
  readonly retained?: ArrayLike<number | boolean>;
  /** Most contacts per prospect, a whole number ≥ 1; default 6. */
  readonly cap?: number;
}

export interface ConquestRow {
  readonly contacts: number;
  readonly quota: number;
  readonly why: Why;
}

/** Column-shaped result, entry i = prospect i in input order. */
export interface ConquestAllocation {
  readonly n: number;
  readonly budget: number;
  readonly cap: number;
  readonly retainedCount: number;
  /** Whole contacts per prospect; 0 for a prospect that is not retained. */
  readonly contacts: Uint32Array;
  /**
   * The exact (unrounded) proportional share of each retained prospect: for one between the bounds, its share of
   * what the bound prospects leave; for one at a bound, the share that passed it. NaN when not retained or short.
   */
  readonly quota: Float64Array;
  /** Contacts no prospect can take (nobody retained, or every retained prospect at its cap): never lost. */
  readonly rest: number;
  readonly case: ConquestCase;
  /** The portfolio-level explanation (the split, the rest, or the short budget). */
  readonly note: Why;
  explain(i: number): Why;
  row(i: number): ConquestRow;
}

const FREE = 0;
const FLOOR = 1;
const CAP = 2;

function badParameter(arg: string, value: unknown, expected: string, index?: number): EngineError {
  return new EngineError("BAD_PARAMETER", { arg, value: String(value), expected }, index);
}

/**
 * Shares the conquest budget among the retained prospects in proportion to their score (SPEC §8 and §11), each
 * between 1 (floor) and `cap` contacts (default 6), in whole contacts that sum exactly to `budget − rest`.
 *
 * Method: the exact shares are `λ × score`, held between the floor and the cap, with λ chosen so that they sum to
 * the budget (a prospect whose share would pass the cap is set at the cap and the others share what it leaves, in
 * proportion to their scores; likewise at the floor). The prospects between the bounds then share their part by
 * the largest-remainder method (ties: higher score first, then input order); their exact shares lie within the
 * bounds, so the rounded ones do too. A retained prospect with score 0 gets the floor only; when every retained
 * score is 0 they share as if equal.
 *
 * - Budget below the number of retained prospects: the best scores get 1 contact each, in decreasing score,
 *   ties in input order; the others none (case "short").
 * - Budget above what the caps allow (`retained × cap`, a zero score counting 1): every prospect at its bound,
 *   the rest is returned in `rest` (case "rest"). No retained prospect: the whole budget is the rest.
 * Permuting the prospects permutes the contacts, up to exchanges between prospects with equal scores.
 *
 * @throws EngineError BAD_PARAMETER (budget not a whole number ≥ 0, cap not a whole number ≥ 1, a retained
 *   prospect's score negative or not finite, naming its row), LENGTH_MISMATCH (scores and retained).
 * @example allocateConquest({ budget: 10, scores: [100, 50, 50] }).contacts // [5, 3, 2]: quotas 5, 2.5, 2.5
 */
export function allocateConquest(input: ConquestInput): ConquestAllocation {
  const { budget, scores } = input;
  const cap = input.cap ?? CONQUEST_DEFAULT_CAP;
  if (!Number.isSafeInteger(budget) || budget < 0) throw badParameter("budget de conquête", budget, "un nombre entier positif ou nul");
  if (!Number.isSafeInteger(cap) || cap < CONQUEST_FLOOR) {
    throw badParameter("plafond de contacts par prospect", cap, "un nombre entier d'au moins 1");
  }
  const n = scores.length;
  const mask = input.retained;
  if (mask !== undefined && mask.length !== n) {
    throw new EngineError("LENGTH_MISMATCH", { arg: "scores", n1: n, arg2: "retenus", n2: mask.length });
  }
  const members: number[] = [];
  for (let i = 0; i < n; i++) {
    if (mask !== undefined && !mask[i]) continue;
    const s = scores[i];
    if (typeof s !== "number" || !Number.isFinite(s) || s < 0) {
      throw badParameter(`score du prospect, ligne ${i + 1}`, s, "un nombre positif ou nul", i);
    }
    members.push(i);
  }
  const m = members.length;
  const contacts = new Uint32Array(n);
  const quota = new Float64Array(n).fill(NaN);
  const bound = new Uint8Array(n);
  const allZero = members.every((i) => scores[i] === 0);
  const weight = (i: number): number => (allZero ? 1 : scores[i]);

  let kase: ConquestCase;
  let rest = 0;
  // Rank by score, decreasing, ties in input order: the order of the short case and of remainder ties.
  const byScore = members.slice().sort((a, b) => weight(b) - weight(a) || a - b);
  const rankOf = new Map<number, number>();
  byScore.forEach((i, k) => rankOf.set(i, k + 1));

  if (m === 0) {
    kase = "no_retained";
    rest = budget;
  } else if (budget < m * CONQUEST_FLOOR) {
    kase = "short";
    for (let k = 0; k < budget; k++) contacts[byScore[k]] = 1;
  } else {
    // Water-filling: fix at the floor or the cap whoever the proportional share pushes past it, until none does.
    for (const i of members) bound[i] = weight(i) === 0 ? FLOOR : FREE;
    const ceiling = members.reduce((sum, i) => sum + (weight(i) === 0 ? CONQUEST_FLOOR : cap), 0);
    const placed = Math.min(budget, ceiling);
    rest = budget - placed;
    let lambda = NaN;
    for (;;) {
      let left = placed;
      let total = 0;
      const free: number[] = [];
      for (const i of members) {
        if (bound[i] === FLOOR) left -= CONQUEST_FLOOR;
        else if (bound[i] === CAP) left -= cap;
        else {
          free.push(i);
          total += weight(i);
        }
      }
      if (free.length === 0) break;
      // left × s / total against the bounds, by cross-multiplication (exact for whole scores).
      let excess = 0;
      let deficit = 0;
      const over: number[] = [];
      const under: number[] = [];
      for (const i of free) {
        const scaled = left * weight(i);
        if (scaled > cap * total) {
          over.push(i);
          excess += scaled - cap * total;
        } else if (scaled < CONQUEST_FLOOR * total) {
          under.push(i);
          deficit += CONQUEST_FLOOR * total - scaled;
        }
      }
      if (over.length === 0 && under.length === 0) {
        const shares = largestRemainder(left, free.map(weight), free.map((i) => rankOf.get(i) as number));
        free.forEach((i, k) => {
          contacts[i] = shares[k];
        });
        lambda = left / total;
        break;
      }
      // The side with the larger violation is surely bound at the solution (the other may come back inside).
      // A bound prospect keeps, as its exact share, the one that passed the bound (what a hand computation shows).
      if (excess >= deficit) {
        for (const i of over) {
          bound[i] = CAP;
          quota[i] = (left * weight(i)) / total;
        }
      }
      if (deficit >= excess) {
        for (const i of under) {
          bound[i] = FLOOR;
          quota[i] = (left * weight(i)) / total;
        }
      }
    }
    for (const i of members) {
      if (bound[i] === CAP) contacts[i] = cap;
      else if (bound[i] === FLOOR) {
        contacts[i] = CONQUEST_FLOOR;
        // A zero score is at the floor from the start: its proportional share is 0.
        if (Number.isNaN(quota[i])) quota[i] = 0;
      } else quota[i] = lambda * weight(i);
    }
    kase = rest > 0 ? "rest" : "shared";
  }

  const placedTotal = budget - rest;
  const note: Why =
    kase === "no_retained"
      ? { key: "conquest.no_retained", params: { budget } }
      : kase === "short"
        ? { key: "conquest.short", params: { budget, retained: m } }
        : kase === "rest"
          ? { key: "conquest.rest", params: { cap, rest } }
          : { key: "conquest.summary", params: { budget, retained: m, placed: placedTotal, rest } };

  const explain = (i: number): Why => {
    if (!Number.isInteger(i) || i < 0 || i >= n) throw new RangeError(`prospect index ${i} outside 0..${n - 1}`);
    const rank = rankOf.get(i);
    if (rank === undefined) return { key: "conquest.not_retained", params: {} };
    if (kase === "short") {
      return { key: contacts[i] > 0 ? "conquest.short_first" : "conquest.short_none", params: { budget, retained: m, rank } };
    }
    const q = Math.round(quota[i] * 100) / 100;
    const score = Math.round(scores[i] * 100) / 100;
    if (bound[i] === CAP) return { key: "conquest.capped", params: { score, quota: q, cap } };
    if (bound[i] === FLOOR) return { key: "conquest.floor", params: { score, quota: q } };
    return { key: "conquest.share", params: { score, quota: q, budget: placedTotal, planned: contacts[i], cap } };
  };

  return {
    n,
    budget,
    cap,
    retainedCount: m,
    contacts,
    quota,
    rest,
    case: kase,
    note,
    explain,
    row: (i: number): ConquestRow => ({ contacts: contacts[i], quota: quota[i], why: explain(i) }),
  };
}
