import type { LabelKey, Why } from "../i18n";
import { EngineError } from "./errors";
import { assertFiniteList, assertSameLength } from "./stats/validate";

/**
 * cash_cow = Vaches à lait (contacts low, CA high), skeleton = Squelettes (both low),
 * golden_goose = Poules aux œufs d'or (both high), contact_eater = Contactivores (contacts high, CA low).
 */
export type ContactQuadrant = "cash_cow" | "skeleton" | "golden_goose" | "contact_eater";

/** Where a split point comes from: the portfolio median, or a value the user typed. */
export type SplitSource = "median" | "user";

export interface ContactMatrixOptions {
  /** Split point for contacts; default the median of the contacts. */
  readonly splitContacts?: number;
  /** Split point for CA (or margin); default the median of the amounts. */
  readonly splitAmounts?: number;
}

export interface ContactMatrixSplits {
  readonly contacts: number;
  readonly amounts: number;
  readonly contactsSource: SplitSource;
  readonly amountsSource: SplitSource;
  /** "la médiane des contacts = 6, la médiane du CA = 12 500": the line the PAC sheet prints. */
  readonly why: Why;
}

export interface ContactMatrixRow {
  readonly quadrant: ContactQuadrant;
  /** Contacts strictly above the contacts split point. */
  readonly contactsHigh: boolean;
  /** CA strictly above the CA split point. */
  readonly amountHigh: boolean;
  /** CA / contacts; null when the client had no contact (see `productivityError`). */
  readonly productivity: number | null;
  /** ZERO_CONTACTS when contacts = 0; the quadrant is still given. */
  readonly productivityError?: EngineError;
  readonly why: Why;
}

/** The label key of each quadrant, for cells and explanations. */
export const QUADRANT_LABEL: Readonly<Record<ContactQuadrant, LabelKey>> = {
  cash_cow: "contacts.quadrant.cash_cow",
  skeleton: "contacts.quadrant.skeleton",
  golden_goose: "contacts.quadrant.golden_goose",
  contact_eater: "contacts.quadrant.contact_eater",
};

const SOURCE_LABEL: Readonly<Record<SplitSource, LabelKey>> = {
  median: "contacts.split.median",
  user: "contacts.split.user",
};

/**
 * The usual median: the middle value of the sorted list for odd n, the average of the two middle values for
 * even n (so the median of [4, 6, 7, 9] is 6.5). The input is copied, never sorted in place.
 *
 * @throws EngineError EMPTY_INPUT, NOT_FINITE (naming the row).
 * @example median([9, 4, 6, 7]) // 6.5
 */
export function median(values: readonly number[], arg = "valeurs"): number {
  assertFiniteList(values, arg, "Médiane");
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const mid = n >> 1;
  if (n % 2 === 1) return sorted[mid];
  const a = sorted[mid - 1];
  const b = sorted[mid];
  const m = (a + b) / 2;
  return Number.isFinite(m) ? m : a / 2 + b / 2;
}

function checkInputs(contacts: readonly number[], amounts: readonly number[]): void {
  assertSameLength(contacts, "contacts", amounts, "CA");
  assertFiniteList(contacts, "contacts", "Matrice des contacts");
  assertFiniteList(amounts, "CA", "Matrice des contacts");
  for (let i = 0; i < contacts.length; i++) {
    if (contacts[i] < 0) {
      throw new EngineError(
        "BAD_PARAMETER",
        { arg: `contacts, ligne ${i + 1}`, value: String(contacts[i]), expected: "un nombre de contacts positif ou nul" },
        i,
      );
    }
  }
}

function checkSplit(value: number | undefined, arg: string): void {
  if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value))) {
    throw new EngineError("BAD_PARAMETER", { arg, value: String(value), expected: "un nombre" });
  }
}

function splitsOf(
  contacts: readonly number[],
  amounts: readonly number[],
  options: ContactMatrixOptions,
): ContactMatrixSplits {
  checkSplit(options.splitContacts, "séparation des contacts");
  checkSplit(options.splitAmounts, "séparation du CA");
  const needsMedian = options.splitContacts === undefined || options.splitAmounts === undefined;
  if (needsMedian && contacts.length < 2) {
    const method = "Matrice des contacts (médianes)";
    throw new EngineError("TOO_FEW_CLIENTS", { method, min: 2, n: contacts.length });
  }
  const c = options.splitContacts ?? median(contacts, "contacts");
  const a = options.splitAmounts ?? median(amounts, "CA");
  const contactsSource: SplitSource = options.splitContacts === undefined ? "median" : "user";
  const amountsSource: SplitSource = options.splitAmounts === undefined ? "median" : "user";
  return {
    contacts: c,
    amounts: a,
    contactsSource,
    amountsSource,
    why: {
      key: "contacts.splits",
      params: {
        contactsKind: { label: SOURCE_LABEL[contactsSource] },
        splitContacts: c,
        amountsKind: { label: SOURCE_LABEL[amountsSource] },
        splitAmount: a,
      },
    },
  };
}

/**
 * The two split points `contactMatrix` uses, with where each comes from, for the PAC sheet ("médiane
 * contacts = 6"). Same inputs, options and errors as `contactMatrix`.
 *
 * @example contactMatrixSplits([2, 6, 9], [100, 50, 80]) // { contacts: 6, amounts: 80, contactsSource: "median", … }
 */
export function contactMatrixSplits(
  contacts: readonly number[],
  amounts: readonly number[],
  options: ContactMatrixOptions = {},
): ContactMatrixSplits {
  checkInputs(contacts, amounts);
  return splitsOf(contacts, amounts, options);
}

/** The label of each quadrant code: `CONTACT_QUADRANTS[quadrant[i]]` is client i's quadrant. */
export const CONTACT_QUADRANTS = ["cash_cow", "skeleton", "golden_goose", "contact_eater"] as const satisfies readonly ContactQuadrant[];

