import type { LabelKey, Why } from "../i18n";
import { EngineError, assertNever } from "./errors";
import { median } from "./contactMatrix";
import { assertIndex, readNumberCell } from "./stats/validate";

/**
 * The ideal-client matrix (SPEC §13): ideal = Clients idéaux (both high), happy = Clients heureux (value high,
 * productivity low), at_risk = Clients à risque (productivity high, value low), avoid = Clients à éviter (both low).
 * `ideal[i]` is an index into this table.
 */
export const IDEAL_CLASSES = ["ideal", "happy", "at_risk", "avoid"] as const;
export type IdealClass = (typeof IDEAL_CLASSES)[number];

/** `ideal[i]` of a client left out (a blank, text or out-of-scale cell, or no contact). */
export const IDEAL_NOT_CLASSED = 255;
export const VALUE_SCALE: readonly [number, number] = [1, 5];

export const IDEAL_LABEL: Readonly<Record<IdealClass, LabelKey>> = {
  ideal: "ideal.class.ideal",
  happy: "ideal.class.happy",
  at_risk: "ideal.class.at_risk",
  avoid: "ideal.class.avoid",
};

/** The reading of each class: what to do with such a client. */
export const IDEAL_READING: Readonly<Record<IdealClass, LabelKey>> = {
  ideal: "ideal.reading.ideal",
  happy: "ideal.reading.happy",
  at_risk: "ideal.reading.at_risk",
  avoid: "ideal.reading.avoid",
};

/**
 * One cell per client, as read: either `productivity` (CA / contacts, already computed) or `ca` and
 * `contacts`; and `value`, the "valeur apportée / satisfaction" the rep scored 1 to 5. Cells are checked here.
 */
export interface IdealInput {
  readonly productivity?: readonly unknown[];
  readonly ca?: readonly unknown[];
  readonly contacts?: readonly unknown[];
  readonly value: readonly unknown[];
}

export interface IdealOptions {
  /** Split point of productivity; default the median of the classed clients. */
  readonly splitProductivity?: number;
  /** Split point of the value score; default the median of the classed clients. */
  readonly splitValue?: number;
}

export type IdealColumn = "productivity" | "ca" | "contacts" | "value";

/** A client left out, with the first cell that kept it out. */
export interface IdealWarning {
  readonly index: number;
  readonly code: "blank" | "not_number" | "out_of_range" | "zero_contacts" | "negative_contacts";
  readonly column: IdealColumn;
  readonly value: string | number;
}

export interface IdealRow {
  readonly ideal: IdealClass | null;
  readonly productivity: number | null;
  readonly why: Why;
}

export interface IdealResult {
  readonly n: number;
  /** Index into IDEAL_CLASSES, or IDEAL_NOT_CLASSED. */
  readonly ideal: Uint8Array;
  /** CA / contacts (or as given); NaN when unread. */
  readonly productivity: Float64Array;
  /** The value score; NaN when unread. */
  readonly value: Float64Array;
  readonly splitProductivity: number;
  readonly splitValue: number;
  readonly productivitySource: "median" | "user";
  readonly valueSource: "median" | "user";
  /** Per class, in IDEAL_CLASSES order. */
  readonly counts: Int32Array;
  readonly notClassed: number;
  readonly warnings: readonly IdealWarning[];
  /** "médiane de la productivité = 1 250 ; médiane de la valeur = 3". */
  readonly splitsWhy: Why;
  explain(i: number): Why;
  row(i: number): IdealRow;
}


const COLUMN_LABEL: Readonly<Record<IdealColumn, LabelKey>> = {
  productivity: "ideal.column.productivity",
  ca: "ideal.column.ca",
  contacts: "ideal.column.contacts",
  value: "ideal.column.value",
};

const ARG: Readonly<Record<IdealColumn, string>> = { productivity: "productivité", ca: "CA", contacts: "contacts", value: "valeur" };


function checkSplit(value: number | undefined, arg: string): void {
  if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value))) {
    throw new EngineError("BAD_PARAMETER", { arg, value: String(value), expected: "un nombre" });
  }
}

/**
 * The ideal-client matrix (SPEC §13, from the course "le client idéal"): what the client brings us
 * (productivity = CA / contacts) against what we bring it (a value or satisfaction score 1 to 5 set by the rep),
 * each split at the median of the classed clients (mean of the two middle values for an even count) or at a
 * value the user gives; "high" means **strictly above** the split point, as in the contact matrix (§6), so a
 * client exactly at a median is low on that side and when all are equal every client is "avoid".
 *
 * Left out with a warning (`IDEAL_NOT_CLASSED`), never read as 0: a blank or text cell, a value outside 1..5,
 * contacts = 0 (productivity undefined) or negative. The medians use the classed clients only. Negative CA
 * (returns) is allowed and low. An empty list gives an empty result; one client is a valid portfolio (it is
 * its own median: "avoid" unless split points are given).
 *
 * @throws EngineError LENGTH_MISMATCH, BAD_PARAMETER (no productivity nor CA and contacts; a split that is not a
 *   number), NO_NUMBER (clients given, none readable, and a median needed).
 * @example idealClients({ productivity: [4000, 500, 3000, 800], value: [5, 4, 2, 1] }).ideal
 *   // [0, 1, 2, 3]: medians 1 900 and 3 → idéal, heureux, à risque, à éviter
 */
