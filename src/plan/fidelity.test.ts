import { linesOf } from "./rows";
import type { ImportedClient } from "../io/client";
import { readJournal } from "../io/journal";
import { CATALOGUE, CHOSEN_SLOTS, CUSTOM_ROWS } from "./catalogue";
import { computeFidelity, type FidelityInput } from "./fidelity";
import { leavingClients, slotColumns, targetCounts } from "./fidelitySection";
import { scorePortfolio } from "./score";
import type { PlanValue, SheetPlan } from "./types";
import { buildWorkbookPlan, workbookSheetNames } from "./workbook";

/**
 * A hand-made journal, N-1 = 2024 and N = 2025 (reference 01/01/2026; the first line on 01/01/2024 so that N-1 is covered): A stopped its FiLo « Cartons » (and buys
 * the LiFo « Options » in N only), B stopped its LiFo « Options », C buys the LiLo « Premium » in N, D keeps its
 * cartons, Z is in the journal only. The client table adds E (no line) and a prospect P.
 */
const JOURNAL: unknown[][] = [
  ["Client", "N° facture", "Date", "Famille", "Montant"],
  ["A", "F1", "01/01/2024", "Cartons", 500],
  ["A", "F2", "10/03/2025", "Options", 120],
  ["B", "F3", "12/01/2024", "Cartons", 300],
  ["B", "F4", "12/06/2024", "Options", 200],
  ["B", "F5", "12/02/2025", "Cartons", 320],
  ["C", "F6", "15/01/2024", "Cartons", 400],
  ["C", "F7", "15/02/2025", "Cartons", 380],
  ["C", "F8", "15/09/2025", "Premium", 250],
  ["D", "F9", "20/01/2024", "Cartons", 100],
  ["D", "F10", "20/01/2025", "Cartons", 110],
  ["Z", "F11", "05/05/2024", "Cartons", 90],
  ["Z", "F12", "05/05/2025", "Cartons", 95],
];
const TYPES: Readonly<Record<string, string>> = { Cartons: "FiLo", Options: "LiFo", Premium: "LiLo" };

const client = (id: string, ca: number, contacts?: number, value?: number, isProspect = false): ImportedClient => ({
  id,
  row: 0,
  ca,
  periods: [ca, ca],
  ...(contacts !== undefined ? { contacts } : {}),
  ...(value !== undefined ? { value } : {}),
  isProspect,
});
const CLIENTS: ImportedClient[] = [
  client("A", 120, 4, 2),
  client("B", 320, 4, 4),
  client("C", 630, 3, 5),
  client("D", 110, 2, 3),
  client("P", 0, 1, undefined, true),
  client("E", 50, 0, 3),
].map((c, k) => ({ ...c, row: k + 2 }));

const journal = readJournal(JOURNAL, { referenceDate: "2026-01-01" });
const ids = journal.clients.map((c) => c.id);
const families = journal.families!;
const types = families.families.map((f) => TYPES[f] ?? "");
const input = (extra: Partial<FidelityInput> = {}): FidelityInput => ({ clients: CLIENTS, journal: { ids, families }, ...extra });

