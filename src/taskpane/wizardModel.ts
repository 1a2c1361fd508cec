import { ABC_DEFAULT_THRESHOLDS, DEFAULT_FAMILY_SHARES, DEFAULT_VISIT_NORMS, largestRemainder, type AbcMode, type ActionFamily } from "../engine";
import type { ImportReport, MethodId, MissingForMethod } from "../io";
import type { Fidelity, FidelityReason } from "../plan/fidelity";
import type { PlanMethod, ResultColumns, ScoredClient, ScoredPortfolio, ScoreOptions } from "../plan/score";

/** The choices of the "Méthodes" step (R/P and P-R go together). */
export type WizardMethod = "abc" | "rp" | "rfm" | "contacts" | "elasticity" | "maturity" | "engagement" | "ideal";

/** The methods of the scoring, whose results `withMethods` drops when unticked. */
type ScoringMethod = Exclude<WizardMethod, "engagement" | "ideal">;

export const WIZARD_METHODS: readonly WizardMethod[] = ["abc", "rp", "rfm", "contacts", "elasticity", "maturity", "engagement", "ideal"];
const SCORING_METHODS: readonly ScoringMethod[] = ["abc", "rp", "rfm", "contacts", "elasticity", "maturity"];

/** The import method whose missing columns disable each choice. */
const NEEDED: Readonly<Record<ScoringMethod, MethodId>> = {
  abc: "abc",
  rp: "quartiles",
  rfm: "rfm",
  contacts: "contacts",
  elasticity: "elasticity",
  maturity: "maturity",
};

/** The results of the scored portfolio each choice controls. */
const PLAN_PARTS: Readonly<Record<ScoringMethod, readonly PlanMethod[]>> = {
  abc: ["abc"],
  rp: ["r", "p", "pr"],
  rfm: ["rfm"],
  contacts: ["contacts"],
  elasticity: ["elasticity"],
  maturity: ["maturity"],
};

export const FAMILIES: readonly ActionFamily[] = ["entretien", "stimulation", "conquete"];

/** Whole percentages per family, always summing to 100. */
export type SharePercents = Readonly<Record<ActionFamily, number>>;

export interface Thresholds {
  readonly abcMode: AbcMode;
  /** Percentages, e.g. 80 and 95. */
  readonly abcA: number;
  readonly abcB: number;
  readonly rfmClasses: number;
  /** Blank: the portfolio median. */
  readonly splitContacts: string;
  readonly splitCa: string;
  /** Percentage, e.g. 10. */
  readonly maturity: number;
  /** Weights of the four prospect criteria (pertinence, crédibilité, attractivité pour nous, notre attractivité). */
  readonly prospectWeights: readonly [number, number, number, number];
}

export interface CapitalSettings {
  readonly weeks: number;
  readonly daysPerWeek: number;
  readonly contactsPerDay: number;
  readonly shares: SharePercents;
  readonly norms: Readonly<Record<"A" | "B" | "C", number>>;
}

function percents(fractions: Readonly<Record<ActionFamily, number>>): SharePercents {
  const [entretien, stimulation, conquete] = largestRemainder(100, FAMILIES.map((f) => fractions[f]));
  return { entretien, stimulation, conquete };
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  abcMode: "amount",
  abcA: ABC_DEFAULT_THRESHOLDS.amount[0] * 100,
  abcB: ABC_DEFAULT_THRESHOLDS.amount[1] * 100,
  rfmClasses: 5,
  splitContacts: "",
  splitCa: "",
  maturity: 10,
  prospectWeights: [1, 1, 1, 1],
};

export const DEFAULT_CAPITAL: CapitalSettings = {
  weeks: 45,
  daysPerWeek: 4,
  contactsPerDay: 3,
  shares: percents(DEFAULT_FAMILY_SHARES),
  norms: { ...DEFAULT_VISIT_NORMS },
};

/** The thresholds of an ABC mode, in percent (amount: 80/95; clients: 20/50). */
export function abcDefaults(mode: AbcMode): { abcA: number; abcB: number } {
  const [a, b] = ABC_DEFAULT_THRESHOLDS[mode];
  return { abcA: Math.round(a * 1000) / 10, abcB: Math.round(b * 1000) / 10 };
}

export interface MethodAvailability {
  readonly method: WizardMethod;
  readonly available: boolean;
  /** Why it is unavailable (or, for "rp", why only R is computed): the import's message, French. */
  readonly missing?: MissingForMethod;
  /** Why engagement or the ideal-client matrix cannot run (`computeFidelity`'s reason). */
  readonly fidelityMissing?: FidelityReason;
  /** For "rp" without a potential: P and P-R cannot run. */
  readonly partial?: MissingForMethod;
}

