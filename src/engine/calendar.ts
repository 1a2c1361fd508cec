import { EngineError } from "./errors";

/** Months of the planning year. */
export const CALENDAR_MONTHS = 12;

export interface CalendarOptions {
  /**
   * Relative capacity of each month (e.g. August 0.5 when half the team is on holiday), one per month, each > 0;
   * the levelling compares `total / weight`. Default: equal weights. Its length sets the number of months.
   */
  readonly weights?: readonly number[];
}

/**
 * A calendar as columns: `counts[i × months + m]` = contacts of client i in month m (0 = January), client-major.
 * `offsets[i]` is the month of client i's first contact (0-based; 0 for a client with no contact).
 */
export interface CalendarResult {
  readonly months: number;
  readonly clients: number;
  readonly counts: Int32Array;
  readonly offsets: Int32Array;
}

/** Repair passes at most (each costs as much as the first placement); in practice one or two suffice. */
const MAX_REPAIR_PASSES = 8;
/** Smoothing passes at most; each pass visits every client once. */
const MAX_SMOOTH_PASSES = 50;

function badParameter(arg: string, value: unknown, expected: string, index?: number): EngineError {
  return new EngineError("BAD_PARAMETER", { arg, value: String(value), expected }, index);
}

/**
 * The months (0-based, from the client's offset) of `n` contacts spread at regular intervals over `months`:
 * contact k falls in month ⌊k × months / n⌋, so consecutive contacts are ⌊months / n⌋ or ⌈months / n⌉ months apart
 * (4 → 0, 3, 6, 9). For n > months every month gets ⌊n / months⌋ and the n mod months extra contacts follow the
 * same rule. Returned as one count per month.
 */
function pattern(n: number, months: number): Int32Array {
  const p = new Int32Array(months);
  const base = Math.floor(n / months);
  const extra = n - base * months;
  if (base > 0) p.fill(base);
  for (let k = 0; k < extra; k++) p[Math.floor((k * months) / extra)] += 1;
  return p;
}

function checkWeights(weights: readonly number[] | undefined): Float64Array {
  if (weights === undefined) return new Float64Array(CALENDAR_MONTHS).fill(1);
  if (!Array.isArray(weights) || weights.length < 1) {
    throw badParameter("capacités mensuelles", weights, "une capacité par mois, par exemple 12 nombres");
  }
  const w = new Float64Array(weights.length);
  weights.forEach((v, m) => {
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
      throw badParameter(`capacité du mois ${m + 1}`, v, "un nombre strictement positif (1 = mois plein, 0,5 = demi-mois)", m);
    }
    w[m] = v;
  });
  return w;
}

/**
 * Spreads each client's yearly contacts over the months (SPEC §8 "Calendar"), at regular intervals, and levels
 * the months by choosing each client's offset.
 *
 * - Per client: n ≤ months contacts get at most one a month, ⌊months / n⌋ or ⌈months / n⌉ months apart (4 → one
 *   every 3 months); n > months gives every month ⌊n / months⌋ or ⌈n / months⌉.
 * - Offsets: clients in decreasing n, then input order; each takes the offset that minimises the largest
 *   monthly load (`total / weight`) after it is placed; among those, the one whose contacts land on the least
 *   loaded months (smallest Σ load × contacts, i.e. the most even months); then the earliest month. The second
 *   criterion only separates offsets that the SPEC's rule (largest load, then earliest) leaves equal, and keeps
 *   the totals level: with equal weights they differ by at most the largest per-client monthly count + 1.
 * - A client with 0 contacts gets an empty row and offset 0.
 * Inputs are read, never modified; the result is new. Cost: clients × months² operations (100 000 clients: 14 M).
 *
 * @throws EngineError BAD_PARAMETER when a count is not a whole number ≥ 0 (naming the row), or a weight is not
 *   a number > 0.
 * @example levelCalendar([4]).counts // [1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0]
 */
