/**
 * The four sheet features of the catalogue and the exercise workbooks, as the .xlsx writer writes them: native
 * drop-down lists (data validation of type list), formula colours (conditional formatting by expression),
 * hidden sheets and sheet protection. The written XML is read back; LibreOffice opens the file, keeps every
 * feature when it saves it again, and paints a formula colour where its formula is true (PDF → pixels).
 */
import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SheetPlan, WorkbookPlan } from "../../src/plan/types";
import { legacyPasswordHash } from "../../src/xlsx/sheetFeatures";
import { writeXlsx, writeXlsxPackage } from "../../src/xlsx/write";
import { convert, freshProfile, hasCommand, tempDir } from "./soffice";

const HAVE_SOFFICE = hasCommand("soffice");
const HAVE_POPPLER = hasCommand("pdftoppm", ["-v"]);
if (!HAVE_SOFFICE) console.warn("test/xlsx/writeFeatures.test.ts LibreOffice part skipped: `soffice` not found");
const describeSoffice = HAVE_SOFFICE ? describe : describe.skip;
const itPixels = HAVE_POPPLER ? it : it.skip;

const catalogue: SheetPlan = {
  name: "Catalogue",
  blocks: [{ row: 0, col: 0, values: [["Action"], ["Visite"], ["Appel"], ["Salon"]] }],
  formats: [],
  visibility: "veryHidden",
};
const notes: SheetPlan = { name: "Corrigé", blocks: [{ row: 0, col: 0, values: [["Réponse : Visite"]] }], formats: [], visibility: "hidden" };

/** Pure red: easy to find among a PDF page's pixels. */
const RED = "#FF0000";

function exercise(formula: string): SheetPlan {
  return {
    name: "PAC",
    blocks: [
      {
        row: 0,
        col: 0,
        values: [
          ["Action", "Réponse", "Attendu"],
          ["Visite", "Visite", "Visite"],
          ["Appel", "Appel", "Salon"],
        ],
      },
    ],
    formats: [{ range: { row: 0, col: 0, rows: 1, cols: 3 }, style: { bold: true } }],
    columnWidths: [20, 20, 20],
    editable: [{ row: 1, col: 0, rows: 2, cols: 2 }],
    validations: [
      { range: { row: 1, col: 0, rows: 2, cols: 1 }, source: "'Catalogue'!$A$2:$A$4", prompt: { title: "Action", text: "Choisissez une action du catalogue" } },
      { range: { row: 1, col: 1, rows: 2, cols: 1 }, source: "'Catalogue'!$A$2:$A$4", allowOther: true },
    ],
    formulaColours: [{ range: { row: 1, col: 1, rows: 2, cols: 1 }, formula, fill: RED, fontColor: "#FFFFFF" }],
    protection: { password: "prof" },
  };
}

const RIGHT = 'AND(B2<>"",B2=C2)';
const plan: WorkbookPlan = { sheets: [exercise(RIGHT), catalogue, notes] };

/** The `state` of a sheet in workbook.xml ("visible" when absent). */
function sheetState(workbook: string, name: string): string | undefined {
  const element = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((e) => e.includes(` name="${name}"`));
  return element === undefined ? undefined : (/\bstate="([^"]+)"/.exec(element)?.[1] ?? "visible");
}

/** XML text with its five entities decoded (writers differ in which they escape). */
function decoded(xml: string): string {
  return xml.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

async function parts(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`no part ${path}`);
  return file.async("string");
}

