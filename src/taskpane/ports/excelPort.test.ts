import { FakeExcel } from "../../../test/support/fakeExcel";
import { createExcelPort } from "./excelPort";
import { PortError } from "./port";

const JOURNAL = ["Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country"];
const sales = (year: number, n: number): unknown[][] => [JOURNAL, ...Array.from({ length: n }, (_, k) => [`${year}${k}`, "85048", "Article", 2, 40000 + k, 5, 12000 + (k % 7), "France"])];

/** The Online Retail layout in Excel: a notes sheet active, two yearly journal sheets, a hidden client table. */
function workbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet("Lisez-moi", [["Ventes en ligne, deux exercices."], ["Source : UCI"]]);
  fake.addSheet("Ventes 2024", sales(2024, 40));
  fake.addSheet("Ventes 2025", [[], ["Journal 2025"], [], ...sales(2025, 60)]);
  fake.addSheet("Archives", [["Client", "CA 2023", "CA 2024", "Potentiel", "Contacts"]]).visibility = "Hidden";
  fake.addSheet("Budget", [["Mois", "Montant"], ["Janvier", 100]]);
  return fake;
}

describe("createExcelPort on the recording fake", () => {
  it.each([
    {
      name: "several sheets: the best recognised one, not the active notes (the hidden table is not looked at)",
      build: workbook,
      expected: { name: "Ventes 2024", reason: "best", among: 4, recognised: ["Ventes 2024", "Ventes 2025"] },
    },
    {
      name: "one visible sheet",
      build: () => {
        const fake = new FakeExcel();
        fake.addSheet("Clients", [["Client", "CA"], ["A", 1]]);
        return fake;
      },
      expected: { name: "Clients", reason: "only", among: 1, recognised: ["Clients"] },
    },
    {
      name: "no sheet with a client header: the active sheet",
      build: () => {
        const fake = new FakeExcel();
        fake.addSheet("Feuil1", [["Bonjour"]]);
        fake.addSheet("Feuil2", [["le monde"]]);
        fake.activeSheet = fake.sheet("Feuil2");
        return fake;
      },
      expected: { name: "Feuil2", reason: "active", among: 2, recognised: [] },
    },
    {
      name: "empty sheets only: the active one",
      build: () => {
        const fake = new FakeExcel();
        fake.addSheet("Feuil1");
        return fake;
      },
      expected: { name: "Feuil1", reason: "only", among: 1, recognised: [] },
    },
  ])("defaultSheet(): $name, in two syncs", async ({ build, expected }) => {
    const fake = build();
    const port = createExcelPort({ run: fake.run });
    expect(await port.defaultSheet()).toEqual(expected);
    expect(fake.syncs).toBe(2);
  });

  it("readTable(sheets) combines the yearly sheets as the command line does: rows, numbering and parts; one sync per sheet", async () => {
    const fake = workbook();
    const port = createExcelPort({ run: fake.run });
    const table = await port.readTable({ kind: "sheets", names: ["Ventes 2024", "Ventes 2025"] });
    expect(fake.syncs).toBe(2);
    // The user may edit a sheet at any time: the wizard reads it again to generate.
    expect(port.fixed).not.toBe(true);
    expect(table.rows).toHaveLength(1 + 40 + 60);
    expect(table.rows[0]).toEqual(JOURNAL);
    // The 2025 sheet's title rows are skipped: its first invoice follows the last of 2024 (numeric text typed as numbers by Excel).
    expect(table.rows[41]).toEqual([20250, 85048, "Article", 2, 40000, 5, 12000, "France"]);
    expect(table.firstRowNumber).toBe(1);
    expect(table.parts).toEqual([
      { sheet: "Ventes 2024", from: 2, to: 41 },
      { sheet: "Ventes 2025", from: 42, to: 101 },
    ]);
  });

  it("readTable(sheets) refuses sheets of other columns, naming them in French", async () => {
    const fake = workbook();
    const port = createExcelPort({ run: fake.run });
    const error = await port.readTable({ kind: "sheets", names: ["Ventes 2024", "Budget", "Lisez-moi"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortError);
    expect((error as PortError).message.replace(/[\u00a0\u202f]/g, " ")).toBe(
      "Les feuilles « Budget », « Lisez-moi » n'ont pas les mêmes colonnes que « Ventes 2024 » : seules des feuilles de même forme se combinent.",
    );
    expect(fake.log.every((op) => op.kind.endsWith(".load"))).toBe(true);
  });
});
