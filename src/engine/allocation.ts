import type { Why } from "../i18n";
import type { AbcClass } from "./abc";
import { elasticityReading } from "./elasticity";
import { EngineError } from "./errors";
import { largestRemainder } from "./stats/largestRemainder";

export type ActionFamily = "entretien" | "stimulation" | "conquete";

/** Shares of the capital by action family, as fractions adding up to 1. */
export type FamilyShares = Readonly<Record<ActionFamily, number>>;

/** Yearly visit norm (contacts a year) by ABC class. */
export type VisitNorms = Readonly<Record<AbcClass, number>>;

export const DEFAULT_FAMILY_SHARES: FamilyShares = { entretien: 0.6, stimulation: 0.25, conquete: 0.15 };
export const DEFAULT_VISIT_NORMS: VisitNorms = { A: 12, B: 6, C: 2 };

export interface ContactCapitalInput {
  /** Working weeks in the year, 0..53 (e.g. 52 − 5 holidays − 1 training − 1 seminar = 45). */
  readonly weeks: number;
  /** Field days per week, 0..7. */
  readonly daysPerWeek: number;
  /** Contacts (visits) per field day. */
  readonly contactsPerDay: number;
}

export interface NeedSegment {
  /** Number of clients in the segment (a whole number). */
  readonly clients: number;
  /** Yearly frequency norm: contacts a year for each client of the segment. */
  readonly norm: number;
}

/** A client in the portfolio; `prGap` and `elasticity` are left out (undefined) when unknown, never NaN. */
export interface AllocationCustomer {
  readonly isProspect?: false;
  readonly abc: AbcClass;
  /** P-R gap R − P (SPEC §4). */
  readonly prGap?: number;
  /** Elasticity of CA to contacts (SPEC §5). */
  readonly elasticity?: number;
}

/** A prospect: no entretien nor stimulation, a share of conquête by its score (default 1). */
export interface AllocationProspect {
  readonly isProspect: true;
  readonly prospectScore?: number;
}

export type AllocationClient = AllocationCustomer | AllocationProspect;

export interface AllocationInput {
  /** Contact capital, a whole number ≥ 0 (see `contactCapital`). */
  readonly capital: number;
  /** Default 60 / 25 / 15 %. */
  readonly shares?: FamilyShares;
  /** One entry per row, clients and prospects in any order; results come back in the same order. */
  readonly clients: readonly AllocationClient[];
  /** Overrides of the default norms A 12, B 6, C 2 (whole numbers ≥ 0). */
  readonly norms?: Partial<VisitNorms>;
  /** Months the yearly plan is spread over; default 12. */
  readonly months?: number;
}

export interface ClientAllocation {
  /** Entretien need: the norm of the client's class; 0 for a prospect. */
  readonly need: number;
  readonly entretien: number;
  readonly stimulation: number;
  readonly conquete: number;
  readonly total: number;
  /** `total` spread over the months (see `monthlySpread`). */
  readonly monthly: number[];
  /** Entretien for a client, conquête for a prospect. */
  readonly why: Why;
  /** Why the client gets turbo visits or not; absent for a prospect. */
  readonly stimulationWhy?: Why;
}

export interface AllocationResult {
  /** The capital split by the shares; sums exactly to the capital. */
  readonly families: Readonly<Record<ActionFamily, number>>;
  /** Per row, input order. */
  readonly perClient: ClientAllocation[];
  /** Sum of the entretien needs (norms) of the clients. */
  readonly needTotal: number;
  /** True when the needs exceed the entretien budget and were scaled down. */
  readonly scaled: boolean;
  /** Entretien contacts no client needs; they are added to stimulation. */
  readonly entretienUnused: number;
  /** families.stimulation + entretienUnused. */
  readonly stimulationBudget: number;
  /** Stimulation left unassigned because no client qualifies (gap ≥ 1 or elasticity ≥ 1). */
  readonly stimulationPool: number;
  /** Conquête not assigned to a prospect (no prospect, or all scores 0): one pool to plan. */
  readonly conquestPool: number;
  /** Portfolio-level explanations: the split, scaling, transfers, pools. */
  readonly notes: Why[];
}

const CLASS_PRIORITY: Readonly<Record<AbcClass, number>> = { A: 0, B: 1, C: 2 };
const SHARE_SCALE = 1e9;

