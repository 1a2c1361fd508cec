import type { LabelKey, Why } from "../i18n";
import { EngineError, assertNever } from "./errors";
import type { Engagement } from "./objectives";
import { assertIndex } from "./stats/validate";

/** Pascal Py's four product types (ch. 6): first/last in, first/last out. `types[f]` codes index this table. */
export const FAMILY_TYPES = ["FiLo", "FiFo", "LiFo", "LiLo"] as const;
export type FamilyType = (typeof FAMILY_TYPES)[number];

/** `engagement[i]` is an index into this table, in the order of the rules (the first that holds wins). */
export const ENGAGEMENT_CLASSES = ["loss_likely", "revenue_at_risk", "engaged", "to_build"] as const satisfies readonly Engagement[];

/** `engagement[i]` of a client that bought nothing in N-1 nor in N: not classed. */
export const ENGAGEMENT_NOT_CLASSED = 255;
/** `proposed[f]` of a family whose type cannot be proposed. */
export const TYPE_NOT_PROPOSED = 255;

export const ENGAGEMENT_LABEL: Readonly<Record<Engagement, LabelKey>> = {
  loss_likely: "engagement.loss_likely",
  revenue_at_risk: "engagement.revenue_at_risk",
  engaged: "engagement.engaged",
  to_build: "engagement.to_build",
};

/** A net spend at or below half a cent is "not bought" (lines that cancel out leave float residues). */
const CENT = 0.005;

/**
 * Per-client spend per product family, compressed by client (CSR): the pairs of client i are
 * `start[i] … start[i + 1] − 1`; pair k is family `family[k]` with net spend `spendN1[k]` in N-1 and `spendN[k]`
 * in N (the rolling windows of SPEC §7). Only the pairs a client touched are stored, so a journal with thousands
 * of product codes stays small. `readJournal` builds it; `familySpendFromRows` builds it from a client × family
 * table.
 */
export interface FamilySpend {
  /** Family labels as the journal writes them; `family[k]` indexes this list. */
  readonly families: readonly string[];
  /** Length n + 1, non-decreasing, start[0] = 0. */
  readonly start: ArrayLike<number>;
  readonly family: ArrayLike<number>;
  readonly spendN1: ArrayLike<number>;
  readonly spendN: ArrayLike<number>;
}

/** The history `proposeFamilyTypes` reads, beside the spend: when each family was first bought. */
export interface FamilyHistory extends FamilySpend {
  /** Per pair: the day (any integer day count) of the client's first positive line of that family; −1 if none. */
  readonly firstDay: ArrayLike<number>;
  /** Per client, CSR like `start`: the sorted distinct days on which the client has a positive line. */
  readonly dayStart: ArrayLike<number>;
  readonly days: ArrayLike<number>;
}

/** A family bought by the clients that has no type in the rep's table: it decides no class. */
export interface EngagementWarning {
  readonly code: "untyped_family";
  readonly family: number;
  readonly label: string;
}

export interface EngagementRow {
  readonly engagement: Engagement | null;
  readonly caAtRisk: number;
  /** Labels of the families bought in N-1 and not in N. */
  readonly stopped: readonly string[];
  readonly why: Why;
}

/** Column-shaped engagement (SPEC §12); entry i of every per-client array is client i, in input order. */
export interface EngagementResult {
  readonly n: number;
  /** Index into ENGAGEMENT_CLASSES, or ENGAGEMENT_NOT_CLASSED. */
  readonly engagement: Uint8Array;
  /** N-1 spend of client i in the families it stopped. */
  readonly caAtRisk: Float64Array;
  /** The family that decided the class (the largest N-1 spend among the stopped FiLo / LiFo, the largest N spend among the LiLo); −1 for none. */
  readonly decisive: Int32Array;
  /** Stopped families, CSR: client i's are `stopped[stoppedStart[i]] … stopped[stoppedStart[i + 1] − 1]`. */
  readonly stoppedStart: Int32Array;
  readonly stopped: Int32Array;
  /** CA N-1 and CA N of client i (sum over its families). */
  readonly caN1: Float64Array;
  readonly caN: Float64Array;
  /** Portfolio, per class in ENGAGEMENT_CLASSES order. */
  readonly counts: Int32Array;
  readonly caN1ByClass: Float64Array;
  readonly caNByClass: Float64Array;
  readonly notClassed: number;
  readonly totalAtRisk: number;
  /** The types used, per family (index into FAMILY_TYPES, or 255 when untyped). */
  readonly types: Uint8Array;
  readonly warnings: readonly EngagementWarning[];
  explain(i: number): Why;
  row(i: number): EngagementRow;
}