export function idealClients(input: IdealInput, options: IdealOptions = {}): IdealResult {
  checkSplit(options.splitProductivity, "seuil de productivité");
  checkSplit(options.splitValue, "seuil de valeur");
  const byRatio = input.productivity === undefined;
  if (byRatio && (input.ca === undefined || input.contacts === undefined)) {
    throw new EngineError("BAD_PARAMETER", { arg: "productivité", value: "", expected: "une colonne de productivité, ou le CA et les contacts" });
  }
  const columns: [IdealColumn, readonly unknown[]][] = byRatio
    ? [["ca", input.ca as readonly unknown[]], ["contacts", input.contacts as readonly unknown[]], ["value", input.value]]
    : [["productivity", input.productivity as readonly unknown[]], ["value", input.value]];
  for (const [name, col] of columns) {
    if (!Array.isArray(col)) throw new EngineError("BAD_PARAMETER", { arg: ARG[name], value: String(col), expected: "une colonne de valeurs" });
  }
  const n = columns[0][1].length;
  for (const [name, col] of columns.slice(1)) {
    if (col.length !== n) throw new EngineError("LENGTH_MISMATCH", { arg: ARG[columns[0][0]], n1: n, arg2: ARG[name], n2: col.length });
  }

  const productivity = new Float64Array(n).fill(NaN);
  const value = new Float64Array(n).fill(NaN);
  const warnings: IdealWarning[] = [];
  const okP: number[] = [];
  const okV: number[] = [];
  for (let i = 0; i < n; i++) {
    let bad: IdealWarning | undefined;
    const read: number[] = [];
    for (const [name, col] of columns) {
      const r = readNumberCell(col[i]);
      if (!r.ok) {
        bad ??= { index: i, code: r.code, column: name, value: r.shown };
        read.push(NaN);
        continue;
      }
      if (name === "value" && (r.value < VALUE_SCALE[0] || r.value > VALUE_SCALE[1])) bad ??= { index: i, code: "out_of_range", column: name, value: r.value };
      if (name === "contacts" && r.value < 0) bad ??= { index: i, code: "negative_contacts", column: name, value: r.value };
      if (name === "contacts" && r.value === 0) bad ??= { index: i, code: "zero_contacts", column: name, value: 0 };
      read.push(r.value);
    }
    if (bad) {
      warnings.push(bad);
      continue;
    }
    const p = byRatio ? read[0] / read[1] : read[0];
    productivity[i] = p;
    value[i] = read[read.length - 1];
    okP.push(p);
    okV.push(value[i]);
  }

  const needsMedian = options.splitProductivity === undefined || options.splitValue === undefined;
  if (n > 0 && okP.length === 0 && needsMedian) throw new EngineError("NO_NUMBER", { arg: byRatio ? "CA / contacts" : "productivité" });
  const splitProductivity = options.splitProductivity ?? (okP.length > 0 ? median(okP) : NaN);
  const splitValue = options.splitValue ?? (okV.length > 0 ? median(okV) : NaN);
  const productivitySource = options.splitProductivity === undefined ? "median" : "user";
  const valueSource = options.splitValue === undefined ? "median" : "user";

  const ideal = new Uint8Array(n).fill(IDEAL_NOT_CLASSED);
  const counts = new Int32Array(4);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(value[i])) continue;
    const pHigh = productivity[i] > splitProductivity;
    const vHigh = value[i] > splitValue;
    const k = pHigh ? (vHigh ? 0 : 2) : vHigh ? 1 : 3;
    ideal[i] = k;
    counts[k]++;
  }
  const byIndex = new Map<number, IdealWarning>();
  for (const w of warnings) byIndex.set(w.index, w);
  const sourceLabel = (s: "median" | "user"): LabelKey => (s === "median" ? "contacts.split.median" : "contacts.split.user");

  const explain = (i: number): Why => {
    assertIndex(i, n, "client");
    if (ideal[i] === IDEAL_NOT_CLASSED) {
      const w = byIndex.get(i) as IdealWarning;
      return { key: `ideal.unclassed.${w.code}`, params: { column: { label: COLUMN_LABEL[w.column] }, value: w.value } };
    }
    const c = IDEAL_CLASSES[ideal[i]];
    const params = {
      productivity: Math.round(productivity[i] * 100) / 100,
      pSide: { label: productivity[i] > splitProductivity ? "contacts.side.high" : "contacts.side.low" } as const,
      pKind: { label: sourceLabel(productivitySource) },
      splitProductivity: Math.round(splitProductivity * 100) / 100,
      value: value[i],
      vSide: { label: value[i] > splitValue ? "contacts.side.high" : "contacts.side.low" } as const,
      vKind: { label: sourceLabel(valueSource) },
      splitValue,
      cls: { label: IDEAL_LABEL[c] },
      reading: { label: IDEAL_READING[c] },
    };
    switch (c) {
      case "ideal":
      case "happy":
      case "at_risk":
      case "avoid":
        return { key: "ideal.why", params };
      default:
        return assertNever(c);
    }
  };

  return {
    n,
    ideal,
    productivity,
    value,
    splitProductivity,
    splitValue,
    productivitySource,
    valueSource,
    counts,
    notClassed: n - okP.length,
    warnings,
    splitsWhy: {
      key: "ideal.splits",
      params: { pKind: { label: sourceLabel(productivitySource) }, splitProductivity: Math.round(splitProductivity * 100) / 100, vKind: { label: sourceLabel(valueSource) }, splitValue },
    },
    explain,
    row(i: number): IdealRow {
      assertIndex(i, n, "client");
      return {
        ideal: ideal[i] === IDEAL_NOT_CLASSED ? null : IDEAL_CLASSES[ideal[i]],
        productivity: Number.isNaN(productivity[i]) ? null : productivity[i],
        why: explain(i),
      };
    },
  };
}

/** The warning of one client left out, as a sentence key naming its row (default its 1-based position). */
export function idealWarningWhy(warning: IdealWarning, row = warning.index + 1): Why {
  return { key: `ideal.warning.${warning.code}`, params: { row, column: { label: COLUMN_LABEL[warning.column] }, value: warning.value } };
}