const SIDE_HIGH = { label: "contacts.side.high" } as const;
const SIDE_LOW = { label: "contacts.side.low" } as const;
const QUADRANT_PARAM = CONTACT_QUADRANTS.map((q) => ({ label: QUADRANT_LABEL[q] }));

/** Quadrant code from the two sides: contacts high adds 2, CA low adds 1 (see `CONTACT_QUADRANTS`). */
function quadrantCode(contactsHigh: boolean, amountHigh: boolean): number {
  return (contactsHigh ? 2 : 0) + (amountHigh ? 0 : 1);
}

/**
 * The contact matrix of n clients as columns, index i = client i (input order); `explain(i)` and
 * `productivityError(i)` are built when asked.
 */
export interface ContactMatrixColumns {
  readonly n: number;
  readonly splits: ContactMatrixSplits;
  /** Quadrant code, an index of `CONTACT_QUADRANTS`. */
  readonly quadrant: Uint8Array;
  /** CA / contacts; NaN when the client had no contact (see `productivityError`). */
  readonly productivity: Float64Array;
  /** Why client i is in its quadrant. */
  explain(i: number): Why;
  /** ZERO_CONTACTS when client i had no contact, else undefined. */
  productivityError(i: number): EngineError | undefined;
}

/**
 * Contact profitability matrix (SPEC §6) as columns (see `ContactMatrixColumns`), with the conventions and
 * errors of `contactMatrix`. `explain(i)` reads the two lists: keep them unchanged while the columns are in use.
 *
 * @example Array.from(contactMatrixColumns([2, 12], [900, 400]).quadrant, (q) => CONTACT_QUADRANTS[q]) // ["cash_cow", "contact_eater"]
 */
export function contactMatrixColumns(
  contacts: readonly number[],
  amounts: readonly number[],
  options: ContactMatrixOptions = {},
): ContactMatrixColumns {
  checkInputs(contacts, amounts);
  const splits = splitsOf(contacts, amounts, options);
  const n = contacts.length;
  const quadrant = new Uint8Array(n);
  const productivity = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = contacts[i];
    quadrant[i] = quadrantCode(c > splits.contacts, amounts[i] > splits.amounts);
    productivity[i] = c === 0 ? NaN : amounts[i] / c;
  }
  // The label params are shared by every why of the call (whys are read-only).
  const contactsKind = { label: SOURCE_LABEL[splits.contactsSource] };
  const amountsKind = { label: SOURCE_LABEL[splits.amountsSource] };
  const explain = (i: number): Why => {
    const q = quadrant[i];
    return {
      key: "contacts.quadrant",
      params: {
        contacts: contacts[i],
        contactsSide: q >= 2 ? SIDE_HIGH : SIDE_LOW,
        contactsKind,
        splitContacts: splits.contacts,
        amount: amounts[i],
        amountSide: q % 2 === 0 ? SIDE_HIGH : SIDE_LOW,
        amountsKind,
        splitAmount: splits.amounts,
        quadrant: QUADRANT_PARAM[q],
      },
    };
  };
  const productivityError = (i: number): EngineError | undefined =>
    contacts[i] === 0 ? new EngineError("ZERO_CONTACTS", { row: i + 1 }, i) : undefined;
  return { n, splits, quadrant, productivity, explain, productivityError };
}

/**
 * Contact profitability matrix (SPEC §6): each client is placed by its contacts and its CA (or margin) against
 * two split points, by default the portfolio medians (see `median`: average of the two middle values for even
 * n), or `options.splitContacts` / `options.splitAmounts`. "High" means strictly above the split point, so a
 * client exactly at a median is "low" on that side, and when all values are equal every client is low on it
 * (all Squelettes if both are). Productivity = CA / contacts; a client with 0 contacts keeps its quadrant, with
 * `productivity: null` and a ZERO_CONTACTS `productivityError`. Negative CA (returns) is allowed and is low.
 * Equal inputs get equal outputs; the order of the clients does not change anyone's result.
 * One plain object per client: the row view of `contactMatrixColumns`.
 *
 * @throws EngineError EMPTY_INPUT, LENGTH_MISMATCH, NOT_FINITE (blank or text cell, naming the row),
 *   BAD_PARAMETER (negative contacts, non-numeric split), TOO_FEW_CLIENTS (fewer than 2 clients when a
 *   median is needed).
 * @example contactMatrix([2, 6, 9, 12], [900, 300, 2000, 400]).map(r => r.quadrant)
 *   // ["cash_cow", "skeleton", "golden_goose", "contact_eater"]  (medians 7.5 contacts, 650 CA)
 */
export function contactMatrix(
  contacts: readonly number[],
  amounts: readonly number[],
  options: ContactMatrixOptions = {},
): ContactMatrixRow[] {
  return contactMatrixRows(contactMatrixColumns(contacts, amounts, options));
}

/** The row view of contact-matrix columns: client i's quadrant, sides, productivity and why, as one object. */
export function contactMatrixRows(columns: ContactMatrixColumns): ContactMatrixRow[] {
  const rows = new Array<ContactMatrixRow>(columns.n);
  for (let i = 0; i < columns.n; i++) {
    const q = columns.quadrant[i];
    const quadrant = CONTACT_QUADRANTS[q];
    const contactsHigh = q >= 2;
    const amountHigh = q % 2 === 0;
    const why = columns.explain(i);
    const productivityError = columns.productivityError(i);
    rows[i] = productivityError
      ? { quadrant, contactsHigh, amountHigh, productivity: null, productivityError, why }
      : { quadrant, contactsHigh, amountHigh, productivity: columns.productivity[i], why };
  }
  return rows;
}
