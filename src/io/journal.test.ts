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
      name: "lines that cancel out total exactly 0, never a negative float residue",
      rows: [H, ["A", "F1", "02/01/2025", 1, 0.3], ["A", "C1", "03/01/2025", -1, 0.1], ["A", "C2", "03/01/2025", -1, 0.2]],
      client: { monetary: 0, ca: 0, periods: [0] },
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
      // Last date 04/12/2024, so the reference date is 05/12/2024: N = 05/12/2023–04/12/2024 (5 + 30),
      // N-1 = 05/12/2022–04/12/2023 (10 + 20); the first line is on the first day of N-1, so N-1 is covered.
      name: "CA over the rolling periods N-1 and N, each boundary day in its own period",
      rows: [H, ["A", "F1", "05/12/2022", 1, 10], ["A", "F2", "04/12/2023", 1, 20], ["A", "F3", "05/12/2023", 1, 5], ["A", "F4", "04/12/2024", 1, 30]],
      client: { periods: [30, 35], monetary: 65 },
    },
    {
      // A journal from December to December: calendar years would make "2022" one month and every client new.
      name: "a December-to-December journal is two 12-month periods, not three calendar years",
      rows: [H, ["A", "F1", "01/12/2022", 1, 100], ["A", "F2", "15/01/2023", 1, 100], ["A", "F3", "15/01/2024", 1, 110], ["B", "F4", "30/11/2024", 1, 1]],
      client: { id: "A", periods: [200, 110] },
    },
    {
      name: "N-1 not covered (first line one day after its start): CA N alone, no maturity",
      rows: [H, ["A", "F1", "06/12/2022", 1, 10], ["A", "F4", "04/12/2024", 1, 30]],
      client: { periods: [30], monetary: 40 },
    },
    {
      // Reference 01/03/2024 (explicit): N from 01/03/2023, N-1 from 01/03/2022; the line of 01/03/2024 is in no period.
      name: "an explicit reference date: lines on or after it are in no period",
      rows: [H, ["A", "F1", "01/03/2022", 1, 7], ["A", "F2", "29/02/2024", 1, 3], ["A", "F3", "01/03/2024", 1, 50]],
      options: { referenceDate: "2024-03-01" },
      client: { periods: [7, 3], monetary: 60 },
    },
    {
      // Reference 29/02/2024 → N from 28/02/2023 (no 29 February that year), N-1 from 28/02/2022.
      name: "a reference date on 29 February starts N on 28 February",
      rows: [H, ["A", "F1", "28/02/2022", 1, 7], ["A", "F2", "27/02/2023", 1, 1], ["A", "F3", "28/02/2023", 1, 3]],
      options: { referenceDate: "2024-02-29" },
      client: { periods: [8, 3] },
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

  it("readJournal: the sum of monetary is the total of the lines used, the periods the total of the lines in N-1 and N", () => {
    const rows = [H, ...Array.from({ length: 300 }, (_, k) => [`C${k % 7}`, `F${k % 40}`, utc(2023 + (k % 3), 1 + (k % 12), 1 + (k % 28)), (k % 5) - 1, 0.1 * k])];
    const { clients, report } = readJournal(rows);
    const monetary = clients.reduce((s, c) => s + (c.monetary ?? 0), 0);
    const periods = clients.reduce((s, c) => s + (c.periods ?? []).reduce<number>((a, b) => a + (b ?? 0), 0), 0);
    expect(monetary).toBeCloseTo(report.journal!.totalAmount, 9);
    // Last date 28/12/2025 → reference 29/12/2025, N-1 from 29/12/2023: the lines of 2023 before it are out.
    expect(report.journal!.periods).toEqual({ n1Start: "2023-12-29", n1End: "2024-12-28", nStart: "2024-12-29", nEnd: "2025-12-28", covered: true });
    const inPeriods = rows.slice(1).reduce((s, r) => s + ((r[2] as Date) >= utc(2023, 12, 29) ? (r[3] as number) * (r[4] as number) : 0), 0);
    expect(periods).toBeCloseTo(inPeriods, 9);
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
      "Le journal couvre du 02/01/2025 au 02/01/2025 ; la maturité et l'élasticité comparent N-1 (du 03/01/2023 au 02/01/2024) à N (du 03/01/2024 au 02/01/2025) et demandent des ventes depuis le 03/01/2023. Il manque la période du 03/01/2023 au 01/01/2025 : maturité et élasticité non calculées. Ajoutez les ventes manquantes (par exemple l'onglet de l'année précédente).",
      "1 ligne ignorée car sa date ou son montant est illisible (détail par ligne).",
    ]);
  });

  it("readJournal: the report says which periods it read, and the mapping labels them N-1 and N", () => {
    const rows = [H, ["A", "F1", "05/12/2022", 1, 10], ["A", "F4", "04/12/2024", 1, 30]];
    const { mapping, report } = readJournal(rows);
    expect(mapping.periodLabels).toEqual(["N-1", "N"]);
    expect(report.assumptions.map((a) => a.key)).toContain("PERIODS_ROLLING");
    expect(report.assumptions.find((a) => a.key === "PERIODS_ROLLING")?.message).toBe(
      "Périodes de 12 mois glissants avant la date de référence, jamais des années civiles : N-1 du 05/12/2022 au 04/12/2023, N du 05/12/2023 au 04/12/2024.",
    );
    expect(report.issues.some((i) => i.key === "PERIODS_NOT_COVERED")).toBe(false);
    expect(mapping.missing.map((m) => m.method)).not.toContain("maturity");
    const short = readJournal([H, ["A", "F1", "06/12/2022", 1, 10], ["A", "F4", "04/12/2024", 1, 30]]);
    expect(short.mapping.periodLabels).toEqual(["N"]);
    expect(short.mapping.missing.map((m) => m.method)).toContain("maturity");
    expect(short.report.issues.find((i) => i.key === "PERIODS_NOT_COVERED")?.message).toBe(
      "Le journal couvre du 06/12/2022 au 04/12/2024 ; la maturité et l'élasticité comparent N-1 (du 05/12/2022 au 04/12/2023) à N (du 05/12/2023 au 04/12/2024) et demandent des ventes depuis le 05/12/2022. Il manque la période du 05/12/2022 au 05/12/2022 : maturité et élasticité non calculées. Ajoutez les ventes manquantes (par exemple l'onglet de l'année précédente).",
    );
  });
});
