/*
 * The bad-input corpus (test/fixtures/bad/*.json): each file holds a range as exceljs or Office.js would give it,
 * and the exact French messages, assumptions, report summary and clients the reader must return. A fixture's
 * `expect` block is rewritten only on purpose, with scripts/refresh-bad-fixtures.ts, and its diff read.
 * Plus: a generated 1 000 000-line journal, and random ranges that must never make a reader throw.
 */
import fc from "fast-check";
import { readClientTable, readJournal } from "../../src/io";
import { generateJournal } from "../fixtures/journalGenerator";
import { loadBadFixtures, observe } from "./badCorpus";

const fixtures = loadBadFixtures();

describe("bad inputs", () => {
  it("the corpus holds at least 25 inputs, each with its expectation", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
    for (const f of fixtures) expect(f.expect).toBeDefined();
  });

  it.each(fixtures)("$reader: $file — $description", (fixture) => {
    expect(observe(fixture)).toEqual(fixture.expect);
  });

  it("readJournal(1 000 000 generated lines) aggregates them and reports the exact counts", () => {
    const { rows, expected } = generateJournal({ lines: 1_000_000 });
    const start = performance.now();
    const { clients, report } = readJournal(rows);
    const ms = performance.now() - start;
    const j = report.journal!;
    expect(clients).toHaveLength(expected.customers);
    expect(report.rowsRead).toBe(1_000_000);
    expect(j.linesUsed).toBe(1_000_000 - expected.linesWithoutCustomer);
    expect(j.linesWithoutClient).toBe(expected.linesWithoutCustomer);
    expect(j.cancellationLines).toBe(expected.cancellationLines);
    expect(j.duplicateLines).toBe(expected.duplicateLines);
    expect(j.linesRejected).toBe(0);
    expect(j.totalAmount).toBeCloseTo(expected.totalAmount, 4);
    expect(j.lastDate).toBe(expected.lastDate);
    expect(clients.reduce((s, c) => s + (c.monetary ?? 0), 0)).toBeCloseTo(expected.totalAmount, 2);
    expect(report.status).toBe("warnings");
    const summaries = report.issues.filter((i) => i.row === undefined).map((i) => i.message);
    expect(summaries).toContain(
      `${fr(expected.duplicateLines)} lignes identiques à une ligne précédente, conservées (un journal peut répéter une ligne) : vérifiez qu'il ne s'agit pas d'un double import.`,
    );
    expect(summaries.some((m) => m.startsWith(`${fr(expected.linesWithoutCustomer)} lignes sans identifiant client, pour un montant de `))).toBe(true);
    expect(report.issues.length).toBeLessThan(500);
    // The speed target (< 2 s) is measured by bench/journal.bench.ts; this only catches a collapse.
    expect(ms).toBeLessThan(20_000);
  });

  it("readJournal(200 000 lines of one client on one day, no invoice column) stays fast", () => {
    const rows: unknown[][] = [["Client", "Date", "Article", "Montant"]];
    for (let k = 0; k < 200_000; k++) rows.push(["A", "02/01/2025", `ART${k}`, k % 2 === 0 ? 1 : 2]);
    rows.push(["A", "02/01/2025", "ART7", 2]);
    const start = performance.now();
    const { clients, report } = readJournal(rows);
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(clients).toEqual([
      { id: "A", row: 2, ca: 300_002, monetary: 300_002, periods: [300_002], frequency: 1, recencyDays: 1, firstPurchase: "2025-01-02", lastPurchase: "2025-01-02" },
    ]);
    expect(report.journal?.duplicateLines).toBe(1);
    expect(report.issues.find((i) => i.key === "DUPLICATE_LINE")?.message).toBe("Ligne 200\u202f002 : identique à la ligne 9, conservée.");
  });

  const cell = fc.oneof(
    fc.constantFrom(null, undefined, "", " ", "#N/A", "#DIV/0!", "Total", "C123", "1 234,50 €", "12,5 %", "31/12/2024", "12/31/2024", "2024-02-30", "=SOMME(A1)", NaN, Infinity, 60, 0, -1),
    fc.string({ maxLength: 12 }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.date(),
    fc.record({ formula: fc.string(), result: fc.oneof(fc.integer(), fc.string(), fc.constant(undefined)) }),
    fc.record({ richText: fc.array(fc.record({ text: fc.string() }), { maxLength: 3 }) }),
    fc.record({ error: fc.constantFrom("#N/A", "#REF!") }),
    fc.anything(),
  );
  const header = fc.array(
    fc.oneof(
      fc.constantFrom("Client", "Code client", "Raison sociale", "CA", "CA 2024", "CA N-1", "Potentiel", "Nb visites 2025", "Date dernier achat", "Prospect", "Statut"),
      fc.constantFrom("Invoice", "InvoiceDate", "Quantity", "Price", "Customer ID", "Montant", "Facture", "Date"),
      cell,
    ),
    { maxLength: 8 },
  );
  const range = fc.tuple(header, fc.array(fc.oneof(fc.array(cell, { maxLength: 9 }), fc.anything()), { maxLength: 12 })).map(([h, body]) => [h, ...body] as unknown[][]);

  it("readClientTable and readJournal never throw on any range (property)", () => {
    fc.assert(
      fc.property(range, fc.boolean(), (rows, merge) => {
        const t = readClientTable(rows, { duplicates: merge ? "merge" : "report" });
        const j = readJournal(rows);
        return Array.isArray(t.clients) && Array.isArray(j.clients) && typeof t.report.status === "string" && typeof j.report.status === "string";
      }),
      { numRuns: 2000 },
    );
  });
});

/** A whole number as French messages write it (narrow no-break space between thousands). */
function fr(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}
