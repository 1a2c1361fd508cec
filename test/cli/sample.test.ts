import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { ENGAGEMENT_CLASSES, ENGAGEMENT_NOT_CLASSED, engagement, proposeFamilyTypes, FAMILY_TYPES } from "../../src/engine";
import { detectTableColumns, readClientTable, readFamilyTypeTable, readJournal, parseCsv } from "../../src/io";
import { worksheetRows } from "../support/sheetRows";
import {
  JOURNAL_HEADERS,
  SAMPLE_FAMILIES,
  SAMPLE_HEADERS,
  SAMPLE_PATH,
  SAMPLE_TYPES_PATH,
  generateJournal,
  sampleTypesCsv,
  checkCoverage,
  fixZipTimes,
  generateClients,
  prospectCriteria,
  readingOf,
  sampleRows,
  sampleWorkbook,
  stableXlsx,
} from "../../scripts/make-sample";

describe("the bundled sample (assets/sample/clients-demo.xlsx)", () => {
  const clients = generateClients();

  it("generateClients() is deterministic and holds every case of the demo", () => {
    expect(generateClients()).toEqual(clients);
    expect(clients.filter((c) => !c.prospect)).toHaveLength(150);
    expect(clients.filter((c) => c.prospect)).toHaveLength(30);
    expect(() => checkCoverage(clients)).not.toThrow();
    expect(new Set(clients.map((c) => c.code)).size).toBe(180);
  });

  it("the committed file is what scripts/make-sample.ts writes today (run it after changing the generator)", async () => {
    const bytes = await stableXlsx(sampleWorkbook(clients, generateJournal(clients).rows));
    expect(bytes.equals(readFileSync(SAMPLE_PATH))).toBe(true);
    expect(readFileSync(SAMPLE_TYPES_PATH, "utf8")).toBe(sampleTypesCsv());
  });

  it("src/io maps every column of the sample but Ville and Secteur, which are no field; Satisfaction is the value score", () => {
    const detection = detectTableColumns([...SAMPLE_HEADERS]);
    const byField = Object.fromEntries(Object.entries(detection.fields).map(([field, m]) => [field, m?.header]));
    expect(byField).toEqual({
      id: "Client",
      name: "Raison sociale",
      contactsBefore: "Visites 2024",
      contacts: "Visites 2025",
      frequency: "Nb commandes 2025",
      potential: "Potentiel",
      lastPurchase: "Date dernier achat",
      prospect: "Prospect",
      pertinence: "Pertinence",
      credibility: "Crédibilité",
      attractiveness: "Attractivité pour nous",
      ourAttractiveness: "Notre attractivité",
      value: "Satisfaction",
    });
    expect(detection.periods.map((p) => p.header)).toEqual(["CA 2023", "CA 2024", "CA 2025"]);
  });

  it("readClientTable(sample) reads 180 rows with no refused cell and nothing missing but engagement, which reads the Journal sheet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE_PATH);
    const sheet = wb.getWorksheet("Clients");
    if (!sheet) throw new Error("no Clients sheet");
    const rows = worksheetRows(sheet);
    const result = readClientTable(rows);
    expect(result.clients).toHaveLength(180);
    expect(result.report.rejectedCells).toEqual({});
    expect(result.mapping.missing.map((m) => m.method)).toEqual(["engagement"]);
    expect(result.clients.filter((c) => !c.isProspect).every((c) => Number.isInteger(c.value) && (c.value as number) >= 1 && (c.value as number) <= 5)).toBe(true);
    expect(result.mapping.unused.map((u) => u.header)).toEqual(["Ville", "Secteur"]);
    expect(result.report.referenceDate).toBe("2025-12-20");
    const odd = result.clients.find((c) => c.name?.startsWith("="));
    expect(odd).toMatchObject({ id: "C018", name: "=Équilibre Conseil SAS", isProspect: false });
    expect(result.clients.filter((c) => c.isProspect)).toHaveLength(30);
    expect(result.clients.filter((c) => c.isProspect).every((c) => c.ca === undefined && c.lastPurchase === undefined)).toBe(true);
    // Every prospect has its four criteria; no client has any.
    const criteria = ["pertinence", "credibility", "attractiveness", "ourAttractiveness"] as const;
    expect(result.clients.every((c) => criteria.every((k) => (c[k] !== undefined) === (c.isProspect === true)))).toBe(true);
    // Dates are real Excel dates, not text.
    expect(rows[1][11]).toBeInstanceOf(Date);
  });

  it("generateJournal(clients): each client's lines add up to its CA 2024 (N-1) and CA 2025 (N), none after its last purchase", () => {
    const { rows } = generateJournal(clients);
    expect(rows[0]).toEqual([...JOURNAL_HEADERS]);
    const journal = readJournal(rows);
    expect(journal.report.referenceDate).toBe("2025-12-20");
    expect(journal.mapping.family?.header).toBe("Famille");
    expect(journal.report.rejectedCells).toEqual({});
    const byId = new Map(journal.clients.map((c) => [c.id, c]));
    for (const c of clients.filter((x) => !x.prospect)) {
      const ca = c.ca as readonly number[];
      const read = byId.get(c.code);
      if (ca[1] === 0 && ca[2] === 0) {
        expect(read).toBeUndefined();
        continue;
      }
      expect(read?.periods).toEqual([ca[1], ca[2]]);
      expect(read?.lastPurchase).toBe((c.lastPurchase as Date).toISOString().slice(0, 10));
    }
  });

  it("the Journal's engagement with types.csv is the class each client was drawn to show (counted apart from the engine's rules), and its proposed types are the rep's", () => {
    const { rows, profiles } = generateJournal(clients);
    const journal = readJournal(rows);
    const families = journal.families!;
    const table = readFamilyTypeTable(parseCsv(sampleTypesCsv(), ";"), families.families);
    expect(table.untyped).toBe(0);
    const result = engagement(families, table.types);
    const got = new Map(journal.clients.map((c, i) => [c.id, result.engagement[i] === ENGAGEMENT_NOT_CLASSED ? null : ENGAGEMENT_CLASSES[result.engagement[i]]]));
    for (const [code, profile] of profiles) expect([code, got.get(code) ?? null]).toEqual([code, profile]);
    const counts = Object.fromEntries(ENGAGEMENT_CLASSES.map((c) => [c, [...profiles.values()].filter((p) => p === c).length]));
    expect(counts).toEqual({ loss_likely: 23, revenue_at_risk: 25, engaged: 38, to_build: 64 });
    const proposals = proposeFamilyTypes(families);
    const proposed = Object.fromEntries(families.families.map((f, k) => [f, FAMILY_TYPES[proposals.proposed[k]]]));
    expect(proposed).toEqual(Object.fromEntries(SAMPLE_FAMILIES.map(([f, t]) => [f, t])));
  });

  it("sampleRows(clients) gives the header then one row per client", () => {
    const rows = sampleRows(clients);
    expect(rows[0]).toEqual([...SAMPLE_HEADERS]);
    expect(rows).toHaveLength(181);
  });

  it.each([
    { name: "elastic", ca: [100, 130], contacts: [10, 12], reading: "elastic" },
    { name: "low", ca: [100, 110], contacts: [10, 15], reading: "low" },
    { name: "inelastic", ca: [100, 100], contacts: [10, 12], reading: "inelastic" },
    { name: "inverse", ca: [100, 90], contacts: [10, 12], reading: "inverse" },
    { name: "same contacts", ca: [100, 90], contacts: [10, 10], reading: "same" },
    { name: "no contacts before", ca: [100, 90], contacts: [0, 2], reading: "none" },
    { name: "no CA before", ca: [0, 90], contacts: [1, 2], reading: "none" },
  ])("readingOf(ca, contacts): $name", ({ ca, contacts, reading }) => {
    expect(readingOf(ca[0], ca[1], contacts[0], contacts[1])).toBe(reading);
  });

  it("prospectCriteria(n, seed): 18 retained of 30 and écartés on every rule, deterministic, scores 1 to 5", () => {
    const prospects = clients.filter((c) => c.prospect);
    const all = prospects.flatMap((c) => [...(c.criteria ?? [])]);
    expect(all).toHaveLength(120);
    expect(all.every((v) => Number.isInteger(v) && v >= 1 && v <= 5)).toBe(true);
    const rule = (k: readonly number[]): string =>
      k[0] < 3 ? "pertinence" : k[1] < 3 ? "credibility" : k[2] < 3 ? "attractiveness" : k[3] < 3 ? "ourAttractiveness" : "retained";
    const counts: Record<string, number> = {};
    for (const c of prospects) counts[rule(c.criteria ?? [])] = (counts[rule(c.criteria ?? [])] ?? 0) + 1;
    expect(counts).toEqual({ retained: 18, pertinence: 4, credibility: 3, attractiveness: 3, ourAttractiveness: 2 });
    expect(prospectCriteria(30, 7)).toEqual(prospectCriteria(30, 7));
  });

  it("fixZipTimes(zip) refuses what is not a zip", () => {
    expect(() => fixZipTimes(Buffer.from("not a zip at all, just some text long enough"), new Date())).toThrow("not a zip file");
  });
});
