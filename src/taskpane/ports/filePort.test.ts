import ExcelJS from "exceljs";
import JSZip from "jszip";
import { FIXTURE_CLIENTS } from "../../plan/__fixtures__/portfolio";
import { scorePortfolio } from "../../plan/score";
import { buildWorkbookPlan } from "../../plan/workbook";
import { openXlsx } from "../../xlsx/readRows";
import { readInput } from "../../cli/input";
import { readJournal } from "../../io";
import { pac, tempDir } from "../../../test/cli/run";
import { openFilePort, type FileLike } from "./filePort";
import { PortError } from "./port";
import { withZip64End } from "../../../test/support/zip64";

const plan = buildWorkbookPlan(scorePortfolio(FIXTURE_CLIENTS, {}));

function fileOf(name: string, bytes: Uint8Array): FileLike {
  return { name, arrayBuffer: async () => bytes.slice().buffer };
}

/** A user's workbook: their clients and a "PAC" sheet of their own. */
async function userXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const clients = wb.addWorksheet("Clients");
  clients.addRow(["Code client", "CA 2025"]);
  clients.addRow(["C1", 1200]);
  wb.addWorksheet("PAC").getCell("A1").value = "mon ancien plan";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function downloaded(port: Awaited<ReturnType<typeof openFilePort>>): Promise<{ zip: JSZip; wb: ExcelJS.Workbook }> {
  const file = await port.download?.();
  if (!file) throw new Error("no download");
  const bytes = new Uint8Array(await file.blob.arrayBuffer());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer as ArrayBuffer);
  return { zip: await JSZip.loadAsync(bytes), wb };
}

