import { OfficeMockObject } from "office-addin-mock";
import type { ExcelRun } from "./env";
import { FakeExcel, FakeOfficeError } from "../../test/support/fakeExcel";
import { HEAD_COLUMNS, HEAD_ROWS, readSheetHeads, readSheetTable } from "./readTable";
import { activateSheet, listSheets } from "./sheets";

describe("readSheetTable with office-addin-mock", () => {
  // The shape Office returns for the active sheet's used range, B3:D5 here.
  const mockData = {
    context: {
      workbook: {
        worksheets: {
          sheet: {
            name: "Clients",
            used: {
              values: [
                ["Client", "CA", "Date"],
                ["Dupont", 1200.5, 45292],
                ["=x", "", "#N/A"],
              ],
              address: "Clients!B3:D5",
              rowIndex: 2,
              columnIndex: 1,
            },
            getUsedRangeOrNullObject: function (this: { used: unknown }) {
              return this.used;
            },
          },
          getActiveWorksheet: function (this: { sheet: unknown }) {
            return this.sheet;
          },
        },
      },
    },
    run: async function (this: { context: unknown }, batch: (context: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  };

  it("readSheetTable() reads the active sheet's used range in one sync, values as Office returns them", async () => {
    const mock = new OfficeMockObject(mockData) as unknown as { run: ExcelRun; context: { sync: () => Promise<void> } };
    const sync = jest.spyOn(mock.context, "sync");
    const table = await readSheetTable({ run: (batch) => mock.run(batch) });

    expect(table).toEqual({
      sheetName: "Clients",
      address: "B3:D5",
      firstRowNumber: 3,
      firstColumnNumber: 2,
      rows: mockData.context.workbook.worksheets.sheet.used.values,
      syncs: 1,
    });
    expect(sync).toHaveBeenCalledTimes(1);
  });
});

describe("readSheetTable and listSheets with the recording fake", () => {
  function workbook(): FakeExcel {
    const fake = new FakeExcel();
    fake.addSheet("Vide");
    const clients = fake.addSheet("Clients", [[], ["", "Client", "CA"], ["", "Dupont", 10], ["", "'=Martin", 20]]);
    clients.visibility = "Hidden";
    fake.activeSheet = fake.sheet("Vide");
    return fake;
  }

  it.each([
    { name: "a named sheet", source: { kind: "sheet", sheetName: "clients" } as const, address: "B2:C4", first: 2 },
    { name: "the selection, trimmed to its used cells", source: { kind: "selection" } as const, address: "B3:C4", first: 3 },
  ])("readSheetTable($name) reads it in one sync", async ({ source, address, first }) => {
    const fake = workbook();
    const clients = fake.sheet("Clients");
    if (clients) fake.selection = { sheet: clients, rect: { row: 2, col: 0, rows: 1000, cols: 3 } };
    const table = await readSheetTable({ run: fake.run, source });
    expect(table).toMatchObject({ sheetName: "Clients", address, firstRowNumber: first, syncs: 1 });
    expect(table.rows[table.rows.length - 1]).toEqual(["=Martin", 20]);
    expect(fake.syncs).toBe(1);
  });

  it("readSheetTable() of an empty active sheet gives no rows", async () => {
    const fake = workbook();
    expect(await readSheetTable({ run: fake.run })).toEqual({ sheetName: "Vide", address: "", firstRowNumber: 1, firstColumnNumber: 1, rows: [], syncs: 1 });
  });

  it("readSheetTable({ sheet }) of a missing sheet throws SHEET_NOT_FOUND", async () => {
    const fake = workbook();
    await expect(readSheetTable({ run: fake.run, source: { kind: "sheet", sheetName: "Ventes" } })).rejects.toMatchObject({
      code: "SHEET_NOT_FOUND",
      message: "La feuille « Ventes » est introuvable dans ce classeur.",
    });
  });

  it("readSheetTable() reads again in row chunks when Excel refuses a response over 5 MB", async () => {
    const fake = workbook();
    const rows = Array.from({ length: 25 }, (_, i) => [`C${i}`, i]);
    fake.addSheet("Gros", rows);
    let refused = false;
    fake.failOn = (kind) => {
      if (kind !== "range.load" || refused) return false;
      refused = true;
      return true;
    };
    const original = fake.sync.bind(fake);
    fake.sync = async () => {
      try {
        await original();
      } catch (error) {
        throw error instanceof FakeOfficeError ? new FakeOfficeError("ResponsePayloadSizeLimitExceeded", error.message) : error;
      }
    };
    const table = await readSheetTable({ run: fake.run, source: { kind: "sheet", sheetName: "Gros" }, fallbackChunkCells: 20 });
    expect(table.rows).toEqual(rows);
    // The refused read, the size, then 3 chunks of 10 rows.
    expect(table.syncs).toBe(5);
  });

  it("listSheets() gives every sheet with its visibility and the active one, in one sync", async () => {
    const fake = workbook();
    expect(await listSheets({ run: fake.run })).toEqual([
      { name: "Vide", visible: true, active: true },
      { name: "Clients", visible: false, active: false },
    ]);
    expect(fake.syncs).toBe(1);
  });

  it("activateSheet(name) shows the sheet in one sync, and throws SHEET_NOT_FOUND for a missing one", async () => {
    const fake = workbook();
    await activateSheet("clients", { run: fake.run });
    expect(fake.activeSheet?.name).toBe("Clients");
    expect(fake.syncs).toBe(1);
    await expect(activateSheet("Ventes", { run: fake.run })).rejects.toMatchObject({ code: "SHEET_NOT_FOUND" });
  });
});

describe("readSheetHeads with the recording fake", () => {
  const big = (rows: number): unknown[][] => [["Client", "CA 2025"], ...Array.from({ length: rows - 1 }, (_, k) => [`C${k}`, k])];

  it.each([
    {
      name: "three visible sheets and a hidden one: the hidden one is not read",
      sheets: [
        { name: "Notes", rows: [["Lisez-moi"]] },
        { name: "Ventes 2025", rows: big(5000) },
        { name: "Cachée", rows: [["Client", "CA"]], hidden: true },
        { name: "Vide", rows: [] },
      ],
      expected: [
        { name: "Notes", visible: true, rows: [["Lisez-moi"]] },
        { name: "Ventes 2025", visible: true, rows: big(HEAD_ROWS) },
        { name: "Cachée", visible: false, rows: [] },
        { name: "Vide", visible: true, rows: [] },
      ],
      syncs: 2,
    },
    {
      name: "title rows and an offset table: rows from row 1, as the command line reads them",
      sheets: [{ name: "Portefeuille", rows: [[], [], ["", "Client", "CA"], ["", "Dupont", 10]] }],
      expected: [{ name: "Portefeuille", visible: true, rows: [[], [], ["", "Client", "CA"], ["", "Dupont", 10]] }],
      syncs: 2,
    },
    {
      name: "every sheet hidden: all are read (chooseSheet then picks among them)",
      sheets: [
        { name: "A", rows: [["x"]], hidden: true },
        { name: "B", rows: [["Client", "CA"]], hidden: true },
      ],
      expected: [
        { name: "A", visible: false, rows: [["x"]] },
        { name: "B", visible: false, rows: [["Client", "CA"]] },
      ],
      syncs: 2,
    },
    { name: "a header wider than the window: cut at HEAD_COLUMNS", sheets: [{ name: "Large", rows: [Array.from({ length: HEAD_COLUMNS + 10 }, (_, k) => `c${k}`)] }], expected: [{ name: "Large", visible: true, rows: [Array.from({ length: HEAD_COLUMNS }, (_, k) => `c${k}`)] }], syncs: 2 },
  ])("$name", async ({ sheets, expected, syncs }) => {
    const fake = new FakeExcel();
    for (const s of sheets) {
      const model = fake.addSheet(s.name, s.rows);
      if ("hidden" in s && s.hidden) model.visibility = "Hidden";
    }
    const heads = await readSheetHeads({ run: fake.run });
    expect(heads.sheets).toEqual(expected);
    expect(heads.active).toBe(sheets[0].name);
    // Two syncs whatever the number of sheets: the list, then every window at once; nothing is written.
    expect(heads.syncs).toBe(syncs);
    expect(fake.syncs).toBe(syncs);
    expect(fake.log.every((op) => op.kind.endsWith(".load"))).toBe(true);
  });

  it("twenty sheets of 5 000 rows: still two syncs, and the request reads at most HEAD_ROWS rows of each", async () => {
    const fake = new FakeExcel();
    for (let k = 0; k < 20; k++) fake.addSheet(`S${k}`, big(5000));
    const heads = await readSheetHeads({ run: fake.run });
    expect(fake.syncs).toBe(2);
    expect(heads.sheets.every((s) => s.rows.length === HEAD_ROWS)).toBe(true);
  });
});
