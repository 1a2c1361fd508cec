import fc from "fast-check";
import { explain } from "../i18n";
import {
  elasticity,
  elasticityList,
  elasticityReading,
  isElasticityFailure,
  type ElasticityReading,
} from "./elasticity";
import { EngineError } from "./errors";
import { thrownEngineError as thrown } from "../../test/support/engineError";


describe("elasticity", () => {
  it("elasticity(20 000 → 26 000, 6 → 9) is 0.6, low (SPEC §5 worked check)", () => {
    const r = elasticity(20000, 26000, 6, 9);
    expect(r.value).toBe(0.6);
    expect(r.reading).toBe("low");
    expect(explain(r.why)).toBe(
      "CA 20\u202f000 → 26\u202f000 (variation 30\u202f%) pour des contacts 6 → 9 (variation 50\u202f%) : élasticité 0,6 → Peu élastique.",
    );
    expect(explain(r.why, "en")).toBe(
      "Sales 20,000 → 26,000 (change 30%) for contacts 6 → 9 (change 50%): elasticity 0.6 → Low elasticity.",
    );
  });

  const cases: {
    name: string;
    args: [number, number, number, number];
    value: number;
    reading: ElasticityReading;
  }[] = [
    { name: "CA +10 % for contacts +10 % is exactly 1, elastic", args: [100, 110, 10, 11], value: 1, reading: "elastic" },
    { name: "CA +30 % for contacts +20 % is 1.5, elastic", args: [1000, 1300, 10, 12], value: 1.5, reading: "elastic" },
    { name: "CA unchanged is exactly 0, inelastic", args: [5000, 5000, 4, 6], value: 0, reading: "inelastic" },
    { name: "CA down while contacts up is inverse", args: [1000, 900, 4, 6], value: -0.2, reading: "inverse" },
    { name: "fewer contacts, CA down as much: elastic", args: [1000, 500, 10, 5], value: 1, reading: "elastic" },
    { name: "fewer contacts and CA up: inverse", args: [1000, 1200, 10, 5], value: -0.4, reading: "inverse" },
    {
      name: "decimal amounts at a boundary (0.1 + 0.2 → 0.3 noise) still read exactly 1",
      args: [0.1 + 0.2, 0.6, 2, 4],
      value: 1,
      reading: "elastic",
    },
    {
      name: "decimal amounts that differ only by float noise read exactly 0",
      args: [0.3, 0.1 + 0.2, 2, 3],
      value: 0,
      reading: "inelastic",
    },
    {
      name: "a negative CA N-1 (returns) going up reads as a rise: change over |CA N-1|",
      args: [-1000, -500, 10, 15],
      value: 1,
      reading: "elastic",
    },
    { name: "one value, contacts from 1 to 2", args: [1, 2, 1, 2], value: 1, reading: "elastic" },
    { name: "huge amounts fall back to the ratio of the two changes", args: [1e300, 2e300, 1e10, 2e10], value: 1, reading: "elastic" },
  ];
  it.each(cases)("elasticity(caBefore, caAfter, contactsBefore, contactsAfter): $name", ({ args, value, reading }) => {
    const r = elasticity(...args);
    expect(r.value).toBe(value);
    expect(r.reading).toBe(reading);
  });

  const errors: { name: string; args: [number, number, number, number]; code: string; message?: string }[] = [
    {
      name: "CA N-1 = 0",
      args: [0, 100, 5, 6],
      code: "ELASTICITY_CA_BEFORE_ZERO",
      message: "Élasticité indéfinie ligne 1 : le CA N-1 est nul (pas de variation en %).",
    },
    { name: "no contact in N-1", args: [100, 120, 0, 3], code: "ELASTICITY_CONTACTS_BEFORE_ZERO" },
    { name: "contacts unchanged", args: [100, 120, 4, 4], code: "ELASTICITY_CONTACTS_UNCHANGED" },
    { name: "all equal (nothing changed)", args: [7, 7, 7, 7], code: "ELASTICITY_CONTACTS_UNCHANGED" },
    { name: "a blank (NaN) cell", args: [NaN, 120, 4, 5], code: "NOT_FINITE", message: "CA N-1, ligne 1 : « NaN » n'est pas un nombre." },
    { name: "text that slipped through", args: [100, "12 000" as unknown as number, 4, 5], code: "NOT_FINITE" },
    { name: "an infinite value", args: [100, 120, Infinity, 5], code: "NOT_FINITE" },
    { name: "negative contacts", args: [100, 120, -2, 5], code: "BAD_PARAMETER" },
    { name: "a change too large for a number", args: [-1e308, 1.7e308, 1, 2], code: "BAD_PARAMETER" },
  ];
  it.each(errors)("elasticity(...) throws EngineError on $name", ({ args, code, message }) => {
    const e = thrown(() => elasticity(...args));
    expect(e.code).toBe(code);
    if (message) expect(e.message).toBe(message);
  });

  it("elasticityReading reads the boundaries with the 1e-9 tolerance", () => {
    expect(elasticityReading(0.30000000000000004 / 0.3)).toBe("elastic");
    expect(elasticityReading(0.9999999999999998)).toBe("elastic");
    expect(elasticityReading(0.999)).toBe("low");
    expect(elasticityReading(1e-12)).toBe("inelastic");
    expect(elasticityReading(-1e-12)).toBe("inelastic");
    expect(elasticityReading(-0.01)).toBe("inverse");
  });
});

