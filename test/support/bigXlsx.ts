import { writeZip } from "../../src/xlsx/zip";

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * A client table of `rows` data rows as Excel writes it, built straight as XML (no exceljs, so 100 000 rows
 * take a second): shared strings, numbers, dates (a date-formatted style), inline strings, booleans, a
 * formula with its cached value, a blank cell in the middle. Deterministic.
 */
export function bigXlsx(rows: number): Uint8Array {
  const names = 5_000;
  const sst: string[] = [`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${names + 5}" uniqueCount="${names + 5}">`];
  for (const h of ["Code client", "Nom", "CA 2025", "Date dernier achat", "Ville"]) sst.push(`<si><t>${h}</t></si>`);
  for (let k = 0; k < names; k++) sst.push(`<si><t>Société ${k} &amp; fils</t></si>`);
  sst.push("</sst>");
  const sheet: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>',
  ];
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    const ca = ((i * 7919) % 100_000) / 4;
    const cells =
      `<c r="A${r}" t="inlineStr"><is><t>C${String(i).padStart(6, "0")}</t></is></c>` +
      `<c r="B${r}" t="s"><v>${5 + (i % names)}</v></c>` +
      (i % 10 === 3 ? "" : `<c r="C${r}"><f>${ca}*1</f><v>${ca}</v></c>`) +
      `<c r="D${r}" s="1"><v>${44_000 + (i % 1_000)}</v></c>` +
      `<c r="E${r}" t="str"><v>Ville ${i % 300}</v></c>` +
      (i % 50 === 0 ? `<c r="F${r}" t="b"><v>1</v></c>` : "");
    sheet.push(`<row r="${r}">${cells}</row>`);
  }
  sheet.push("</sheetData></worksheet>");
  return writeZip([
    { name: "[Content_Types].xml", data: encode("<Types/>") },
    { name: "_rels/.rels", data: encode('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    {
      name: "xl/workbook.xml",
      data: encode(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Clients" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: encode(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
      ),
    },
    { name: "xl/styles.xml", data: encode('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>') },
    { name: "xl/sharedStrings.xml", data: encode(sst.join("")) },
    { name: "xl/worksheets/sheet1.xml", data: encode(sheet.join("")) },
  ]);
}