describe("writeXlsx: drop-down lists, formula colours, hidden and protected sheets", () => {
  it("legacyPasswordHash(password) gives openpyxl's hash_password values", () => {
    expect(["pac", "PAC Commercial", "secret", "a", "été 2026"].map(legacyPasswordHash)).toEqual(["CC34", "ADFE", "DAA7", "CE88", "EE49"]);
  });

  it("writeXlsxPackage(plan): the XML holds the validations, the cfRule, the sheet states and the protection", async () => {
    const zip = await parts((await writeXlsxPackage(plan)).bytes);
    const workbook = await text(zip, "xl/workbook.xml");
    expect(["PAC", "Catalogue", "Corrigé"].map((n) => sheetState(workbook, n))).toEqual(["visible", "veryHidden", "hidden"]);
    const sheet = await text(zip, "xl/worksheets/sheet1.xml");
    expect(XMLValidator.validate(sheet)).toBe(true);
    const validations = [...sheet.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)];
    expect(validations).toHaveLength(2);
    expect(validations[0][1]).toMatch(/type="list"/);
    expect(validations[0][1]).toMatch(/sqref="A2:A3"/);
    expect(validations[0][1]).toMatch(/promptTitle="Action"/);
    expect(validations[0][1]).toMatch(/prompt="Choisissez une action du catalogue"/);
    expect(validations[0][1]).not.toMatch(/errorStyle="warning"/);
    expect(validations[1][1]).toMatch(/errorStyle="warning"/);
    expect(validations[1][1]).toMatch(/sqref="B2:B3"/);
    expect(decoded(validations[0][2])).toBe("<formula1>'Catalogue'!$A$2:$A$4</formula1>");
    const rule = /<conditionalFormatting sqref="B2:B3"><cfRule type="expression" dxfId="\d+" priority="1"><formula>([^<]*)<\/formula><\/cfRule><\/conditionalFormatting>/.exec(sheet);
    expect(decoded(rule?.[1] ?? "")).toBe(RIGHT);
    expect(sheet).toContain(`<sheetProtection password="${legacyPasswordHash("prof")}" sheet="1" objects="1" scenarios="1"/>`);
    // The schema's order: sheetProtection right after sheetData, before conditional formats and lists.
    expect(sheet.indexOf("<sheetProtection")).toBeGreaterThan(sheet.indexOf("</sheetData>"));
    expect(sheet.indexOf("<sheetProtection")).toBeLessThan(sheet.indexOf("<conditionalFormatting"));
    expect(sheet.indexOf("<conditionalFormatting")).toBeLessThan(sheet.indexOf("<dataValidations"));
  });

  it("writeXlsx(plan): the answer cells stay unlocked in the protected sheet, the others are locked", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsx(plan)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("PAC") as ExcelJS.Worksheet;
    expect(["A2", "B3"].map((a) => ws.getCell(a).protection?.locked)).toEqual([false, false]);
    expect(["A1", "C2"].map((a) => ws.getCell(a).protection?.locked ?? true)).toEqual([true, true]);
  });

  it("writeXlsxPackage(plan, { base }): a taken name renames the sheet, and the list's source follows it", async () => {
    const base = new ExcelJS.Workbook();
    base.addWorksheet("Catalogue").getCell("A1").value = "le mien";
    const written = await writeXlsxPackage(plan, { base: new Uint8Array(await base.xlsx.writeBuffer()) });
    expect(written.sheetNames).toEqual(["PAC", "Catalogue (2)", "Corrigé"]);
    const zip = await parts(written.bytes);
    const workbook = await text(zip, "xl/workbook.xml");
    expect(["Catalogue", "PAC", "Catalogue (2)", "Corrigé"].map((n) => sheetState(workbook, n))).toEqual(["visible", "visible", "veryHidden", "hidden"]);
    const paths = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    const sheets = await Promise.all(paths.map((p) => text(zip, p)));
    const pac = sheets.find((s) => s.includes("<dataValidations"));
    expect(decoded(pac ?? "")).toContain("<formula1>'Catalogue (2)'!$A$2:$A$4</formula1>");
  });

  it("writeXlsxPackage(plan) cuts a list's prompt to Excel's 32 / 255 characters (a longer one makes Excel repair the file)", async () => {
    const long = { ...exercise(RIGHT), validations: [{ range: { row: 1, col: 0, rows: 1, cols: 1 }, source: "'Catalogue'!$A$2:$A$4", prompt: { title: "T".repeat(40), text: "x".repeat(300) } }] };
    const sheet = await text(await parts((await writeXlsxPackage({ sheets: [long, catalogue] })).bytes), "xl/worksheets/sheet1.xml");
    expect(/promptTitle="(T*)"/.exec(sheet)?.[1]).toHaveLength(32);
    expect(/prompt="(x*)"/.exec(sheet)?.[1]).toHaveLength(255);
  });

  it("writeXlsx(plan) refuses a plan whose every sheet is hidden: a workbook needs one visible sheet", async () => {
    await expect(writeXlsx({ sheets: [catalogue] })).rejects.toThrow(/visible sheet/);
  });
});

/** The pixels of a binary PPM (P6) image whose colour is `hex`, give or take a little anti-aliasing. */
function countColour(ppm: Buffer, hex: string): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString("latin1"));
  if (!header) throw new Error("not a binary PPM");
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
    if (Math.abs(ppm[i] - r) < 8 && Math.abs(ppm[i + 1] - g) < 8 && Math.abs(ppm[i + 2] - b) < 8) count++;
  }
  return count;
}

describeSoffice("the four features in LibreOffice", () => {
  const dir = tempDir("features");
  const profile = freshProfile();
  const files = { right: join(dir, "right.xlsx"), never: join(dir, "never.xlsx") };

  beforeAll(async () => {
    writeFileSync(files.right, await writeXlsx(plan));
    // The same sheet with a rule that is never true: no red at all.
    writeFileSync(files.never, await writeXlsx({ sheets: [exercise('B2="jamais"'), catalogue, notes] }));
  }, 120_000);

  it("LibreOffice opens the file and saves it again with the lists, the rule, the states and the protection", async () => {
    const [saved] = await convert(profile, [files.right], "xlsx", join(dir, "saved"));
    const zip = await parts(readFileSync(saved));
    const workbook = await text(zip, "xl/workbook.xml");
    // LibreOffice has no "very hidden": it keeps the sheet hidden.
    expect(["PAC", "Catalogue", "Corrigé"].map((n) => sheetState(workbook, n))).toEqual(["visible", "hidden", "hidden"]);
    const sheet = await text(zip, "xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(/<sheetProtection\b[^>]*sheet="true"|<sheetProtection\b[^>]*sheet="1"/);
    expect(sheet).toMatch(/<dataValidation\b[^>]*type="list"/);
    expect(decoded(sheet)).toMatch(/<formula1>\$?'?Catalogue'?!\$A\$2:\$A\$4<\/formula1>/);
    expect(sheet).toMatch(/<cfRule\b[^>]*type="expression"/);
  }, 120_000);

  itPixels("LibreOffice paints the formula colour where its formula is true, and nowhere when it never is", async () => {
    const pdfs = await convert(profile, [files.right, files.never], "pdf", join(dir, "pdf"));
    const { execFileSync } = await import("node:child_process");
    const [right, never] = pdfs.map((pdf) => execFileSync("pdftoppm", ["-f", "1", "-l", "1", "-r", "50", pdf]));
    // One cell of about 20 characters × 1 row at 50 dpi: some hundreds of pixels.
    expect(countColour(right, RED)).toBeGreaterThan(200);
    expect(countColour(never, RED)).toBe(0);
  }, 120_000);
});
