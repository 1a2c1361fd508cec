/*
 * The product-family column of a sales journal and the per-client spend per family in N-1 and N (SPEC §7 and §12),
 * read by readJournal, then the proposed types and the engagement of the engine; and the value / satisfaction
 * column of a client table (§13).
 */
import { FAMILY_TYPES, engagement, idealClients, proposeFamilyTypes } from "../../src/engine";
import { detectFamilyColumn, isFamilyJournalHeader, readClientTable, readJournal } from "../../src/io";

describe("isFamilyJournalHeader(header): a journal engagement can read beside a client table", () => {
  it.each([
    { name: "client, date, family, amount", header: ["Client", "Date", "Famille", "Montant"], expected: true },
    { name: "the sample's Journal sheet", header: ["N° facture", "Date", "Client", "Famille", "Montant HT"], expected: true },
    { name: "quantity and unit price, StockCode", header: ["Invoice", "StockCode", "Quantity", "InvoiceDate", "Price", "Customer ID"], expected: true },
    { name: "a journal without a product column", header: ["Client", "Date", "Montant"], expected: false },
    { name: "a client table", header: ["Client", "CA 2024", "CA 2025", "Visites 2025"], expected: false },
    { name: "no date", header: ["Client", "Famille", "Montant"], expected: false },
    { name: "empty", header: [], expected: false },
  ])("isFamilyJournalHeader($name) is $expected", ({ header, expected }) => {
    expect(isFamilyJournalHeader(header)).toBe(expected);
  });
});

describe("detectFamilyColumn(header)", () => {
  it.each([
    { header: ["Client", "Date", "Montant", "Famille"], column: 3, kind: "family" },
    { header: ["Client", "Date", "Montant", "Produit", "Famille de produits"], column: 4, kind: "family" },
    { header: ["Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID"], column: 1, kind: "product" },
    { header: ["Client", "Date", "Code article", "Désignation", "Montant"], column: 2, kind: "product" },
    { header: ["Client", "Date", "Référence", "Montant"], column: 2, kind: "product" },
    { header: ["Customer", "Date", "SKU", "Amount"], column: 2, kind: "product" },
    { header: ["Client", "Date", "Désignation", "Montant"], column: 2, kind: "description" },
    { header: ["Customer", "Date", "Product category", "Amount"], column: 2, kind: "family" },
    { header: ["Client", "Facture", "Date", "Montant"], column: undefined, kind: undefined },
    { header: ["Référence client", "Date", "Montant"], column: undefined, kind: undefined },
    { header: [], column: undefined, kind: undefined },
  ])("detectFamilyColumn($header) → column $column ($kind)", ({ header, column, kind }) => {
    const m = detectFamilyColumn(header);
    expect([m?.column, m?.kind]).toEqual([column, kind]);
  });
});

const HEADER = ["Client", "Facture", "Date", "Famille", "Montant"];

/**
 * A hand-made journal, reference date 10/01/2025 (N from 10/01/2024, N-1 from 10/01/2023, the first line), whose
 * types are known by construction:
 * - « Base » (FiLo): every client buys it on its first day and keeps it;
 * - « Découverte » (FiFo): bought on the first day, dropped in 2024 by 3 of the 4 clients;
 * - « Options » (LiFo): bought late in 2023, dropped in 2024 by 2 of the 3;
 * - « Contrat » (LiLo): bought late, kept.
 * A: stops Base (FiLo) and Options (LiFo) at once → perte probable (the first rule wins), CA at risk 400 + 150.
 * B: stops Options → risque de perte de CA. C: buys Contrat only in 2024 (a family bought only in N) → engagé.
 * D: stops Découverte only → fidélité à construire, CA at risk 30.
 */
function handMade(): unknown[][] {
  const rows: unknown[][] = [HEADER];
  const line = (c: string, inv: string, date: string, fam: string, amount: number): void => void rows.push([c, inv, date, fam, amount]);
  // A
  line("A", "A1", "10/01/2023", "Base", 400);
  line("A", "A1", "10/01/2023", "Découverte", 40);
  line("A", "A2", "15/11/2023", "Options", 150);
  line("A", "A3", "10/03/2024", "Contrat", 90);
  // B
  line("B", "B1", "05/02/2023", "Base", 300);
  line("B", "B1", "05/02/2023", "Découverte", 20);
  line("B", "B2", "20/10/2023", "Options", 100);
  line("B", "B3", "15/04/2024", "Base", 320);
  // C
  line("C", "C1", "01/03/2023", "Base", 200);
  line("C", "C1", "01/03/2023", "Découverte", 25);
  line("C", "C2", "01/09/2023", "Options", 60);
  line("C", "C3", "01/06/2024", "Base", 210);
  line("C", "C3", "01/06/2024", "Options", 70);
  line("C", "C4", "01/11/2024", "Contrat", 120);
  // D
  line("D", "D1", "01/04/2023", "Base", 100);
  line("D", "D1", "01/04/2023", "Découverte", 30);
  line("D", "D2", "01/05/2024", "Base", 110);
  line("D", "D3", "01/06/2024", "", 15);
  return rows;
}

