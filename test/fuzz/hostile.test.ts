import { writeFileSync } from "node:fs";
import { importClients } from "../../src/cli/clients";
import { scorePortfolio } from "../../src/plan/score";
import { XlsxError } from "../../src/xlsx/errors";
import { XLSX_LIMITS } from "../../src/xlsx/limits";
import { openXlsx } from "../../src/xlsx/readRows";
import { crc32, readPartInJs, readZip } from "../../src/xlsx/unzip";
import { writeZip } from "../../src/xlsx/zip";
import { openFilePort, type FileLike } from "../../src/taskpane/ports/filePort";
import { PortError } from "../../src/taskpane/ports/port";
import { pac, tempDir } from "../cli/run";
import { ABC_CLIENTS, abcBook, abcBookWithTraversal, badCrcBook, book, hostileFixtures, sheetOf, zipBomb } from "../fixtures/hostile/hostile";
import { withZip64End } from "../support/zip64";

const NBSP = "\u00a0";

/** ABC counts of the clients of a workbook's first sheet, through the functions the CLI uses. */
function abcCounts(bytes: Uint8Array): Record<string, number> {
  const wb = openXlsx(bytes);
  const rows = wb.rows(wb.names[0]);
  const { clients } = importClients(rows, { firstRowNumber: 1 }, "test", "fr");
  const counts: Record<string, number> = { A: 0, B: 0, C: 0 };
  for (const c of scorePortfolio(clients).clients) if (c.abc) counts[c.abc.cls]++;
  return counts;
}

/** ABC computed here, apart from the engine: sorted by CA, class read from the share of the clients ahead (80 % / 95 %). */
function independentAbc(cas: readonly number[]): Record<string, number> {
  const total = cas.reduce((s, x) => s + x, 0);
  const counts: Record<string, number> = { A: 0, B: 0, C: 0 };
  let ahead = 0;
  for (const ca of [...cas].sort((a, b) => b - a)) {
    counts[ahead / total < 0.8 ? "A" : ahead / total < 0.95 ? "B" : "C"]++;
    ahead += ca;
  }
  return counts;
}

function refusal(read: () => unknown): XlsxError {
  try {
    read();
  } catch (error) {
    if (error instanceof XlsxError) return error;
    throw error;
  }
  throw new Error("read without an error");
}

