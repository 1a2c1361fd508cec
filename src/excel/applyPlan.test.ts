import type { PrintPlan, SheetPlan, WorkbookPlan } from "../plan/types";
import { applyWorkbookPlan, GENERATED_MARK } from "./applyPlan";
import { WorkbookError } from "./errors";
import { FakeExcel, type SheetModel } from "../../test/support/fakeExcel";
import { DEFAULT_MAX_REQUEST_CHARS } from "./payload";
import { syntheticPlan } from "./syntheticPlan";

const supports = (): boolean => true;
/** Excel on the web refuses a request over 5 MB. */
const EXCEL_LIMIT = 5 * 1024 * 1024;

function env(fake: FakeExcel) {
  return { run: fake.run, supports };
}

function value(sheet: SheetModel | undefined, row: number, col: number): unknown {
  return sheet?.cell(row, col)?.value;
}

function formula(sheet: SheetModel | undefined, row: number, col: number): string | undefined {
  return sheet?.cell(row, col)?.formula;
}

const WRITES = /^(range\.(values|formulas|numberFormat)|format\.|conditionalFormats|dataValidation|worksheet\.(name|position|delete|visibility|tabColor|names|tables|customProperties|horizontalPageBreaks|protection)|charts|freezePanes|pageLayout|notes|note\.|table\.)/;

/** Commands that changed a sheet (reads excluded). */
function writesTo(fake: FakeExcel, sheet: SheetModel) {
  return fake.log.filter((op) => op.sheet === sheet && WRITES.test(op.kind));
}

function userWorkbook(): { fake: FakeExcel; clients: SheetModel } {
  const fake = new FakeExcel();
  const clients = fake.addSheet("Clients", [
    ["Code", "Nom", "CA"],
    ["C1", "Dupont", 1200],
    ["C2", "Martin", 800],
  ]);
  return { fake, clients };
}

describe("applyWorkbookPlan at 10 and 100 000 clients", () => {
  it("applyWorkbookPlan(10 clients) writes both sheets in 2 syncs: one read, one write", async () => {
    const { fake, clients } = userWorkbook();
    const result = await applyWorkbookPlan(syntheticPlan(10), env(fake));

    expect(result.sheetNames).toEqual(["Cibles", "PAC"]);
    expect(result.syncs).toBe(2);
    expect(fake.syncs).toBe(2);
    expect(result.requestChars).toHaveLength(1);
    expect(result.maxChunkChars).toBeLessThan(4_000_000);
    // Values are in place, formulas written as formulas with their "=".
    const cibles = fake.sheet("Cibles");
    const pac = fake.sheet("PAC");
    expect(value(cibles, 0, 0)).toBe("Code");
    expect(value(cibles, 1, 0)).toBe("C000001");
    expect(formula(cibles, 1, 4)).toBe('=IFERROR(C2/D2-1,"")');
    expect(formula(pac, 6, 6)).toBe("=F7/Semaines");
    expect(formula(pac, 6, 7)).toBe("=Cibles!C2");
    expect(value(pac, 0, 1)).toBe(45);
    // Both carry the mark that lets a later run replace them; the user's sheet is untouched.
    expect(cibles?.customProperties.get(GENERATED_MARK.key)).toBe(GENERATED_MARK.value);
    expect(writesTo(fake, clients)).toEqual([]);
    expect(fake.activeSheet?.name).toBe("Cibles");
  });

  it("applyWorkbookPlan(100 000 clients) stays within 8 syncs, 4 MB chunks and the 5 MB request limit", async () => {
    const { fake, clients } = userWorkbook();
    fake.storeCells = false;
    const progress: [number, number][] = [];
    const result = await applyWorkbookPlan(syntheticPlan(100_000), { ...env(fake), onProgress: (d, t) => progress.push([d, t]) });

    const chunks = fake.log.filter((op) => op.chunkChars !== undefined).map((op) => op.chunkChars ?? 0);

    // Measured with this plan (2 sheets, 13 + 9 columns, ~22 MB of values and formulas): 7 syncs (1 read,
    // 6 writes of ~4 MB), 28 arrays of at most ~1 MB; number formats are filled down, not sent per cell.
    expect(result.syncs).toBe(fake.syncs);
    expect(fake.syncs).toBeLessThanOrEqual(8);
    expect(Math.max(...chunks)).toBeLessThan(4_000_000);
    expect(result.maxChunkChars).toBe(Math.max(...chunks));
    for (const chars of fake.requests.map((r) => r.chars)) expect(chars).toBeLessThan(EXCEL_LIMIT);
    for (const chars of result.requestChars) expect(chars).toBeLessThanOrEqual(DEFAULT_MAX_REQUEST_CHARS);
    // Calculation suspended in every write request but the last, which marks formulas dirty and recalculates.
    const writeRequests = fake.requests.slice(1);
    for (const r of writeRequests.slice(0, -1)) expect(r.ops[0].kind).toBe("application.suspendApiCalculationUntilNextSync");
    const lastKinds = writeRequests[writeRequests.length - 1].ops.map((op) => op.kind);
    expect(lastKinds).toContain("application.calculate(Recalculate)");
    expect(lastKinds.filter((k) => k === "range.setDirty")).toHaveLength(2);
    expect(progress[progress.length - 1]).toEqual([fake.syncs, fake.syncs]);
    expect(writesTo(fake, clients)).toEqual([]);
  });

  it("applyWorkbookPlan(plan) sends every sheet's values before any format", async () => {
    const { fake } = userWorkbook();
    fake.storeCells = false;
    await applyWorkbookPlan(syntheticPlan(30_000), env(fake));
    const kinds = fake.log.map((op) => op.kind);
    const lastValue = Math.max(kinds.lastIndexOf("range.values"), kinds.lastIndexOf("range.formulas"));
    const firstFormat = kinds.findIndex((k) => k === "range.numberFormat" || k.startsWith("format."));
    expect(lastValue).toBeGreaterThan(0);
    expect(firstFormat).toBeGreaterThan(lastValue);
    expect(fake.syncs).toBeGreaterThan(2);
  });
});

