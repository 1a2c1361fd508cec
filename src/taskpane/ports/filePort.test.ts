import ExcelJS from "exceljs";
import JSZip from "jszip";
import { FIXTURE_CLIENTS } from "../../plan/__fixtures__/portfolio";
import { scorePortfolio } from "../../plan/score";
import { buildWorkbookPlan } from "../../plan/workbook";
import { openFilePort, type FileLike } from "./filePort";
import { PortError } from "./port";

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
    await port.readTable({ kind: "sheet", name: "Clients" });
    const result = await port.writePlan(plan, { replace: false });
    expect(result.sheetNames).toEqual(["Cibles", "Contacts", "PAC (2)"]);
    const { zip, wb } = await downloaded(port);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Clients", "PAC", "Cibles", "Contacts", "PAC (2)"]);
    expect(zip.file("xl/charts/chart1.xml")).not.toBeNull();
    expect(wb.getWorksheet("Cibles")?.getTables().length).toBeGreaterThan(0);
    expect(wb.getWorksheet("PAC")?.getCell("A1").value).toBe("mon ancien plan");
  });

  it("writePlan({ replace: true }) replaces a sheet of the plan's name, but never one the wizard read", async () => {
    const replaced = await openFilePort(fileOf("clients.xlsx", await userXlsx()));
    await replaced.readTable({ kind: "sheet", name: "Clients" });
    expect((await replaced.writePlan(plan, { replace: true })).sheetNames).toEqual(["Cibles", "Contacts", "PAC"]);
    expect((await downloaded(replaced)).wb.worksheets.map((s) => s.name)).toEqual(["Clients", "Cibles", "Contacts", "PAC"]);

    const kept = await openFilePort(fileOf("clients.xlsx", await userXlsx()));
    await kept.readTable({ kind: "sheet", name: "PAC" });
    expect((await kept.writePlan(plan, { replace: true })).sheetNames).toEqual(["Cibles", "Contacts", "PAC (2)"]);
    const { wb } = await downloaded(kept);
    expect(wb.getWorksheet("PAC")?.getCell("A1").value).toBe("mon ancien plan");
  });

  it("a CSV becomes a sheet named after the file, kept beside the plan's sheets", async () => {
    const port = await openFilePort(fileOf("ventes 2025.csv", new TextEncoder().encode("Client;CA\nDupont;1200\n")));
    const table = await port.readTable({ kind: "active" });
    expect(table.sheetName).toBe("ventes 2025");
    await port.writePlan(plan, { replace: false });
    const { wb } = await downloaded(port);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["ventes 2025", "Cibles", "Contacts", "PAC"]);
    expect(wb.getWorksheet("ventes 2025")?.getCell("A2").value).toBe("Dupont");
  });

  it("download() before writePlan is refused", async () => {
    const port = await openFilePort(fileOf("clients.xlsx", await userXlsx()));
    await expect(port.download?.()).rejects.toBeInstanceOf(PortError);
  });
});
