import { textLiteral } from "./cells";

/**
 * Every native formula of the Cibles sheet (SPEC §14), built in one place from the same rules as the engine
 * (SPEC §2–§4), so a reader without the add-in sees the classes follow a corrected CA. Classic functions
 * only (SUMIFS, COUNTIFS, IF, MIN, INT: Excel 2007+, LibreOffice 7), in Excel's English syntax without "=".
 *
 * The rules, as the engine reads them:
 * - the clients ranked are the rows whose status is « Client » (prospects never are) and whose amount cell is
 *   a number (a blank cell is skipped by SUMIFS/COUNTIFS, as the engine skips a missing amount); when no
 *   prospect row holds an amount the status criterion is left out (SUMIF/COUNTIF, faster to recalculate);
 * - `before` = the sum of the amounts **strictly greater** than the row's, over the positive total: the
 *   share held by the clients ahead of the first of equal amounts, so equal amounts share a class (§2);
 * - ABC reads an amount below half a cent as 0 (`ABC_POSITIVE`), the quarter ranks any amount > 0.
 */

/** A criterion pair of SUMIFS/COUNTIFS: the range and the criterion text, both already formula text. */
export interface Criterion {
  readonly range: string;
  readonly criterion: string;
}

/** The rows a method ranks: their amounts (absolute range) and the criteria selecting them. */
export interface RankedSet {
  /** `$D$2:$D$101`: the amounts of every row of the table. */
  readonly amounts: string;
  /** Extra criteria (status = « Client », another column not blank…). */
  readonly filters: readonly Criterion[];
}

/** The smallest amount ABC counts as positive: the engine reads |x| < 0.005 as 0 (SPEC §2, « zero to the cent »). */
export const ABC_POSITIVE = 0.005;

function criteria(filters: readonly Criterion[]): string {
  return filters.map((f) => `,${f.range},${f.criterion}`).join("");
}

/**
 * `SUMIFS(amounts,amounts,">"&x,…)`: the sum of the ranked amounts strictly greater than `x`; `SUMIF` when
 * no other criterion (one criterion per cell scanned instead of two: LibreOffice recalculates it faster).
 */
export function sumGreater(set: RankedSet, x: string): string {
  if (set.filters.length === 0) return `SUMIF(${set.amounts},">"&${x})`;
  return `SUMIFS(${set.amounts},${set.amounts},">"&${x}${criteria(set.filters)})`;
}

/** `SUMIFS(amounts,amounts,">0",…)`: the positive total a share is read against (`min` the smallest positive amount). */
export function positiveTotal(set: RankedSet, min?: number): string {
  const criterion = min === undefined ? `">0"` : `">=${min}"`;
  if (set.filters.length === 0) return `SUMIF(${set.amounts},${criterion})`;
  return `SUMIFS(${set.amounts},${set.amounts},${criterion}${criteria(set.filters)})`;
}

/**
 * How many ranked rows from the first to this one (included) hold the same amount: the tie position + 1.
 * `amountsToHere` and each filter's range run from the table's first row to this row (`$D$2:D7`).
 */
export function tiesToHere(amountsToHere: string, x: string, filtersToHere: readonly Criterion[]): string {
  if (filtersToHere.length === 0) return `COUNTIF(${amountsToHere},${x})`;
  return `COUNTIFS(${amountsToHere},${x}${criteria(filtersToHere)})`;
}

/** The 1-based position in the stable descending order: the rows strictly greater, the earlier ties, itself. */
export function rankFormula(set: RankedSet, x: string, ties: string): string {
  if (set.filters.length === 0) return `COUNTIF(${set.amounts},">"&${x})+${ties}`;
  return `COUNTIFS(${set.amounts},">"&${x}${criteria(set.filters)})+${ties}`;
}

/** The client's share of the positive total (0 for an amount not positive). */
export function shareFormula(x: string, total: string): string {
  return `IF(${x}<${ABC_POSITIVE},0,${x}/${total})`;
}

/**
 * The cumulative share after the client: the amounts strictly greater (`ahead`, a `sumGreater` cell), the
 * equal ones up to this row (`ties`, itself included) times its amount, over the total; 1 for an amount not
 * positive.
 */
export function cumulativeShareFormula(x: string, ahead: string, ties: string, total: string): string {
  return `IF(${x}<${ABC_POSITIVE},1,(${ahead}+${x}*${ties})/${total})`;
}

/**
 * The ABC class (§2): `before` = `ahead` / total, the share of the amounts strictly greater (the first of equal
 * amounts' `before`); A while `before` < threshold A, B while < threshold B, else C; an amount not positive is C.
 */
export function abcClassFormula(x: string, ahead: string, total: string, thresholdA: string, thresholdB: string): string {
  const before = `${ahead}/${total}`;
  return `IF(${x}<${ABC_POSITIVE},"C",IF(${before}<${thresholdA},"A",IF(${before}<${thresholdB},"B","C")))`;
}

/** The quarter rank (§3): `min(4, floor(before / 0.25) + 1)` with `before` = `ahead` / `total` (> 0 amounts), 4 for an amount ≤ 0. */
export function quarterRankFormula(x: string, ahead: string, total: string): string {
  return `IF(${x}>0,MIN(4,INT(${ahead}/${total}/0.25)+1),4)`;
}