describe("applyWorkbookPlan: existing sheets", () => {
  const small: WorkbookPlan = {
    sheets: [
      { name: "PAC", blocks: [{ row: 0, col: 0, values: [["Nouveau"], [{ formula: "Synthèse!A1" }]] }], formats: [] },
      { name: "Synthèse", blocks: [{ row: 0, col: 0, values: [[{ formula: "PAC!A1" }], [{ formula: "'PAC'!A1&\"PAC!A1\"" }]] }], formats: [] },
    ],
  };

  it.each([
    { name: "the user's PAC, no replace", replace: false, marked: false },
    { name: "the user's PAC, replace asked", replace: true, marked: false },
    { name: "an earlier PAC of ours, no replace", replace: false, marked: true },
  ])("applyWorkbookPlan(plan) beside $name writes PAC (2) and never touches it", async ({ replace, marked }) => {
    const fake = new FakeExcel();
    const old = fake.addSheet("PAC", [["Mes notes"]]);
    if (marked) old.customProperties.set(GENERATED_MARK.key, GENERATED_MARK.value);
    const result = await applyWorkbookPlan(small, { ...env(fake), replace });

    expect(result.sheetNames).toEqual(["PAC (2)", "Synthèse"]);
    expect(value(old, 0, 0)).toBe("Mes notes");
    expect(writesTo(fake, old)).toEqual([]);
    // References between the plan's sheets follow the name actually written; text in quotes does not.
    expect(formula(fake.sheet("Synthèse"), 0, 0)).toBe("='PAC (2)'!A1");
    expect(formula(fake.sheet("Synthèse"), 1, 0)).toBe("='PAC (2)'!A1&\"PAC!A1\"");
  });

  it("applyWorkbookPlan(plan, { replace: true }) replaces an earlier PAC of ours in place, once all is written", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Clients", [["x"]]);
    const old = fake.addSheet("PAC", [["Ancien"]]);
    old.customProperties.set(GENERATED_MARK.key, GENERATED_MARK.value);
    fake.addSheet("Notes", [["y"]]);
    const result = await applyWorkbookPlan(small, { ...env(fake), replace: true });

    expect(result.sheetNames).toEqual(["PAC", "Synthèse"]);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Clients", "PAC", "Notes", "Synthèse"]);
    expect(fake.sheets).not.toContain(old);
    expect(value(fake.sheet("PAC"), 0, 0)).toBe("Nouveau");
    expect(formula(fake.sheet("Synthèse"), 0, 0)).toBe("='PAC'!A1");
    // The old sheet is deleted in the last request, after every write.
    const deletion = fake.log.findIndex((op) => op.kind === "worksheet.delete");
    const lastWrite = fake.log.map((op) => op.kind).lastIndexOf("range.formulas");
    expect(deletion).toBeGreaterThan(lastWrite);
  });

  it("applyWorkbookPlan(plan) names a table Cibles_2 when Cibles is taken, and rewrites its structured references", async () => {
    const fake = new FakeExcel();
    const user = fake.addSheet("Données", [["a"], [1]]);
    fake.addSheet("Cibles", [["b"]]);
    fake.tables.push({ name: "Cibles", sheet: user, address: "A1:A2" });
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "Cibles",
          blocks: [{ row: 0, col: 0, values: [["CA"], [10], [{ formula: "SUM(Cibles[CA])" }]] }],
          formats: [],
          tables: [{ name: "Cibles", range: { row: 0, col: 0, rows: 2, cols: 1 } }],
        },
      ],
    };
    const result = await applyWorkbookPlan(plan, env(fake));
    expect(result.tableNames).toEqual({ Cibles: "Cibles_2" });
    expect(fake.tables.map((t) => t.name)).toEqual(["Cibles", "Cibles_2"]);
    expect(formula(fake.sheet("Cibles (2)"), 2, 0)).toBe("=SUM(Cibles_2[CA])");
  });

  it("applyWorkbookPlan(plan) removes the sheets it added when a request fails, and reports WRITE_FAILED", async () => {
    const fake = new FakeExcel();
    const old = fake.addSheet("PAC", [["Ancien"]]);
    old.customProperties.set(GENERATED_MARK.key, GENERATED_MARK.value);
    fake.storeCells = false;
    fake.failOn = (kind, request) => kind.startsWith("range.") && request === 4;
    const plan = syntheticPlan(2000);
    const error: unknown = await applyWorkbookPlan(plan, { ...env(fake), replace: true, maxRequestChars: 50_000 }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).code).toBe("WRITE_FAILED");
    expect((error as WorkbookError).message).toMatch(/injected failure/);
    expect(fake.sheets.map((s) => s.name)).toEqual(["PAC"]);
    expect(fake.sheets[0]).toBe(old);
  });
});

