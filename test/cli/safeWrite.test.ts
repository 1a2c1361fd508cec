import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, linkSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../../src/cli/safeWrite";
import { verifyZipDirectory } from "../../src/cli/verifyZip";
import { SAMPLE_PATH } from "../../scripts/make-sample";
import { pac, tempDir } from "./run";

const tmp = tempDir("pac-safe-");
afterAll(() => tmp.remove());

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "pac.js");

/** The files of a folder that are not `keep` (left-over temporary files show here). */
function others(dir: string, keep: readonly string[]): string[] {
  return readdirSync(dir).filter((f) => !keep.includes(f));
}

async function sheetNames(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((w) => w.name);
}

describe("writeFileAtomic(path, bytes, options)", () => {
  it.each([
    { name: "a disk that fills up", code: "ENOSPC", message: "disque plein ou quota atteint" },
    { name: "a file-size limit", code: "EFBIG", message: "taille au-delà de la limite de fichier du système" },
    { name: "an unknown failure", code: "EIO", message: "(EIO)" },
  ])("a failing writer ($name) leaves the previous file intact and no temporary file", ({ code, message }) => {
    const dir = tempDir("pac-atomic-");
    const target = dir.path("out.xlsx");
    writeFileSync(target, "previous good file");
    const failing = (): void => {
      throw Object.assign(new Error(code), { code });
    };
    expect(() => writeFileAtomic(target, new Uint8Array(100), { replace: true, writer: failing })).toThrow(message);
    expect(readFileSync(target, "utf8")).toBe("previous good file");
    expect(others(dir.dir, ["out.xlsx"])).toEqual([]);
    dir.remove();
  });

  it("pieces are written one after the other, and the read-back check sees the whole file", () => {
    const dir = tempDir("pac-atomic-");
    const target = dir.path("out.bin");
    const seen: number[] = [];
    writeFileAtomic(target, [new Uint8Array([1, 2]), new Uint8Array(0), new Uint8Array([3])], { replace: false, verify: (back) => seen.push(...back.read(0, back.size)) });
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    expect(seen).toEqual([1, 2, 3]);
    dir.remove();
  });

  it("bytes that do not read back as a package never replace the file", () => {
    const dir = tempDir("pac-atomic-");
    const target = dir.path("out.xlsx");
    writeFileSync(target, "previous good file");
    expect(() => writeFileAtomic(target, new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), { replace: true, verify: (b) => void verifyZipDirectory(b) })).toThrow(
      /ne se relit pas/,
    );
    expect(readFileSync(target, "utf8")).toBe("previous good file");
    expect(others(dir.dir, ["out.xlsx"])).toEqual([]);
    dir.remove();
  });

  it("an existing file is not replaced without replace: true", () => {
    const dir = tempDir("pac-atomic-");
    const target = dir.path("out.xlsx");
    writeFileSync(target, "mine");
    expect(() => writeFileAtomic(target, new Uint8Array([1]), { replace: false })).toThrow(`«\u00a0${target}\u00a0» existe déjà\u00a0: ajoutez --replace`);
    expect(readFileSync(target, "utf8")).toBe("mine");
    writeFileAtomic(dir.path("new/sub/file.bin"), new Uint8Array([1, 2]), { replace: false });
    expect([...readFileSync(dir.path("new/sub/file.bin"))]).toEqual([1, 2]);
    dir.remove();
  });
});

