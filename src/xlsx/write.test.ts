import { linesOf } from "../plan/rows";
import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { FIXTURE_CLIENTS, generatedClients } from "../plan/__fixtures__/portfolio";
import { isFormulaCell } from "../plan/cells";
import { scorePortfolio } from "../plan/score";
import { buildWorkbookPlan } from "../plan/workbook";
import { writeXlsx, writeXlsxPackage } from "./write";

const plan = buildWorkbookPlan(scorePortfolio(FIXTURE_CLIENTS, {}));

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** A user's workbook: a "PAC" sheet of their own and a data sheet with a formula. */
async function userWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet("Données");
  data.addRow(["Client", "CA"]);
  data.addRow(["Dupont", 1200]);
  data.getCell("C2").value = { formula: "B2*2", result: 2400 };
  data.getCell("B2").numFmt = "0.00";
  wb.addWorksheet("PAC").getCell("A1").value = "mon ancien plan";
  wb.definedNames.add("'PAC'!$A$1", "Ancien");
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("writeXlsx", () => {
  let bytes: Buffer;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    bytes = await writeXlsx(plan);
    wb = await load(bytes);
  });

  it("writeXlsx(plan): the three sheets with values, formulas and their cached results", () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Cibles", "Contacts", "PAC", "Remarques"]);
    const contacts = sheet(wb, "Contacts");
    expect(contacts.getCell("B5").value).toBe(45);
    expect(contacts.getCell("B9").value).toEqual({ formula: 'IF($B$8="",INT($B$5*$B$6*$B$7+1E-9),$B$8)', result: 540 });
    expect(sheet(wb, "PAC").getCell("B" + String(findRow(sheet(wb, "PAC"), "Capital de contacts par an"))).value).toEqual({ formula: "'Contacts'!$B$9", result: 540 });
  });

  it("writeXlsx(plan): text that starts with =, +, - or @ is written as text, never as a formula", () => {
    const cibles = sheet(wb, "Cibles");
    const names = [2, 3, 4, 5, 6, 7, 8].map((r) => cibles.getCell(`B${r}`));
    expect(names.map((c) => c.value)).toEqual(["Boulangerie Martin", "=SOMME(A1)", "Garage Dupont", "+33 Export", "Hôtel du Lac", "-Remise Pro", "@Home Déco"]);
    for (const c of names) expect(c.type).toBe(ExcelJS.ValueType.String);
  });

  it("writeXlsx(plan): number formats, fills, merges, frozen panes, table, conditional colours", () => {
    const cibles = sheet(wb, "Cibles");
    expect(cibles.getCell("D2").numFmt).toBe('#,##0 "€"');
    expect(cibles.getCell("P2").numFmt).toBe("0.0%");
    expect(cibles.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 1 });
    expect((cibles.getTables() as unknown as { name: string }[]).map((t) => t.name)).toEqual(["PAC_Cibles"]);
    const rules = (cibles as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(rules.map((r) => r.rules[0].formulae[0])).toEqual(expect.arrayContaining(['"A"', '"Développer"', '"Vaches à lait"']));
    const contacts = sheet(wb, "Contacts");
    expect(contacts.getCell("B5").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
    expect(contacts.getCell("B5").protection).toMatchObject({ locked: false });
    expect(contacts.getCell("A1").font).toMatchObject({ name: "Calibri", bold: true, size: 16 });
    const pac = sheet(wb, "PAC");
    expect(pac.getCell("A1").isMerged).toBe(true);
    expect(pac.getColumn(1).width).toBe(36);
  });

  it("writeXlsx(plan): named parameter cells, A4 landscape fit to one page wide, print area and title rows", () => {
    const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    expect(names).toEqual(expect.arrayContaining([{ name: "PAC_Semaines", ranges: ["Contacts!$B$5"] }, { name: "PAC_Capital", ranges: ["Contacts!$B$9"] }]));
    const setup = sheet(wb, "PAC").pageSetup;
    expect(setup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" });
    expect(setup.printArea).toMatch(/^\$?A\$?1:\$?O\$?\d+$/);
  });

  it("writeXlsx(plan): the Pareto chart (with its 80 % line) is a DrawingML part of the package, well-formed and linked", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const files = Object.keys(zip.files);
    expect(files).toEqual(expect.arrayContaining(["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels"]));
    expect(files).not.toContain("xl/charts/chart2.xml");
    for (const path of ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/worksheets/sheet3.xml", "[Content_Types].xml"]) {
      const xml = await (zip.file(path) as JSZip.JSZipObject).async("string");
      expect(XMLValidator.validate(xml)).toBe(true);
    }
    const types = await (zip.file("[Content_Types].xml") as JSZip.JSZipObject).async("string");
    expect(types).toContain('PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
    const pac = await (zip.file("xl/worksheets/sheet3.xml") as JSZip.JSZipObject).async("string");
    expect(pac).toMatch(/<drawing r:id="rId\d+"\/>/);
    const pareto = await (zip.file("xl/charts/chart1.xml") as JSZip.JSZipObject).async("string");
    expect(pareto).toContain("<c:barChart>");
    expect(pareto).toContain("<c:lineChart>");
    expect(pareto).toContain("<c:f>&apos;PAC&apos;!$R$6:$R$15</c:f>");
    expect(pareto).toContain("<c:v>=SOMME(A1)</c:v>");
    expect(pareto.match(/<c:ser>/g)).toHaveLength(3);
    expect(pareto).toContain('<a:prstDash val="dash"/>');
  });

  it("writeXlsx(plan, { base }): keeps the base's sheets untouched and writes a taken name as « PAC (2) », references following", async () => {
    const base = await userWorkbook();
    const out = await load(await writeXlsx(plan, { base }));
    expect(out.worksheets.map((ws) => ws.name)).toEqual(["Données", "PAC", "Cibles", "Contacts", "PAC (2)", "Remarques"]);
    const data = sheet(out, "Données");
    expect(data.getCell("A2").value).toBe("Dupont");
    expect(data.getCell("B2").numFmt).toBe("0.00");
    expect(data.getCell("C2").value).toEqual({ formula: "B2*2", result: 2400 });
    expect(sheet(out, "PAC").getCell("A1").value).toBe("mon ancien plan");
    const names = (out.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(["Ancien", "PAC_Capital"]));
    const pac2 = sheet(out, "PAC (2)");
    expect(pac2.getCell("A1").value).toBe("Plan d'Actions Commerciales (PAC)");
  });

  it("writeXlsx(plan, { base: output }): writing twice suffixes sheets, names and tables", async () => {
    const once = await writeXlsx(plan);
    const twice = await load(await writeXlsx(plan, { base: once }));
    expect(twice.worksheets.map((ws) => ws.name)).toEqual(["Cibles", "Contacts", "PAC", "Remarques", "Cibles (2)", "Contacts (2)", "PAC (2)", "Remarques (2)"]);
    const names = (twice.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    expect(names.find((n) => n.name === "PAC_Capital_2")?.ranges).toEqual(["'Contacts (2)'!$B$9"]);
    const tables = twice.worksheets.flatMap((ws) => (ws.getTables() as unknown as { name: string }[]).map((t) => t.name));
    expect(tables).toEqual(["PAC_Cibles", "PAC_Remarques", "PAC_Cibles_2", "PAC_Remarques_2"]);
    const pac2 = sheet(twice, "PAC (2)");
    const capitalRow = findRow(pac2, "Capital de contacts par an");
    expect(pac2.getCell(`B${capitalRow}`).value).toEqual({ formula: "'Contacts (2)'!$B$9", result: 540 });
  });

  it("writeXlsx(plan, { base, replace: true }): replaces the sheets PAC Commercial wrote, and only those", async () => {
    // The user's "PAC" sheet has no mark: kept, with its defined name; the plan's goes beside it.
    const mixed = await writeXlsxPackage(plan, { base: await userWorkbook(), replace: true });
    expect(mixed.replacedSheets).toEqual([]);
    expect(mixed.keptSheets).toEqual(["PAC"]);
    const kept = await load(Buffer.from(mixed.bytes));
    expect(kept.worksheets.map((ws) => ws.name)).toEqual(["Données", "PAC", "Cibles", "Contacts", "PAC (2)", "Remarques"]);
    expect(sheet(kept, "PAC").getCell("A1").value).toBe("mon ancien plan");
    expect((kept.definedNames as unknown as { model: { name: string }[] }).model.map((n) => n.name)).toContain("Ancien");
    // Written again over a file PAC Commercial wrote: its marked sheets go, the user's stay.
    const again = await writeXlsxPackage(plan, { base: mixed.bytes, replace: true });
    // "PAC (2)", written beside the user's "PAC" last time, goes too: the new plan takes its place.
    expect(again.replacedSheets).toEqual(["Cibles", "Contacts", "PAC (2)", "Remarques"]);
    expect(again.keptSheets).toEqual(["PAC"]);
    const out = await load(Buffer.from(again.bytes));
    expect(out.worksheets.map((ws) => ws.name)).toEqual(["Données", "PAC", "Cibles", "Contacts", "PAC (2)", "Remarques"]);
    expect(sheet(out, "PAC").getCell("A1").value).toBe("mon ancien plan");
  });

  it("writeXlsxPackage(plan, { base, replace: true, keep }): a kept sheet is never dropped, the plan's goes beside it", async () => {
    const base = await userWorkbook();
    const { bytes: written, sheetNames } = await writeXlsxPackage(plan, { base, replace: true, keep: ["pac"] });
    expect(written).toBeInstanceOf(Uint8Array);
    expect(sheetNames).toEqual(["Cibles", "Contacts", "PAC (2)", "Remarques"]);
    const out = await load(Buffer.from(written));
    expect(out.worksheets.map((ws) => ws.name)).toEqual(["Données", "PAC", "Cibles", "Contacts", "PAC (2)", "Remarques"]);
    expect(sheet(out, "PAC").getCell("A1").value).toBe("mon ancien plan");
  });

  it("writeXlsx(plan, { base }): the caller's bytes are not modified", async () => {
    const base = await userWorkbook();
    const before = Buffer.from(base);
    await writeXlsx(plan, { base });
    expect(Buffer.compare(base, before)).toBe(0);
  });
});

describe("writeXlsx into a base workbook (grafted at the package level)", () => {
  async function parts(bytes: Buffer): Promise<Map<string, string>> {
    const zip = await JSZip.loadAsync(bytes);
    const out = new Map<string, string>();
    for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async("string"));
    return out;
  }

  it("the base's own parts are copied byte for byte; only the workbook-level parts change", async () => {
    const base = await userWorkbook();
    const before = await parts(base);
    const after = await parts(await writeXlsx(plan, { base }));
    const changed = [...before.keys()].filter((k) => after.get(k) !== before.get(k));
    expect(changed.sort()).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"]);
    expect(before.get("xl/worksheets/sheet1.xml")).toBe(after.get("xl/worksheets/sheet1.xml"));
  });

  it("writing twice keeps the first plan's charts and adds the second's", async () => {
    const once = await writeXlsx(plan);
    const twice = await parts(await writeXlsx(plan, { base: once }));
    expect([...twice.keys()].filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k)).sort()).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
    expect(twice.get("xl/charts/chart2.xml")).toContain("&apos;PAC (2)&apos;!$R$6:$R$15");
    expect(twice.get("xl/charts/chart1.xml")).toContain("&apos;PAC&apos;!$R$6:$R$15");
    for (const xml of twice.values()) if (xml.startsWith("<?xml")) expect(XMLValidator.validate(xml)).toBe(true);
    const tableIds = [...twice.entries()].filter(([k]) => k.startsWith("xl/tables/")).map(([, xml]) => /<table\b[^>]*\sid="(\d+)"/.exec(xml)?.[1]);
    expect(new Set(tableIds).size).toBe(tableIds.length);
    expect(tableIds.length).toBe(4);
  });

  it("the grafted sheets keep their styles, number formats, conditional colours and shared strings", async () => {
    const out = await load(await writeXlsx(plan, { base: await userWorkbook() }));
    const contacts = sheet(out, "Contacts");
    expect(contacts.getCell("A1").value).toBe("Capital de contacts et répartition");
    expect(contacts.getCell("A1").font).toMatchObject({ bold: true, size: 16, color: { argb: "FFFFFFFF" } });
    expect(contacts.getCell("B5").fill).toMatchObject({ fgColor: { argb: "FFFFF2CC" } });
    expect(contacts.getCell("B13").numFmt).toBe("0.0%");
    expect(sheet(out, "Cibles").getCell("D2").numFmt).toBe('#,##0 "€"');
    expect(sheet(out, "Cibles").getCell("B3").value).toBe("=SOMME(A1)");
    const rules = (sheet(out, "Cibles") as unknown as { conditionalFormattings: { rules: { formulae: string[]; style?: { fill?: { bgColor?: { argb?: string } } } }[] }[] }).conditionalFormattings;
    const a = rules.find((r) => r.rules[0].formulae[0] === '"A"');
    expect(a?.rules[0].style?.fill?.bgColor?.argb).toBe("FFC6EFCE");
    expect(sheet(out, "Données").getCell("B2").numFmt).toBe("0.00");
  });

  it("a base without shared strings gets the plan's", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Nombres").getCell("A1").value = 42;
    const base = Buffer.from(await wb.xlsx.writeBuffer());
    const out = await load(await writeXlsx(plan, { base }));
    expect(sheet(out, "Nombres").getCell("A1").value).toBe(42);
    expect(sheet(out, "PAC").getCell("A1").value).toBe("Plan d'Actions Commerciales (PAC)");
  });
});