describe("crafted attacks (issue 11): a right answer or a French refusal, fast", () => {
  it("the ABC of the shifted-strings case is A12 / B5 / C3, computed apart from the engine too", () => {
    expect(independentAbc(ABC_CLIENTS.map((c) => c.ca))).toEqual({ A: 12, B: 5, C: 3 });
    expect(abcCounts(abcBook())).toEqual({ A: 12, B: 5, C: 3 });
  });

  it.each([
    { name: "a comment holding <si> in sharedStrings", bytes: () => abcBook({ sstPrefix: "<!-- <si><t>piège</t></si> -->" }) },
    { name: "a processing instruction, a comment and CDATA between shared strings", bytes: () => abcBook({ sstPrefix: "<?pi x?><!--a--><![CDATA[ <si> ]]>" }) },
    { name: "namespace-prefixed parts (x:sst, x:workbook, x:worksheet, rel:id)", bytes: () => abcBook({ prefixed: true }) },
    { name: "entries named outside the package and a relationship climbing above its root", bytes: abcBookWithTraversal },
  ])("$name: the same clients and A12 / B5 / C3", ({ bytes }) => {
    const wb = openXlsx(bytes());
    expect(wb.names).toEqual(["Clients"]);
    expect(wb.rows("Clients")).toEqual([["Client", "CA 2025"], ...ABC_CLIENTS.map((c) => [c.id, c.ca])]);
    expect(abcCounts(bytes())).toEqual({ A: 12, B: 5, C: 3 });
  });

  it.each([
    {
      name: "60 000 unclosed tags",
      bytes: () => hostileFixtures()["unclosed-tags.xlsx"],
      message: `Le classeur${NBSP}: la partie «${NBSP}xl/worksheets/sheet1.xml${NBSP}» n'est pas du XML valide (balise non fermée${NBSP}: c).`,
    },
    {
      name: '<row r="2000000000">',
      bytes: () => hostileFixtures()["huge-row.xlsx"],
      message: `Le classeur${NBSP}: la feuille «${NBSP}Clients${NBSP}» cite la ligne 2000000000, hors de la grille d'Excel (lignes 1 à 1${NBSP}048${NBSP}576).`,
    },
    {
      name: "a cell ZZZZZZZ3",
      bytes: () => hostileFixtures()["huge-column.xlsx"],
      message: `Le classeur${NBSP}: la feuille «${NBSP}Clients${NBSP}» cite la cellule «${NBSP}ZZZZZZZ3${NBSP}», hors de la grille d'Excel (1${NBSP}048${NBSP}576 lignes × 16${NBSP}384 colonnes, de A1 à XFD1048576).`,
    },
    {
      name: "a cell of 40 000 characters",
      bytes: () => hostileFixtures()["long-cell.xlsx"],
      message: `Le classeur${NBSP}: la cellule A2 de la feuille «${NBSP}Clients${NBSP}» contient 40\u202f000 caractères, au-delà de la limite d'Excel (32\u202f767 caractères par cellule).`,
    },
    {
      name: "billion laughs (entities defined in a DTD are never expanded)",
      bytes: () => hostileFixtures()["billion-laughs.xlsx"],
      message: `Le classeur${NBSP}: la partie «${NBSP}xl/sharedStrings.xml${NBSP}» n'est pas du XML valide (entité non définie).`,
    },
    {
      name: "XXE (an external entity is never fetched)",
      bytes: () => hostileFixtures()["xxe.xlsx"],
      message: `Le classeur${NBSP}: la partie «${NBSP}xl/sharedStrings.xml${NBSP}» n'est pas du XML valide (entité non définie).`,
    },
  ])("$name: refused with its French message", ({ bytes, message }) => {
    const data = bytes();
    const started = performance.now();
    const error = refusal(() => {
      const wb = openXlsx(data);
      wb.rows(wb.names[0]);
    });
    expect(performance.now() - started).toBeLessThan(2000);
    if (typeof message === "string") expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it("a stored part whose CRC-32 is not its own is refused, naming both checksums", () => {
    const { bytes, expected, actual } = badCrcBook();
    const hex = (n: number): string => n.toString(16).toUpperCase().padStart(8, "0");
    const error = refusal(() => openXlsx(bytes, "crc.xlsx").rows("Clients"));
    expect(error.message).toBe(
      `«${NBSP}crc.xlsx${NBSP}»${NBSP}: la partie «${NBSP}xl/worksheets/sheet1.xml${NBSP}» est abîmée (somme de contrôle CRC-32 ${hex(actual)} au lieu de ${hex(expected)}).`,
    );
  });

  it.each([
    {
      name: "declaring its 3.5 Gio",
      declared: 3600 * 2 ** 20,
      message: `Le classeur${NBSP}: la partie «${NBSP}xl/worksheets/sheet1.xml${NBSP}» ferait 3,5${NBSP}Gio une fois décompressée, au-delà de la limite de 512${NBSP}Mio par partie.`,
    },
    {
      name: "declaring 1 Mio (a lie): inflating stops past it",
      declared: 2 ** 20,
      message: `Le classeur${NBSP}: la partie «${NBSP}xl/worksheets/sheet1.xml${NBSP}» ne se décompresse pas à la taille annoncée (1${NBSP}Mio)${NBSP}: fichier abîmé ou piégé.`,
    },
  ])("a 3.5 MB zip bomb inflating to 3.7 GB, $name: refused in well under a second, with little memory", ({ declared, message }) => {
    const bytes = zipBomb(declared);
    expect(bytes.length).toBeLessThan(4_000_000);
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    const error = refusal(() => openXlsx(bytes).rows("Clients"));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 2 ** 20);
    expect(error.message).toBe(message);
  });

  it("the lying zip bomb stops as fast through pako (the browser's inflater)", () => {
    const entry = readZip(zipBomb(2 ** 20)).find((e) => e.name === "xl/worksheets/sheet1.xml");
    if (!entry) throw new Error("no sheet");
    const started = performance.now();
    expect(() => readPartInJs(entry)).toThrow(expect.objectContaining({ code: "PART_SIZE" }));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each([
    {
      name: "more parts than the limit (a ZIP64 directory claiming 200 000)",
      bytes: () => withZip64End(book({ sheet: sheetOf("") }), 200_000),
      message: `Le classeur${NBSP}: le classeur compte 200\u202f000 parties, au-delà de la limite de 100\u202f000 parties.`,
    },
    {
      name: "parts declaring 1.2 Gio together",
      bytes: () =>
        writeZip(
          [1, 2, 3].map((k) => {
            const compressed = new Uint8Array(450_000).fill(k);
            return { name: `xl/media/image${k}.bin`, raw: { name: `xl/media/image${k}.bin`, method: 8, crc: 0, size: 400 * 2 ** 20, compressed } };
          }),
        ),
      message: `Le classeur${NBSP}: le classeur ferait 1,2${NBSP}Gio une fois décompressé, au-delà de la limite de 1${NBSP}Gio au total.`,
    },
    {
      name: "a part declaring more than DEFLATE can give (1 Mio from 10 bytes)",
      bytes: () => book({ sheet: "", rawSheet: { name: "xl/worksheets/sheet1.xml", raw: { name: "xl/worksheets/sheet1.xml", method: 8, crc: 0, size: 2 ** 20, compressed: new Uint8Array(10) } } }),
      message: `Le classeur${NBSP}: la partie «${NBSP}xl/worksheets/sheet1.xml${NBSP}» ne se décompresse pas à la taille annoncée (1${NBSP}Mio)${NBSP}: fichier abîmé ou piégé.`,
    },
  ])("$name: refused before anything is inflated", ({ bytes, message }) => {
    expect(refusal(() => openXlsx(bytes())).message).toBe(message);
  });

  it.each([
    {
      name: "rows of lone cells at column XFD (16 384 cells asked for by 40 bytes)",
      bytes: () => book({ sheet: sheetOf(Array.from({ length: 100 }, (_, k) => `<row r="${k + 2}"><c r="XFD${k + 2}"><v>1</v></c></row>`).join("")) }),
      message: /^Le classeur\u00a0: la feuille «\u00a0Clients\u00a0» demanderait plus de 1\u202f048\u202f576 cases pour [\d,]+\u00a0Kio de XML/,
    },
    {
      name: "a cell outside any row",
      bytes: () => book({ sheet: `<worksheet><sheetData><c><v>1</v></c></sheetData></worksheet>` }),
      message: `Le classeur${NBSP}: la feuille «${NBSP}Clients${NBSP}» a une cellule hors de toute ligne (<c> hors d'un élément <row>).`,
    },
    {
      name: "an overlong cell written without its reference (named from its position)",
      bytes: () => book({ sheet: sheetOf(`<row r="2"><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>${"x".repeat(33_000)}</t></is></c></row>`) }),
      message: `Le classeur${NBSP}: la cellule B2 de la feuille «${NBSP}Clients${NBSP}» contient 33\u202f000 caractères, au-delà de la limite d'Excel (32\u202f767 caractères par cellule).`,
    },
    {
      name: "a cell pointing past the shared strings",
      bytes: () => book({ sheet: sheetOf('<row r="2"><c r="A2" t="s"><v>7</v></c></row>'), sharedStrings: "<sst><si><t>seule</t></si></sst>" }),
      message: `Le classeur${NBSP}: la cellule A2 de la feuille «${NBSP}Clients${NBSP}» renvoie au texte partagé n°${NBSP}7, absent du classeur.`,
    },
    {
      name: "a sheet whose part is missing",
      bytes: () => book({ sheet: "", rawSheet: { name: "xl/worksheets/autre.xml", raw: { name: "xl/worksheets/autre.xml", method: 0, crc: 0, size: 0, compressed: new Uint8Array(0) } } }),
      message: `Le classeur${NBSP}: la partie «${NBSP}xl/worksheets/sheet1.xml${NBSP}» de la feuille «${NBSP}Clients${NBSP}» est absente de l'archive.`,
    },
    {
      name: "a sheet that is not UTF-8",
      bytes: () => book({ sheet: "", rawSheet: { name: "xl/worksheets/sheet1.xml", raw: { name: "xl/worksheets/sheet1.xml", method: 0, crc: crc32Of([0x3c, 0x61, 0xe9, 0x2f, 0x3e]), size: 5, compressed: new Uint8Array([0x3c, 0x61, 0xe9, 0x2f, 0x3e]) } } }),
      message: `Le classeur${NBSP}: la partie «${NBSP}xl/worksheets/sheet1.xml${NBSP}» n'est pas du texte UTF-8 valide.`,
    },
  ])("$name: refused with its French message", ({ bytes, message }) => {
    const error = refusal(() => openXlsx(bytes()).rows("Clients"));
    if (typeof message === "string") expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it.each([
    { name: "two parts of the same name", flags: 0, method: 8, duplicate: true, message: `Le classeur${NBSP}: deux parties portent le même nom, «${NBSP}xl/worksheets/sheet1.xml${NBSP}»${NBSP}: le classeur est ambigu, il n'est pas lu.` },
    { name: "an encrypted part", flags: 1, method: 8, duplicate: false, message: `Le classeur${NBSP}: la partie «${NBSP}xl/worksheets/sheet1.xml${NBSP}» est chiffrée${NBSP}; enregistrez le classeur sans mot de passe depuis Excel.` },
    { name: "an unknown compression method (Deflate64)", flags: 0, method: 9, duplicate: false, message: `Le classeur${NBSP}: la partie «${NBSP}xl/worksheets/sheet1.xml${NBSP}» utilise une méthode de compression que le lecteur ne connaît pas (n°${NBSP}9)${NBSP}; enregistrez le classeur depuis Excel.` },
  ])("$name: refused with its French message", ({ flags, method, duplicate, message }) => {
    const plain = book({ sheet: sheetOf(""), ...(duplicate ? { extra: [{ name: "xl/worksheets/sheet1.xml", data: new Uint8Array([0x3c, 0x61, 0x2f, 0x3e]) }] } : {}) });
    const bytes = plain.slice();
    const view = new DataView(bytes.buffer);
    // Set the flags and method of the sheet's entry in the central directory (where the reader reads them).
    for (let i = 0; i + 46 < bytes.length; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const name = new TextDecoder().decode(bytes.subarray(i + 46, i + 46 + view.getUint16(i + 28, true)));
      if (name !== "xl/worksheets/sheet1.xml") continue;
      view.setUint16(i + 8, view.getUint16(i + 8, true) | flags, true);
      if (method !== 8) view.setUint16(i + 10, method, true);
    }
    expect(refusal(() => openXlsx(bytes).rows("Clients")).message).toBe(message);
  });

  it("the limits are those the README states", () => {
    expect(XLSX_LIMITS).toEqual({ parts: 100_000, partBytes: 512 * 2 ** 20, totalBytes: 2 ** 30 });
  });

  it("pac score on a zip bomb and on a huge row number: exit code 2 and one French line, through the CLI's own path", async () => {
    const tmp = tempDir("pac-hostile-");
    try {
      const bomb = tmp.path("bombe.xlsx");
      writeFileSync(bomb, zipBomb(3600 * 2 ** 20));
      const run = await pac(["score", bomb]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      // The CLI says it is reading a file this large ("Lecture de …"), then the reader's refusal.
      expect(run.stderr.trimEnd().split("\n").pop()).toBe(
        `«${NBSP}${bomb}${NBSP}»${NBSP}: la partie «${NBSP}xl/worksheets/sheet1.xml${NBSP}» ferait 3,5${NBSP}Gio une fois décompressée, au-delà de la limite de 512${NBSP}Mio par partie.`,
      );
      const row = tmp.path("ligne.xlsx");
      writeFileSync(row, hostileFixtures()["huge-row.xlsx"]);
      expect(await pac(["score", row, "--lang", "en"])).toEqual({ code: 2, stdout: "", stderr: `"${row}": the sheet "Clients" names row 2000000000, outside Excel's grid (rows 1 to 1,048,576).\n` });
      // A file that is no workbook at all: the CLI's usual words, naming it.
      const junk = tmp.path("abime.xlsx");
      writeFileSync(junk, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
      expect(await pac(["score", junk])).toEqual({ code: 2, stdout: "", stderr: `«${NBSP}${junk}${NBSP}» n'est pas un classeur .xlsx lisible (fichier abîmé ou d'un autre format).\n` });
    } finally {
      tmp.remove();
    }
  });
});

const crc32Of = (bytes: number[]): number => crc32(new Uint8Array(bytes));

describe("crafted attacks in the wizard's file port: the reader's French refusal, naming the file", () => {
  const fileOf = (name: string, bytes: Uint8Array): FileLike => ({ name, arrayBuffer: async () => bytes.slice().buffer });

  it("a zip bomb is refused on upload", async () => {
    await expect(openFilePort(fileOf("bombe.xlsx", zipBomb(3600 * 2 ** 20)))).rejects.toMatchObject({
      key: "file.error.unreadable",
      message: `«${NBSP}bombe.xlsx${NBSP}»${NBSP}: la partie «${NBSP}xl/worksheets/sheet1.xml${NBSP}» ferait 3,5${NBSP}Gio une fois décompressée, au-delà de la limite de 512${NBSP}Mio par partie.`,
    });
  });

  it("a huge row number is refused when the sheet is read, in the wizard's language", async () => {
    // The port looks at the sheets' first rows to choose the default one, so the refusal may come on opening.
    const error = await openFilePort(fileOf("ligne.xlsx", hostileFixtures()["huge-row.xlsx"]))
      .then((port) => port.readTable({ kind: "active" }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortError);
    expect((error as PortError).messageIn("en")).toBe('"ligne.xlsx": the sheet "Clients" names row 2000000000, outside Excel\'s grid (rows 1 to 1,048,576).');
  });
});