const TYPE_INDEX: Readonly<Record<string, number>> = { filo: 0, fifo: 1, lifo: 2, lilo: 3 };
const FILO = 0;
const LIFO = 2;
const LILO = 3;
const UNTYPED = 255;

/**
 * Reads the rep's type table: one cell per family, "FiLo", "FiFo", "LiFo" or "LiLo" (case, spaces and hyphens
 * ignored: "fi-lo" is FiLo); a blank cell leaves the family untyped.
 * @throws EngineError BAD_FAMILY_TYPE naming the family and the value.
 */
export function readFamilyTypes(families: readonly string[], types: readonly unknown[]): Uint8Array {
  if (!Array.isArray(types)) throw new EngineError("BAD_PARAMETER", { arg: "types des familles", value: String(types), expected: "une liste de types, un par famille" });
  if (types.length !== families.length) {
    throw new EngineError("LENGTH_MISMATCH", { arg: "familles", n1: families.length, arg2: "types des familles", n2: types.length });
  }
  const out = new Uint8Array(families.length);
  for (let f = 0; f < families.length; f++) {
    const t = types[f];
    if (t === null || t === undefined || (typeof t === "string" && t.trim() === "")) {
      out[f] = UNTYPED;
      continue;
    }
    const k = typeof t === "string" ? TYPE_INDEX[t.replace(/[\s\-_]/g, "").toLowerCase()] : undefined;
    if (k === undefined) throw new EngineError("BAD_FAMILY_TYPE", { family: families[f], value: String(t) }, f);
    out[f] = k;
  }
  return out;
}

/** Checks the CSR shape and returns the number of clients. */
function checkSpend(spend: FamilySpend): number {
  const { families, start, family, spendN1, spendN } = spend;
  if (!Array.isArray(families)) throw new EngineError("BAD_PARAMETER", { arg: "familles", value: String(families), expected: "une liste de familles" });
  if (start.length < 1 || start[0] !== 0) throw new EngineError("BAD_PARAMETER", { arg: "début des clients", value: String(start[0]), expected: "0 en premier" });
  const n = start.length - 1;
  const m = start[n];
  if (family.length !== m) throw new EngineError("LENGTH_MISMATCH", { arg: "familles des achats", n1: family.length, arg2: "achats", n2: m });
  if (spendN1.length !== m) throw new EngineError("LENGTH_MISMATCH", { arg: "dépenses N-1", n1: spendN1.length, arg2: "achats", n2: m });
  if (spendN.length !== m) throw new EngineError("LENGTH_MISMATCH", { arg: "dépenses N", n1: spendN.length, arg2: "achats", n2: m });
  for (let i = 0; i < n; i++) {
    if (!(start[i + 1] >= start[i])) throw new EngineError("BAD_PARAMETER", { arg: "début des clients", value: String(start[i + 1]), expected: "des débuts croissants" });
  }
  const F = families.length;
  for (let k = 0; k < m; k++) {
    const f = family[k];
    if (!Number.isInteger(f) || f < 0 || f >= F) throw new EngineError("BAD_PARAMETER", { arg: "famille", value: String(f), expected: `un numéro de famille de 0 à ${F - 1}` });
    if (!Number.isFinite(spendN1[k])) throw new EngineError("NOT_FINITE", { arg: "dépenses N-1", row: k + 1, value: String(spendN1[k]) });
    if (!Number.isFinite(spendN[k])) throw new EngineError("NOT_FINITE", { arg: "dépenses N", row: k + 1, value: String(spendN[k]) });
  }
  return n;
}

const whole = (x: number): number => Math.round(x);