/**
 * What `sumGreater` computes for each amount of `ranked`, in plain numbers (the cached value of the "CA des
 * clients devant" cells): the sum of the ranked amounts strictly greater, added from the largest down.
 */
export function sumsGreater(ranked: readonly number[]): (x: number) => number {
  const sorted = [...ranked].sort((a, b) => b - a);
  const prefix = new Float64Array(sorted.length + 1);
  for (let k = 0; k < sorted.length; k++) prefix[k + 1] = prefix[k] + sorted[k];
  return (x) => {
    // The number of amounts strictly greater than x (binary search in the descending list).
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] > x) lo = mid + 1;
      else hi = mid;
    }
    return prefix[lo];
  };
}

/** The P-R code (§4), "P1-R3", from the two rank expressions. */
export function prCodeFormula(p: string, r: string): string {
  return `"P"&${p}&"-R"&${r}`;
}

/** The P-R target (§4) from the gap cell: ≥ 1 develop, 0 maintain, ≤ −1 secure (labels in the sheet's language). */
export function prTargetFormula(gap: string, labels: { develop: string; maintain: string; secure: string }): string {
  return `IF(${gap}>=1,${textLiteral(labels.develop)},IF(${gap}=0,${textLiteral(labels.maintain)},${textLiteral(labels.secure)}))`;
}

/**
 * A whole amount as text inside a formula, grouped by thousands as `formatNumber` writes it (French: a narrow
 * no-break space, English: a comma), so a verdict sentence built by a formula reads like the engine's
 * (« 45 000 € »). Built from INT, MOD and TEXT(…,"000"), whose digit placeholders read the same in every locale
 * (a thousands separator in a TEXT format would not). Rounded to the unit with ROUND (half away from zero);
 * up to 999 999 999 999.
 * @example wholeText("$B$9", "fr") // `IF(ROUND($B$9,0)<0,"-","")&IF(ABS(ROUND($B$9,0))>=1000000000,…)`
 */
export function wholeText(x: string, lang: "fr" | "en"): string {
  const sep = textLiteral(lang === "fr" ? "\u202f" : ",");
  const a = `ABS(ROUND(${x},0))`;
  const group = (unit: number): string => `TEXT(MOD(INT(${a}/${unit}),1000),"000")`;
  const low = `TEXT(MOD(${a},1000),"000")`;
  return (
    `IF(ROUND(${x},0)<0,"-","")&` +
    `IF(${a}>=1000000000,INT(${a}/1000000000)&${sep}&${group(1000000)}&${sep}&${group(1000)}&${sep}&${low},` +
    `IF(${a}>=1000000,INT(${a}/1000000)&${sep}&${group(1000)}&${sep}&${low},` +
    `IF(${a}>=1000,INT(${a}/1000)&${sep}&${low},${a}&"")))`
  );
}

/** The cells a client's effort objective reads (SPEC §10): its row's cells and the rate parameter cells. */
export interface ObjectiveCells {
  readonly ca: string;
  readonly abc: string;
  /** The P-R gap cell (R − P): a number for a client with P-R, empty otherwise. */
  readonly gap: string;
  readonly potential: string;
  readonly developRate: string;
  readonly baseRate: string;
  /** The maturity phase cell ("V" for a client in decline). */
  readonly phase: string;
}

/**
 * The CA objective of a classed client (SPEC §10), as the engine's `effortObjectives` computes it: 0 when the CA
 * is not positive; the CA held for a V client; with P-R (a number in the gap cell), Développer `CA × (1 + g_dev)`
 * capped at the potential (never below the CA), Entretenir `CA × (1 + g_base)`, Sécuriser the CA; without P-R,
 * class C the CA, A and B `CA × (1 + g_base)`. `rule` gives, instead of the amount, the label of the rule that set
 * it (the same branches). One formula for every client, whatever its case: down a column it differs only by the
 * row, so the writer stores it once as a shared formula (issue 12), and an edited phase or gap is followed.
 */
export function objectiveFormula(cells: ObjectiveCells, rule?: Readonly<Record<ObjectiveRuleName, string>>): string {
  const { ca, abc, gap, potential, developRate, baseRate, phase } = cells;
  const pick = (name: ObjectiveRuleName, amount: string): string => (rule ? textLiteral(rule[name]) : amount);
  const grown = (rate: string): string => `${ca}*(1+${rate})`;
  const develop = `IF(${grown(developRate)}>${potential},${pick("develop_capped", `MAX(${ca},${potential})`)},${pick("develop", grown(developRate))})`;
  const byGap = `IF(${gap}>=1,${develop},IF(${gap}=0,${pick("maintain", grown(baseRate))},${pick("secure", ca)}))`;
  const byClass = `IF(${abc}="C",${pick("abc_hold", ca)},${pick("abc_growth", grown(baseRate))})`;
  return `IF(${ca}>0,IF(${phase}="V",${pick("aging_hold", ca)},IF(ISNUMBER(${gap}),${byGap},${byClass})),${pick("no_ca", "0")})`;
}

/** The rules of SPEC §10 a formula can name (the engine's `OBJECTIVE_RULES`). */
export type ObjectiveRuleName = "develop" | "develop_capped" | "maintain" | "secure" | "abc_growth" | "abc_hold" | "aging_hold" | "no_ca";