describe("applyWorkbookPlan: text safety", () => {
  const tricky = ["=1+1", "+33 6 12 34 56 78", "-5 %", "@home", "'déjà cité", "00123", "TRUE", "#N/A", "mars 2024", "Client A", ""];

  it("applyWorkbookPlan(plan) writes strings starting with =, +, -, @ (and other look-alikes) as the same text", async () => {
    const fake = new FakeExcel();
    const plan: WorkbookPlan = {
      sheets: [
        { name: "Textes", blocks: [{ row: 0, col: 0, values: tricky.map((t) => [t, { formula: "LEN(A1)" }]) }], formats: [] },
        { name: "Sans formule", blocks: [{ row: 0, col: 0, values: tricky.map((t) => [t]) }], formats: [] },
      ],
    };
    await applyWorkbookPlan(plan, env(fake));
    for (const name of ["Textes", "Sans formule"]) {
      const sheet = fake.sheet(name);
      tricky.forEach((text, r) => {
        const cell = sheet?.cell(r, 0);
        if (text === "") expect(cell).toBeUndefined();
        else expect({ text, value: cell?.value, formula: cell?.formula, coerced: cell?.coerced }).toEqual({ text, value: text, formula: undefined, coerced: undefined });
      });
    }
  });
});

describe("applyWorkbookPlan: sheet features", () => {
  it("applyWorkbookPlan(plan) adds the table, conditional colours, freeze panes, print layout, names, unlocked cells and charts", async () => {
    const fake = new FakeExcel();
    await applyWorkbookPlan(syntheticPlan(10), env(fake));
    const cibles = fake.sheet("Cibles") as SheetModel;
    const pac = fake.sheet("PAC") as SheetModel;

    expect(fake.tables).toEqual([{ name: "Cibles", sheet: cibles, address: "A1:M11", style: "TableStyleLight9" }]);
    expect(cibles.featuresAt("conditionalFormats.add()")).toHaveLength(3);
    expect(cibles.featuresAt("conditionalFormats.add().cellValue.rule").map((f) => f.value)).toEqual([
      { formula1: '="A"', operator: "EqualTo" },
      { formula1: '="B"', operator: "EqualTo" },
      { formula1: '="C"', operator: "EqualTo" },
    ]);
    expect(cibles.featuresAt("freezePanes.freezeAt()")[0].args).toEqual(["A1:B1"]);
    expect(pac.featuresAt("freezePanes.freezeRows()")[0].args).toEqual([6]);
    expect(cibles.featuresAt("pageLayout.orientation")[0].value).toBe("Landscape");
    expect(cibles.featuresAt("pageLayout.zoom")[0].value).toEqual({ horizontalFitToPages: 1 });
    expect(cibles.featuresAt("pageLayout.setPrintArea()")[0].args).toEqual(["A1:M11"]);
    expect(cibles.featuresAt("pageLayout.setPrintTitleRows()")[0].args).toEqual(["$1:$1"]);
    expect([...pac.names.entries()]).toEqual([
      ["Semaines", "B1"],
      ["Jours", "B2"],
      ["ContactsJour", "B3"],
    ]);
    expect(pac.featuresAt("format.protection.locked").map((f) => [f.address, f.value])).toEqual([
      ["B1:B3", false],
      ["I7:I16", false],
    ]);
    // Pareto: clustered columns plus a line on a secondary axis; P-R matrix: an XY scatter.
    expect(cibles.featuresAt("charts.add()").map((f) => f.args)).toEqual([
      ["ColumnClustered", "C2:C11", "Columns"],
      ["XYScatter", "M2:M11", "Columns"],
    ]);
    expect(cibles.featuresAt("charts.add().series.add().chartType")[0].value).toBe("Line");
    expect(cibles.featuresAt("charts.add().series.add().axisGroup")[0].value).toBe("Secondary");
    expect(cibles.featuresAt("charts.add().axes.getItem().maximum")[0].value).toBe(1);
    expect(cibles.featuresAt("charts.add().series.getItemAt().setXAxisValues()").map((f) => f.args)).toEqual([["B2:B11"], ["L2:L11"]]);
    expect(cibles.featuresAt("format.columnWidth")[0]).toEqual({ path: "format.columnWidth", value: 56.25, address: "A1" });
    expect(cibles.cell(1, 2)?.numberFormat).toBe('#,##0 "€"');
    expect(cibles.tabColor).toBe("#1F4E79");
  });
});

