import type { AbcClass } from "../engine";
import {
  CONVERSION_DEFAULT_RATE,
  EFFORT_CODES,
  GROWTH_DEFAULT_ASKED,
  OBJECTIVE_DEFAULT_BASE_RATE,
  OBJECTIVE_DEFAULT_DEVELOP_RATE,
  OBJECTIVE_RULES,
  effortObjectives,
  growthPlan,
  type ClientObjectives,
  type EffortCode,
  type GrowthPlan,
  type ObjectiveRule,
} from "../engine/objectives";
import { PROSPECT_REASONS, PROSPECT_STATUSES, type ProspectReason, type ProspectStatus } from "../engine/prospects";
import type { MaturityPhase } from "../engine/maturity";
import type { ContactQuadrant } from "../engine/contactMatrix";
import { explain, type Lang, type Why } from "../i18n";
import { abcClassOf, maturityPhaseOf, quadrantOf, rowIn, type ScoredPortfolio } from "./score";

/** The rates of SPEC §10, as fractions (0.05 = 5 %); each defaults to the SPEC's value. */
export interface PlanObjectivesOptions {
  /** Growth asked by management over last period's CA; default 5 %. */
  readonly growthAsked?: number;
  /** g_dev, asked of a Développer client; default 20 %. */
  readonly developRate?: number;
  /** g_base, asked of an Entretenir client and of classes A and B without P-R; default 3 %. */
  readonly baseRate?: number;
  /** Share of the retained prospects that become clients; default 25 %. */
  readonly conversionRate?: number;
}

/** One client's effort objective (SPEC §10). */
export interface ClientObjectiveLine {
  /** Index in `ScoredPortfolio.clients`. */
  readonly index: number;
  /** CA objective for the next period, in the file's currency (not rounded). */
  readonly objective: number;
  readonly rule: ObjectiveRule;
  /** "P2-R4 : potentiel non capté, +20 % → objectif 12 000 €". */
  readonly why: Why;
  readonly effort: EffortCode;
  /** The one-line qualitative objective ("Gagner un rang : de R3 à R2."). */
  readonly effortWhy: Why;
}

/** One prospect's targeting (SPEC §11) and its conquest contacts (§8). */
export interface ProspectLine {
  /** Index in `ScoredPortfolio.clients`. */
  readonly index: number;
  readonly status: ProspectStatus;
  readonly reason: ProspectReason;
  /** Ep 0..100 when scored by the four criteria, else null. */
  readonly ep: number | null;
  /** Conquest contacts planned for the year (0 when écarté or not scored). */
  readonly conquete: number;
  /** Why the status (the criteria and the rule that failed, or the fallback). */
  readonly why: Why;
  /** Why that many contacts (its Ep share, the cap, the floor…); absent without an allocation. */
  readonly conquestWhy?: Why;
}

export interface PlanObjectives {
  /** One line per classed client (a CA, hence an ABC class), in input order. */
  readonly clients: readonly ClientObjectiveLine[];
  /** One line per prospect, in input order. */
  readonly prospects: readonly ProspectLine[];
  /** The engine's column-shaped objectives over `clients` (entry k = `clients[k]`). */
  readonly objectives: ClientObjectives;
  /** Objective asked, Σ objectives, conquest CA, expected CA, gap and verdict. */
  readonly growth: GrowthPlan;
  /** The line of client `i` (its index in the portfolio), or undefined for a prospect or an unclassed client. */
  clientLine(i: number): ClientObjectiveLine | undefined;
  /** The line of prospect `i` (its index in the portfolio), or undefined for a client. */
  prospectLine(i: number): ProspectLine | undefined;
}

/**
 * Line k of the objectives: its numbers as fields, its two reasons made from the engine's columns each time they
 * are read (a large portfolio has a line per client, most never explained).
 */
class ObjectiveLine implements ClientObjectiveLine {
  readonly objective: number;
  readonly rule: ObjectiveRule;
  readonly effort: EffortCode;

  constructor(
    private readonly objectives: ClientObjectives,
    private readonly k: number,
    readonly index: number,
  ) {
    this.objective = objectives.objective[k];
    this.rule = OBJECTIVE_RULES[objectives.rule[k]];
    this.effort = EFFORT_CODES[objectives.effort[k]];
  }

  get why(): Why {
    return this.objectives.explain(this.k);
  }

  get effortWhy(): Why {
    return this.objectives.explainEffort(this.k);
  }
}