/**
 * Which choices the mapped columns allow, from the import's `missing` list; engagement and the ideal client from
 * what `computeFidelity` could compute (a journal beside a client table counts; unconfirmed types do not).
 */
export function methodAvailability(missing: readonly MissingForMethod[], fidelity?: Fidelity): MethodAvailability[] {
  const byMethod = new Map(missing.map((m) => [m.method, m]));
  const fidelityChoices: MethodAvailability[] = [
    fidelity?.engagement
      ? { method: "engagement", available: true }
      : { method: "engagement", available: false, fidelityMissing: fidelity?.engagementMissing ?? { key: "fid.reason.no_journal" } },
    fidelity?.ideal ? { method: "ideal", available: true } : { method: "ideal", available: false, fidelityMissing: fidelity?.idealMissing ?? { key: "fid.reason.no_value" } },
  ];
  return [...SCORING_METHODS.map((method): MethodAvailability => {
    const lack = byMethod.get(NEEDED[method]);
    const partial = method === "rp" ? byMethod.get("pr") : undefined;
    return { method, available: lack === undefined, ...(lack ? { missing: lack } : {}), ...(partial && !lack ? { partial } : {}) };
  }), ...fidelityChoices];
}

/** The fidelity results of the ticked methods only (an unticked one is not written), or undefined. */
export function withFidelity(fidelity: Fidelity | undefined, selected: ReadonlySet<WizardMethod>): Fidelity | undefined {
  if (!fidelity) return undefined;
  const { engagement, engagementRow, ideal, idealRow, ...rest } = fidelity;
  return {
    ...rest,
    ...(engagement && selected.has("engagement") ? { engagement, engagementRow } : {}),
    ...(ideal && selected.has("ideal") ? { ideal, idealRow } : {}),
  };
}

/**
 * Sets one family's share and spreads the rest over the two others in proportion to their current shares
 * (equally when both are 0), in whole percentages by largest remainder: the result always sums to 100.
 * @example setShare({ entretien: 60, stimulation: 25, conquete: 15 }, "entretien", 80) // { 80, 13, 7 }
 */
export function setShare(shares: SharePercents, family: ActionFamily, value: number): SharePercents {
  const v = Math.min(100, Math.max(0, Math.round(Number.isFinite(value) ? value : 0)));
  const others = FAMILIES.filter((f) => f !== family);
  const weights = others.map((f) => shares[f]);
  const rest = 100 - v;
  const split = weights[0] + weights[1] > 0 ? largestRemainder(rest, weights) : largestRemainder(rest, [1, 1]);
  const out: Record<ActionFamily, number> = { entretien: 0, stimulation: 0, conquete: 0 };
  out[family] = v;
  others.forEach((f, k) => {
    out[f] = split[k];
  });
  return out;
}

function optionalNumber(text: string): number | undefined {
  const t = text.trim().replace(/\s/g, "").replace(",", ".");
  if (t === "") return undefined;
  return Number(t);
}

/**
 * The number a field's text stands for (French "12,5" or "12.5", spaces ignored), or undefined when the text is
 * blank or not a number: the field then says so and the last valid value stays applied.
 * @example parseNumberText("12,5") // 12.5
 */
