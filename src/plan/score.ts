import {
  ABC_CLASSES,
  allocateContacts,
  calendarTotals,
  CONTACT_QUADRANTS,
  contactCapital,
  contactMatrixColumns,
  contactNeed,
  DEFAULT_FAMILY_SHARES,
  EngineError,
  DEFAULT_VISIT_NORMS,
  elasticityColumns,
  ELASTICITY_READINGS,
  isEngineError,
  MATURITY_PHASES,
  MATURITY_WARNINGS,
  maturityColumns,
  NO_READING,
  penetrationColumns,
  penetrationRow,
  portfolioShape,
  PR_TARGETS,
  quarterRankColumns,
  repsNeeded,
  rfmColumns,
  rfmRow,
  RFM_SEGMENTS,
  scoreAbcColumns,
  UNCLASSED,
  type AbcClass,
  type AbcColumns,
  type AbcOptions,
  type AbcResult,
  type ActionFamily,
  type AllocationClient,
  type AllocationResult,
  type AllocationWarning,
  type ClientAllocation,
  type ContactCapitalInput,
  type ContactMatrixColumns,
  type ContactMatrixOptions,
  type ContactMatrixRow,
  type ContactMatrixSplits,
  type ContactQuadrant,
  type ElasticityCause,
  type ElasticityColumns,
  type ElasticityReading,
  type ElasticityResult,
  type FamilyShares,
  type MaturityColumns,
  type MaturityOptions,
  type MaturityPhase,
  type MaturityResult,
  type MaturityWarning,
  type PenetrationColumns,
  type PenetrationResult,
  type PortfolioShapeResult,
  type PrTarget,
  type RfmSegment,
  type QuarterRank,
  type QuarterRankColumns,
  type QuarterRankResult,
  type RfmColumns,
  type RfmOptions,
  type RfmResult,
  type VisitNorms,
} from "../engine";
import { errorMessage, explain, type ErrorCode, type Lang, type MessageParams, type Why, type WhyKey } from "../i18n";
import { planText, type PlanKey } from "../i18n/plan";
import type { ImportedClient } from "../io/clientTable";
import { targetProspects, type ProspectTargeting } from "./prospects";

/** The methods `scorePortfolio` may run; each runs only when its inputs exist. */
export type PlanMethod = "abc" | "r" | "p" | "pr" | "rfm" | "contacts" | "elasticity" | "maturity" | "allocation";

export const PLAN_METHODS: readonly PlanMethod[] = ["abc", "r", "p", "pr", "rfm", "contacts", "elasticity", "maturity", "allocation"];

/** Default contact capital parameters: 52 − 5 − 1 − 1 weeks, 4 field days, 3 visits a day (540, SPEC §8). */
export const DEFAULT_CAPITAL_INPUT: ContactCapitalInput = { weeks: 45, daysPerWeek: 4, contactsPerDay: 3 };

export interface ScoreOptions {
  /** Language of the `why` sentences and warning messages; default "fr". Results themselves are neutral. */
  readonly lang?: Lang;
  /** The parameters of the capital (default 45 weeks × 4 days × 3 contacts), or the capital itself. */
  readonly capital?: ContactCapitalInput | number;
  /** Split by action family; default entretien 60 %, stimulation 25 %, conquête 15 %. */
  readonly shares?: FamilyShares;
  /** Yearly visit norms by ABC class; default A 12, B 6, C 2. */
  readonly norms?: Partial<VisitNorms>;
  /** Turbo visits per client ≤ this × its norm; default 1 (SPEC §8). */
  readonly stimulationCap?: number;
  /** Conquête contacts per prospect at most; default 6 (SPEC §8). */
  readonly prospectCap?: number;
  /** Relative capacity of each of the 12 months for the calendar (e.g. August 0.5); default equal. */
  readonly monthWeights?: readonly number[];
  readonly abc?: AbcOptions;
  readonly rfm?: RfmOptions;
  readonly contactMatrix?: ContactMatrixOptions;
  readonly maturity?: MaturityOptions;
  /** Weights of the four prospect criteria (SPEC §11: pertinence, crédibilité, attractivité pour nous, notre attractivité); default equal. */
  readonly prospectWeights?: readonly number[];
}

/** One explanation of a client's result, tagged with the method it comes from. */
export interface ClientReason {
  readonly method: PlanMethod;
  readonly why: Why;
}

export type WarningSeverity = "warning" | "info";

/**
 * Something the user should know about the scoring: a client skipped by a method (blank value), a method that
 * could not run, a flagged value. Language-neutral (`key`, `params`, `error`); `message` is in the score's
 * language, `warningText` gives it in another.
 */
export interface ScoreWarning {
  /** A PlanKey, or for the allocation's portfolio warnings the WhyKey of its explanation (see `why`). */
  readonly key: PlanKey | WhyKey;
  readonly severity: WarningSeverity;
  readonly params: Readonly<Record<string, string | number>>;
  /** Param names whose value is a PlanKey to translate (method names, field lists). */
  readonly labels?: readonly string[];
  /** The engine error behind the warning, rendered into `{error}`. */
  readonly error?: EngineError;
  /** Its code and params, when the error is made only if `error` is read (the message needs only these). */
  readonly failure?: EngineFailure;
  /** Index in `ScoredPortfolio.clients` of the client it is about. */
  readonly client?: number;
  /** The explanation the message is made from, when the warning comes from the engine's allocation. */
  readonly why?: Why;
  /** Made when first read. */
  readonly message: string;
}

export interface ScoredClient {
  /** Position in the input list (and in `ScoredPortfolio.clients`). */
  readonly index: number;
  readonly id: string;
  /** Sheet row the client was read from. */
  readonly row: number;
  readonly name?: string;
  readonly isProspect: boolean;
  readonly ca?: number;
  readonly potential?: number;
  readonly abc?: AbcResult;
  /** Interquartile rank of the CA among the clients with a CA. */
  readonly r?: QuarterRankResult;
  /** Interquartile rank of the potential among the clients with a potential. */
  readonly p?: QuarterRankResult;
  /** P-R among the clients having both a CA and a potential. */
  readonly pr?: PenetrationResult;
  readonly rfm?: RfmResult;
  readonly contacts?: ContactMatrixRow;
  readonly maturity?: MaturityResult;
  readonly elasticity?: ElasticityResult;
  /** Planned contacts; absent for a client left out of the allocation (no CA, so no ABC class). */
  readonly allocation?: ClientAllocation;
  /** Planned contacts by family and the client's calendar (12 months, January first), from `allocation`. */
  readonly entretien?: number;
  readonly stimulation?: number;
  readonly conquete?: number;
  readonly calendar?: readonly number[];
  readonly reasons: readonly ClientReason[];
  /** `reasons` as sentences in the score's language (computed when first read). */
  readonly why: readonly string[];
  readonly warnings: readonly ScoreWarning[];
  /**
   * The imported row as read (recency, frequency, contacts, prospect criteria…): the written sheets show the
   * raw inputs the Cibles and Prospects formulas read (SPEC §14).
   */
  readonly source: ImportedClient;
}

