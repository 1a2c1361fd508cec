import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import table from "../src/i18n/functions.fr-FR.json";

interface Metadata {
  functions: { id: string; name: string; parameters: { name: string }[] }[];
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { BUILT_IN_NAMES, builtInClashes, localizeMetadata } = require("../scripts/localize-functions.js") as {
  BUILT_IN_NAMES: readonly string[];
  builtInClashes: (meta: Metadata) => string[];
  localizeMetadata: (meta: unknown, table: unknown) => Metadata;
};

const meta = {
  functions: [{ id: "ABC", name: "ABC", description: "en", parameters: [{ name: "amounts", description: "en" }] }],
};

describe("localizeMetadata", () => {
  it("localizeMetadata(meta, table) translates names and parameters but keeps ids", () => {
    const table = { ABC: { name: "ABC", description: "fr", parameters: { amounts: { name: "montants", description: "fr" } } } };
    const out = localizeMetadata(meta, table);
    expect(out.functions[0]).toMatchObject({ id: "ABC", description: "fr", parameters: [{ name: "montants" }] });
  });

  it("localizeMetadata throws on a missing function or parameter translation", () => {
    expect(() => localizeMetadata(meta, {})).toThrow("fonction ABC sans traduction");
    expect(() => localizeMetadata(meta, { ABC: { name: "ABC", description: "fr", parameters: {} } })).toThrow(
      "paramètre ABC.amounts sans traduction",
    );
    expect(() =>
      localizeMetadata(meta, {
        ABC: { name: "ABC", description: "fr", parameters: { amounts: { name: "m", description: "" }, extra: { name: "x", description: "" } } },
      }),
    ).toThrow("paramètre ABC.extra traduit mais absent");
  });
});

describe("PAC function names never reuse a built-in Excel function name, in English or in French", () => {
  let english: Metadata;
  let french: Metadata;

  beforeAll(async () => {
    // The same metadata the build makes: the JSDoc of src/functions/functions.ts, then the French table.
    const generated = await generateCustomFunctionsMetadata(path.resolve(__dirname, "../src/functions/functions.ts"));
    expect(generated.errors).toEqual([]);
    english = JSON.parse(generated.metadataJson) as Metadata;
    french = localizeMetadata(english, table);
  }, 60_000);

  it("the twelve functions have these ids, English names and French names", () => {
    expect(english.functions.map((f) => [f.id, f.name, french.functions.find((g) => g.id === f.id)?.name])).toEqual([
      ["RFM", "RFM", "RFM"],
      ["ABC", "ABC", "ABC"],
      ["P_R", "P_R", "P_R"],
      ["ELASTICITY", "ELASTICITY", "ELASTICITE"],
      ["QUARTER_RANK", "QUARTER_RANK", "RANG_QUART"],
      ["CONTACTS", "CONTACTS", "CONTACTS"],
      ["MATURITY", "MATURITY", "MATURITE"],
      ["CAPITAL", "CAPITAL", "CAPITAL"],
      ["ALLOCATE", "ALLOCATE", "REPARTIR"],
      ["PROSPECT", "PROSPECT", "PROSPECT"],
      ["IDEAL", "IDEAL", "CLIENT_IDEAL"],
      ["ENGAGEMENT", "ENGAGEMENT", "ENGAGEMENT"],
    ]);
  });

  it("no id or name, in either language, is a built-in Excel function name", () => {
    const ours = [...english.functions, ...french.functions].flatMap((f) => [f.id, f.name].map((n) => n.toUpperCase()));
    expect(ours.filter((n) => BUILT_IN_NAMES.includes(n))).toEqual([]);
    expect([...builtInClashes(english), ...builtInClashes(french)]).toEqual([]);
  });

  it.each([
    { where: "the English id and name", id: "QUARTILE", en: "QUARTILE", fr: "RANG_QUART", clash: /QUARTILE/ },
    { where: "the French name", id: "QUARTER_RANK", en: "QUARTER_RANK", fr: "QUARTILE", clash: /QUARTILE/ },
    { where: "a French name in lower case", id: "RANKING", en: "RANKING", fr: "rang", clash: /rang/ },
    { where: "a dotted French name", id: "PCT", en: "PCT", fr: "RANG.POURCENTAGE", clash: /RANG\.POURCENTAGE/ },
    { where: "MEDIANE", id: "MIDDLE", en: "MIDDLE", fr: "MEDIANE", clash: /MEDIANE/ },
    { where: "RANK.EQ in French", id: "RANK_EQ", en: "RANK_EQ", fr: "EQUATION.RANG", clash: /EQUATION\.RANG/ },
  ])("localizeMetadata refuses $where ($en / $fr)", ({ id, en, fr, clash }) => {
    const meta = { functions: [{ id, name: en, description: "en", parameters: [] }] };
    const t = { [id]: { name: fr, description: "fr", parameters: {} } };
    expect(() => localizeMetadata(meta, t)).toThrow(/Nom de fonction Excel intégrée réutilisé/);
    expect(() => localizeMetadata(meta, t)).toThrow(clash);
  });

  it.each(["QUARTILE", "QUARTILE.INC", "RANK", "RANG", "PERCENTRANK", "RANG.POURCENTAGE", "MEDIAN", "MEDIANE", "EQUATION.RANG", "FREQUENCE"])(
    "the list of built-in names holds %s",
    (name) => {
      expect(BUILT_IN_NAMES).toContain(name);
    },
  );
});