describe("openFilePort", () => {
  it("writePlan then download(): the user's workbook plus the plan's sheets, with their charts and tables", async () => {
    const port = await openFilePort(fileOf("clients.xlsx", await userXlsx()));
    // The upload cannot change: the wizard generates from the table it read, without reading it again.
    expect(port.fixed).toBe(true);
    await port.readTable({ kind: "sheet", name: "Clients" });
    const result = await port.writePlan(plan, { replace: false });
    expect(result.sheetNames).toEqual(["Cibles", "Contacts", "PAC (2)", "Remarques"]);
    const { zip, wb } = await downloaded(port);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Clients", "PAC", "Cibles", "Contacts", "PAC (2)", "Remarques"]);
    expect(zip.file("xl/charts/chart1.xml")).not.toBeNull();
    expect(wb.getWorksheet("Cibles")?.getTables().length).toBeGreaterThan(0);
    expect(wb.getWorksheet("PAC")?.getCell("A1").value).toBe("mon ancien plan");
  });

  it("download(): the Blob is made of the writer's pieces, never joined into one array", async () => {
    const { writeXlsxPackage } = await import("../../xlsx/write");
    let pieces = 0;
    const port = await openFilePort(fileOf("clients.xlsx", await userXlsx()), async (p, options) => {
      const written = await writeXlsxPackage(p, options);
      pieces = written.chunks.length;
      return {
        ...written,
        chunks: written.chunks,
        get bytes(): Uint8Array {
          throw new Error("the pieces were joined");
        },
      };
    });
    await port.readTable({ kind: "sheet", name: "Clients" });
    await port.writePlan(plan, { replace: false });
    expect(pieces).toBeGreaterThan(1);
    const { wb } = await downloaded(port);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Clients", "PAC", "Cibles", "Contacts", "PAC (2)", "Remarques"]);
  });

  it("writePlan({ replace: true }) replaces only a sheet PAC Commercial wrote, never the user's own nor one the wizard read", async () => {
    // The user's own "PAC" has no mark: kept, the plan's goes beside it.
    const user = await openFilePort(fileOf("clients.xlsx", await userXlsx()));
    await user.readTable({ kind: "sheet", name: "Clients" });
    expect((await user.writePlan(plan, { replace: true })).sheetNames).toEqual(["Cibles", "Contacts", "PAC (2)", "Remarques"]);
    const first = await user.download!();
    expect((await downloaded(user)).wb.getWorksheet("PAC")?.getCell("A1").value).toBe("mon ancien plan");

    // The downloaded file opened again: its marked sheets are replaced, the user's "PAC" stays.
    const again = await openFilePort(fileOf("clients-PAC.xlsx", new Uint8Array(await first.blob.arrayBuffer())));
    await again.readTable({ kind: "sheet", name: "Clients" });
    expect((await again.writePlan(plan, { replace: true })).sheetNames).toEqual(["Cibles", "Contacts", "PAC (2)", "Remarques"]);
    expect((await downloaded(again)).wb.worksheets.map((s) => s.name)).toEqual(["Clients", "PAC", "Cibles", "Contacts", "PAC (2)", "Remarques"]);

    // A marked sheet the wizard read is kept too.
    const read = await openFilePort(fileOf("clients-PAC.xlsx", new Uint8Array(await first.blob.arrayBuffer())));
    await read.readTable({ kind: "sheet", name: "Cibles" });
    expect((await read.writePlan(plan, { replace: true })).sheetNames).toEqual(["Cibles (2)", "Contacts", "PAC (2)", "Remarques"]);
  });

  it("the sheet read by default is the command line's choice: the best client header, not the active tab", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Lisez-moi").getCell("A1").value = "Ce classeur contient les ventes.";
    wb.addWorksheet("Ventes").addRows([["Client", "CA 2024", "CA 2025"], ["Dupont", 100, 120]]);
    wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
    const port = await openFilePort(fileOf("ventes.xlsx", new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(await port.defaultSheet()).toEqual({ name: "Ventes", reason: "best", among: 2, recognised: ["Ventes"] });
    // "Feuille active" stays the workbook's own active tab, offered as a choice.
    expect(await port.listSheets()).toEqual([
      { name: "Lisez-moi", active: true },
      { name: "Ventes", active: false },
    ]);
    expect((await port.readTable({ kind: "sheet", name: "Ventes" })).rows).toEqual([["Client", "CA 2024", "CA 2025"], ["Dupont", 100, 120]]);
    expect((await port.readTable({ kind: "active" })).sheetName).toBe("Lisez-moi");
  });

  it("a CSV with an unterminated quote is refused as unreadable, not read as one long name", async () => {
    const csv = new TextEncoder().encode('Client;CA\n"Dupont;12\nMartin;5\n');
    await expect(openFilePort(fileOf("clients.csv", csv))).rejects.toMatchObject({ key: "file.error.unreadable" });
  });

  it("a CSV becomes a sheet named after the file, kept beside the plan's sheets", async () => {
    const port = await openFilePort(fileOf("ventes 2025.csv", new TextEncoder().encode("Client;CA\nDupont;1200\n")));
    const table = await port.readTable({ kind: "active" });
    expect(table.sheetName).toBe("ventes 2025");
    await port.writePlan(plan, { replace: false });
    const { wb } = await downloaded(port);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["ventes 2025", "Cibles", "Contacts", "PAC", "Remarques"]);
    expect(wb.getWorksheet("ventes 2025")?.getCell("A2").value).toBe("Dupont");
  });

  it("an .xlsx is read by src/xlsx's reader: visible sheets, the active one, merged cells blank, dates of 1904", async () => {
    const wb = new ExcelJS.Workbook();
    (wb as unknown as { properties: { date1904: boolean } }).properties.date1904 = true;
    wb.addWorksheet("Notes");
    wb.addWorksheet("Caché", { state: "hidden" });
    const clients = wb.addWorksheet("Clients");
    clients.getCell("B3").value = "Chiffre";
    clients.mergeCells("B3:C3");
    clients.getCell("B4").value = new Date(Date.UTC(2024, 0, 31));
    clients.getCell("B4").numFmt = "dd/mm/yyyy";
    clients.getCell("C4").value = { formula: "1+1", result: 2 };
    wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 2, visibility: "visible" }];
    const port = await openFilePort(fileOf("clients.xlsx", new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(await port.listSheets()).toEqual([
      { name: "Notes", active: false },
      { name: "Clients", active: true },
    ]);
    expect(await port.existingSheets(["caché", "PAC"])).toEqual(["Caché"]);
    const table = await port.readTable({ kind: "active" });
    expect(table).toEqual({
      sheetName: "Clients",
      address: "A3:C4",
      firstRowNumber: 3,
      rows: [[null, "Chiffre"], [null, new Date(Date.UTC(2024, 0, 31)), 2]],
      date1904: true,
    });
  });

  it("an .xlsx with ZIP64 records is read by src/xlsx's reader, the same way", async () => {
    const plain = await userXlsx();
    expect(openXlsx(withZip64End(plain)).names).toEqual(["Clients", "PAC"]);
    const port = await openFilePort(fileOf("clients.xlsx", withZip64End(plain)));
    expect(await port.listSheets()).toEqual([
      { name: "Clients", active: true },
      { name: "PAC", active: false },
    ]);
    const expected = await (await openFilePort(fileOf("clients.xlsx", plain))).readTable({ kind: "sheet", name: "Clients" });
    expect(await port.readTable({ kind: "sheet", name: "Clients" })).toEqual(expected);
    expect(expected.rows).toEqual([["Code client", "CA 2025"], ["C1", 1200]]);
  });

  it("an .xlsx the reader refuses is refused as unreadable", async () => {
    const bytes = await userXlsx();
    const damaged = bytes.slice(0, bytes.length - 200);
    await expect(openFilePort(fileOf("clients.xlsx", damaged))).rejects.toMatchObject({ key: "file.error.unreadable" });
  });

  it("download() before writePlan is refused", async () => {
    const port = await openFilePort(fileOf("clients.xlsx", await userXlsx()));
    await expect(port.download?.()).rejects.toBeInstanceOf(PortError);
  });
});