function badParameter(arg: string, value: unknown, expected: string, index?: number): EngineError {
  return new EngineError("BAD_PARAMETER", { arg, value: String(value), expected }, index);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function checkNonNegative(value: number, arg: string, max = Infinity): void {
  if (!isFiniteNumber(value) || value < 0 || value > max) {
    const expected = max === Infinity ? "un nombre positif ou nul" : `un nombre de 0 à ${max}`;
    throw badParameter(arg, value, expected);
  }
}

function checkWholeNumber(value: number, arg: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw badParameter(arg, value, "un nombre entier positif ou nul");
}

function checkMonths(months: number): void {
  if (!Number.isSafeInteger(months) || months < 1) {
    throw badParameter("nombre de mois", months, "un nombre entier d'au moins 1");
  }
}

/**
 * Contact capital (capital de contacts, SPEC §8): the contacts one rep can make in a year,
 * `weeks × daysPerWeek × contactsPerDay`, rounded down to a whole contact (with a 1e-9 tolerance, so
 * 45 × 4 × 2.7 = 486 despite float noise). Whole inputs give the exact product.
 *
 * @throws EngineError BAD_PARAMETER when a value is negative or not finite, weeks > 53 or days > 7.
 * @example contactCapital({ weeks: 45, daysPerWeek: 4, contactsPerDay: 3 }) // 540
 */
export function contactCapital(input: ContactCapitalInput): number {
  checkNonNegative(input.weeks, "semaines travaillées", 53);
  checkNonNegative(input.daysPerWeek, "jours de terrain par semaine", 7);
  checkNonNegative(input.contactsPerDay, "contacts par jour");
  const product = input.weeks * input.daysPerWeek * input.contactsPerDay;
  return Math.floor(product + 1e-9);
}

/**
 * Contact need (besoin en contacts, SPEC §8): Σ clients × yearly norm over the segments. Norms may be
 * fractional here (0.5 = one visit every two years); the sum is not rounded.
 *
 * @throws EngineError EMPTY_INPUT, BAD_PARAMETER (clients not a whole number ≥ 0),
 *   BAD_NORMS (norm < 0 or not finite).
 * @example contactNeed([{ clients: 492, norm: 4 }, { clients: 198, norm: 2 }, { clients: 230, norm: 1 }]) // 2594
 */
export function contactNeed(segments: readonly NeedSegment[]): number {
  if (segments.length === 0) throw new EngineError("EMPTY_INPUT", { arg: "segments" });
  let need = 0;
  segments.forEach((s, i) => {
    checkWholeNumber(s.clients, `clients du segment ${i + 1}`);
    if (!isFiniteNumber(s.norm) || s.norm < 0) {
      throw new EngineError("BAD_NORMS", { detail: `segment ${i + 1} : ${String(s.norm)}` }, i);
    }
    need += s.clients * s.norm;
  });
  return need;
}

/**
 * Number of reps needed: `ceil(need / capital)` (SPEC §8), with a 1e-9 tolerance so an exact multiple is not
 * pushed one rep up by float noise.
 *
 * @throws EngineError BAD_PARAMETER when need < 0, capital ≤ 0, or either is not finite.
 * @example repsNeeded(2594, 540) // 5 (2 594 / 540 = 4.8)
 */
export function repsNeeded(need: number, capital: number): number {
  checkNonNegative(need, "besoin en contacts");
  if (!isFiniteNumber(capital) || capital <= 0) {
    throw badParameter("capital de contacts", capital, "un nombre strictement positif");
  }
  return Math.max(0, Math.ceil(need / capital - 1e-9));
}

/**
 * Spreads a yearly number of contacts over `months` as evenly as possible: every month gets
 * `floor(total / months)`, and the first `total mod months` months one more (SPEC §8).
 *
 * @throws EngineError BAD_PARAMETER when total is not a whole number ≥ 0 or months not a whole number ≥ 1.
 * @example monthlySpread(14) // [2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
 */
export function monthlySpread(total: number, months = 12): number[] {
  checkWholeNumber(total, "contacts à répartir");
  checkMonths(months);
  return spread(total, months);
}

/** `monthlySpread` for checked inputs (the allocation makes one per client). */
function spread(total: number, months: number): number[] {
  const base = Math.floor(total / months);
  const extra = total - base * months;
  const out: number[] = [];
  for (let k = 0; k < months; k++) out.push(k < extra ? base + 1 : base);
  return out;
}

function checkShares(shares: FamilyShares): number[] {
  const values = [shares.entretien, shares.stimulation, shares.conquete];
  const detail = values.map((v) => String(v)).join(" ; ");
  if (!values.every((v) => isFiniteNumber(v) && v >= 0)) throw new EngineError("BAD_SHARES", { detail });
  const sum = values[0] + values[1] + values[2];
  if (Math.abs(sum - 1) > 1e-9) throw new EngineError("BAD_SHARES", { detail });
  return values.map((v) => Math.round(v * SHARE_SCALE));
}

function checkNorms(overrides: Partial<VisitNorms> | undefined): VisitNorms {
  const norms: VisitNorms = {
    A: overrides?.A ?? DEFAULT_VISIT_NORMS.A,
    B: overrides?.B ?? DEFAULT_VISIT_NORMS.B,
    C: overrides?.C ?? DEFAULT_VISIT_NORMS.C,
  };
  for (const cls of ["A", "B", "C"] as const) {
    const v = norms[cls];
    if (!Number.isSafeInteger(v) || v < 0) {
      throw new EngineError("BAD_NORMS", { detail: `${cls} = ${String(v)}` });
    }
  }
  return norms;
}

function checkClient(client: AllocationClient, i: number): void {
  const row = i + 1;
  if (typeof client !== "object" || client === null) {
    throw badParameter(`client, ligne ${row}`, client, "un client ou un prospect", i);
  }
  if (client.isProspect === true) {
    const s = client.prospectScore;
    if (s !== undefined && (!isFiniteNumber(s) || s < 0)) {
      throw badParameter(`score du prospect, ligne ${row}`, s, "un nombre positif ou nul", i);
    }
    return;
  }
  if (client.abc !== "A" && client.abc !== "B" && client.abc !== "C") {
    throw badParameter(`classe ABC, ligne ${row}`, client.abc, "A, B ou C", i);
  }
  for (const [arg, v] of [
    ["écart P-R", client.prGap],
    ["élasticité", client.elasticity],
  ] as const) {
    if (v !== undefined && !isFiniteNumber(v)) {
      throw new EngineError("NOT_FINITE", { arg, row, value: String(v) }, i);
    }
  }
}

function isProspect(client: AllocationClient): client is AllocationProspect {
  return client.isProspect === true;
}

/** Turbo-visit weight: max(gap, 1) when the gap is ≥ 1 or the client is elastic, else 0 (not eligible). */
function stimulationWeight(client: AllocationCustomer): number {
  const gap = client.prGap;
  const byGap = gap !== undefined && gap >= 1;
  const elastic = client.elasticity !== undefined && elasticityReading(client.elasticity) === "elastic";
  if (!byGap && !elastic) return 0;
  return byGap ? gap : 1;
}

/**
 * Allocation of the contact capital (SPEC §8), per family and per client; every number is a whole number ≥ 0.
 *
 * 1. Families: the capital is split by `shares` (default entretien 60 %, stimulation 25 %, conquête 15 %) by
 *    the largest-remainder method, ties in the order entretien, stimulation, conquête; the split sums exactly to
 *    the capital. Shares are read to 1e-9 and the split is done in exact integer arithmetic.
 * 2. Entretien: each client's need is the norm of its ABC class (A 12, B 6, C 2 unless `norms`). If the needs
 *    fit the budget, each client gets its need and the unused contacts go to stimulation; otherwise the budget
 *    is shared in proportion to the needs by largest remainder (ties: higher class first, then input order),
 *    which never gives a client more than its need.
 * 3. Stimulation (turbo visits): the stimulation budget plus the unused entretien is shared among the clients
 *    with P-R gap ≥ 1 or elasticity ≥ 1, in proportion to max(gap, 1) (1 for a client eligible by elasticity
 *    alone), by largest remainder (ties: larger weight first, then input order). If nobody is eligible the
 *    whole budget stays as `stimulationPool`, reported in `notes`, for the rep to plan.
 * 4. Conquête: shared among the prospects in proportion to their score (default 1), by largest remainder
 *    (ties: higher score first, then input order); with no prospect, or only zero scores, it stays one
 *    `conquestPool`.
 * Invariant: Σ per-client totals + stimulationPool + conquestPool = capital. Permuting the rows permutes the
 * per-client results, up to exchanges between rows with the same class (entretien), the same weight
 * (stimulation) or the same score (conquête), which are the only remainder ties broken by input order (exact
 * for whole gaps and scores; fractional scores are shared in floating point).
 *
 * @throws EngineError BAD_PARAMETER (capital not a whole number ≥ 0, unknown class, negative score, months),
 *   BAD_SHARES, BAD_NORMS, EMPTY_INPUT, NOT_FINITE (a gap or elasticity given as NaN: leave it out instead).
 * @example allocateContacts({ capital: 540, clients: [{ abc: "A", prGap: 2 }, { abc: "C" }] }).families
 *   // { entretien: 324, stimulation: 135, conquete: 81 }
 */
export function allocateContacts(input: AllocationInput): AllocationResult {
  const { capital, clients } = input;
  checkWholeNumber(capital, "capital de contacts");
  const shareWeights = checkShares(input.shares ?? DEFAULT_FAMILY_SHARES);
  const norms = checkNorms(input.norms);
  const months = input.months ?? 12;
  checkMonths(months);
  if (clients.length === 0) throw new EngineError("EMPTY_INPUT", { arg: "clients" });
  clients.forEach(checkClient);

  const [famE, famS, famC] = largestRemainder(capital, shareWeights);
  const families = { entretien: famE, stimulation: famS, conquete: famC };
  const notes: Why[] = [
    {
      key: "allocation.families",
      params: {
        capital,
        entretien: famE,
        stimulation: famS,
        conquete: famC,
        entretienShare: { pct: shareWeights[0] / SHARE_SCALE },
        stimulationShare: { pct: shareWeights[1] / SHARE_SCALE },
        conqueteShare: { pct: shareWeights[2] / SHARE_SCALE },
      },
    },
  ];

  const n = clients.length;
  const needs = clients.map((c) => (isProspect(c) ? 0 : norms[c.abc]));
  const needTotal = needs.reduce((a, b) => a + b, 0);
  const scaled = needTotal > famE;
  const classPriority = clients.map((c) => (isProspect(c) ? 0 : CLASS_PRIORITY[c.abc]));
  const entretien = scaled ? largestRemainder(famE, needs, classPriority) : needs.slice();
  const entretienUsed = scaled ? famE : needTotal;
  const entretienUnused = famE - entretienUsed;
  if (scaled) {
    const ratio = { pct: famE / needTotal };
    notes.push({ key: "allocation.scaled", params: { need: needTotal, budget: famE, ratio } });
  } else if (entretienUnused > 0) {
    notes.push({ key: "allocation.unused", params: { unused: entretienUnused, need: needTotal, budget: famE } });
  }

  const stimulationBudget = famS + entretienUnused;
  const stimWeights = clients.map((c) => (isProspect(c) ? 0 : stimulationWeight(c)));
  const eligible = stimWeights.some((w) => w > 0);
  const stimulation =
    eligible && stimulationBudget > 0
      ? largestRemainder(stimulationBudget, stimWeights, stimWeights.map((w) => -w))
      : new Array<number>(n).fill(0);
  const stimulationPool = eligible ? 0 : stimulationBudget;
  if (stimulationPool > 0) notes.push({ key: "allocation.stimulation_pool", params: { pool: stimulationPool } });

  const scores = clients.map((c) => (isProspect(c) ? (c.prospectScore ?? 1) : 0));
  const scored = scores.some((s) => s > 0);
  const conquete =
    scored && famC > 0 ? largestRemainder(famC, scores, scores.map((s) => -s)) : new Array<number>(n).fill(0);
  const conquestPool = scored ? 0 : famC;
  if (conquestPool > 0) notes.push({ key: "allocation.conquest_pool", params: { pool: conquestPool } });

  // One object literal per client, built in one go (no spread of a base object): 100 000 clients make 100 000.
  const perClient = new Array<ClientAllocation>(n);
  for (let i = 0; i < n; i++) {
    const c = clients[i];
    const need = needs[i];
    const planned = entretien[i];
    const stim = stimulation[i];
    const conq = conquete[i];
    const total = planned + stim + conq;
    const monthly = spread(total, months);
    if (isProspect(c)) {
      const params = { score: scores[i], planned: conq, budget: famC };
      perClient[i] = { need, entretien: planned, stimulation: stim, conquete: conq, total, monthly, why: { key: "allocation.prospect", params } };
      continue;
    }
    const why: Why =
      planned < need
        ? { key: "allocation.entretien_scaled", params: { norm: need, cls: c.abc, planned, need: needTotal, budget: famE } }
        : { key: "allocation.entretien", params: { norm: need, cls: c.abc, planned } };
    const w = stimWeights[i];
    const stimulationWhy: Why =
      w === 0
        ? { key: "allocation.stimulation_not_eligible", params: {} }
        : c.prGap !== undefined && c.prGap >= 1
          ? { key: "allocation.stimulation", params: { gap: c.prGap, planned: stim } }
          : { key: "allocation.stimulation_elastic", params: { elasticity: c.elasticity ?? 1, planned: stim } };
    perClient[i] = { need, entretien: planned, stimulation: stim, conquete: conq, total, monthly, why, stimulationWhy };
  }

  return {
    families,
    perClient,
    needTotal,
    scaled,
    entretienUnused,
    stimulationBudget,
    stimulationPool,
    conquestPool,
    notes,
  };
}