/** The plan without row heights, page breaks and axis titles (the writer's output before it applied them). */
function withoutPrintLayout(plan: WorkbookPlan): WorkbookPlan {
  return {
    sheets: plan.sheets.map(({ rowHeights: _heights, ...sheet }) => ({
      ...sheet,
      ...(sheet.print ? { print: { ...sheet.print, rowBreaks: undefined } } : {}),
      ...(sheet.charts ? { charts: sheet.charts.map(({ axisTitles: _titles, ...chart }) => chart) } : {}),
    })),
  };
}

describe("applyWorkbookPlan: row heights, page breaks and axis titles", () => {
  it("applyWorkbookPlan(plan) sets row heights in points, one command per run of consecutive rows of equal height", async () => {
    const fake = new FakeExcel();
    await applyWorkbookPlan(syntheticPlan(10), env(fake));
    const cibles = fake.sheet("Cibles") as SheetModel;
    const pac = fake.sheet("PAC") as SheetModel;

    expect(cibles.featuresAt("format.rowHeight").map((f) => [f.address, f.value])).toEqual([["A1", 30]]);
    // Rows 1–3 at 20 points in one command, row 6 at 32: the same points the .xlsx writer gives `row.height`.
    expect(pac.featuresAt("format.rowHeight").map((f) => [f.address, f.value])).toEqual([
      ["A1:A3", 20],
      ["A6", 32],
    ]);
  });

  it("applyWorkbookPlan(plan) groups unordered, repeated row heights into runs, the last height of a row winning", async () => {
    const fake = new FakeExcel();
    const plan: WorkbookPlan = {
      sheets: [
        {
          name: "S",
          blocks: [{ row: 0, col: 0, values: [["a"]] }],
          formats: [],
          rowHeights: [
            { row: 9, height: 40 },
            { row: 3, height: 20 },
            { row: 4, height: 15 },
            { row: 4, height: 20 },
            { row: 5, height: 20 },
            { row: 7, height: 20 },
            { row: 8, height: 40 },
          ],
        },
      ],
    };
    const result = await applyWorkbookPlan(plan, env(fake));
    expect(result.syncs).toBe(2);
    expect((fake.sheet("S") as SheetModel).featuresAt("format.rowHeight").map((f) => [f.address, f.value])).toEqual([
      ["A4:A6", 20],
      ["A8", 20],
      ["A9:A10", 40],
    ]);
  });

  it("applyWorkbookPlan(plan) adds a manual page break before each planned row, after the print area, never before row 1", async () => {
    const fake = new FakeExcel();
    const print: PrintPlan = { orientation: "portrait", paper: "A4", fitToPagesWide: 1, area: { row: 0, col: 1, rows: 60, cols: 3 }, rowBreaks: [40, 0, 20, 40] };
    await applyWorkbookPlan({ sheets: [{ name: "S", blocks: [{ row: 0, col: 1, values: [["a"]] }], formats: [], print }] }, env(fake));
    const sheet = fake.sheet("S") as SheetModel;

    // Each break once, in row order, at the print area's first column: rows 21 and 41 start a page.
    expect(sheet.rowBreaks).toEqual([20, 40]);
    expect(sheet.featuresAt("horizontalPageBreaks.add()").map((f) => f.args)).toEqual([["B21"], ["B41"]]);
    const kinds = fake.log.map((op) => op.kind);
    expect(kinds.indexOf("worksheet.horizontalPageBreaks.add")).toBeGreaterThan(kinds.indexOf("pageLayout.setPrintArea()"));

    const synthetic = new FakeExcel();
    await applyWorkbookPlan(syntheticPlan(10), env(synthetic));
    expect(synthetic.sheet("PAC")?.rowBreaks).toEqual([5]);
    expect(synthetic.sheet("Cibles")?.rowBreaks).toEqual([]);
  });

  it("applyWorkbookPlan(plan) titles the pareto's category, value and secondary (share) axes and the P-R matrix's axes", async () => {
    const fake = new FakeExcel();
    await applyWorkbookPlan(syntheticPlan(10), env(fake));
    const cibles = fake.sheet("Cibles") as SheetModel;
    const texts = (path: string): unknown[] => cibles.featuresAt(`charts.add().axes.${path}.title.text`).map((f) => f.value);

    // Pareto first, then the P-R matrix (a scatter: its x axis is the category axis of Office.js).
    expect(texts("categoryAxis")).toEqual(["Clients", "P (fréquence)"]);
    expect(texts("valueAxis")).toEqual(["CA N (€)", "R (récence)"]);
    expect(texts("getItem()")).toEqual(["Part cumulée du CA"]);
    // The secondary axis is the one the share line is on: getItem(Value, Secondary), asked for once.
    expect(cibles.featuresAt("charts.add().axes.getItem()").map((f) => f.args)).toEqual([["Value", "Secondary"]]);
  });

  it("applyWorkbookPlan(plan) without axis titles titles only the P-R matrix's axes, with its series names", async () => {
    const fake = new FakeExcel();
    await applyWorkbookPlan(withoutPrintLayout(syntheticPlan(10)), env(fake));
    const cibles = fake.sheet("Cibles") as SheetModel;
    const titled = cibles.features.filter((f) => f.path.endsWith(".title.text") && f.path !== "charts.add().title.text");

    expect(titled.map((f) => [f.path, f.value])).toEqual([
      ["charts.add().axes.categoryAxis.title.text", "Rang P"],
      ["charts.add().axes.valueAxis.title.text", "Rang R"],
    ]);
    expect(cibles.featuresAt("format.rowHeight")).toEqual([]);
    expect(fake.log.filter((op) => op.kind === "worksheet.horizontalPageBreaks.add")).toEqual([]);
  });

  it.each([
    { clients: 10, syncs: 2 },
    { clients: 100_000, syncs: 7 },
  ])("applyWorkbookPlan($clients clients) takes $syncs syncs with or without row heights, page breaks and axis titles", async ({ clients, syncs }) => {
    const counts: number[] = [];
    for (const plan of [syntheticPlan(clients), withoutPrintLayout(syntheticPlan(clients))]) {
      const fake = new FakeExcel();
      fake.storeCells = false;
      const result = await applyWorkbookPlan(plan, env(fake));
      expect(result.syncs).toBe(fake.syncs);
      counts.push(result.syncs);
    }
    expect(counts).toEqual([syncs, syncs]);
  });
});