describe("openFilePort combining sheets, as the command line's --sheet all", () => {
  const tmp = tempDir("pac-file-combine-");
  afterAll(() => tmp.remove());
  const HEADER = ["Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country"];

  /** The Online Retail II layout in small: a notes sheet, then one journal sheet per year, same columns. */
  async function twoYearJournal(): Promise<{ path: string; bytes: Uint8Array }> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "Ventes en ligne, deux exercices.";
    let invoice = 500000;
    for (const [name, year] of [
      ["Year 2009-2010", 2010],
      ["Year 2010-2011", 2011],
    ] as const) {
      const ws = wb.addWorksheet(name);
      if (year === 2011) ws.addRow([]); // a blank row above the second sheet's header: its rows still line up
      ws.addRow(HEADER);
      for (let c = 0; c < 6; c++) {
        for (let k = 0; k <= c; k++) ws.addRow([String(invoice++), "85048", "Article", 2 + k, new Date(Date.UTC(year - 1, 11 - c, 1 + k)), 5 + c, 12000 + c + (year === 2011 ? 3 : 0), "France"]);
      }
    }
    const path = tmp.path("journal.xlsx");
    await wb.xlsx.writeFile(path);
    return { path, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
  }

  it("a two-sheet journal combined gives the same rows, parts and clients as `pac --sheet all`", async () => {
    const { path, bytes } = await twoYearJournal();
    const port = await openFilePort(fileOf("journal.xlsx", bytes));
    const chosen = await port.defaultSheet();
    expect(chosen).toMatchObject({ name: "Year 2009-2010", reason: "best", among: 3, recognised: ["Year 2009-2010", "Year 2010-2011"] });
    const table = await port.readTable({ kind: "sheets", names: chosen?.recognised ?? [] });
    const cli = await readInput(path, { sheet: "all" });
    expect(table.rows).toEqual(cli.rows);
    expect(table.firstRowNumber).toBe(cli.firstRowNumber);
    expect(table.parts).toEqual(cli.parts);
    expect(table.parts).toEqual([
      { sheet: "Year 2009-2010", from: 2, to: 22 },
      { sheet: "Year 2010-2011", from: 23, to: 43 },
    ]);
    const options = { referenceDate: "31/12/2011", firstRowNumber: table.firstRowNumber };
    const wizard = readJournal(table.rows, options).clients;
    expect(wizard).toEqual(readJournal(cli.rows, options).clients);
    // The command line itself, run on the same file: the same clients, in the same order.
    const run = await pac(["score", path, "--sheet", "all", "--format", "json", "--reference-date", "2011-12-31"]);
    expect(run.code).toBe(0);
    const ids = (JSON.parse(run.stdout) as { id: string }[]).map((r) => r.id);
    expect(ids).toEqual(wizard.map((c) => c.id));
    expect(ids).toHaveLength(9);
  });

  it.each([
    { name: "a sheet of other columns", names: ["Year 2009-2010", "Notes"], key: "source.error.differ", message: "La feuille « Notes » n'a pas les mêmes colonnes que « Year 2009-2010 » : seules des feuilles de même forme se combinent." },
    { name: "a single sheet", names: ["Year 2009-2010"], key: "source.error.combineFew", message: "Cochez au moins deux feuilles à combiner." },
    { name: "no sheet", names: [], key: "source.error.combineFew", message: "Cochez au moins deux feuilles à combiner." },
  ])("combining $name is refused with a French message", async ({ names, key, message }) => {
    const { bytes } = await twoYearJournal();
    const port = await openFilePort(fileOf("journal.xlsx", bytes));
    const error = await port.readTable({ kind: "sheets", names }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortError);
    expect(error).toMatchObject({ key });
    expect((error as PortError).message.replace(/[\u00a0\u202f]/g, " ")).toBe(message);
  });
});
