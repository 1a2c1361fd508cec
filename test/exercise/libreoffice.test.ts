/**
 * The bundled textbook cases (issue 18), recalculated by LibreOffice in one batch (fresh profile, recalculation
 * on load): every corrigé formula gives the engine's value and the course's numbers; the student's book filled
 * with the right answers (typed in several accepted ways, written into the sheet XML) scores n / n, and one wrong
 * answer turns exactly one check red and scores n − 1. Skipped with a message when `soffice` is absent.
 */
import { linesOf } from "../../src/plan/rows";
import ExcelJS from "exceljs";
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { caseData, readCases, runScores } from "../../src/cli/exercise";
import { buildExercise, fold, type AnswerKeyEntry, type ExerciseBooks } from "../../src/exercise";
import { cellAddress, isFormulaCell } from "../../src/plan/cells";
import type { WorkbookPlan } from "../../src/plan/types";
import type { ImportedClient } from "../../src/io/client";
import { scorePortfolio } from "../../src/plan/score";
import { writeXlsx } from "../../src/xlsx/write";
import { mulberry32 } from "../support/random";
import { findCell } from "../support/sheetCells";
import { freshProfile, hasCommand, tempDir } from "../xlsx/soffice";

const HAVE_SOFFICE = hasCommand("soffice");
if (!HAVE_SOFFICE) console.warn("test/exercise/libreoffice.test.ts skipped: `soffice` not found (apt-get install libreoffice-calc)");
const describeSoffice = HAVE_SOFFICE ? describe : describe.skip;

const run = promisify(execFile);
const CASES_DIR = resolve(__dirname, "..", "..", "assets", "exercices");