export function parseNumberText(text: string): number | undefined {
  const n = optionalNumber(text);
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

/** One CA-per-period column chosen in the Source step; `label` as typed ("" keeps the label read from the header). */
export interface PeriodChoice {
  readonly column: number;
  readonly label: string;
}

/** The `mapping.periods` of `readClientTable` for the user's choice: blank labels are left to the import. */
export function periodsMapping(choice: readonly PeriodChoice[] | "none"): readonly { column: number; label?: string }[] | "none" {
  if (choice === "none" || choice.length === 0) return "none";
  return choice.map((p) => (p.label.trim() !== "" ? { column: p.column, label: p.label.trim() } : { column: p.column }));
}

/** Moves the period at `index` one place earlier (-1) or later (+1); out-of-range moves change nothing. */
export function movePeriod(choice: readonly PeriodChoice[], index: number, by: -1 | 1): PeriodChoice[] {
  const to = index + by;
  const next = [...choice];
  if (index < 0 || index >= next.length || to < 0 || to >= next.length) return next;
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

/** The engine options of the wizard's settings. Invalid values are passed on: the engine says what is wrong. */
export function scoreOptions(thresholds: Thresholds, capital: CapitalSettings, lang: "fr" | "en"): ScoreOptions {
  const splitContacts = optionalNumber(thresholds.splitContacts);
  const splitAmounts = optionalNumber(thresholds.splitCa);
  return {
    lang,
    capital: { weeks: capital.weeks, daysPerWeek: capital.daysPerWeek, contactsPerDay: capital.contactsPerDay },
    shares: {
      entretien: capital.shares.entretien / 100,
      stimulation: capital.shares.stimulation / 100,
      conquete: capital.shares.conquete / 100,
    },
    norms: capital.norms,
    abc: { mode: thresholds.abcMode, thresholds: [thresholds.abcA / 100, thresholds.abcB / 100] },
    rfm: { classes: thresholds.rfmClasses },
    contactMatrix: {
      ...(splitContacts !== undefined ? { splitContacts } : {}),
      ...(splitAmounts !== undefined ? { splitAmounts } : {}),
    },
    maturity: { threshold: thresholds.maturity / 100 },
    prospectWeights: thresholds.prospectWeights,
  };
}

/**
 * A scored client without the results of some methods: everything else read from the client itself. A scored
 * client makes its results from the portfolio's columns when they are read (issue 12), so a copy of its own
 * properties would have none.
 */
class WithoutMethods implements ScoredClient {
  constructor(
    private readonly client: ScoredClient,
    private readonly dropped: ReadonlySet<PlanMethod>,
  ) {}

  private shown<T>(method: PlanMethod, value: T): T | undefined {
    return this.dropped.has(method) ? undefined : value;
  }

  get index(): number {
    return this.client.index;
  }
  get id(): string {
    return this.client.id;
  }
  get row(): number {
    return this.client.row;
  }
  get name(): string | undefined {
    return this.client.name;
  }
  get isProspect(): boolean {
    return this.client.isProspect;
  }
  get ca(): number | undefined {
    return this.client.ca;
  }
  get potential(): number | undefined {
    return this.client.potential;
  }
  get abc(): ScoredClient["abc"] {
    return this.shown("abc", this.client.abc);
  }
  get r(): ScoredClient["r"] {
    return this.shown("r", this.client.r);
  }
  get p(): ScoredClient["p"] {
    return this.shown("p", this.client.p);
  }
  get pr(): ScoredClient["pr"] {
    return this.shown("pr", this.client.pr);
  }
  get rfm(): ScoredClient["rfm"] {
    return this.shown("rfm", this.client.rfm);
  }
  get contacts(): ScoredClient["contacts"] {
    return this.shown("contacts", this.client.contacts);
  }
  get maturity(): ScoredClient["maturity"] {
    return this.shown("maturity", this.client.maturity);
  }
  get elasticity(): ScoredClient["elasticity"] {
    return this.shown("elasticity", this.client.elasticity);
  }
  // The allocation is kept as computed (see `withMethods`).
  get allocation(): ScoredClient["allocation"] {
    return this.client.allocation;
  }
  get entretien(): number | undefined {
    return this.client.entretien;
  }
  get stimulation(): number | undefined {
    return this.client.stimulation;
  }
  get conquete(): number | undefined {
    return this.client.conquete;
  }
  get calendar(): readonly number[] | undefined {
    return this.client.calendar;
  }
  get reasons(): ScoredClient["reasons"] {
    return this.client.reasons.filter((r) => !this.dropped.has(r.method));
  }
  get why(): readonly string[] {
    const keep = this.client.reasons.map((r) => !this.dropped.has(r.method));
    return this.client.why.filter((_, i) => keep[i]);
  }
  get warnings(): ScoredClient["warnings"] {
    return this.client.warnings;
  }
  get source(): ScoredClient["source"] {
    return this.client.source;
  }
}

/**
 * The portfolio without the results of the unticked methods (their columns are then not written). The
 * allocation is kept as computed: it rests on the ABC classes even when ABC is not shown.
 */
export function withMethods(portfolio: ScoredPortfolio, selected: ReadonlySet<WizardMethod>): ScoredPortfolio {
  const dropped = new Set<PlanMethod>();
  for (const m of SCORING_METHODS) if (!selected.has(m)) for (const part of PLAN_PARTS[m]) dropped.add(part);
  if (dropped.size === 0) return portfolio;
  const methods = { ...portfolio.methods };
  for (const m of dropped) methods[m] = false;
  const clients = portfolio.clients.map((c): ScoredClient => new WithoutMethods(c, dropped));
  // The columns the sheets read, without those of the unticked methods (the allocation stays, as above).
  const results: Record<string, unknown> = { ...portfolio.results };
  for (const m of dropped) if (m !== "allocation") delete results[m];
  return {
    ...portfolio,
    methods,
    clients,
    results: results as ResultColumns,
    ...(dropped.has("maturity") ? { shape: undefined } : {}),
    ...(dropped.has("contacts") ? { splits: undefined } : {}),
  };
}

/** Total refused cells of an import report. */
export function rejectedTotal(report: ImportReport): number {
  return Object.values(report.rejectedCells).reduce<number>((s, n) => s + (n ?? 0), 0);
}
