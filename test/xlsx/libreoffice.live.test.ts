/**
 * The written workbook lives without the add-in (SPEC §14, issue 15): LibreOffice (headless, fresh profile set
 * to recalculate on load) opens the file after a manager's edit — a client's CA corrected, a class threshold
 * changed, the capital and the norms changed — and the Cibles classes, the PAC diagnosis, the needs per class
 * and the control cells must equal what the engine computes on the same edited data. Then a property: on
 * generated small portfolios (ties, negatives, zeros, one client, all equal), every formula LibreOffice
 * recomputes equals the engine's value cached in the file. Skipped with a message when `soffice` is absent.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AbcClass } from "../../src/engine";
import type { ImportedClient } from "../../src/io/clientTable";
import { FIXTURE_CLIENTS } from "../../src/plan/__fixtures__/portfolio";
import { cellAddress, isFormulaCell } from "../../src/plan/cells";
import { buildContactsSheet } from "../../src/plan/contactsSheet";
import { scorePortfolio, type ScoreOptions } from "../../src/plan/score";
import { TARGET_COLUMNS } from "../../src/plan/targetsSheet";
import type { PlanValue, SheetPlan, WorkbookPlan } from "../../src/plan/types";
import { buildWorkbookPlan } from "../../src/plan/workbook";
import { writeXlsx } from "../../src/xlsx/write";
import { convert, freshProfile, hasCommand, tempDir } from "./soffice";

const HAVE_SOFFICE = hasCommand("soffice");
if (!HAVE_SOFFICE) console.warn("test/xlsx/libreoffice.live.test.ts skipped: `soffice` not found (apt-get install libreoffice-calc)");
const describeSoffice = HAVE_SOFFICE ? describe : describe.skip;

const CLASSES: readonly AbcClass[] = ["A", "B", "C"];
const column = (header: string): number => TARGET_COLUMNS.findIndex((c) => c.header === header);
const CA_COL = column("col.ca");
/** The threshold A cell, right of the Cibles table (one blank column, the labels, the values). */
const THRESHOLD_A: readonly [number, number] = [1, TARGET_COLUMNS.length + 2];

function valueOf(ws: ExcelJS.Worksheet, row: number, col: number): unknown {
  const cell = ws.getCell(row + 1, col + 1);
  if (cell.type === ExcelJS.ValueType.Formula) return cell.result ?? "";
  return cell.value ?? "";
}

interface Formula {
  readonly row: number;
  readonly col: number;
  readonly formula: string;
  readonly result: PlanValue;
}

function formulas(sheet: SheetPlan): Formula[] {
  const out: Formula[] = [];
  for (const b of sheet.blocks) {
    b.values.forEach((line, i) =>
      line.forEach((v, j) => {
        if (isFormulaCell(v)) out.push({ row: b.row + i, col: b.col + j, formula: v.formula, result: v.result ?? null });
      }),
    );
  }
  return out;
}

/** `[sheet, address, value]` of each formula as LibreOffice computed it, and as `plan` caches it. */
function compare(wb: ExcelJS.Workbook, plan: WorkbookPlan, keep: (sheet: SheetPlan, f: Formula) => boolean): { actual: unknown[]; expected: unknown[] } {
  const actual: unknown[] = [];
  const expected: unknown[] = [];
  for (const sheet of plan.sheets) {
    const ws = wb.getWorksheet(sheet.name) as ExcelJS.Worksheet;
    for (const f of formulas(sheet)) {
      if (!keep(sheet, f)) continue;
      const where = [sheet.name, cellAddress(f.row, f.col, false)];
      actual.push([...where, valueOf(ws, f.row, f.col)]);
      expected.push([...where, typeof f.result === "number" ? expect.closeTo(f.result, 9) : f.result]);
    }
  }
  return { actual, expected };
}

async function edit(source: Buffer, target: string, changes: Readonly<Record<string, Readonly<Record<string, number>>>>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(source as unknown as ExcelJS.Buffer);
  for (const [sheet, cells] of Object.entries(changes)) {
    const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
    for (const [address, value] of Object.entries(cells)) ws.getCell(address).value = value;
  }
  await wb.xlsx.writeFile(target);
}

const at = (cell: readonly [number, number]): string => cellAddress(cell[0], cell[1], false);
const C08 = FIXTURE_CLIENTS.findIndex((c) => c.id === "C08");
const withCa = (clients: readonly ImportedClient[], k: number, ca: number): ImportedClient[] => clients.map((c, i) => (i === k ? { ...c, ca } : c));

