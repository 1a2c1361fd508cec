import fc from "fast-check";
import { explain, label } from "../i18n";
import { EngineError } from "./errors";
import { rfmScores, rfmSegment, RFM_SEGMENTS, type RfmInput, type RfmOptions } from "./rfm";

/*
 * SPEC §1 worked check (R = 5, F = 4, M = 3 → "543", sum 12, Champions), 5 clients, k = 5, so n − 1 = 4 and
 * p = 0, 1/4, 2/4, 3/4, 1 give scores 1 + floor(p × 5) = 1, 2, 3, 4, 5 (capped at 5):
 *   criterion  client 1   the others               count    p      score
 *   recency    3 days     40, 90, 200, 400         4 above  4/4    5
 *   frequency  9          12, 4, 2, 1              3 below  3/4    4
 *   monetary   500        900, 700, 100, 50        2 below  2/4    3
 */
const worked: RfmInput = Object.freeze({
  recency: Object.freeze([3, 40, 90, 200, 400]),
  frequency: Object.freeze([9, 12, 4, 2, 1]),
  monetary: Object.freeze([500, 900, 700, 100, 50]),
});

/** SPEC §1 segment table as printed there, R = 5 down to R = 1, F = 1 to 5. */
const SPEC_SEGMENTS = [
  ["Nouveaux clients", "Fidèles potentiels", "Fidèles potentiels", "Champions", "Champions"],
  ["Prometteurs", "Fidèles potentiels", "Fidèles potentiels", "Clients fidèles", "Clients fidèles"],
  ["Sur le point de s'endormir", "Sur le point de s'endormir", "À surveiller", "Clients fidèles", "Clients fidèles"],
  ["Hibernants", "Hibernants", "À risque", "À risque", "À ne pas perdre"],
  ["Hibernants", "Hibernants", "À risque", "À risque", "À ne pas perdre"],
] as const;

const same = (values: number[]): RfmInput => ({ recency: values, frequency: values, monetary: values });