describe("writeXlsx with large tables (rows written as XML)", () => {
  const big = buildWorkbookPlan(scorePortfolio(generatedClients(400), {}));
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await load(await writeXlsx(big));
  });

  it("every value and formula of the plan reads back the same, text staying text", () => {
    for (const sheetPlan of big.sheets) {
      const ws = sheet(wb, sheetPlan.name);
      for (const block of sheetPlan.blocks) {
        linesOf(block.values).forEach((line, i) =>
          line.forEach((v, j) => {
            const cell = ws.getCell(block.row + i + 1, block.col + j + 1);
            if (v === null) return;
            if (isFormulaCell(v)) {
              // exceljs reads a cached 0 of a row written as XML (`<v>0</v>`, there) as no result.
              const result = v.result === 0 ? (cell.result ?? 0) : cell.result;
              expect([cell.address, cell.formula, result]).toEqual([cell.address, v.formula, v.result]);
            } else {
              expect([cell.address, cell.value]).toEqual([cell.address, v]);
            }
          }),
        );
      }
    }
    expect(sheet(wb, "Cibles").getCell("B52").value).toBe("=Client 50");
  });

  it("rows written as XML keep their column's styles and the table spans them", () => {
    const cibles = sheet(wb, "Cibles");
    expect(cibles.getCell("D300").numFmt).toBe('#,##0 "€"');
    expect(cibles.getCell("I300").font).toMatchObject({ bold: true, name: "Calibri" });
    expect(cibles.getCell("AH300").font).toMatchObject({ size: 8 });
    const table = cibles.getTables()[0] as unknown as { table: { tableRef: string } };
    expect(table.table.tableRef).toBe("A1:AH441");
    const contacts = sheet(wb, "Contacts");
    expect(contacts.getCell("I300").font).toMatchObject({ bold: true });
  });
});

function findRow(ws: ExcelJS.Worksheet, label: string): number {
  let found = -1;
  ws.eachRow((row, n) => {
    if (found < 0 && row.getCell(1).value === label) found = n;
  });
  if (found < 0) throw new Error(`no row « ${label} » in ${ws.name}`);
  return found;
}