describeSoffice("the workbook after a manager's edit, recalculated by LibreOffice", () => {
  const dir = tempDir("lo-live");
  const profile = freshProfile();
  const portfolio = scorePortfolio(FIXTURE_CLIENTS, {});
  const plan = buildWorkbookPlan(portfolio);
  const layout = buildContactsSheet(portfolio, "fr").layout;
  const recalculated = new Map<string, ExcelJS.Workbook>();

  // Each edit, and the engine's run on the same edited data.
  const edits = {
    // C08 (2 600 €, class C) corrected to 60 000 €: the largest client, class A, R1.
    ca: {
      changes: { Cibles: { [cellAddress(C08 + 1, CA_COL, false)]: 60_000 } },
      clients: withCa(FIXTURE_CLIENTS, C08, 60_000),
      options: {} as ScoreOptions,
    },
    // Threshold A from 80 % to 60 %.
    threshold: {
      changes: { Cibles: { [at(THRESHOLD_A)]: 0.6 } },
      clients: FIXTURE_CLIENTS,
      options: { abc: { thresholds: [0.6, 0.95] } } as ScoreOptions,
    },
    // 30 weeks and norm A 20 (the capital and the norms), with C08's CA corrected too.
    settings: {
      changes: { Cibles: { [cellAddress(C08 + 1, CA_COL, false)]: 60_000 }, Contacts: { [at(layout.weeks)]: 30, [at(layout.classes.A.norm)]: 20 } },
      clients: withCa(FIXTURE_CLIENTS, C08, 60_000),
      options: { capital: { weeks: 30, daysPerWeek: 4, contactsPerDay: 3 }, norms: { A: 20 } } as ScoreOptions,
    },
  } as const;

  beforeAll(async () => {
    const bytes = await writeXlsx(plan);
    const files: string[] = [];
    for (const [name, e] of Object.entries(edits)) {
      const file = join(dir, `${name}.xlsx`);
      await edit(bytes, file, e.changes);
      files.push(file);
    }
    const outputs = await convert(profile, files, "xlsx", join(dir, "recalculated"));
    for (const [k, name] of Object.keys(edits).entries()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(outputs[k]);
      recalculated.set(name, wb);
    }
  }, 120_000);

  it("the edits move what they should (the test is not vacuous)", () => {
    const after = scorePortfolio(edits.ca.clients, {});
    expect([portfolio.clients[C08].abc?.cls, after.clients[C08].abc?.cls]).toEqual(["C", "A"]);
    const lower = scorePortfolio(FIXTURE_CLIENTS, edits.threshold.options);
    expect(CLASSES.map((c) => lower.classes[c].clients)).not.toEqual(CLASSES.map((c) => portfolio.classes[c].clients));
  });

  it.each(Object.keys(edits) as (keyof typeof edits)[])(
    "%s: Cibles (rank, shares, class, R, P, P-R) and the PAC diagnosis equal the engine's on the edited data",
    (name) => {
      const e = edits[name];
      const wb = recalculated.get(name) as ExcelJS.Workbook;
      const engine = scorePortfolio(e.clients, e.options);
      const want = buildWorkbookPlan(engine, { abc: e.options.abc });
      const targets = want.sheets[0].name;
      const pac = want.sheets[2].name;
      // The contact quadrants are the engine's values (the medians do not move): a moved CA changes the engine's
      // quadrant, not the sheet's; every other diagnosis cell counts over the live Cibles columns.
      const quadrantColumn = `'Cibles'!$${String.fromCharCode(65 + column("col.quadrant"))}$`;
      const { actual, expected } = compare(
        wb,
        want,
        (sheet, f) =>
          sheet.name === targets ||
          (sheet.name === pac && !f.formula.includes(quadrantColumn) && (/'Cibles'!/.test(f.formula) || /^IF\(\$[A-Z]+\$\d+>0,/.test(f.formula))),
      );
      expect(actual.length).toBeGreaterThan(100);
      expect(actual).toEqual(expected);
    },
  );

  it.each(Object.keys(edits) as (keyof typeof edits)[])("%s: the needs per class follow, the control cells tell the truth about the per-client plan", (name) => {
    const e = edits[name];
    const ws = (recalculated.get(name) as ExcelJS.Workbook).getWorksheet("Contacts") as ExcelJS.Worksheet;
    const cell = (c: readonly [number, number]): unknown => valueOf(ws, c[0], c[1]);
    const p = scorePortfolio(e.clients, e.options);
    expect(CLASSES.map((c) => cell(layout.classes[c].clients))).toEqual(CLASSES.map((c) => p.classes[c].clients));
    expect(CLASSES.map((c) => cell(layout.classes[c].need))).toEqual(CLASSES.map((c) => p.classes[c].clients * p.norms[c]));
    expect(cell(layout.classTotal.need)).toBe(p.need);
    expect(cell(layout.capital)).toBe(p.capital.value);
    // The clients whose class the edit changed, as the engine sees it: the per-client split no longer follows them.
    const moved = portfolio.clients.filter((c, k) => c.abc && c.abc.cls !== p.clients[k].abc?.cls).length;
    expect(moved).toBeGreaterThan(0);
    expect(cell([layout.check[0] + 1, layout.check[1]])).toBe(
      `${moved} ${moved < 2 ? "client a" : "clients ont"} changé de classe depuis la répartition des contacts par client\u00a0: les besoins par classe ci-dessus sont à jour, la répartition par client ne l'est plus.`,
    );
    expect(cell(layout.check)).toBe(
      p.capital.value === portfolio.capital.value
        ? "OK"
        : "Les contacts par client correspondent à l'ancien capital de 540 contacts ; les totaux par famille et par classe ci-dessus sont à jour.",
    );
    // Never "OK" when something changed: no control cell says "relancez".
    for (let k = -4; k <= 1; k++) expect(String(cell([layout.check[0] + k, layout.check[1]]))).not.toMatch(/relance/i);
  });
});

/** A client of a generated portfolio: its CA and potential (undefined: no potential). */
const clientOf = (k: number, ca: number, potential: number | undefined): ImportedClient => ({
  id: `G${k + 1}`,
  row: k + 2,
  ca,
  ...(potential === undefined ? {} : { potential }),
  isProspect: false,
});

/** Small amounts from a few values, so ties are frequent; negatives and zeros included. */
const amount = fc.oneof(fc.constantFrom(-200, 0, 100, 300, 500, 1000), fc.integer({ min: -500, max: 5000 }));
const portfolioArb = fc
  .array(fc.tuple(amount, fc.option(amount, { nil: undefined, freq: 5 })), { minLength: 1, maxLength: 9 })
  .map((rows) => rows.map(([ca, potential], k) => clientOf(k, ca, potential)));

const EDGES: readonly ImportedClient[][] = [
  [clientOf(0, 1000, 2000)],
  [1, 2, 3, 4].map((k) => clientOf(k, 500, 500)),
  [clientOf(0, 300, 100), clientOf(1, 0, 0), clientOf(2, -50, 200), clientOf(3, 300, 100), clientOf(4, 0, 50)],
  [clientOf(0, 800, 100), clientOf(1, 100, 900), clientOf(2, 100, undefined), clientOf(3, 0, 900)],
  // A prospect row holding amounts: the formulas keep the status criterion (SUMIFS, COUNTIFS).
  [clientOf(0, 1000, 500), { id: "P1", row: 3, ca: 5000, potential: 100, isProspect: true }, clientOf(2, 300, 800), clientOf(3, 300, 800)],
];

describeSoffice("property: the class formulas equal the engine on generated portfolios", () => {
  it("every formula LibreOffice recomputes equals the engine's cached value (classes, ranks, shares, P-R, diagnosis)", async () => {
    const dir = tempDir("lo-prop");
    const portfolios = [...EDGES, ...fc.sample(portfolioArb, { numRuns: 36, seed: 15 })];
    const plans = portfolios.map((clients) => buildWorkbookPlan(scorePortfolio(clients, {})));
    // The fixture in English too: the labels the formulas write (« Develop »…) are the engine's.
    portfolios.push([...FIXTURE_CLIENTS]);
    plans.push(buildWorkbookPlan(scorePortfolio(FIXTURE_CLIENTS, { lang: "en" }), { lang: "en" }));
    const files = await Promise.all(
      plans.map(async (plan, k) => {
        const file = join(dir, `p${k}.xlsx`);
        writeFileSync(file, await writeXlsx(plan));
        return file;
      }),
    );
    const outputs = await convert(freshProfile(), files, "xlsx", join(dir, "recalculated"));
    let classCells = 0;
    for (const [k, plan] of plans.entries()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(outputs[k]);
      const { actual, expected } = compare(wb, plan, () => true);
      expect([k, JSON.stringify(portfolios[k].map((c) => [c.ca, c.potential])), actual]).toEqual([k, JSON.stringify(portfolios[k].map((c) => [c.ca, c.potential])), expected]);
      classCells += formulas(plan.sheets[0]).filter((f) => f.col === column("col.abc")).length;
    }
    expect(classCells).toBeGreaterThan(100);
    expect(formulas(plans[plans.length - 1].sheets[0]).filter((f) => f.col === column("col.pr_target")).length).toBe(9);
  }, 120_000);
});
