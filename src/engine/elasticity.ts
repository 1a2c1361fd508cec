import type { ErrorCode, LabelKey, MessageParams, Why } from "../i18n";
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

/**
 * Why a client has no coefficient, as an error's code and params: the EngineError is made only when someone asks
 * (see `ElasticityColumns.error`); a message needs only these (an Error costs its stack trace).
 */
export interface ElasticityCause {
  readonly code: ErrorCode;
  readonly params: MessageParams;
}
type Undefined = ElasticityCause;

function badNumber(value: number, arg: string, index: number): Undefined | undefined {
  if (typeof value !== "number" || !Number.isFinite(value)) return { code: "NOT_FINITE", params: { arg, row: index + 1, value: String(value) } };
  return undefined;
}

function badContacts(value: number, arg: string, index: number): Undefined | undefined {
  const bad = badNumber(value, arg, index);
  if (bad || value >= 0) return bad;
  return {
    code: "BAD_PARAMETER",
    params: { arg: `${arg}, ligne ${index + 1}`, value: String(value), expected: "un nombre de contacts positif ou nul" },
  };
}

/**
 * The coefficient of one client (exactly 1 or 0 within `ELASTICITY_TOLERANCE`), or why it is undefined,
 * naming row index + 1. Returned, not thrown: in a column, an undefined coefficient is an ordinary outcome
 * (contacts unchanged, a new client), and its EngineError is made only when asked for.
 */
function coefficient(caBefore: number, caAfter: number, contactsBefore: number, contactsAfter: number, index: number): number | Undefined {
  const bad =
    badNumber(caBefore, "CA N-1", index) ??
    badNumber(caAfter, "CA N", index) ??
    badContacts(contactsBefore, "contacts N-1", index) ??
    badContacts(contactsAfter, "contacts N", index);
  if (bad) return bad;
  const row = index + 1;
  if (caBefore === 0) return { code: "ELASTICITY_CA_BEFORE_ZERO", params: { row } };
  if (contactsBefore === 0) return { code: "ELASTICITY_CONTACTS_BEFORE_ZERO", params: { row } };
  if (contactsAfter === contactsBefore) return { code: "ELASTICITY_CONTACTS_UNCHANGED", params: { row, value: contactsBefore } };
  const base = Math.abs(caBefore);
  const caDelta = caAfter - caBefore;
  const contactsDelta = contactsAfter - contactsBefore;
  // Cross-multiplied, so whole amounts and contacts give the correctly rounded ratio (6→9, 20 000→26 000 is 0.6).
  const num = caDelta * contactsBefore;
  const den = contactsDelta * base;
  const e = Number.isFinite(num) && Number.isFinite(den) ? num / den : caDelta / base / (contactsDelta / contactsBefore);
  if (!Number.isFinite(e)) {
    const expected = "des montants et des contacts de taille raisonnable";
    return { code: "BAD_PARAMETER", params: { arg: `élasticité, ligne ${row}`, value: String(e), expected } };
  }
  if (Math.abs(e) <= ELASTICITY_TOLERANCE) return 0;
  if (Math.abs(e - 1) <= ELASTICITY_TOLERANCE) return 1;
  return e;
}

/** The reading of each why, shared (whys are read-only). */
const READING_PARAM: Readonly<Record<ElasticityReading, { readonly label: LabelKey }>> = {
  elastic: { label: ELASTICITY_READING_LABEL.elastic },
  low: { label: ELASTICITY_READING_LABEL.low },
  inelastic: { label: ELASTICITY_READING_LABEL.inelastic },
  inverse: { label: ELASTICITY_READING_LABEL.inverse },
};

/** The why of a computed coefficient `e` from its four inputs. */
function elasticityWhy(caBefore: number, caAfter: number, contactsBefore: number, contactsAfter: number, e: number): Why {
  const base = Math.abs(caBefore);
  return {
    key: "elasticity.value",
    params: {
      caBefore,
      caAfter,
      caChange: { pct: (caAfter - caBefore) / base },
      contactsBefore,
      contactsAfter,
      contactsChange: { pct: (contactsAfter - contactsBefore) / contactsBefore },
      value: e,
      reading: READING_PARAM[elasticityReading(e)],
    },
  };
}

