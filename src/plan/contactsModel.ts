import type { AbcClass, FamilyShares, VisitNorms } from "../engine";
import type { ScoredPortfolio } from "./score";

/**
 * The numbers the Contacts sheet's formulas compute, in TypeScript, step for step: they are the cached
 * `result` of each formula, and tests check them against the engine's `allocateContacts`.
 *
 * Families: the capital is split by the shares by the largest-remainder method, as the engine does: quota =
 * ROUND(capital × share, 9), whole part INT(quota), remainder ROUND(quota − INT(quota), 9); the units left go
 * to the largest remainders, ties in the order entretien, stimulation, conquête.
 *
 * Entretien by class: every client of a class has the same need (its norm), so the engine's per-client
 * largest-remainder scaling adds up per class in closed form: each client gets ⌊E × norm / need⌋, and the units
 * left go class by class in the order of their remainders (E × norm mod need), ties to the higher class, at most
 * one per client. Whole-number arithmetic throughout (MOD), as the engine's exact path.
 */
export interface FamilyLine {
  readonly share: number;
  readonly quota: number;
  readonly floor: number;
  readonly rest: number;
  /** Number of families served before this one (larger remainder, or equal and listed before). */
  readonly rank: number;
  readonly total: number;
}

export interface ClassLine {
  readonly clients: number;
  readonly norm: number;
  readonly need: number;
  readonly floor: number;
  readonly rest: number;
  /** Clients of other classes served before this class's clients. */
  readonly before: number;
  readonly extra: number;
  readonly planned: number;
}

export interface ContactsModel {
  readonly capital: number;
  readonly families: readonly [FamilyLine, FamilyLine, FamilyLine];
  /** capital − Σ whole parts. */
  readonly familyLeft: number;
  readonly classes: Readonly<Record<AbcClass, ClassLine>>;
  readonly needTotal: number;
  /** Entretien units left to share after the whole parts (0 when the needs fit the budget). */
  readonly classLeft: number;
  readonly plannedTotal: number;
  readonly unused: number;
  readonly stimulationBudget: number;
  /** ceil(need / capital), or undefined when the capital is 0 (the sheet shows a blank). */
  readonly reps?: number;
  /** The entretien needs exceed the entretien budget, so every norm is cut: the sheets must say so. */
  readonly needsScaled: boolean;
  /** What the engine placed, when the model is built from a scored portfolio (values, not formulas). */
  readonly placed?: PlacedContacts;
}

/** The engine's allocation as the sheets show it: where the family budgets really went. */
export interface PlacedContacts {
  /** Turbo visits given to clients (Σ per client, each at most its cap). */
  readonly stimulation: number;
  /** Conquête given to prospects (Σ per prospect, each at most the prospect cap). */
  readonly conquete: number;
  /** Stimulation the turbo caps left that the prospects took. */
  readonly stimulationToConquest: number;
  /** Réserve non affectée: stimulation nobody may take (show it on the Contacts and PAC sheets). */
  readonly reserve: number;
  /** Conquête not given to a prospect (no retained prospect, or all at their cap). */
  readonly conquestPool: number;
  /**
   * The Planning by month (12 values, January first) as the sum of the per-client calendar, in sheet order:
   * clients of class A, B, C, prospects, réserve, conquête pool, then the total of each month (Σ = capital).
   */
  readonly months: readonly PlanningMonths[];
}

export type PlanningLine = "A" | "B" | "C" | "prospects" | "reserve" | "conquestPool" | "total";

export interface PlanningMonths {
  readonly line: PlanningLine;
  readonly months: readonly number[];
  /** Σ months. */
  readonly year: number;
}

const CLASSES: readonly AbcClass[] = ["A", "B", "C"];

/** Excel's ROUND(x, 9): half away from zero. */
export function round9(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 1e9)) / 1e9;
}

/** Excel's MOD for whole numbers ≥ 0 and a divisor > 0. */
function mod(a: number, b: number): number {
  return a - b * Math.floor(a / b);
}

/**
 * The Contacts sheet's numbers for a capital, shares, norms and class counts; with `portfolio`, also what the
 * engine placed (caps, réserve, prospects) and the Planning by month from the per-client calendar (`placed`).
 */
