import { isRowSource, linesOf } from "../plan/rows";
import type { RowSource } from "../plan/types";
import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { GENERATED_MARK } from "../excel/applyPlan";
import { FIXTURE_CLIENTS } from "../plan/__fixtures__/portfolio";
import { scorePortfolio } from "../plan/score";
import type { WorkbookPlan } from "../plan/types";
import { buildWorkbookPlan } from "../plan/workbook";
import { cleanWorkbookPlan } from "./cleanPlan";
import { SHEET_MARK } from "./graft";
import { withDefaultNamespace } from "./unprefix";
import { writeXlsxPackage } from "./write";
import { cleanCellText, countInvalidXmlChars, MAX_CELL_CHARS, xmlSafe, xmlText } from "./xmlText";
import { verifyZipDirectory } from "../cli/verifyZip";
import { crc32, writeZip } from "./zip";

const plan = buildWorkbookPlan(scorePortfolio(FIXTURE_CLIENTS, {}));

async function partsOf(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

describe("xmlSafe(text) / xmlText(text): what XML 1.0 forbids is removed", () => {
  it.each([
    { name: "empty", text: "", safe: "", count: 0 },
    { name: "plain", text: "Société Générale", safe: "Société Générale", count: 0 },
    { name: "tab, LF and CR are allowed", text: "a\tb\nc\rd", safe: "a\tb\nc\rd", count: 0 },
    { name: "NUL, 0x08, 0x1F", text: "a\u0000b\u0008c\u001Fd", safe: "abcd", count: 3 },
    { name: "U+FFFE and U+FFFF", text: "x\uFFFEy\uFFFF", safe: "xy", count: 2 },
    { name: "a valid surrogate pair (emoji) stays", text: "ok 😀", safe: "ok 😀", count: 0 },
    { name: "a lone high surrogate", text: "a\uD83Db", safe: "ab", count: 1 },
    { name: "a lone low surrogate", text: "a\uDE00b", safe: "ab", count: 1 },
    { name: "only forbidden characters", text: "\u0001\u0002", safe: "", count: 2 },
  ])("xmlSafe: $name", ({ text, safe, count }) => {
    expect(xmlSafe(text)).toBe(safe);
    expect(countInvalidXmlChars(text)).toBe(count);
  });

  it("xmlText escapes markup after cleaning", () => {
    expect(xmlText(`<a href="x">'&'\u0000</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });

  it.each([
    { name: "at the limit", length: MAX_CELL_CHARS, out: MAX_CELL_CHARS, cut: false },
    { name: "one over", length: MAX_CELL_CHARS + 1, out: MAX_CELL_CHARS, cut: true },
    { name: "100 000", length: 100_000, out: MAX_CELL_CHARS, cut: true },
  ])("cleanCellText caps a cell at 32 767 characters: $name", ({ length, out, cut }) => {
    const c = cleanCellText("x".repeat(length));
    expect(c.text.length).toBe(out);
    expect(c.truncatedFrom !== undefined).toBe(cut);
  });

  it("cleanCellText never cuts a surrogate pair in two", () => {
    const c = cleanCellText(`${"x".repeat(MAX_CELL_CHARS - 1)}😀tail`);
    expect(c.text.length).toBe(MAX_CELL_CHARS - 1);
    expect(countInvalidXmlChars(c.text)).toBe(0);
  });
});

/** A one-sheet plan holding `values` from A1 down. */
function tinyPlan(values: string[], sheetName = "Cibles"): WorkbookPlan {
  return { sheets: [{ name: sheetName, blocks: [{ row: 0, col: 0, values: values.map((v) => [v]) }], formats: [] }] };
}

describe("cleanWorkbookPlan(plan)", () => {
  it("names each changed cell, and leaves a clean plan as it is", () => {
    expect(cleanWorkbookPlan(plan).plan).toBe(plan);
    const { plan: clean, remarks } = cleanWorkbookPlan(tinyPlan(["ok", "bad\u0008\u0000", "y".repeat(40_000)]));
    expect(remarks).toEqual([
      { kind: "invalidChars", sheet: "Cibles", cell: "A2", row: 2, count: 2 },
      { kind: "truncated", sheet: "Cibles", cell: "A3", row: 3, count: 40_000 },
    ]);
    expect(linesOf(clean.sheets[0].blocks[0].values).map((r) => String(r[0]).length)).toEqual([2, 3, MAX_CELL_CHARS]);
  });

  it("rows made when read: only the user's columns are checked, without making a row; the rows made are mended", () => {
    let made = 0;
    const rows: RowSource = {
      length: 3,
      width: 2,
      row: (i) => {
        made++;
        return [["ok", "bad\u0008", "z".repeat(40_000)][i], `plan's own ${i}`];
      },
      userTexts: { cols: [0], cell: (i) => ["ok", "bad\u0008", "z".repeat(40_000)][i] },
    };
    const sheet = { name: "Cibles", blocks: [{ row: 1, col: 0, values: rows }], formats: [] };
    const { plan: clean, remarks } = cleanWorkbookPlan({ sheets: [sheet] });
    expect(made).toBe(0);
    expect(remarks).toEqual([
      { kind: "invalidChars", sheet: "Cibles", cell: "A3", row: 3, count: 1 },
      { kind: "truncated", sheet: "Cibles", cell: "A4", row: 4, count: 40_000 },
    ]);
    const values = clean.sheets[0].blocks[0].values;
    expect(isRowSource(values)).toBe(true);
    expect(linesOf(values).map((r) => [String(r[0]).length, r[1]])).toEqual([
      [2, "plan's own 0"],
      [3, "plan's own 1"],
      [MAX_CELL_CHARS, "plan's own 2"],
    ]);
    // A clean source is kept as it is.
    const fine = { name: "Cibles", blocks: [{ row: 1, col: 0, values: { ...rows, length: 1 } }], formats: [] };
    const plan1 = { sheets: [fine] };
    expect(cleanWorkbookPlan(plan1).plan).toBe(plan1);
  });
});

describe("writeXlsxPackage: valid output, always", () => {
  it("control characters, U+FFFF and lone surrogates never reach the package; every XML part is well-formed", async () => {
    const hostile = ["Nul\u0000", "Back\u0008space", "Unit\u001Fsep", "Non\uFFFFchar", "Lone\uD800", "ok"];
    const written = await writeXlsxPackage(tinyPlan(hostile));
    expect(written.remarks.filter((r) => r.kind === "invalidChars").map((r) => r.cell)).toEqual(["A1", "A2", "A3", "A4", "A5"]);
    const zip = await partsOf(written.bytes);
    for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
      const xml = await zip.file(name)!.async("string");
      expect(countInvalidXmlChars(xml)).toBe(0);
      expect(XMLValidator.validate(xml)).toBe(true);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(written.bytes) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet("Cibles")!.getCell("A1").value).toBe("Nul");
  });

  it("a cell of 100 000 characters is written cut to 32 767, with a remark", async () => {
    const written = await writeXlsxPackage(tinyPlan(["z".repeat(100_000)]));
    expect(written.remarks).toEqual([{ kind: "truncated", sheet: "Cibles", cell: "A1", row: 1, count: 100_000 }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(written.bytes) as unknown as ExcelJS.Buffer);
    expect(String(wb.getWorksheet("Cibles")!.getCell("A1").value).length).toBe(MAX_CELL_CHARS);
  });

  it("SHEET_MARK is the mark the Office.js path writes (GENERATED_MARK), and every written sheet carries it", async () => {
    expect(SHEET_MARK).toEqual(GENERATED_MARK);
    const zip = await partsOf((await writeXlsxPackage(plan)).bytes);
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets).toHaveLength(4);
    for (const path of sheets) {
      const xml = await zip.file(path)!.async("string");
      expect(xml).toMatch(/<customProperties xmlns:r="[^"]+"><customPr name="PACCommercial" r:id="rId\d+"\/><\/customProperties>/);
      expect(XMLValidator.validate(xml)).toBe(true);
    }
    const value = await zip.file("xl/customProperty1.bin")!.async("uint8array");
    expect(new TextDecoder("utf-16le").decode(value)).toBe("generated");
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain('PartName="/xl/customProperty1.bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty"');
  });
});

