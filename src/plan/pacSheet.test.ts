import { linesOf } from "./rows";
import type { ImportedClient } from "../io/clientTable";
import { readJournal } from "../io/journal";
import { FIXTURE_CLIENTS } from "./__fixtures__/portfolio";
import { isFormulaCell } from "./cells";
import { SheetDraft, tidy } from "./grid";
import { actionLines } from "./pacSheet";
import { scorePortfolio } from "./score";
import type { PlanValue, SheetPlan } from "./types";
import { buildWorkbookPlan } from "./workbook";

function cells(sheet: SheetPlan): Map<string, PlanValue> {
  const out = new Map<string, PlanValue>();
  for (const b of sheet.blocks) linesOf(b.values).forEach((line, i) => line.forEach((v, j) => v !== null && out.set(`${b.row + i},${b.col + j}`, v)));
  return out;
}

/** What a reader sees in each cell: the value, or the formula's cached result. */
function seen(sheet: SheetPlan): Map<string, PlanValue> {
  return new Map([...cells(sheet)].map(([k, v]) => [k, isFormulaCell(v) ? (v.result ?? null) : v]));
}

/** What a reader sees: text cells and the cached text of formulas. */
function shown(sheet: SheetPlan): string[] {
  return [...cells(sheet).values()].flatMap((v) => (typeof v === "string" ? [v] : isFormulaCell(v) && typeof v.result === "string" ? [v.result] : []));
}

function find(sheet: SheetPlan, text: string): [number, number] {
  for (const [key, v] of cells(sheet)) if (v === text) return key.split(",").map(Number) as [number, number];
  throw new Error(`${sheet.name}: no cell « ${text} »`);
}

const client = (id: string, ca: number, potential?: number, extra: Partial<ImportedClient> = {}): ImportedClient => ({
  id,
  row: Number(id.replace(/\D/g, "")) + 1,
  ca,
  ...(potential !== undefined ? { potential } : {}),
  ...extra,
});

const PORTFOLIOS: readonly { name: string; clients: readonly ImportedClient[] }[] = [
  { name: "the fixture", clients: FIXTURE_CLIENTS },
  { name: "no client", clients: [] },
  { name: "one client", clients: [client("C1", 1000, 2000)] },
  { name: "one client and one prospect", clients: [client("C1", 1000, 2000), { id: "P1", row: 3, isProspect: true }] },
  { name: "prospects only", clients: [{ id: "P1", row: 2, isProspect: true }, { id: "P2", row: 3, isProspect: true }] },
  { name: "a negative CA and a float −0", clients: [client("C1", 900, 1000), client("C2", 300, 2000), client("C3", -200, 500), client("C4", -1e-12, 400)] },
];