describe("applyWorkbookPlan: number formats", () => {
  it("applyWorkbookPlan(plan) fills a long column's number format down from its first row, before any other format", async () => {
    const fake = new FakeExcel();
    await applyWorkbookPlan(syntheticPlan(3000), env(fake));
    const cibles = fake.sheet("Cibles") as SheetModel;

    expect(cibles.featuresAt("autoFill(FillFormats)").map((f) => [f.address, f.args])).toEqual([
      ["C2:D2", ["C2:D3001"]],
      ["E2", ["E2:E3001"]],
      ["K2", ["K2:K3001"]],
    ]);
    expect([cibles.cell(3000, 2), cibles.cell(3000, 3), cibles.cell(3000, 10)].map((c) => c?.numberFormat)).toEqual(['#,##0 "€"', '#,##0 "€"', "0.0%"]);
    expect(cibles.cell(3000, 2)?.value).toEqual(expect.any(Number));
    const numberFormatSizes = fake.log.filter((op) => op.kind === "range.numberFormat").map((op) => op.chunkChars ?? 0);
    expect(Math.max(...numberFormatSizes)).toBeLessThan(40);
    const kinds = fake.log.map((op) => op.kind);
    expect(kinds.lastIndexOf("range.autoFill(FillFormats)")).toBeLessThan(kinds.indexOf("worksheet.tables.add"));
    expect(kinds.lastIndexOf("range.autoFill(FillFormats)")).toBeLessThan(kinds.findIndex((k) => k.startsWith("format.")));
  });
});

