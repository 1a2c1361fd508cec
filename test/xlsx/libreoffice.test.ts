/**
 * The written workbook recalculated by a real spreadsheet: LibreOffice (headless, fresh profile set to
 * recalculate on load) opens the file after we change the capital's parameters, and the family totals, the
 * need and the number of reps must follow, as the engine computes them, while the monthly plan (the sum of the
 * per-client calendar, values) stays and its check names the old capital. A second test prints
 * the PAC sheet to PDF: A4 landscape, one page wide, charts drawn. Skipped with a message when `soffice` (or
 * poppler's `pdfinfo`) is absent; CI installs them (Debian: libreoffice-calc, poppler-utils).
 */
import { linesOf } from "../../src/plan/rows";
import ExcelJS from "exceljs";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AbcClass } from "../../src/engine";
import { FIXTURE_CLIENTS, generatedClients } from "../../src/plan/__fixtures__/portfolio";
import { cellAddress, isFormulaCell } from "../../src/plan/cells";
import { buildContactsSheet } from "../../src/plan/contactsSheet";
import { scorePortfolio, type ScoreOptions } from "../../src/plan/score";
import { renameSheetsInPlan, resolveSheetNames } from "../../src/plan/sheetNames";
import type { PlanValue, SheetPlan } from "../../src/plan/types";
import { buildWorkbookPlan } from "../../src/plan/workbook";
import { writeXlsx } from "../../src/xlsx/write";
import { convert, freshProfile, hasCommand, pdfPages, renderPages, tempDir } from "./soffice";


/**
 * The decimals two float sums of the same amounts agree to: 9 for small numbers, fewer for large ones (12
 * significant digits), since LibreOffice may add a column in another order than the engine (9 676 783,29 against
 * 9 676 783,290000001; over 1 100 amounts, 303 111,5999999866 against 303 111,600000002).
 */
const sumDigits = (x: number): number => Math.min(9, 12 - Math.ceil(Math.log10(Math.abs(x) + 1)));

const HAVE_SOFFICE = hasCommand("soffice");
const HAVE_POPPLER = hasCommand("pdfinfo", ["-v"]) && hasCommand("pdftoppm", ["-v"]);
if (!HAVE_SOFFICE) console.warn("test/xlsx/libreoffice.test.ts skipped: `soffice` not found (apt-get install libreoffice-calc)");
else if (!HAVE_POPPLER) console.warn("test/xlsx/libreoffice.test.ts PDF test skipped: poppler-utils not found (apt-get install poppler-utils)");
const describeSoffice = HAVE_SOFFICE ? describe : describe.skip;
const itPdf = HAVE_POPPLER ? it : it.skip;

const CLASSES: readonly AbcClass[] = ["A", "B", "C"];
const portfolio = scorePortfolio(FIXTURE_CLIENTS, {});
const plan = buildWorkbookPlan(portfolio);
const layout = buildContactsSheet(portfolio, "fr").layout;
/** Enough clients for the writer's large-table path (inline strings) and for a shared formula split in two (over 1 024 rows). */
const bigPlan = buildWorkbookPlan(scorePortfolio(generatedClients(1100), { capital: { weeks: 20, daysPerWeek: 4, contactsPerDay: 3 } }));

/** A cell's value as a reader sees it: the formula's result, or the constant. */
function valueOf(ws: ExcelJS.Worksheet, row: number, col: number): unknown {
  const cell = ws.getCell(row + 1, col + 1);
  // `cell.result`, not `cell.value.result`: exceljs's value copy drops falsy results (0, "", false).
  if (cell.type === ExcelJS.ValueType.Formula) return cell.result ?? "";
  return cell.value ?? "";
}

function formulas(sheet: SheetPlan): { row: number; col: number; formula: string; result: PlanValue }[] {
  const out: { row: number; col: number; formula: string; result: PlanValue }[] = [];
  for (const b of sheet.blocks) {
    linesOf(b.values).forEach((line, i) =>
      line.forEach((v, j) => {
        if (isFormulaCell(v)) out.push({ row: b.row + i, col: b.col + j, formula: v.formula, result: v.result ?? null });
      }),
    );
  }
  return out;
}

/** What the sheet must show after an edit: the engine's plan for the same settings. */
function expected(options: ScoreOptions) {
  return { p: scorePortfolio(FIXTURE_CLIENTS, options) };
}