export interface CapitalSetting {
  /** The capital used (contacts a year). */
  readonly value: number;
  /** The parameters shown on the Contacts sheet (the defaults when the capital was given directly). */
  readonly input: ContactCapitalInput;
  /** Set when the capital was given directly rather than computed from `input`. */
  readonly direct?: number;
}

export interface ClassSummary {
  readonly clients: number;
  /** Net sum of the CA of the class (negative amounts included): label it « net » wherever it is shown. */
  readonly ca: number;
  /** Sum of the positive CA of the class: the base of `share` (SPEC §2). */
  readonly positiveCa: number;
  /** positiveCa / the total positive CA of the portfolio; the three shares add up to 1. */
  readonly share: number;
}

/**
 * The Planning table (SPEC §8, §9.6): contacts per month, January first, as sums of the per-client calendar,
 * so it always agrees with the clients' rows; Σ over the rows (by class + prospects + réserve + conquête pool)
 * of each month = `total`, and Σ `total` = the capital.
 */
export interface PlanningTable {
  readonly months: number;
  readonly total: readonly number[];
  /** Clients by ABC class (all their contacts: entretien and stimulation). */
  readonly byClass: Readonly<Record<AbcClass, readonly number[]>>;
  /** Clients by P-R target (Développer, Entretenir, Sécuriser), "none" for the clients without P-R. */
  readonly byTarget: Readonly<Record<PrTarget | "none", readonly number[]>>;
  /** Conquête contacts of the prospects. */
  readonly prospects: readonly number[];
  /** The réserve non affectée and the conquête pool, spread like a client each. */
  readonly reserve: readonly number[];
  readonly conquestPool: readonly number[];
}

export interface ScoredPortfolio {
  readonly lang: Lang;
  readonly clients: readonly ScoredClient[];
  /** The ABC options the classes were computed with (absent: by amount, 80 % / 95 %); the Cibles formulas use them. */
  readonly abc?: AbcOptions;
  /** The RFM options the scores were computed with (absent: 5 classes by rank); the Cibles formulas use them. */
  readonly rfm?: RfmOptions;
  /** Which methods ran (on at least one client). */
  readonly methods: Readonly<Record<PlanMethod, boolean>>;
  readonly capital: CapitalSetting;
  readonly shares: FamilyShares;
  readonly norms: VisitNorms;
  /** The engine's allocation (`perClient` is in the order of the allocated clients; use `clients[i].allocation`). */
  readonly allocation: AllocationResult;
  readonly families: Readonly<Record<ActionFamily, number>>;
  /** Needs above the entretien budget, so every norm was cut: warn the user (wizard, CLI summary, PAC). */
  readonly needsScaled: boolean;
  /** Réserve non affectée: stimulation contacts no client may take and no retained prospect to take them. */
  readonly reserve: number;
  /** Stimulation contacts the caps left that went to the prospects. */
  readonly stimulationToConquest: number;
  /** Contacts per month, by class and target: the sum of the per-client calendar. */
  readonly planning: PlanningTable;
  /** Entretien need: Σ clients of each ABC class × its norm. */
  readonly need: number;
  /** ceil(need / capital); undefined when the capital is 0. */
  readonly reps?: number;
  readonly classes: Readonly<Record<AbcClass, ClassSummary>>;
  /** Sum of the positive CA of the classified clients. */
  readonly totalCa: number;
  readonly prospects: number;
  readonly shape?: PortfolioShapeResult;
  readonly splits?: ContactMatrixSplits;
  /** Portfolio-level explanations (allocation, split points, maturity shape). */
  readonly notes: readonly Why[];
  /** Every warning, the clients' included, in the order found. */
  readonly warnings: readonly ScoreWarning[];
  /** Issue 14: the prospects scored by SPEC §11 (status, reason, Ep), whose Ep shares the conquête. */
  readonly targeting: ProspectTargeting;
  /** The clients' results as columns (what `clients[i].abc`… are made from), for the sheets that read them all. */
  readonly results: ResultColumns;
}

const CLASSES: readonly AbcClass[] = ["A", "B", "C"];

/** The warnings of every client that has none: one shared empty list. */
const NO_WARNINGS: readonly ScoreWarning[] = Object.freeze([]);

/** The label key of each method (« ABC », « Rang R »…), shared by the warnings and the client cards. */
export const METHOD_LABEL: Readonly<Record<PlanMethod, PlanKey>> = {
  abc: "method.abc",
  r: "method.r",
  p: "method.p",
  pr: "method.pr",
  rfm: "method.rfm",
  contacts: "method.contacts",
  elasticity: "method.elasticity",
  maturity: "method.maturity",
  allocation: "method.allocation",
};

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** An engine error's code and params, and the index it names: what makes the error, without making it. */
export interface EngineFailure {
  readonly code: ErrorCode;
  readonly params: MessageParams;
  readonly index?: number;
}

/** The text of an engine error, with the row it names replaced by the client's sheet row. */
function errorText(error: EngineFailure, lang: Lang, row?: number): string {
  const params = row !== undefined && "row" in error.params ? { ...error.params, row } : error.params;
  return errorMessage(error.code, params, lang);
}

/** A warning's message in `lang`. */
export function warningText(warning: ScoreWarning, lang: Lang): string {
  if (warning.why) return explain(warning.why, lang);
  const params: Record<string, string | number> = { ...warning.params };
  for (const name of warning.labels ?? []) {
    const value = params[name];
    if (typeof value === "string") params[name] = planText(value as PlanKey, lang);
  }
  const failure = warning.failure ?? warning.error;
  if (failure) {
    const row = typeof warning.params.row === "number" ? warning.params.row : undefined;
    params.error = errorText(failure, lang, row);
  }
  return planText(warning.key as PlanKey, lang, params);
}