describe("applyWorkbookPlan: misuse and old hosts", () => {
  const sheet = (over: Partial<SheetPlan>): WorkbookPlan => ({ sheets: [{ name: "S", blocks: [], formats: [], ...over }] });

  it.each([
    { name: "a name with a slash", plan: sheet({ name: "A/B" }), message: /invalid sheet name/ },
    { name: "two sheets with one name", plan: { sheets: [sheet({}).sheets[0], sheet({ name: "s" }).sheets[0]] }, message: /used twice/ },
    { name: "ragged rows", plan: sheet({ blocks: [{ row: 0, col: 0, values: [[1, 2], [3]] }] }), message: /different lengths/ },
    {
      name: "ragged rows made when read",
      plan: sheet({ blocks: [{ row: 0, col: 0, values: { length: 2, width: 2, row: (i: number) => (i === 0 ? [1, 2] : [3]) } }] }),
      message: /a row of 1 cells in a block 2 wide/,
    },
    { name: "a non-finite number", plan: sheet({ blocks: [{ row: 0, col: 0, values: [[Number.NaN]] }] }), message: /finite/ },
    { name: "a formula with its =", plan: sheet({ blocks: [{ row: 0, col: 0, values: [[{ formula: "=A1" }]] }] }), message: /without "="/ },
    { name: "a table name like a cell", plan: sheet({ tables: [{ name: "AB12", range: { row: 0, col: 0, rows: 2, cols: 1 } }] }), message: /not a valid Excel name/ },
    { name: "a row height above 409 points", plan: sheet({ rowHeights: [{ row: 0, height: 410 }] }), message: /0\.\.409 points/ },
    { name: "a row height on row -1", plan: sheet({ rowHeights: [{ row: -1, height: 20 }] }), message: /not a row of the grid/ },
    {
      name: "a page break below the grid",
      plan: sheet({ print: { orientation: "portrait", paper: "A4", fitToPagesWide: 1, area: { row: 0, col: 0, rows: 1, cols: 1 }, rowBreaks: [1_048_576] } }),
      message: /page break 0/,
    },
    { name: "a chart with one series", plan: sheet({ charts: [{ kind: "pareto", title: "P", anchor: { row: 0, col: 0, rows: 2, cols: 2 }, series: [{ name: "x", values: { row: 0, col: 0, rows: 2, cols: 1 } }] }] }), message: /two series/ },
  ])("applyWorkbookPlan(plan with $name) throws a TypeError before writing", async ({ plan, message }) => {
    const fake = new FakeExcel();
    await expect(applyWorkbookPlan(plan, env(fake))).rejects.toThrow(message);
    expect(fake.log.filter((op) => WRITES.test(op.kind))).toEqual([]);
  });

  it("applyWorkbookPlan(plan) on a host without ExcelApi 1.12 throws API_NOT_SUPPORTED", async () => {
    const fake = new FakeExcel();
    await expect(applyWorkbookPlan(syntheticPlan(1), { run: fake.run, supports: (v) => v !== "1.12" })).rejects.toMatchObject({
      code: "API_NOT_SUPPORTED",
      params: { version: "1.12" },
    });
    expect(fake.syncs).toBe(0);
  });

  it("applyWorkbookPlan({ sheets: [] }) does nothing", async () => {
    const fake = new FakeExcel();
    expect(await applyWorkbookPlan({ sheets: [] }, env(fake))).toMatchObject({ sheetNames: [], syncs: 0 });
  });
});

