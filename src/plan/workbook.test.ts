import { linesOf, withLines } from "./rows";
import type { ImportedClient } from "../io/clientTable";
import { FIXTURE_CLIENTS } from "./__fixtures__/portfolio";
import { cellAddress, isFormulaCell } from "./cells";
import { buildContactsSheet } from "./contactsSheet";
import { scorePortfolio } from "./score";
import type { CellRange, PlanValue, SheetPlan, WorkbookPlan } from "./types";
import { buildWorkbookPlan, workbookSheetNames } from "./workbook";

/** Classic functions only: they compute in Excel 2016+ and LibreOffice 7.4 with no `_xlfn.` prefix. */
const ALLOWED_FUNCTIONS = new Set(["ABS", "SUM", "SUMIF", "SUMIFS", "COUNTIFS", "COUNTIF", "INDEX", "MATCH", "ROUND", "ROUNDUP", "INT", "MOD", "IF", "IFERROR", "MIN", "MAX", "AND", "OR", "SUMPRODUCT", "MEDIAN", "COUNT", "ISNUMBER", "TEXT"]);

function cellMap(sheet: SheetPlan): Map<string, PlanValue> {
  const cells = new Map<string, PlanValue>();
  for (const b of sheet.blocks) {
    linesOf(b.values).forEach((line, i) =>
      line.forEach((v, j) => {
        if (v === null) return;
        const key = `${b.row + i},${b.col + j}`;
        if (cells.has(key)) throw new Error(`${sheet.name}: two blocks write ${key}`);
        cells.set(key, v);
      }),
    );
  }
  return cells;
}

function inside(range: CellRange, row: number, col: number): boolean {
  return row >= range.row && row < range.row + range.rows && col >= range.col && col < range.col + range.cols;
}

function colIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** The invariants every written sheet keeps, whatever the portfolio. */
function checkPlan(plan: WorkbookPlan): void {
  const sheets = new Map(plan.sheets.map((s) => [s.name, s]));
  const maps = new Map(plan.sheets.map((s) => [s.name, cellMap(s)]));
  for (const sheet of plan.sheets) {
    const cells = maps.get(sheet.name) as Map<string, PlanValue>;
    for (const b of sheet.blocks) {
      expect(b.row >= 0 && b.col >= 0).toBe(true);
      for (const line of linesOf(b.values)) expect(line.length).toBe(linesOf(b.values)[0].length);
    }
    for (const [key, value] of cells) {
      if (!isFormulaCell(value)) continue;
      expect(value.formula.startsWith("=")).toBe(false);
      expect(value.result).not.toBeUndefined();
      // Excel refuses a formula longer than 8 192 characters.
      if (value.formula.length > 8192) throw new Error(`${sheet.name}!${key}: formula of ${value.formula.length} characters`);
      const withoutText = value.formula.replace(/"(?:[^"]|"")*"/g, '""');
      for (const m of withoutText.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) {
        if (!ALLOWED_FUNCTIONS.has(m[1])) throw new Error(`${sheet.name}!${key}: ${m[1]} is not a classic function (${value.formula})`);
      }
      for (const m of withoutText.matchAll(/'((?:[^']|'')+)'!/g)) expect(sheets.has(m[1].replace(/''/g, "'"))).toBe(true);
      // A formula that is one reference to another sheet caches that cell's value.
      const single = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)$/.exec(value.formula);
      if (single) {
        const target = maps.get(single[1])?.get(`${Number(single[3]) - 1},${colIndex(single[2])}`) ?? null;
        expect(value.result).toEqual(isFormulaCell(target) ? target.result : (target ?? ""));
      }
    }
    const merges = sheet.merges ?? [];
    merges.forEach((m, k) => {
      for (let j = k + 1; j < merges.length; j++) {
        const o = merges[j];
        const overlap = m.row < o.row + o.rows && o.row < m.row + m.rows && m.col < o.col + o.cols && o.col < m.col + m.cols;
        if (overlap) throw new Error(`${sheet.name}: merges ${JSON.stringify(m)} and ${JSON.stringify(o)} overlap`);
      }
      for (const key of cells.keys()) {
        const [r, c] = key.split(",").map(Number);
        if (inside(m, r, c) && (r !== m.row || c !== m.col)) throw new Error(`${sheet.name}: ${key} is hidden by merge ${JSON.stringify(m)}`);
      }
    });
    for (const f of sheet.formats) expect(f.range.rows > 0 && f.range.cols > 0 && f.range.row >= 0 && f.range.col >= 0).toBe(true);
    const names = sheet.names ?? [];
    for (const n of names) expect(n.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    expect(new Set(names.map((n) => n.name)).size).toBe(names.length);
  }
}

