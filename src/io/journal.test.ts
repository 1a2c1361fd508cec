import type { ImportedClient } from "./clientTable";
import { readJournal, type JournalOptions } from "./journal";

const H = ["Client", "Facture", "Date", "Qté", "Prix unitaire"];
const utc = (y: number, m: number, d: number, h = 0, min = 0): Date => new Date(Date.UTC(y, m - 1, d, h, min));

describe("readJournal: the aggregation rules", () => {
  const cases: { name: string; rows: unknown[][]; options?: JournalOptions; client: Partial<ImportedClient> }[] = [
    {
      name: "line amount = quantity × unit price; monetary = sum of all lines",
      rows: [H, ["A", "F1", "02/01/2025", 3, 2.5], ["A", "F1", "02/01/2025", 1, 10]],
      client: { monetary: 17.5, ca: 17.5, frequency: 1 },
    },
    {
      name: "cancellations and returns are included in monetary",
      rows: [H, ["A", "F1", "02/01/2025", 4, 10], ["A", "C1", "03/01/2025", -1, 10], ["A", "F2", "04/01/2025", -2, 5]],
      client: { monetary: 20, frequency: 1, lastPurchase: "2025-01-02" },
    },
    {
      name: "an invoice starting with C is never a purchase, whatever its total (case ignored)",
      rows: [H, ["A", "C9", "02/01/2025", 1, 10], ["A", "c10", "03/01/2025", 1, 10], ["A", "F1", "01/01/2025", 1, 1]],
      client: { frequency: 1, firstPurchase: "2025-01-01", lastPurchase: "2025-01-01" },
    },
    {
      name: "an invoice whose total for the client is ≤ 0 is not a purchase",
      rows: [H, ["A", "F1", "02/01/2025", 1, 10], ["A", "F1", "02/01/2025", -1, 10], ["A", "F2", "03/01/2025", 1, 5]],
      client: { frequency: 1, lastPurchase: "2025-01-03" },
    },
    {
      name: "frequency counts distinct invoices, not lines",
      rows: [H, ["A", "F1", "02/01/2025", 1, 1], ["A", "F1", "02/01/2025", 1, 2], ["A", "F2", "02/01/2025", 1, 3], ["A", "F1", "02/01/2025", 1, 4]],
      client: { frequency: 2 },
    },
    {
      name: "the same invoice number for two clients is two purchases",
      rows: [H, ["A", "F1", "02/01/2025", 1, 1], ["B", "F1", "02/01/2025", 1, 1]],
      client: { id: "A", frequency: 1 },
    },
    {
      name: "invoice 490397 as a number and as text is one invoice",
      rows: [H, ["A", 490397, "02/01/2025", 1, 1], ["A", "490397", "02/01/2025", 1, 1]],
      client: { frequency: 1 },
    },
    {
      name: "recency = whole days from the last purchase to the day after the journal's last date",
      rows: [H, ["A", "F1", utc(2025, 1, 2, 23, 59), 1, 1], ["B", "F2", utc(2025, 1, 10, 0, 1), 1, 1]],
      client: { id: "A", recencyDays: 9, lastPurchase: "2025-01-02" },
    },
    {
      name: "time of day is ignored (23:59 and 00:01 are the same day)",
      rows: [H, ["A", "F1", utc(2025, 1, 2, 23, 59), 1, 1], ["A", "F2", utc(2025, 1, 2, 0, 1), 1, 1]],
      client: { recencyDays: 1, firstPurchase: "2025-01-02", lastPurchase: "2025-01-02" },
    },
    {
      name: "an explicit reference date",
      rows: [H, ["A", "F1", "02/01/2025", 1, 1]],
      options: { referenceDate: "2025-12-31" },
      client: { recencyDays: 363 },
    },
    {
      name: "the last date of the journal counts even on a line without client",
      rows: [H, ["A", "F1", "02/01/2025", 1, 1], [null, "F2", "10/01/2025", 1, 1]],
      client: { recencyDays: 9 },
    },
    {
      name: "CA per calendar year, oldest first, years without lines at 0",
      rows: [H, ["A", "F1", "02/01/2022", 1, 10], ["A", "F2", "31/12/2024", 1, 30], ["B", "F3", "01/06/2023", 1, 5]],
      client: { id: "A", periods: [10, 0, 30], monetary: 40 },
    },
    {
      name: "Office.js values: serial dates, \"\" blanks, numbers as text",
      rows: [H, ["A", "F1", 45659, "2", "1,5"], ["A", "", 45660, 1, 1], [12, "F3", 45660.75, 1, 1]],
      client: { monetary: 4, frequency: 2, lastPurchase: "2025-01-03", firstPurchase: "2025-01-02" },
    },
    {
      name: "a numeric client id and the same id as text are one client",
      rows: [H, [12417, "F1", "02/01/2025", 1, 1], ["12417", "F2", "03/01/2025", 1, 1]],
      client: { id: "12417", frequency: 2 },
    },
    {
      name: "the name column is read from the first line that has one",
      rows: [["Code client", "Raison sociale", "Facture", "Date", "Montant"], ["A", null, "F1", "02/01/2025", 5], ["A", "Dupont", "F2", "03/01/2025", 5]],
      client: { id: "A", name: "Dupont", monetary: 10 },
    },
  ];
  it.each(cases)("readJournal(rows): $name", ({ rows, options, client }) => {
    const { clients } = readJournal(rows, options);
    const found = client.id ? clients.find((c) => c.id === client.id) : clients[0];
    expect(found).toMatchObject(client);
  });

  it("readJournal: clients come in order of first appearance, each with the row of its first line", () => {
    const { clients } = readJournal([H, ["B", "F1", "02/01/2025", 1, 1], ["A", "F2", "02/01/2025", 1, 1], ["B", "F3", "03/01/2025", 1, 1]]);
    expect(clients.map((c) => [c.id, c.row])).toEqual([["B", 2], ["A", 3]]);
  });

  it("readJournal: the sum of monetary and of the periods is the total of the lines used", () => {
    const rows = [H, ...Array.from({ length: 300 }, (_, k) => [`C${k % 7}`, `F${k % 40}`, utc(2023 + (k % 3), 1 + (k % 12), 1 + (k % 28)), (k % 5) - 1, 0.1 * k])];
    const { clients, report } = readJournal(rows);
    const monetary = clients.reduce((s, c) => s + (c.monetary ?? 0), 0);
    const periods = clients.reduce((s, c) => s + (c.periods ?? []).reduce<number>((a, b) => a + (b ?? 0), 0), 0);
    expect(monetary).toBeCloseTo(report.journal!.totalAmount, 9);
    expect(periods).toBeCloseTo(report.journal!.totalAmount, 9);
    expect(clients.reduce((s, c) => s + (c.frequency ?? 0), 0)).toBe(report.journal!.purchases);
  });

  it("readJournal does not modify its input", () => {
    const rows = Object.freeze([Object.freeze([...H]), Object.freeze(["A", "F1", "02/01/2025", 1, 1])]) as unknown as unknown[][];
    expect(readJournal(rows).clients).toHaveLength(1);
  });

  it("readJournal(rows, { detectDuplicateLines: false }) keeps repeats without reporting them", () => {
    const rows = [H, ["A", "F1", "02/01/2025", 1, 1], ["A", "F1", "02/01/2025", 1, 1]];
    expect(readJournal(rows).report.journal?.duplicateLines).toBe(1);
    const quiet = readJournal(rows, { detectDuplicateLines: false });
    expect([quiet.report.journal?.duplicateLines, quiet.clients[0].monetary]).toEqual([0, 2]);
  });

  it("readJournal: duplicate detection compares whole rows, so a different product is not a repeat", () => {
    const rows = [["Client", "Facture", "Date", "Article", "Montant"], ["A", "F1", "02/01/2025", "MUG", 5], ["A", "F1", "02/01/2025", "BAG", 5]];
    expect(readJournal(rows).report.journal?.duplicateLines).toBe(0);
  });

  it("readJournal(rows, { mapping }) forces the columns", () => {
    const rows = [["Qui", "Quand", "Combien"], ["A", "02/01/2025", 10]];
    expect(readJournal(rows).report.issues[0].key).toBe("NO_ID_COLUMN");
    const { clients, mapping } = readJournal(rows, { mapping: { id: 0, date: 1, amount: 2 } });
    expect(clients).toEqual([
      { id: "A", row: 2, ca: 10, monetary: 10, periods: [10], frequency: 1, recencyDays: 1, firstPurchase: "2025-01-02", lastPurchase: "2025-01-02" },
    ]);
    expect(mapping.fields.amount).toEqual({ column: 2, header: "Combien", confidence: 1, source: "override" });
  });

  it("readJournal(rows, { mapping: { invoice: \"none\" } }) falls back to one purchase per day", () => {
    const rows = [H, ["A", "F1", "02/01/2025", 1, 1], ["A", "F2", "02/01/2025", 1, 1]];
    expect(readJournal(rows).clients[0].frequency).toBe(2);
    expect(readJournal(rows, { mapping: { invoice: "none" } }).clients[0].frequency).toBe(1);
  });

  it("readJournal(not an array) throws; bad options throw RangeError", () => {
    expect(() => readJournal(undefined as unknown as unknown[][])).toThrow(TypeError);
    expect(() => readJournal([H], { mapping: { date: "C" as unknown as number } })).toThrow(RangeError);
  });

  it("readJournal reads a journal of exceljs objects (formula results, rich text ids, error amounts)", () => {
    const { clients, report } = readJournal([
      ["Client", "Facture", "Date", "Montant"],
      [{ richText: [{ text: "A" }] }, "F1", utc(2025, 1, 2), { formula: "2*5", result: 10 }],
      [{ text: "A", hyperlink: "x" }, "F2", utc(2025, 1, 3), { error: "#N/A" }],
    ]);
    expect(clients).toEqual([
      { id: "A", row: 2, ca: 10, monetary: 10, periods: [10], frequency: 1, recencyDays: 1, firstPurchase: "2025-01-02", lastPurchase: "2025-01-02" },
    ]);
    expect(report.issues.map((i) => i.message)).toEqual([
      "Ligne 3, « Montant » : la cellule contient l'erreur #N/A.",
      "1 ligne(s) ignorée(s) car leur date ou leur montant est illisible (détail par ligne).",
    ]);
  });
});
