import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../../src/cli/main";
import { SAMPLE_PATH } from "../../scripts/make-sample";
import { pac, tempDir } from "./run";

const tmp = tempDir("pac-errors-");
afterAll(() => tmp.remove());

function file(name: string, content: string | Buffer): string {
  const path = tmp.path(name);
  writeFileSync(path, content);
  return path;
}

describe("pac exit code 2 on bad input, with one French line and no stack trace", () => {
  const cases: readonly { name: string; argv: () => string[]; message: () => string }[] = [
    {
      name: "unknown option",
      argv: () => ["plan", SAMPLE_PATH, "--vite"],
      message: () => "Option inconnue «\u00a0--vite\u00a0» pour pac plan (aide\u00a0: pac --help).",
    },
    {
      name: "missing file",
      argv: () => ["plan", tmp.path("absent.xlsx")],
      message: () => `Fichier introuvable\u00a0: ${tmp.path("absent.xlsx")}`,
    },
    {
      name: "a folder",
      argv: () => {
        mkdirSync(tmp.path("dossier.xlsx"), { recursive: true });
        return ["score", tmp.path("dossier.xlsx")];
      },
      message: () => `«\u00a0${tmp.path("dossier.xlsx")}\u00a0» est un dossier\u00a0: donnez un fichier .xlsx ou .csv.`,
    },
    {
      name: "empty file",
      argv: () => ["score", file("vide.csv", "")],
      message: () => `Le fichier «\u00a0${tmp.path("vide.csv")}\u00a0» est vide.`,
    },
    {
      name: "damaged workbook (zip header, no content)",
      argv: () => ["plan", file("abime.xlsx", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]))],
      message: () => `«\u00a0${tmp.path("abime.xlsx")}\u00a0» n'est pas un classeur .xlsx lisible (fichier abîmé ou d'un autre format).`,
    },
    {
      name: "text named .xlsx",
      argv: () => ["plan", file("texte.xlsx", "Client;CA\nA;1\n")],
      message: () => `«\u00a0${tmp.path("texte.xlsx")}\u00a0» n'est pas un classeur .xlsx lisible (fichier abîmé ou d'un autre format).`,
    },
    {
      name: "old .xls",
      argv: () => ["plan", file("ancien.xls", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]))],
      message: () => `«\u00a0${tmp.path("ancien.xls")}\u00a0» est un classeur Excel 97-2003 (.xls)\u00a0: enregistrez-le au format .xlsx puis relancez.`,
    },
    {
      name: "binary file",
      argv: () => ["score", file("image.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))],
      message: () => `«\u00a0${tmp.path("image.png")}\u00a0» n'est ni un classeur .xlsx ni un fichier texte CSV.`,
    },
    {
      name: "unknown sheet",
      argv: () => ["plan", SAMPLE_PATH, "--sheet", "Ventes"],
      message: () => `Feuille «\u00a0Ventes\u00a0» introuvable dans «\u00a0${SAMPLE_PATH}\u00a0» (feuilles\u00a0: «\u00a0Clients\u00a0», «\u00a0Journal\u00a0», «\u00a0Lisez-moi\u00a0»).`,
    },
    {
      name: "no client column",
      argv: () => ["score", file("produits.csv", "Produit;Prix\nStylo;1,50\nCahier;3\n")],
      message: () =>
        `Aucun client lu dans «\u00a0${tmp.path("produits.csv")}\u00a0»\u00a0: Aucune colonne d'identifiant client reconnue (colonnes lues\u00a0: Produit, Prix)\u00a0: choisissez-la dans la correspondance des colonnes.`,
    },
    {
      name: "header only",
      argv: () => ["score", file("entete.csv", "Client;CA 2025\n")],
      message: () => `Aucun client lu dans «\u00a0${tmp.path("entete.csv")}\u00a0»\u00a0: Seule la ligne d'en-tête (ligne 1) est présente\u00a0: aucune donnée à lire.`,
    },
    {
      name: "only prospects",
      argv: () => ["plan", file("prospects.csv", "Client;Prospect;Potentiel\nP1;oui;1000\nP2;oui;2000\n")],
      message: () => `Rien à noter dans «\u00a0${tmp.path("prospects.csv")}\u00a0»\u00a0: 2 lignes lues, toutes des prospects sans CA.`,
    },
  ];

  it.each(cases)("pac …: $name", async ({ argv, message }) => {
    const run = await pac(argv());
    expect(run).toEqual({ code: 2, stdout: "", stderr: `${message()}\n` });
  });

  it("pac score on clients without any CA says which method could not run", async () => {
    const run = await pac(["score", file("villes.csv", "Client;Ville\nA;Lyon\nB;Vienne\n")]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.startsWith(`Rien à noter dans «\u00a0${tmp.path("villes.csv")}\u00a0»\u00a0: `)).toBe(true);
    expect(run.stderr.split("\n")).toHaveLength(2);
  });

  it("pac with no argument asks for a command; --help prints the French help", async () => {
    expect(await pac([])).toEqual({ code: 2, stdout: "", stderr: "Aucune commande\u00a0: tapez «\u00a0pac plan <fichier>\u00a0» ou «\u00a0pac score <fichier>\u00a0» (aide\u00a0: pac --help).\n" });
    const help = await pac(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^PAC Commercial — ciblage des clients et Plan d'Actions Commerciales, en ligne de commande\.\n\nUsage\u00a0:\n {2}pac plan </);
    for (const option of ["--sheet", "--capital", "--weeks", "--days", "--per-day", "--reference-date", "--lang", "--out", "--replace", "--format"]) {
      expect(help.stdout).toContain(option);
    }
  });

  it("pac --lang en gives the messages in English", async () => {
    const run = await pac(["plan", tmp.path("absent.xlsx"), "--lang", "en"]);
    expect(run).toEqual({ code: 2, stdout: "", stderr: `File not found: ${tmp.path("absent.xlsx")}\n` });
  });
});

describe("pac exit code 1 on an internal error", () => {
  it("runCli(argv, io) reports an unexpected error in one line, without its stack", async () => {
    let stderr = "";
    const code = await runCli(["--help"], {
      stdout: () => {
        throw new Error("disque plein");
      },
      stderr: (t) => {
        stderr += t;
      },
    });
    expect(code).toBe(1);
    expect(stderr).toBe("Erreur interne\u00a0: disque plein. Relancez avec PAC_DEBUG=1 pour le détail et signalez-la.\n");
  });
});

describe("bin/pac.js", () => {
  const bin = join(__dirname, "..", "..", "bin", "pac.js");

  it("node bin/pac.js --help runs the TypeScript sources with no build step", () => {
    const run = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Usage\u00a0:");
  });

  it("node bin/pac.js plan <missing> exits with code 2 and one line on stderr", () => {
    const run = spawnSync(process.execPath, [bin, "plan", tmp.path("absent.xlsx")], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`Fichier introuvable\u00a0: ${tmp.path("absent.xlsx")}\n`);
  });
});
