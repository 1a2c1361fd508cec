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

/**
 * Contact profitability matrix (SPEC §6): each client is placed by its contacts and its CA (or margin) against
 * two split points, by default the portfolio medians (see `median`: average of the two middle values for even
 * n), or `options.splitContacts` / `options.splitAmounts`. "High" means strictly above the split point, so a
 * client exactly at a median is "low" on that side, and when all values are equal every client is low on it
 * (all Squelettes if both are). Productivity = CA / contacts; a client with 0 contacts keeps its quadrant, with
 * `productivity: null` and a ZERO_CONTACTS `productivityError`. Negative CA (returns) is allowed and is low.
 * Equal inputs get equal outputs; the order of the clients does not change anyone's result.
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
  checkInputs(contacts, amounts);
  const splits = splitsOf(contacts, amounts, options);
  const contactsKind: LabelKey = SOURCE_LABEL[splits.contactsSource];
  const amountsKind: LabelKey = SOURCE_LABEL[splits.amountsSource];
  return contacts.map((c, i) => {
    const amount = amounts[i];
    const contactsHigh = c > splits.contacts;
    const amountHigh = amount > splits.amounts;
    const quadrant: ContactQuadrant = contactsHigh
      ? amountHigh
        ? "golden_goose"
        : "contact_eater"
      : amountHigh
        ? "cash_cow"
        : "skeleton";
    const why: Why = {
      key: "contacts.quadrant",
      params: {
        contacts: c,
        contactsSide: { label: contactsHigh ? "contacts.side.high" : "contacts.side.low" },
        contactsKind: { label: contactsKind },
        splitContacts: splits.contacts,
        amount,
        amountSide: { label: amountHigh ? "contacts.side.high" : "contacts.side.low" },
        amountsKind: { label: amountsKind },
        splitAmount: splits.amounts,
        quadrant: { label: QUADRANT_LABEL[quadrant] },
      },
    };
    if (c === 0) {
      return {
        quadrant,
        contactsHigh,
        amountHigh,
        productivity: null,
        productivityError: new EngineError("ZERO_CONTACTS", { row: i + 1 }, i),
        why,
      };
    }
    return { quadrant, contactsHigh, amountHigh, productivity: amount / c, why };
  });
}
