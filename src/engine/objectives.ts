import type { LabelKey, Why } from "../i18n";
import type { AbcClass } from "./abc";
import { median, type ContactQuadrant } from "./contactMatrix";
import { EngineError, assertNever } from "./errors";
import type { MaturityPhase } from "./maturity";
import { prTarget } from "./penetration";
import { assertIndex } from "./stats/validate";

export const OBJECTIVE_DEFAULT_DEVELOP_RATE = 0.2;
export const OBJECTIVE_DEFAULT_BASE_RATE = 0.03;
export const GROWTH_DEFAULT_ASKED = 0.05;
export const CONVERSION_DEFAULT_RATE = 0.25;

/** `rule[i]` is an index into this table: which rule of SPEC §10 set client i's objective. */
export const OBJECTIVE_RULES = [
  "develop",
  "develop_capped",
  "maintain",
  "secure",
  "abc_growth",
  "abc_hold",
  "aging_hold",
  "no_ca",
] as const;
export type ObjectiveRule = (typeof OBJECTIVE_RULES)[number];

/**
 * `effort[i]` is an index into this table: the qualitative effort objective of client i (Pascal Py ch. 12), the
 * first that applies in this order (the most urgent first).
 */
export const EFFORT_CODES = [
  "more_engaged",
  "less_contact_eater",
  "improve_pr",
  "stop_decline",
  "gain_maturity",
  "gain_rank",
  "hold_rank",
] as const;
export type EffortCode = (typeof EFFORT_CODES)[number];

/** Fidelity engagement (SPEC §12), when computed. */
export type Engagement = "loss_likely" | "revenue_at_risk" | "engaged" | "to_build";

export const OBJECTIVE_RULE_LABEL: Readonly<Record<ObjectiveRule, LabelKey>> = {
  develop: "objective.rule.develop",
  develop_capped: "objective.rule.develop_capped",
  maintain: "objective.rule.maintain",
  secure: "objective.rule.secure",
  abc_growth: "objective.rule.abc_growth",
  abc_hold: "objective.rule.abc_hold",
  aging_hold: "objective.rule.aging_hold",
  no_ca: "objective.rule.no_ca",
};

export const EFFORT_LABEL: Readonly<Record<EffortCode, LabelKey>> = {
  more_engaged: "effort.more_engaged",
  less_contact_eater: "effort.less_contact_eater",
  improve_pr: "effort.improve_pr",
  stop_decline: "effort.stop_decline",
  gain_maturity: "effort.gain_maturity",
  gain_rank: "effort.gain_rank",
  hold_rank: "effort.hold_rank",
};

const ENGAGEMENT_LABEL: Readonly<Record<Engagement, LabelKey>> = {
  loss_likely: "engagement.loss_likely",
  revenue_at_risk: "engagement.revenue_at_risk",
  engaged: "engagement.engaged",
  to_build: "engagement.to_build",
};

type Opt<T> = T | null | undefined;

/**
 * One column per input, one entry per client (input order). Only `ca` and `abc` are required; a missing column,
 * or a null entry, means "not known for this client".
 */
export interface ObjectivesInput {
  /** Last period's CA. */
  readonly ca: readonly number[];
  readonly abc: readonly AbcClass[];
  /** Interquartile ranks P (potential) and R (realised), 1..4; the P-R target comes from R − P. */
  readonly pRank?: readonly Opt<number>[];
  readonly rRank?: readonly Opt<number>[];
  /** The potential, for the cap of a Développer objective. */
  readonly potential?: readonly Opt<number>[];
  readonly phase?: readonly Opt<MaturityPhase>[];
  readonly quadrant?: readonly Opt<ContactQuadrant>[];
  readonly engagement?: readonly Opt<Engagement>[];
}

export interface ObjectivesOptions {
  /** g_dev, the growth asked of a Développer client; default 0.20. */
  readonly developRate?: number;
  /** g_base, the growth asked of an Entretenir client (and of classes A and B without P-R); default 0.03. */
  readonly baseRate?: number;
}

export interface ObjectiveRow {
  readonly objective: number;
  readonly rule: ObjectiveRule;
  readonly effort: EffortCode;
  readonly why: Why;
  readonly effortWhy: Why;
}