describe("rfmScores", () => {
  it("rfmScores(worked check) gives R = 5, F = 4, M = 3, code 543, sum 12, Champions", () => {
    const [first] = rfmScores(worked);
    expect(first).toMatchObject({ r: 5, f: 4, m: 3, code: "543", sum: 12, segment: "champions" });
    expect(explain(first.why.segment!)).toBe("R = 5 et F = 4 : segment « Champions ».");
    // F: p = 3/4 is in [60 % ; 80 %[, the interval of score 4; R: p = 1 ≥ 80 %, the top score.
    expect(explain(first.why.f)).toBe("F = 4/5 : entre 60\u202f% (inclus) et 80\u202f% (exclu) des autres clients font moins bien.");
    expect(explain(first.why.r, "en")).toBe("R = 5/5: at least 80% of the other clients do worse.");
  });

  const cases: { name: string; input: RfmInput; options?: RfmOptions; r: number[]; f: number[]; m: number[] }[] = [
    { name: "one value scores k (p = 1)", input: same([42]), r: [5], f: [5], m: [5] },
    { name: "one value with k = 3 scores 3", input: same([42]), options: { classes: 3 }, r: [3], f: [3], m: [3] },
    { name: "all equal all score 1 (nobody does worse)", input: same([7, 7, 7, 7]), r: [1, 1, 1, 1], f: [1, 1, 1, 1], m: [1, 1, 1, 1] },
    {
      // n − 1 = 5: counts below 0, 1, 1, 3, 4, 5 → p × 5 = 0, 1, 1, 3, 4, 5 → 1, 2, 2, 4, 5, 5 (cap).
      // The second 2 would be p = 2/5 (score 3) by position: equal values take the lower count.
      name: "a tie on a class boundary gives both clients the same score",
      input: { recency: [1, 1, 1, 1, 1, 1], frequency: [1, 2, 2, 3, 4, 5], monetary: [1, 2, 2, 3, 4, 5] },
      r: [1, 1, 1, 1, 1, 1],
      f: [1, 2, 2, 4, 5, 5],
      m: [1, 2, 2, 4, 5, 5],
    },
    {
      // recency counts the clients with MORE days: 10 → 1 (30) → p 1/3 → 1 + floor(1.67) = 2; 5 → 2 → p 2/3 → 4; 30 → 0 → 1.
      name: "recency is reversed (fewer days, higher score)",
      input: { recency: [10, 5, 5, 30], frequency: [10, 5, 5, 30], monetary: [10, 5, 5, 30] },
      r: [2, 4, 4, 1],
      f: [4, 1, 1, 5],
      m: [4, 1, 1, 5],
    },
    {
      // counts below 0, 1, 2 of 2 → p = 0, 0.5, 1 → 1, 3, 5: a negative amount (returns) is simply the lowest.
      name: "a negative monetary scores lowest",
      input: { recency: [0, 1, 2], frequency: [1, 2, 3], monetary: [-50, 0, 100] },
      r: [5, 3, 1],
      f: [1, 3, 5],
      m: [1, 3, 5],
    },
    {
      // 0 and −0 are one value.
      name: "zero and minus zero are equal",
      input: { recency: [0, -0, 1], frequency: [0, -0, 1], monetary: [-0, 0, 1] },
      r: [3, 3, 1],
      f: [1, 1, 5],
      m: [1, 1, 5],
    },
    {
      // k = 3, n − 1 = 4: p = 0, 1/4, 2/4, 3/4, 1 → 1 + floor(0, 0.75, 1.5, 2.25, 3) = 1, 1, 2, 3, 3 (cap).
      name: "k = 3 classes",
      input: same([10, 20, 30, 40, 50]),
      options: { classes: 3 },
      r: [3, 3, 2, 1, 1],
      f: [1, 1, 2, 3, 3],
      m: [1, 1, 2, 3, 3],
    },
    {
      // Grid [30, 90, 180] (k = 4): recency = 4 − count(b ≤ x); frequency grid [2, 5]: 1 + count(b ≤ x).
      // A value equal to a break point has reached it.
      name: "grid mode per criterion, a value on a break point counts it",
      input: { recency: [0, 30, 100, 365], frequency: [1, 2, 5, 9], monetary: [10, 20, 30, 40] },
      options: { grids: { recency: [30, 90, 180], frequency: [2, 5] } },
      r: [4, 3, 2, 1],
      f: [1, 2, 3, 3],
      m: [1, 2, 4, 5],
    },
  ];
  it.each(cases)("rfmScores(input): $name", ({ input, options, r, f, m }) => {
    const res = rfmScores(input, options);
    expect(res.map((x) => x.r)).toEqual(r);
    expect(res.map((x) => x.f)).toEqual(f);
    expect(res.map((x) => x.m)).toEqual(m);
    expect(res.map((x) => x.code)).toEqual(r.map((_, i) => `${r[i]}${f[i]}${m[i]}`));
    expect(res.map((x) => x.sum)).toEqual(r.map((_, i) => r[i] + f[i] + m[i]));
  });

  const segmentCells = SPEC_SEGMENTS.flatMap((row, line) =>
    row.map((text, col) => ({ r: 5 - line, f: col + 1, text })),
  );
  it.each(segmentCells)("rfmScores(R = $r, F = $f) has segment « $text » (SPEC §1 table)", ({ r, f, text }) => {
    // Grids [1, 2, 3, 4]: recency 5 − r days scores r, frequency f − 1 scores f.
    const [res] = rfmScores(
      { recency: [5 - r], frequency: [f - 1], monetary: [0] },
      { grids: { recency: [1, 2, 3, 4], frequency: [1, 2, 3, 4] } },
    );
    expect([res.r, res.f]).toEqual([r, f]);
    expect(res.segment).toBe(rfmSegment(r, f));
    expect(label(`rfm.segment.${res.segment!}`)).toBe(text);
    expect(explain(res.why.segment!)).toBe(`R = ${r} et F = ${f} : segment « ${text} ».`);
  });

  it("rfmSegment(r, f) covers every segment and rejects scores outside 1..5", () => {
    const seen = new Set(segmentCells.map(({ r, f }) => rfmSegment(r, f)));
    expect([...seen].sort()).toEqual([...RFM_SEGMENTS].sort());
    expect(() => rfmSegment(0, 3)).toThrow(EngineError);
    expect(() => rfmSegment(3, 6)).toThrow(EngineError);
    expect(() => rfmSegment(2.5, 3)).toThrow(EngineError);
  });

  it("rfmScores(input, { classes: 4 }) has no segment (segments need k = 5 for R and F)", () => {
    const res = rfmScores(worked, { classes: 4 });
    expect(res.every((x) => x.segment === undefined && x.why.segment === undefined)).toBe(true);
    const grid = rfmScores(worked, { grids: { recency: [10, 50, 100] } });
    expect(grid.every((x) => x.segment === undefined)).toBe(true);
  });

  it("rfmScores(input, { weights }) weights the sum", () => {
    const [first] = rfmScores(worked, { weights: [2, 1, 0.5] });
    expect(first.sum).toBe(2 * 5 + 4 + 0.5 * 3);
    expect(first.code).toBe("543");
  });

  it("rfmScores(input, { classes: 10 }) separates the scores in the code, since 10 is two digits", () => {
    const input = same([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const res = rfmScores(input, { classes: 10 });
    expect(res[10]).toMatchObject({ r: 1, f: 10, m: 10, code: "1-10-10", sum: 21 });
    expect(res[0].code).toBe("10-1-1");
  });

  it("rfmScores explains grid and single-client scores in French", () => {
    const [g, h] = rfmScores(
      { recency: [45, 10], frequency: [6, 1], monetary: [0, 0] },
      { grids: { recency: [30, 90, 180], frequency: [2, 5], monetary: [1] } },
    );
    expect(explain(g.why.r)).toBe("R = 3/4 : valeur d'au moins 30 et de moins de 90 sur la grille.");
    expect(explain(g.why.f)).toBe("F = 3/3 : valeur d'au moins 5, la dernière borne de la grille.");
    expect(explain(h.why.r)).toBe("R = 4/4 : valeur de moins de 30, sous la première borne de la grille.");
    expect(explain(h.why.f, "en")).toBe("F = 1/3: value under 2, below the first break point of the grid.");
    const [single] = rfmScores(same([12]));
    expect(explain(single.why.m)).toBe("M = 5/5 : seul client de la liste.");
  });

  it("rfmScores gives clients with the same scores the same why object", () => {
    const res = rfmScores({ recency: [1, 2, 1, 9], frequency: [5, 5, 5, 1], monetary: [10, 20, 10, 0] });
    expect(res[0].why).toBe(res[2].why);
    expect(res[0].why.f).toBe(res[1].why.f);
    expect(res[0].why).not.toBe(res[1].why);
  });

  const errors: { name: string; input: RfmInput; options?: RfmOptions; code: string; message?: string }[] = [
    { name: "empty input", input: same([]), code: "EMPTY_INPUT", message: "Aucun client : la liste « récence » est vide." },
    {
      name: "a blank (NaN) cell",
      input: { recency: [1, 2, 3], frequency: [1, NaN, 3], monetary: [1, 2, 3] },
      code: "NOT_FINITE",
      message: "fréquence, ligne 2 : « NaN » n'est pas un nombre.",
    },
    {
      name: "text that slipped through",
      input: { recency: [1, 2], frequency: [1, 2], monetary: [1, "12 €" as unknown as number] },
      code: "NOT_FINITE",
      message: "montant, ligne 2 : « 12 € » n'est pas un nombre.",
    },
    { name: "an infinite value", input: { recency: [Infinity, 1], frequency: [1, 2], monetary: [1, 2] }, code: "NOT_FINITE" },
    { name: "undefined (a hole)", input: { recency: [1, undefined as unknown as number], frequency: [1, 2], monetary: [1, 2] }, code: "NOT_FINITE" },
    {
      name: "lists of different sizes",
      input: { recency: [1, 2, 3], frequency: [1, 2], monetary: [1, 2, 3] },
      code: "LENGTH_MISMATCH",
      message: "Les plages « récence » (3 valeurs) et « fréquence » (2 valeurs) n'ont pas la même taille.",
    },
    { name: "1 class", input: same([1, 2]), options: { classes: 1 }, code: "BAD_CLASSES" },
    { name: "11 classes", input: same([1, 2]), options: { classes: 11 }, code: "BAD_CLASSES" },
    { name: "2.5 classes", input: same([1, 2]), options: { classes: 2.5 }, code: "BAD_CLASSES" },
    { name: "NaN classes", input: same([1, 2]), options: { classes: NaN }, code: "BAD_CLASSES" },
    { name: "a grid not ascending", input: same([1, 2]), options: { grids: { frequency: [5, 2] } }, code: "BAD_GRID" },
    { name: "a grid with a repeated break", input: same([1, 2]), options: { grids: { monetary: [2, 2] } }, code: "BAD_GRID" },
    { name: "an empty grid", input: same([1, 2]), options: { grids: { recency: [] } }, code: "BAD_GRID" },
    { name: "a grid of 10 breaks (11 classes)", input: same([1, 2]), options: { grids: { recency: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] } }, code: "BAD_GRID" },
    { name: "a grid with a blank break", input: same([1, 2]), options: { grids: { recency: [1, NaN] } }, code: "BAD_GRID" },
    { name: "a negative weight", input: same([1, 2]), options: { weights: [1, -1, 1] }, code: "BAD_WEIGHTS" },
    { name: "all weights zero", input: same([1, 2]), options: { weights: [0, 0, 0] }, code: "BAD_WEIGHTS" },
    { name: "two weights", input: same([1, 2]), options: { weights: [1, 1] as unknown as [number, number, number] }, code: "BAD_WEIGHTS" },
  ];
  it.each(errors)("rfmScores(input) throws EngineError on $name", ({ input, options, code, message }) => {
    let caught: unknown;
    try {
      rfmScores(input, options);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(EngineError);
    expect((caught as EngineError).code).toBe(code);
    if (message) expect((caught as EngineError).message).toBe(message);
  });

  it("rfmScores does not modify its input", () => {
    const input = { recency: Object.freeze([3, 1, 2]), frequency: Object.freeze([1, 1, 2]), monetary: Object.freeze([5, -1, 0]) };
    rfmScores(input);
    expect(input).toEqual({ recency: [3, 1, 2], frequency: [1, 1, 2], monetary: [5, -1, 0] });
  });

  const valuesArb = (n: number) => fc.array(fc.integer({ min: -20, max: 20 }), { minLength: n, maxLength: n });
  const inputArb = fc
    .integer({ min: 1, max: 40 })
    .chain((n) => fc.record({ recency: valuesArb(n), frequency: valuesArb(n), monetary: valuesArb(n) }));
  const classesArb = fc.integer({ min: 2, max: 10 });

  /** SPEC §1 formula, computed the slow way. */
  const oracle = (values: readonly number[], lowerIsBetter: boolean, k: number): number[] =>
    values.map((x) => {
      const n = values.length;
      const count = values.filter((v) => (lowerIsBetter ? v > x : v < x)).length;
      const p = n === 1 ? 1 : count / (n - 1);
      return Math.min(k, 1 + Math.floor(p * k + 1e-9));
    });

  it("rfmScores: scores stay in 1..k and match the SPEC formula (property)", () => {
    fc.assert(
      fc.property(inputArb, classesArb, (input, k) => {
        const res = rfmScores(input, { classes: k });
        const r = oracle(input.recency, true, k);
        const f = oracle(input.frequency, false, k);
        const m = oracle(input.monetary, false, k);
        return res.every(
          (x, i) =>
            [x.r, x.f, x.m].every((s) => Number.isInteger(s) && s >= 1 && s <= k) &&
            x.r === r[i] &&
            x.f === f[i] &&
            x.m === m[i] &&
            x.sum === x.r + x.f + x.m,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("rfmScores: grid scores stay in 1..k and never go down as the value improves (property)", () => {
    const gridArb = fc.uniqueArray(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 9 }).map((g) => g.sort((a, b) => a - b));
    fc.assert(
      fc.property(inputArb, gridArb, (input, grid) => {
        const k = grid.length + 1;
        const res = rfmScores(input, { grids: { recency: grid, frequency: grid, monetary: grid } });
        for (let i = 0; i < res.length; i++) {
          if (![res[i].r, res[i].f, res[i].m].every((s) => s >= 1 && s <= k)) return false;
          for (let j = 0; j < res.length; j++) {
            if (input.frequency[i] < input.frequency[j] && res[i].f > res[j].f) return false;
            if (input.recency[i] < input.recency[j] && res[i].r < res[j].r) return false;
          }
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });

  it("rfmScores: equal inputs give equal outputs (property)", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const res = rfmScores(input);
        for (let i = 0; i < res.length; i++) {
          for (let j = 0; j < res.length; j++) {
            const equal = input.recency[i] === input.recency[j] && input.frequency[i] === input.frequency[j] && input.monetary[i] === input.monetary[j];
            if (equal && JSON.stringify(res[i]) !== JSON.stringify(res[j])) return false;
          }
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });

  it("rfmScores: permuting the clients permutes the results (property)", () => {
    fc.assert(
      fc.property(
        inputArb.chain((input) => fc.tuple(fc.constant(input), fc.shuffledSubarray(input.recency.map((_, i) => i), { minLength: input.recency.length }))),
        ([input, perm]) => {
          const res = rfmScores(input);
          const pick = (values: number[]) => perm.map((p) => values[p]);
          const shuffled = rfmScores({ recency: pick(input.recency), frequency: pick(input.frequency), monetary: pick(input.monetary) });
          return perm.every((p, i) => JSON.stringify(shuffled[i]) === JSON.stringify(res[p]));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
