import type { Why } from "../i18n";
import type { AbcClass } from "./abc";
import { levelCalendar, type CalendarResult } from "./calendar";
import { allocateConquest, type ConquestAllocation } from "./conquest";
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
/** Turbo visits per client at most this many times its entretien norm (SPEC §8: a turbo client at most doubles). */
export const DEFAULT_STIMULATION_CAP = 1;
/** Conquête contacts per retained prospect at most (SPEC §8). */
export const DEFAULT_PROSPECT_CAP = 6;

/**
 * Portfolio-level conditions the user must be told about (the wizard, the CLI summary and the PAC show them):
 * "needs_scaled": the entretien needs exceed the entretien budget, so every norm was cut;
 * "reserve": stimulation contacts no client may take (caps, or nobody eligible) and no retained prospect: they
 * stay a réserve non affectée; "conquest_pool": no retained prospect, conquête stays one pool to plan.
 */
export type AllocationWarning = "needs_scaled" | "reserve" | "conquest_pool";

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
  /**
   * CA of the last period (N). When it is ≤ 0 the client gets no turbo visit unless its P-R gap is ≥ 1 (a
   * potential not captured): a lost or dormant client is not stimulated on its elasticity alone. Unknown: no rule.
   */
  readonly lastCa?: number;
}

/**
 * A prospect: no entretien nor stimulation, a share of conquête in proportion to its score (its Ep, SPEC §11; its
 * potential without criteria; default 1: the prospects share equally), between 1 and the prospect cap.
 * `retained: false` (écarté, or not scored) gives it no conquête; when `retained` is left out, a score of 0 means
 * not retained (the former convention), any other score retained.
 */
export interface AllocationProspect {
  readonly isProspect: true;
  readonly prospectScore?: number;
  readonly retained?: boolean;
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
  /** Months the yearly plan is spread over; default 12 (or the length of `monthWeights`). */
  readonly months?: number;
  /** Relative capacity of each month for the calendar (e.g. August 0.5); default equal. */
  readonly monthWeights?: readonly number[];
  /** Turbo visits per client ≤ ⌊factor × the client's norm⌋; default 1 (SPEC §8). A number ≥ 0. */
  readonly stimulationCap?: number;
  /** Conquête contacts per retained prospect at most; default 6 (SPEC §8). A whole number ≥ 0. */
  readonly prospectCap?: number;
}

