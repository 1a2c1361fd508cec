import { explain } from "../i18n";
import { EngineError } from "./errors";
import { IDEAL_NOT_CLASSED, idealClients, idealWarningWhy, type IdealInput, type IdealOptions } from "./idealClient";

interface Case {
  name: string;
  input: IdealInput;
  options?: IdealOptions;
  classes: (string | null)[];
  splits?: [number, number];
  warnings?: string[];
}

const cases: Case[] = [
  { name: "empty list", input: { productivity: [], value: [] }, classes: [] },
  { name: "one client: its own median, low on both sides", input: { productivity: [1200], value: [4] }, classes: ["avoid"], splits: [1200, 4] },
  {
    name: "one client with split points given",
    input: { productivity: [1200], value: [4] },
    options: { splitProductivity: 1000, splitValue: 3 },
    classes: ["ideal"],
    splits: [1000, 3],
  },
  {
    name: "the four classes against the medians (1 900 and 3)",
    input: { productivity: [4000, 500, 3000, 800], value: [5, 4, 2, 1] },
    classes: ["ideal", "happy", "at_risk", "avoid"],
    splits: [1900, 3],
  },
  { name: "all equal: every client is at the medians, so low on both: à éviter", input: { productivity: [10, 10, 10], value: [3, 3, 3] }, classes: ["avoid", "avoid", "avoid"], splits: [10, 3] },
  {
    name: "tie on the median (odd count): the client at the median is low",
    input: { productivity: [100, 200, 300], value: [2, 3, 4] },
    classes: ["avoid", "avoid", "ideal"],
    splits: [200, 3],
  },
  {
    name: "productivity from CA / contacts",
    input: { ca: [12000, 3000, 9000, 1000], contacts: [3, 6, 3, 10], value: [4, 5, 1, 2] },
    classes: ["ideal", "happy", "at_risk", "avoid"],
    splits: [1750, 3],
  },
  {
    name: "blank, text and out-of-scale cells: not classed, with a warning; the medians use the classed clients",
    input: { productivity: [4000, "", 500, "beaucoup", 3000, 800], value: [5, 3, 4, 2, 6, 1] },
    classes: ["ideal", null, "avoid", null, null, "avoid"],
    splits: [800, 4],
    warnings: [
      "Client ligne 2\u00a0: «\u00a0Productivité\u00a0» est vide\u202f; ce client n'est pas classé dans la matrice du client idéal.",
      "Client ligne 4\u00a0: «\u00a0Productivité\u00a0» vaut «\u00a0beaucoup\u00a0», pas un nombre\u202f; ce client n'est pas classé dans la matrice du client idéal.",
      "Client ligne 5\u00a0: «\u00a0Valeur apportée\u00a0» vaut 6, hors de l'échelle de 1 à 5\u202f; ce client n'est pas classé dans la matrice du client idéal.",
    ],
  },
  {
    name: "contacts 0: productivity undefined, not classed with a warning",
    input: { ca: [5000, 2000, 800], contacts: [0, 4, 2], value: [5, 4, 2] },
    classes: [null, "ideal", "avoid"],
    splits: [450, 3],
    warnings: ["Client ligne 1\u00a0: aucun contact, productivité indéfinie\u202f; ce client n'est pas classé dans la matrice du client idéal."],
  },
];

describe("idealClients(input, options)", () => {
  it.each(cases)("idealClients(…): $name", ({ input, options, classes, splits, warnings }) => {
    const r = idealClients(input, options);
    expect(Array.from({ length: r.n }, (_, i) => r.row(i).ideal)).toEqual(classes);
    if (splits) expect([r.splitProductivity, r.splitValue]).toEqual(splits);
    if (warnings) expect(r.warnings.map((w) => explain(idealWarningWhy(w)))).toEqual(warnings);
    expect(r.notClassed).toBe(classes.filter((c) => c === null).length);
    expect(Array.from(r.counts).reduce((a, b) => a + b, 0)).toBe(classes.length - r.notClassed);
  });

  it("idealClients explains a class with its reading, in French and English", () => {
    const r = idealClients({ productivity: [4000, 500, 3000, 800], value: [5, 4, 2, 1] });
    expect(explain(r.explain(2))).toBe(
      "Productivité 3\u202f000 (au-dessus de la médiane 1\u202f900), valeur apportée 2 (au plus égal à la médiane 3) → Clients à risque\u00a0: rentables mais nous ne leur apportons pas assez\u202f; ils peuvent nous mettre en concurrence, à sécuriser.",
    );
    expect(explain(r.explain(1), "en")).toBe(
      "Productivity 500 (at or below the median 1,900), value brought 4 (above the median 3) → Happy clients: not very profitable but happy with us; keep them, ask for recommendations.",
    );
    expect(r.ideal[0]).toBe(0);
    expect(explain(r.splitsWhy)).toContain("la médiane de la productivité = 1\u202f900");
  });

  it("idealClients explains a client left out", () => {
    const r = idealClients({ ca: [100], contacts: [0], value: [3] }, { splitProductivity: 1, splitValue: 1 });
    expect(r.ideal[0]).toBe(IDEAL_NOT_CLASSED);
    expect(r.row(0).productivity).toBeNull();
    expect(explain(r.explain(0))).toBe("Non classé\u00a0: aucun contact sur la période, productivité indéfinie.");
  });

  it.each([
    { name: "sizes differ", input: { productivity: [1, 2], value: [3] }, code: "LENGTH_MISMATCH" },
    { name: "no readable client and a median needed", input: { productivity: ["", "x"], value: [3, 3] }, code: "NO_NUMBER" },
    { name: "neither productivity nor CA and contacts", input: { ca: [1], value: [3] }, code: "BAD_PARAMETER" },
  ])("idealClients refuses: $name", ({ input, code }) => {
    try {
      idealClients(input as IdealInput);
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      expect((e as EngineError).code).toBe(code);
    }
  });

  it("idealClients refuses a split point that is not a number", () => {
    expect(() => idealClients({ productivity: [1], value: [3] }, { splitValue: NaN })).toThrow(EngineError);
  });
});
