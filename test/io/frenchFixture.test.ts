/*
 * The French fixture (test/fixtures/french-clients.json, built by scripts/make-french-fixture.ts): 60 clients
 * with French headers and number formats, a blank row, two duplicated clients, a name starting with "=", a
 * Total row. `expected` in the file comes from the numbers before they were formatted, not from the reader.
 * The same rows are also written to an .xlsx with exceljs and read back, to go through exceljs cell values.
 */
import ExcelJS from "exceljs";
import { readClientTable, type ImportedClient } from "../../src/io";
import fixture from "../fixtures/french-clients.json";
import { worksheetRows } from "./exceljsRows";

type Expected = (typeof fixture.expected)[number];

function comparable(c: ImportedClient): Expected {
  return {
    id: c.id,
    name: c.name as string,
    periods: c.periods as number[],
    contactsBefore: c.contactsBefore as number,
    contacts: c.contacts as number,
    potential: c.potential as number,
    lastPurchase: c.lastPurchase ?? null,
    frequency: c.frequency as number,
    ...(c.isProspect === undefined ? {} : { isProspect: c.isProspect }),
  } as Expected;
}

const rows = fixture.rows as unknown[][];

describe("readClientTable on the French fixture", () => {
  it("readClientTable(rows, { duplicates: \"merge\" }) finds the 60 clients with the generated values", () => {
    const { clients, report, mapping } = readClientTable(rows, { duplicates: "merge" });
    expect(clients.map(comparable)).toEqual(fixture.expected);
    expect(clients.every((c) => c.ca === c.periods?.[1] && c.monetary === c.ca)).toBe(true);
    expect(clients.find((c) => c.id === "CL023")?.name).toBe("=Dupont & Fils");
    // Every method can run but the two that need what a client table does not hold (SPEC §12, §13).
    expect(mapping.missing.map((m) => m.method)).toEqual(["engagement", "ideal"]);
    expect(mapping.periodLabels).toEqual(["2024", "2025"]);
    expect(Object.fromEntries(Object.entries(mapping.fields).map(([f, m]) => [f, m?.header]))).toEqual({
      id: "Code client",
      name: "Raison sociale",
      contacts: "Nb visites 2025",
      contactsBefore: "Nb visites 2024",
      potential: "Potentiel",
      lastPurchase: "Date dernier achat",
      frequency: "Nb commandes",
      prospect: "Prospect",
    });
    expect({ ...report, issues: undefined, assumptions: undefined }).toEqual({
      shape: "clients",
      status: "warnings",
      rowsRead: 64,
      rowsUsed: 62,
      emptyRows: 1,
      clientsKept: 60,
      rejectedCells: {},
      blankCells: 4,
      notShown: 0,
      counts: { error: 0, warning: 2, info: 7 },
      countsByKey: { CELL_BLANK: 4, DUPLICATE_ID_MERGED: 1, DUPLICATE_ROW_DROPPED: 1, EMPTY_ROWS: 1, NEGATIVE_AMOUNT: 1, TOTAL_ROW: 1 },
      referenceDate: "2025-12-31",
      dateOrder: "dmy",
      issues: undefined,
      assumptions: undefined,
    });
    expect(report.issues.filter((i) => i.key !== "CELL_BLANK").map((i) => i.message)).toEqual([
      "Ligne 8, « CA 2025 » : montant négatif (-4\u202f302,97) conservé, à vérifier (avoirs, retours ?).",
      "Ligne 65 : ligne de total « Total » exclue.",
      "1 ligne vide ignorée : 32.",
      "Ligne 41 : copie exacte de la ligne 18 (client « CL017 »), ignorée.",
      "Client « CL042 » présent lignes 45, 64 : lignes fusionnées, montants et contacts additionnés.",
    ]);
    expect(report.issues.filter((i) => i.key === "CELL_BLANK").map((i) => i.row)).toEqual([16, 31, 48, 63]);
  });

  it("readClientTable(rows) keeps the duplicates apart by default and reports both", () => {
    const { clients, report } = readClientTable(rows);
    expect(clients).toHaveLength(62);
    expect(report.issues.filter((i) => i.key === "DUPLICATE_ID_KEPT").map((i) => i.message)).toEqual([
      "Client « CL017 » présent lignes 18, 41 : lignes gardées séparément (choisissez « fusionner » pour les regrouper).",
      "Client « CL042 » présent lignes 45, 64 : lignes gardées séparément (choisissez « fusionner » pour les regrouper).",
    ]);
  });

  it("readClientTable gives the same clients after a round trip through an .xlsx written and read by exceljs", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Portefeuille");
    rows.forEach((row, k) => {
      sheet.getRow(k + 1).values = row.map((v, c) => {
        // Excel users type the potential as a formula now and then; exceljs keeps { formula, result }.
        if (k > 0 && c === 6 && k % 10 === 0) {
          const formula: ExcelJS.CellFormulaValue = { formula: String(v).replace(/\D/g, "").slice(0, -2), result: String(v), date1904: false };
          return formula;
        }
        return v as ExcelJS.CellValue;
      });
    });
    const buffer = await workbook.xlsx.writeBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buffer);
    const read = readClientTable(worksheetRows(back.worksheets[0]), { duplicates: "merge" });
    expect(read.clients.map(comparable)).toEqual(fixture.expected);
  });
});