/** A user's workbook made macro-enabled: a VBA project part, its relationship, its content types. */
async function macroWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Données").addRow(["Client", "CA"]);
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  zip.file("xl/vbaProject.bin", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace("</Relationships>", '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'),
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types
      .replace("<Default ", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ')
      .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"),
  );
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", workbook.replace(/<workbookPr\b/, '<workbookPr codeName="ThisWorkbook"'));
  return zip.generateAsync({ type: "uint8array" });
}

describe("writeXlsxPackage over a macro-enabled workbook", () => {
  it("leaves the VBA project out of the .xlsx, says so, and keeps the user's sheets", async () => {
    const written = await writeXlsxPackage(plan, { base: await macroWorkbook() });
    expect(written.remarks).toContainEqual({ kind: "macrosDropped", count: 1 });
    const zip = await partsOf(written.bytes);
    expect(zip.file("xl/vbaProject.bin")).toBeNull();
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).not.toMatch(/macroEnabled|vbaProject/);
    expect(types).toContain("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
    expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).not.toContain("vbaProject");
    expect(await zip.file("xl/workbook.xml")!.async("string")).not.toContain("codeName");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(written.bytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Données", "Cibles", "Contacts", "PAC", "Remarques"]);
  });
});

/** The exceljs workbook with its workbook, styles and shared strings parts rewritten with an `x:` prefix. */
async function prefixedWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Clients");
  ws.addRow(["Client", "CA"]);
  ws.addRow(["Dupont", 1200]);
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  for (const path of ["xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"]) {
    const file = zip.file(path);
    if (!file) continue;
    const xml = await file.async("string");
    const prefixed = xml
      .replace(/<(\/?)([A-Za-z][\w]*)(?=[\s/>])/g, (m, slash: string, name: string) => (name.includes(":") ? m : `<${slash}x:${name}`))
      .replace(/\sxmlns="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/, ' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
    zip.file(path, `${prefixed}<!-- <x:sheet name="piège"/> -->\n`);
  }
  return zip.generateAsync({ type: "uint8array" });
}

