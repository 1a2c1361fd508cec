import fc from "fast-check";
import { explain } from "../i18n";
import {
  contactMatrix,
  contactMatrixSplits,
  median,
  type ContactMatrixOptions,
  type ContactQuadrant,
} from "./contactMatrix";
import { EngineError } from "./errors";

/*
 * Twelve clients, contacts received in the year and CA produced:
 *   client  contacts  CA       contacts > 7.5?  CA > 14 000?  quadrant        productivity CA/contacts
 *   C1       4        30 000   no               yes           Vache à lait    7 500
 *   C2      12        45 000   yes              yes           Poule aux œufs  3 750
 *   C3       6         8 000   no               no            Squelette       1 333.33
 *   C4      15         9 000   yes              no            Contactivore      600
 *   C5       2        22 000   no               yes           Vache à lait   11 000
 *   C6       9        28 000   yes              yes           Poule aux œufs  3 111.11
 *   C7       7         5 000   no               no            Squelette         714.29
 *   C8      11        12 000   yes              no            Contactivore    1 090.91
 *   C9       3         4 000   no               no            Squelette       1 333.33
 *   C10      8        19 000   yes              yes           Poule aux œufs  2 375
 *   C11      5        16 000   no               yes           Vache à lait    3 200
 *   C12     10         7 000   yes              no            Contactivore      700
 * Contacts sorted: 2 3 4 5 6 [7 8] 9 10 11 12 15 → median (7 + 8) / 2 = 7.5.
 * CA sorted: 4 000 5 000 7 000 8 000 9 000 [12 000 16 000] 19 000 22 000 28 000 30 000 45 000
 *   → median (12 000 + 16 000) / 2 = 14 000.
 * Three clients in each quadrant.
 */
const contacts12 = [4, 12, 6, 15, 2, 9, 7, 11, 3, 8, 5, 10];
const amounts12 = [30000, 45000, 8000, 9000, 22000, 28000, 5000, 12000, 4000, 19000, 16000, 7000];

const V: ContactQuadrant = "cash_cow";
const S: ContactQuadrant = "skeleton";
const P: ContactQuadrant = "golden_goose";
const C: ContactQuadrant = "contact_eater";