export function levelCalendar(contacts: ArrayLike<number>, options: CalendarOptions = {}): CalendarResult {
  const weights = checkWeights(options.weights);
  const months = weights.length;
  const n = contacts.length;
  for (let i = 0; i < n; i++) {
    const v = contacts[i];
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) {
      throw badParameter(`contacts de la ligne ${i + 1}`, v, "un nombre entier positif ou nul", i);
    }
  }
  const counts = new Int32Array(n * months);
  const offsets = new Int32Array(n);
  const order = decreasingOrder(contacts);

  const load = new Float64Array(months);
  const inverse = new Float64Array(months);
  for (let m = 0; m < months; m++) inverse[m] = 1 / weights[m];
  const patterns = new Map<number, Int32Array>();
  const patternOf = (c: number): Int32Array => {
    let p = patterns.get(c);
    if (!p) patterns.set(c, (p = pattern(c, months)));
    return p;
  };
  /** The best offset for pattern p on the current loads; `keep` wins ties (the repair pass keeps a place). */
  const bestOffset = (p: Int32Array, keep: number): number => {
    let best = -1;
    let bestMax = Infinity;
    let bestSpread = Infinity;
    for (let k = 0; k < months; k++) {
      const o = keep < 0 ? k : (keep + k) % months;
      let max = 0;
      let spread = 0;
      for (let m = 0; m < months; m++) {
        const add = p[(m - o + months) % months];
        const after = (load[m] + add) * inverse[m];
        if (after > max) max = after;
        if (add > 0) spread += load[m] * inverse[m] * add;
      }
      // Loads are sums of whole numbers times 1 / weight: compare with a relative tolerance for float noise.
      const eps = 1e-9 * Math.max(1, max);
      if (max < bestMax - eps || (max <= bestMax + eps && spread < bestSpread - 1e-9 * Math.max(1, spread))) {
        best = o;
        bestMax = max;
        bestSpread = spread;
      }
    }
    return best;
  };
  const place = (i: number, p: Int32Array, o: number, sign: 1 | -1): void => {
    offsets[i] = o;
    for (let m = 0; m < months; m++) load[m] += sign * p[(m - o + months) % months];
  };

  let placed = 0;
  for (const i of order) {
    const c = contacts[i];
    if (c === 0) break;
    const p = patternOf(c);
    place(i, p, bestOffset(p, -1), 1);
    placed++;
  }
  // Repair: a client placed early cannot see the clients after it, so a few shapes (9, 9, 6, 4) end uneven. Each
  // client in turn is lifted and put back at its best offset, kept unless another one is strictly better (lower
  // largest load, or the same with its contacts on less loaded months, i.e. a smaller sum of squared loads).
  // Every move lowers that sum, so the passes end; they stop at the first pass without a move.
  for (let pass = 0; pass < MAX_REPAIR_PASSES; pass++) {
    let moved = false;
    for (let k = 0; k < placed; k++) {
      const i = order[k];
      const p = patternOf(contacts[i]);
      const from = offsets[i];
      place(i, p, from, -1);
      const to = bestOffset(p, from);
      place(i, p, to, 1);
      if (to !== from) moved = true;
    }
    if (!moved) break;
  }
  for (let k = 0; k < placed; k++) {
    const i = order[k];
    const p = patternOf(contacts[i]);
    const o = offsets[i];
    const row = i * months;
    for (let m = 0; m < months; m++) counts[row + m] = p[(m - o + months) % months];
  }
  smooth(contacts, order.slice(0, placed), counts, load, inverse);
  return { months, clients: n, counts, offsets };
}

/**
 * Moves single contacts from a loaded month to a lighter one while that lowers the larger of the two loads, and
 * the client's row keeps the rules: a client with n ≤ months moves one contact to the next or previous month,
 * if that month is free and the two gaps it changes stay within one month of months / n; a client with n >
 * months moves an extra contact to any month holding only ⌊n / months⌋. Regular offsets alone cannot always
 * level the months (9, 9, 6 and 4 contacts leave a month at 1 and another at 4); these moves do. Each move
 * lowers the sorted vector of loads, so the loop ends.
 */