/** Column-shaped effort objectives; entry i = client i. */
export interface ClientObjectives {
  readonly n: number;
  /** CA objective for the next period. */
  readonly objective: Float64Array;
  /** Index into OBJECTIVE_RULES. */
  readonly rule: Uint8Array;
  /** Index into EFFORT_CODES. */
  readonly effort: Uint8Array;
  /** Σ objectives. */
  readonly total: number;
  readonly developRate: number;
  readonly baseRate: number;
  /** The reason of client i's objective ("P2-R4 : potentiel non capté, +20 %"). */
  explain(i: number): Why;
  /** The one-line qualitative objective of client i. */
  explainEffort(i: number): Why;
  row(i: number): ObjectiveRow;
}

function checkRate(value: number, arg: string): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= -1 || value > 10) {
    throw new EngineError("BAD_PARAMETER", { arg, value: String(value), expected: "un taux de plus de −100 % et d'au plus 1 000 %, par exemple 0,2 pour 20 %" });
  }
}

function checkColumn(column: { readonly length: number } | undefined, arg: string, n: number): void {
  if (column !== undefined && column.length !== n) {
    throw new EngineError("LENGTH_MISMATCH", { arg: "CA", n1: n, arg2: arg, n2: column.length });
  }
}

function rank(value: Opt<number>): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 4 ? value : undefined;
}

const RULE = Object.fromEntries(OBJECTIVE_RULES.map((r, k) => [r, k])) as Record<ObjectiveRule, number>;
const EFFORT = Object.fromEntries(EFFORT_CODES.map((r, k) => [r, k])) as Record<EffortCode, number>;

const whole = (x: number): number => Math.round(x);

/**
 * Effort objectives per client (SPEC §10, Pascal Py ch. 12): the CA objective for the next period by target, with
 * its rule, and a qualitative objective line.
 *
 * The CA objective, first rule that applies:
 * 1. CA ≤ 0 (no sales, or returns): 0, for the rep to set ("no_ca");
 * 2. maturity V (vieillissement): hold, CA, never growth ("aging_hold"), whatever the target;
 * 3. with P and R ranks: Développer (R − P ≥ 1) `CA × (1 + g_dev)`, never above the potential (when the
 *    potential is known and the product passes it, the objective is the potential, but never below the CA:
 *    "develop_capped"); Entretenir `CA × (1 + g_base)`; Sécuriser `CA`;
 * 4. without P-R: class A or B `CA × (1 + g_base)`, class C `CA` (0 %).
 *
 * The qualitative objective, first that applies: an engagement other than "engaged" → be more engaged; a
 * Contactivore → eat fewer contacts; a Développer target → improve its P-R; maturity V → stop the decline;
 * D or C → grow to maturity; R rank 2..4 → move up a rank (R3 → R2), or without R, class B or C → move up a
 * class (C → B); otherwise keep its rank.
 *
 * An empty list gives an empty result. Ranks outside 1..4 or non-integers count as unknown.
 *
 * @throws EngineError NOT_FINITE (a CA that is blank or text, naming the row), BAD_PARAMETER (a rate ≤ −100 % or
 *   above 1 000 %, an ABC class that is not A, B or C), LENGTH_MISMATCH.
 * @example effortObjectives({ ca: [10_000], abc: ["A"], pRank: [2], rRank: [4], potential: [50_000] }).objective
 *   // [12000] (P2-R4: Développer, +20 %)
 */
