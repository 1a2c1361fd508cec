import type { LabelKey, Why } from "../i18n";
import { EngineError } from "./errors";
import { assertSameLength } from "./stats/validate";

export type ElasticityReading = "elastic" | "low" | "inelastic" | "inverse";

export interface ElasticityResult {
  /** The coefficient; exactly 1 or 0 when within `ELASTICITY_TOLERANCE` of it, so value and reading agree. */
  readonly value: number;
  readonly reading: ElasticityReading;
  readonly why: Why;
}

/** A client of `elasticityList` whose elasticity cannot be computed; the other clients are still read. */
export interface ElasticityFailure {
  readonly error: EngineError;
}

export type ElasticityListItem = ElasticityResult | ElasticityFailure;

/**
 * How close to 1 (or 0) a coefficient must be to count as exactly 1 (or 0). It absorbs floating-point noise
 * from decimal amounts (0.30000000000000004 / 0.3 is 1); no real pair of periods is that close to a boundary.
 */
export const ELASTICITY_TOLERANCE = 1e-9;

/** The label key of each reading, for cells and explanations. */
export const ELASTICITY_READING_LABEL: Readonly<Record<ElasticityReading, LabelKey>> = {
  elastic: "elasticity.reading.elastic",
  low: "elasticity.reading.low",
  inelastic: "elasticity.reading.inelastic",
  inverse: "elasticity.reading.inverse",
};

/**
 * Reading of a coefficient (SPEC §5): `e ≥ 1` elastic, `0 < e < 1` low, `e = 0` inelastic, `e < 0` inverse,
 * where "= 1" and "= 0" allow `ELASTICITY_TOLERANCE`. Also used by the allocation to decide who gets turbo visits.
 *
 * @example elasticityReading(0.9999999999999998) // "elastic"
 */
export function elasticityReading(value: number): ElasticityReading {
  if (Math.abs(value) <= ELASTICITY_TOLERANCE) return "inelastic";
  if (value < 0) return "inverse";
  return value >= 1 - ELASTICITY_TOLERANCE ? "elastic" : "low";
}

function checkNumber(value: number, arg: string, index: number): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new EngineError("NOT_FINITE", { arg, row: index + 1, value: String(value) }, index);
  }
}

function checkContacts(value: number, arg: string, index: number): void {
  checkNumber(value, arg, index);
  if (value < 0) {
    throw new EngineError(
      "BAD_PARAMETER",
      { arg: `${arg}, ligne ${index + 1}`, value: String(value), expected: "un nombre de contacts positif ou nul" },
      index,
    );
  }
}

function compute(
  caBefore: number,
  caAfter: number,
  contactsBefore: number,
  contactsAfter: number,
  index: number,
): ElasticityResult {
  checkNumber(caBefore, "CA N-1", index);
  checkNumber(caAfter, "CA N", index);
  checkContacts(contactsBefore, "contacts N-1", index);
  checkContacts(contactsAfter, "contacts N", index);
  const row = index + 1;
  if (caBefore === 0) throw new EngineError("ELASTICITY_CA_BEFORE_ZERO", { row }, index);
  if (contactsBefore === 0) throw new EngineError("ELASTICITY_CONTACTS_BEFORE_ZERO", { row }, index);
  if (contactsAfter === contactsBefore) {
    throw new EngineError("ELASTICITY_CONTACTS_UNCHANGED", { row, value: contactsBefore }, index);
  }
  const base = Math.abs(caBefore);
  const caDelta = caAfter - caBefore;
  const contactsDelta = contactsAfter - contactsBefore;
  // Cross-multiplied, so whole amounts and contacts give the correctly rounded ratio (6→9, 20 000→26 000 is 0.6).
  const num = caDelta * contactsBefore;
  const den = contactsDelta * base;
  let e = Number.isFinite(num) && Number.isFinite(den) ? num / den : caDelta / base / (contactsDelta / contactsBefore);
  if (!Number.isFinite(e)) {
    const expected = "des montants et des contacts de taille raisonnable";
    throw new EngineError("BAD_PARAMETER", { arg: `élasticité, ligne ${row}`, value: String(e), expected }, index);
  }
  if (Math.abs(e) <= ELASTICITY_TOLERANCE) e = 0;
  else if (Math.abs(e - 1) <= ELASTICITY_TOLERANCE) e = 1;
  const reading = elasticityReading(e);
  return {
    value: e,
    reading,
    why: {
      key: "elasticity.value",
      params: {
        caBefore,
        caAfter,
        caChange: { pct: caDelta / base },
        contactsBefore,
        contactsAfter,
        contactsChange: { pct: contactsDelta / contactsBefore },
        value: e,
        reading: { label: ELASTICITY_READING_LABEL[reading] },
      },
    },
  };
}