describe("withDefaultNamespace(xml) and a base with namespace-prefixed parts", () => {
  it.each([
    { name: "no prefix: unchanged", xml: '<sst xmlns="urn:m"><si/></sst>', out: '<sst xmlns="urn:m"><si/></sst>' },
    { name: "prefixed root", xml: '<x:sst xmlns:x="urn:m"><x:si><x:t>a&amp;b</x:t></x:si></x:sst>', out: '<sst xmlns:x="urn:m" xmlns="urn:m"><si><t>a&amp;b</t></si></sst>' },
    {
      name: "other prefixes and comments kept",
      xml: '<?xml version="1.0"?><x:w xmlns:x="urn:m" xmlns:r="urn:r"><!-- <x:sheet/> --><x:s r:id="1"/></x:w>',
      out: '<?xml version="1.0"?><w xmlns:x="urn:m" xmlns:r="urn:r" xmlns="urn:m"><!-- <x:sheet/> --><s r:id="1"/></w>',
    },
  ])("withDefaultNamespace: $name", ({ xml, out }) => {
    expect(withDefaultNamespace(xml)).toBe(out);
  });

  it("the plan's sheets are added in SpreadsheetML's namespace, and the output reads back", async () => {
    const written = await writeXlsxPackage(plan, { base: await prefixedWorkbook() });
    const zip = await partsOf(written.bytes);
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    expect(XMLValidator.validate(workbook)).toBe(true);
    expect(workbook).toMatch(/<workbook\b[^>]*xmlns="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/);
    expect([...workbook.matchAll(/<sheet [^>]*?name="([^"]+)"/g)].map((m) => m[1])).toEqual(["Clients", "Cibles", "Contacts", "PAC", "Remarques"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(written.bytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Clients", "Cibles", "Contacts", "PAC", "Remarques"]);
    expect(wb.getWorksheet("Clients")!.getCell("A2").value).toBe("Dupont");
  });
});

describe("writeZip(entries): ZIP64 when the package needs it", () => {
  it("70 000 entries: ZIP64 end records, and every entry reads back", async () => {
    const entries = Array.from({ length: 70_000 }, (_, i) => ({ name: `p/${i}.txt`, data: new TextEncoder().encode(String(i)) }));
    const bytes = writeZip(entries, 0);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(bytes.length - 22, true)).toBe(0x06054b50);
    expect(view.getUint16(bytes.length - 22 + 10, true)).toBe(0xffff);
    expect(view.getUint32(bytes.length - 42, true)).toBe(0x07064b50);
    expect(verifyZipDirectory(bytes)).toBe(70_000);
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files);
    expect(names).toHaveLength(70_000);
    expect(await zip.file("p/69999.txt")!.async("string")).toBe("69999");
  }, 60_000);

  it("a part over 4 GiB gets ZIP64 sizes in its local and central headers", () => {
    // A copied entry that says it inflates to 5 GB (its stored bytes are small: only the headers are checked).
    const raw = { name: "big.xml", method: 8, crc: crc32(new Uint8Array([1])), size: 5_000_000_000, compressed: new Uint8Array([1, 2, 3]) };
    const bytes = writeZip([{ name: "a.txt", data: new Uint8Array([65]) }, { name: "big.xml", raw }]);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const local = 30 + 5 + 1;
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    expect(view.getUint16(local + 4, true)).toBe(45);
    expect(view.getUint32(local + 22, true)).toBe(0xffffffff);
    expect(view.getUint16(local + 30 + 7, true)).toBe(0x0001);
    expect(Number(view.getBigUint64(local + 30 + 7 + 4, true))).toBe(5_000_000_000);
    expect(verifyZipDirectory(bytes)).toBe(2);
  });

  it("a small package stays a plain ZIP (no ZIP64 record)", () => {
    const bytes = writeZip([{ name: "a.txt", data: new Uint8Array([65]) }]);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(bytes.length - 22, true)).toBe(0x06054b50);
    expect(bytes.length).toBe(30 + 5 + 1 + 46 + 5 + 22);
  });
});
