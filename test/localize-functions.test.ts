// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeMetadata } = require("../scripts/localize-functions.js") as {
  localizeMetadata: (meta: unknown, table: unknown) => { functions: { id: string; name: string; parameters: { name: string }[] }[] };
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
