import { engagement, familySpendFromRows } from "../../src/engine";
import { readFamilyTypeTable } from "../../src/io";

const FAMILIES = ["Consommables", "Options", "85123", "Contrats"];

describe("readFamilyTypeTable(rows, families): the rep's table « famille ; type » (SPEC §12)", () => {
  it.each([
    {
      name: "French headers, types in any case, a number as a family",
      rows: [["Famille", "Type"], ["Consommables", "filo"], ["Options", "Li-Fo"], [85123, "FIFO"], ["Contrats", " LiLo "]],
      types: ["FiLo", "LiFo", "FiFo", "LiLo"],
      keys: [],
    },
    {
      name: "English headers (StockCode, Product type), one family untyped",
      rows: [["StockCode", "Product type"], ["85123", "FiFo"], ["Options", "LiFo"], ["Consommables", "FiLo"]],
      types: ["FiLo", "LiFo", "FiFo", ""],
      keys: ["TYPE_FAMILIES_UNTYPED"],
    },
    {
      name: "an unknown type, a family twice, a family the journal does not have",
      rows: [["Famille", "Type"], ["Consommables", "premium"], ["Options", "LiFo"], ["Options", "FiLo"], ["Gadgets", "FiFo"], ["85123", "FiFo"], ["Contrats", "LiLo"]],
      types: ["", "LiFo", "FiFo", "LiLo"],
      keys: ["TYPE_UNKNOWN", "TYPE_FAMILY_TWICE", "TYPE_FAMILIES_UNKNOWN", "TYPE_FAMILIES_UNTYPED"],
    },
    { name: "no type column", rows: [["Famille", "Remarque"], ["Consommables", "FiLo"]], types: ["", "", "", ""], keys: ["TYPE_TABLE_NO_COLUMNS"] },
    { name: "empty", rows: [], types: ["", "", "", ""], keys: ["TYPE_TABLE_NO_COLUMNS"] },
  ])("readFamilyTypeTable(…): $name", ({ rows, types, keys }) => {
    const t = readFamilyTypeTable(rows as unknown[][], FAMILIES);
    expect(t.types).toEqual(types);
    expect(t.issues.map((i) => i.key)).toEqual(keys);
  });

  it("readFamilyTypeTable says which row holds an unknown type, in French, and its types feed engagement", () => {
    const t = readFamilyTypeTable([["Famille", "Type"], ["Consommables", "premium"]], FAMILIES);
    expect(t.issues[0].message).toBe(
      "Ligne 2, «\u00a0Type\u00a0»\u00a0: «\u00a0premium\u00a0» n'est pas un type (FiLo, FiFo, LiFo ou LiLo)\u202f; la famille «\u00a0Consommables\u00a0» reste sans type.",
    );
    const table = readFamilyTypeTable([["Famille", "Type"], ["Consommables", "FiLo"], ["Options", "LiFo"]], FAMILIES);
    const r = engagement(familySpendFromRows(FAMILIES, [[100, 50, 0, 0]], [[0, 50, 0, 0]]), table.types);
    expect(r.row(0).engagement).toBe("loss_likely");
  });
});