/**
 * Fidelity engagement by product type (SPEC §12, Pascal Py ch. 6). For each client, over the families it
 * bought in N-1 or N, a family is **stopped** when its net spend is positive in N-1 and not in N (a net spend
 * of half a cent or less is "not bought": a family whose lines cancel out, or returns only). The engagement is
 * the first rule that holds:
 * 1. **loss_likely** (Perte du client probable): a FiLo family stopped;
 * 2. **revenue_at_risk** (Risque de perte de CA): a LiFo family stopped;
 * 3. **engaged** (Engagé): a LiLo family bought in N;
 * 4. **to_build** (Fidélité à construire): otherwise.
 * A client with no family bought in N-1 nor in N is not classed (ENGAGEMENT_NOT_CLASSED). **CA at risk** = the
 * client's N-1 spend in all its stopped families (whatever their type). The deciding family is the stopped one
 * of the rule's type with the largest N-1 spend (for "engaged": the LiLo family with the largest N spend); ties
 * go to the first family in `families` order.
 *
 * `types` is the rep's table, one entry per family, **required**: the proposed types of `proposeFamilyTypes` are
 * never used silently. An untyped (blank) family decides no class, still counts in the CA at risk, and is
 * reported once in `warnings`. An empty list gives an empty result.
 *
 * @throws EngineError BAD_FAMILY_TYPE (a type that is not FiLo/FiFo/LiFo/LiLo), LENGTH_MISMATCH, NOT_FINITE,
 *   BAD_PARAMETER (a malformed CSR shape).
 * @example engagement(familySpendFromRows(["Consommables", "Options"], [[500, 200]], [[0, 250]]), ["FiLo", "LiFo"]).row(0)
 *   // { engagement: "loss_likely", caAtRisk: 500, stopped: ["Consommables"], … }
 */
export function engagement(spend: FamilySpend, types: readonly unknown[]): EngagementResult {
  const n = checkSpend(spend);
  const typeOf = readFamilyTypes(spend.families, types);
  const { families, start, family, spendN1, spendN } = spend;

  const cls = new Uint8Array(n);
  const caAtRisk = new Float64Array(n);
  const decisive = new Int32Array(n).fill(-1);
  const stoppedStart = new Int32Array(n + 1);
  const stoppedList: number[] = [];
  const caN1 = new Float64Array(n);
  const caN = new Float64Array(n);
  const counts = new Int32Array(4);
  const caN1ByClass = new Float64Array(4);
  const caNByClass = new Float64Array(4);
  const untypedSeen = new Uint8Array(families.length);
  let notClassed = 0;
  let totalAtRisk = 0;

  /** Pair k' beats the best pair so far: a larger amount, or the same amount and an earlier family. */
  const better = (amount: number, f: number, best: number, amounts: ArrayLike<number>): boolean =>
    best < 0 || amount > amounts[best] || (amount === amounts[best] && f < family[best]);

  for (let i = 0; i < n; i++) {
    let any = false;
    let filo = -1;
    let lifo = -1;
    let lilo = -1;
    let risk = 0;
    let s1 = 0;
    let s0 = 0;
    for (let k = start[i]; k < start[i + 1]; k++) {
      const f = family[k];
      const a1 = spendN1[k];
      const a0 = spendN[k];
      s1 += a1;
      s0 += a0;
      const inN1 = a1 > CENT;
      const inN = a0 > CENT;
      if (!inN1 && !inN) continue;
      any = true;
      const t = typeOf[f];
      if (t === UNTYPED) untypedSeen[f] = 1;
      if (inN1 && !inN) {
        stoppedList.push(f);
        risk += a1;
        if (t === FILO && better(a1, f, filo, spendN1)) filo = k;
        else if (t === LIFO && better(a1, f, lifo, spendN1)) lifo = k;
      }
      if (inN && t === LILO && better(a0, f, lilo, spendN)) lilo = k;
    }
    stoppedStart[i + 1] = stoppedList.length;
    caN1[i] = s1;
    caN[i] = s0;
    caAtRisk[i] = risk;
    totalAtRisk += risk;
    if (!any) {
      cls[i] = ENGAGEMENT_NOT_CLASSED;
      notClassed++;
      continue;
    }
    const pick = filo >= 0 ? [0, filo] : lifo >= 0 ? [1, lifo] : lilo >= 0 ? [2, lilo] : [3, -1];
    cls[i] = pick[0];
    decisive[i] = pick[1] >= 0 ? family[pick[1]] : -1;
    counts[pick[0]]++;
    caN1ByClass[pick[0]] += s1;
    caNByClass[pick[0]] += s0;
  }

  const stopped = Int32Array.from(stoppedList);
  const warnings: EngagementWarning[] = [];
  for (let f = 0; f < families.length; f++) if (untypedSeen[f]) warnings.push({ code: "untyped_family", family: f, label: families[f] });

  const stoppedOf = (i: number): number[] => Array.from(stopped.subarray(stoppedStart[i], stoppedStart[i + 1]));

  const explain = (i: number): Why => {
    assertIndex(i, n, "client");
    if (cls[i] === ENGAGEMENT_NOT_CLASSED) return { key: "engagement.why.not_classed", params: {} };
    const c = ENGAGEMENT_CLASSES[cls[i]];
    const count = stoppedStart[i + 1] - stoppedStart[i];
    const base = { atRisk: whole(caAtRisk[i]), stopped: count };
    const d = decisive[i];
    switch (c) {
      case "loss_likely":
      case "revenue_at_risk": {
        let amount = 0;
        for (let k = start[i]; k < start[i + 1]; k++) if (family[k] === d) amount = spendN1[k];
        return { key: `engagement.why.${c}`, params: { ...base, family: families[d], type: FAMILY_TYPES[typeOf[d]], amount: whole(amount) } };
      }
      case "engaged":
        return { key: count > 0 ? "engagement.why.engaged_stopped" : "engagement.why.engaged", params: { ...base, family: families[d], type: "LiLo" } };
      case "to_build":
        return { key: count > 0 ? "engagement.why.to_build_stopped" : "engagement.why.to_build", params: base };
      default:
        return assertNever(c);
    }
  };

  return {
    n,
    engagement: cls,
    caAtRisk,
    decisive,
    stoppedStart,
    stopped,
    caN1,
    caN,
    counts,
    caN1ByClass,
    caNByClass,
    notClassed,
    totalAtRisk,
    types: typeOf,
    warnings,
    explain,
    row(i: number): EngagementRow {
      assertIndex(i, n, "client");
      return {
        engagement: cls[i] === ENGAGEMENT_NOT_CLASSED ? null : ENGAGEMENT_CLASSES[cls[i]],
        caAtRisk: caAtRisk[i],
        stopped: stoppedOf(i).map((f) => families[f]),
        why: explain(i),
      };
    },
  };
}