function compute(caBefore: number, caAfter: number, contactsBefore: number, contactsAfter: number, index: number): ElasticityResult {
  const value = coefficient(caBefore, caAfter, contactsBefore, contactsAfter, index);
  if (typeof value !== "number") throw new EngineError(value.code, value.params, index);
  return { value, reading: elasticityReading(value), why: elasticityWhy(caBefore, caAfter, contactsBefore, contactsAfter, value) };
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

/** The label of each reading code: `ELASTICITY_READINGS[reading[i]]` is client i's reading. */
export const ELASTICITY_READINGS = ["elastic", "low", "inelastic", "inverse"] as const satisfies readonly ElasticityReading[];

/** The reading code of a client whose coefficient is undefined (see `ElasticityColumns.error`). */
export const NO_READING = 255;

/**
 * Elasticity of n clients as columns, index i = client i (input order); the why and the error of client i are
 * built when asked.
 */
export interface ElasticityColumns {
  readonly n: number;
  /** The coefficient; NaN when it cannot be computed (see `error`). */
  readonly value: Float64Array;
  /** Reading code, an index of `ELASTICITY_READINGS`; `NO_READING` when the coefficient is undefined. */
  readonly reading: Uint8Array;
  /** How many clients have no coefficient. */
  readonly failures: number;
  /** Why client i's coefficient reads as it does; undefined when it has none. */
  explain(i: number): Why | undefined;
  /** The EngineError that makes client i's coefficient undefined (naming its row), else undefined. */
  error(i: number): EngineError | undefined;
  /** `error(i)`'s code and params, without making the error. */
  cause(i: number): ElasticityCause | undefined;
}

/**
 * `elasticity` for a column of clients, as columns (see `ElasticityColumns`). A client whose coefficient
 * cannot be computed (undefined, blank or text cell, negative contacts) gets NaN and `error(i)` naming its
 * row, so one bad row does not sink the column. `explain` and `error` read the four lists: keep them
 * unchanged while the columns are in use.
 *
 * @throws EngineError EMPTY_INPUT, LENGTH_MISMATCH (the four lists must have the same length).
 * @example elasticityColumns([20000, 0], [26000, 5], [6, 4], [9, 5]).value // Float64Array [0.6, NaN]
 */
export function elasticityColumns(
  caBefore: readonly number[],
  caAfter: readonly number[],
  contactsBefore: readonly number[],
  contactsAfter: readonly number[],
): ElasticityColumns {
  assertSameLength(caBefore, "CA N-1", caAfter, "CA N");
  assertSameLength(caBefore, "CA N-1", contactsBefore, "contacts N-1");
  assertSameLength(caBefore, "CA N-1", contactsAfter, "contacts N");
  if (caBefore.length === 0) throw new EngineError("EMPTY_INPUT", { arg: "CA N-1" });
  const n = caBefore.length;
  const value = new Float64Array(n);
  const reading = new Uint8Array(n);
  const failures = new Map<number, Undefined>();
  for (let i = 0; i < n; i++) {
    const e = coefficient(caBefore[i], caAfter[i], contactsBefore[i], contactsAfter[i], i);
    if (typeof e === "number") {
      value[i] = e;
      reading[i] = ELASTICITY_READINGS.indexOf(elasticityReading(e));
    } else {
      value[i] = NaN;
      reading[i] = NO_READING;
      failures.set(i, e);
    }
  }
  const explain = (i: number): Why | undefined =>
    failures.has(i) ? undefined : elasticityWhy(caBefore[i], caAfter[i], contactsBefore[i], contactsAfter[i], value[i]);
  const cause = (i: number): Undefined | undefined => failures.get(i);
  const error = (i: number): EngineError | undefined => {
    const f = failures.get(i);
    return f && new EngineError(f.code, f.params, i);
  };
  return { n, value, reading, failures: failures.size, explain, error, cause };
}

/**
 * `elasticity` for a column of clients (one entry per client, input order): the row view of
 * `elasticityColumns`. A client whose coefficient cannot be computed (undefined, blank or text cell, negative
 * contacts) gets `{ error }` naming its row, so one bad row does not sink the column.
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
  return elasticityRows(elasticityColumns(caBefore, caAfter, contactsBefore, contactsAfter));
}

/** The row view of elasticity columns: `{ value, reading, why }`, or `{ error }` for a client without coefficient. */
export function elasticityRows(columns: ElasticityColumns): ElasticityListItem[] {
  const rows = new Array<ElasticityListItem>(columns.n);
  for (let i = 0; i < columns.n; i++) {
    const error = columns.error(i);
    const why = columns.explain(i);
    if (error) rows[i] = { error };
    else if (why) rows[i] = { value: columns.value[i], reading: ELASTICITY_READINGS[columns.reading[i]], why };
  }
  return rows;
}

export function isElasticityFailure(item: ElasticityListItem): item is ElasticityFailure {
  return "error" in item;
}
