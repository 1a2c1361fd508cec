import ExcelJS from "exceljs";
import { readClientTable } from "../io/clientTable";
import { readXlsxRows } from "./read";

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Clients");
  ws.addRow(["Client", "CA 2024", "CA 2025", "Date dernier achat"]);
  ws.addRow(["Dupont", 1000, { formula: "B2*1.1", result: 1100 }, new Date(Date.UTC(2025, 5, 30))]);
  ws.addRow(["=Martin", "1 234,50 €", 900, null]);
  ws.getCell("A5").value = { richText: [{ text: "Ri" }, { text: "ch" }] };
  ws.mergeCells("B5:C5");
  ws.getCell("B5").value = 77;
  ws.getCell("D5").value = "après";
  wb.addWorksheet("Autre").getCell("B2").value = "x";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("readXlsxRows", () => {
  it("readXlsxRows(bytes): the first sheet's cell values as the one reader gives them, ready for src/io", async () => {
    const rows = await readXlsxRows(await workbook());
    expect(rows[0]).toEqual(["Client", "CA 2024", "CA 2025", "Date dernier achat"]);
    // A formula gives its cached result.
    expect(rows[1]).toEqual(["Dupont", 1000, 1100, new Date(Date.UTC(2025, 5, 30))]);
    expect(rows[2]).toEqual(["=Martin", "1 234,50 €", 900]);
    expect(rows[3]).toEqual([]);
    // A merged area holds its value in its first cell only, as Office.js gives it.
    // Rich text is joined.
    expect(rows[4]).toEqual(["Rich", 77, null, "après"]);
  });

  it.each([
    { name: "by name, any case", sheet: "autre" },
    { name: "by position", sheet: 1 },
  ])("readXlsxRows(bytes, sheet): $name", async ({ sheet }) => {
    expect(await readXlsxRows(await workbook(), sheet)).toEqual([[], [null, "x"]]);
  });

  it("readXlsxRows(bytes, 'Nope'): an error naming the sheets there are", async () => {
    await expect(readXlsxRows(await workbook(), "Nope")).rejects.toThrow("readXlsxRows: no sheet « Nope » (sheets: « Clients », « Autre »)");
  });

  it("readXlsxRows(path) names the file in the reader's errors", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "pac-read-"));
    try {
      const path = join(dir, "abîmé.xlsx");
      writeFileSync(path, (await workbook()).subarray(0, 100));
      await expect(readXlsxRows(path)).rejects.toThrow("«\u00a0abîmé.xlsx\u00a0»\u00a0: ce n'est pas un fichier .xlsx lisible");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("readXlsxRows feeds readClientTable", async () => {
    const { clients } = readClientTable(await readXlsxRows(await workbook()));
    expect(clients.map((c) => [c.id, c.ca])).toEqual([
      ["Dupont", 1100],
      ["=Martin", 900],
      ["Rich", undefined],
    ]);
  });
});
