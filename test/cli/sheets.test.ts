import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import { parseCsv } from "../../src/io/csv";
import { pac, tempDir } from "./run";

const tmp = tempDir("pac-sheets-");
afterAll(() => tmp.remove());

const JOURNAL_HEADER = ["Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country"];

/** A small two-year journal in the Online Retail II layout: one sheet per year, same columns. */
async function twoYearJournal(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet("Notes");
  notes.getCell("A1").value = "Ventes en ligne, deux exercices.";
  const years: [string, number][] = [
    ["Year 2009-2010", 2010],
    ["Year 2010-2011", 2011],
  ];
  let invoice = 500000;
  for (const [name, year] of years) {
    const ws = wb.addWorksheet(name);
    ws.addRow(JOURNAL_HEADER);
    for (let c = 0; c < 6; c++) {
      for (let k = 0; k <= c; k++) {
        ws.addRow([String(invoice++), "85048", "Article", 2 + k, new Date(Date.UTC(year - 1, 11 - c, 1 + k)), 5 + c, 12000 + c, "France"]);
      }
    }
  }
  const path = tmp.path("journal.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

describe("pac and several sheets", () => {
  it("without --sheet, the sheet that reads best as a table is chosen, and the summary says which and why", async () => {
    const file = await twoYearJournal();
    const run = await pac(["plan", file, "--out", tmp.path("chosen.xlsx"), "--reference-date", "2011-12-31"]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[1]).toBe(`Source\u00a0: ${file}, feuille «\u00a0Year 2009-2010\u00a0» (journal des ventes\u202f; choisie parmi 3 feuilles, la mieux reconnue)`);
  });

  it("--sheet all combines the sheets of the same columns (rows of each named), and skips the notes", async () => {
    const file = await twoYearJournal();
    const run = await pac(["plan", file, "--sheet", "all", "--out", tmp.path("all.xlsx"), "--reference-date", "2011-12-31"]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[1]).toBe(
      `Source\u00a0: ${file}, 2 feuilles combinées (journal des ventes)\u00a0: «\u00a0Year 2009-2010\u00a0» lignes 2 à 22, «\u00a0Year 2010-2011\u00a0» lignes 23 à 43`,
    );
    const one = await pac(["score", file, "--sheet", "Year 2009-2010", "--reference-date", "2011-12-31"]);
    const both = await pac(["score", file, "--sheet", "Year 2009-2010,Year 2010-2011", "--reference-date", "2011-12-31"]);
    expect(both.code).toBe(0);
    // Same clients, twice the purchases: the combined frequency is the sum of the two sheets'.
    const ids = (out: string): string[] => parseCsv(out, ";").slice(1).map((r) => r[0]);
    expect(ids(both.stdout)).toEqual(ids(one.stdout));
  });

  it.each([
    {
      name: "a list with a sheet of other columns",
      sheet: "Year 2009-2010,Notes",
      message: (f: string) => `--sheet\u00a0: les feuilles «\u00a0Notes\u00a0» n'ont pas les mêmes colonnes que «\u00a0Year 2009-2010\u00a0»\u202f; seules des feuilles de même forme se combinent.`.replace("{f}", f),
    },
    {
      name: "a list with an unknown sheet",
      sheet: "Year 2009-2010,2012",
      message: (f: string) => `Feuille «\u00a02012\u00a0» introuvable dans «\u00a0${f}\u00a0» (feuilles\u00a0: «\u00a0Notes\u00a0», «\u00a0Year 2009-2010\u00a0», «\u00a0Year 2010-2011\u00a0»).`,
    },
  ])("--sheet: $name is refused with a French message", async ({ sheet, message }) => {
    const file = await twoYearJournal();
    const run = await pac(["score", file, "--sheet", sheet]);
    expect(run).toEqual({ code: 2, stdout: "", stderr: `${message(file)}\n` });
  });
});

describe("pac on hostile CSV text", () => {
  it.each([
    {
      name: "an unterminated quote in row 51",
      content: () => `Client;CA\n${Array.from({ length: 49 }, (_, k) => `C${k};${k + 1}`).join("\n")}\n"Dupont;12\n${Array.from({ length: 49 }, (_, k) => `D${k};${k + 1}`).join("\n")}\n`,
      message: (f: string) => `«\u00a0${f}\u00a0», ligne 51\u00a0: un guillemet ouvert n'est jamais fermé\u202f; les lignes suivantes seraient lues comme un seul nom. Corrigez la ligne 51.`,
    },
    {
      name: "a 50 MB line of 25 million fields",
      content: () => `Client;CA\n${";".repeat(25_000_000)}\n`,
      message: (f: string) => `«\u00a0${f}\u00a0», ligne 2\u00a0: plus de 16\u202f384 colonnes, la limite d'une feuille Excel.`,
    },
  ])("$name: exit 2 and a French message naming the line", async ({ content, message }) => {
    const file = tmp.path("hostile.csv");
    writeFileSync(file, content());
    const run = await pac(["score", file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    // A big file announces its reading first; the last line is the message.
    expect(run.stderr.trimEnd().split("\n").pop()).toBe(message(file));
  });

  it("one Windows-1252 byte in a UTF-8 file: read as Windows-1252, and the first invalid byte is named", async () => {
    const file = tmp.path("latin.csv");
    writeFileSync(file, Buffer.concat([Buffer.from("Client;CA\nSoci"), Buffer.from([0xe9]), Buffer.from("t"), Buffer.from([0xe9]), Buffer.from(";100\nB;50\n")]));
    const run = await pac(["score", file]);
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n")[0]).toBe(
      `Attention\u00a0: «\u00a0${file}\u00a0» n'est pas en UTF-8 valide (premier octet invalide\u00a0: ligne 2, colonne 5, octet 14)\u202f; lu comme Windows-1252. Vérifiez les accents.`,
    );
    expect(parseCsv(run.stdout, ";")[1][0]).toBe("Société");
  });

  it("formula text in ids is escaped in pac score's CSV, and negative numbers stay numbers", async () => {
    const file = tmp.path("inject.csv");
    writeFileSync(file, "Client;CA 2024;CA 2025;Potentiel\n=cmd|' /C calc'!A0;100;120;400\n+SUM(1);50;40;300\n@SUM(1);10;10;50\n-Remise;5;5;100\n");
    const run = await pac(["score", file]);
    expect(run.code).toBe(0);
    const rows = parseCsv(run.stdout, ";").slice(1);
    expect(rows.map((r) => r[0])).toEqual(["'=cmd|' /C calc'!A0", "'+SUM(1)", "'@SUM(1)", "'-Remise"]);
  });

  it("control characters and U+FFFF in a CSV are removed from the workbook, and counted in the summary", async () => {
    const file = tmp.path("controls.csv");
    // (A NUL byte would make the file binary, refused as such: see errors.test.ts.)
    writeFileSync(file, "Client;CA\nSoh\u0001client;100\nBack\u0008space;50\nNon\uFFFFchar;10\n");
    const out = tmp.path("controls.xlsx");
    const run = await pac(["plan", file, "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Caractères interdits dans un classeur retirés\u00a0: \d+ \(première cellule\u00a0: controls!A2\)$/m);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("controls")!.getCell("A2").value).toBe("Sohclient");
    expect(wb.getWorksheet("controls")!.getCell("A4").value).toBe("Nonchar");
  });
});

describe("pac plan --verbose and the remarks", () => {
  it("--verbose prints every remark on stderr, their count is the true count", async () => {
    const file = tmp.path("blanks.csv");
    const lines = ["Client;CA;Potentiel"];
    for (let k = 0; k < 30; k++) lines.push(`C${k};${k % 3 === 0 ? "n/a" : 100 + k};${k % 5 === 0 ? "" : 500}`);
    writeFileSync(file, `${lines.join("\n")}\n`);
    const quiet = await pac(["plan", file, "--out", tmp.path("v1.xlsx")]);
    const loud = await pac(["plan", file, "--out", tmp.path("v2.xlsx"), "--verbose"]);
    const count = Number(/À vérifier \((\d+)\)\u00a0:/.exec(quiet.stdout)?.[1]);
    expect(count).toBeGreaterThan(3);
    expect(quiet.stdout).toContain(`  … et ${count - 3} autres remarques (--verbose pour toutes les afficher).`);
    expect(loud.stderr.split("\n")[0]).toBe(`À vérifier (${count})\u00a0:`);
    expect(loud.stderr.trimEnd().split("\n").filter((l) => l.startsWith("  - "))).toHaveLength(count);
    expect(loud.stdout).not.toContain("À vérifier");
  });
});
