import { linesOf } from "./rows";
import { actionDescription, actionFamilyLabel, actionLabel, catalogueTargetLabel } from "../i18n/catalogue";
import { catalogueActionsFr, catalogueFamiliesFr } from "../i18n/fr/catalogue";
import { CATALOGUE, CATALOGUE_FAMILIES, CATALOGUE_TARGETS, CHOSEN_SLOTS, CUSTOM_ROWS, actionsForTarget, buildCatalogueSheet, catalogueEntry, suggestionFor } from "./catalogue";
import type { CatalogueTargetId } from "./catalogue";

describe("the action catalogue (SPEC §13)", () => {
  it("CATALOGUE holds every action of the French catalogue once, grouped by family in the book's order", () => {
    expect(CATALOGUE.map((e) => e.id).sort()).toEqual(Object.keys(catalogueActionsFr).sort());
    expect(new Set(CATALOGUE.map((e) => e.id)).size).toBe(CATALOGUE.length);
    // Families appear in one block each, in CATALOGUE_FAMILIES order.
    const blocks = CATALOGUE.map((e) => e.family).filter((f, k, all) => k === 0 || all[k - 1] !== f);
    expect(blocks).toEqual(CATALOGUE_FAMILIES);
    expect([...CATALOGUE_FAMILIES].sort()).toEqual(Object.keys(catalogueFamiliesFr).sort());
  });

  it.each([
    { family: "conquest_proactive", n: 6 },
    { family: "conquest_reactive", n: 6 },
    { family: "reconquest", n: 3 },
    { family: "satisfaction", n: 4 },
    { family: "loyalty", n: 2 },
    { family: "securing", n: 5 },
    { family: "retention", n: 2 },
    { family: "purchase_stimulation", n: 5 },
    { family: "effort_stimulation", n: 8 },
  ] as const)("CATALOGUE: $family has the $n actions SPEC §13 lists", ({ family, n }) => {
    expect(CATALOGUE.filter((e) => e.family === family)).toHaveLength(n);
  });

  it.each(["fr", "en"] as const)("every action has a unique name, a one-line description and at least one target (%s)", (lang) => {
    const labels = CATALOGUE.map((e) => actionLabel(e.id, lang));
    expect(new Set(labels).size).toBe(labels.length);
    for (const e of CATALOGUE) {
      const description = actionDescription(e.id, lang);
      expect(description.length).toBeGreaterThan(20);
      expect(description).not.toMatch(/\n/);
      expect(description.length).toBeLessThanOrEqual(120);
      expect(e.targets.length).toBeGreaterThan(0);
    }
    for (const f of CATALOGUE_FAMILIES) expect(actionFamilyLabel(f, lang)).not.toBe("");
    for (const t of CATALOGUE_TARGETS) expect(catalogueTargetLabel(t, lang)).not.toBe("");
  });

  it.each([
    { target: "develop", families: ["purchase_stimulation"] },
    { target: "maintain", families: ["loyalty", "satisfaction"] },
    { target: "secure", families: ["securing"] },
    { target: "contact_eater", families: ["effort_stimulation"] },
    { target: "leaving", families: ["retention", "reconquest"] },
    { target: "prospects", families: ["conquest_proactive", "conquest_reactive"] },
  ] as const)("suggestionFor($target) is SPEC §13's default, and its pre-filled actions belong to those families and suit the target", ({ target, families }) => {
    const s = suggestionFor(target);
    expect(s.families).toEqual(families);
    expect(s.actions.length).toBeGreaterThan(0);
    expect(s.actions.length).toBeLessThanOrEqual(CHOSEN_SLOTS);
    for (const a of s.actions) {
      expect(families).toContain(catalogueEntry(a).family);
      expect(catalogueEntry(a).targets).toContain(target);
      expect(actionsForTarget(target)).toContain(a);
    }
  });

  it("suggestionFor and catalogueEntry refuse an unknown id", () => {
    expect(() => suggestionFor("nobody" as CatalogueTargetId)).toThrow(RangeError);
    expect(() => catalogueEntry("nothing" as never)).toThrow(RangeError);
  });

  it("the contact eaters are offered contacts at a distance (« Omniprésence »)", () => {
    expect(actionsForTarget("contact_eater")).toContain("omnipresence");
    expect(actionLabel("omnipresence")).toBe("Omniprésence");
    expect(actionDescription("omnipresence")).toMatch(/contacts à distance/);
  });

  it("buildCatalogueSheet(lang): one row per action under the header, blank editable rows for the rep's own, and the action column as the lists' source", () => {
    const { sheet, actionSource } = buildCatalogueSheet("fr");
    expect(sheet.name).toBe("Catalogue");
    const first = 4;
    expect(actionSource).toBe(`'Catalogue'!$B$${first + 1}:$B$${first + CATALOGUE.length + CUSTOM_ROWS}`);
    const cell = (row: number, col: number): unknown => {
      for (const b of sheet.blocks) {
        const v = linesOf(b.values)[row - b.row]?.[col - b.col];
        if (v !== undefined && row >= b.row && col >= b.col) return v;
      }
      return undefined;
    };
    expect([cell(3, 0), cell(3, 1), cell(3, 2), cell(3, 3)]).toEqual(["Famille", "Action", "Description", "Cibles"]);
    expect([cell(first, 0), cell(first, 1)]).toEqual(["Conquête proactive", "Porte-à-porte"]);
    const cross = CATALOGUE.findIndex((e) => e.id === "cross_selling");
    expect([cell(first + cross, 0), cell(first + cross, 1), cell(first + cross, 3)]).toEqual(["Stimulation des achats", "Cross selling", "Développer"]);
    expect(sheet.editable).toEqual([{ row: first + CATALOGUE.length, col: 0, rows: CUSTOM_ROWS, cols: 4 }]);
    expect(buildCatalogueSheet("en").sheet.blocks.some((b) => linesOf(b.values).some((r) => r.includes("Cross-selling")))).toBe(true);
  });
});