function text(sheet: SheetPlan): string[] {
  return [...cellMap(sheet).values()].filter((v): v is string => typeof v === "string");
}

describe("buildWorkbookPlan", () => {
  const portfolio = scorePortfolio(FIXTURE_CLIENTS, {});
  const plan = buildWorkbookPlan(portfolio);
  const [targets, contacts, pac, remarks] = plan.sheets;
  // The fixture's two prospects scored on the four criteria: the plan gets its Prospects sheet.
  const scored = scorePortfolio(
    FIXTURE_CLIENTS.map((c) => (c.isProspect ? { ...c, pertinence: 4, credibility: c.id === "P01" ? 4 : 2, attractiveness: 3, ourAttractiveness: 5 } : c)),
    {},
  );
  const prospects = buildWorkbookPlan(scored).sheets[3];

  it("buildWorkbookPlan(portfolio): four sheets, five with prospects scored on the criteria, French by default, English on demand, the names workbookSheetNames gives", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual(["Cibles", "Contacts", "PAC", "Remarques"]);
    expect(buildWorkbookPlan(portfolio, { lang: "en" }).sheets.map((s) => s.name)).toEqual(["Targets", "Contacts", "PAC", "Notes"]);
    expect(buildWorkbookPlan(scored).sheets.map((s) => s.name)).toEqual(["Cibles", "Contacts", "PAC", "Prospects", "Remarques"]);
    expect(buildWorkbookPlan(scored, { lang: "en" }).sheets.map((s) => s.name)).toEqual(["Targets", "Contacts", "PAC", "Prospects", "Notes"]);
    expect(workbookSheetNames("fr", { portfolio: scored })).toEqual(buildWorkbookPlan(scored).sheets.map((s) => s.name));
    expect(workbookSheetNames("en", { portfolio })).toEqual(buildWorkbookPlan(portfolio, { lang: "en" }).sheets.map((s) => s.name));
    // Without prospects (or without their criteria), no Prospects sheet.
    const noProspects = scorePortfolio(FIXTURE_CLIENTS.filter((c) => !c.isProspect), {});
    expect(buildWorkbookPlan(noProspects).sheets.map((s) => s.name)).toEqual(["Cibles", "Contacts", "PAC", "Remarques"]);
    expect(workbookSheetNames("fr", { portfolio: noProspects })).toEqual(["Cibles", "Contacts", "PAC", "Remarques"]);
    expect(workbookSheetNames("fr")).toEqual(["Cibles", "Contacts", "PAC", "Remarques"]);
  });

  it.each([
    { name: "fixture fr", plan: () => plan },
    { name: "fixture en", plan: () => buildWorkbookPlan(scorePortfolio(FIXTURE_CLIENTS, { lang: "en" }), { lang: "en" }) },
    { name: "direct capital 60 (scaled)", plan: () => buildWorkbookPlan(scorePortfolio(FIXTURE_CLIENTS, { capital: 60 })) },
    { name: "no client", plan: () => buildWorkbookPlan(scorePortfolio([], {})) },
    { name: "CA only", plan: () => buildWorkbookPlan(scorePortfolio([{ id: "A", row: 2, ca: 10 }, { id: "B", row: 3, ca: 5 }], {})) },
    { name: "prospects only", plan: () => buildWorkbookPlan(scorePortfolio([{ id: "P", row: 2, isProspect: true }], {})) },
  ])("buildWorkbookPlan($name): blocks, formulas (classic functions, cached results), merges and names are sound", ({ plan: make }) => {
    checkPlan(make());
  });

  it.each([
    { name: "fixture", portfolio: () => portfolio },
    { name: "direct capital 60 (needs scaled, turbo capped)", portfolio: () => scorePortfolio(FIXTURE_CLIENTS, { capital: 60 }) },
    { name: "capital 2000 (réserve non affectée)", portfolio: () => scorePortfolio(FIXTURE_CLIENTS.filter((c) => !c.isProspect), { capital: 2000 }) },
    { name: "no client", portfolio: () => scorePortfolio([], {}) },
    { name: "prospects only", portfolio: () => scorePortfolio([{ id: "P", row: 2, isProspect: true }, { id: "Q", row: 3, isProspect: true }], {}) },
    { name: "one client", portfolio: () => scorePortfolio([{ id: "A", row: 2, ca: 10 }], {}) },
    {
      name: "some clients without a potential (a « sans P-R » line)",
      portfolio: () =>
        scorePortfolio(
          [
            { id: "A", row: 2, ca: 100, potential: 400 },
            { id: "B", row: 3, ca: 50, potential: 60 },
            { id: "C", row: 4, ca: 20 },
            { id: "D", row: 5, ca: 10, potential: 300 },
            { id: "E", row: 6, ca: 5 },
          ],
          {},
        ),
    },
  ])("Contacts and PAC ($name): the Planning is the sum of the per-client calendar, month by month, and makes the capital", ({ name, portfolio: make }) => {
    const p = make();
    const book = buildWorkbookPlan(p);
    const [, sheet, pacSheet] = book.sheets;
    const cells = cellMap(sheet);
    const at = (address: string): [number, number] => {
      const m = /^\$([A-Z]+)\$(\d+)$/.exec(address);
      if (!m) throw new Error(`not an absolute cell: ${address}`);
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return [Number(m[2]) - 1, col];
    };
    const num = (v: PlanValue | undefined): number => (isFormulaCell(v as PlanValue) ? ((v as { result: number }).result ?? 0) : typeof v === "number" ? v : 0);
    /** What the formula computes over the sheet's cells (SUMIF over a column, one reference, or SUM of a row). */
    const evaluate = (f: string): number => {
      let m = /^SUMIF\((\$\w+\$\d+):(\$\w+\$\d+),"([^"]*)",(\$\w+\$\d+):(\$\w+\$\d+)\)$/.exec(f);
      if (m) {
        const [[top, keyCol], [bottom]] = [at(m[1]), at(m[2])];
        const [, sumCol] = at(m[4]);
        let sum = 0;
        for (let r = top; r <= bottom; r++) if (cells.get(`${r},${keyCol}`) === m[3]) sum += num(cells.get(`${r},${sumCol}`));
        return sum;
      }
      m = /^SUM\((\$\w+\$\d+):(\$\w+\$\d+)\)$/.exec(f);
      if (m) {
        const [[r0, c0], [r1, c1]] = [at(m[1]), at(m[2])];
        let sum = 0;
        for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) sum += num(cells.get(`${r},${c}`));
        return sum;
      }
      return num(cells.get(at(f).join(",")));
    };
    const { layout } = buildContactsSheet(p, "fr");
    const rows = [...layout.planningRows, layout.planningTotalRow];
    const expected = [p.planning.byClass.A, p.planning.byClass.B, p.planning.byClass.C, p.planning.prospects, p.planning.reserve, p.planning.conquestPool, p.planning.total];
    rows.forEach((row, k) => {
      for (let j = 0; j < 13; j++) {
        const cell = cells.get(`${row},${layout.yearCol + j}`);
        if (!isFormulaCell(cell as PlanValue)) throw new Error(`Planning ${row},${j} is not a formula`);
        const { formula, result } = cell as { formula: string; result: number };
        // The formula computes its cached value from the per-client table, and that value is the engine's sum.
        expect([row, j, evaluate(formula)]).toEqual([row, j, result]);
        expect([row, j, result]).toEqual([row, j, j === 0 ? expected[k].reduce((a, b) => a + b, 0) : expected[k][j - 1]]);
      }
    });
    expect(num(cells.get(`${layout.planningTotalRow},${layout.yearCol}`))).toBe(p.capital.value);
    // The per-client table's total row: its month columns make the Planning's total line.
    const clientTotals = Array.from({ length: 12 }, (_, j) => num(cells.get(`${layout.clientsTotal.stimulation[0]},${layout.monthCol + j}`)));
    expect(clientTotals).toEqual(p.planning.total);
    // The PAC's lines by P-R target: SUMIF over the Contacts table's target column, the engine's sums by target.
    const pacMap = cellMap(pacSheet);
    const targetRow = (name: string): number | undefined =>
      [...pacMap].find(([key, v]) => v === name && key.endsWith(",0") && Number(key.split(",")[0]) > layout.planningRows.length)?.[0].split(",").map(Number)[0];
    for (const [target, name] of [["develop", "Développer"], ["maintain", "Entretenir"], ["secure", "Sécuriser"]] as const) {
      const row = targetRow(`dont cible «\u00a0${name}\u00a0»`);
      if (!p.methods.pr) continue;
      const months = Array.from({ length: 12 }, (_, j) => pacMap.get(`${row},${2 + j}`) as { formula: string; result: number });
      expect(months.map((m) => m.result)).toEqual(p.planning.byTarget[target]);
      for (const m of months) expect(evaluate(m.formula.replace(/'Contacts'!/g, ""))).toBe(m.result);
    }
    const noPr = targetRow("dont clients sans P-R (pas de potentiel)");
    if (name.startsWith("some clients without")) expect(noPr).toBeDefined();
    if (p.methods.pr && p.planning.byTarget.none.some((v) => v > 0)) {
      expect(Array.from({ length: 12 }, (_, j) => num(pacMap.get(`${noPr},${2 + j}`)))).toEqual(p.planning.byTarget.none);
    } else expect(noPr).toBeUndefined();
    // The PAC's Planning reads the same cells and caches the same values.
    const pacCells = [...cellMap(pacSheet).values()].filter(isFormulaCell).filter((v) => v.formula.startsWith("'Contacts'!"));
    for (const row of rows) {
      for (let j = 0; j < 13; j++) {
        const ref = `'Contacts'!${cellAddress(row, layout.yearCol + j)}`;
        const pacCell = pacCells.find((v) => v.formula === ref);
        expect([ref, pacCell?.result]).toEqual([ref, num(cells.get(`${row},${layout.yearCol + j}`))]);
      }
    }
  });

  it("Cibles: one row per client, an Excel table with filters, a frozen header, colours per class", () => {
    expect(targets.blocks.find((b) => b.row === 1)?.values.length).toBe(FIXTURE_CLIENTS.length);
    expect(targets.tables).toEqual([{ name: "PAC_Cibles", range: { row: 0, col: 0, rows: 13, cols: 34 }, style: "TableStyleLight9" }]);
    expect(targets.freeze).toEqual({ rows: 1, cols: 2 });
    const equals = (targets.conditional ?? []).map((c) => c.equals);
    expect(equals).toEqual(expect.arrayContaining(["A", "B", "C", "Développer", "Entretenir", "Sécuriser", "Vaches à lait", "Contactivores", "Prospect"]));
    const formats = targets.formats.map((f) => f.style.numberFormat).filter(Boolean);
    expect(formats).toEqual(expect.arrayContaining(['#,##0 "€"', "0.0%"]));
  });

  it("client names that look like formulas stay plain strings in every sheet", () => {
    for (const sheet of plan.sheets) {
      const values = [...cellMap(sheet).values()];
      for (const name of ["=SOMME(A1)", "+33 Export", "-Remise Pro", "@Home Déco"]) {
        if (sheet.name === "Contacts" || sheet.name === "Cibles") expect(values).toContain(name);
        expect(values.some((v) => isFormulaCell(v) && v.formula.includes(name))).toBe(false);
      }
    }
  });

  it("Contacts: editable named parameters, the capital as a formula over them, the family split and the check", () => {
    const cells = cellMap(contacts);
    const names = Object.fromEntries((contacts.names ?? []).map((n) => [n.name, `${n.row},${n.col}`]));
    expect(Object.keys(names)).toEqual(
      expect.arrayContaining(["PAC_Semaines", "PAC_Jours", "PAC_ContactsParJour", "PAC_CapitalImpose", "PAC_Capital", "PAC_Part_Entretien", "PAC_Norme_A", "PAC_Controle"]),
    );
    expect(cells.get(names.PAC_Semaines)).toBe(45);
    expect(cells.get(names.PAC_Capital)).toEqual({ formula: 'IF($B$8="",INT($B$5*$B$6*$B$7+1E-9),$B$8)', result: 540 });
    const editable = contacts.editable ?? [];
    for (const key of ["PAC_Semaines", "PAC_Jours", "PAC_ContactsParJour", "PAC_CapitalImpose", "PAC_Part_Entretien", "PAC_Norme_A"]) {
      const [r, c] = names[key].split(",").map(Number);
      expect(editable.some((e) => inside(e, r, c))).toBe(true);
    }
    const familyTotals = [12, 13, 14].map((r) => cells.get(`${r},2`));
    expect(familyTotals.map((v) => (isFormulaCell(v as PlanValue) ? (v as { result: number }).result : v))).toEqual([324, 135, 81]);
    expect(cells.get("12,2")).toEqual({ formula: "$X$13+IF($Z$13<$Z$16,1,0)", result: 324 });
    expect(cells.get("19,1")).toEqual({ formula: "COUNTIF('Cibles'!$I$2:$I$13,\"A\")", result: 4 });
    expect(cells.get("23,1")).toEqual({ formula: 'IF($B$9>0,ROUNDUP($D$23/$B$9,0),"")', result: 1 });
    expect(cells.get(names.PAC_Controle)).toMatchObject({ result: "OK" });
    expect(cells.get("33,9")).toEqual({ formula: 'SUMIF($C$50:$C$61,"A",$J$50:$J$61)', result: portfolio.planning.byClass.A[0] });
    expect(cells.get("33,8")).toEqual({ formula: "SUM($J$34:$U$34)", result: portfolio.planning.byClass.A.reduce((a, b) => a + b, 0) });
  });

  it("PAC: the seven sections in order, A4 landscape one page wide, title rows repeated, print area set", () => {
    const sections = text(pac).filter((v) => /^\d\. /.test(v));
    expect(sections).toEqual([
      "1. Objectifs",
      "2. Diagnostic du portefeuille",
      "2. Diagnostic du portefeuille (suite)",
      "3. Orientations",
      "4. Actions",
      "5. Stratégie de contacts",
      "6. Planning",
      "7. Conditions de succès",
    ]);
    expect(pac.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToPagesWide: 1, titleRows: [0, 1] });
    expect(pac.print?.area).toMatchObject({ row: 0, col: 0, cols: 15 });
    expect(pac.print?.rowBreaks?.length).toBe(4);
  });

  it("PAC: editable blocks are marked (fill and « À compléter »), the charts read data outside the print area", () => {
    const cells = cellMap(pac);
    const editable = pac.editable ?? [];
    const todo = [...cells].filter(([, v]) => typeof v === "string" && v.startsWith("À compléter"));
    expect(todo.length).toBeGreaterThanOrEqual(5);
    for (const [key] of todo) {
      const [r, c] = key.split(",").map(Number);
      expect(editable.some((e) => inside(e, r, c))).toBe(true);
      expect(pac.formats.some((f) => inside(f.range, r, c) && f.style.fill === "#FFF2CC")).toBe(true);
    }
    expect((pac.charts ?? []).map((c) => c.kind)).toEqual(["pareto"]);
    const area = pac.print?.area as CellRange;
    for (const chart of pac.charts ?? []) {
      for (const s of chart.series) expect(s.values.col).toBeGreaterThanOrEqual(area.col + area.cols);
      expect(chart.anchor.col + chart.anchor.cols).toBeLessThanOrEqual(area.col + area.cols);
    }
  });

  it("PAC: cells that depend on the capital or the norms are formulas on the Contacts sheet", () => {
    const formulas = [...cellMap(pac).values()].filter(isFormulaCell);
    expect(formulas.find((f) => f.formula === "'Contacts'!$B$9")).toEqual({ formula: "'Contacts'!$B$9", result: 540 });
    expect(formulas.filter((f) => f.formula.includes("'Contacts'!")).length).toBeGreaterThan(60);
    expect(formulas.find((f) => f.formula.startsWith('"Portefeuille'))?.result).toBe("Portefeuille de 10 clients et 2 prospects · capital de 540 contacts par an");
  });

  it("PAC without potential: no P-R section content, orientations by ABC class, one chart", () => {
    const noPotential: ImportedClient[] = FIXTURE_CLIENTS.map(({ potential: _p, ...c }) => c);
    const sheet = buildWorkbookPlan(scorePortfolio(noPotential, {})).sheets[2];
    expect(text(sheet)).toEqual(expect.arrayContaining(["Non calculé : aucun client n'a de potentiel.", "Classe A"]));
    expect((sheet.charts ?? []).map((c) => c.kind)).toEqual(["pareto"]);
  });

  it("PAC with many clients: the Pareto groups clients and keeps its 80 % line; no chart of one point per client", () => {
    const many: ImportedClient[] = Array.from({ length: 1500 }, (_, i) => ({ id: `C${i}`, row: i + 2, ca: 1000 + ((i * 7919) % 5000), potential: 2000 + ((i * 104729) % 9000) }));
    const sheet = buildWorkbookPlan(scorePortfolio(many, {})).sheets[2];
    expect((sheet.charts ?? []).map((c) => c.kind)).toEqual(["pareto"]);
    const [pareto] = sheet.charts ?? [];
    expect(pareto.series.map((s) => s.values.rows)).toEqual([100, 100, 100]);
    const cells = cellMap(sheet);
    const line = pareto.series[2].values;
    for (let r = line.row; r < line.row + line.rows; r++) expect(cells.get(`${r},${line.col}`)).toBe(0.8);
  });

  it("snapshot: Cibles", () => expect(withLines(targets)).toMatchSnapshot());
  it("snapshot: Remarques", () => expect(remarks).toMatchSnapshot());
  it("snapshot: Prospects", () => expect(prospects).toMatchSnapshot());
  it("snapshot: Contacts", () => expect(withLines(contacts)).toMatchSnapshot());
  it("snapshot: PAC", () => expect(pac).toMatchSnapshot());
  it("snapshot: PAC in English", () => expect(buildWorkbookPlan(scorePortfolio(FIXTURE_CLIENTS, { lang: "en" }), { lang: "en" }).sheets[2]).toMatchSnapshot());
});

describe("buildWorkbookPlan(portfolio) and the portfolio's ABC options", () => {
  it("writes the thresholds the portfolio was scored with, and keeps the classes as formulas", () => {
    const portfolio = scorePortfolio(FIXTURE_CLIENTS, { abc: { thresholds: [0.7, 0.9] } });
    const targets = buildWorkbookPlan(portfolio).sheets[0];
    const cells = targets.blocks.flatMap((b) => linesOf(b.values).flat());
    expect(cells).toContain(0.7);
    expect(cells).toContain(0.9);
    const classes = portfolio.clients.filter((c) => c.abc !== undefined).map((c) => c.abc);
    const cached = cells.filter(isFormulaCell).map((f) => f.result).filter((r) => r === "A" || r === "B" || r === "C");
    expect(cached.length).toBeGreaterThanOrEqual(classes.length);
  });
});
