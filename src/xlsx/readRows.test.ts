import ExcelJS from "exceljs";
import { worksheetRows } from "../../test/support/sheetRows";
import { normaliseCell } from "../io";
import { XlsxError } from "./errors";
import { isDateFormat, openXlsx } from "./readRows";
import { writeZip as writeZipBytes } from "./zip";

/** A hand-made package as a Buffer, the way the CLI reads files. */
function writeZip(...args: Parameters<typeof writeZipBytes>): Buffer {
  const bytes = writeZipBytes(...args);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

async function viaExceljs(bytes: Buffer, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return worksheetRows(wb.getWorksheet(sheet) as ExcelJS.Worksheet);
}

const normalised = (rows: unknown[][]): unknown => rows.map((r) => r.map((v) => normaliseCell(v)));

function part(name: string, xml: string): { name: string; data: Uint8Array } {
  return { name, data: Buffer.from(xml, "utf8") };
}

/** A hand-written package: what exceljs never writes (inline strings, prefixes, no `r`, phonetic runs…). */
function handMade(sheetXml: string, options: { sharedStrings?: string; styles?: string; workbookPr?: string } = {}): Buffer {
  return writeZip([
    part("[Content_Types].xml", "<Types/>"),
    part(
      "xl/workbook.xml",
      `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${options.workbookPr ?? ""}<sheets><sheet name="Données &amp; co" sheetId="1" r:id="rId7"/></sheets></workbook>`,
    ),
    part(
      "xl/_rels/workbook.xml.rels",
      '<Relationships><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/feuille.xml"/></Relationships>',
    ),
    part("xl/worksheets/feuille.xml", sheetXml),
    ...(options.sharedStrings ? [part("xl/sharedStrings.xml", options.sharedStrings)] : []),
    ...(options.styles ? [part("xl/styles.xml", options.styles)] : []),
  ]);
}

describe("openXlsx", () => {
  it("openXlsx(bytes).rows(sheet) gives what exceljs gives, for every kind of value", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Vide");
    const ws = wb.addWorksheet("Valeurs");
    ws.getCell("A1").value = "Client";
    ws.getCell("B1").value = "CA";
    ws.getCell("C1").value = "Date";
    ws.getCell("A2").value = "Noël & <fils> \"SA\"";
    ws.getCell("B2").value = 1234.5;
    ws.getCell("C2").value = new Date(Date.UTC(2025, 11, 19));
    ws.getCell("C2").numFmt = "dd/mm/yyyy";
    ws.getCell("A3").value = { richText: [{ text: "Riche " }, { font: { bold: true }, text: "texte" }] };
    ws.getCell("B3").value = { formula: "B2*2", result: 2469 };
    ws.getCell("C3").value = { formula: "TODAY()", result: new Date(Date.UTC(2024, 1, 29)) };
    ws.getCell("C3").numFmt = "[$-40C]d mmmm yyyy";
    ws.getCell("A4").value = { text: "lien", hyperlink: "https://example.com" };
    ws.getCell("B4").value = true;
    ws.getCell("C4").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    ws.getCell("A6").value = "=pas une formule";
    ws.getCell("E6").value = -0.25;
    ws.getCell("E6").numFmt = '0.00 "jours"';
    ws.getCell("A7").value = { formula: 'A6&"x"', result: "=pas une formulex" };
    ws.getCell("B8").numFmt = "0.00"; // styled but empty: not a value
    ws.mergeCells("A9:B9");
    ws.getCell("A9").value = "fusion";
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const fast = openXlsx(bytes);
    expect(fast.names).toEqual(["Vide", "Valeurs"]);
    expect(fast.date1904).toBe(false);
    const rows = fast.rows("Valeurs");
    expect(normalised(rows)).toEqual(normalised(await viaExceljs(bytes, "Valeurs")));
    expect(rows[1][2]).toEqual(new Date(Date.UTC(2025, 11, 19)));
    expect(rows[2]).toEqual(["Riche texte", 2469, new Date(Date.UTC(2024, 1, 29))]);
    expect(rows[4]).toEqual([]);
    expect(rows[8]).toEqual(["fusion"]);
    expect(rows).toHaveLength(9);
    expect(fast.rows("Vide")).toEqual([]);
  });

  it("openXlsx(bytes) reads dates of a 1904 workbook as exceljs does", async () => {
    const wb = new ExcelJS.Workbook();
    (wb as unknown as { properties: { date1904: boolean } }).properties.date1904 = true;
    const ws = wb.addWorksheet("Mac");
    ws.getCell("A1").value = new Date(Date.UTC(2023, 5, 30));
    ws.getCell("A1").numFmt = "dd/mm/yyyy";
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const fast = openXlsx(bytes);
    expect(fast.date1904).toBe(true);
    expect(fast.rows("Mac")).toEqual(await viaExceljs(bytes, "Mac"));
    expect(fast.rows("Mac")[0][0]).toEqual(new Date(Date.UTC(2023, 5, 30)));
  });

  it("openXlsx(bytes) reads inline strings, prefixed tags, cells without r, entities and phonetic runs", () => {
    const sheet =
      '<x:worksheet xmlns:x="main"><x:sheetData>' +
      '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>Caf&#233; &lt;Nord&gt;</x:t></x:is></x:c><x:c t="s"><x:v>0</x:v></x:c><x:c t="str"><x:f>1+1</x:f><x:v>deux</x:v></x:c></x:row>' +
      '<x:row><x:c t="b"><x:v>0</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c><x:c t="d"><x:v>2025-03-01T00:00:00</x:v></x:c><x:c s="1"><x:v>45000</x:v></x:c><x:c s="2"><x:v>7</x:v></x:c></x:row>' +
      '<x:row r="5" spans="1:3"/>' +
      "</x:sheetData></x:worksheet>";
    const bytes = handMade(sheet, {
      sharedStrings: "<sst><si><r><t>東京</t></r><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><r><t xml:space=\"preserve\"> SA</t></r></si></sst>",
      styles: '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;sem. &quot;0"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>',
    });
    const fast = openXlsx(bytes);
    expect(fast.names).toEqual(["Données & co"]);
    expect(fast.rows("Données & co")).toEqual([
      [],
      ["Café <Nord>", "東京 SA", "deux"],
      [false, { error: "#DIV/0!" }, new Date(Date.UTC(2025, 2, 1)), new Date(Date.UTC(2023, 2, 15)), 7],
    ]);
  });

  it("openXlsx(bytes) gives each worksheet's state, and the active one, as exceljs reads them; plain Uint8Array bytes", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Un").getCell("A1").value = 1;
    wb.addWorksheet("Deux", { state: "hidden" });
    wb.addWorksheet("Trois", { state: "veryHidden" });
    wb.addWorksheet("Quatre").getCell("B2").value = "x";
    wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 3, visibility: "visible" }];
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer()).slice();
    const fast = openXlsx(bytes);
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load(bytes.buffer);
    expect(fast.sheets).toEqual(loaded.worksheets.map((s) => ({ name: s.name, state: s.state })));
    expect(fast.sheets.map((s) => s.state)).toEqual(["visible", "hidden", "veryHidden", "visible"]);
    expect(fast.active).toBe("Quatre");
    expect(fast.rows("Quatre")).toEqual([[], [null, "x"]]);
  });

  it("openXlsx(bytes).active counts chart sheets among the tabs, and is undefined on one", () => {
    const book = (activeTab: number): Buffer =>
      writeZip([
        part(
          "xl/workbook.xml",
          `<workbook xmlns:r="r"><bookViews><workbookView activeTab="${activeTab}"/></bookViews><sheets><sheet name="Graphique" sheetId="1" r:id="rId1"/><sheet name="Données" sheetId="2" r:id="rId2"/></sheets></workbook>`,
        ),
        part(
          "xl/_rels/workbook.xml.rels",
          '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        ),
        part("xl/worksheets/sheet1.xml", '<worksheet><sheetData><row r="1"><c r="A1"><v>3</v></c></row></sheetData></worksheet>'),
      ]);
    expect(openXlsx(book(1)).names).toEqual(["Données"]);
    expect(openXlsx(book(1)).active).toBe("Données");
    expect(openXlsx(book(0)).active).toBeUndefined();
    expect(openXlsx(book(1)).rows("Données")).toEqual([[3]]);
  });

  it("openXlsx(bytes) refuses a damaged deflate stream or a character reference beyond Unicode, in French", () => {
    const rows = '<row r="1"><c t="inlineStr"><is><t>bien</t></is></c></row>'.repeat(200);
    const good = handMade(`<worksheet><sheetData>${rows}</sheetData></worksheet>`);
    expect(openXlsx(good).rows("Données & co")).toHaveLength(1);
    const name = Buffer.from("xl/worksheets/feuille.xml");
    const local = good.indexOf(name) - 30; // the first copy of the name is the local header's
    expect(good.readUInt32LE(local)).toBe(0x04034b50);
    expect(good.readUInt16LE(local + 8)).toBe(8); // deflated
    const damaged = Buffer.from(good);
    const data = local + 30 + name.length;
    damaged.fill(0xff, data, data + 8);
    expect(() => openXlsx(damaged, "c.xlsx").rows("Données & co")).toThrow(
      new XlsxError("PART_INFLATE", { part: "xl/worksheets/feuille.xml" }, "c.xlsx"),
    );
    expect(() => openXlsx(damaged, "c.xlsx").rows("Données & co")).toThrow(
      "«\u00a0c.xlsx\u00a0»\u00a0: la partie «\u00a0xl/worksheets/feuille.xml\u00a0» ne se décompresse pas (données compressées abîmées).",
    );
    const beyond = handMade('<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&#x110000;</t></is></c></row></sheetData></worksheet>');
    expect(() => openXlsx(beyond).rows("Données & co")).toThrow(/^Le classeur\u00a0: la partie «\u00a0xl\/worksheets\/feuille.xml\u00a0» n'est pas du XML valide \(/);
  });

  it("readRows (the browser's path: parts inflated ahead, natively where the runtime can) gives rows' rows and rows' refusals", async () => {
    const rows = '<row r="1"><c t="inlineStr"><is><t>bien</t></is></c></row>'.repeat(200);
    const good = handMade(`<worksheet><sheetData>${rows}</sheetData></worksheet>`);
    const book = openXlsx(good);
    expect(await book.readRows("Données & co")).toEqual(book.rows("Données & co"));
    // Read twice: the part inflated ahead is handed out once, the second read inflates it again.
    expect(await book.readRows("Données & co")).toEqual(book.rows("Données & co"));
    const name = Buffer.from("xl/worksheets/feuille.xml");
    const damaged = Buffer.from(good);
    const data = good.indexOf(name) + name.length;
    damaged.fill(0xff, data, data + 8);
    await expect(openXlsx(damaged, "c.xlsx").readRows("Données & co")).rejects.toThrow(new XlsxError("PART_INFLATE", { part: "xl/worksheets/feuille.xml" }, "c.xlsx"));
  });

  it.each([
    { name: "not a zip", bytes: Buffer.from("Client;CA\nA;1\n".repeat(3)), code: "NOT_ZIP" },
    { name: "a zip without a workbook", bytes: writeZip([part("word/document.xml", "<w:document/>")]), code: "NO_WORKBOOK" },
  ])("openXlsx(bytes) refuses $name with XlsxError $code", ({ bytes, code }) => {
    expect(() => openXlsx(bytes)).toThrow(XlsxError);
    expect(() => openXlsx(bytes)).toThrow(expect.objectContaining({ code }));
  });
});

describe("isDateFormat", () => {
  it.each([
    ["dd/mm/yyyy", true],
    ["[$-40C]d mmmm yyyy", true],
    ["h:mm", true],
    ["#,##0 \"€\"", false],
    ['0.00 "jours"', false],
    ["[Red]0.00", false],
    ["General", false],
    ["0%", false],
  ])("isDateFormat(%p) is %p", (code, expected) => {
    expect(isDateFormat(code)).toBe(expected);
  });
});
