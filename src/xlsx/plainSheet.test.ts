import { isDeepStrictEqual } from "node:util";
import { mulberry32 } from "../../test/support/random";
import { XlsxError } from "./errors";
import fc from "fast-check";
import { plainCharacters, plainSheetRows, type SheetContext } from "./plainSheet";
import { openXlsx } from "./readRows";
import { writeZip } from "./zip";

/**
 * The in-place sheet reader against the usual one. The usual reader is made to read a sheet the slow way by a
 * comment before its root element (a comment is left to saxes by both fast paths, and carries no cell).
 */

const STRINGS = ["Client", "CA 2025", "Noël & fils", "東京"];
const SHARED = `<sst>${STRINGS.map((s) => `<si><t>${s.replace(/&/g, "&amp;")}</t></si>`).join("")}</sst>`;
const STYLES = '<styleSheet><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="4"/></cellXfs></styleSheet>';
const CTX: SheetContext = { part: "xl/worksheets/sheet1.xml", sheet: "Feuille", strings: STRINGS, dates: [false, true, false], date1904: false };

const encode = (xml: string): Uint8Array => new TextEncoder().encode(xml);

function book(sheetXml: string | Uint8Array): Uint8Array {
  const part = (name: string, data: string | Uint8Array): { name: string; data: Uint8Array } => ({ name, data: typeof data === "string" ? encode(data) : data });
  return writeZip([
    part("[Content_Types].xml", "<Types/>"),
    part("xl/workbook.xml", '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Feuille" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    part(
      "xl/_rels/workbook.xml.rels",
      '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    part("xl/worksheets/sheet1.xml", sheetXml),
    part("xl/sharedStrings.xml", SHARED),
    part("xl/styles.xml", STYLES),
  ]);
}

/** The rows the usual reader gives, or its refusal's code. */
function usual(sheetXml: string): unknown {
  const declaration = /^\uFEFF?(?:<\?xml[^>]*>)?/.exec(sheetXml)?.[0] ?? "";
  const slow = declaration + "<!-- lu par saxes -->" + sheetXml.slice(declaration.length);
  try {
    return openXlsx(book(slow)).rows("Feuille");
  } catch (error) {
    if (error instanceof XlsxError) return error.code;
    throw error;
  }
}

/** The rows of the in-place reader, trailing empty rows dropped as `openXlsx` drops them; undefined when it gives up. */
function inPlace(sheetXml: string): unknown[][] | undefined {
  const rows = plainSheetRows(encode(sheetXml), CTX, 1_048_576);
  while (rows && rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

const sheet = (data: string, declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'): string =>
  `${declaration}<worksheet xmlns="main" xmlns:x14ac="ac"><dimension ref="A1:C3"/><sheetData>${data}</sheetData><pageMargins left="0.7"/></worksheet>`;

const SAMPLE = sheet(
  '<row r="1" spans="1:4" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" s="0" t="s"><v>3</v></c></row>' +
    '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="2"><v>1234.5</v></c><c r="C2" s="1"><v>45000</v></c><c r="D2"><v>-0</v></c></row>' +
    '<row r="4"><c r="A4" t="str"><f>A1</f><v>Client &amp; co</v></c><c r="B4"><v>1E3</v></c><c r="C4" t="b"><v>1</v></c><c r="D4" t="e"><v>#N/A</v></c></row>' +
    '<row><c><v> 12 </v></c><c><v>0.1</v></c><c t="d"><v>2025-03-01T00:00:00</v></c><c><v>123456789012345678</v></c><c><v>texte</v></c><c s="1.0"><v>2.5</v></c></row>' +
    '<row r="7"><c r="b7" t="n"><v>3.14159265358979</v></c><c r="C7"/><c r="D7" t="s"><v>003</v></c></row><row r="9"/>',
);

describe("plainSheetRows", () => {
  it("plainSheetRows(sheet) reads a plain sheet in place, as the usual reader reads it", () => {
    const rows = inPlace(SAMPLE);
    expect(rows).toBeDefined();
    expect(rows).toEqual(usual(SAMPLE));
    expect(rows?.[1]).toEqual(["Noël & fils", 1234.5, new Date(Date.UTC(2023, 2, 15)), -0]);
    expect(Object.is(rows?.[1][3], -0)).toBe(true);
  });

  it.each([
    ["a sheet without declaration", sheet('<row r="1"><c r="A1"><v>1</v></c></row>', "")],
    ["prefixed elements", '<x:worksheet xmlns:x="main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>5</x:v></x:c></x:row></x:sheetData></x:worksheet>'],
    ["a byte order mark", "\uFEFF" + sheet('<row r="1"><c r="A1"><v>1</v></c></row>')],
    ["text beyond ASCII and references outside cells", sheet('<row r="1"><c r="A1" t="str"><v>Café &#233;t&#xE9;</v></c></row>').replace("<dimension", '<x a="&lt;é"/><dimension')],
    ["rows out of order", sheet('<row r="3"><c r="A3"><v>3</v></c></row><row r="1"><c r="B1"><v>1</v></c></row><row r="3"><c r="C3"><v>4</v></c></row>')],
    ["many decimals", sheet('<row r="1"><c r="A1"><v>0.1234567890123456789012</v></c><c r="B1"><v>999999999999999</v></c><c r="C1"><v>-1.5</v></c></row>')],
  ])("plainSheetRows(sheet) agrees with the usual reader: %s", (_name, xml) => {
    const rows = inPlace(xml);
    expect(rows).toBeDefined();
    expect(rows).toEqual(usual(xml));
  });

  it.each([
    ["a comment", sheet('<row r="1"><!-- x --><c r="A1"><v>1</v></c></row>')],
    ["an inline string", sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>')],
    ["a carriage return", sheet('<row r="1">\r<c r="A1"><v>1</v></c></row>')],
    ["a row beyond the grid", sheet('<row r="1048577"><c r="A1"><v>1</v></c></row>')],
    ["a cell beyond the grid", sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>')],
    ["a missing shared string", sheet('<row r="1"><c r="A1" t="s"><v>99</v></c></row>')],
    ["an unknown entity", sheet('<row r="1"><c r="A1"><v>&lol;</v></c></row>')],
    ["a reference in a cell's attribute", sheet('<row r="1"><c r="&#65;1"><v>1</v></c></row>')],
    ["an element inside <v>", sheet('<row r="1"><c r="A1"><v>1<x/>2</v></c></row>')],
    ["a repeated attribute", sheet('<row r="1"><c r="A1" r="B1"><v>1</v></c></row>')],
    ["an attribute named like an object property", sheet('<row r="1" toString="x"><c r="A1"><v>1</v></c></row>')],
    ["a mismatched end tag", sheet('<row r="1"><c r="A1"><v>1</v></row></c>')],
  ])("plainSheetRows(sheet) leaves the sheet to the usual reader: %s", (_name, xml) => {
    expect(plainSheetRows(encode(xml), CTX, 1_048_576)).toBeUndefined();
  });

  it("plainSheetRows(bytes) leaves invalid UTF-8 to the usual reader", () => {
    expect(plainSheetRows(new Uint8Array([0x3c, 0x61, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x61, 0x3e]), CTX, 1_048_576)).toBeUndefined();
  });

  it("plainSheetRows(sheet) and the usual reader agree on 600 mutated sheets (or it gives up)", () => {
    const tokens = ["<", ">", "&", "&amp;", "&#0;", "&#65;", '"', "'", "</row>", "<row>", "<c>", "</c>", "<v>", "</v>", 't="s"', 't="str"', 't="n"', 's="1"', 's="x"', 'r="A1"', "-", ".", "e", "9", " ", "é", "x:"];
    const disagreements: string[] = [];
    let read = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const random = mulberry32(seed);
      const int = (n: number): number => Math.floor(random() * n);
      let xml = SAMPLE;
      for (let k = 1 + int(2); k > 0; k--) {
        const at = int(xml.length + 1);
        const kind = int(4);
        if (kind === 0) xml = xml.slice(0, at) + xml.slice(at + 1 + int(8));
        else if (kind === 1) xml = xml.slice(0, at) + tokens[int(tokens.length)] + xml.slice(at);
        else if (kind === 2) {
          // A whole element or text run repeated: from one "<" or ">" to a later one.
          const from = xml.indexOf(random() < 0.5 ? "<" : ">", at);
          const to = from < 0 ? -1 : xml.indexOf(random() < 0.5 ? "<" : ">", from + 1 + int(40));
          if (to > from) xml = xml.slice(0, to) + xml.slice(from, to) + xml.slice(to);
        } else {
          const digit = xml.slice(at).search(/\d/);
          if (digit >= 0) xml = xml.slice(0, at + digit) + tokens[20 + int(5)] + xml.slice(at + digit + 1);
        }
      }
      const rows = inPlace(xml);
      if (rows === undefined) continue;
      read++;
      const expected = usual(xml);
      if (!isDeepStrictEqual(rows, expected)) {
        disagreements.push(`seed ${seed}: ${xml}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(read).toBeGreaterThan(100);
  });
});

describe("plainCharacters (four bytes at a time)", () => {
  /** The byte-by-byte rule it implements: no C0 control but tab and newline, no "]]>", no U+FFFE or U+FFFF, valid UTF-8. */
  function reference(bytes: Uint8Array): boolean {
    for (let k = 0; k < bytes.length; k++) {
      const b = bytes[k];
      if (b < 32 && b !== 9 && b !== 10) return false;
      if (b === 93 && bytes[k + 1] === 93 && bytes[k + 2] === 62) return false;
      if (b === 0xef && bytes[k + 1] === 0xbf && (bytes[k + 2] === 0xbe || bytes[k + 2] === 0xbf)) return false;
    }
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      return true;
    } catch {
      return false;
    }
  }

  // Mostly printable ASCII, as a sheet is, with the bytes that matter mixed in, at any offset of a larger buffer.
  const byte = fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 32, max: 126 }) },
    { weight: 2, arbitrary: fc.constantFrom(9, 10, 13, 0, 31, 93, 62, 0xef, 0xbf, 0xbe, 0xc3, 0xa9, 0x80) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) },
  );

  it("says what the byte-by-byte rule says, whatever the bytes' alignment", () => {
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 64 }), fc.nat(7), (list, offset) => {
        const buffer = new Uint8Array(list.length + 8);
        buffer.set(list, offset);
        const bytes = buffer.subarray(offset, offset + list.length);
        expect(plainCharacters(bytes)).toBe(reference(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it("finds each forbidden sequence wherever it falls in a word", () => {
    const text = new TextEncoder().encode("<c r=\"A1\" t=\"s\"><v>12</v></c>".repeat(4));
    for (const bad of [[0x01], [0x0d], [93, 93, 62], [0xef, 0xbf, 0xbe], [0xef, 0xbf, 0xbf], [0xff], [0xc3]]) {
      for (let at = 0; at < 12; at++) {
        const bytes = new Uint8Array(text.length + bad.length);
        bytes.set(text.subarray(0, at));
        bytes.set(bad, at);
        bytes.set(text.subarray(at), at + bad.length);
        expect(plainCharacters(bytes)).toBe(false);
      }
    }
    expect(plainCharacters(text)).toBe(true);
    expect(plainCharacters(new TextEncoder().encode("Noël ] ]> ]]\t\n"))).toBe(true);
  });
});