describe("applyWorkbookPlan: column groups and the Pareto's 80 % line", () => {
  const sheet: SheetPlan = {
    name: "S",
    blocks: [{ row: 0, col: 0, values: [["a", 10, 0.5, 0.8, null, "helper"], ["b", 10, 1, 0.8, null, 1]] }],
    formats: [],
    columnGroups: [
      { col: 5, cols: 2, hidden: true },
      { col: 8, cols: 1, hidden: false },
    ],
    charts: [
      {
        kind: "pareto",
        title: "P",
        anchor: { row: 3, col: 0, rows: 10, cols: 5 },
        categories: { row: 0, col: 0, rows: 2, cols: 1 },
        series: [
          { name: "CA", values: { row: 0, col: 1, rows: 2, cols: 1 } },
          { name: "Part", values: { row: 0, col: 2, rows: 2, cols: 1 } },
          { name: "Seuil de 80 %", values: { row: 0, col: 3, rows: 2, cols: 1 } },
        ],
      },
    ],
  };

  it("applyWorkbookPlan(plan) groups the columns of each group and collapses the hidden ones", async () => {
    const fake = new FakeExcel();
    await applyWorkbookPlan({ sheets: [sheet] }, env(fake));
    const s = fake.sheet("S") as SheetModel;
    expect(s.featuresAt("group()").map((f) => [f.address, f.args])).toEqual([
      ["F1:G1048576", ["ByColumns"]],
      ["I1:I1048576", ["ByColumns"]],
    ]);
    expect(s.featuresAt("hideGroupDetails()").map((f) => [f.address, f.args])).toEqual([["F1:G1048576", ["ByColumns"]]]);
  });

  it("applyWorkbookPlan(plan) draws the third Pareto series as a dashed line on the share axis", async () => {
    const fake = new FakeExcel();
    await applyWorkbookPlan({ sheets: [sheet] }, env(fake));
    const s = fake.sheet("S") as SheetModel;
    expect(s.featuresAt("charts.add().series.add()").map((f) => f.args)).toEqual([["Part"], ["Seuil de 80 %"]]);
    expect(s.featuresAt("charts.add().series.add().axisGroup").map((f) => f.value)).toEqual(["Secondary", "Secondary"]);
    expect(s.featuresAt("charts.add().series.add().setValues()").map((f) => f.args)).toEqual([["C1:C2"], ["D1:D2"]]);
    expect(s.featuresAt("charts.add().series.add().markerStyle")[0].value).toBe("None");
    expect(s.featuresAt("charts.add().series.add().format.line.lineStyle")[0].value).toBe("Dash");
  });

  it("applyWorkbookPlan(plan) refuses a column group outside the grid before writing", async () => {
    const fake = new FakeExcel();
    const bad: SheetPlan = { ...sheet, columnGroups: [{ col: -1, cols: 2, hidden: true }] };
    await expect(applyWorkbookPlan({ sheets: [bad] }, env(fake))).rejects.toThrow(/column group 0/);
    expect(fake.sheet("S")).toBeUndefined();
  });
});

