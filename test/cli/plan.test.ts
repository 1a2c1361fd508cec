import ExcelJS from "exceljs";
import { copyFileSync, existsSync, writeFileSync } from "node:fs";
import { SAMPLE_PATH } from "../../scripts/make-sample";
import { pac, tempDir } from "./run";

const tmp = tempDir("pac-plan-");
afterAll(() => tmp.remove());

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Every cell value of a sheet, by address. */
function cells(sheet: ExcelJS.Worksheet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      out.set(cell.address, cell.value instanceof Date ? cell.value.toISOString() : cell.value);
    });
  });
  return out;
}

describe("pac plan", () => {
  const out = tmp.path("out/PAC-demo.xlsx");
  let run: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    run = await pac(["plan", SAMPLE_PATH, "--out", out]);
  });

  it("pac plan <sample> --out FILE prints the French summary", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "PAC Commercial — plan d'actions écrit",
      `Source\u00a0: ${SAMPLE_PATH}, feuille «\u00a0Clients\u00a0» (tableau clients\u202f; choisie parmi 2 feuilles, la mieux reconnue)`,
      "Lus\u00a0: 150 clients et 30 prospects (180 lignes)\u202f; 0 cellule rejetée",
    ]);
    const abc = /^Classes ABC\u00a0: A (\d+) · B (\d+) · C (\d+)$/.exec(lines[3]);
    expect(abc).not.toBeNull();
    const [a, b, c] = (abc as RegExpExecArray).slice(1).map(Number);
    expect(a + b + c).toBe(150);
    const need = 12 * a + 6 * b + 2 * c;
    expect(lines[4]).toBe(`Capital de contacts\u00a0: 540 par an\u202f; besoin d'entretien\u00a0: ${need} contacts → ${Math.ceil(need / 540)} commerciaux`);
    expect(lines[5]).toBe(`Classeur\u00a0: ${out} (feuilles ajoutées\u00a0: Cibles, Contacts, PAC, Remarques)`);
    expect(lines[6]).toMatch(/^À vérifier \(\d+\)\u00a0:$/);
  });

  it("pac plan keeps the input sheets untouched and adds Cibles, Contacts and PAC", async () => {
    const [input, written] = await Promise.all([open(SAMPLE_PATH), open(out)]);
    expect(written.worksheets.map((w) => w.name)).toEqual(["Clients", "Lisez-moi", "Cibles", "Contacts", "PAC", "Remarques"]);
    for (const name of ["Clients", "Lisez-moi"]) {
      expect(cells(written.getWorksheet(name) as ExcelJS.Worksheet)).toEqual(cells(input.getWorksheet(name) as ExcelJS.Worksheet));
    }
    expect((written.getWorksheet("Clients") as ExcelJS.Worksheet).getCell("L2").numFmt).toBe("dd/mm/yyyy");
  });

  it("pac plan writes company names starting with = or + as text, never as formulas", async () => {
    const targets = (await open(out)).getWorksheet("Cibles") as ExcelJS.Worksheet;
    const odd: ExcelJS.Cell[] = [];
    targets.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && /^[=+]/.test(cell.value)) odd.push(cell);
      }),
    );
    expect(odd.map((c) => c.value)).toEqual(["=Équilibre Conseil SAS", "+Plus Services Nord-Isère SARL"]);
    expect(odd.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
  });

  it("pac plan on its own output adds «\u00a0Cibles (2)\u00a0»… and, with --replace, replaces the sheets", async () => {
    const again = tmp.path("again.xlsx");
    const second = await pac(["plan", out, "--out", again]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("(feuilles ajoutées\u00a0: Cibles (2), Contacts (2), PAC (2), Remarques (2))");
    expect((await open(again)).worksheets.map((w) => w.name)).toEqual(["Clients", "Lisez-moi", "Cibles", "Contacts", "PAC", "Remarques", "Cibles (2)", "Contacts (2)", "PAC (2)", "Remarques (2)"]);
    const replaced = tmp.path("replaced.xlsx");
    const third = await pac(["plan", out, "--out", replaced, "--replace"]);
    expect(third.code).toBe(0);
    expect(third.stdout).toContain("(feuilles ajoutées\u00a0: Cibles, Contacts, PAC, Remarques)");
    expect((await open(replaced)).worksheets.map((w) => w.name)).toEqual(["Clients", "Lisez-moi", "Cibles", "Contacts", "PAC", "Remarques"]);
  });

  it("pac plan writes <input>-PAC.xlsx beside the input by default, and never over the input", async () => {
    const input = tmp.path("portefeuille.xlsx");
    copyFileSync(SAMPLE_PATH, input);
    const done = await pac(["plan", input, "--capital", "1000"]);
    expect(done.code).toBe(0);
    expect(existsSync(tmp.path("portefeuille-PAC.xlsx"))).toBe(true);
    expect(done.stdout).toMatch(/Capital de contacts\u00a0: 1\u202f000 par an/);
    const refused = await pac(["plan", input, "--out", input]);
    expect(refused).toEqual({ code: 2, stdout: "", stderr: `--out désigne le fichier d'entrée «\u00a0${input}\u00a0» (même fichier, lien ou raccourci)\u00a0: choisissez un autre nom pour ne pas l'écraser.\n` });
  });

  it("pac plan on a CSV copies its rows to a sheet named after the file, numbers as numbers", async () => {
    const csv = tmp.path("Clients Nord.csv");
    writeFileSync(csv, "\ufeffClient;CA 2024;CA 2025;Potentiel\r\n0042;10 000;12 500,5;40 000\r\nB;8 000;6 000;9 000\r\nC;1 000;1 100;5 000\r\n");
    const target = tmp.path("nord.xlsx");
    const done = await pac(["plan", csv, "--out", target]);
    expect(done.stderr).toBe("");
    expect(done.code).toBe(0);
    expect(done.stdout.split("\n")[1]).toBe(`Source\u00a0: ${csv} (tableau clients)`);
    const wb = await open(target);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Clients Nord", "Cibles", "Contacts", "PAC", "Remarques"]);
    const sheet = wb.getWorksheet("Clients Nord") as ExcelJS.Worksheet;
    expect(sheet.getRow(2).values).toEqual([undefined, "0042", 10000, 12500.5, 40000]);
  });

  it("pac plan --lang en writes the English workbook and summary", async () => {
    const target = tmp.path("en.xlsx");
    const done = await pac(["plan", SAMPLE_PATH, "--out", target, "--lang", "en", "--weeks", "44", "--days", "4", "--per-day", "2,5"]);
    expect(done.code).toBe(0);
    expect(done.stdout.split("\n")[0]).toBe("PAC Commercial — action plan written");
    expect(done.stdout).toContain("Contact capital: 440 a year");
    const names = (await open(target)).worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(["Clients", "Lisez-moi"]);
    expect(names).toEqual(["Clients", "Lisez-moi", "Targets", "Contacts", "PAC", "Notes"]);
  });
});