/** A client reason as a sentence; R and P ranks say which amount they rank. */
export function reasonText(reason: ClientReason, lang: Lang): string {
  const sentence = explain(reason.why, lang);
  if (reason.method === "r") return planText("why.prefix.r", lang, { sentence });
  if (reason.method === "p") return planText("why.prefix.p", lang, { sentence });
  return sentence;
}

/** A method's columns and where each client is in them: `at[i]` is client i's row, −1 when the method did not score it. */
export interface Placement<Columns> {
  readonly columns: Columns;
  readonly at: Int32Array;
}

/**
 * Every method's results as the engine's columns, placed by client (absent: the method did not run, or the wizard
 * left it out). What a sheet that reads every client goes through: a `ScoredClient`'s results are objects made
 * from these columns at each read.
 */
export interface ResultColumns {
  readonly abc?: Placement<AbcColumns>;
  readonly r?: Placement<QuarterRankColumns>;
  readonly p?: Placement<QuarterRankColumns>;
  readonly pr?: Placement<PenetrationColumns>;
  readonly rfm?: Placement<RfmColumns>;
  readonly contacts?: Placement<ContactMatrixColumns>;
  readonly maturity?: Placement<MaturityColumns>;
  /** Only the clients that have a coefficient are placed. */
  readonly elasticity?: Placement<ElasticityColumns>;
  readonly allocation?: Placement<readonly ClientAllocation[]>;
}

/** Client i's row in a method's columns, or −1 (not scored, or the method absent). */
export function rowIn(placement: Placement<unknown> | undefined, i: number): number {
  return placement ? placement.at[i] : -1;
}

/** Client i's ABC class from the columns, or null (no class, or ABC absent). */
export function abcClassOf(results: ResultColumns, i: number): AbcClass | null {
  const abc = results.abc;
  const k = rowIn(abc, i);
  return abc && k >= 0 ? ABC_CLASSES[abc.columns.cls[k]] : null;
}

/** Client i's P-R target from the columns, or null (not scored, or P-R absent). */
export function prTargetOf(results: ResultColumns, i: number): PrTarget | null {
  const pr = results.pr;
  const k = rowIn(pr, i);
  return pr && k >= 0 ? PR_TARGETS[pr.columns.target[k]] : null;
}

/** Client i's quadrant of the contact matrix from the columns, or null (not placed, or the matrix absent). */
export function quadrantOf(results: ResultColumns, i: number): ContactQuadrant | null {
  const contacts = results.contacts;
  const k = rowIn(contacts, i);
  return contacts && k >= 0 ? CONTACT_QUADRANTS[contacts.columns.quadrant[k]] : null;
}

/** Client i's maturity phase from the columns, or null (unclassed, or maturity absent). */
export function maturityPhaseOf(results: ResultColumns, i: number): MaturityPhase | null {
  const maturity = results.maturity;
  const k = rowIn(maturity, i);
  const phase = maturity && k >= 0 ? maturity.columns.phase[k] : UNCLASSED;
  return phase === UNCLASSED ? null : MATURITY_PHASES[phase];
}

/**
 * The RFM segments of clients slipping away (à risque, en sommeil, à ne pas perdre): the PAC's clients at risk
 * and its reconquête line, and the fidelity step's clients leaving.
 */
export const LEAVING_SEGMENTS: ReadonlySet<RfmSegment> = new Set<RfmSegment>(["at_risk", "hibernating", "cant_lose"]);

/** Client i's RFM segment from the columns, or null (not scored, no segments with these classes, or RFM absent). */
export function rfmSegmentOf(results: ResultColumns, i: number): RfmSegment | null {
  const rfm = results.rfm;
  const k = rowIn(rfm, i);
  return rfm?.columns.segment && k >= 0 ? RFM_SEGMENTS[rfm.columns.segment[k]] : null;
}

/**
 * A method's columns and, by client, the row k of its columns (−1: the method did not score the client). A
 * client's result is made from the columns when read; the last one made is kept, as the sheets read a client's
 * results several times in a row.
 */
class Placed<Columns, Row> implements Placement<Columns> {
  private last = -1;
  private lastRow: Row | undefined = undefined;

  constructor(
    readonly columns: Columns,
    readonly at: Int32Array,
    private readonly make: (columns: Columns, k: number) => Row,
  ) {}

  /** Client i's result, or undefined. */
  row(i: number): Row | undefined {
    if (i === this.last) return this.lastRow;
    const k = this.at[i];
    this.last = i;
    this.lastRow = k < 0 ? undefined : this.make(this.columns, k);
    return this.lastRow;
  }
}

/** The columns of `clients` (kept[k] is the client of row k), placed by client. */
function place<Columns, Row>(columns: Columns, kept: readonly number[], clients: number, make: (columns: Columns, k: number) => Row): Placed<Columns, Row> {
  const at = new Int32Array(clients).fill(-1);
  kept.forEach((i, k) => {
    at[i] = k;
  });
  return new Placed(columns, at, make);
}

/**
 * Every method's results for the whole portfolio, as the engine's columns (issue 12: a result object per client
 * and method kept 1.8 KB per client alive, 180 MB at 100 000 clients).
 */
class PortfolioColumns implements ResultColumns {
  abc?: Placed<AbcColumns, AbcResult>;
  r?: Placed<QuarterRankColumns, QuarterRankResult>;
  p?: Placed<QuarterRankColumns, QuarterRankResult>;
  pr?: Placed<PenetrationColumns, PenetrationResult>;
  rfm?: Placed<RfmColumns, RfmResult>;
  contacts?: Placed<ContactMatrixColumns, ContactMatrixRow>;
  maturity?: Placed<MaturityColumns, MaturityResult>;
  /** Only the clients that have a coefficient are placed. */
  elasticity?: Placed<ElasticityColumns, ElasticityResult>;
  allocation?: Placed<readonly ClientAllocation[], ClientAllocation>;
}

/**
 * A scored client: its inputs as fields, its results made from the methods' columns when read (see `Placed`).
 * `reasons` and `why` are made from the results each time they are read (a 100 000-client portfolio has over a
 * million of them, most never shown): read them once and keep them.
 */