export interface ClientAllocation {
  /** Entretien need: the norm of the client's class; 0 for a prospect. */
  readonly need: number;
  readonly entretien: number;
  readonly stimulation: number;
  readonly conquete: number;
  readonly total: number;
  /** The client's row of the calendar: `total` at regular intervals over the months, January first. */
  readonly monthly: number[];
  /** Most turbo visits the client may get (⌊cap factor × norm⌋); 0 for a prospect. */
  readonly stimulationCap: number;
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
  /**
   * Réserve non affectée: stimulation contacts no client may take (every eligible client at its cap, or nobody
   * eligible) when there is no retained prospect to take them. Shown on the Contacts and PAC sheets.
   */
  readonly reserve: number;
  /** Same as `reserve` (its former name, kept for the sheets that read it). */
  readonly stimulationPool: number;
  /** Stimulation contacts the caps left that went to conquête (retained prospects, up to their cap). */
  readonly stimulationToConquest: number;
  /** Conquête given to the prospects in all (Σ per-prospect conquête). */
  readonly conquestBudget: number;
  /**
   * Conquête not given to a prospect: all of it without a retained prospect (score > 0), else what the
   * prospect caps leave; one pool to plan (more prospects to find).
   */
  readonly conquestPool: number;
  /** Conditions to show the user, in the order needs, réserve, conquête. */
  readonly warnings: readonly AllocationWarning[];
  /**
   * The conquest split by score (`allocateConquest`), over the prospects only: entry k is the k-th prospect row,
   * whose input row is `conquestRows[k]`. Its `rest` is what went to `conquestPool` and `reserve`.
   */
  readonly conquest: ConquestAllocation;
  readonly conquestRows: readonly number[];
  /**
   * Per-client calendar (SPEC §8), rows in input order: `calendar.counts[i × months + m]`. The Planning table is
   * its sum (`calendarTotals`), plus the two pools below.
   */
  readonly calendar: CalendarResult;
  /** The réserve and the conquête pool spread over the months, levelled with the clients. */
  readonly reserveMonthly: number[];
  readonly conquestPoolMonthly: number[];
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

function checkCap(cap: number): number {
  if (typeof cap !== "number" || !Number.isFinite(cap) || cap < 0) {
    throw badParameter("plafond des visites « turbo »", cap, "un nombre positif ou nul de fois la norme d'entretien, par exemple 1");
  }
  return cap;
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
  checkOptionalFinite(client.prGap, "écart P-R", i);
  checkOptionalFinite(client.elasticity, "élasticité", i);
}

function checkOptionalFinite(v: number | undefined, arg: string, i: number): void {
  if (v !== undefined && !isFiniteNumber(v)) throw new EngineError("NOT_FINITE", { arg, row: i + 1, value: String(v) }, i);
}

function isProspect(client: AllocationClient): client is AllocationProspect {
  return client.isProspect === true;
}

/**
 * Turbo-visit weight: max(gap, 1) when the gap is ≥ 1 or the client is elastic, else 0 (not eligible); 0 as
 * well for a client without CA in the last period unless its gap is ≥ 1.
 */
function stimulationWeight(client: AllocationCustomer): number {
  const gap = client.prGap;
  const byGap = gap !== undefined && gap >= 1;
  const elastic = client.elasticity !== undefined && elasticityReading(client.elasticity) === "elastic";
  if (!byGap && !elastic) return 0;
  if (!byGap && client.lastCa !== undefined && client.lastCa <= 0) return 0;
  return byGap ? gap : 1;
}

/**
 * `largestRemainder` with a ceiling per entry: entries whose quota reaches their cap get the cap, the rest is
 * shared again among the others, until no quota reaches its cap; then largest remainder among those left (a
 * quota below a whole cap rounds to at most the cap). Gives min(total, Σ caps) in all.
 */
function cappedShares(total: number, weights: readonly number[], caps: readonly number[], priority: ArrayLike<number>): number[] {
  const n = weights.length;
  const result = new Array<number>(n).fill(0);
  const active = weights.map((w, i) => w > 0 && caps[i] > 0);
  let left = total;
  for (;;) {
    let weightSum = 0;
    for (let i = 0; i < n; i++) if (active[i]) weightSum += weights[i];
    if (left <= 0 || weightSum <= 0) return result;
    let fixed = false;
    for (let i = 0; i < n; i++) {
      if (active[i] && (left * weights[i]) / weightSum >= caps[i]) {
        result[i] = caps[i];
        active[i] = false;
        fixed = true;
      }
    }
    if (!fixed) break;
    left = total - result.reduce((a, b) => a + b, 0);
  }
  const activeWeights = weights.map((w, i) => (active[i] ? w : 0));
  const shares = largestRemainder(left, activeWeights, priority);
  for (let i = 0; i < n; i++) if (active[i]) result[i] = shares[i];
  return result;
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
 *    with P-R gap ≥ 1 or elasticity ≥ 1 (but not a client with no CA in the last period, `lastCa` ≤ 0, and no
 *    gap ≥ 1), in proportion to max(gap, 1) (1 for a client eligible by elasticity alone), by largest remainder
 *    (ties: larger weight first, then higher class, then input order), each client at most ⌊stimulationCap × its norm⌋ (default
 *    1 × norm: a turbo client at most doubles its contacts); a client whose share reaches its cap gets the cap
 *    and the rest is shared again among the others.
 * 4. Conquête (SPEC §8, §11): its family plus what the turbo caps left (all of the stimulation budget when
 *    nobody is eligible) is shared among the retained prospects by `allocateConquest`: in proportion to their
 *    score (Ep; default 1, equal shares), each between 1 and `prospectCap` (default 6), by largest remainder
 *    (ties: higher score first, then input order); fewer contacts than retained prospects go 1 each to the best
 *    scores. An écarté prospect (`retained: false`) gets none. The conquête family is used first:
 *    `stimulationToConquest` is what the prospects took beyond it; the conquest's rest is never lost: what the
 *    prospects cannot take of the family stays one `conquestPool` (all of it without a retained prospect, or
 *    with a prospect cap of 0), and of the stimulation the réserve non affectée (`reserve`).
 * 5. Calendar: every row's total, the réserve and the conquête pool are spread over the months by
 *    `levelCalendar` (regular intervals, months levelled, optional `monthWeights`).
 * Invariant: Σ per-client totals + reserve + conquestPool = capital. Permuting the rows permutes the per-client
 * results, up to exchanges between rows with the same class (entretien), the same weight and class
 * (stimulation) or the same score (conquête), which are the only remainder ties broken by input order (exact for
 * whole gaps and scores; fractional scores are shared in floating point); the monthly totals do not change.
 *
 * @throws EngineError BAD_PARAMETER (capital not a whole number ≥ 0, unknown class, negative or non-finite score, months,
 *   month weights, a negative or non-numeric stimulation cap),
 *   BAD_SHARES, BAD_NORMS, EMPTY_INPUT, NOT_FINITE (a gap or elasticity given as NaN: leave it out instead).
 * @example allocateContacts({ capital: 540, clients: [{ abc: "A", prGap: 2 }, { abc: "C" }] }).families
 *   // { entretien: 324, stimulation: 135, conquete: 81 }
 */
export function allocateContacts(input: AllocationInput): AllocationResult {
  const { capital, clients } = input;
  checkWholeNumber(capital, "capital de contacts");
  const shareWeights = checkShares(input.shares ?? DEFAULT_FAMILY_SHARES);
  const norms = checkNorms(input.norms);
  const months = input.months ?? input.monthWeights?.length ?? 12;
  checkMonths(months);
  if (input.monthWeights !== undefined && input.monthWeights.length !== months) {
    throw badParameter("capacités mensuelles", input.monthWeights.length, `une capacité par mois (${months})`);
  }
  const capFactor = checkCap(input.stimulationCap ?? DEFAULT_STIMULATION_CAP);
  const prospectCap = input.prospectCap ?? DEFAULT_PROSPECT_CAP;
  checkWholeNumber(prospectCap, "plafond de contacts par prospect");
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
  const caps = needs.map((need) => Math.floor(capFactor * need + 1e-9));
  const eligible = stimWeights.some((w, i) => w > 0 && caps[i] > 0);
  // Remainder ties: larger weight first, then higher class, then input order (only eligible rows can tie).
  const stimPriority = new Float64Array(n).fill(n);
  stimWeights
    .flatMap((w, i) => (w > 0 ? [i] : []))
    .sort((a, b) => stimWeights[b] - stimWeights[a] || classPriority[a] - classPriority[b] || a - b)
    .forEach((i, rank) => (stimPriority[i] = rank));
  const stimulation = eligible ? cappedShares(stimulationBudget, stimWeights, caps, stimPriority) : new Array<number>(n).fill(0);
  const stimulationLeft = stimulationBudget - stimulation.reduce((a, b) => a + b, 0);

  // Conquête (SPEC §8, §11): its family plus what the turbo caps left, shared by score among the retained
  // prospects (each between 1 and the cap); its own family is used first, so what the prospects cannot take
  // stays a conquête pool, then a réserve of stimulation.
  const conquestRows: number[] = [];
  const prospectScores: number[] = [];
  const prospectRetained: number[] = [];
  clients.forEach((c, i) => {
    if (!isProspect(c)) return;
    const score = c.prospectScore ?? 1;
    conquestRows.push(i);
    prospectScores.push(score);
    prospectRetained.push((c.retained ?? score > 0) && prospectCap > 0 ? 1 : 0);
  });
  const retained = prospectRetained.reduce((a, b) => a + b, 0);
  const conquest = allocateConquest({
    budget: retained > 0 ? famC + stimulationLeft : famC,
    scores: prospectScores,
    retained: prospectRetained,
    cap: Math.max(1, prospectCap),
  });
  const conquete = new Array<number>(n).fill(0);
  conquestRows.forEach((row, k) => {
    conquete[row] = conquest.contacts[k];
  });
  const conquestBudget = conquest.budget - conquest.rest;
  const stimulationToConquest = Math.max(0, conquestBudget - famC);
  const conquestPool = famC - (conquestBudget - stimulationToConquest);
  const reserve = stimulationLeft - stimulationToConquest;
  const capPct = { pct: capFactor };
  if (stimulationToConquest > 0) {
    const key = eligible ? "allocation.capped_to_conquest" : "allocation.stimulation_to_conquest";
    notes.push({ key, params: { pool: stimulationToConquest, cap: capPct } });
  }
  if (reserve > 0) {
    notes.push({ key: eligible ? "allocation.stimulation_capped" : "allocation.stimulation_pool", params: { pool: reserve, cap: capPct } });
  }
  if (conquest.case === "short") notes.push(conquest.note);
  if (conquestPool > 0) {
    notes.push(
      retained > 0
        ? { key: "allocation.conquest_capped", params: { pool: conquestPool, prospects: retained, cap: prospectCap } }
        : { key: "allocation.conquest_pool", params: { pool: conquestPool } },
    );
  }
  const warnings: AllocationWarning[] = [];
  if (scaled) warnings.push("needs_scaled");
  if (reserve > 0) warnings.push("reserve");
  if (conquestPool > 0) warnings.push("conquest_pool");

  const totals = new Array<number>(n + 2);
  for (let i = 0; i < n; i++) totals[i] = entretien[i] + stimulation[i] + conquete[i];
  totals[n] = reserve;
  totals[n + 1] = conquestPool;
  const levelled = levelCalendar(totals, { weights: input.monthWeights ?? new Array<number>(months).fill(1) });
  const calendar: CalendarResult = {
    months,
    clients: n,
    counts: levelled.counts.subarray(0, n * months),
    offsets: levelled.offsets.subarray(0, n),
  };
  const rowOf = (i: number): number[] => {
    const row = new Array<number>(months);
    for (let m = 0, k = i * months; m < months; m++, k++) row[m] = levelled.counts[k];
    return row;
  };

  const prospectAt = new Int32Array(n).fill(-1);
  conquestRows.forEach((row, k) => {
    prospectAt[row] = k;
  });
  // The whys of row i, made when read (see `AllocationRow`).
  const explain: RowExplain = {
    monthly: rowOf,
    why(i: number): Why {
      const c = clients[i];
      if (isProspect(c)) {
        return prospectCap === 0 && (c.retained ?? (c.prospectScore ?? 1) > 0) ? { key: "conquest.cap_zero", params: {} } : conquest.explain(prospectAt[i]);
      }
      const need = needs[i];
      const planned = entretien[i];
      return planned < need
        ? { key: "allocation.entretien_scaled", params: { norm: need, cls: c.abc, planned, need: needTotal, budget: famE } }
        : { key: "allocation.entretien", params: { norm: need, cls: c.abc, planned } };
    },
    stimulationWhy(i: number): Why | undefined {
      const c = clients[i];
      return isProspect(c) ? undefined : stimulationExplanation(c, stimWeights[i], stimulation[i], caps[i]);
    },
  };
  const perClient = new Array<ClientAllocation>(n);
  for (let i = 0; i < n; i++) {
    const cap = isProspect(clients[i]) ? 0 : caps[i];
    perClient[i] = new AllocationRow(needs[i], entretien[i], stimulation[i], conquete[i], totals[i], cap, explain, i);
  }

  return {
    families,
    perClient,
    needTotal,
    scaled,
    entretienUnused,
    stimulationBudget,
    reserve,
    stimulationPool: reserve,
    stimulationToConquest,
    conquestBudget,
    conquestPool,
    warnings,
    conquest,
    conquestRows,
    calendar,
    reserveMonthly: rowOf(n),
    conquestPoolMonthly: rowOf(n + 1),
    notes,
  };
}

interface RowExplain {
  monthly(i: number): number[];
  why(i: number): Why;
  stimulationWhy(i: number): Why | undefined;
}

/**
 * Row i of the allocation: its numbers as fields, its calendar row and its two whys made from the allocation each
 * time they are read (a large portfolio has a row per client, most never explained, each calendar read once).
 */
class AllocationRow implements ClientAllocation {
  constructor(
    readonly need: number,
    readonly entretien: number,
    readonly stimulation: number,
    readonly conquete: number,
    readonly total: number,
    readonly stimulationCap: number,
    private readonly explain: RowExplain,
    private readonly i: number,
  ) {}

  get monthly(): number[] {
    return this.explain.monthly(this.i);
  }

  get why(): Why {
    return this.explain.why(this.i);
  }

  get stimulationWhy(): Why | undefined {
    return this.explain.stimulationWhy(this.i);
  }
}

function stimulationExplanation(c: AllocationCustomer, weight: number, planned: number, cap: number): Why {
  const byGap = c.prGap !== undefined && c.prGap >= 1;
  if (weight === 0) {
    const elastic = c.elasticity !== undefined && elasticityReading(c.elasticity) === "elastic";
    return elastic && !byGap
      ? { key: "allocation.stimulation_no_ca", params: { ca: c.lastCa ?? 0 } }
      : { key: "allocation.stimulation_not_eligible", params: {} };
  }
  if (cap === 0) return { key: "allocation.stimulation_no_cap", params: { cls: c.abc } };
  const capped = planned >= cap;
  if (byGap) {
    const params = { gap: c.prGap ?? 1, planned, cap };
    return { key: capped ? "allocation.stimulation_capped_gap" : "allocation.stimulation", params };
  }
  const params = { elasticity: c.elasticity ?? 1, planned, cap };
  return { key: capped ? "allocation.stimulation_capped_elastic" : "allocation.stimulation_elastic", params };
}