export function effortObjectives(input: ObjectivesInput, options: ObjectivesOptions = {}): ClientObjectives {
  const developRate = options.developRate ?? OBJECTIVE_DEFAULT_DEVELOP_RATE;
  const baseRate = options.baseRate ?? OBJECTIVE_DEFAULT_BASE_RATE;
  checkRate(developRate, "croissance Développer");
  checkRate(baseRate, "croissance de base");
  const { ca, abc } = input;
  const n = ca.length;
  checkColumn(abc, "classes ABC", n);
  checkColumn(input.pRank, "rangs P", n);
  checkColumn(input.rRank, "rangs R", n);
  checkColumn(input.potential, "potentiel", n);
  checkColumn(input.phase, "maturité", n);
  checkColumn(input.quadrant, "matrice des contacts", n);
  checkColumn(input.engagement, "engagement", n);

  const objective = new Float64Array(n);
  const rule = new Uint8Array(n);
  const effort = new Uint8Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const x = ca[i];
    if (typeof x !== "number" || !Number.isFinite(x)) throw new EngineError("NOT_FINITE", { arg: "CA", row: i + 1, value: String(x) }, i);
    const cls = abc[i];
    if (cls !== "A" && cls !== "B" && cls !== "C") {
      throw new EngineError("BAD_PARAMETER", { arg: `classe ABC, ligne ${i + 1}`, value: String(cls), expected: "A, B ou C" }, i);
    }
    const p = rank(input.pRank?.[i]);
    const r = rank(input.rRank?.[i]);
    const phase = input.phase?.[i];
    const target = p !== undefined && r !== undefined ? prTarget(r - p) : undefined;
    let o: number;
    let k: number;
    if (!(x > 0)) {
      o = 0;
      k = RULE.no_ca;
    } else if (phase === "V") {
      o = x;
      k = RULE.aging_hold;
    } else if (target === "develop") {
      o = x * (1 + developRate);
      k = RULE.develop;
      const pot = input.potential?.[i];
      if (typeof pot === "number" && Number.isFinite(pot) && o > pot) {
        o = Math.max(x, pot);
        k = RULE.develop_capped;
      }
    } else if (target === "maintain") {
      o = x * (1 + baseRate);
      k = RULE.maintain;
    } else if (target === "secure") {
      o = x;
      k = RULE.secure;
    } else if (cls === "C") {
      o = x;
      k = RULE.abc_hold;
    } else {
      o = x * (1 + baseRate);
      k = RULE.abc_growth;
    }
    objective[i] = o;
    rule[i] = k;
    total += o;

    const engagement = input.engagement?.[i];
    const quadrant = input.quadrant?.[i];
    effort[i] =
      engagement !== null && engagement !== undefined && engagement !== "engaged"
        ? EFFORT.more_engaged
        : quadrant === "contact_eater"
          ? EFFORT.less_contact_eater
          : target === "develop"
            ? EFFORT.improve_pr
            : phase === "V"
              ? EFFORT.stop_decline
              : phase === "D" || phase === "C"
                ? EFFORT.gain_maturity
                : (r !== undefined ? r > 1 : cls !== "A")
                  ? EFFORT.gain_rank
                  : EFFORT.hold_rank;
  }

  const codeOf = (i: number): string => `P${rank(input.pRank?.[i])}-R${rank(input.rRank?.[i])}`;

  const explain = (i: number): Why => {
    assertIndex(i, n, "client");
    const r = OBJECTIVE_RULES[rule[i]];
    const o = whole(objective[i]);
    switch (r) {
      case "develop":
        return { key: "objective.develop", params: { code: codeOf(i), rate: { pct: developRate }, objective: o } };
      case "develop_capped":
        return {
          key: "objective.develop_capped",
          params: { code: codeOf(i), rate: { pct: developRate }, potential: whole(input.potential?.[i] ?? 0), objective: o },
        };
      case "maintain":
        return { key: "objective.maintain", params: { code: codeOf(i), rate: { pct: baseRate }, objective: o } };
      case "secure":
        return { key: "objective.secure", params: { code: codeOf(i), objective: o } };
      case "abc_growth":
        return { key: "objective.abc_growth", params: { cls: abc[i], rate: { pct: baseRate }, objective: o } };
      case "abc_hold":
        return { key: "objective.abc_hold", params: { objective: o } };
      case "aging_hold":
        return { key: "objective.aging_hold", params: { objective: o } };
      case "no_ca":
        return { key: "objective.no_ca", params: { ca: whole(ca[i]) } };
      default:
        return assertNever(r);
    }
  };

  const explainEffort = (i: number): Why => {
    assertIndex(i, n, "client");
    const e = EFFORT_CODES[effort[i]];
    const r = rank(input.rRank?.[i]);
    const from = r !== undefined ? `R${r}` : abc[i];
    switch (e) {
      case "more_engaged":
        return { key: "effort.more_engaged", params: { engagement: { label: ENGAGEMENT_LABEL[input.engagement?.[i] as Engagement] } } };
      case "less_contact_eater":
        return { key: "effort.less_contact_eater", params: {} };
      case "improve_pr":
        return { key: "effort.improve_pr", params: { code: codeOf(i), p: rank(input.pRank?.[i]) as number } };
      case "stop_decline":
        return { key: "effort.stop_decline", params: {} };
      case "gain_maturity":
        return { key: "effort.gain_maturity", params: { phase: { label: input.phase?.[i] === "D" ? "maturity.phase.D" : "maturity.phase.C" } } };
      case "gain_rank":
        return { key: "effort.gain_rank", params: { from, to: r !== undefined ? `R${r - 1}` : abc[i] === "C" ? "B" : "A" } };
      case "hold_rank":
        return { key: "effort.hold_rank", params: { from } };
      default:
        return assertNever(e);
    }
  };

  return {
    n,
    objective,
    rule,
    effort,
    total,
    developRate,
    baseRate,
    explain,
    explainEffort,
    row: (i: number): ObjectiveRow => ({
      objective: objective[i],
      rule: OBJECTIVE_RULES[rule[i]],
      effort: EFFORT_CODES[effort[i]],
      why: explain(i),
      effortWhy: explainEffort(i),
    }),
  };
}