class Client implements ScoredClient {
  readonly index: number;
  readonly id: string;
  readonly row: number;
  readonly name?: string;
  readonly isProspect: boolean;
  readonly ca?: number;
  readonly potential?: number;
  /** The shared empty list until the client's first warning (most clients have none). */
  warnings: ScoreWarning[] | readonly ScoreWarning[] = NO_WARNINGS;
  readonly source: ImportedClient;
  private readonly lang: Lang;
  private readonly all: PortfolioColumns;

  constructor(source: ImportedClient, index: number, lang: Lang, all: PortfolioColumns) {
    this.index = index;
    this.id = source.id;
    this.row = source.row;
    this.name = source.name;
    this.isProspect = source.isProspect === true;
    this.ca = isNumber(source.ca) ? source.ca : undefined;
    this.potential = isNumber(source.potential) ? source.potential : undefined;
    this.source = source;
    this.lang = lang;
    this.all = all;
  }

  get abc(): AbcResult | undefined {
    return this.all.abc?.row(this.index);
  }

  get r(): QuarterRankResult | undefined {
    return this.all.r?.row(this.index);
  }

  get p(): QuarterRankResult | undefined {
    return this.all.p?.row(this.index);
  }

  get pr(): PenetrationResult | undefined {
    return this.all.pr?.row(this.index);
  }

  get rfm(): RfmResult | undefined {
    return this.all.rfm?.row(this.index);
  }

  get contacts(): ContactMatrixRow | undefined {
    return this.all.contacts?.row(this.index);
  }

  get maturity(): MaturityResult | undefined {
    return this.all.maturity?.row(this.index);
  }

  get elasticity(): ElasticityResult | undefined {
    return this.all.elasticity?.row(this.index);
  }

  get allocation(): ClientAllocation | undefined {
    return this.all.allocation?.row(this.index);
  }

  get entretien(): number | undefined {
    return this.allocation?.entretien;
  }

  get stimulation(): number | undefined {
    return this.allocation?.stimulation;
  }

  get conquete(): number | undefined {
    return this.allocation?.conquete;
  }

  get calendar(): readonly number[] | undefined {
    return this.allocation?.monthly;
  }

  /** The explanations of the client's results, in the order of the methods. */
  get reasons(): readonly ClientReason[] {
    // Each result is made when read: read once here.
    const { abc, r, p, pr, rfm, contacts, maturity, elasticity, allocation } = this;
    const reasons: ClientReason[] = [];
    if (abc) reasons.push({ method: "abc", why: abc.why });
    if (r) reasons.push({ method: "r", why: r.why });
    if (p) reasons.push({ method: "p", why: p.why });
    if (pr) {
      reasons.push({ method: "pr", why: pr.why });
      if (pr.warning) reasons.push({ method: "pr", why: pr.warning });
    }
    if (rfm) {
      const why = rfm.why;
      reasons.push({ method: "rfm", why: why.r }, { method: "rfm", why: why.f }, { method: "rfm", why: why.m });
      if (why.segment) reasons.push({ method: "rfm", why: why.segment });
    }
    if (contacts) reasons.push({ method: "contacts", why: contacts.why });
    if (maturity) reasons.push({ method: "maturity", why: maturity.why });
    if (elasticity) reasons.push({ method: "elasticity", why: elasticity.why });
    if (allocation) {
      reasons.push({ method: "allocation", why: allocation.why });
      if (allocation.stimulationWhy) reasons.push({ method: "allocation", why: allocation.stimulationWhy });
    }
    return reasons;
  }

  /** `reasons` as sentences in the score's language. */
  get why(): readonly string[] {
    return this.reasons.map((r) => reasonText(r, this.lang));
  }
}

/**
 * The engine's label tables, read once: an imported binding is read through its module's exports each time, and
 * these are read for every result made.
 */
const LABELS = {
  abc: ABC_CLASSES,
  quadrants: CONTACT_QUADRANTS,
  phases: MATURITY_PHASES,
  maturityWarnings: MATURITY_WARNINGS,
  unclassed: UNCLASSED,
  readings: ELASTICITY_READINGS,
} as const;

// A client's result reads its numbers and its `why` from the engine's columns when asked: it is made for each
// read of the client (see `Placed`), so it copies nothing (issue 12).

/** Client k of an engine method's columns: its `why` made from them when read. */
abstract class ColumnsRow<Columns extends { explain(k: number): Why | undefined }> {
  constructor(
    protected readonly columns: Columns,
    protected readonly k: number,
  ) {}

  /** Every row is made for a client its columns explain (elasticity: one that has a coefficient). */
  get why(): Why {
    return this.columns.explain(this.k) as Why;
  }
}

/** Client k of ABC columns. */
class AbcRow extends ColumnsRow<AbcColumns> implements AbcResult {
  get cls(): AbcClass {
    return LABELS.abc[this.columns.cls[this.k]];
  }

  get rank(): number {
    return this.columns.rank[this.k];
  }

  get share(): number {
    return this.columns.share[this.k];
  }

  get before(): number {
    return this.columns.before[this.k];
  }

  get cumulativeShare(): number {
    return this.columns.cumulativeShare[this.k];
  }

  get warning(): "negative" | undefined {
    return this.columns.negative[this.k] === 1 ? "negative" : undefined;
  }
}

/** Client k of interquartile-rank columns (R or P). */
class QuarterRankRow extends ColumnsRow<QuarterRankColumns> implements QuarterRankResult {
  get rank(): QuarterRank {
    return this.columns.rank[this.k] as QuarterRank;
  }

  get before(): number {
    return this.columns.before[this.k];
  }

  get warning(): "negative" | undefined {
    return this.columns.negative[this.k] === 1 ? "negative" : undefined;
  }
}

/** Client k of contact-matrix columns. */
class ContactsRow extends ColumnsRow<ContactMatrixColumns> implements ContactMatrixRow {
  get quadrant(): ContactQuadrant {
    return LABELS.quadrants[this.columns.quadrant[this.k]];
  }

  get contactsHigh(): boolean {
    return this.columns.quadrant[this.k] >= 2;
  }

  get amountHigh(): boolean {
    return this.columns.quadrant[this.k] % 2 === 0;
  }

  get productivity(): number | null {
    const productivity = this.columns.productivity[this.k];
    return Number.isNaN(productivity) ? null : productivity;
  }