describe("readJournal with a family column, then proposeFamilyTypes and engagement", () => {
  const REF = "10/01/2025";

  it("readJournal(hand-made) sums each client's families into N-1 and N", () => {
    const { families, mapping } = readJournal(handMade(), { referenceDate: REF });
    expect(mapping.family).toMatchObject({ header: "Famille", kind: "family" });
    expect(mapping.unused).toEqual([{ column: 3, header: "Famille" }]); // it feeds `families`, no client field
    const f = families!;
    expect(f.families).toEqual(["Base", "Découverte", "Options", "Contrat"]);
    expect(f.linesWithoutFamily).toBe(1);
    const spend = (client: number): Record<string, [number, number]> => {
      const out: Record<string, [number, number]> = {};
      for (let k = f.start[client]; k < f.start[client + 1]; k++) out[f.families[f.family[k]]] = [f.spendN1[k], f.spendN[k]];
      return out;
    };
    expect(spend(0)).toEqual({ Base: [400, 0], Découverte: [40, 0], Options: [150, 0], Contrat: [0, 90] });
    expect(spend(2)).toEqual({ Base: [200, 210], Découverte: [25, 0], Options: [60, 70], Contrat: [0, 120] });
    // D's distinct purchase days: 01/04/2023, 01/05/2024, 01/06/2024 (the line without family counts in its history).
    expect(f.dayStart[4] - f.dayStart[3]).toBe(3);
  });

  it("proposeFamilyTypes(hand-made journal) proposes the types it was built with", () => {
    const p = proposeFamilyTypes(readJournal(handMade(), { referenceDate: REF }).families!);
    expect(Array.from(p.proposed, (k) => FAMILY_TYPES[k])).toEqual(["FiLo", "FiFo", "LiFo", "LiLo"]);
  });

  it("engagement(hand-made journal, the rep's table): the first rule wins, a family bought only in N engages", () => {
    const { families } = readJournal(handMade(), { referenceDate: REF });
    const r = engagement(families!, ["FiLo", "FiFo", "LiFo", "LiLo"]);
    expect([0, 1, 2, 3].map((i) => r.row(i).engagement)).toEqual(["loss_likely", "revenue_at_risk", "engaged", "to_build"]);
    expect(Array.from(r.caAtRisk)).toEqual([590, 120, 25, 30]);
    expect(r.row(0).stopped).toEqual(["Base", "Découverte", "Options"]);
    expect(r.totalAtRisk).toBe(765);
  });

  it("readJournal: a journal that does not cover N-1 (reference 01/01/2025: N-1 from 01/01/2023) gives no family spend, with the report", () => {
    const { families, mapping, report } = readJournal(handMade(), { referenceDate: "01/01/2025" });
    expect(families).toBeUndefined();
    expect(mapping.family?.header).toBe("Famille");
    expect(report.issues.filter((i) => i.key === "ENGAGEMENT_NOT_COVERED" || i.key === "PERIODS_NOT_COVERED").map((i) => i.key)).toEqual([
      "PERIODS_NOT_COVERED",
      "ENGAGEMENT_NOT_COVERED",
    ]);
  });

  it.each([
    { name: "familyColumn: 'none'", options: { familyColumn: "none" as const }, family: undefined },
    { name: "familyColumn forced to the invoice column", options: { familyColumn: 1 }, family: "Facture" },
  ])("readJournal(…, $name)", ({ options, family }) => {
    const { mapping } = readJournal(handMade(), { referenceDate: REF, ...options });
    expect(mapping.family?.header).toBe(family);
  });

  it("readJournal without a family column reads no families", () => {
    const rows = handMade().map((r) => [r[0], r[1], r[2], r[4]]);
    const result = readJournal(rows, { referenceDate: REF });
    expect(result.families).toBeUndefined();
    expect(result.mapping.family).toBeUndefined();
  });
});

describe("readClientTable: the value / satisfaction column (SPEC §13)", () => {
  it("reads « Satisfaction » as the value, flags a score outside 1..5 and keeps it, leaves blanks blank", () => {
    const { clients, mapping, report } = readClientTable([
      ["Client", "CA", "Visites", "Satisfaction"],
      ["A", 12000, 3, 4],
      ["B", 3000, 6, "5"],
      ["C", 9000, 3, ""],
      ["D", 1000, 10, 7],
    ]);
    expect(mapping.fields.value?.header).toBe("Satisfaction");
    expect(clients.map((c) => c.value)).toEqual([4, 5, undefined, 7]);
    expect(report.issues.filter((i) => i.key === "VALUE_OUT_OF_RANGE").map((i) => i.message)).toEqual([
      "Ligne 5, «\u00a0Satisfaction\u00a0»\u00a0: la note 7 est hors de l'échelle de 1 à 5\u202f; ce client ne sera pas classé dans la matrice du client idéal.",
    ]);
    const ideal = idealClients({ ca: clients.map((c) => c.ca), contacts: clients.map((c) => c.contacts), value: clients.map((c) => c.value) });
    expect(Array.from({ length: ideal.n }, (_, i) => ideal.row(i).ideal)).toEqual(["at_risk", "happy", null, null]); // medians 2 250 and 4,5 of A and B
  });
});
