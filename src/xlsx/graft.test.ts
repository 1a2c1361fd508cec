import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import type { WorkbookPlan } from "../plan/types";
import { countSharedItemBytes, countSharedItems } from "./graft";
import { hasPlainRoot } from "./unprefix";
import { openXlsx, type PlainStrings } from "./readRows";
import { ColumnStrings, SharedStrings } from "./styles";
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

describe("writeXlsxPackage(plan, { base, baseStrings }): the plan's texts the base has as plain items are referred to there", () => {
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5">';
  // 0 "Client" and 1 "CA" (the base sheet's header), 2 "Zoé" in bold (rich text), 3 and 4 "Élan" twice.
  const items = '<si><t>Client</t></si><si><t>CA</t></si><si><r><rPr><b/></rPr><t>Zoé</t></r></si><si><t>Élan</t></si><si><t>Élan</t></si>';

  it("the reader gives the plain items' first index, never a rich text's, once a sheet is read", async () => {
    const book = openXlsx(await baseWith(`${head}${items}</sst>`));
    expect(book.plainStrings()).toBeUndefined();
    book.rows("Clients");
    const plain = book.plainStrings();
    expect(plain?.count).toBe(5);
    expect([...(plain?.ids ?? [])]).toEqual([
      ["Client", 0],
      ["CA", 1],
      ["Élan", 3],
    ]);
  });

  it("a text the base has is its item; a rich one and a new one are added; the cells read back the same", async () => {
    const base = await baseWith(`${head}${items}</sst>`);
    const book = openXlsx(base);
    book.rows("Clients");
    const written = await writeXlsxPackage(plan, { base, baseStrings: book.plainStrings() });
    const zip = await JSZip.loadAsync(written.bytes);
    const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
    expect(sst).toBe(`${head.replace('count="5" uniqueCount="5"', 'count="6" uniqueCount="6"')}${items}<si><t>Zoé</t></si></sst>`);
    const sheet = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(sheet).toContain('<c r="B2" t="s"><v>3</v></c><c t="s"><v>5</v></c><c t="s"><v>3</v></c>');
    expect(openXlsx(written.bytes).rows("PAC")[1]).toEqual([null, "Élan", "Zoé", "Élan"]);
  });

  it("the strings of another workbook (another number of items) are not used", async () => {
    const base = await baseWith(`${head}${items}</sst>`);
    const other = { ids: new Map([["Élan", 1]]), byIndex: [undefined, "Élan"], count: 4 };
    const written = await writeXlsxPackage(plan, { base, baseStrings: other });
    const sst = await (await JSZip.loadAsync(written.bytes)).file("xl/sharedStrings.xml")!.async("string");
    expect(sst.endsWith(`${items}<si><t>Élan</t></si><si><t>Zoé</t></si></sst>`)).toBe(true);
  });
});

describe("ColumnStrings over a base's strings: a column of many texts looks a few items ahead (idAfter)", () => {
  /** The base's plain strings as the reader gives them (no rich item here): first index of each text. */
  function plainOf(texts: readonly string[]): PlainStrings {
    const ids = new Map<string, number>();
    const byIndex = texts.map((t, k) => (ids.has(t) ? undefined : (ids.set(t, k), t)));
    return { ids, byIndex, count: texts.length };
  }

  it("gives every text the id a lookup gives, in the base's order, out of it, repeated or new, and counts every use", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"), { maxLength: 40 }),
        fc.array(fc.oneof(fc.nat({ max: 60 }), fc.constantFrom("x", "y", "z")), { maxLength: 300 }),
        (baseTexts, picks) => {
          const base = plainOf(baseTexts);
          const written = new SharedStrings(baseTexts.length, base);
          const looked = new SharedStrings(baseTexts.length, base);
          const column = new ColumnStrings(written);
          // Over 64 distinct texts in column 0 it becomes a column of many texts: numbers give new texts too.
          const texts = picks.map((p) => (typeof p === "number" ? (p < baseTexts.length ? baseTexts[p] : `n${p}`) : p));
          const filler = Array.from({ length: 70 }, (_, k) => `f${k}`);
          // The base's texts in its order first (each found ahead of the last), then at random.
          for (const text of [...filler, ...baseTexts, ...texts]) expect(column.id(0, text)).toBe(looked.id(text));
          const part = (strings: SharedStrings) => strings.blocks().map((b) => new TextDecoder().decode(b)).join("");
          expect(part(written)).toBe(part(looked));
        },
      ),
    );
  });

  it("finds a text a few items after the column's last one without a lookup, the base's first index of it", () => {
    const plain = plainOf(["C1", "Nom 1", "C2", "Nom 2", "C1", "C3", "Nom 3"]);
    let lookups = 0;
    const ids = new Map(plain.ids);
    const get = ids.get.bind(ids);
    ids.get = (text: string) => (lookups++, get(text));
    const strings = new SharedStrings(7, { ...plain, ids });
    expect(strings.idAfter("C2", 0)).toBe(2);
    expect(strings.idAfter("C3", 2)).toBe(5);
    expect(lookups).toBe(0);
    // "C1" again at 4 is no item of its own: not found there (its id stays the first, 0, which `id` gives).
    expect(strings.idAfter("C1", 3)).toBe(-1);
    expect(strings.idAfter("Nouveau", 5)).toBe(-1);
    expect(strings.id("Nouveau")).toBe(7);
    expect(strings.idAfter("Nouveau", 7)).toBe(-1);
  });

  it("a column whose texts are not found after its last one stops looking there, and its ids stay right", () => {
    const texts = Array.from({ length: 400 }, (_, k) => `C${k}`);
    const plain = plainOf(texts);
    let reads = 0;
    const byIndex = new Proxy(plain.byIndex as (string | undefined)[], {
      get: (target, key, receiver) => {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const strings = new SharedStrings(texts.length, { ...plain, byIndex });
    const column = new ColumnStrings(strings);
    for (let k = 0; k < 70; k++) column.id(0, `f${k}`);
    // Last to first: never after the one above.
    const ids = texts.map((_, k) => texts.length - 1 - k).map((k) => column.id(0, texts[k]));
    expect(ids).toEqual(texts.map((_, k) => texts.length - 1 - k));
    const before = reads;
    column.id(0, texts[0]);
    expect(reads).toBe(before);
    // In order, another column finds each text without a lookup.
    const other = new ColumnStrings(strings);
    for (let k = 0; k < 70; k++) other.id(1, `f${k}`);
    expect(texts.map((t) => other.id(1, t))).toEqual(texts.map((_, k) => k));
  });
});