  /** ZERO_CONTACTS for a client without contacts (an EngineError, costly to make: most are never read). */
  get productivityError(): EngineError | undefined {
    return this.columns.productivityError(this.k);
  }
}

/** Client k of maturity columns. */
class MaturityRow extends ColumnsRow<MaturityColumns> implements MaturityResult {
  get phase(): MaturityPhase | null {
    const phase = this.columns.phase[this.k];
    return phase === LABELS.unclassed ? null : LABELS.phases[phase];
  }

  get growth(): number | null {
    const growth = this.columns.growth[this.k];
    return Number.isNaN(growth) ? null : growth;
  }

  get warning(): MaturityWarning | undefined {
    const warning = this.columns.warning[this.k];
    return warning === 0 ? undefined : LABELS.maturityWarnings[warning - 1];
  }
}

/** Client k of elasticity columns, for a client that has a coefficient. */
class ElasticityRow extends ColumnsRow<ElasticityColumns> implements ElasticityResult {
  get value(): number {
    return this.columns.value[this.k];
  }

  get reading(): ElasticityReading {
    return LABELS.readings[this.columns.reading[this.k]];
  }
}

class Collector {
  readonly all: ScoreWarning[] = [];

  constructor(
    private readonly lang: Lang,
    private readonly clients: readonly Client[],
  ) {}

  add(
    key: PlanKey | WhyKey,
    severity: WarningSeverity,
    params: Record<string, string | number>,
    extra: { labels?: readonly string[]; error?: EngineError | EngineFailure; client?: number; why?: Why } = {},
  ): void {
    const lang = this.lang;
    let message: string | undefined;
    // The message is made on first read: a large portfolio has tens of thousands of client warnings, mostly
    // counted rather than read. An error given as a failure is made only if read (its message needs none).
    const { error, ...rest } = extra;
    let made: EngineError | undefined;
    const warning: ScoreWarning =
      error !== undefined && !isEngineError(error)
        ? {
            key,
            severity,
            params,
            ...rest,
            failure: error,
            get error(): EngineError {
              return (made ??= new EngineError(error.code, error.params, error.index));
            },
            get message(): string {
              return (message ??= warningText(warning, lang));
            },
          }
        : {
            key,
            severity,
            params,
            ...rest,
            ...(error ? { error } : {}),
            get message(): string {
              return (message ??= warningText(warning, lang));
            },
          };
    this.all.push(warning);
    if (extra.client !== undefined) {
      const client = this.clients[extra.client];
      if (client.warnings === NO_WARNINGS) client.warnings = [warning];
      else (client.warnings as ScoreWarning[]).push(warning);
    }
  }

  /** A client skipped by a method because some of its inputs are blank. */
  skipped(i: number, method: PlanMethod, fields: readonly PlanKey[]): void {
    const c = this.clients[i];
    const params: Record<string, string | number> = { id: c.id, row: c.row, method: METHOD_LABEL[method] };
    const labels = ["method"];
    fields.forEach((f, k) => {
      params[`field${k}`] = f;
      labels.push(`field${k}`);
    });
    const key: PlanKey = fields.length === 1 ? "warn.skipped1" : fields.length === 2 ? "warn.skipped2" : "warn.skipped3";
    this.add(key, "warning", params, { labels, client: i });
  }

  /** A client-level engine error (potential ≤ 0, undefined elasticity…). */
  clientError(i: number, method: PlanMethod, error: EngineError | EngineFailure): void {
    const c = this.clients[i];
    this.add("warn.client_error", "warning", { id: c.id, row: c.row, method: METHOD_LABEL[method] }, { labels: ["method"], error, client: i });
  }

  /** A method that could not run at all. */
  failed(method: PlanMethod, error: unknown): void {
    if (!isEngineError(error)) throw error;
    this.add("warn.method_failed", "warning", { method: METHOD_LABEL[method] }, { labels: ["method"], error });
  }

  /** A method whose inputs are absent from the whole list. */
  notRun(method: PlanMethod, reason: PlanKey): void {
    this.add("warn.method_not_run", "info", { method: METHOD_LABEL[method], reason }, { labels: ["method", "reason"] });
  }
}

function resolveCapital(option: ScoreOptions["capital"]): CapitalSetting {
  if (option === undefined) return { value: contactCapital(DEFAULT_CAPITAL_INPUT), input: DEFAULT_CAPITAL_INPUT };
  if (typeof option === "number") {
    if (!Number.isSafeInteger(option) || option < 0) {
      throw new EngineError("BAD_PARAMETER", { arg: "capital de contacts", value: String(option), expected: "un nombre entier positif ou nul" });
    }
    return { value: option, input: DEFAULT_CAPITAL_INPUT, direct: option };
  }
  return { value: contactCapital(option), input: { ...option } };
}

/**
 * `list`, or `known` when it holds the very same values: a method given `known` again reuses the sorted
 * distribution the engine built from it (see `distributionOf`) instead of sorting 100 000 amounts once more.
 */
function sameList(list: number[], known: readonly number[] | undefined): readonly number[] {
  if (known === undefined || known.length !== list.length) return list;
  for (let i = 0; i < list.length; i++) if (!Object.is(list[i], known[i])) return list;
  return known;
}

/** Indices of the clients (not prospects) for which `has` holds; the others are warned about when some have it. */
function select(indices: readonly number[], has: (i: number) => boolean): { kept: number[]; missing: number[] } {
  const kept: number[] = [];
  const missing: number[] = [];
  for (const i of indices) (has(i) ? kept : missing).push(i);
  return { kept, missing };
}

/**
 * Scores a portfolio read by `src/io`: runs every method whose inputs exist, then plans the contacts.
 *
 * - Prospects (`isProspect`) take part in no scoring method; they are targeted by SPEC §11 (`targeting`) and
 *   share the conquête contacts by Ep (else by potential, else equally).
 * - ABC and R on `ca`; P on `potential`; P-R on the clients having both (when that is not every client with a
 *   CA, a note says its ranks are computed among them, so they can differ from the R and P columns); RFM on
 *   `recencyDays`, `frequency`, `monetary`; the contact matrix on `contacts` and `ca`; elasticity on
 *   `contactsBefore`, `contacts` and the last two `periods`; maturity on the last two `periods`.
 * - A method runs when at least one client has its inputs; a client with a blank input is skipped by that
 *   method with a warning naming its row (never read as 0). A method the engine refuses (e.g. fewer than two
 *   clients for a median) is reported, and the others still run.
 * - The capital comes from `{ weeks, daysPerWeek, contactsPerDay }` (default 45 × 4 × 3 = 540) or is given
 *   directly; clients without an ABC class (no CA) get no planned contacts.
 *
 * @throws EngineError BAD_PARAMETER, BAD_SHARES, BAD_NORMS for invalid capital, shares or norms (settings,
 *   not data); never for a blank or odd client value.
 * @example scorePortfolio([{ id: "Dupont", row: 2, ca: 1200 }, { id: "Martin", row: 3, ca: 300 }], {}).clients[0].abc?.cls // "A"
 */