function smooth(contacts: ArrayLike<number>, order: readonly number[], counts: Int32Array, load: Float64Array, inverse: Float64Array): void {
  const months = load.length;
  const better = (a: number, b: number): boolean => {
    const la = load[a] * inverse[a];
    const lb = load[b] * inverse[b];
    return la > lb && Math.max((load[a] - 1) * inverse[a], (load[b] + 1) * inverse[b]) < la - 1e-9 * Math.max(1, la);
  };
  const move = (row: number, a: number, b: number): void => {
    counts[row + a]--;
    counts[row + b]++;
    load[a]--;
    load[b]++;
  };
  for (let pass = 0; pass < MAX_SMOOTH_PASSES; pass++) {
    let moved = false;
    for (const i of order) {
      const n = contacts[i];
      const row = i * months;
      if (n > months) {
        const base = Math.floor(n / months);
        for (let a = 0; a < months; a++) {
          if (counts[row + a] === base) continue;
          for (let b = 0; b < months; b++) {
            if (counts[row + b] === base && better(a, b)) {
              move(row, a, b);
              moved = true;
              break;
            }
          }
        }
        continue;
      }
      const ideal = months / n;
      const fits = (g: number): boolean => g >= 1 && Math.abs(g - ideal) <= 1 + 1e-9;
      for (let a = 0; a < months; a++) {
        if (counts[row + a] === 0) continue;
        for (const step of [1, months - 1]) {
          const b = (a + step) % months;
          if (counts[row + b] !== 0 || !better(a, b)) continue;
          // Gaps before and after month a (a single contact wraps round to itself: one gap of `months`).
          let before = 1;
          while (counts[row + ((a - before + months) % months)] === 0) before++;
          let after = 1;
          while (counts[row + ((a + after) % months)] === 0) after++;
          const d = step === 1 ? 1 : -1;
          if (n > 1 && !(fits(before + d) && fits(after - d))) continue;
          move(row, a, b);
          moved = true;
          break;
        }
      }
    }
    if (!moved) break;
  }
}

/**
 * Indices by decreasing count, ties in input order: a counting sort (one pass per distinct count up to the
 * largest), since counts are small whole numbers; a comparison sort when the largest is huge.
 */
function decreasingOrder(contacts: ArrayLike<number>): number[] {
  const n = contacts.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (contacts[i] > max) max = contacts[i];
  if (max > 4 * n + 1024) {
    const order = Array.from({ length: n }, (_, i) => i);
    return order.sort((a, b) => contacts[b] - contacts[a] || a - b);
  }
  const start = new Int32Array(max + 2);
  for (let i = 0; i < n; i++) start[max - contacts[i] + 1]++;
  for (let k = 1; k <= max + 1; k++) start[k] += start[k - 1];
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[start[max - contacts[i]]++] = i;
  return order;
}

/** The row of client `i` as a plain array (January first). */
export function calendarRow(calendar: CalendarResult, i: number): number[] {
  const start = i * calendar.months;
  return Array.from(calendar.counts.subarray(start, start + calendar.months));
}

export interface CalendarTotals {
  /** Contacts per month, all clients. */
  readonly months: Int32Array;
  /** `byGroup[g × months + m]`: contacts of the clients of group g in month m; group-major. */
  readonly byGroup: Int32Array;
  readonly groups: number;
}

/**
 * Sums a calendar per month, and per month within each group (target class, ABC class…): the Planning table is
 * this sum, so it always agrees with the per-client calendar. `group[i]` is client i's group, 0 ≤ group < groups;
 * a negative group leaves the client out of `byGroup` (still counted in `months`).
 *
 * @throws EngineError BAD_PARAMETER when `group` has the wrong length or a group is not a whole number < groups.
 * @example calendarTotals(levelCalendar([4, 2]), [0, 1], 2).byGroup // class 0: 1,0,0,1,…; class 1: …
 */
export function calendarTotals(calendar: CalendarResult, group?: ArrayLike<number>, groups = 0): CalendarTotals {
  const { months, clients, counts } = calendar;
  if (group !== undefined && group.length !== clients) {
    throw badParameter("groupes", group.length, `un groupe par client (${clients})`);
  }
  if (!Number.isSafeInteger(groups) || groups < 0) throw badParameter("nombre de groupes", groups, "un nombre entier positif ou nul");
  const total = new Int32Array(months);
  const byGroup = new Int32Array(groups * months);
  for (let i = 0; i < clients; i++) {
    const g = group === undefined ? -1 : group[i];
    if (group !== undefined && (!Number.isInteger(g) || g >= groups)) {
      throw badParameter(`groupe de la ligne ${i + 1}`, g, `un entier de 0 à ${groups - 1} (ou négatif pour aucun)`, i);
    }
    const row = i * months;
    for (let m = 0; m < months; m++) {
      const v = counts[row + m];
      total[m] += v;
      if (g >= 0) byGroup[g * months + m] += v;
    }
  }
  return { months: total, byGroup, groups };
}
