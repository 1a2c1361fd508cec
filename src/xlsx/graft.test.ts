import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { WorkbookPlan } from "../plan/types";
import { countSharedItemBytes, countSharedItems } from "./graft";
import { hasPlainRoot } from "./unprefix";
import { writeXlsxPackage } from "./write";

const ENCODER = new TextEncoder();

describe("countSharedItemBytes", () => {
  it.each([
    { name: "items with attributes, empty ones and rich text", sst: '<sst count="3"><si><t>a</t></si><si/><si ><r><t>b</t></r></si></sst>', n: 3 },
    { name: "no item", sst: '<sst count="0" uniqueCount="0"/>', n: 0 },
    { name: "an escaped <si in the text is no item", sst: "<sst><si><t>&lt;si&gt;</t></si></sst>", n: 1 },
    { name: "accented and non-Latin text", sst: "<sst><si><t>Société Générale — 東京</t></si><si>\n<t>Œuvre</t></si></sst>", n: 2 },
  ])("counts as countSharedItems does on the text ($name)", ({ sst, n }) => {
    expect(countSharedItemBytes(ENCODER.encode(sst))).toBe(n);
    expect(countSharedItems(sst)).toBe(n);
  });
});

describe("hasPlainRoot", () => {
  it.each([
    { head: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="urn:m" count="2">', plain: true },
    { head: "\uFEFF<!-- a comment --><workbook>", plain: true },
    { head: "<styleSheet/>", plain: true },
    { head: '<?xml version="1.0"?><x:sst xmlns:x="urn:m">', plain: false },
    { head: '<?xml version="1.0"?><!-- <sst> in a comment --><x:sst xmlns:x="urn:m">', plain: false },
    // Cut before the root's name ends: nothing tells yet, the whole part is read.
    { head: '<?xml version="1.0"?><ss', plain: false },
    { head: '<?xml version="1.0"?><!-- a long comment cut', plain: false },
  ])("$head → $plain", ({ head, plain }) => {
    expect(hasPlainRoot(head)).toBe(plain);
  });
});

/** A base workbook whose shared strings part is `sst`. */
async function baseWith(sst: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Clients").addRow(["Client", "CA"]);
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  zip.file("xl/sharedStrings.xml", sst);
  return zip.generateAsync({ type: "uint8array" });
}

const plan: WorkbookPlan = { sheets: [{ name: "PAC", blocks: [{ row: 1, col: 1, values: [["Élan", "Zoé", "Élan"]] }], formats: [] }] };

async function mergedSst(base: Uint8Array): Promise<string> {
  const written = await writeXlsxPackage(plan, { base });
  const zip = await JSZip.loadAsync(written.bytes);
  return zip.file("xl/sharedStrings.xml")!.async("string");
}

describe("graftSheets: the plan's shared strings after the base's", () => {
  it("appends the plan's items after the base's, bytes untouched, counts updated", async () => {
    const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="2">';
    const sst = await mergedSst(await baseWith(`${head}<si><t>Client</t></si><si><t>Société — &lt;sst&gt;</t></si></sst>`));
    expect(sst).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="4">' +
        "<si><t>Client</t></si><si><t>Société — &lt;sst&gt;</t></si><si><t>Élan</t></si><si><t>Zoé</t></si></sst>",
    );
  });

  it("an empty <sst/> base part gets the plan's items", async () => {
    const sst = await mergedSst(await baseWith('<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>'));
    expect(sst).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>Élan</t></si><si><t>Zoé</t></si></sst>');
  });
});