async function edit(source: Buffer, target: string, changes: Readonly<Record<string, number>>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(source as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("Contacts") as ExcelJS.Worksheet;
  for (const [address, value] of Object.entries(changes)) ws.getCell(address).value = value;
  await wb.xlsx.writeFile(target);
}

describeSoffice("the written workbook in LibreOffice", () => {
  const dir = tempDir("lo");
  const profile = freshProfile();
  let bytes: Buffer;
  let recalculated: Map<string, ExcelJS.Workbook>;
  const at = (cell: readonly [number, number]): string => cellAddress(cell[0], cell[1], false);

  const variants = {
    unchanged: {},
    // 5 weeks: a capital of 60, the entretien needs (72) exceed their budget (36) and are scaled.
    weeks5: { [at(layout.weeks)]: 5 },
    // 50 weeks, norm A doubled, other shares: 600 contacts, need 48 more.
    settings: { [at(layout.weeks)]: 50, [at(layout.classes.A.norm)]: 24, [at(layout.families.entretien.share)]: 0.5, [at(layout.families.stimulation.share)]: 0.35 },
  } as const;

  beforeAll(async () => {
    bytes = await writeXlsx(plan);
    const files: string[] = [];
    for (const [name, changes] of Object.entries(variants)) {
      const file = join(dir, `${name}.xlsx`);
      await edit(bytes, file, changes);
      files.push(file);
    }
    const big = join(dir, "big.xlsx");
    writeFileSync(big, await writeXlsx(bigPlan));
    files.push(big);
    const grafted = join(dir, "grafted.xlsx");
    writeFileSync(grafted, await writeXlsx(plan, { base: await writeXlsx(bigPlan) }));
    files.push(grafted);
    const outputs = await convert(profile, files, "xlsx", join(dir, "recalculated"));
    recalculated = new Map();
    for (const [k, name] of [...Object.keys(variants), "big", "grafted"].entries()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(outputs[k]);
      recalculated.set(name, wb);
    }
  }, 120_000);

  it.each([
    { name: "unchanged", sheets: () => plan.sheets },
    { name: "big", sheets: () => bigPlan.sheets },
    // The fixture's plan grafted into a workbook that already has the big plan: its sheets are "… (2)".
    { name: "grafted", sheets: () => [...bigPlan.sheets, ...renameSheetsInPlan(plan, resolveSheetNames(plan, ["Cibles", "Contacts", "PAC"])).sheets] },
  ])("LibreOffice computes every formula to the result cached in the file ($name: the file reads right before recalculation)", ({ name, sheets }) => {
    const wb = recalculated.get(name) as ExcelJS.Workbook;
    for (const sheet of sheets()) {
      const ws = wb.getWorksheet(sheet.name) as ExcelJS.Worksheet;
      for (const f of formulas(sheet)) {
        const actual = valueOf(ws, f.row, f.col);
        if (typeof f.result === "number") expect([sheet.name, cellAddress(f.row, f.col, false), actual]).toEqual([sheet.name, cellAddress(f.row, f.col, false), expect.closeTo(f.result, sumDigits(f.result))]);
        else expect([sheet.name, cellAddress(f.row, f.col, false), actual]).toEqual([sheet.name, cellAddress(f.row, f.col, false), f.result]);
      }
    }
  });

  it.each([
    { name: "weeks5", options: { capital: { weeks: 5, daysPerWeek: 4, contactsPerDay: 3 } } },
    {
      name: "settings",
      options: {
        capital: { weeks: 50, daysPerWeek: 4, contactsPerDay: 3 },
        norms: { A: 24 },
        shares: { entretien: 0.5, stimulation: 0.35, conquete: 0.15 },
      },
    },
  ] as const)("after editing the Contacts parameters ($name), families, need and reps follow; the Planning stays the calendar's sum and says so", ({ name, options }) => {
    const wb = recalculated.get(name) as ExcelJS.Workbook;
    const ws = wb.getWorksheet("Contacts") as ExcelJS.Worksheet;
    const { p } = expected(options);
    const cell = (c: readonly [number, number]): unknown => valueOf(ws, c[0], c[1]);
    expect(cell(layout.capital)).toBe(p.capital.value);
    expect([cell(layout.families.entretien.total), cell(layout.families.stimulation.total), cell(layout.families.conquete.total)]).toEqual([
      p.families.entretien,
      p.families.stimulation,
      p.families.conquete,
    ]);
    expect(cell(layout.classTotal.need)).toBe(p.need);
    expect(cell(layout.reps)).toBe(p.reps);
    expect(CLASSES.map((c) => cell(layout.classes[c].need))).toEqual(CLASSES.map((c) => p.classes[c].clients * p.norms[c]));
    // The Planning is the sum of the per-client calendar (values for the old capital, SPEC §8 and §14): it
    // does not move, and its check says which capital it makes.
    const calendarLines = [...CLASSES.map((c) => portfolio.planning.byClass[c]), portfolio.planning.prospects, portfolio.planning.reserve, portfolio.planning.conquestPool];
    layout.planningRows.forEach((row, k) => {
      const months = Array.from({ length: 12 }, (_, m) => valueOf(ws, row, layout.monthCol + m));
      expect(months).toEqual(calendarLines[k]);
      expect(valueOf(ws, row, layout.yearCol)).toBe(calendarLines[k].reduce((a, b) => a + b, 0));
    });
    expect(valueOf(ws, layout.planningTotalRow, layout.yearCol)).toBe(portfolio.capital.value);
    expect(valueOf(ws, layout.check[0] - 1, layout.check[1])).toBe("Le planning (somme du calendrier par client) correspond à l'ancien capital de 540 contacts.");
    expect(p.capital.value).not.toBe(portfolio.capital.value);
    // The per-client plan is the engine's values for the old capital: the check says so.
    expect(cell(layout.check)).toBe("Les contacts par client correspondent à l'ancien capital de 540 contacts ; les totaux par famille et par classe ci-dessus sont à jour.");

    // The PAC sheet follows the Contacts sheet.
    const pacWs = wb.getWorksheet("PAC") as ExcelJS.Worksheet;
    const pacPlan = plan.sheets[2];
    let followed = 0;
    for (const f of formulas(pacPlan)) {
      const m = /^'Contacts'!\$([A-Z]+)\$(\d+)$/.exec(f.formula);
      if (!m) continue;
      expect(valueOf(pacWs, f.row, f.col)).toEqual(ws.getCell(`${m[1]}${m[2]}`).value === null ? "" : valueOf(ws, Number(m[2]) - 1, ws.getColumn(m[1]).number - 1));
      followed++;
    }
    expect(followed).toBeGreaterThan(60);
    const subtitle = valueOf(pacWs, 1, 0);
    expect(subtitle).toBe(`Portefeuille de 10 clients et 2 prospects · capital de ${p.capital.value} contacts par an`);
  });

  itPdf(
    "the PAC sheet prints on A4 landscape, one page wide, with its charts",
    async () => {
      const file = join(dir, "pac.xlsx");
      writeFileSync(file, bytes);
      const [pdf] = await convert(profile, [file], "pdf", join(dir, "pdf"));
      const { sizes, texts } = await pdfPages(pdf);
      const pacPages = texts.flatMap((text, k) => (text.includes("Plan d'Actions Commerciales (PAC)") ? [k] : []));
      // Five pages: the four manual page breaks (the objectives, the diagnosis on two, the orientations and
      // actions, the contacts and planning), nothing split across the width.
      expect(pacPages.length).toBe(5);
      for (const k of pacPages) expect(sizes[k]).toMatch(/^841\.89 x 595\.(2|3)\d* pts \(A4\)$/);
      const pageOf = (needle: string): number => pacPages.find((k) => texts[k].includes(needle)) ?? -1;
      // Column A and the last columns of the widest tables are on the same page.
      expect(texts[pageOf("4. Actions")]).toContain("Indicateur de suivi");
      expect(texts[pageOf("6. Planning")]).toContain("Déc.");
      expect(pageOf("1. Objectifs")).toBe(pacPages[0]);
      expect(pageOf("Croissance interne ou externe")).toBe(pacPages[0]);
      expect(pageOf("7. Conditions de succès")).toBe(pacPages[4]);
      // LibreOffice drew the Pareto, with its 80 % line, from our DrawingML part; the P-R matrix is the count grid.
      expect(pageOf("Pareto : CA par client et part cumulée")).toBe(pacPages[1]);
      expect(texts[pacPages[1]]).toContain("Seuil de 80 %");
      expect(pageOf("Matrice P-R (clients par case)")).toBe(pacPages[2]);
      expect(texts[pacPages[2]]).toMatch(/P ?\\ ?R\s+R1\s+R2\s+R3\s+R4/);
      // Keep the rendered pages for a human look (test/artifacts is git-ignored).
      const artifacts = join(__dirname, "..", "artifacts", "xlsx");
      mkdirSync(artifacts, { recursive: true });
      await renderPages(pdf, pacPages[0] + 1, pacPages[4] + 1, join(artifacts, "pac"));
      const first = join(artifacts, `pac-${String(pacPages[0] + 1).padStart(String(sizes.length).length, "0")}.png`);
      expect(existsSync(first) && statSync(first).size > 10_000).toBe(true);
    },
    120_000,
  );
});