describe("the written sheets read well", () => {
  it.each(PORTFOLIOS)("no « (s) », no « 0 clients », no developer instruction in any sheet: $name", ({ clients }) => {
    for (const lang of ["fr", "en"] as const) {
      const plan = buildWorkbookPlan(scorePortfolio(clients, { lang }), { lang });
      for (const sheet of plan.sheets) {
        for (const text of shown(sheet)) {
          expect(text).not.toMatch(/\((s|aux|x)\)/);
          // French takes the singular for 0 and 1, English for 1 only.
          if (lang === "fr") expect(text).not.toMatch(/\b[01] (clients|prospects|contacts|visites|semaines|jours|remarques)\b/);
          expect(text).not.toMatch(/\b1 (clients|prospects|contacts|visits|weeks|days|notes)\b/);
          expect(text).not.toMatch(/npx|tsx|relancez|run (it|the allocation) again/i);
        }
        for (const v of cells(sheet).values()) if (typeof v === "number") expect(Object.is(v, -0)).toBe(false);
      }
    }
  });

  it("PAC subtitle agrees in number, in the formula too: « 1 client et 1 prospect », « 0 prospect »", () => {
    const one = buildWorkbookPlan(scorePortfolio(PORTFOLIOS[3].clients, {})).sheets[2];
    const subtitle = [...cells(one).values()].find((v) => isFormulaCell(v) && v.formula.startsWith('"Portefeuille'));
    expect(subtitle).toMatchObject({ result: "Portefeuille de 1 client et 1 prospect · capital de 540 contacts par an" });
    expect(isFormulaCell(subtitle as PlanValue) && (subtitle as { formula: string }).formula).toContain('IF(ABS(\'Contacts\'!$B$9)<2,"contact","contacts")');
    const none = buildWorkbookPlan(scorePortfolio(PORTFOLIOS[2].clients, {})).sheets[2];
    expect(shown(none)).toContain("Portefeuille de 1 client et 0 prospect · capital de 540 contacts par an");
  });

  it("PAC: the P-R matrix is the 4 × 4 count grid, P rows, R columns, P1-R1 top left", () => {
    const portfolio = scorePortfolio(FIXTURE_CLIENTS, {});
    const pac = buildWorkbookPlan(portfolio).sheets[2];
    const map = seen(pac);
    const [row, col] = find(pac, "P \\ R");
    const header = [1, 3, 5, 7].map((k) => map.get(`${row},${col + k}`));
    expect(header).toEqual(["R1", "R2", "R3", "R4"]);
    const expected = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
    for (const c of portfolio.clients) if (c.pr) expected[c.pr.p - 1][c.pr.r - 1]++;
    const grid = [1, 2, 3, 4].map((p) => {
      expect(map.get(`${row + p},${col}`)).toBe(`P${p}`);
      return [1, 3, 5, 7].map((k) => map.get(`${row + p},${col + k}`));
    });
    expect(grid).toEqual(expected);
    expect(grid.flat().reduce((a, b) => (a as number) + (b as number), 0)).toBe(portfolio.clients.filter((c) => c.pr).length);
    expect((pac.charts ?? []).some((c) => c.kind === "prMatrix")).toBe(false);
  });

  it("PAC: the class table's % du CA is on the total of positive amounts, the net total labelled apart, −0 written 0", () => {
    const portfolio = scorePortfolio(PORTFOLIOS[5].clients, {});
    const pac = buildWorkbookPlan(portfolio).sheets[2];
    const map = seen(pac);
    const [top] = find(pac, "Classe A");
    const rows = [0, 1, 2, 3].map((k) => [1, 2, 3].map((c) => map.get(`${top + k},${c}`)));
    // Positive total 1 200: A holds 900 (75 %), B 300 (25 %), C nothing positive; the total row says 100 %.
    const byClass = { A: 0, B: 0, C: 0 };
    for (const c of portfolio.clients) if (c.abc) byClass[c.abc.cls] += Math.max(0, c.ca ?? 0);
    expect(rows.slice(0, 3).map((r) => r[0])).toEqual([byClass.A, byClass.B, byClass.C]);
    expect(rows.slice(0, 3).map((r) => r[1])).toEqual([byClass.A / 1200, byClass.B / 1200, byClass.C / 1200]);
    expect(rows[3]).toEqual([1200, 1, 4]);
    expect(map.get(`${top + 3},0`)).toBe("Total");
    expect(map.get(`${top + 4},0`)).toBe("Total net (CA négatifs déduits)");
    expect(map.get(`${top + 4},1`)).toBeCloseTo(1000, 6);
    expect(cells(pac).get(`${top + 4},1`)).toMatchObject({ formula: expect.stringContaining("SUMIF('Cibles'!") });
    expect(shown(pac)).toContain("% du CA : part du total des montants positifs (ligne Total), la base du classement ABC.");
    // Without negative amounts there is no net total row, nor for float dust that rounds to 0.
    expect(shown(buildWorkbookPlan(scorePortfolio(PORTFOLIOS[2].clients, {})).sheets[2])).not.toContain("Total net (CA négatifs déduits)");
    const dust = buildWorkbookPlan(scorePortfolio([client("C1", 900, 1000), client("C2", -1e-12, 500)], {})).sheets[2];
    expect(shown(dust)).not.toContain("Total net (CA négatifs déduits)");
  });

  it.each([
    { name: "the fixture", clients: FIXTURE_CLIENTS, has: [/^Faire gagner au moins un rang R à \d+ clients en visites « turbo »$/, /^Convertir 2 prospects retenus \(sur 2 dans le fichier\)\u00a0: CA de conquête attendu [\d\u202f]+\u00a0€$/] },
    { name: "one client", clients: PORTFOLIOS[2].clients, has: [/^Aucun prospect dans le fichier : constituer un fichier de prospects$/, /^Garder le rang et le CA de 1 client à entretenir\u00a0: objectif [\d\u202f]+\u00a0€, \d+ contacts?$/] },
    { name: "prospects only", clients: PORTFOLIOS[4].clients, has: [/^Aucun client éligible aux visites « turbo »/, /^Aucun client concerné dans ce fichier$/] },
  ])("PAC Actions count the clients each line really targets: $name", ({ clients, has }) => {
    const portfolio = scorePortfolio(clients, {});
    const texts = shown(buildWorkbookPlan(portfolio).sheets[2]);
    for (const pattern of has) expect(texts.some((t) => pattern.test(t))).toBe(true);
    const lines = actionLines(portfolio);
    expect(lines.find((l) => l.kind === "stimulation")?.n).toBe(portfolio.clients.filter((c) => (c.allocation?.stimulation ?? 0) > 0).length);
    if (portfolio.methods.pr) expect(lines.find((l) => l.kind === "entretien")?.n).toBe(portfolio.clients.filter((c) => c.pr?.target === "maintain").length);
  });

  it("Contacts: the pool lines say « non affectée » when there were takers, why they are empty otherwise", () => {
    const withProspects = shown(buildWorkbookPlan(scorePortfolio(FIXTURE_CLIENTS, {})).sheets[1]);
    expect(withProspects).toContain("Réserve de conquête non affectée");
    expect(withProspects).not.toContain("Réserve de conquête (aucun prospect)");
    const withoutProspects = shown(buildWorkbookPlan(scorePortfolio(PORTFOLIOS[2].clients, {})).sheets[1]);
    expect(withoutProspects).toContain("Réserve de conquête (aucun prospect)");
  });

  it("Contacts: the largest-remainder helpers sit right of the print area, in a collapsed column group", () => {
    const contacts = buildWorkbookPlan(scorePortfolio(FIXTURE_CLIENTS, {})).sheets[1];
    const area = contacts.print?.area;
    expect(contacts.columnGroups).toEqual([{ col: 22, cols: 4, hidden: true }]);
    expect((area?.col ?? 0) + (area?.cols ?? 0)).toBeLessThanOrEqual(22);
    const [row, col] = find(contacts, "Quota");
    expect([row, col]).toEqual([11, 22]);
    // Nothing but helpers in the group's columns.
    for (const [key] of cells(contacts)) {
      const c = Number(key.split(",")[1]);
      if (c >= 22) expect([10, 11, 12, 13, 14, 15, 18, 19, 20, 21, 22]).toContain(Number(key.split(",")[0]));
    }
  });

  it("PAC: the « besoins réduits » line is a formula, filled as soon as the need exceeds the entretien budget", () => {
    const scaled = buildWorkbookPlan(scorePortfolio(FIXTURE_CLIENTS, { capital: 60 })).sheets[2];
    const line = [...cells(scaled).values()].find((v) => isFormulaCell(v) && v.formula.includes("Besoins réduits"));
    expect(line).toMatchObject({ result: expect.stringMatching(/^Besoins réduits : le besoin d'entretien \(\d+ contacts\) dépasse le budget d'entretien \(36 contacts\)/) });
    const fits = buildWorkbookPlan(scorePortfolio(FIXTURE_CLIENTS, { capital: 5000 })).sheets[2];
    expect([...cells(fits).values()].find((v) => isFormulaCell(v) && v.formula.includes("Besoins réduits"))).toMatchObject({ result: "" });
  });
});