export function scorePortfolio(clients: readonly ImportedClient[], options: ScoreOptions = {}): ScoredPortfolio {
  const lang = options.lang ?? "fr";
  const capital = resolveCapital(options.capital);
  const shares = options.shares ?? DEFAULT_FAMILY_SHARES;
  const norms: VisitNorms = { ...DEFAULT_VISIT_NORMS, ...options.norms };
  const all = new PortfolioColumns();
  const n = clients.length;
  const scored = clients.map((c, i) => new Client(c, i, lang, all));
  const warn = new Collector(lang, scored);
  const methods: Record<PlanMethod, boolean> = {
    abc: false,
    r: false,
    p: false,
    pr: false,
    rfm: false,
    contacts: false,
    elasticity: false,
    maturity: false,
    allocation: false,
  };
  const notes: Why[] = [];

  const customers: number[] = [];
  let prospects = 0;
  clients.forEach((c, i) => {
    if (c.isProspect === true) prospects++;
    else customers.push(i);
  });
  const any = (has: (c: ImportedClient) => boolean): boolean => customers.some((i) => has(clients[i]));
  const hasCa = (c: ImportedClient): boolean => isNumber(c.ca);
  const hasPotential = (c: ImportedClient): boolean => isNumber(c.potential);

  // ABC and R on the CA.
  const withCa = select(customers, (i) => hasCa(clients[i]));
  // The CA and potential lists given to the methods, for the later ones to give again (see `sameList`).
  let amounts: number[] | undefined;
  let potentials: number[] | undefined;
  if (withCa.kept.length === 0) {
    warn.notRun("abc", "reason.no_ca");
  } else {
    for (const i of withCa.missing) warn.skipped(i, "abc", ["field.ca"]);
    amounts = withCa.kept.map((i) => clients[i].ca as number);
    try {
      const columns = scoreAbcColumns(amounts, options.abc);
      all.abc = place(columns, withCa.kept, n, (c, k) => new AbcRow(c, k));
      withCa.kept.forEach((i, k) => {
        if (columns.negative[k] === 1) {
          const c = clients[i];
          warn.add("warn.negative_ca", "warning", { id: c.id, row: c.row, amount: c.ca as number }, { client: i });
        }
      });
      methods.abc = true;
    } catch (e) {
      warn.failed("abc", e);
    }
    try {
      all.r = place(quarterRankColumns(amounts), withCa.kept, n, (c, k) => new QuarterRankRow(c, k));
      methods.r = true;
    } catch (e) {
      warn.failed("r", e);
    }
  }

  // P on the potential, P-R on the clients with both.
  if (!any(hasPotential)) {
    warn.notRun("p", "reason.no_potential");
  } else {
    const withPotential = select(customers, (i) => hasPotential(clients[i]));
    for (const i of withPotential.missing) warn.skipped(i, "p", ["field.potential"]);
    try {
      potentials = withPotential.kept.map((i) => clients[i].potential as number);
      all.p = place(quarterRankColumns(potentials), withPotential.kept, n, (c, k) => new QuarterRankRow(c, k));
      methods.p = true;
    } catch (e) {
      warn.failed("p", e);
    }
    const both = withPotential.kept.filter((i) => hasCa(clients[i]));
    if (both.length > 0) {
      if (both.length < withCa.kept.length) {
        warn.add("warn.pr_subset", "info", { n: both.length, total: withCa.kept.length });
      }
      try {
        const columns = penetrationColumns(
          sameList(
            both.map((i) => clients[i].potential as number),
            potentials,
          ),
          sameList(
            both.map((i) => clients[i].ca as number),
            amounts,
          ),
        );
        all.pr = place(columns, both, n, penetrationRow);
        both.forEach((i, k) => {
          // Read on the columns, as `penetrationRow` reads them: no rate without a positive potential (an
          // error), a warning for a rate above 1.
          if (Number.isNaN(columns.rate[k])) {
            const error = columns.error(k);
            if (error) warn.clientError(i, "pr", error);
          } else if (columns.warning(k)) {
            warn.add("warn.over_one", "warning", { id: clients[i].id, row: clients[i].row }, { client: i });
          }
        });
        methods.pr = true;
      } catch (e) {
        warn.failed("pr", e);
      }
    }
  }

  // RFM.
  const rfmFields: readonly { key: PlanKey; has: (c: ImportedClient) => boolean }[] = [
    { key: "field.recency", has: (c) => isNumber(c.recencyDays) },
    { key: "field.frequency", has: (c) => isNumber(c.frequency) },
    { key: "field.monetary", has: (c) => isNumber(c.monetary) },
  ];
  // The monetary amount is the CA of a plain client table: RFM runs when recency or frequency is there too.
  if (!any((c) => rfmFields[0].has(c) || rfmFields[1].has(c))) {
    warn.notRun("rfm", "reason.no_rfm");
  } else {
    const rfm = select(customers, (i) => rfmFields.every((f) => f.has(clients[i])));
    for (const i of rfm.missing) {
      warn.skipped(i, "rfm", rfmFields.filter((f) => !f.has(clients[i])).map((f) => f.key));
    }
    if (rfm.kept.length > 0) {
      try {
        const columns = rfmColumns(
          {
            recency: rfm.kept.map((i) => clients[i].recencyDays as number),
            frequency: rfm.kept.map((i) => clients[i].frequency as number),
            monetary: sameList(
              rfm.kept.map((i) => clients[i].monetary as number),
              amounts,
            ),
          },
          options.rfm,
        );
        all.rfm = place(columns, rfm.kept, n, rfmRow);
        methods.rfm = true;
      } catch (e) {
        warn.failed("rfm", e);
      }
    }
  }

  // Contact profitability matrix.
  const hasContacts = (c: ImportedClient): boolean => isNumber(c.contacts);
  let splits: ContactMatrixSplits | undefined;
  if (!any(hasContacts)) {
    warn.notRun("contacts", "reason.no_contacts");
  } else {
    const matrix = select(customers, (i) => hasContacts(clients[i]) && hasCa(clients[i]));
    for (const i of matrix.missing) {
      const c = clients[i];
      warn.skipped(i, "contacts", [...(hasContacts(c) ? [] : ["field.contacts" as const]), ...(hasCa(c) ? [] : ["field.ca" as const])]);
    }
    if (matrix.kept.length > 0) {
      const contacts = matrix.kept.map((i) => clients[i].contacts as number);
      const amounts = matrix.kept.map((i) => clients[i].ca as number);
      try {
        const columns = contactMatrixColumns(contacts, amounts, options.contactMatrix);
        all.contacts = place(columns, matrix.kept, n, (c, k) => new ContactsRow(c, k));
        splits = columns.splits;
        notes.push(splits.why);
        methods.contacts = true;
      } catch (e) {
        if (isEngineError(e) && e.index !== undefined) warn.clientError(matrix.kept[e.index], "contacts", e);
        else warn.failed("contacts", e);
      }
    }
  }

  // Elasticity (N−1 → N) and maturity, from the last two periods.
  const lastTwo = (c: ImportedClient): [number, number] | undefined => {
    const p = c.periods;
    if (!p || p.length < 2) return undefined;
    const before = p[p.length - 2];
    const after = p[p.length - 1];
    return isNumber(before) && isNumber(after) ? [before, after] : undefined;
  };
  const hasPeriods = any((c) => (c.periods?.length ?? 0) >= 2);
  if (!any((c) => isNumber(c.contactsBefore))) {
    warn.notRun("elasticity", "reason.no_contacts_before");
  } else if (!hasPeriods) {
    warn.notRun("elasticity", "reason.no_periods");
  } else {
    const el = select(customers, (i) => {
      const c = clients[i];
      return isNumber(c.contactsBefore) && hasContacts(c) && lastTwo(c) !== undefined;
    });
    for (const i of el.missing) {
      const c = clients[i];
      const fields: PlanKey[] = [];
      if (!isNumber(c.contactsBefore)) fields.push("field.contacts_before");
      if (!hasContacts(c)) fields.push("field.contacts");
      if (lastTwo(c) === undefined) fields.push("field.periods");
      warn.skipped(i, "elasticity", fields);
    }
    if (el.kept.length > 0) {
      const pairs = el.kept.map((i) => lastTwo(clients[i]) as [number, number]);
      try {
        const columns = elasticityColumns(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
          el.kept.map((i) => clients[i].contactsBefore as number),
          el.kept.map((i) => clients[i].contacts as number),
        );
        // A client without a coefficient is common (contacts unchanged, a new client): it has no result, and its
        // error is made only when its warning is read.
        const placed = place(columns, el.kept, n, (c, k) => new ElasticityRow(c, k));
        el.kept.forEach((i, k) => {
          if (columns.reading[k] !== NO_READING) return;
          placed.at[i] = -1;
          warn.clientError(i, "elasticity", { ...(columns.cause(k) as ElasticityCause), index: k });
        });
        all.elasticity = placed;
        methods.elasticity = true;
      } catch (e) {
        warn.failed("elasticity", e);
      }
    }
  }

  let shape: PortfolioShapeResult | undefined;
  if (!hasPeriods) {
    warn.notRun("maturity", "reason.no_periods");
  } else {
    const mat = select(customers, (i) => lastTwo(clients[i]) !== undefined);
    for (const i of mat.missing) warn.skipped(i, "maturity", ["field.periods"]);
    if (mat.kept.length > 0) {
      try {
        const columns = maturityColumns(mat.kept.map((i) => lastTwo(clients[i]) as [number, number]), options.maturity);
        const phases: (MaturityPhase | null)[] = [];
        all.maturity = place(columns, mat.kept, n, (c, k) => new MaturityRow(c, k));
        mat.kept.forEach((i, k) => {
          const res = new MaturityRow(columns, k);
          phases.push(res.phase);
          if (res.warning) {
            const key: PlanKey = res.warning === "no_sales" ? "warn.maturity_no_sales" : "warn.maturity_negative";
            warn.add(key, "warning", { id: clients[i].id, row: clients[i].row }, { client: i });
          }
        });
        shape = portfolioShape(phases);
        notes.push(shape.why);
        methods.maturity = true;
      } catch (e) {
        warn.failed("maturity", e);
      }
    }
  }

  // ── Issue 14: prospect targeting (SPEC §11). Each prospect's Ep (or potential, or an equal share) and its
  // status go into the allocation, which shares conquête by Ep; a prospect not scored is warned about by row.
  const targeting = targetProspects(clients, options.prospectWeights ? { weights: options.prospectWeights } : {});
  for (const w of targeting.warnings) warn.add(w.why.key, "warning", {}, { why: w.why, ...(w.client !== undefined ? { client: w.client } : {}) });
  // ── end of issue 14's block.

  // Allocation of the capital.
  const allocated: number[] = [];
  const input: AllocationClient[] = [];
  clients.forEach((c, i) => {
    if (c.isProspect === true) {
      allocated.push(i);
      input.push(targeting.allocationInput(i));
      return;
    }
    const { abc, pr, elasticity } = all;
    const ka = rowIn(abc, i);
    if (!abc || ka < 0) {
      if (methods.abc) warn.add("warn.no_allocation", "warning", { id: c.id, row: c.row }, { client: i });
      return;
    }
    allocated.push(i);
    const lastCa = lastPeriodCa(c);
    const kpr = rowIn(pr, i);
    const ke = rowIn(elasticity, i);
    input.push({
      abc: ABC_CLASSES[abc.columns.cls[ka]],
      ...(pr && kpr >= 0 ? { prGap: pr.columns.gap[kpr] } : {}),
      ...(elasticity && ke >= 0 ? { elasticity: elasticity.columns.value[ke] } : {}),
      ...(lastCa !== undefined ? { lastCa } : {}),
    });
  });
  const months = options.monthWeights?.length ?? 12;
  const allocationOptions = {
    capital: capital.value,
    shares,
    norms,
    months,
    ...(options.monthWeights ? { monthWeights: options.monthWeights } : {}),
    ...(options.stimulationCap !== undefined ? { stimulationCap: options.stimulationCap } : {}),
    ...(options.prospectCap !== undefined ? { prospectCap: options.prospectCap } : {}),
  };
  let allocation: AllocationResult;
  if (input.length > 0) {
    allocation = allocateContacts({ ...allocationOptions, clients: input });
    all.allocation = place<readonly ClientAllocation[], ClientAllocation>(allocation.perClient, allocated, n, (rows, k) => rows[k]);
    methods.allocation = true;
  } else {
    // Nobody to plan for: the capital is still split by family (a zero-score prospect takes nothing).
    allocation = allocateContacts({ ...allocationOptions, clients: [{ isProspect: true, prospectScore: 0 }] });
    allocation = {
      ...allocation,
      perClient: [],
      calendar: { ...allocation.calendar, clients: 0, counts: allocation.calendar.counts.subarray(0, 0), offsets: allocation.calendar.offsets.subarray(0, 0) },
    };
    warn.notRun("allocation", "reason.no_client");
  }
  notes.unshift(...allocation.notes);
  for (const w of allocation.warnings) {
    const why = allocationWarningWhy(w, allocation);
    if (why) warn.add(why.key, "warning", {}, { why });
  }
  const planning = planningTable(allocation, allocated, all, months);

  // Portfolio summaries.
  const classes: Record<AbcClass, { clients: number; ca: number; positiveCa: number; share: number }> = {
    A: { clients: 0, ca: 0, positiveCa: 0, share: 0 },
    B: { clients: 0, ca: 0, positiveCa: 0, share: 0 },
    C: { clients: 0, ca: 0, positiveCa: 0, share: 0 },
  };
  let totalCa = 0;
  const abcPlaced = all.abc;
  if (abcPlaced) {
    const { columns, at } = abcPlaced;
    at.forEach((k, i) => {
      if (k < 0) return;
      const ca = clients[i].ca as number;
      const summary = classes[ABC_CLASSES[columns.cls[k]]];
      summary.clients++;
      summary.ca += ca;
      // The share base of SPEC §2: the positive amounts only (the ABC's own, a cent residue counting as 0).
      if (columns.share[k] > 0) {
        summary.positiveCa += ca;
        totalCa += ca;
      }
    });
  }
  for (const cls of CLASSES) {
    classes[cls].ca = noNegativeZero(classes[cls].ca);
    classes[cls].share = totalCa > 0 ? classes[cls].positiveCa / totalCa : 0;
  }
  const need = contactNeed(CLASSES.map((cls) => ({ clients: classes[cls].clients, norm: norms[cls] })));
  const reps = capital.value > 0 ? repsNeeded(need, capital.value) : undefined;

  return {
    lang,
    clients: scored,
    methods,
    ...(options.abc ? { abc: options.abc } : {}),
    ...(options.rfm ? { rfm: options.rfm } : {}),
    capital,
    shares,
    norms,
    allocation,
    families: allocation.families,
    needsScaled: allocation.scaled,
    reserve: allocation.reserve,
    stimulationToConquest: allocation.stimulationToConquest,
    planning,
    need,
    ...(reps !== undefined ? { reps } : {}),
    classes,
    totalCa,
    prospects,
    ...(shape ? { shape } : {}),
    ...(splits ? { splits } : {}),
    notes,
    warnings: warn.all,
    targeting,
    results: all,
  };
}

