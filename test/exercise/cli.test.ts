/**
 * `pac exercice` end to end in this process: both workbooks written beside each other, the answers sheet very
 * hidden and protected in the file itself (read from its XML), and every hostile input a French message with
 * exit code 2.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import { readCases } from "../../src/cli/exercise";
import { pac, tempDir } from "../cli/run";
import { findCell } from "../support/sheetCells";

const CASES = resolve(__dirname, "..", "..", "assets", "exercices");

describe("pac exercice", () => {
  const tmp = tempDir("pac-exercise-");
  afterAll(() => tmp.remove());

  it("writes the student's book and the corrigé, and says how many questions", async () => {
    const run = await pac(["exercice", join(CASES, "abc-dix-clients.csv"), "--methodes", "abc,contacts", "--out", tmp.dir]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("(élève, 53 questions)");
    expect(run.stdout).toContain("Méthodes : abc, contacts.");
    expect(existsSync(tmp.path("abc-dix-clients-eleve.xlsx"))).toBe(true);
    expect(existsSync(tmp.path("abc-dix-clients-corrige.xlsx"))).toBe(true);
  });

  it("the answers sheet of the file is very hidden and protected; the answer cells are unlocked", () => {
    const parts = unzipSync(readFileSync(tmp.path("abc-dix-clients-eleve.xlsx")));
    const workbook = strFromU8(parts["xl/workbook.xml"]);
    // A sheet without a state attribute is visible (the writer writes `state` only for hidden sheets).
    const sheets = [...workbook.matchAll(/<sheet ([^>]*)\/>/g)].map((m) => [/name="([^"]+)"/.exec(m[1])?.[1], /state="(\w+)"/.exec(m[1])?.[1] ?? "visible"]);
    expect(sheets).toEqual([
      ["Consignes", "visible"],
      ["ABC", "visible"],
      ["Matrice des contacts", "visible"],
      ["Réponses", "veryHidden"],
    ]);
    const answers = strFromU8(parts["xl/worksheets/sheet4.xml"]);
    expect(answers).toMatch(/<sheetProtection [^>]*sheet="1"/);
    const d2 = findCell(answers, 1, 3);
    expect(d2 && answers.slice(d2.start, d2.end)).toMatch(/^<c( r="D2")?><v>100000<\/v><\/c>$/);
    // The method sheets are protected too, with their answer cells' style unlocked.
    const abc = strFromU8(parts["xl/worksheets/sheet2.xml"]);
    expect(abc).toMatch(/<sheetProtection [^>]*sheet="1"/);
    const d10 = findCell(abc, 9, 3);
    expect(d10?.empty).toBe(true);
    const style = /\bs="(\d+)"/.exec(d10?.attributes ?? "")?.[1];
    const xfs = [...strFromU8(parts["xl/styles.xml"]).split("<cellXfs")[1].matchAll(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g)].map((m) => m[0]);
    expect(xfs[Number(style)]).toContain('locked="0"');
  });

  it("refuses to replace the books without --replace, then replaces them with it", async () => {
    const args = ["exercice", join(CASES, "elasticite.csv"), "--out", tmp.dir];
    expect((await pac(args)).code).toBe(0);
    const again = await pac(args);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("existe déjà");
    expect((await pac([...args, "--replace"])).code).toBe(0);
  });

  it.each([
    { name: "unknown method", args: ["exercice", "x.csv", "--methodes", "abc,foo"], message: "Méthode inconnue « foo » dans --methodes" },
    { name: "no file", args: ["exercice"], message: "Indiquez le tableau clients" },
    { name: "two files", args: ["exercice", "a.csv", "b.csv"], message: "Un seul fichier à la fois" },
    { name: "unknown option", args: ["exercice", "a.csv", "--seuil", "3"], message: "Option inconnue pour « pac exercice » : --seuil" },
    { name: "option without value", args: ["exercice", "a.csv", "--out"], message: "L'option --out attend une valeur." },
    { name: "missing file", args: ["exercice", "absent.csv"], message: "absent.csv" },
  ])("$name: exit code 2 and a French message", async ({ args, message }) => {
    const run = await pac(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("a method the data do not allow is named with its reason; none left is an error", async () => {
    const run = await pac(["exercice", join(CASES, "rfm-543.csv"), "--methodes", "pr", "--out", tmp.dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Méthode « pr » laissée de côté : il faut une colonne Potentiel remplie pour chaque client.");
    expect(run.stderr).toContain("aucune méthode ne peut être posée sur ces données.");
  });

  it("--help prints the command's help; --lang en writes English books", async () => {
    expect((await pac(["exercice", "--help"])).stdout).toContain("pac exercice <clients.xlsx|.csv>");
    const run = await pac(["exercise", join(CASES, "rfm-543.csv"), "--lang", "en", "--out", tmp.dir]);
    expect(run.code).toBe(0);
    expect(existsSync(tmp.path("rfm-543-student.xlsx"))).toBe(true);
    expect(existsSync(tmp.path("rfm-543-key.xlsx"))).toBe(true);
  });

  it("the bundled case manifest reads; a broken one is a French message", () => {
    expect(readCases(join(CASES, "cas.json")).map((c) => c.id)).toEqual(["abc-dix-clients", "pr-toutes-cibles", "rfm-543", "capacite-540", "elasticite"]);
    const bad = tmp.path("cas.json");
    writeFileSync(bad, '{"cases":[{"id":"x","title":"X","methods":["abc"],"file":"../secret.csv"}]}');
    expect(() => readCases(bad)).toThrow("est illisible ou incomplet (cases[0].file)");
    writeFileSync(bad, "{");
    expect(() => readCases(bad)).toThrow("est illisible ou incomplet");
  });

  it("--releve lists each student's book of a folder, escapes a formula-like file name, names the other files", async () => {
    const copies = tmp.path("copies");
    expect((await pac(["exercice", join(CASES, "elasticite.csv"), "--methodes", "elasticite", "--out", copies])).code).toBe(0);
    writeFileSync(join(copies, "=evil.xlsx"), readFileSync(join(copies, "elasticite-eleve.xlsx")));
    writeFileSync(join(copies, "notes.xlsx"), readFileSync(join(copies, "elasticite-corrige.xlsx")));
    const run = await pac(["exercice", "--releve", copies]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\r\n")[0]).toBe("fichier;justes;questions;score;détail");
    expect(run.stdout).toContain("elasticite-eleve.xlsx;0;16;0 / 16 réponse juste;Élasticité 0/16");
    expect(run.stdout).toContain("\"'=evil.xlsx\";0;16;");
    expect(run.stderr).toContain("« notes.xlsx » n'est pas un exercice de PAC Commercial");
    expect(run.stderr).toContain("« elasticite-corrige.xlsx » n'est pas un exercice");
    const missing = await pac(["exercice", "--releve", tmp.path("absent")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--releve attend le dossier des classeurs rendus");
  });
});