/**
 * Elasticity of CA to contacts (coefficient d'élasticité, SPEC §5) for one client over N−1 and N:
 * `e = ((CA_N − CA_N−1) / CA_N−1) / ((C_N − C_N−1) / C_N−1)`.
 *
 * Computed as `(ΔCA × C_N−1) / (ΔC × CA_N−1)`, which is exact for whole numbers; a coefficient within
 * `ELASTICITY_TOLERANCE` of 1 or 0 is returned as exactly 1 or 0, so float noise never moves the reading.
 * A negative CA N−1 (returns larger than sales) is read by its size: the change is taken over |CA N−1|, so a CA
 * going up still counts as a rise (the literal formula would flip the sign). Contacts must be ≥ 0.
 * Errors name row 1 (the list version names each row).
 *
 * @throws EngineError NOT_FINITE (blank, text, infinite), BAD_PARAMETER (negative contacts),
 *   ELASTICITY_CA_BEFORE_ZERO, ELASTICITY_CONTACTS_BEFORE_ZERO, ELASTICITY_CONTACTS_UNCHANGED (undefined: "#N/A").
 * @example elasticity(20000, 26000, 6, 9) // { value: 0.6, reading: "low", why: … }
 */
export function elasticity(
  caBefore: number,
  caAfter: number,
  contactsBefore: number,
  contactsAfter: number,
): ElasticityResult {
  return compute(caBefore, caAfter, contactsBefore, contactsAfter, 0);
}

/**
 * `elasticity` for a column of clients (one entry per client, input order). A client whose coefficient cannot
 * be computed (undefined, blank or text cell, negative contacts) gets `{ error }` naming its row, so one bad
 * row does not sink the column.
 *
 * @throws EngineError EMPTY_INPUT, LENGTH_MISMATCH (the four lists must have the same length).
 * @example elasticityList([20000, 0], [26000, 5], [6, 4], [9, 5])
 *   // [{ value: 0.6, reading: "low", … }, { error: EngineError ELASTICITY_CA_BEFORE_ZERO }]
 */
export function elasticityList(
  caBefore: readonly number[],
  caAfter: readonly number[],
  contactsBefore: readonly number[],
  contactsAfter: readonly number[],
): ElasticityListItem[] {
  assertSameLength(caBefore, "CA N-1", caAfter, "CA N");
  assertSameLength(caBefore, "CA N-1", contactsBefore, "contacts N-1");
  assertSameLength(caBefore, "CA N-1", contactsAfter, "contacts N");
  if (caBefore.length === 0) throw new EngineError("EMPTY_INPUT", { arg: "CA N-1" });
  return caBefore.map((_, i) => {
    try {
      return compute(caBefore[i], caAfter[i], contactsBefore[i], contactsAfter[i], i);
    } catch (e) {
      if (e instanceof EngineError) return { error: e };
      throw e;
    }
  });
}

export function isElasticityFailure(item: ElasticityListItem): item is ElasticityFailure {
  return "error" in item;
}
