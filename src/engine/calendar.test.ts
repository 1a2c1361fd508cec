import fc from "fast-check";
import { calendarRow, calendarTotals, levelCalendar } from "./calendar";
import { thrownEngineError as thrown } from "../../test/support/engineError";

/** Months (1-based) in which a row has at least one contact. */
function monthsOf(row: readonly number[]): number[] {
  return row.flatMap((v, m) => (v > 0 ? [m + 1] : []));
}

function rows(contacts: number[], weights?: number[]): number[][] {
  const cal = levelCalendar(contacts, weights ? { weights } : {});
  return contacts.map((_, i) => calendarRow(cal, i));
}

describe("levelCalendar", () => {
  const cases: { name: string; contacts: number[]; weights?: number[]; expected: number[][] | string }[] = [
    { name: "empty input gives an empty calendar", contacts: [], expected: [] },
    { name: "one client with 4 contacts: one every 3 months, from January", contacts: [4], expected: [[1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0]] },
    { name: "zero contacts: an empty row", contacts: [0], expected: [new Array<number>(12).fill(0)] },
    { name: "n = 12: one a month", contacts: [12], expected: [new Array<number>(12).fill(1)] },
    { name: "n = 13: one a month, two in January", contacts: [13], expected: [[2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]] },
    { name: "n = 24: two a month", contacts: [24], expected: [new Array<number>(12).fill(2)] },
    { name: "n = 1: January", contacts: [1], expected: [[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]] },
    { name: "n = 5: gaps of 2 or 3 months", contacts: [5], expected: [[1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0]] },
    {
      // Client 1 (4 contacts) takes January (months 1, 4, 7, 10); client 2 (4): February is the first offset that
      // keeps every month at 1; client 3 (4): March. Client 4 (1): every month holds 1, any offset gives a largest
      // total of 2 on equally loaded months, so the earliest, January.
      name: "four clients level the months: 4 contacts each start in January, February, March",
      contacts: [4, 4, 4, 1],
      expected: [
        [1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0],
        [0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0],
        [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1],
        [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ],
    },
    {
      name: "larger clients are placed first, whatever the input order",
      contacts: [1, 6],
      expected: [
        [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0],
      ],
    },
    {
      // August at half capacity: one contact there weighs 1 / 0.5 = 2, so the first 11 one-contact clients fill
      // the 11 full months (largest load 1). The 12th finds a largest load of 2 wherever it goes; August (load 0)
      // is the least loaded month, so it goes there rather than to a January that already holds one.
      name: "a half-capacity August is the last month filled",
      contacts: new Array<number>(12).fill(1),
      weights: [1, 1, 1, 1, 1, 1, 1, 0.5, 1, 1, 1, 1],
      expected: Array.from({ length: 12 }, (_, i) => {
        const row = new Array<number>(12).fill(0);
        row[i < 7 ? i : i < 11 ? i + 1 : 7] = 1;
        return row;
      }),
    },
    { name: "a negative count", contacts: [3, -1], expected: "BAD_PARAMETER" },
    { name: "a fractional count", contacts: [2.5], expected: "BAD_PARAMETER" },
    { name: "a blank (NaN) count", contacts: [NaN], expected: "BAD_PARAMETER" },
    { name: "a text count", contacts: ["4" as unknown as number], expected: "BAD_PARAMETER" },
    { name: "a zero weight", contacts: [1], weights: [1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1], expected: "BAD_PARAMETER" },
    { name: "no weight at all", contacts: [1], weights: [], expected: "BAD_PARAMETER" },
  ];
  it.each(cases)("levelCalendar(contacts): $name", ({ contacts, weights, expected }) => {
    if (typeof expected === "string") {
      expect(thrown(() => levelCalendar(contacts, weights ? { weights } : {})).code).toBe(expected);
      return;
    }
    expect(rows(contacts, weights)).toEqual(expected);
  });

  it("levelCalendar(4 contacts) visits months 1, 4, 7, 10 or the same pattern shifted", () => {
    // After two clients of 12 every offset is equal: only the gaps matter, 3 months each, wrapping round.
    const r = rows([12, 12, 4]);
    const m = monthsOf(r[2]);
    expect(m).toHaveLength(4);
    expect(m.map((x, k) => (k === 0 ? m[0] + 12 - m[3] : x - m[k - 1]))).toEqual([3, 3, 3, 3]);
  });

  it.each([[[6, 8, 5]], [[9, 9, 6, 4]]])("levelCalendar(%j): regular offsets alone leave a month 3 above another; the moves level them (regression)", (contacts) => {
    // 8 and 6 contacts at any offsets leave two empty months 6 apart, which a 5-contact pattern (gaps 2, 2, 3, 2, 3)
    // cannot both reach: found by the levelling property.
    const totals = Array.from(calendarTotals(levelCalendar(contacts)).months);
    expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(2);
  });

  it("levelCalendar names the row of a bad count", () => {
    const e = thrown(() => levelCalendar([1, 2, -3]));
    expect(e.index).toBe(2);
    expect(e.message).toBe("contacts de la ligne 3 invalide (« -3 ») : un nombre entier positif ou nul.");
  });

  it("levelCalendar does not modify its input", () => {
    const input = Object.freeze([5, 3, 0, 14]);
    levelCalendar(input);
    expect(input).toEqual([5, 3, 0, 14]);
  });

  const contactsArb = fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 80 });

  it("levelCalendar: each client's months add up to its contacts (property)", () => {
    fc.assert(
      fc.property(contactsArb, (contacts) => {
        const cal = levelCalendar(contacts);
        return contacts.every((n, i) => calendarRow(cal, i).reduce((a, b) => a + b, 0) === n);
      }),
      { numRuns: 500 },
    );
  });

  it("levelCalendar: n ≤ 12 gives at most one a month, gaps within one month of 12 / n; n > 12 gives ⌊n/12⌋ or ⌈n/12⌉ (property)", () => {
    fc.assert(
      fc.property(contactsArb, (contacts) => {
        const cal = levelCalendar(contacts);
        return contacts.every((n, i) => {
          const row = calendarRow(cal, i);
          if (n === 0) return row.every((v) => v === 0);
          if (n > 12) return row.every((v) => v === Math.floor(n / 12) || v === Math.ceil(n / 12));
          if (!row.every((v) => v === 0 || v === 1)) return false;
          const m = monthsOf(row);
          // Gaps between consecutive contacts, the last one wrapping round to next year's first.
          const gaps = m.map((x, k) => (k === m.length - 1 ? m[0] + 12 - x : m[k + 1] - x));
          return gaps.every((g) => g >= 1 && Math.abs(g - 12 / n) <= 1);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("levelCalendar: the monthly totals differ by at most the largest per-client monthly count + 1 (property)", () => {
    fc.assert(
      fc.property(contactsArb, (contacts) => {
        const cal = levelCalendar(contacts);
        const totals = Array.from(calendarTotals(cal).months);
        const perClientMax = cal.counts.reduce((a, b) => Math.max(a, b), 0);
        return Math.max(...totals) - Math.min(...totals) <= perClientMax + 1;
      }),
      { numRuns: 1000 },
    );
  });

  it("levelCalendar: permuting the input rows leaves the monthly totals unchanged (property)", () => {
    fc.assert(
      fc.property(contactsArb, fc.infiniteStream(fc.nat()), (contacts, stream) => {
        const perm = contacts.map((_, i) => i);
        const it = stream[Symbol.iterator]();
        for (let i = perm.length - 1; i > 0; i--) {
          const k = it.next().value % (i + 1);
          [perm[i], perm[k]] = [perm[k], perm[i]];
        }
        const a = calendarTotals(levelCalendar(contacts)).months;
        const b = calendarTotals(levelCalendar(perm.map((p) => contacts[p]))).months;
        return a.every((v, m) => v === b[m]);
      }),
      { numRuns: 500 },
    );
  });
});

describe("calendarTotals", () => {
  it("calendarTotals(calendar, classes) sums per month and per class", () => {
    const cal = levelCalendar([4, 12, 1]);
    const t = calendarTotals(cal, [0, 1, 0], 2);
    expect(Array.from(t.months).reduce((a, b) => a + b, 0)).toBe(17);
    expect(Array.from(t.byGroup.subarray(12, 24))).toEqual(new Array<number>(12).fill(1));
    expect(Array.from(t.byGroup.subarray(0, 12)).reduce((a, b) => a + b, 0)).toBe(5);
  });

  const cases: { name: string; contacts: number[]; group?: number[]; groups?: number; expected: number[] | string }[] = [
    { name: "empty calendar", contacts: [], expected: new Array<number>(12).fill(0) },
    { name: "no group: only the months", contacts: [12, 12], expected: new Array<number>(12).fill(2) },
    { name: "a negative group is left out of the groups", contacts: [12], group: [-1], groups: 1, expected: new Array<number>(12).fill(1) },
    { name: "a group out of range", contacts: [12], group: [1], groups: 1, expected: "BAD_PARAMETER" },
    { name: "groups of the wrong length", contacts: [12, 1], group: [0], groups: 1, expected: "BAD_PARAMETER" },
  ];
  it.each(cases)("calendarTotals(calendar, group): $name", ({ contacts, group, groups, expected }) => {
    const cal = levelCalendar(contacts);
    if (typeof expected === "string") {
      expect(thrown(() => calendarTotals(cal, group, groups)).code).toBe(expected);
      return;
    }
    const t = calendarTotals(cal, group, groups);
    expect(Array.from(t.months)).toEqual(expected);
    if (group && groups) expect(Array.from(t.byGroup.subarray(0, 12)).every((v) => v === 0)).toBe(true);
  });
});
