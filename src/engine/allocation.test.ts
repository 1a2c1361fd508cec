import fc from "fast-check";
import { explain } from "../i18n";
import {
  allocateContacts,
  contactCapital,
  contactNeed,
  monthlySpread,
  repsNeeded,
  type AllocationClient,
  type AllocationInput,
  type AllocationResult,
  type ContactCapitalInput,
  type NeedSegment,
} from "./allocation";
import { thrownEngineError as thrown } from "../../test/support/engineError";


/** A sentence with its French non-breaking spaces as plain spaces, to compare with readable literals. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, " ");

describe("contactCapital, contactNeed, repsNeeded", () => {
  it("SPEC §8 oracle: (52 − 5 − 1 − 1) weeks × 4 days × 3 visits = 540; need 2 594 → 4.8 → 5 reps", () => {
    const capital = contactCapital({ weeks: 52 - 5 - 1 - 1, daysPerWeek: 4, contactsPerDay: 3 });
    expect(capital).toBe(540);
    const need = contactNeed([
      { clients: 492, norm: 4 },
      { clients: 198, norm: 2 },
      { clients: 230, norm: 1 },
    ]);
    expect(need).toBe(2594);
    expect(need / capital).toBeCloseTo(4.8, 1);
    expect(repsNeeded(need, capital)).toBe(5);
  });

  const capitalCases: { name: string; input: ContactCapitalInput; expected: number | string }[] = [
    { name: "zero weeks", input: { weeks: 0, daysPerWeek: 4, contactsPerDay: 3 }, expected: 0 },
    { name: "fractional contacts per day, rounded down", input: { weeks: 45, daysPerWeek: 4, contactsPerDay: 2.7 }, expected: 486 },
    { name: "half a contact is not a contact", input: { weeks: 1, daysPerWeek: 1, contactsPerDay: 2.5 }, expected: 2 },
    { name: "a negative value", input: { weeks: 45, daysPerWeek: -4, contactsPerDay: 3 }, expected: "BAD_PARAMETER" },
    { name: "a blank (NaN) value", input: { weeks: NaN, daysPerWeek: 4, contactsPerDay: 3 }, expected: "BAD_PARAMETER" },
    { name: "text", input: { weeks: 45, daysPerWeek: 4, contactsPerDay: "3" as unknown as number }, expected: "BAD_PARAMETER" },
    { name: "more than 53 weeks", input: { weeks: 540, daysPerWeek: 4, contactsPerDay: 3 }, expected: "BAD_PARAMETER" },
    { name: "more than 7 days a week", input: { weeks: 45, daysPerWeek: 8, contactsPerDay: 3 }, expected: "BAD_PARAMETER" },
  ];
  it.each(capitalCases)("contactCapital(input): $name", ({ input, expected }) => {
    if (typeof expected === "string") expect(thrown(() => contactCapital(input)).code).toBe(expected);
    else expect(contactCapital(input)).toBe(expected);
  });

  const needCases: { name: string; segments: NeedSegment[]; expected: number | string }[] = [
    { name: "empty input", segments: [], expected: "EMPTY_INPUT" },
    { name: "one segment", segments: [{ clients: 10, norm: 12 }], expected: 120 },
    { name: "a fractional norm (one visit every two years)", segments: [{ clients: 30, norm: 0.5 }], expected: 15 },
    { name: "a negative norm", segments: [{ clients: 3, norm: -1 }], expected: "BAD_NORMS" },
    { name: "a blank (NaN) norm", segments: [{ clients: 3, norm: NaN }], expected: "BAD_NORMS" },
    { name: "a fractional number of clients", segments: [{ clients: 2.5, norm: 4 }], expected: "BAD_PARAMETER" },
  ];
  it.each(needCases)("contactNeed(segments): $name", ({ segments, expected }) => {
    if (typeof expected === "string") expect(thrown(() => contactNeed(segments)).code).toBe(expected);
    else expect(contactNeed(segments)).toBe(expected);
  });

  const repsCases: { name: string; need: number; capital: number; expected: number | string }[] = [
    { name: "an exact multiple is not rounded up", need: 1080, capital: 540, expected: 2 },
    { name: "one contact over needs one more rep", need: 1081, capital: 540, expected: 3 },
    { name: "no need, no rep", need: 0, capital: 540, expected: 0 },
    { name: "zero capital", need: 10, capital: 0, expected: "BAD_PARAMETER" },
    { name: "a negative need", need: -1, capital: 540, expected: "BAD_PARAMETER" },
  ];
  it.each(repsCases)("repsNeeded(need, capital): $name", ({ need, capital, expected }) => {
    if (typeof expected === "string") expect(thrown(() => repsNeeded(need, capital)).code).toBe(expected);
    else expect(repsNeeded(need, capital)).toBe(expected);
  });
});

describe("monthlySpread", () => {
  const cases: { name: string; total: number; months?: number; expected: number[] | string }[] = [
    { name: "remainder in the first months", total: 14, expected: [2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] },
    { name: "zero", total: 0, months: 3, expected: [0, 0, 0] },
    { name: "all equal", total: 24, expected: new Array<number>(12).fill(2) },
    { name: "fewer contacts than months", total: 3, months: 4, expected: [1, 1, 1, 0] },
    { name: "a negative total", total: -1, expected: "BAD_PARAMETER" },
    { name: "a fractional total", total: 1.5, expected: "BAD_PARAMETER" },
    { name: "no month", total: 5, months: 0, expected: "BAD_PARAMETER" },
  ];
  it.each(cases)("monthlySpread(total, months): $name", ({ total, months, expected }) => {
    if (typeof expected === "string") expect(thrown(() => monthlySpread(total, months)).code).toBe(expected);
    else expect(monthlySpread(total, months)).toEqual(expected);
  });
});

describe("allocateContacts", () => {
  /*
   * Capital 50, default shares 60 / 25 / 15 %:
   *   quotas 30, 12.5, 7.5 → floors 30, 12, 7 (49); the last contact goes to the largest remainder, a 0.5 / 0.5
   *   tie between stimulation and conquête → stimulation (order entretien, stimulation, conquête): 30 / 13 / 7.
   * Entretien, norms A 12, B 6, C 2: needs 12 + 12 + 6 + 6 + 2 + 2 + 2 = 42 > 30 → scaled by 30/42.
   *   quotas A 8.571, B 4.286, C 1.429 → floors 8, 8, 4, 4, 1, 1, 1 (27); 3 left, largest remainders:
   *   r1, r2 (A, .571) then r5 (first C, .429) → 9, 9, 4, 4, 2, 1, 1 = 30.
   * Stimulation 13 (nothing unused): eligible r1 (gap 2, weight 2, cap 12), r3 (gap 1, weight 1, cap 6),
   *   r4 (gap −1 but elasticity 1.2, weight 1, cap 6), r6 (gap 3, weight 3, cap = C norm 2); total weight 7.
   *   quotas 26/7 = 3.714, 13/7 = 1.857, 1.857, 39/7 = 5.571: r6 reaches its cap → 2; the 11 left go to
   *   r1, r3, r4 (weights 2, 1, 1): 5.5, 2.75, 2.75 → floors 5, 2, 2 (9); 2 left: r3, r4 (.75) → 5, 3, 3.
   *   Stimulation 5, 3, 3, 2 = 13: nothing left for conquête or the réserve.
   * Conquête 7 between prospects r8 (score 2) and r9 (score 1): 4.667, 2.333 → 4, 2; 1 left to r8 → 5, 2.
   * Totals: 14, 9, 7, 7, 2, 3, 1, 5, 2 = 50.
   */
  const portfolio: AllocationClient[] = [
    { abc: "A", prGap: 2 },
    { abc: "A", prGap: 0 },
    { abc: "B", prGap: 1 },
    { abc: "B", prGap: -1, elasticity: 1.2 },
    { abc: "C" },
    { abc: "C", prGap: 3 },
    { abc: "C", elasticity: 0.5 },
    { isProspect: true, prospectScore: 2 },
    { isProspect: true, prospectScore: 1 },
  ];

  it("allocateContacts(capital 50, 9 rows) gives the hand-computed allocation", () => {
    const r = allocateContacts({ capital: 50, clients: portfolio });
    expect(r.families).toEqual({ entretien: 30, stimulation: 13, conquete: 7 });
    expect(r.needTotal).toBe(42);
    expect(r.scaled).toBe(true);
    expect(r.perClient.map((c) => c.entretien)).toEqual([9, 9, 4, 4, 2, 1, 1, 0, 0]);
    expect(r.perClient.map((c) => c.stimulation)).toEqual([5, 0, 3, 3, 0, 2, 0, 0, 0]);
    expect(r.perClient.map((c) => c.stimulationCap)).toEqual([12, 12, 6, 6, 2, 2, 2, 0, 0]);
    expect(r.perClient.map((c) => c.conquete)).toEqual([0, 0, 0, 0, 0, 0, 0, 5, 2]);
    expect(r.perClient.map((c) => c.total)).toEqual([14, 9, 7, 7, 2, 3, 1, 5, 2]);
    // 14 contacts: one a month, the two extra six months apart.
    expect(r.perClient[0].monthly).toEqual([2, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1]);
    expect(r.perClient.every((c) => c.monthly.reduce((a, b) => a + b, 0) === c.total)).toBe(true);
    expect(r).toMatchObject({ entretienUnused: 0, stimulationBudget: 13, reserve: 0, stimulationPool: 0, conquestPool: 0 });
    expect(r.warnings).toEqual(["needs_scaled"]);
    expect(explain(r.perClient[5].stimulationWhy!)).toBe(
      "Stimulation : écart P-R 3, 2 visites « turbo » en plus, le plafond du client (2, autant que sa norme d'entretien).",
    );
    expect(explain(r.perClient[0].why)).toBe(
      "Entretien : norme 12 contacts/an pour la classe A, réduite à 9 car les besoins (42) dépassent le budget (30).",
    );
    expect(explain(r.perClient[3].stimulationWhy!)).toBe(
      "Stimulation : élasticité 1,2 (au moins 1), 3 visites « turbo » en plus.",
    );
    expect(explain(r.perClient[1].stimulationWhy!)).toBe(
      "Pas de visite « turbo » : ni écart P-R d'au moins 1, ni élasticité d'au moins 1.",
    );
    expect(plain(explain(r.perClient[7].why))).toBe("Conquête : score 2, part exacte 4,67 du budget de 7 → 5 contacts (plus forts restes, entre 1 et 6).");
    expect(r.conquestRows).toEqual([7, 8]);
    expect(Array.from(r.conquest.contacts)).toEqual([5, 2]);
    expect(explain(r.notes[0])).toBe(
      "Capital de 50 contacts : entretien 30 (60\u202f%), stimulation 13 (25\u202f%), conquête 7 (15\u202f%), arrondis par la méthode des plus forts restes.",
    );
  });

  it("allocateContacts(capital 540, 30 clients, no gap, no prospect): unused entretien goes to stimulation, which stays a réserve non affectée", () => {
    const clients: AllocationClient[] = [
      ...new Array<AllocationClient>(10).fill({ abc: "A" }),
      ...new Array<AllocationClient>(10).fill({ abc: "B" }),
      ...new Array<AllocationClient>(10).fill({ abc: "C" }),
    ];
    const r = allocateContacts({ capital: 540, clients });
    expect(r.families).toEqual({ entretien: 324, stimulation: 135, conquete: 81 });
    expect(r.needTotal).toBe(200);
    expect(r.scaled).toBe(false);
    expect(r.entretienUnused).toBe(124);
    expect(r.stimulationBudget).toBe(259);
    expect(r.stimulationPool).toBe(259);
    expect(r.reserve).toBe(259);
    expect(r.conquestPool).toBe(81);
    expect(r.warnings).toEqual(["reserve", "conquest_pool"]);
    expect(explain(r.notes[2])).toBe(
      "Aucun client n'a un écart P-R d'au moins 1 ni une élasticité d'au moins 1, et aucun prospect retenu ne peut les recevoir : 259 contacts de stimulation restent en réserve non affectée.",
    );
    // The calendar levels the months: 200 client contacts + 259 + 81 = 540, 45 a month.
    const months = new Array<number>(12).fill(0);
    r.perClient.forEach((c) => c.monthly.forEach((v, m) => (months[m] += v)));
    r.reserveMonthly.forEach((v, m) => (months[m] += v));
    r.conquestPoolMonthly.forEach((v, m) => (months[m] += v));
    expect(months).toEqual(new Array<number>(12).fill(45));
    expect(r.notes.map((n) => n.key)).toEqual([
      "allocation.families",
      "allocation.unused",
      "allocation.stimulation_pool",
      "allocation.conquest_pool",
    ]);
    expect(r.perClient.every((c, i) => c.entretien === [12, 6, 2][Math.floor(i / 10)] && c.stimulation === 0)).toBe(true);
  });

  it("allocateContacts: a remainder tie in entretien goes to the higher class, not the earlier row", () => {
    // Entretien budget 4 for needs C 2, A 12, B 6 (total 20): quotas 0.4, 2.4, 1.2 → 0, 2, 1; the last contact
    // is a 0.4 / 0.4 tie between C (row 1) and A (row 2) → A.
    const r = allocateContacts({
      capital: 8,
      shares: { entretien: 0.5, stimulation: 0.5, conquete: 0 },
      clients: [{ abc: "C" }, { abc: "A" }, { abc: "B" }],
    });
    expect(r.perClient.map((c) => c.entretien)).toEqual([0, 3, 1]);
  });

  it("allocateContacts: turbo visits are capped at the norm, a client without CA gets none on elasticity alone, and what the caps leave goes to the retained prospects", () => {
    /*
     * Capital 100: entretien 60, stimulation 25, conquête 15. Needs A 12 + C 2 + C 2 = 16, 44 unused → stimulation
     * budget 69. Eligible: r1 (A, gap 1, cap 12), r2 (C, elastic, cap 2); r3 (C, elastic but last CA 0, no gap):
     * none. r1 and r2 reach their caps (69 × 1/2 ≥ 12, ≥ 2): 12 and 2; 55 left. Prospects r4, r5 (scores 1,
     * cap 40 here): conquête 15 + 55 = 70 → 35 each. Σ = 12 + 12 + 2 + 2 + 2 + 35 + 35 = 100, no réserve.
     */
    const r = allocateContacts({
      capital: 100,
      prospectCap: 40,
      clients: [
        { abc: "A", prGap: 1 },
        { abc: "C", elasticity: 2, lastCa: 500 },
        { abc: "C", elasticity: 2, lastCa: 0 },
        { isProspect: true },
        { isProspect: true },
      ],
    });
    expect(r.perClient.map((c) => c.stimulation)).toEqual([12, 2, 0, 0, 0]);
    expect(r.perClient.map((c) => c.conquete)).toEqual([0, 0, 0, 35, 35]);
    expect(r).toMatchObject({ reserve: 0, stimulationToConquest: 55, conquestBudget: 70, conquestPool: 0, warnings: [] });
    // With the default cap of 6 contacts per prospect: 6 each from the conquête family (15), whose 3 left stay a
    // pool to plan on new prospects; the 55 stimulation contacts stay in the réserve.
    const capped = allocateContacts({
      capital: 100,
      clients: [{ abc: "A", prGap: 1 }, { abc: "C", elasticity: 2, lastCa: 500 }, { abc: "C", elasticity: 2, lastCa: 0 }, { isProspect: true }, { isProspect: true }],
    });
    expect(capped.perClient.map((c) => c.conquete)).toEqual([0, 0, 0, 6, 6]);
    expect(capped).toMatchObject({ reserve: 55, stimulationToConquest: 0, conquestBudget: 12, conquestPool: 3, warnings: ["reserve", "conquest_pool"] });
    expect(explain(capped.notes.find((n) => n.key === "allocation.conquest_capped")!)).toBe(
      "2 prospects retenus, au plafond de 6 contacts par prospect : 3 contacts de conquête restent à planifier, sur de nouveaux prospects.",
    );
    expect(explain(r.perClient[2].stimulationWhy!)).toBe(
      "Pas de visite « turbo » : client élastique, mais sans CA sur la dernière période (0) ni écart P-R d'au moins 1, donc sans potentiel à capter ; contact minimal, à distance.",
    );
    expect(explain(r.notes.find((n) => n.key === "allocation.capped_to_conquest")!)).toBe(
      "Les plafonds de visites « turbo » (100\u202f% de la norme d'entretien de chaque client) laissent 55 contacts de stimulation : ils passent en conquête, vers les prospects retenus.",
    );
    // A client without CA but with a potential gap is stimulated: the potential is there to capture.
    const gap = allocateContacts({ capital: 100, clients: [{ abc: "C", prGap: 3, lastCa: 0 }] });
    expect(gap.perClient[0].stimulation).toBe(2);
    expect(gap.reserve).toBe(100 - 15 - 2 - 2);
    expect(gap.warnings).toEqual(["reserve", "conquest_pool"]);
  });

  it("allocateContacts: a remainder tie in stimulation goes to the larger gap", () => {
    // Stimulation 10 (budget 0 for entretien) shared 1 : 3 → 2.5, 7.5 → 2, 7; the tie goes to gap 3. Caps of
    // 2 × the B norm (12) do not bind.
    const r = allocateContacts({
      capital: 10,
      stimulationCap: 2,
      shares: { entretien: 0, stimulation: 1, conquete: 0 },
      clients: [{ abc: "B", prGap: 1 }, { abc: "B", prGap: 3 }],
    });
    expect(r.perClient.map((c) => c.stimulation)).toEqual([2, 8]);
  });

  const cases: {
    name: string;
    input: AllocationInput;
    expected: { entretien: number[]; stimulation: number[]; pools?: [number, number] } | string;
  }[] = [
    { name: "empty input", input: { capital: 100, clients: [] }, expected: "EMPTY_INPUT" },
    {
      name: "one value: a single A client with gap 1 takes entretien and the rest of stimulation",
      input: { capital: 100, clients: [{ abc: "A", prGap: 1 }] },
      expected: { entretien: [12], stimulation: [12], pools: [61, 15] },
    },
    {
      name: "all equal clients get equal allocations when nothing is left over",
      input: { capital: 40, shares: { entretien: 0.6, stimulation: 0.4, conquete: 0 }, clients: [{ abc: "B", prGap: 2 }, { abc: "B", prGap: 2 }, { abc: "B", prGap: 2 }, { abc: "B", prGap: 2 }] },
      expected: { entretien: [6, 6, 6, 6], stimulation: [4, 4, 4, 4], pools: [0, 0] },
    },
    {
      name: "needs exactly equal to the entretien budget are not scaled",
      input: { capital: 20, clients: [{ abc: "A" }] },
      expected: { entretien: [12], stimulation: [0], pools: [5, 3] },
    },
    {
      name: "one contact short of the needs is scaled",
      input: { capital: 19, clients: [{ abc: "A" }] },
      expected: { entretien: [11], stimulation: [0], pools: [5, 3] },
    },
    {
      name: "a negative gap is not eligible for stimulation",
      input: { capital: 20, clients: [{ abc: "C", prGap: -2 }, { abc: "C", prGap: 1 }] },
      expected: { entretien: [2, 2], stimulation: [0, 2], pools: [11, 3] },
    },
    {
      name: "an elasticity a hair under 1 (float noise) is eligible",
      input: { capital: 20, clients: [{ abc: "C", elasticity: 0.9999999999999998 }] },
      expected: { entretien: [2], stimulation: [2], pools: [13, 3] },
    },
    {
      name: "custom norms override the defaults",
      input: { capital: 100, norms: { A: 20, C: 0 }, clients: [{ abc: "A" }, { abc: "B" }, { abc: "C" }] },
      expected: { entretien: [20, 6, 0], stimulation: [0, 0, 0], pools: [59, 15] },
    },
    {
      name: "prospects with zero scores leave conquête as one pool",
      input: { capital: 100, clients: [{ abc: "C" }, { isProspect: true, prospectScore: 0 }] },
      expected: { entretien: [2, 0], stimulation: [0, 0], pools: [83, 15] },
    },
    { name: "capital 0", input: { capital: 0, clients: [{ abc: "A", prGap: 3 }] }, expected: { entretien: [0], stimulation: [0], pools: [0, 0] } },
    {
      name: "a cap factor of 2 lets a turbo client double its norm twice over",
      input: { capital: 100, stimulationCap: 2, clients: [{ abc: "B", prGap: 1 }] },
      expected: { entretien: [6], stimulation: [12], pools: [67, 15] },
    },
    {
      name: "a cap factor of 0: no turbo visit at all, all of stimulation in the réserve",
      input: { capital: 100, stimulationCap: 0, clients: [{ abc: "A", prGap: 3 }] },
      expected: { entretien: [12], stimulation: [0], pools: [73, 15] },
    },
    { name: "a negative cap factor", input: { capital: 100, stimulationCap: -1, clients: [{ abc: "A" }] }, expected: "BAD_PARAMETER" },
    { name: "a fractional prospect cap", input: { capital: 100, prospectCap: 2.5, clients: [{ isProspect: true }] }, expected: "BAD_PARAMETER" },
    {
      name: "a prospect cap of 0: conquête and stimulation all stay pools",
      input: { capital: 100, prospectCap: 0, clients: [{ abc: "A" }, { isProspect: true }] },
      expected: { entretien: [12, 0], stimulation: [0, 0], pools: [73, 15] },
    },
    { name: "a blank (NaN) cap factor", input: { capital: 100, stimulationCap: NaN, clients: [{ abc: "A" }] }, expected: "BAD_PARAMETER" },
    {
      name: "month weights of the wrong length",
      input: { capital: 100, monthWeights: [1, 1, 1], months: 12, clients: [{ abc: "A" }] },
      expected: "BAD_PARAMETER",
    },
    { name: "a blank (NaN) gap", input: { capital: 100, clients: [{ abc: "A", prGap: NaN }] }, expected: "NOT_FINITE" },
    { name: "a text elasticity", input: { capital: 100, clients: [{ abc: "A", elasticity: "1,2" as unknown as number }] }, expected: "NOT_FINITE" },
    { name: "a blank row", input: { capital: 100, clients: [null as unknown as AllocationClient] }, expected: "BAD_PARAMETER" },
    { name: "an unknown class", input: { capital: 100, clients: [{ abc: "D" as "A" }] }, expected: "BAD_PARAMETER" },
    { name: "a negative capital", input: { capital: -540, clients: [{ abc: "A" }] }, expected: "BAD_PARAMETER" },
    { name: "a fractional capital", input: { capital: 540.5, clients: [{ abc: "A" }] }, expected: "BAD_PARAMETER" },
    { name: "a negative prospect score", input: { capital: 100, clients: [{ isProspect: true, prospectScore: -1 }] }, expected: "BAD_PARAMETER" },
    {
      name: "shares that do not add up to 100 %",
      input: { capital: 100, shares: { entretien: 0.6, stimulation: 0.25, conquete: 0.1 }, clients: [{ abc: "A" }] },
      expected: "BAD_SHARES",
    },
    {
      name: "a negative share",
      input: { capital: 100, shares: { entretien: 1.2, stimulation: -0.2, conquete: 0 }, clients: [{ abc: "A" }] },
      expected: "BAD_SHARES",
    },
    { name: "a fractional norm", input: { capital: 100, norms: { B: 4.5 }, clients: [{ abc: "A" }] }, expected: "BAD_NORMS" },
    { name: "a negative norm", input: { capital: 100, norms: { C: -1 }, clients: [{ abc: "A" }] }, expected: "BAD_NORMS" },
  ];
  it.each(cases)("allocateContacts(input): $name", ({ input, expected }) => {
    if (typeof expected === "string") {
      expect(thrown(() => allocateContacts(input)).code).toBe(expected);
      return;
    }
    const r = allocateContacts(input);
    expect(r.perClient.map((c) => c.entretien)).toEqual(expected.entretien);
    expect(r.perClient.map((c) => c.stimulation)).toEqual(expected.stimulation);
    if (expected.pools) expect([r.stimulationPool, r.conquestPool]).toEqual(expected.pools);
  });

  /*
   * Conquête by Ep (SPEC §8, §11), on a capital all in conquête (shares 0 / 0 / 100 %) unless said otherwise, so
   * the budget is the capital. Hand computations:
   * - budget 10, Ep 100, 50, 50 (+ one écarté): quotas 5, 2.5, 2.5 → 5, 2, 2 and the last contact to the first
   *   of the tied 50s (input order) → 5, 3, 2; the écarté gets none.
   * - budget 10, Ep 100 × 3 and 5: 10 × 5/305 = 0.16 < 1 → the floor 1; the other three share 9 → 3 each.
   * - budget 20, Ep 100, 50, cap 6: both pass the cap → 6, 6; 8 stay a conquête pool.
   * - budget 2, Ep 50, 90, 70: fewer contacts than retained prospects → 1 each to 90 and 70.
   * - capital 20 split 0 / 50 / 50 %, nobody eligible for turbo visits: conquête 10 + stimulation 10 = 20 for
   *   three Ep 100 (cap 6) → 18 placed, 8 of them from stimulation; 2 stay in the réserve.
   */
  const p = (score: number, retained?: boolean): AllocationClient =>
    retained === undefined ? { isProspect: true, prospectScore: score } : { isProspect: true, prospectScore: score, retained };
  const conquestOnly = { entretien: 0, stimulation: 0, conquete: 1 };
  const epCases: { name: string; input: AllocationInput; conquete: number[]; pool: number; reserve: number }[] = [
    { name: "shared by Ep, an écarté prospect gets none", input: { capital: 10, shares: conquestOnly, clients: [p(100), p(50), p(50), p(80, false)] }, conquete: [5, 3, 2, 0], pool: 0, reserve: 0 },
    { name: "a low Ep is raised to the floor of 1", input: { capital: 10, shares: conquestOnly, clients: [p(100), p(100), p(100), p(5)] }, conquete: [3, 3, 3, 1], pool: 0, reserve: 0 },
    { name: "the cap binds: the rest stays a conquête pool", input: { capital: 20, shares: conquestOnly, clients: [p(100), p(50)] }, conquete: [6, 6], pool: 8, reserve: 0 },
    { name: "fewer contacts than retained prospects: 1 each to the best Ep", input: { capital: 2, shares: conquestOnly, clients: [p(50), p(90), p(70)] }, conquete: [0, 1, 1], pool: 0, reserve: 0 },
    { name: "all écarté: conquête stays one pool", input: { capital: 10, shares: conquestOnly, clients: [p(90, false), p(70, false)] }, conquete: [0, 0], pool: 10, reserve: 0 },
    { name: "empty: no prospect, conquête stays one pool", input: { capital: 10, shares: conquestOnly, clients: [{ abc: "C" }] }, conquete: [0], pool: 10, reserve: 0 },
    { name: "one prospect takes the cap", input: { capital: 10, shares: conquestOnly, clients: [p(75)] }, conquete: [6], pool: 4, reserve: 0 },
    { name: "a tie on equal Ep goes to input order", input: { capital: 5, shares: conquestOnly, clients: [p(60), p(60)] }, conquete: [3, 2], pool: 0, reserve: 0 },
    { name: "a retained score of 0 (no potential) gets the floor only", input: { capital: 10, shares: conquestOnly, clients: [p(0, true), p(10)] }, conquete: [1, 6], pool: 3, reserve: 0 },
    { name: "a score of 0 without a status is not retained (former convention)", input: { capital: 10, shares: conquestOnly, clients: [p(0), p(10)] }, conquete: [0, 6], pool: 4, reserve: 0 },
    {
      name: "stimulation nobody takes goes to the retained prospects, up to their cap; the rest is the réserve",
      input: { capital: 20, shares: { entretien: 0, stimulation: 0.5, conquete: 0.5 }, clients: [p(100), p(100), p(100)] },
      conquete: [6, 6, 6],
      pool: 0,
      reserve: 2,
    },
    { name: "a prospect cap of 0: nobody takes conquête", input: { capital: 10, shares: conquestOnly, prospectCap: 0, clients: [p(100)] }, conquete: [0], pool: 10, reserve: 0 },
  ];
  it.each(epCases)("allocateContacts(prospects by Ep): $name", ({ input, conquete, pool, reserve }) => {
    const r = allocateContacts(input);
    expect(r.perClient.map((c) => c.conquete)).toEqual(conquete);
    expect([r.conquestPool, r.reserve]).toEqual([pool, reserve]);
    expect(r.perClient.reduce((a, c) => a + c.total, 0) + r.conquestPool + r.reserve).toBe(input.capital);
  });

  it("allocateContacts: each prospect's why is the conquest's (Ep share, cap, floor, écarté, short budget)", () => {
    const r = allocateContacts({ capital: 20, shares: conquestOnly, clients: [p(100), p(50), p(80, false)] });
    expect(r.perClient.map((c) => plain(explain(c.why)))).toEqual([
      // 20 contacts, at most 2 × 6 = 12 placed: 12 × 100/150 = 8 passes the cap; Ep 50 then takes the 6 left.
      "Conquête : score 100, part exacte 8 ramenée au plafond de 6 contacts par prospect.",
      "Conquête : score 50, part exacte 6 du budget de 12 → 6 contacts (plus forts restes, entre 1 et 6).",
      "Pas de contact de conquête : prospect non retenu.",
    ]);
    const short = allocateContacts({ capital: 1, shares: conquestOnly, clients: [p(50), p(90)] });
    expect(plain(explain(short.perClient[0].why))).toBe("Conquête : 1 contact pour 2 prospects retenus ; rang 2 par score, il n'en reçoit aucun.");
    expect(short.notes.map((n) => n.key)).toContain("conquest.short");
    const none = allocateContacts({ capital: 10, shares: conquestOnly, prospectCap: 0, clients: [p(100)] });
    expect(plain(explain(none.perClient[0].why))).toBe("Pas de contact de conquête : le plafond de contacts par prospect est à 0.");
  });

  it.each([
    { name: "a NaN score", client: { isProspect: true as const, prospectScore: NaN } },
    { name: "an infinite score", client: { isProspect: true as const, prospectScore: Infinity } },
    { name: "a text score", client: { isProspect: true as const, prospectScore: "80" as unknown as number } },
  ])("allocateContacts(prospect): $name is refused", ({ client }) => {
    expect(thrown(() => allocateContacts({ capital: 10, clients: [client] })).code).toBe("BAD_PARAMETER");
  });

  it("allocateContacts does not modify its input", () => {
    const clients = Object.freeze([Object.freeze({ abc: "A" as const, prGap: 2 }), Object.freeze({ isProspect: true as const })]);
    const input = Object.freeze({ capital: 100, clients });
    allocateContacts(input);
    expect(input).toEqual({ capital: 100, clients: [{ abc: "A", prGap: 2 }, { isProspect: true }] });
  });

  const clientArb: fc.Arbitrary<AllocationClient> = fc.oneof(
    {
      arbitrary: fc.record(
        {
          abc: fc.constantFrom("A" as const, "B" as const, "C" as const),
          prGap: fc.integer({ min: -3, max: 3 }),
          elasticity: fc.double({ min: -2, max: 3, noNaN: true }),
          lastCa: fc.oneof(fc.constant(0), fc.integer({ min: -100, max: 10_000 })),
        },
        { requiredKeys: ["abc"] },
      ),
      weight: 4,
    },
    {
      arbitrary: fc.record(
        {
          isProspect: fc.constant(true as const),
          prospectScore: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 50, max: 100, noNaN: true })),
          retained: fc.boolean(),
        },
        { requiredKeys: ["isProspect"] },
      ),
      weight: 1,
    },
  );
  const inputArb: fc.Arbitrary<AllocationInput> = fc.record({
    capital: fc.integer({ min: 0, max: 5000 }),
    shares: fc
      .tuple(fc.nat(100), fc.nat(100), fc.nat(100))
      .filter(([a, b, c]) => a + b + c > 0)
      .map(([a, b, c]) => ({ entretien: a / (a + b + c), stimulation: b / (a + b + c), conquete: c / (a + b + c) })),
    clients: fc.array(clientArb, { minLength: 1, maxLength: 60 }),
    norms: fc.record({ A: fc.nat(30), B: fc.nat(20), C: fc.nat(10) }, { requiredKeys: [] }),
    stimulationCap: fc.constantFrom(0, 0.5, 1, 1, 1, 2, 3.5),
    prospectCap: fc.constantFrom(0, 1, 6, 6, 6, 10),
  });

  const isRetained = (c: AllocationClient): boolean => c.isProspect === true && (c.retained ?? (c.prospectScore ?? 1) > 0);

  function sum(xs: readonly number[]): number {
    return xs.reduce((a, b) => a + b, 0);
  }

  it("allocateContacts: every allocation is a non-negative integer, entretien never above the need, turbo visits never above the cap, and per-client contacts + réserve + conquête pool = capital exactly (property)", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = allocateContacts(input);
        const isCount = (x: number) => Number.isSafeInteger(x) && x >= 0;
        const f = r.families;
        const pc = r.perClient;
        const monthTotals = new Array<number>(12).fill(0);
        pc.forEach((c) => c.monthly.forEach((v, m) => (monthTotals[m] += v)));
        r.reserveMonthly.forEach((v, m) => (monthTotals[m] += v));
        r.conquestPoolMonthly.forEach((v, m) => (monthTotals[m] += v));
        const noTurbo = (c: AllocationClient) =>
          c.isProspect !== true && c.lastCa !== undefined && c.lastCa <= 0 && !(c.prGap !== undefined && c.prGap >= 1);
        return (
          [f.entretien, f.stimulation, f.conquete, r.entretienUnused, r.reserve, r.conquestPool, r.stimulationToConquest].every(isCount) &&
          pc.every((c) => [c.entretien, c.stimulation, c.conquete, c.total, ...c.monthly].every(isCount)) &&
          pc.every((c) => c.entretien <= c.need && (r.scaled || c.entretien === c.need)) &&
          pc.every((c) => c.stimulation <= c.stimulationCap && c.stimulationCap === Math.floor((input.stimulationCap ?? 1) * c.need + 1e-9)) &&
          input.clients.every((c, i) => !noTurbo(c) || pc[i].stimulation === 0) &&
          pc.every((c) => c.total === c.entretien + c.stimulation + c.conquete && sum(c.monthly) === c.total) &&
          f.entretien + f.stimulation + f.conquete === input.capital &&
          sum(pc.map((c) => c.entretien)) + r.entretienUnused === f.entretien &&
          sum(pc.map((c) => c.stimulation)) + r.reserve + r.stimulationToConquest === f.stimulation + r.entretienUnused &&
          sum(pc.map((c) => c.conquete)) + r.conquestPool === f.conquete + r.stimulationToConquest &&
          pc.every((c, i) => input.clients[i].isProspect !== true || c.conquete <= (input.prospectCap ?? 6)) &&
          // Écarté prospects get nothing; with enough contacts, every retained one gets between 1 and the cap.
          input.clients.every((c, i) => c.isProspect !== true || isRetained(c) || pc[i].conquete === 0) &&
          (r.conquestBudget < r.conquest.retainedCount ||
            input.clients.every((c, i) => c.isProspect !== true || !isRetained(c) || (input.prospectCap ?? 6) === 0 || pc[i].conquete >= 1)) &&
          r.conquestBudget + r.conquest.rest === r.conquest.budget &&
          r.conquest.rest === r.conquestPool + r.reserve - (r.conquest.retainedCount > 0 ? 0 : r.reserve) &&
          (r.stimulationToConquest === 0 || r.conquestPool === 0) &&
          sum(pc.map((c) => c.total)) + r.reserve + r.conquestPool === input.capital &&
          sum(monthTotals) === input.capital &&
          r.stimulationPool === r.reserve &&
          r.warnings.includes("needs_scaled") === r.needTotal > f.entretien &&
          r.warnings.includes("reserve") === r.reserve > 0 &&
          (r.scaled ? r.entretienUnused === 0 : r.entretienUnused === f.entretien - r.needTotal)
        );
      }),
      { numRuns: 1000 },
    );
  });

  /*
   * Stability: remainder ties are broken by class (entretien), weight (stimulation) or score (conquête) first, and
   * by input order only between rows with the same key. So after permuting the rows, each row keeps its exact
   * allocation when its key is unique in that family, and rows sharing a key share the same multiset of values.
   */
  function keys(c: AllocationClient): [string, string, string] {
    if (c.isProspect === true) return ["prospect", "prospect", isRetained(c) ? `score ${c.prospectScore ?? 1}` : "écarté"];
    const byGap = c.prGap !== undefined && c.prGap >= 1;
    const elastic = c.elasticity !== undefined && c.elasticity >= 1 - 1e-9 && !(c.lastCa !== undefined && c.lastCa <= 0);
    const weight = byGap ? c.prGap! : elastic ? 1 : 0;
    // The cap (class norm) matters too: two rows of the same weight but different caps are not interchangeable.
    return [`class ${c.abc}`, `weight ${weight} class ${c.abc}`, "client"];
  }
  function byKey(clients: readonly AllocationClient[], r: AllocationResult, family: 0 | 1 | 2): Map<string, number[]> {
    const field = (["entretien", "stimulation", "conquete"] as const)[family];
    const m = new Map<string, number[]>();
    clients.forEach((c, i) => {
      const k = keys(c)[family];
      m.set(k, [...(m.get(k) ?? []), r.perClient[i][field]]);
    });
    for (const v of m.values()) v.sort((a, b) => a - b);
    return m;
  }

  it("allocateContacts: permuting rows permutes the allocation, up to exchanges between rows with the same tie key (property)", () => {
    fc.assert(
      fc.property(inputArb, fc.infiniteStream(fc.nat()), (input, stream) => {
        const r = allocateContacts(input);
        const perm = input.clients.map((_, i) => i);
        const it = stream[Symbol.iterator]();
        for (let i = perm.length - 1; i > 0; i--) {
          const k = it.next().value % (i + 1);
          [perm[i], perm[k]] = [perm[k], perm[i]];
        }
        const permuted = perm.map((p) => input.clients[p]);
        const r2 = allocateContacts({ ...input, clients: permuted });
        if (r2.reserve !== r.reserve || r2.conquestPool !== r.conquestPool) return false;
        const totals = (x: AllocationResult) =>
          JSON.stringify(x.perClient.reduce((m, c) => m.map((v, k) => v + c.monthly[k]), [...x.reserveMonthly].map((v, k) => v + x.conquestPoolMonthly[k])));
        // The calendar depends only on the multiset of row totals; remainder ties can exchange a unit between rows.
        const multiset = (x: AllocationResult) => JSON.stringify(x.perClient.map((c) => c.total).sort((a, b) => a - b));
        if (multiset(r2) === multiset(r) && totals(r2) !== totals(r)) return false;
        for (const family of [0, 1, 2] as const) {
          const a = byKey(input.clients, r, family);
          const b = byKey(permuted, r2, family);
          for (const [k, values] of a) {
            if (JSON.stringify(b.get(k)) !== JSON.stringify(values)) return false;
          }
        }
        const field = ["entretien", "stimulation", "conquete"] as const;
        return perm.every((p, i) =>
          field.every((f, family) => {
            const key = keys(input.clients[p])[family as 0 | 1 | 2];
            const unique = input.clients.filter((c) => keys(c)[family as 0 | 1 | 2] === key).length === 1;
            return !unique || r2.perClient[i][f] === r.perClient[p][f];
          }),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