/**
 * The objectives of a scored portfolio (SPEC §10–§11, Pascal Py ch. 12–14): each classed client's CA objective
 * by its target (P-R from its own P-R ranks, else its ABC class; V clients hold), with its reason and its
 * qualitative effort line; each prospect's status, reason, Ep and conquest contacts; and the growth plan:
 * objective asked (Σ CA × (1 + growth asked)), what the clients bring (Σ objectives), the conquest CA (retained
 * prospects × conversion × the median CA of the D clients, else class C), the expected CA and the verdict.
 *
 * Pure: numbers and `Why`s out, words from `src/i18n` (`growthLines`).
 *
 * @throws EngineError BAD_PARAMETER for a rate out of range (growth or objective rate ≤ −100 % or above
 *   1 000 %, conversion outside 0..100 %).
 * @example planObjectives(scorePortfolio(clients), { growthAsked: 0.05 }).growth.verdict // "conquest_covers"
 */
export function planObjectives(portfolio: ScoredPortfolio, options: PlanObjectivesOptions = {}): PlanObjectives {
  // Read on the methods' columns: a client's `abc`, `pr`… are result objects made at each read.
  const results = portfolio.results;
  const classed = portfolio.clients.filter((c) => !c.isProspect && c.ca !== undefined && rowIn(results.abc, c.index) >= 0);
  const ca = classed.map((c) => c.ca as number);
  const abc: AbcClass[] = classed.map((c) => abcClassOf(results, c.index) as AbcClass);
  const phase: (MaturityPhase | null)[] = classed.map((c) => maturityPhaseOf(results, c.index));
  const quadrant: (ContactQuadrant | null)[] = classed.map((c) => quadrantOf(results, c.index));
  const pr = results.pr;
  const prRank = (side: "p" | "r"): (number | null)[] =>
    classed.map((c) => {
      const k = rowIn(pr, c.index);
      return pr && k >= 0 ? pr.columns[side][k] : null;
    });
  const objectives = effortObjectives(
    {
      ca,
      abc,
      // The P-R target comes from the client's own P-R ranks (computed among the clients having both amounts).
      pRank: prRank("p"),
      rRank: prRank("r"),
      potential: classed.map((c) => c.potential ?? null),
      phase,
      quadrant,
    },
    {
      developRate: options.developRate ?? OBJECTIVE_DEFAULT_DEVELOP_RATE,
      baseRate: options.baseRate ?? OBJECTIVE_DEFAULT_BASE_RATE,
    },
  );
  const targeting = portfolio.targeting;
  const growth = growthPlan(
    { ca, abc, phase, objectivesTotal: objectives.total, retainedProspects: targeting.scores.retainedCount },
    {
      growthAsked: options.growthAsked ?? GROWTH_DEFAULT_ASKED,
      conversionRate: options.conversionRate ?? CONVERSION_DEFAULT_RATE,
    },
  );

  const clients: ClientObjectiveLine[] = classed.map((c, k) => new ObjectiveLine(objectives, k, c.index));
  const s = targeting.scores;
  const prospects: ProspectLine[] = targeting.indices.map((i, k) => {
    const allocation = portfolio.clients[i].allocation;
    return {
      index: i,
      status: PROSPECT_STATUSES[s.status[k]],
      reason: PROSPECT_REASONS[s.reason[k]],
      ep: Number.isNaN(s.ep[k]) ? null : s.ep[k],
      conquete: allocation?.conquete ?? 0,
      why: s.explain(k),
      ...(allocation ? { conquestWhy: allocation.why } : {}),
    };
  });
  // Position of each client's line (−1: none), by its index in the portfolio.
  const clientAt = new Int32Array(portfolio.clients.length).fill(-1);
  clients.forEach((l, k) => (clientAt[l.index] = k));
  const byProspect = new Map<number, ProspectLine>(prospects.map((l) => [l.index, l]));
  return {
    clients,
    prospects,
    objectives,
    growth,
    clientLine: (i) => (clientAt[i] >= 0 ? clients[clientAt[i]] : undefined),
    prospectLine: (i) => byProspect.get(i),
  };
}

/**
 * The growth plan as sentences, in `lang`: how the objective asked is computed, how the conquest CA is, then the
 * verdict in Pascal Py's words ("la clientèle actuelle suffit", "il manque 45 000 € : conquête nécessaire, soit
 * 6 prospects de plus à convertir").
 */
export function growthLines(growth: GrowthPlan, lang: Lang): { readonly details: readonly string[]; readonly verdict: string } {
  return { details: growth.details.map((w) => explain(w, lang)), verdict: explain(growth.why, lang) };
}