export function contactsModel(
  capital: number,
  shares: FamilyShares,
  norms: VisitNorms,
  counts: Readonly<Record<AbcClass, number>>,
  portfolio?: Pick<ScoredPortfolio, "allocation" | "planning">,
): ContactsModel {
  const shareList = [shares.entretien, shares.stimulation, shares.conquete];
  const quotas = shareList.map((s) => round9(capital * s));
  const floors = quotas.map((q) => Math.floor(q));
  const rests = quotas.map((q, k) => round9(q - floors[k]));
  const ranks = rests.map((r, k) => rests.reduce((n, other, j) => n + ((j < k ? other >= r : other > r) && j !== k ? 1 : 0), 0));
  const familyLeft = capital - floors.reduce((a, b) => a + b, 0);
  const totals = floors.map((f, k) => f + (ranks[k] < familyLeft ? 1 : 0));
  const line = (k: number): FamilyLine => ({
    share: shareList[k],
    quota: quotas[k],
    floor: floors[k],
    rest: rests[k],
    rank: ranks[k],
    total: totals[k],
  });
  const families: [FamilyLine, FamilyLine, FamilyLine] = [line(0), line(1), line(2)];

  const budget = totals[0];
  const needs = CLASSES.map((c) => counts[c] * norms[c]);
  const needTotal = needs.reduce((a, b) => a + b, 0);
  const classFloor = CLASSES.map((c) => (needTotal === 0 ? 0 : (budget * norms[c] - mod(budget * norms[c], needTotal)) / needTotal));
  const classRest = CLASSES.map((c) => (needTotal === 0 ? 0 : mod(budget * norms[c], needTotal)));
  const classLeft = needTotal > budget ? budget - CLASSES.reduce((s, c, k) => s + counts[c] * classFloor[k], 0) : 0;
  const scaled = needTotal > budget;
  const classes = {} as Record<AbcClass, ClassLine>;
  CLASSES.forEach((c, k) => {
    const before = CLASSES.reduce(
      (n, other, j) => n + (j !== k && (j < k ? classRest[j] >= classRest[k] : classRest[j] > classRest[k]) ? counts[other] : 0),
      0,
    );
    const extra = Math.min(counts[c], Math.max(0, classLeft - before));
    classes[c] = {
      clients: counts[c],
      norm: norms[c],
      need: needs[k],
      floor: classFloor[k],
      rest: classRest[k],
      before,
      extra,
      planned: scaled ? counts[c] * classFloor[k] + extra : needs[k],
    };
  });
  const plannedTotal = CLASSES.reduce((s, c) => s + classes[c].planned, 0);
  const unused = budget - plannedTotal;
  const stimulationBudget = totals[1] + unused;
  return {
    capital,
    families,
    familyLeft,
    classes,
    needTotal,
    classLeft,
    plannedTotal,
    unused,
    stimulationBudget,
    ...(capital > 0 ? { reps: Math.ceil(needTotal / capital) } : {}),
    needsScaled: scaled,
    ...(portfolio ? { placed: placedContacts(portfolio) } : {}),
  };
}

function placedContacts({ allocation, planning }: Pick<ScoredPortfolio, "allocation" | "planning">): PlacedContacts {
  let stimulation = 0;
  let conquete = 0;
  for (const a of allocation.perClient) {
    stimulation += a.stimulation;
    conquete += a.conquete;
  }
  const line = (name: PlanningLine, months: readonly number[]): PlanningMonths => ({
    line: name,
    months,
    year: months.reduce((x, y) => x + y, 0),
  });
  return {
    stimulation,
    conquete,
    stimulationToConquest: allocation.stimulationToConquest,
    reserve: allocation.reserve,
    conquestPool: allocation.conquestPool,
    months: [
      line("A", planning.byClass.A),
      line("B", planning.byClass.B),
      line("C", planning.byClass.C),
      line("prospects", planning.prospects),
      line("reserve", planning.reserve),
      line("conquestPool", planning.conquestPool),
      line("total", planning.total),
    ],
  };
}