describe("pac plan never loses a file", () => {
  it("an existing --out is refused without --replace, by name, before any work; --replace and --force replace it", async () => {
    const out = tmp.path("exists.xlsx");
    writeFileSync(out, "my own file");
    const refused = await pac(["plan", SAMPLE_PATH, "--out", out]);
    expect(refused).toEqual({ code: 2, stdout: "", stderr: `«\u00a0${out}\u00a0» existe déjà\u00a0: ajoutez --replace pour le remplacer, ou choisissez un autre nom avec --out.\n` });
    expect(readFileSync(out, "utf8")).toBe("my own file");
    for (const flag of ["--replace", "--force"]) {
      const done = await pac(["plan", SAMPLE_PATH, "--out", out, flag]);
      expect(done.code).toBe(0);
      expect(await sheetNames(out)).toEqual(["Clients", "Journal", "Lisez-moi", "Cibles", "Contacts", "PAC", "Prospects", "Fiches clients", "Remarques", "Catalogue"]);
    }
    expect(others(tmp.dir, ["exists.xlsx"]).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it.each([
    { name: "a hard link to the input", make: (input: string, out: string) => linkSync(input, out) },
    { name: "a symbolic link to the input", make: (input: string, out: string) => symlinkSync(input, out) },
  ])("an --out that is $name is refused, even with --replace", async ({ make }) => {
    const dir = tempDir("pac-link-");
    const input = dir.path("data.xlsx");
    copyFileSync(SAMPLE_PATH, input);
    const out = dir.path("alias.xlsx");
    make(input, out);
    const before = readFileSync(input);
    const run = await pac(["plan", input, "--out", out, "--replace"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`--out désigne le fichier d'entrée «\u00a0${input}\u00a0» (même fichier, lien ou raccourci)\u00a0: choisissez un autre nom pour ne pas l'écraser.\n`);
    expect(readFileSync(input).equals(before)).toBe(true);
    dir.remove();
  });

  it("a user's data sheet named «\u00a0Cibles\u00a0» is never dropped by --replace: the plan goes to «\u00a0Cibles (2)\u00a0», and the summary says so", async () => {
    const wb = new ExcelJS.Workbook();
    const data = wb.addWorksheet("Cibles");
    data.addRows([["Client", "CA"], ["Dupont", 1200], ["Martin", 300], ["Durand", 50]]);
    const input = tmp.path("cibles.xlsx");
    await wb.xlsx.writeFile(input);
    const out = tmp.path("cibles-PAC.xlsx");
    const run = await pac(["plan", input, "--out", out, "--replace"]);
    expect(run.code).toBe(0);
    expect(await sheetNames(out)).toEqual(["Cibles", "Cibles (2)", "Contacts", "PAC", "Fiches clients", "Remarques", "Catalogue"]);
    expect(run.stdout).toContain("(feuilles ajoutées\u00a0: Cibles (2), Contacts, PAC, Fiches clients, Remarques, Catalogue)");
    expect(run.stdout).toContain("Gardées, car ce sont vos feuilles et non celles de PAC Commercial\u00a0: «\u00a0Cibles\u00a0»\u202f; le plan est écrit à côté.");
    // Run on its own output: the sheets PAC Commercial wrote are replaced, the user's « Cibles » stays.
    const again = tmp.path("cibles-PAC-2.xlsx");
    const second = await pac(["plan", out, "--sheet", "Cibles", "--out", again, "--replace"]);
    expect(second.code).toBe(0);
    expect(await sheetNames(again)).toEqual(["Cibles", "Cibles (2)", "Contacts", "PAC", "Fiches clients", "Remarques", "Catalogue"]);
    expect(second.stdout).toContain("Remplacées (écrites par PAC Commercial)\u00a0: «\u00a0Cibles (2)\u00a0», «\u00a0Contacts\u00a0», «\u00a0PAC\u00a0»");
    const user = new ExcelJS.Workbook();
    await user.xlsx.readFile(again);
    expect(user.getWorksheet("Cibles")!.getCell("A2").value).toBe("Dupont");
  });

  it.each([
    { name: "a file-size limit (ulimit -f) in the middle of the write", limitKb: 64 },
  ])("$name leaves the previous good file as it was and no temporary file", ({ limitKb }) => {
    const dir = tempDir("pac-ulimit-");
    const out = dir.path("out.xlsx");
    writeFileSync(out, "previous good file");
    // The demo workbook is bigger than the limit: the write fails half way, with EFBIG.
    const run = spawnSync("bash", ["-c", `ulimit -f ${limitKb}; exec node "${BIN}" plan "${SAMPLE_PATH}" --out "${out}" --replace`], { encoding: "utf8", timeout: 120_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`Impossible d'écrire «\u00a0${out}\u00a0»\u00a0: taille au-delà de la limite de fichier du système\u202f; un fichier précédent de ce nom est intact.\n`);
    expect(readFileSync(out, "utf8")).toBe("previous good file");
    expect(others(dir.dir, ["out.xlsx"])).toEqual([]);
    dir.remove();
  });

  it("an interrupt (SIGINT) while pac plan works leaves the previous good file and no temporary file", async () => {
    const dir = tempDir("pac-sigint-");
    const out = dir.path("out.xlsx");
    writeFileSync(out, "previous good file");
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, [BIN, "plan", SAMPLE_PATH, "--out", out, "--replace"], { stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
    await new Promise((r) => setTimeout(r, 2500));
    child.kill("SIGINT");
    const code = await exited;
    // The interrupt came first (130, or killed before pac's handler was installed: the old file is kept), or the
    // run had already finished (0: the new file is complete), or it came after the rename, while pac printed its
    // summary (130 with the new, complete file). Never anything in between.
    const now = readFileSync(out);
    if (code === null || (code === 130 && now.toString("utf8") === "previous good file")) expect(now.toString("utf8")).toBe("previous good file");
    else {
      expect([0, 130]).toContain(code);
      expect(verifyZipDirectory(now)).toBeGreaterThan(5);
    }
    expect(others(dir.dir, ["out.xlsx"])).toEqual([]);
    dir.remove();
  }, 60_000);
});

describe("pac plan on a workbook whose parts the writer must edit are damaged", () => {
  it("a prefixed, unclosed styles part: exit 2 and a French message, no internal error, no file", async () => {
    const { default: JSZip } = await import("jszip");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Clients").addRows([["Client", "CA"], ["A", 10], ["B", 5]]);
    const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
    zip.file("xl/styles.xml", '<?xml version="1.0"?><x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:fonts count="1">');
    const input = tmp.path("damaged-styles.xlsx");
    writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
    const out = tmp.path("damaged-styles-PAC.xlsx");
    const run = await pac(["plan", input, "--out", out]);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split("\n").pop()).toBe(`«\u00a0${input}\u00a0»\u00a0: la partie «\u00a0xl/styles.xml\u00a0» n'est pas du XML valide (balise non fermée\u00a0: x:fonts).`);
    expect(existsSync(out)).toBe(false);
  });
});

describe("npm run demo runs twice in a row", () => {
  it("the demo line passes --replace, so its second run replaces out/PAC-demo.xlsx", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.demo).toMatch(/ --replace\b|--force\b/);
    expect(existsSync(SAMPLE_PATH)).toBe(true);
  });
});