describe("computeFidelity(input): engagement and the ideal client of a portfolio (SPEC §12, §13)", () => {
  it("computeFidelity(with the rep's types) maps the journal's clients to the table's by id; prospects and clients without lines are not classed", () => {
    const f = computeFidelity(input({ types }));
    const e = f.engagement!;
    const row = f.engagementRow!;
    const cls = CLIENTS.map((_, i) => (row[i] < 0 ? "prospect" : ["loss_likely", "revenue_at_risk", "engaged", "to_build"][e.engagement[row[i]]] ?? "not classed"));
    expect(cls).toEqual(["loss_likely", "revenue_at_risk", "engaged", "to_build", "prospect", "not classed"]);
    expect(Array.from(e.counts)).toEqual([1, 1, 1, 1]);
    expect(e.notClassed).toBe(1);
    expect(e.caAtRisk[row[0]]).toBe(500);
    expect(e.caAtRisk[row[1]]).toBe(200);
    expect(e.totalAtRisk).toBe(700);
    expect(f.unmatched).toBe(1);
    expect(f.typedFamilies).toBe(3);
    expect(f.engagementMissing).toBeUndefined();
    expect(f.proposals?.families).toEqual(families.families);
  });

  it.each([
    { name: "no journal", extra: { journal: undefined }, key: "fid.reason.no_journal" },
    { name: "a journal that does not cover N-1", extra: { journal: undefined, journalMissing: "not_covered" as const }, key: "fid.reason.not_covered" },
    { name: "no types given: proposed, never used", extra: {}, key: "fid.reason.no_types" },
    { name: "no journal client in the table", extra: { journal: { ids: ids.map((x) => `X${x}`), families } }, key: "fid.reason.no_match" },
  ])("computeFidelity: $name → engagement not computed, with the reason", ({ extra, key }) => {
    const f = computeFidelity(input(extra as Partial<FidelityInput>));
    expect(f.engagement).toBeUndefined();
    expect(f.engagementMissing?.key).toBe(key);
  });

  it("computeFidelity: a type that is not one of the four is the engine's French error, not a crash", () => {
    const f = computeFidelity(input({ types: types.map((t) => (t === "LiLo" ? "Lilou" : t)) }));
    expect(f.engagementMissing?.key).toBe("fid.reason.failed");
    expect(f.engagementMissing?.params?.error).toMatch(/Premium/);
    expect(f.engagementMissing?.params?.error).toMatch(/Lilou/);
  });

  it("computeFidelity: an untyped family stopped decides nothing and is reported on « Remarques »", () => {
    const f = computeFidelity(input({ types: types.map((t) => (t === "LiFo" ? "" : t)) }));
    const row = f.engagementRow!;
    expect(f.engagement!.engagement[row[1]]).toBe(3);
    expect(f.remarks.map((r) => r.message)).toContainEqual(
      expect.stringMatching(/^La famille «\sOptions\s» n'a pas de type dans la table des types\s: elle ne décide d'aucune classe \(son arrêt compte dans le CA en risque\)\.$/),
    );
  });

  it("computeFidelity: the ideal-client matrix over the clients with a value; a client without contacts is left out with its row", () => {
    const f = computeFidelity(input());
    const ideal = f.ideal!;
    const row = f.idealRow!;
    // Productivity 30, 80, 210, 55 (E: no contact) → median 67,5; value 2, 4, 5, 3 → median 3,5.
    const cls = CLIENTS.map((_, i) => (row[i] < 0 ? "prospect" : (["ideal", "happy", "at_risk", "avoid"][ideal.ideal[row[i]]] ?? "not classed")));
    expect(cls).toEqual(["avoid", "ideal", "ideal", "avoid", "prospect", "not classed"]);
    expect(f.remarks).toEqual([{ row: 7, client: "E", message: expect.stringMatching(/^Client ligne 7\s:\saucun contact/), kind: "skipped" }]);
  });

  it.each([
    { name: "no value column", clients: CLIENTS.map(({ value: _v, ...c }) => c), key: "fid.reason.no_value" },
    { name: "no contacts column", clients: CLIENTS.map(({ contacts: _c, ...c }) => c), key: "fid.reason.no_contacts" },
  ])("computeFidelity: $name → the ideal client is not computed, with the reason", ({ clients, key }) => {
    expect(computeFidelity(input({ clients })).idealMissing?.key).toBe(key);
  });
});