describe("contactMatrix", () => {
  it("contactMatrix(12 clients) gives the hand-computed medians, quadrants and productivities", () => {
    const splits = contactMatrixSplits(contacts12, amounts12);
    expect(splits).toMatchObject({ contacts: 7.5, amounts: 14000, contactsSource: "median", amountsSource: "median" });
    expect(explain(splits.why)).toBe(
      "Séparations : la médiane des contacts = 7,5 ; la médiane du CA = 14\u202f000 (« élevé » veut dire strictement au-dessus).",
    );
    const r = contactMatrix(contacts12, amounts12);
    expect(r.map((x) => x.quadrant)).toEqual([V, P, S, C, V, P, S, C, S, P, V, C]);
    expect(r.map((x) => x.productivity)).toEqual([
      7500, 3750, 8000 / 6, 600, 11000, 28000 / 9, 5000 / 7, 12000 / 11, 4000 / 3, 2375, 3200, 700,
    ]);
    expect(r[3].productivity).toBeCloseTo(600, 12);
    expect(explain(r[3].why)).toBe(
      "15 contacts (au-dessus de la médiane 7,5) pour un CA de 9\u202f000 (au plus égal à la médiane 14\u202f000) → Contactivores.",
    );
    expect(explain(r[0].why, "en")).toBe(
      "4 contacts (at or below the median 7.5) for sales of 30,000 (above the median 14,000) → Cash cows.",
    );
  });

  const cases: {
    name: string;
    contacts: number[];
    amounts: number[];
    options?: ContactMatrixOptions;
    expected: ContactQuadrant[] | string;
  }[] = [
    { name: "empty input", contacts: [], amounts: [], expected: "EMPTY_INPUT" },
    { name: "one value needs two clients for a median", contacts: [5], amounts: [100], expected: "TOO_FEW_CLIENTS" },
    {
      name: "one value with both split points given",
      contacts: [5],
      amounts: [100],
      options: { splitContacts: 4, splitAmounts: 150 },
      expected: [C],
    },
    {
      name: "one value with only one split point still needs a median",
      contacts: [5],
      amounts: [100],
      options: { splitContacts: 4 },
      expected: "TOO_FEW_CLIENTS",
    },
    { name: "all equal: nobody is strictly above the median, all Squelettes", contacts: [3, 3, 3], amounts: [50, 50, 50], expected: [S, S, S] },
    {
      name: "a client exactly at both medians is low on both sides",
      contacts: [6, 4, 8],
      amounts: [300, 200, 100],
      expected: [V, S, C],
    },
    {
      name: "even n: the median is the average of the two middle values (2.5 and 25)",
      contacts: [1, 2, 3, 4],
      amounts: [40, 30, 20, 10],
      expected: [V, V, C, C],
    },
    {
      name: "a value on a user split point is low",
      contacts: [6, 7, 6, 7],
      amounts: [1000, 1000, 1001, 1001],
      options: { splitContacts: 6, splitAmounts: 1000 },
      expected: [S, C, V, P],
    },
    { name: "a blank (NaN) cell", contacts: [1, NaN, 3], amounts: [1, 2, 3], expected: "NOT_FINITE" },
    { name: "a text cell", contacts: [1, 2, 3], amounts: [1, "12 000 €" as unknown as number, 3], expected: "NOT_FINITE" },
    { name: "a negative CA (returns) is allowed and is low", contacts: [2, 9, 5], amounts: [-400, 800, 300], expected: [S, P, S] },
    { name: "negative contacts", contacts: [2, -1, 5], amounts: [1, 2, 3], expected: "BAD_PARAMETER" },
    { name: "a non-numeric split point", contacts: [2, 3], amounts: [1, 2], options: { splitAmounts: NaN }, expected: "BAD_PARAMETER" },
    { name: "different lengths", contacts: [1, 2, 3], amounts: [1, 2], expected: "LENGTH_MISMATCH" },
  ];
  it.each(cases)("contactMatrix(contacts, amounts): $name", ({ contacts, amounts, options, expected }) => {
    if (typeof expected === "string") {
      let caught: unknown;
      try {
        contactMatrix(contacts, amounts, options);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(EngineError);
      expect((caught as EngineError).code).toBe(expected);
      return;
    }
    expect(contactMatrix(contacts, amounts, options).map((r) => r.quadrant)).toEqual(expected);
  });

  it("contactMatrix: zero contacts gives a quadrant, productivity null and a ZERO_CONTACTS error naming the row", () => {
    const r = contactMatrix([0, 4, 8], [500, 100, 300]);
    expect(r[0].quadrant).toBe(V);
    expect(r[0].productivity).toBeNull();
    expect(r[0].productivityError).toBeInstanceOf(EngineError);
    expect(r[0].productivityError?.code).toBe("ZERO_CONTACTS");
    expect(r[0].productivityError?.message).toBe("Productivité indéfinie ligne 1 : aucun contact sur la période.");
    expect(r[1].productivityError).toBeUndefined();
    expect(r[1].productivity).toBe(25);
  });

  it("contactMatrixSplits reports user values as such", () => {
    const s = contactMatrixSplits([1, 2, 9], [10, 20, 30], { splitAmounts: 25 });
    expect(s).toMatchObject({ contacts: 2, amounts: 25, contactsSource: "median", amountsSource: "user" });
    expect(explain(s.why)).toContain("la borne choisie du CA = 25");
  });

  it("median(values) is the usual median and does not sort its input", () => {
    const input = Object.freeze([9, 4, 6, 7]) as readonly number[];
    expect(median(input)).toBe(6.5);
    expect(input).toEqual([9, 4, 6, 7]);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([-0, 0])).toBe(0);
    expect(median([Number.MAX_VALUE, Number.MAX_VALUE])).toBe(Number.MAX_VALUE);
  });

  it("contactMatrix does not modify its input", () => {
    const c = Object.freeze([3, 1, 2]) as readonly number[];
    const a = Object.freeze([30, 10, 20]) as readonly number[];
    contactMatrix(c, a);
    expect([c, a]).toEqual([
      [3, 1, 2],
      [30, 10, 20],
    ]);
  });

  const clientsArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: -500, max: 5000 })), {
    minLength: 2,
    maxLength: 50,
  });

  it("contactMatrix: equal inputs get equal outputs (property)", () => {
    fc.assert(
      fc.property(clientsArb, fc.nat(), (clients, k) => {
        const withDuplicate = [...clients, clients[k % clients.length]];
        const r = contactMatrix(
          withDuplicate.map(([c]) => c),
          withDuplicate.map(([, a]) => a),
        );
        const strip = (x: (typeof r)[number]) => ({ q: x.quadrant, p: x.productivity, why: x.why, err: x.productivityError?.code });
        for (let i = 0; i < withDuplicate.length; i++) {
          for (let j = 0; j < withDuplicate.length; j++) {
            const same = withDuplicate[i][0] === withDuplicate[j][0] && withDuplicate[i][1] === withDuplicate[j][1];
            if (same && JSON.stringify(strip(r[i])) !== JSON.stringify(strip(r[j]))) return false;
          }
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });

  it("contactMatrix: permuting clients permutes the results, and at most half are strictly above each median (property)", () => {
    fc.assert(
      fc.property(clientsArb, fc.infiniteStream(fc.nat()), (clients, stream) => {
        const contacts = clients.map(([c]) => c);
        const amounts = clients.map(([, a]) => a);
        const r = contactMatrix(contacts, amounts);
        const perm = clients.map((_, i) => i);
        const it = stream[Symbol.iterator]();
        for (let i = perm.length - 1; i > 0; i--) {
          const k = it.next().value % (i + 1);
          [perm[i], perm[k]] = [perm[k], perm[i]];
        }
        const r2 = contactMatrix(
          perm.map((p) => contacts[p]),
          perm.map((p) => amounts[p]),
        );
        const half = Math.floor(clients.length / 2);
        return (
          perm.every((p, i) => r2[i].quadrant === r[p].quadrant && r2[i].productivity === r[p].productivity) &&
          r.filter((x) => x.contactsHigh).length <= half &&
          r.filter((x) => x.amountHigh).length <= half
        );
      }),
      { numRuns: 1000 },
    );
  });
});