/** One soffice call for every file (each start costs seconds); a generous timeout for a loaded CI machine. */
async function recalculate(files: readonly string[], outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const profile = freshProfile(0);
  await run("soffice", [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", outDir, ...files], { timeout: 300_000 });
  return files.map((f) => join(outDir, basename(f)));
}

/** An answer as a student may type it: shares as 40 (for 40 %) on every other row, texts folded or shouted. */
function typed(entry: AnswerKeyEntry, k: number): number | string {
  if (entry.kind === "share" && k % 2 === 1) return (entry.expected as number) * 100;
  if (entry.kind === "text") return k % 2 === 0 ? ` ${fold(String(entry.expected))} ` : String(entry.expected).toUpperCase();
  return entry.expected;
}

/** A wrong answer of the same kind. */
function wrong(entry: AnswerKeyEntry): number | string {
  if (typeof entry.expected === "number") return entry.expected + 7;
  return entry.expected === "C" ? "A" : "C";
}

function xmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The student's file with `answers` typed in: each answer cell (an empty styled `<c s="12"/>` as the writer
 * leaves it, its address given or implied) gets a number or an inline string, in the sheet XML itself.
 */
function fillStudent(bytes: Uint8Array, plan: WorkbookPlan, answers: ReadonlyMap<AnswerKeyEntry, number | string>): Uint8Array {
  const parts = unzipSync(bytes);
  const workbook = strFromU8(parts["xl/workbook.xml"]);
  const sheetFile = (name: string): string => {
    const k = plan.sheets.findIndex((s) => s.name === name);
    if (k < 0 || !workbook.includes(`name="${name}"`)) throw new Error(`no sheet ${name}`);
    return `xl/worksheets/sheet${k + 1}.xml`;
  };
  const edited = new Map<string, string>();
  for (const [entry, value] of answers) {
    const file = sheetFile(entry.sheet);
    let xml = edited.get(file) ?? strFromU8(parts[file]);
    const ref = cellAddress(entry.row, entry.col, false);
    const empty = findCell(xml, entry.row, entry.col);
    const style = /\bs="\d+"/.exec(empty?.attributes ?? "")?.[0];
    if (!empty?.empty) throw new Error(`answer cell ${entry.sheet}!${ref} not found empty`);
    // Typed in, the cell gets its address, as a spreadsheet saves it.
    const at = `<c r="${ref}"${style ? ` ${style}` : ""}`;
    const cell = typeof value === "number" ? `${at}><v>${value}</v></c>` : `${at} t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
    xml = xml.slice(0, empty.start) + cell + xml.slice(empty.end);
    edited.set(file, xml);
  }
  for (const [file, xml] of edited) parts[file] = strToU8(xml);
  return zipSync(parts);
}

function valueOf(ws: ExcelJS.Worksheet, row: number, col: number): unknown {
  const cell = ws.getCell(row + 1, col + 1);
  if (cell.type === ExcelJS.ValueType.Formula) return cell.result ?? "";
  return cell.value ?? "";
}

/** Every formula of the corrigé: [sheet, cell, LibreOffice's value] and [sheet, cell, the cached engine value]. */
function compareFormulas(wb: ExcelJS.Workbook, plan: WorkbookPlan): { actual: unknown[]; expected: unknown[] } {
  const actual: unknown[] = [];
  const expected: unknown[] = [];
  for (const sheet of plan.sheets) {
    const ws = wb.getWorksheet(sheet.name) as ExcelJS.Worksheet;
    for (const b of sheet.blocks) {
      linesOf(b.values).forEach((line, i) =>
        line.forEach((v, j) => {
          if (!isFormulaCell(v)) return;
          const where = [sheet.name, cellAddress(b.row + i, b.col + j, false)];
          actual.push([...where, valueOf(ws, b.row + i, b.col + j)]);
          expected.push([...where, typeof v.result === "number" ? expect.closeTo(v.result, 9) : v.result]);
        }),
      );
    }
  }
  return { actual, expected };
}

/**
 * Small generated portfolios for every method at once, drawn from few values so that ties, zeros, a negative
 * CA, unchanged contacts (no elasticity) and equal medians come up: the corrigé's formulas must still give the
 * engine's values. Seeded: the same data on every run.
 */
function generated(seed: number, n: number): ImportedClient[] {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  return Array.from({ length: n }, (_, i) => {
    const caBefore = pick([0, 1000, 5000, 5000]);
    const ca = pick([0, -500, 1000, 1000, 2500, 4000, 4000, 12000]);
    return {
      id: `G${i + 1}`,
      row: i + 2,
      ca,
      periods: [caBefore, ca],
      potential: pick([1000, 3000, 3000, 8000, 20000]),
      contacts: pick([1, 3, 3, 6]),
      contactsBefore: pick([0, 2, 3, 4]),
      recencyDays: pick([5, 30, 30, 90, 200]),
      frequency: pick([1, 2, 2, 7]),
      monetary: ca,
    };
  });
}

const GENERATED = [
  { id: "gen-one", clients: generated(1, 1) },
  { id: "gen-two", clients: generated(2, 2) },
  { id: "gen-equal", clients: Array.from({ length: 4 }, (_, i): ImportedClient => ({ id: `E${i}`, row: i + 2, ca: 3000, potential: 3000, contacts: 2, recencyDays: 10, frequency: 3, monetary: 3000 })) },
  ...[5, 9, 13, 20].map((n, k) => ({ id: `gen-${n}`, clients: generated(100 + k, n) })),
];

interface Prepared {
  readonly id: string;
  readonly books: ExerciseBooks;
  corrige?: ExcelJS.Workbook;
  right?: ExcelJS.Workbook;
  oneWrong?: ExcelJS.Workbook;
  /** The answer made wrong in `oneWrong`. */
  readonly wrongEntry: AnswerKeyEntry;
}

describeSoffice("the textbook cases, recalculated by LibreOffice", () => {
  const dir = tempDir("exercise-lo");
  const prepared = new Map<string, Prepared>();
  let recalculatedDir = "";

  beforeAll(async () => {
    const files: string[] = [];
    for (const c of readCases(join(CASES_DIR, "cas.json"))) {
      const books = buildExercise(await caseData(c, CASES_DIR, "fr"), { lang: "fr", methods: c.methods });
      const key = books.answerKey;
      const wrongEntry = key[Math.floor(key.length / 2)];
      prepared.set(c.id, { id: c.id, books, wrongEntry });
      const student = await writeXlsx(books.student);
      const right = new Map(key.map((e, k) => [e, typed(e, k)] as const));
      const oneWrong = new Map(right);
      oneWrong.set(wrongEntry, wrong(wrongEntry));
      const write = (name: string, bytes: Uint8Array): void => {
        writeFileSync(join(dir, name), bytes);
        files.push(join(dir, name));
      };
      write(`${c.id}-corrige.xlsx`, await writeXlsx(books.corrige));
      write(`${c.id}-right.xlsx`, fillStudent(student, books.student, right));
      write(`${c.id}-wrong.xlsx`, fillStudent(student, books.student, oneWrong));
    }
    for (const g of GENERATED) {
      const books = buildExercise({ title: g.id, clients: g.clients, portfolio: scorePortfolio(g.clients, {}) }, { lang: "fr" });
      prepared.set(g.id, { id: g.id, books, wrongEntry: books.answerKey[0] });
      const file = join(dir, `${g.id}-corrige.xlsx`);
      writeFileSync(file, await writeXlsx(books.corrige));
      files.push(file);
    }
    recalculatedDir = join(dir, "recalculated");
    const outputs = await recalculate(files, recalculatedDir);
    for (const out of outputs) {
      const m = /^(.*)-(corrige|right|wrong)\.xlsx$/.exec(basename(out)) as RegExpExecArray;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const p = prepared.get(m[1]) as Prepared;
      if (m[2] === "corrige") p.corrige = wb;
      else if (m[2] === "right") p.right = wb;
      else p.oneWrong = wb;
    }
  }, 360_000);

  const ids = ["abc-dix-clients", "pr-toutes-cibles", "rfm-543", "capacite-540", "elasticite"];

  it.each(ids)("%s: every corrigé formula recalculates to the engine's value", (id) => {
    const p = prepared.get(id) as Prepared;
    const { actual, expected } = compareFormulas(p.corrige as ExcelJS.Workbook, p.books.corrige);
    expect(actual.length).toBeGreaterThan(5);
    expect(actual).toEqual(expected);
  });

  it.each(GENERATED.map((g) => g.id))("%s (generated: ties, zeros, a negative CA): every corrigé formula recalculates to the engine's value", (id) => {
    const p = prepared.get(id) as Prepared;
    expect(p.books.methods.length).toBeGreaterThan(0);
    const { actual, expected } = compareFormulas(p.corrige as ExcelJS.Workbook, p.books.corrige);
    expect(actual).toEqual(expected);
  });

  /** A column of the corrigé's table, by header, as LibreOffice computed it. */
  function column(id: string, sheet: string, header: string): unknown[] {
    const p = prepared.get(id) as Prepared;
    const ws = (p.corrige as ExcelJS.Workbook).getWorksheet(sheet) as ExcelJS.Worksheet;
    let top = -1;
    let col = -1;
    ws.eachRow((row, r) => {
      if (top >= 0) return;
      row.eachCell((cell, c) => {
        if (cell.value === header) {
          top = r;
          col = c;
        }
      });
    });
    if (top < 0) throw new Error(`no column ${header} in ${sheet}`);
    const out: unknown[] = [];
    for (let r = top + 1; ; r++) {
      const v = valueOf(ws, r - 1, col - 1);
      if (v === "" || v === null) break;
      out.push(v);
    }
    return out;
  }

  /** The value LibreOffice gave the parameter line labelled `label` (column C). */
  function line(id: string, sheet: string, label: string): unknown {
    const p = prepared.get(id) as Prepared;
    const ws = (p.corrige as ExcelJS.Workbook).getWorksheet(sheet) as ExcelJS.Worksheet;
    let found: unknown = undefined;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === label) found = valueOf(ws, r - 1, 2);
    });
    return found;
  }

  it("the ten clients: A A A A B B B C C C, R 1 2 3 4…, medians 5,5 contacts and 4 500 € (docs/methodes.md § 2, 3, 6)", () => {
    expect(column("abc-dix-clients", "ABC", "Classe ABC")).toEqual(["A", "A", "A", "A", "B", "B", "B", "C", "C", "C"]);
    expect(column("abc-dix-clients", "ABC", "Rang")).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(column("abc-dix-clients", "ABC", "Part cumulée")).toEqual([0.4, 0.65, 0.77, 0.85, 0.9, 0.94, 0.97, 0.99, 1, 1].map((x) => expect.closeTo(x, 9)));
    expect(line("abc-dix-clients", "ABC", "CA total (montants positifs)")).toBe(100_000);
    expect(column("abc-dix-clients", "Rangs R et P", "R")).toEqual([1, 2, 3, 4, 4, 4, 4, 4, 4, 4]);
    expect(column("abc-dix-clients", "Rangs R et P", "P").slice(0, 3)).toEqual([1, 2, 2]);
    expect(line("abc-dix-clients", "Matrice des contacts", "Médiane des contacts")).toBe(5.5);
    expect(line("abc-dix-clients", "Matrice des contacts", "Médiane du CA")).toBe(4500);
    const quadrants = column("abc-dix-clients", "Matrice des contacts", "Quadrant");
    expect([quadrants[0], quadrants[3], quadrants[5], quadrants[6]]).toEqual(["Poules aux œufs d'or", "Vaches à lait", "Contactivores", "Squelettes"]);
  });

  it("the P-R case has every target: P3-R1 Sécuriser, P1-R2 Développer, P3-R3 Entretenir", () => {
    expect(column("pr-toutes-cibles", "P-R", "Code P-R").slice(0, 3)).toEqual(["P3-R1", "P1-R2", "P3-R3"]);
    expect(column("pr-toutes-cibles", "P-R", "Écart R − P").slice(0, 3)).toEqual([-2, 1, 0]);
    expect(column("pr-toutes-cibles", "P-R", "Cible").slice(0, 3)).toEqual(["Sécuriser", "Développer", "Entretenir"]);
  });

  it("RFM: R 5, F 4, M 3 → 543, sum 12, Champions", () => {
    const at = (h: string): unknown => column("rfm-543", "RFM", h)[0];
    expect([at("Note R"), at("Note F"), at("Note M"), at("Code RFM"), at("Somme R + F + M"), at("Segment")]).toEqual([5, 4, 3, "543", 12, "Champions"]);
  });

  it("capacity: 45 × 4 × 3 = 540; 492 × 4 + 198 × 2 + 230 × 1 = 2 594; 4,8 → 5 commerciaux", () => {
    const sheet = "Capital de contacts";
    expect(line("capacite-540", sheet, "Capital de contacts (par an)")).toBe(540);
    expect(column("capacite-540", sheet, "Besoin (visites)")).toEqual([1968, 396, 230]);
    expect(line("capacite-540", sheet, "Besoin total (visites par an)")).toBe(2594);
    expect(line("capacite-540", sheet, "Besoin ÷ capital")).toBeCloseTo(4.8, 1);
    expect(line("capacite-540", sheet, "Nombre de commerciaux")).toBe(5);
  });

  it("elasticity: 6 → 9 contacts, 20 000 → 26 000 € → 0,6, Peu élastique (and the three other readings)", () => {
    expect(column("elasticite", "Élasticité", "Coefficient e")[0]).toBeCloseTo(0.6, 12);
    expect(column("elasticite", "Élasticité", "Lecture")).toEqual(["Peu élastique", "Élastique", "Inélastique", "Réaction inverse"]);
  });

  /** The count of right answers and the score sentence of the student's recalculated book. */
  function score(p: Prepared, wb: ExcelJS.Workbook): [unknown, unknown] {
    const ws = wb.getWorksheet(p.books.score.sheet) as ExcelJS.Worksheet;
    return [valueOf(ws, ...p.books.score.count), valueOf(ws, ...p.books.score.text)];
  }

  it.each(ids)("%s: the right answers, typed in every accepted way, score n / n", (id) => {
    const p = prepared.get(id) as Prepared;
    const n = p.books.answerKey.length;
    expect(score(p, p.right as ExcelJS.Workbook)).toEqual([n, `${n} / ${n} réponses justes`]);
  });

  it.each(ids)("%s: one wrong answer turns exactly its check red (0) and scores n − 1", (id) => {
    const p = prepared.get(id) as Prepared;
    const n = p.books.answerKey.length;
    expect(score(p, p.oneWrong as ExcelJS.Workbook)).toEqual([n - 1, `${n - 1} / ${n} réponses justes`]);
    const checks = p.books.answerKey.map((e) => [e, valueOf((p.oneWrong as ExcelJS.Workbook).getWorksheet(e.sheet) as ExcelJS.Worksheet, e.checkRow, e.checkCol)] as const);
    expect(checks.filter(([, v]) => v === 0).map(([e]) => e)).toEqual([p.wrongEntry]);
    expect(checks.filter(([, v]) => v === 1)).toHaveLength(n - 1);
  });

  it("the teacher collects the saved books: pac exercice --releve reads each score as the spreadsheet saved it", () => {
    let out = "";
    let err = "";
    runScores(recalculatedDir, "fr", { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
    const lines = out.trim().split("\r\n");
    expect(lines[0]).toBe("fichier;justes;questions;score;détail");
    for (const id of ids) {
      const n = (prepared.get(id) as Prepared).books.answerKey.length;
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${id}-right\\.xlsx;${n};${n};${n} / ${n} réponses justes;`)));
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${id}-wrong\\.xlsx;${n - 1};${n};${n - 1} / ${n} réponses justes;`)));
    }
    // The corrigés are not students' books: named on stderr, left out.
    expect(err.match(/n'est pas un exercice de PAC Commercial/g)).toHaveLength(ids.length + GENERATED.length);
  });
});
