/*
 * The real retail journal (test/fixtures/online_retail_II_sample.xlsx, two sheets, 34 766 lines) read through the
 * same path as the CLI: exceljs cell values -> readJournal. The expected figures were computed once, separately,
 * by test/fixtures/online_retail_expected.py with openpyxl (re-run it with /usr/bin/python3 to regenerate
 * test/fixtures/online_retail_expected.json). The sheets are given as one range: sheet 2 follows sheet 1 with
 * its header row, which the reader must skip as a repeated header.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { readJournal, type JournalResult } from "../../src/io";
import expected from "../fixtures/online_retail_expected.json";
import { worksheetRows } from "./exceljsRows";

const DATA = path.resolve(__dirname, "../fixtures/online_retail_II_sample.xlsx");

describe("readJournal on the online-retail sample (exceljs values)", () => {
  let result: JournalResult;
  let sheet1Rows = 0;

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(DATA);
    const [first, second] = workbook.worksheets.map(worksheetRows);
    sheet1Rows = first.length;
    result = readJournal([...first, ...second]);
  });

  it("readJournal(rows) finds the columns from the English headers", () => {
    const f = result.mapping.fields;
    expect([f.invoice?.header, f.date?.header, f.quantity?.header, f.unitPrice?.header, f.id?.header]).toEqual([
      "Invoice", "InvoiceDate", "Quantity", "Price", "Customer ID",
    ]);
    expect(f.amount).toBeUndefined();
    expect(result.mapping.unused.map((c) => c.header)).toEqual(["StockCode", "Description", "Country"]);
  });

  it("readJournal(rows) gives the independently computed totals", () => {
    const { report } = result;
    const j = report.journal!;
    expect(result.clients).toHaveLength(expected.distinctCustomers);
    expect(j.linesUsed + j.linesWithoutClient).toBe(expected.lines);
    expect(j.linesWithoutClient).toBe(expected.linesWithoutCustomer);
    expect(j.amountWithoutClient).toBeCloseTo(expected.amountWithoutCustomer, 6);
    expect(j.cancellationLines).toBe(expected.cancellationLines);
    expect(j.totalAmount).toBeCloseTo(expected.totalAmount, 6);
    expect(j.duplicateLines).toBe(expected.duplicateLines);
    expect(j.invoices).toBe(expected.invoices);
    expect(j.purchases).toBe(expected.purchases);
    expect(j.linesRejected).toBe(0);
    expect([j.firstDate, j.lastDate, report.referenceDate]).toEqual([expected.firstDate, expected.lastDate, expected.referenceDate]);
    expect(result.mapping.periodLabels).toEqual(expected.years);
    expect(report.rowsRead).toBe(expected.lines + 1);
    expect(report.clientsKept).toBe(expected.distinctCustomers);
  });

  it("readJournal(rows): client aggregates add up and match the Python figures", () => {
    const clients = result.clients;
    const sum = (f: (c: (typeof clients)[number]) => number): number => clients.reduce((s, c) => s + f(c), 0);
    expect(sum((c) => c.monetary ?? 0)).toBeCloseTo(expected.totalAmount, 4);
    // The periods are the rolling windows N-1 and N (SPEC §7): lines of 01/12/2009 to 09/12/2009 fall before N-1.
    expect(sum((c) => (c.periods ?? []).reduce<number>((a, b) => a + (b ?? 0), 0))).toBeCloseTo(expected.windowsTotal, 4);
    expect(sum((c) => c.frequency ?? 0)).toBe(expected.purchases);
    expect(sum((c) => c.recencyDays ?? 0)).toBe(expected.sumOfRecencyDays);
    expect(clients.filter((c) => c.frequency === 0)).toHaveLength(expected.customersWithoutPurchase);
    expect(clients.filter((c) => (c.monetary ?? 0) < 0)).toHaveLength(expected.customersWithNegativeMonetary);
    for (const s of expected.samples) {
      const c = clients.find((x) => x.id === s.id);
      expect(c).toBeDefined();
      expect(c!.monetary).toBeCloseTo(s.monetary, 6);
      expect(c!.frequency).toBe(s.frequency);
      c!.periods!.forEach((p, k) => expect(p).toBeCloseTo(s.periods[k], 6));
      expect([c!.recencyDays, c!.firstPurchase, c!.lastPurchase]).toEqual([s.recencyDays, s.firstPurchase, s.lastPurchase]);
    }
  });

  it("readJournal(rows) reports what it did not use, in French", () => {
    const { report } = result;
    const messages = report.issues.map((i) => i.message);
    expect(messages).toContain(`Ligne ${fr(sheet1Rows + 1)} : en-tête répété, ignoré.`);
    expect(messages).toContain(
      `${expected.linesWithoutCustomer} lignes sans identifiant client, pour un montant de ${fr(5374.99)} : comptées à part, non affectées à un client.`,
    );
    expect(messages).toContain(
      `${expected.duplicateLines} lignes identiques à une ligne précédente, conservées (un journal peut répéter une ligne) : vérifiez qu'il ne s'agit pas d'un double import.`,
    );
    expect(report.issues.filter((i) => i.key === "LINE_NO_CLIENT")).toHaveLength(100);
    expect(report.notShown).toBe(expected.linesWithoutCustomer - 100 + expected.duplicateLines - 100);
    expect(report.assumptions.map((a) => a.message)).toEqual([
      "Montant de ligne = « Quantity » × « Price ».",
      "Achat = facture dont le numéro ne commence pas par « C » et dont le total pour le client est positif ; fréquence = nombre de ces factures ; montant = somme de toutes les lignes, annulations et retours compris.",
      "Date de référence : 10/12/2011, lendemain de la dernière date lue (09/12/2011).",
      "Périodes de 12 mois glissants avant la date de référence, jamais des années civiles : N-1 du 10/12/2009 au 09/12/2010, N du 10/12/2010 au 09/12/2011.",
      "Familles de produits lues dans la colonne « StockCode » (Code produit) : 2 896 familles ; les types (FiLo, FiFo, LiFo, LiLo) sont à donner ou à confirmer.",
    ]);
    expect(report.status).toBe("warnings");
  });
});

/** A number as French messages write it (narrow no-break space between thousands, decimal comma). */
function fr(n: number): string {
  return String(n).replace(".", ",").replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}
