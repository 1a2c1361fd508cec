import ExcelJS from "exceljs";
import { copyFileSync, existsSync, writeFileSync } from "node:fs";
import { SAMPLE_PATH, SAMPLE_TYPES_PATH } from "../../scripts/make-sample";
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
    // As `npm run demo` runs it: with the rep's family types (SPEC §12).
    run = await pac(["plan", SAMPLE_PATH, "--types", SAMPLE_TYPES_PATH, "--out", out]);
  });

  it("pac plan <sample> --out FILE prints the French summary", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "PAC Commercial — plan d'actions écrit",
      `Source\u00a0: ${SAMPLE_PATH}, feuille «\u00a0Clients\u00a0» (tableau clients\u202f; choisie parmi 3 feuilles, la mieux reconnue)`,
      "Lus\u00a0: 150 clients et 30 prospects (180 lignes)\u202f; 0 cellule rejetée",
    ]);
    const abc = /^Classes ABC\u00a0: A (\d+) · B (\d+) · C (\d+)$/.exec(lines[3]);
    expect(abc).not.toBeNull();
    const [a, b, c] = (abc as RegExpExecArray).slice(1).map(Number);
    expect(a + b + c).toBe(150);
    const need = 12 * a + 6 * b + 2 * c;
    expect(lines[4]).toBe(`Capital de contacts\u00a0: 540 par an\u202f; besoin d'entretien\u00a0: ${need} contacts → ${Math.ceil(need / 540)} commerciaux`);
    // The growth objective of SPEC §10 with the default 5 %, then the verdict in Pascal Py's words (the demo's
    // 18 retained prospects × 25 % × 8 596 €, the median CA of its D clients, do not close the gap).
    expect(lines[5]).toBe(
      "Objectif\u00a0: CA 4\u202f674\u202f092\u00a0€ + 5\u202f% = 4\u202f907\u202f797\u00a0€\u202f; les clients apportent 4\u202f765\u202f426\u00a0€ (objectifs d'effort)\u202f; " +
        "conquête\u00a0: 18 prospects retenus × 25\u202f% de conversion = 38\u202f682\u00a0€",
    );
    expect(lines[6]).toBe("Verdict\u00a0: Il manque 103\u202f689\u00a0€\u00a0: conquête nécessaire, soit 13 prospects de plus à convertir.");
    expect(lines[7]).toBe("Familles de produits\u00a0: 6 familles lues dans la colonne «\u00a0Famille\u00a0» de «\u00a0Journal\u00a0»");
    expect(lines[8]).toBe(
      "Engagement\u00a0: perte probable 23 · risque de perte de CA 25 · engagés 38 · à fidéliser 64\u202f; CA en risque 970\u202f066\u00a0€, dont 878\u202f590\u00a0€ chez les 48 clients sur le départ",
    );
    expect(lines[9]).toBe("Client idéal\u00a0: idéaux 34 · heureux 30 · à risque 35 · à éviter 40");
    expect(lines[10]).toBe(`Classeur\u00a0: ${out} (feuilles ajoutées\u00a0: Cibles, Contacts, PAC, Prospects, Fiches clients, Remarques, Catalogue)`);
    expect(lines[11]).toMatch(/^À vérifier \(\d+\)\u00a0:$/);
  });

  /** The objective and verdict lines of a summary, with the French spaces as plain ones. */
  const growthOf = (stdout: string): string[] =>
    stdout
      .split("\n")
      .filter((l) => /^(Objectif|Verdict|Objective)/.test(l))
      .map((l) => l.replace(/[\u00a0\u202f]/g, " "));

  it.each([
    { name: "--growth 5 is the default 5 %", argv: ["--growth", "5"], asked: "+ 5 % = 4 907 797 €", verdict: "Verdict : Il manque 103 689 € : conquête nécessaire, soit 13 prospects de plus à convertir." },
    {
      name: "--growth 2,5% (decimal comma): the planned conquest covers the gap",
      argv: ["--growth", "2,5%"],
      asked: "+ 2,5 % = 4 790 944 €",
      verdict: "Verdict : La clientèle actuelle ne suffit pas (4 765 426 € pour 4 790 944 € demandés) : la conquête prévue (38 682 €) comble l'écart.",
    },
    // 4 674 092 × 1,0205 = 4 769 911 − 4 765 426 = 4 485 € short, under one converted prospect (8 596 €).
    { name: "--growth=2,05% --conversion 0: one prospect more (singular)", argv: ["--growth=2,05%", "--conversion", "0"], asked: "+ 2,05 % = 4 769 911 €", verdict: "Verdict : Il manque 4 485 € : conquête nécessaire, soit 1 prospect de plus à convertir." },
    { name: "--growth=1%: the current clients suffice", argv: ["--growth=1%"], asked: "+ 1 % = 4 720 833 €", verdict: "Verdict : La clientèle actuelle suffit : ses objectifs font 4 765 426 € pour 4 720 833 € demandés." },
    {
      name: "--growth 3% --conversion 50%: the planned conquest covers the gap",
      argv: ["--growth", "3%", "--conversion", "50%"],
      asked: "+ 3 % = 4 814 315 €",
      verdict: "Verdict : La clientèle actuelle ne suffit pas (4 765 426 € pour 4 814 315 € demandés) : la conquête prévue (77 364 €) comble l'écart.",
    },
    { name: "--growth 0 %", argv: ["--growth", "0 %"], asked: "+ 0 % = 4 674 092 €", verdict: "Verdict : La clientèle actuelle suffit : ses objectifs font 4 765 426 € pour 4 674 092 € demandés." },
  ])("pac plan <sample> $name", async ({ argv, asked, verdict }) => {
    const r = await pac(["plan", SAMPLE_PATH, "--out", tmp.path("growth.xlsx"), "--replace", ...argv]);
    expect(r.code).toBe(0);
    const [objective, line] = growthOf(r.stdout);
    expect(objective).toContain(asked);
    expect(line).toBe(verdict);
  });

  it("pac plan <sample> --lang en prints the growth verdict in English", async () => {
    const r = await pac(["plan", SAMPLE_PATH, "--out", tmp.path("growth-en.xlsx"), "--replace", "--lang", "en", "--growth", "2.5"]);
    expect(r.code).toBe(0);
    expect(growthOf(r.stdout)).toEqual([
      "Objective: CA €4,674,092 + 2.5% = €4,790,944; the clients bring €4,765,426 (effort objectives); conquest: 18 retained prospects × 25% conversion = €38,682",
      "Verdict: Current clients are not enough (€4,765,426 for €4,790,944 asked): the planned conquest (€38,682) closes the gap.",
    ]);
  });

  it("pac plan keeps the input sheets untouched and adds Cibles, Contacts and PAC", async () => {
    const [input, written] = await Promise.all([open(SAMPLE_PATH), open(out)]);
    expect(written.worksheets.map((w) => w.name)).toEqual(["Clients", "Journal", "Lisez-moi", "Cibles", "Contacts", "PAC", "Prospects", "Fiches clients", "Remarques", "Catalogue"]);
    for (const name of ["Clients", "Journal", "Lisez-moi"]) {
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
    expect(second.stdout).toContain("(feuilles ajoutées\u00a0: Cibles (2), Contacts (2), PAC (2), Prospects (2), Fiches clients (2), Remarques (2), Catalogue (2))");
    expect((await open(again)).worksheets.map((w) => w.name)).toEqual([
      "Clients",
      "Journal",
      "Lisez-moi",
      "Cibles",
      "Contacts",
      "PAC",
      "Prospects",
      "Fiches clients",
      "Remarques",
      "Catalogue",
      "Cibles (2)",
      "Contacts (2)",
      "PAC (2)",
      "Prospects (2)",
      "Fiches clients (2)",
      "Remarques (2)",
      "Catalogue (2)",
    ]);
    const replaced = tmp.path("replaced.xlsx");
    const third = await pac(["plan", out, "--out", replaced, "--replace"]);
    expect(third.code).toBe(0);
    expect(third.stdout).toContain("(feuilles ajoutées\u00a0: Cibles, Contacts, PAC, Prospects, Fiches clients, Remarques, Catalogue)");
    expect((await open(replaced)).worksheets.map((w) => w.name)).toEqual(["Clients", "Journal", "Lisez-moi", "Cibles", "Contacts", "PAC", "Prospects", "Fiches clients", "Remarques", "Catalogue"]);
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
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Clients Nord", "Cibles", "Contacts", "PAC", "Fiches clients", "Remarques", "Catalogue"]);
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
    expect(names.slice(0, 3)).toEqual(["Clients", "Journal", "Lisez-moi"]);
    expect(names).toEqual(["Clients", "Journal", "Lisez-moi", "Targets", "Contacts", "PAC", "Prospects", "Client cards", "Notes", "Catalogue"]);
  });
});