/** The sentence key of an engagement warning (an untyped family). */
export function engagementWarningWhy(warning: EngagementWarning): Why {
  return { key: "engagement.warning.untyped_family", params: { family: warning.label } };
}

/**
 * Builds the CSR `FamilySpend` from a client × family table (one row per client, one column per family), as a
 * pivot table gives it; zero cells are left out.
 * @throws EngineError LENGTH_MISMATCH when a row does not have one value per family or the two tables differ.
 */
export function familySpendFromRows(families: readonly string[], n1: readonly (readonly number[])[], n: readonly (readonly number[])[]): FamilySpend {
  if (n1.length !== n.length) throw new EngineError("LENGTH_MISMATCH", { arg: "dépenses N-1", n1: n1.length, arg2: "dépenses N", n2: n.length });
  const start = [0];
  const family: number[] = [];
  const a1: number[] = [];
  const a0: number[] = [];
  for (let i = 0; i < n1.length; i++) {
    if (n1[i].length !== families.length || n[i].length !== families.length) {
      throw new EngineError("LENGTH_MISMATCH", { arg: "familles", n1: families.length, arg2: `dépenses, ligne ${i + 1}`, n2: n1[i].length !== families.length ? n1[i].length : n[i].length });
    }
    for (let f = 0; f < families.length; f++) {
      if (n1[i][f] === 0 && n[i][f] === 0) continue;
      family.push(f);
      a1.push(n1[i][f]);
      a0.push(n[i][f]);
    }
    start.push(family.length);
  }
  return { families, start: Int32Array.from(start), family: Int32Array.from(family), spendN1: Float64Array.from(a1), spendN: Float64Array.from(a0) };
}

/** How a proposed type was reached, per family. */
export interface TypeProposals {
  readonly families: readonly string[];
  /** Index into FAMILY_TYPES, or TYPE_NOT_PROPOSED. */
  readonly proposed: Uint8Array;
  /** Clients with a positive line of the family anywhere in the journal. */
  readonly buyers: Int32Array;
  /** Median position of the first purchase (0 = the client's first purchase day, 1 = its last); NaN without buyers. */
  readonly position: Float64Array;
  /** Buyers still buying anything in N. */
  readonly activeBuyers: Int32Array;
  /** Share of the active buyers that bought the family in N; NaN when no buyer is active. */
  readonly keptShare: Float64Array;
  explain(f: number): Why;
}

/** Median position below this is "Fi" (first half of the client's history). */
export const FIRST_HALF = 0.5;
/** Share of active buyers still buying the family at or above this is "Lo". */
export const KEPT_SHARE = 0.5;