/** x, with −0 (and a sum of amounts that cancel out to a float residue below half a cent) written as 0. */
function noNegativeZero(x: number): number {
  return Math.abs(x) < 0.005 ? 0 : x;
}

/** CA of the last period (N): the last of `periods` when it is a number, else `ca`. */
function lastPeriodCa(c: ImportedClient): number | undefined {
  const p = c.periods;
  const last = p && p.length > 0 ? p[p.length - 1] : undefined;
  if (isNumber(last)) return last;
  return isNumber(c.ca) ? c.ca : undefined;
}

/** The note of the allocation that explains a portfolio warning, for its message. */
function allocationWarningWhy(w: AllocationWarning, allocation: AllocationResult): Why | undefined {
  const key: WhyKey =
    w === "needs_scaled"
      ? "allocation.scaled"
      : w === "reserve"
        ? allocation.notes.some((n) => n.key === "allocation.stimulation_capped")
          ? "allocation.stimulation_capped"
          : "allocation.stimulation_pool"
        : "allocation.conquest_pool";
  return allocation.notes.find((n) => n.key === key);
}

/** Sums the per-client calendar by ABC class, by P-R target and for the prospects (see `PlanningTable`). */
function planningTable(allocation: AllocationResult, allocated: readonly number[], results: ResultColumns, months: number): PlanningTable {
  const k = allocated.length;
  const byClass = new Int32Array(k);
  const byTarget = new Int32Array(k);
  const { abc, pr } = results;
  allocated.forEach((i, row) => {
    const ka = rowIn(abc, i);
    const kpr = rowIn(pr, i);
    // The groups are the engine's codes: classes A, B, C (ABC_CLASSES), targets develop, maintain, secure
    // (PR_TARGETS); 3 is none (a prospect, or a client without P-R).
    byClass[row] = abc && ka >= 0 ? abc.columns.cls[ka] : 3;
    byTarget[row] = ka >= 0 ? (pr && kpr >= 0 ? pr.columns.target[kpr] : 3) : -1;
  });
  const cal = allocation.calendar;
  const classTotals = calendarTotals(cal, byClass, 4).byGroup;
  const targetTotals = calendarTotals(cal, byTarget, 4).byGroup;
  const slice = (a: Int32Array, g: number): number[] => Array.from(a.subarray(g * months, (g + 1) * months));
  const total = Array.from(calendarTotals(cal).months, (v, m) => v + allocation.reserveMonthly[m] + allocation.conquestPoolMonthly[m]);
  return {
    months,
    total,
    byClass: { A: slice(classTotals, 0), B: slice(classTotals, 1), C: slice(classTotals, 2) },
    byTarget: { develop: slice(targetTotals, 0), maintain: slice(targetTotals, 1), secure: slice(targetTotals, 2), none: slice(targetTotals, 3) },
    prospects: slice(classTotals, 3),
    reserve: allocation.reserveMonthly,
    conquestPool: allocation.conquestPoolMonthly,
  };
}