/** Where the value of a converted prospect comes from: the D clients, else the C-class clients, else all. */
export type ProspectValueSource = "D" | "C" | "all" | "none";

/** "current_suffices": Σ objectives ≥ asked; "conquest_covers": with the planned conquest; "missing": neither. */
export type GrowthVerdict = "current_suffices" | "conquest_covers" | "missing";

export interface GrowthInput {
  /** Last period's CA per client (the same list as the objectives). */
  readonly ca: readonly number[];
  readonly abc: readonly AbcClass[];
  readonly phase?: readonly Opt<MaturityPhase>[];
  /** Σ of the clients' objectives (`ClientObjectives.total`). */
  readonly objectivesTotal: number;
  /** Number of retained prospects (`ProspectScores.retainedCount`). */
  readonly retainedProspects: number;
}

export interface GrowthOptions {
  /** Growth asked by management over last period's CA; default 0.05. */
  readonly growthAsked?: number;
  /** Share of the retained prospects that become clients; default 0.25. */
  readonly conversionRate?: number;
}

export interface GrowthPlan {
  /** Σ last-period CA (net: returns included). */
  readonly lastCa: number;
  readonly growthAsked: number;
  /** lastCa × (1 + growthAsked). */
  readonly asked: number;
  readonly objectivesTotal: number;
  readonly retainedProspects: number;
  readonly conversionRate: number;
  /** The CA a converted prospect brings: the median last-period CA of the reference clients (> 0 only). */
  readonly prospectValue: number;
  readonly prospectValueSource: ProspectValueSource;
  /** retainedProspects × conversionRate × prospectValue. */
  readonly conquestCa: number;
  /** objectivesTotal + conquestCa. */
  readonly expected: number;
  /** asked − expected when positive, else 0. */
  readonly missing: number;
  readonly verdict: GrowthVerdict;
  /** ceil(missing / prospectValue): converted prospects still needed; 0 unless "missing"; null when no value. */
  readonly prospectsNeeded: number | null;
  /** The verdict in Py's words. */
  readonly why: Why;
  /** How the objective asked and the conquest CA are computed. */
  readonly details: readonly Why[];
}


/**
 * The plan's expected CA against the objective asked (SPEC §10, Pascal Py ch. 13 "croissance interne ou externe ?").
 *
 * `asked = Σ CA × (1 + growthAsked)`; `conquestCa = retained prospects × conversionRate × prospectValue`, where a
 * converted prospect is valued at the median last-period CA of the portfolio's D clients (maturity Démarrage),
 * else of its C-class clients, else of all its clients, counting only positive CAs (a D client has one; a zero
 * would value a new client at nothing). `expected = Σ objectives + conquestCa`.
 *
 * Verdict: Σ objectives ≥ asked → "current_suffices" ("la clientèle actuelle suffit"); else expected ≥ asked →
 * "conquest_covers"; else "missing" with `missing = asked − expected` and `prospectsNeeded =
 * ceil(missing / prospectValue)`: each prospect converted beyond the plan brings one median CA, so N more
 * converted prospects close the gap ("il manque 45 000 € : conquête nécessaire, soit 6 prospects de plus à
 * convertir"). Amounts are compared to the cent. With no reference client, `prospectsNeeded` is null.
 *
 * @throws EngineError BAD_PARAMETER (growth asked ≤ −100 % or above 1 000 %, conversion rate outside 0..1,
 *   retained prospects not a whole number ≥ 0, objectives total not finite), NOT_FINITE, LENGTH_MISMATCH.
 * @example growthPlan({ ca: [100_000, 50_000], abc: ["A", "C"], objectivesTotal: 153_000, retainedProspects: 4 }).verdict
 *   // "conquest_covers": asked 150 000 × 1.05 = 157 500 > 153 000; conquest 4 × 25 % × 50 000 (median of class C) = 50 000
 */