/**
 * Proposed family types (SPEC §12), shown for the rep to confirm and never used silently (`engagement` takes
 * the rep's table as a required argument).
 *
 * - **Position** of a family for one client: the rank r (0-based) of the day of its first positive line among
 *   the client's distinct days with a positive line (its whole history in the journal), divided by (d − 1),
 *   where d is the number of those days; 0 when d = 1. So 0 = bought from the first purchase day, 1 = first
 *   bought on the last one. The family's position is the median over its buyers (mean of the two middle values
 *   for an even count). Median **< 0.5 → "Fi"**, else "Li" (exactly the middle is not the first half).
 * - **Kept share**: among the family's buyers that bought anything in N (a positive net spend in some family),
 *   the share that bought this family in N. **≥ 50 % → "Lo"**, else "Fo".
 * A family with no buyer, or whose buyers all stopped buying anything, gets no proposal (TYPE_NOT_PROPOSED).
 *
 * @example a family every client buys on its first day and keeps → position 0, kept 100 % → "FiLo".
 */
export function proposeFamilyTypes(history: FamilyHistory): TypeProposals {
  const n = checkSpend(history);
  const { families, start, family, spendN, firstDay, dayStart, days } = history;
  const F = families.length;
  const m = start[n];
  if (firstDay.length !== m) throw new EngineError("LENGTH_MISMATCH", { arg: "premiers achats", n1: firstDay.length, arg2: "achats", n2: m });
  if (dayStart.length !== n + 1) throw new EngineError("LENGTH_MISMATCH", { arg: "jours d'achat", n1: dayStart.length - 1, arg2: "clients", n2: n });
  // Positions per family in one typed array (CSR by family): a list per family costs too much for 10^6 pairs.
  const buyers = new Int32Array(F);
  for (let k = 0; k < m; k++) if (firstDay[k] >= 0) buyers[family[k]]++;
  const posStart = new Int32Array(F + 1);
  for (let f = 0; f < F; f++) posStart[f + 1] = posStart[f] + buyers[f];
  const positions = new Float64Array(posStart[F]);
  const put = posStart.slice(0, F);
  const activeBuyers = new Int32Array(F);
  const keptBuyers = new Int32Array(F);
  for (let i = 0; i < n; i++) {
    let active = false;
    for (let k = start[i]; k < start[i + 1]; k++) if (spendN[k] > CENT) active = true;
    const d0 = dayStart[i];
    const d = dayStart[i + 1] - d0;
    for (let k = start[i]; k < start[i + 1]; k++) {
      const day = firstDay[k];
      if (day < 0) continue;
      const f = family[k];
      // Rank of `day` among the client's sorted distinct days (binary search).
      let lo = 0;
      let hi = d;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (days[d0 + mid] < day) lo = mid + 1;
        else hi = mid;
      }
      positions[put[f]++] = d > 1 ? lo / (d - 1) : 0;
      if (active) {
        activeBuyers[f]++;
        if (spendN[k] > CENT) keptBuyers[f]++;
      }
    }
  }
  const proposed = new Uint8Array(F).fill(TYPE_NOT_PROPOSED);
  const position = new Float64Array(F).fill(NaN);
  const keptShare = new Float64Array(F).fill(NaN);
  for (let f = 0; f < F; f++) {
    const count = buyers[f];
    if (count > 0) {
      const p = positions.subarray(posStart[f], posStart[f + 1]).sort();
      const mid = count >> 1;
      position[f] = count % 2 === 1 ? p[mid] : (p[mid - 1] + p[mid]) / 2;
    }
    if (activeBuyers[f] > 0) keptShare[f] = keptBuyers[f] / activeBuyers[f];
    if (count > 0 && activeBuyers[f] > 0) {
      const fi = position[f] < FIRST_HALF;
      const lo = keptShare[f] >= KEPT_SHARE;
      proposed[f] = fi ? (lo ? 0 : 1) : lo ? 3 : 2;
    }
  }
  return {
    families,
    proposed,
    buyers,
    position,
    activeBuyers,
    keptShare,
    explain(f: number): Why {
      assertIndex(f, F, "family");
      if (buyers[f] === 0) return { key: "engagement.proposal.no_buyer", params: {} };
      if (activeBuyers[f] === 0) return { key: "engagement.proposal.no_active", params: { buyers: buyers[f], position: { pct: position[f] } } };
      return {
        key: "engagement.proposal",
        params: {
          type: FAMILY_TYPES[proposed[f]],
          buyers: buyers[f],
          position: { pct: position[f] },
          first: position[f] < FIRST_HALF ? "Fi" : "Li",
          active: activeBuyers[f],
          kept: { pct: keptShare[f] },
          last: keptShare[f] >= KEPT_SHARE ? "Lo" : "Fo",
        },
      };
    },
  };
}