describe("applyWorkbookPlan: drop-down lists, formula colours, hidden and protected sheets", () => {
  const catalogue: SheetPlan = {
    name: "Catalogue",
    blocks: [{ row: 0, col: 0, values: [["Action"], ["Visite"], ["Appel"]] }],
    formats: [],
    visibility: "veryHidden",
  };
  const pac: SheetPlan = {
    name: "PAC",
    blocks: [{ row: 0, col: 0, values: [["Action", "Réponse", "Attendu"], [null, null, 3]] }],
    formats: [{ range: { row: 0, col: 0, rows: 1, cols: 3 }, style: { bold: true } }],
    editable: [{ row: 1, col: 0, rows: 1, cols: 2 }],
    validations: [
      { range: { row: 1, col: 0, rows: 1, cols: 1 }, source: "'Catalogue'!$A$2:$A$3", prompt: { title: "Action", text: "Choisissez dans le catalogue" } },
      { range: { row: 1, col: 1, rows: 1, cols: 1 }, source: "'Catalogue'!$A$2:$A$3", allowOther: true },
    ],
    formulaColours: [{ range: { row: 1, col: 1, rows: 1, cols: 1 }, formula: 'AND(B2<>"",B2=C2)', fill: "#C6EFCE", fontColor: "#006100" }],
    protection: { password: "prof" },
  };

  it("applyWorkbookPlan(plan) adds the lists and the custom rule, follows a renamed sheet, then hides and protects last", async () => {
    const { fake } = userWorkbook();
    fake.addSheet("Catalogue", [["à moi"]]);
    const result = await applyWorkbookPlan({ sheets: [catalogue, pac] }, env(fake));

    expect(result.sheetNames).toEqual(["Catalogue (2)", "PAC"]);
    const sheet = fake.sheet("PAC");
    const hidden = fake.sheet("Catalogue (2)");
    expect(sheet?.featuresAt("dataValidation.rule").map((f) => [f.address, f.value])).toEqual([
      ["A2", { list: { inCellDropDown: true, source: "='Catalogue (2)'!$A$2:$A$3" } }],
      ["B2", { list: { inCellDropDown: true, source: "='Catalogue (2)'!$A$2:$A$3" } }],
    ]);
    expect(sheet?.featuresAt("dataValidation.errorAlert").map((f) => (f.value as { style: string }).style)).toEqual(["Stop", "Warning"]);
    expect(sheet?.featuresAt("dataValidation.prompt").map((f) => f.value)).toEqual([{ showPrompt: true, title: "Action", message: "Choisissez dans le catalogue" }]);
    expect(sheet?.featuresAt("conditionalFormats.add()")[0]).toMatchObject({ args: ["Custom"], address: "B2" });
    expect(sheet?.featuresAt("conditionalFormats.add().custom.rule.formula")[0].value).toBe('=AND(B2<>"",B2=C2)');
    expect(sheet?.featuresAt("conditionalFormats.add().custom.format.fill.color")[0].value).toBe("#C6EFCE");
    expect(sheet?.featuresAt("format.protection.locked").map((f) => [f.address, f.value])).toEqual([["A2:B2", false]]);
    // Protected after every other write (the fake refuses writes to a protected sheet, as Excel does).
    expect(sheet?.protection).toEqual({ password: "prof" });
    expect(hidden?.visibility).toBe("VeryHidden");
    expect(fake.sheet("Catalogue")?.visibility).toBe("Visible");
    // The first visible sheet written is the active one: Excel refuses to activate a hidden sheet.
    expect(fake.activeSheet?.name).toBe("PAC");
  });

  it("applyWorkbookPlan(plan) refuses a list or a colour rule written with '=' before writing", async () => {
    const { fake } = userWorkbook();
    const bad = { ...pac, validations: [{ range: { row: 1, col: 0, rows: 1, cols: 1 }, source: "=A1:A3" }] };
    await expect(applyWorkbookPlan({ sheets: [bad] }, env(fake))).rejects.toThrow(/drop-down list 0/);
    const badColour = { ...pac, formulaColours: [{ range: { row: 1, col: 0, rows: 1, cols: 1 }, formula: "", fill: "#FFFFFF" }] };
    await expect(applyWorkbookPlan({ sheets: [badColour] }, env(fake))).rejects.toThrow(/formula colour 0/);
    expect(fake.log.filter((op) => WRITES.test(op.kind))).toHaveLength(0);
  });
});