/** The value of a cell of a sheet plan (0-based), or undefined. */
function cellOf(sheet: SheetPlan, row: number, col: number): PlanValue | undefined {
  for (const b of sheet.blocks) {
    if (row < b.row || col < b.col || row >= b.row + b.values.length) continue;
    const v = linesOf(b.values)[row - b.row][col - b.col];
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

/** The first row with a text cell matching `text` (a string is a prefix; NBSPs count as spaces). */
function findRow(sheet: SheetPlan, text: string | RegExp): number {
  const match = (v: PlanValue): boolean => typeof v === "string" && (typeof text === "string" ? v.replace(/[\u00a0\u202f]/g, " ").startsWith(text) : text.test(v));
  for (const b of sheet.blocks) {
    const k = linesOf(b.values).findIndex((r) => r.some(match));
    if (k >= 0) return b.row + k;
  }
  return -1;
}

describe("the PAC's fidelity blocks (buildWorkbookPlan with fidelity)", () => {
  const portfolio = scorePortfolio(CLIENTS);
  const fidelity = computeFidelity(input({ types }));
  const plan = buildWorkbookPlan(portfolio, { fidelity, catalogue: true });
  const pac = plan.sheets[2];

  it("section 4 offers the catalogue in native drop-down lists, pre-filled with the default suggestion per target", () => {
    const source = `'Catalogue'!$B$5:$B$${4 + CATALOGUE.length + CUSTOM_ROWS}`;
    expect(pac.validations).toHaveLength(CHOSEN_SLOTS);
    const top = findRow(pac, "Développer") > 0 ? pac.validations![0].range.row : -1;
    for (const [k, v] of pac.validations!.entries()) {
      expect(v).toMatchObject({ source, allowOther: true, range: { row: top, col: slotColumns(14)[k], rows: 6, cols: 1 } });
      expect(v.prompt?.title.length).toBeLessThanOrEqual(32);
    }
    expect(cellOf(pac, top - 1, 0)).toBe("Cible");
    expect([0, 1, 2].map((k) => cellOf(pac, top, slotColumns(14)[k]))).toEqual(["Cross selling", "Up selling", "Essayage"]);
    expect([0, 1, 2].map((k) => cellOf(pac, top + 4, slotColumns(14)[k]))).toEqual(["Demande de formalisation", "Appel à l'aide", "Contact direct"]);
    expect(cellOf(pac, top + 4, 0)).toBe("Sur le départ (à risque, hibernants, perte probable)");
    // The cells are the rep's to change: editable.
    expect(pac.editable).toEqual(expect.arrayContaining([{ row: top, col: 6, rows: 1, cols: 3 }]));
  });

  it("the Rétention line names the clients leaving and the CA at risk; each is listed with its reason", () => {
    const r = findRow(pac, /^Rétention$/);
    expect(r).toBeGreaterThan(0);
    expect(cellOf(pac, r, 2)).toBe("Retenir 2 clients sur le départ\u00a0: A, B\u202f; CA en risque 700\u00a0€");
    expect(leavingClients(portfolio, fidelity)).toEqual([0, 1]);
    const list = findRow(pac, "Clients sur le départ");
    expect(cellOf(pac, list + 2, 0)).toBe("A");
    expect(cellOf(pac, list + 2, 1)).toBe("Perte du client probable");
    expect(cellOf(pac, list + 2, 2)).toBe(500);
    expect(cellOf(pac, list + 2, 4)).toMatch(/^A cessé d'acheter la famille «\sCartons\s» \(FiLo, 500\s€ en N-1\)\s: perte du client probable/);
  });

  it("the diagnosis shows the clients and CA per engagement class, the total at risk, and the ideal classes with their reading", () => {
    const e = findRow(pac, "Engagement par type de produit");
    expect(cellOf(pac, e + 2, 6)).toBe("Perte du client probable");
    expect([cellOf(pac, e + 2, 9), cellOf(pac, e + 2, 10), cellOf(pac, e + 2, 12)]).toEqual([1, 500, 500]);
    const total = findRow(pac, "CA en risque total");
    expect(cellOf(pac, total, 12)).toBe(700);
    const ideal = findRow(pac, "Matrice du client idéal");
    expect([cellOf(pac, ideal + 2, 6), cellOf(pac, ideal + 2, 9)]).toEqual(["Clients idéaux", 2]);
    expect(cellOf(pac, ideal + 2, 10)).toMatch(/^à viser en priorité/);
  });

  it("without fidelity the PAC says why, and the drop-down lists are still there", () => {
    const none = buildWorkbookPlan(portfolio, { fidelity: computeFidelity({ clients: CLIENTS.map(({ value: _v, ...c }) => c) }), catalogue: true }).sheets[2];
    expect(findRow(none, "Non calculé : il faut un journal des ventes")).toBeGreaterThan(0);
    expect(findRow(none, "Non calculé : aucune colonne « Satisfaction »")).toBeGreaterThan(0);
    expect(findRow(none, /^Rétention$/)).toBe(-1);
    expect(none.validations).toHaveLength(CHOSEN_SLOTS);
  });

  it("buildWorkbookPlan without `catalogue`: the four sheets of before, no « Actions choisies » table, no drop-down list", () => {
    const bare = buildWorkbookPlan(portfolio, { fidelity });
    expect(bare.sheets.map((s) => s.name)).toEqual(["Cibles", "Contacts", "PAC", "Remarques"]);
    expect(workbookSheetNames("fr", { catalogue: true })).toEqual(plan.sheets.map((s) => s.name));
    expect(workbookSheetNames("en", { catalogue: true })).toEqual(["Targets", "Contacts", "PAC", "Notes", "Catalogue"]);
    expect(bare.sheets[2].validations).toBeUndefined();
    expect(findRow(bare.sheets[2], "Actions choisies")).toBe(-1);
    // The fidelity blocks do not need the catalogue.
    expect(findRow(bare.sheets[2], /^Rétention$/)).toBeGreaterThan(0);
  });

  it("targetCounts(portfolio, fidelity): the clients per catalogue target; a target whose method did not run has no count", () => {
    const counts = targetCounts(portfolio, fidelity);
    expect(counts.leaving).toBe(2);
    expect(counts.prospects).toBeDefined();
    expect(targetCounts(portfolio).leaving).toBe(portfolio.methods.rfm ? 0 : undefined);
  });

  it("the Remarques sheet lists the fidelity remarks", () => {
    const remarks = buildWorkbookPlan(portfolio, { fidelity: computeFidelity(input()) }).sheets[3];
    expect(findRow(remarks, "Client ligne 7 : aucun contact")).toBeGreaterThan(0);
  });
});