describe("elasticityList", () => {
  const cases: {
    name: string;
    columns: [number[], number[], number[], number[]];
    expected: (number | string)[];
  }[] = [
    { name: "empty input", columns: [[], [], [], []], expected: ["EMPTY_INPUT"] },
    { name: "one value", columns: [[20000], [26000], [6], [9]], expected: [0.6] },
    { name: "all equal clients get equal values", columns: [[10, 10], [12, 12], [5, 5], [6, 6]], expected: [1, 1] },
    {
      name: "one undefined client does not sink the column",
      columns: [[20000, 0, 100], [26000, 50, 110], [6, 3, 10], [9, 4, 10]],
      expected: [0.6, "ELASTICITY_CA_BEFORE_ZERO", "ELASTICITY_CONTACTS_UNCHANGED"],
    },
    {
      name: "a blank (NaN) or text cell is an error on its row only",
      columns: [[NaN, 100, 100], [120, 120, "x" as unknown as number], [4, 4, 4], [5, 5, 5]],
      expected: ["NOT_FINITE", 0.8, "NOT_FINITE"],
    },
    { name: "a negative elasticity is kept", columns: [[100], [80], [4], [5]], expected: [-0.8] },
    { name: "different lengths", columns: [[1, 2], [1, 2], [1], [1, 2]], expected: ["LENGTH_MISMATCH"] },
  ];
  it.each(cases)("elasticityList(caBefore, caAfter, contactsBefore, contactsAfter): $name", ({ columns, expected }) => {
    let items: ReturnType<typeof elasticityList>;
    try {
      items = elasticityList(...columns);
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      expect([(e as EngineError).code]).toEqual(expected);
      return;
    }
    expect(items.map((it) => (isElasticityFailure(it) ? it.error.code : it.value))).toEqual(expected);
  });

  it("elasticityList names the row of each failing client", () => {
    const items = elasticityList([100, 0], [120, 10], [4, 4], [5, 5]);
    const second = items[1];
    expect(isElasticityFailure(second) && second.error.index).toBe(1);
    expect(isElasticityFailure(second) && second.error.message).toBe(
      "Élasticité indéfinie ligne 2 : le CA N-1 est nul (pas de variation en %).",
    );
  });

  it("elasticityList does not modify its input", () => {
    const cols = [[100, 200], [110, 180], [4, 5], [5, 6]].map((c) => Object.freeze(c) as readonly number[]);
    elasticityList(cols[0], cols[1], cols[2], cols[3]);
    expect(cols).toEqual([[100, 200], [110, 180], [4, 5], [5, 6]]);
  });

  it("elasticity: whole-number inputs give the reading of the exact rational value (property)", () => {
    const nonZero = fc.integer({ min: -100000, max: 100000 }).filter((x) => x !== 0);
    const contacts = fc.integer({ min: 1, max: 500 });
    fc.assert(
      fc.property(nonZero, fc.integer({ min: -100000, max: 100000 }), contacts, contacts, (ca0, ca1, c0, c1) => {
        fc.pre(c0 !== c1);
        const r = elasticity(ca0, ca1, c0, c1);
        const num = BigInt(ca1 - ca0) * BigInt(c0);
        const den = BigInt(c1 - c0) * BigInt(Math.abs(ca0));
        const sign = den < 0n ? -1n : 1n;
        const n = num * sign;
        const d = den * sign;
        const exact: ElasticityReading = n === 0n ? "inelastic" : n < 0n ? "inverse" : n >= d ? "elastic" : "low";
        return r.reading === exact && Number.isFinite(r.value);
      }),
      { numRuns: 1000 },
    );
  });
});