describe("the réserve non affectée, the turbo visits placed and the needs scaled", () => {
  const caOnly = [client("C1", 1000), client("C2", 500), client("C3", 100)];
  it.each([
    { name: "the fixture (turbo visits capped, prospects)", clients: FIXTURE_CLIENTS, options: {} },
    { name: "CA only (nobody eligible, no prospect: all in réserve)", clients: caOnly, options: {} },
    { name: "CA only, a prospect takes the stimulation", clients: [...caOnly, { id: "P1", row: 9, isProspect: true }], options: {} },
    { name: "capital 60 (needs scaled)", clients: FIXTURE_CLIENTS, options: { capital: 60 } },
    { name: "no client", clients: [], options: {} },
  ])("Contacts and PAC §5 show the engine's réserve and turbo visits, the Actions means the visits placed: $name", ({ clients, options }) => {
    const portfolio = scorePortfolio(clients, options);
    const [, contacts, pac] = buildWorkbookPlan(portfolio).sheets;
    const placed = portfolio.clients.reduce((n, c) => n + (c.stimulation ?? 0), 0);
    const stimulated = portfolio.clients.filter((c) => (c.stimulation ?? 0) > 0).length;
    const turboLabel = `Visites « turbo » placées (${stimulated} ${stimulated < 2 ? "client" : "clients"})`;
    for (const sheet of [contacts, pac]) {
      const map = cells(sheet);
      const [row, col] = find(sheet, "Réserve non affectée");
      const reserve = map.get(`${row},${col + 1}`);
      expect(isFormulaCell(reserve as PlanValue) ? (reserve as { result: number }).result : reserve).toBe(portfolio.reserve);
      const [tRow, tCol] = find(sheet, turboLabel);
      const turbo = map.get(`${tRow},${tCol + 1}`);
      expect(isFormulaCell(turbo as PlanValue) ? (turbo as { result: number }).result : turbo).toBe(placed);
    }
    // The same réserve line in the per-client table of Contacts, and no more « aucun client éligible ».
    expect(shown(contacts).filter((t) => t === "Réserve non affectée").length).toBeGreaterThanOrEqual(3);
    expect(shown(contacts)).not.toContain("Réserve de stimulation (aucun client éligible)");
    const means = shown(pac).find((t) => /visites? « turbo » \(stimulation\)|^Aucune visite « turbo »/.test(t));
    expect(means).toBe(
      placed > 0
        ? `${placed} ${placed < 2 ? "visite" : "visites"} « turbo » (stimulation) en plus de l'entretien`
        : `Aucune visite « turbo » placée\u00a0: ${portfolio.stimulationToConquest} ${portfolio.stimulationToConquest < 2 ? "contact va" : "contacts vont"} aux prospects, ${portfolio.reserve} en réserve non affectée`,
    );
    // Conquête: the contacts the retained prospects got, and the pool still to give to new prospects.
    const toProspects = portfolio.clients.reduce((n, c) => n + (c.conquete ?? 0), 0);
    const pool = portfolio.allocation.conquestPool;
    const plural = (n: number, one: string, many: string): string => `${n} ${n < 2 ? one : many}`;
    expect(shown(pac)).toContain(
      toProspects === 0
        ? `${plural(pool, "contact", "contacts")} de conquête à affecter\u00a0: constituer un fichier de prospects`
        : pool > 0
          ? `${plural(toProspects, "contact", "contacts")} de conquête pour les prospects retenus (essai, démonstration, salon)\u00a0; ${pool} de plus à affecter à de nouveaux prospects`
          : `${plural(toProspects, "contact", "contacts")} de conquête (essai, démonstration, salon)`,
    );
    // « Besoins réduits » on both sheets as soon as the need exceeds the entretien budget.
    for (const sheet of [contacts, pac]) {
      const line = [...cells(sheet).values()].find((v) => isFormulaCell(v) && v.formula.includes("Besoins réduits"));
      expect(line).toMatchObject({ result: portfolio.needsScaled ? expect.stringMatching(/^Besoins réduits : /) : "" });
    }
  });

  it("PAC: a journal that does not cover N-1 says which dates it covers and which are needed, where the maturity stands", () => {
    const H = ["Client", "Facture", "Date", "Qté", "Prix unitaire"];
    const { clients, report } = readJournal([H, ["A", "F1", "06/12/2022", 1, 10], ["B", "F2", "01/06/2023", 2, 10], ["A", "F4", "04/12/2024", 1, 30]]);
    const portfolio = scorePortfolio(clients, {});
    expect(portfolio.methods.maturity).toBe(false);
    const texts = shown(buildWorkbookPlan(portfolio, { report }).sheets[2]);
    const coverage = report.issues.find((i) => i.key === "PERIODS_NOT_COVERED");
    expect(texts).toContain(`Non calculé. ${coverage?.message}`);
    expect(texts.some((t) => t.startsWith("Non calculé. Le journal couvre du 06/12/2022 au 04/12/2024"))).toBe(true);
    // Without the report, the general reason.
    expect(shown(buildWorkbookPlan(portfolio).sheets[2]).some((t) => t.startsWith("Non calculé. Le journal"))).toBe(false);
  });
});

describe("tidy", () => {
  it.each([
    { value: -0, out: 0 },
    { value: -1e-12, out: 0 },
    { value: 1e-10, out: 0 },
    { value: 0.001, out: 0.001 },
    { value: -5, out: -5 },
  ])("tidy($value) = $out, and SheetDraft.set writes it so", ({ value, out }) => {
    expect(Object.is(tidy(value), out)).toBe(true);
    const s = new SheetDraft("S");
    s.set(0, 0, value);
    expect(Object.is(linesOf(s.toSheet({}).blocks[0].values)[0][0], out)).toBe(true);
  });
});