export function growthPlan(input: GrowthInput, options: GrowthOptions = {}): GrowthPlan {
  const growthAsked = options.growthAsked ?? GROWTH_DEFAULT_ASKED;
  const conversionRate = options.conversionRate ?? CONVERSION_DEFAULT_RATE;
  checkRate(growthAsked, "croissance demandée");
  if (typeof conversionRate !== "number" || !Number.isFinite(conversionRate) || conversionRate < 0 || conversionRate > 1) {
    throw new EngineError("BAD_PARAMETER", { arg: "taux de conversion", value: String(conversionRate), expected: "une part de 0 à 100 %" });
  }
  const { ca, abc, objectivesTotal, retainedProspects } = input;
  if (!Number.isSafeInteger(retainedProspects) || retainedProspects < 0) {
    throw new EngineError("BAD_PARAMETER", { arg: "prospects retenus", value: String(retainedProspects), expected: "un nombre entier positif ou nul" });
  }
  if (typeof objectivesTotal !== "number" || !Number.isFinite(objectivesTotal)) {
    throw new EngineError("BAD_PARAMETER", { arg: "total des objectifs", value: String(objectivesTotal), expected: "un nombre" });
  }
  const n = ca.length;
  checkColumn(abc, "classes ABC", n);
  checkColumn(input.phase, "maturité", n);
  let lastCa = 0;
  const d: number[] = [];
  const c: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = ca[i];
    if (typeof x !== "number" || !Number.isFinite(x)) throw new EngineError("NOT_FINITE", { arg: "CA", row: i + 1, value: String(x) }, i);
    lastCa += x;
    if (!(x > 0)) continue;
    all.push(x);
    if (input.phase?.[i] === "D") d.push(x);
    if (abc[i] === "C") c.push(x);
  }
  const prospectValueSource: ProspectValueSource = d.length > 0 ? "D" : c.length > 0 ? "C" : all.length > 0 ? "all" : "none";
  const prospectValue = d.length > 0 ? median(d) : c.length > 0 ? median(c) : all.length > 0 ? median(all) : 0;
  const asked = lastCa * (1 + growthAsked);
  const conquestCa = retainedProspects * conversionRate * prospectValue;
  const expected = objectivesTotal + conquestCa;
  const CENT = 0.005;
  const verdict: GrowthVerdict =
    objectivesTotal >= asked - CENT ? "current_suffices" : expected >= asked - CENT ? "conquest_covers" : "missing";
  const missing = verdict === "missing" ? asked - expected : 0;
  const prospectsNeeded = verdict !== "missing" ? 0 : prospectValue > 0 ? Math.ceil(missing / prospectValue - 1e-9) : null;

  const money = { asked: whole(asked), objectives: whole(objectivesTotal), conquest: whole(conquestCa) };
  const why: Why =
    verdict === "current_suffices"
      ? { key: "growth.current_suffices", params: money }
      : verdict === "conquest_covers"
        ? { key: "growth.conquest_covers", params: money }
        : prospectsNeeded === null
          ? { key: "growth.missing_no_value", params: { missing: whole(missing) } }
          : { key: "growth.missing", params: { missing: whole(missing), n: prospectsNeeded } };
  const details: Why[] = [
    { key: "growth.asked", params: { lastCa: whole(lastCa), rate: { pct: growthAsked }, asked: whole(asked) } },
    {
      key: "growth.conquest_ca",
      params: {
        retained: retainedProspects,
        rate: { pct: conversionRate },
        value: whole(prospectValue),
        source: { label: `growth.source.${prospectValueSource}` },
        conquest: whole(conquestCa),
      },
    },
  ];
  return {
    lastCa,
    growthAsked,
    asked,
    objectivesTotal,
    retainedProspects,
    conversionRate,
    prospectValue,
    prospectValueSource,
    conquestCa,
    expected,
    missing,
    verdict,
    prospectsNeeded,
    why,
    details,
  };
}

