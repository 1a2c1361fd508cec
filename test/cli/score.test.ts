import { mkdirSync, writeFileSync } from "node:fs";
import { parseCsv } from "../../src/io/csv";
import { SAMPLE_PATH, generateClients } from "../../scripts/make-sample";
import { pac, tempDir } from "./run";

const COLUMNS =
  "id,abc,r,p,pr_code,pr_gap,pr_target,rfm_code,rfm_sum,rfm_segment,quadrant,maturity,elasticity,contacts_planned,objective_ca,objective_reason,prospect_status,ep,conquete,engagement,ca_at_risk,ideal";
/** French output: ";" between fields (a French Excel splits it), decimal commas. */
const HEADER = COLUMNS.replace(/,/g, ";");
const tmp = tempDir("pac-score-");
afterAll(() => tmp.remove());

describe("pac score", () => {
  it("pac score <sample> --format csv prints the header then one row per client and per prospect, in file order", async () => {
    const run = await pac(["score", SAMPLE_PATH, "--format", "csv"]);
    // Every remark on stderr, counted and listed one a line.
    const count = Number(/^À vérifier \((\d+)\)\u00a0:\n/.exec(run.stderr)?.[1]);
    expect(count).toBeGreaterThan(0);
    // Then engagement's state (no --types: not computed, the proposed types to confirm) and the ideal client.
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines.slice(count + 1)).toEqual([
      "Familles de produits\u00a0: 6 familles lues dans la colonne «\u00a0Famille\u00a0» de «\u00a0Journal\u00a0»",
      expect.stringMatching(/^Engagement\u00a0: non calculé, les types des familles/),
      expect.stringMatching(/^Types proposés d'après le journal, à confirmer/),
      "  Papier et essuyage;FiLo",
      "  Cartons et caisses;FiLo",
      "  Films et sacs;FiFo",
      "  Calage et protection;LiFo",
      "  Produits d'hygiène;LiFo",
      "  Distributeurs et équipements;LiLo",
      expect.stringMatching(/^Client idéal\u00a0: idéaux \d+ · heureux \d+ · à risque \d+ · à éviter \d+$/),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(`${HEADER}\r\n`)).toBe(true);
    const rows = parseCsv(run.stdout, ";");
    expect(rows).toHaveLength(181);
    expect(rows.slice(1).map((r) => r[0])).toEqual(generateClients().map((c) => c.code));
    expect(rows.every((r) => r.length === 22)).toBe(true);
    const clients = rows.slice(1, 151);
    const prospects = rows.slice(151);
    // Every client has an ABC class, R, P, planned contacts and an objective with its reason; classes take their
    // closed values; the prospect columns are empty.
    for (const r of clients) {
      expect(["A", "B", "C"]).toContain(r[1]);
      expect(["1", "2", "3", "4"]).toContain(r[2]);
      expect(r[4]).toMatch(/^P[1-4]-R[1-4]$/);
      expect(["Développer", "Entretenir", "Sécuriser"]).toContain(r[6]);
      expect(["", "D", "C", "M", "V"]).toContain(r[11]);
      expect(r[13]).toMatch(/^\d+$/);
      expect(r[14]).toMatch(/^\d+(,\d{1,2})?$/);
      expect(r[15]).not.toBe("");
      expect([r[16], r[17], r[18]]).toEqual(["", "", "0"]);
    }
    const column = (k: number): Set<string> => new Set(clients.map((r) => r[k]));
    expect(column(11)).toEqual(new Set(["D", "C", "M", "V"]));
    expect(column(10)).toEqual(new Set(["Squelettes", "Vaches à lait", "Poules aux œufs d'or", "Contactivores"]));
    // Prospects: no class, a status, an Ep (0 to 100, decimal comma) and their conquest contacts; écartés get none.
    for (const r of prospects) {
      expect(r.slice(1, 13).every((v) => v === "")).toBe(true);
      expect(["retenu", "écarté"]).toContain(r[16]);
      expect(r[17]).toMatch(/^\d+(,\d{1,2})?$/);
      expect(r[18]).toMatch(r[16] === "retenu" ? /^[1-6]$/ : /^0$/);
    }
    expect(prospects.filter((r) => r[16] === "retenu")).toHaveLength(18);
    // The conquête family (81 contacts of 540) all goes to the retained prospects, by Ep.
    expect(prospects.reduce((a, r) => a + Number(r[18]), 0)).toBe(81);
    // A client's reason, in French: "P1-R3 : potentiel non capté, +20 % → objectif 12 000 €."
    expect(clients.some((r) => /^P\d-R\d\u00a0: potentiel non capté, \+20\u202f% → objectif [\d\u202f]+\u00a0€\.$/.test(r[15]))).toBe(true);
    // French numbers keep their decimal comma, unquoted with ";" between fields; gaps are numbers.
    expect(run.stdout).toMatch(/;-?\d+,\d+;/);
    expect(run.stdout).toMatch(/;-[1-3];/);
  });

  it("pac score <sample> --format json prints an array of objects with the stable keys", async () => {
    const run = await pac(["score", SAMPLE_PATH, "--format", "json"]);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(180);
    expect(Object.keys(rows[0]).join(",")).toBe(`${COLUMNS},entretien,stimulation,calendar,engagement_reason,ideal_reason,warnings`);
    expect(rows.find((r) => r.id === "C018")?.abc).toMatch(/^[ABC]$/);
    // Numbers are JSON numbers; the calendar has 12 months and sums to the planned contacts.
    for (const r of rows) {
      const prospect = r.prospect_status !== null;
      expect(prospect).toBe(String(r.id).startsWith("P"));
      expect(typeof r.r).toBe(prospect ? "object" : "number");
      expect(typeof r.objective_ca).toBe(prospect ? "object" : "number");
      expect(typeof r.ep).toBe(prospect ? "number" : "object");
      expect(typeof r.contacts_planned).toBe("number");
      expect(r.elasticity === null || typeof r.elasticity === "number").toBe(true);
      const calendar = r.calendar as number[];
      expect(calendar).toHaveLength(12);
      expect(calendar.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
      expect(calendar.reduce((a, b) => a + b, 0)).toBe(r.contacts_planned);
      expect((r.entretien as number) + (r.stimulation as number) + (r.conquete as number)).toBe(r.contacts_planned);
      expect(Array.isArray(r.warnings)).toBe(true);
    }
  });

  it("pac score --lang en writes labels and numbers the English way", async () => {
    const run = await pac(["score", SAMPLE_PATH, "--lang", "en"]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(`${COLUMNS}\r\n`)).toBe(true);
    expect(run.stderr).toMatch(/^To check \(\d+\):\n/);
    const rows = parseCsv(run.stdout, ",").slice(1);
    expect(new Set(rows.slice(0, 150).map((r) => r[6]))).toEqual(new Set(["Develop", "Maintain", "Secure"]));
    expect(rows.some((r) => /^-?\d+\.\d+$/.test(r[12]))).toBe(true);
    expect(new Set(rows.slice(150).map((r) => r[16]))).toEqual(new Set(["retained", "rejected"]));
    expect(rows.slice(0, 150).every((r) => r[15] !== "" && !/[\u00a0\u202f]/.test(r[15]))).toBe(true);
  });

  it("pac score reads a French CSV (';', UTF-8 BOM, decimal commas, dd/mm/yyyy dates)", async () => {
    const file = tmp.path("clients.csv");
    writeFileSync(
      file,
      "\ufeffCode client;Raison sociale;CA 2024;CA 2025;Potentiel;Visites 2024;Visites 2025;Date dernier achat\r\n" +
        "C1;Boulangerie Noël;10 000,00;12 500,50;40 000;4;6;15/11/2025\r\n" +
        'C2;"Dupont; Fils";8 000;6 000;9 000;3;3;02/06/2025\r\n' +
        "C3;=Équilibre;1 000;1 100;5 000;1;2;01/12/2025\r\n",
    );
    const run = await pac(["score", file]);
    // Four remarks on the rows, then the allocation's two (no client for turbo visits, no prospect for conquête).
    expect(run.stderr).toMatch(/^À vérifier \(6\)\u00a0:\n/);
    expect(run.stderr).toMatch(/\n {2}- C1 \(ligne 2\)\u00a0: fréquence vide/);
    expect(run.stderr).toMatch(/réserve non affectée/);
    expect(run.code).toBe(0);
    const rows = parseCsv(run.stdout, ";");
    expect(rows.map((r) => r[0])).toEqual(["id", "C1", "C2", "C3"]);
    expect(rows[1][1]).toBe("A");
    expect(rows[2][11]).toBe("V");
  });

  it("pac score reads a sales journal and scores its clients (RFM from the invoices)", async () => {
    const file = tmp.path("journal.csv");
    const lines = ["N° facture;Date facture;Client;Montant"];
    const customers = ["Alpha", "Bravo", "Charlie", "Delta"];
    let invoice = 1000;
    customers.forEach((c, k) => {
      for (let j = 0; j <= k; j++) lines.push(`F${invoice++};${String(1 + j * 3).padStart(2, "0")}/0${1 + k}/2025;${c};${(k + 1) * 1000 + j * 10},50`);
    });
    writeFileSync(file, `${lines.join("\n")}\n`);
    const run = await pac(["score", file, "--format", "json", "--reference-date", "2025-12-31"]);
    // The journal starts in 2025: N-1 is not covered, so maturity and elasticity are not computed (SPEC §7).
    expect(run.stderr).toMatch(/^À vérifier \(3\)\u00a0:\n {2}- Le journal couvre du 01\/01\/2025 au 10\/04\/2025/);
    expect(run.stderr).toContain("maturité et élasticité non calculées");
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Record<string, string>[];
    expect(rows.map((r) => r.id)).toEqual(customers);
    expect(rows.every((r) => /^[1-5]{3}$/.test(r.rfm_code))).toBe(true);
    expect(rows[3].abc).toBe("A");
  });

  it("pac score takes the sheet named by --sheet and skips title rows above the header", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "rien ici";
    const sheet = wb.addWorksheet("Portefeuille");
    sheet.addRows([["Portefeuille 2025 — secteur Nord"], [], ["Client", "CA"], ["X1", 900], ["X2", 60], ["X3", 40]]);
    const file = tmp.path("titled.xlsx");
    await wb.xlsx.writeFile(file);
    const run = await pac(["score", file, "--sheet", "portefeuille"]);
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n")[0]).toBe("En-tête lu à la ligne 3 (les lignes au-dessus sont des titres).");
    expect(parseCsv(run.stdout, ";").map((r) => r.slice(0, 2))).toEqual([["id", "abc"], ["X1", "A"], ["X2", "B"], ["X3", "C"]]);
  });

  it("pac score reports progress on stderr for big inputs, never on stdout", async () => {
    const run = await pac(["score", SAMPLE_PATH], { progressAbove: 100 });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^181 lignes lues \([\d,]+ s\)\u202f; analyse du tableau…\n180 clients lus/);
    expect(run.stderr).toMatch(/Terminé en [\d,]+ s\.\nÀ vérifier/);
    expect(run.stdout.startsWith(HEADER)).toBe(true);
  });

  it("pac score warns that --sheet does not apply to a CSV", async () => {
    mkdirSync(tmp.path("sub"), { recursive: true });
    const file = tmp.path("sub/c.csv");
    writeFileSync(file, "Client;CA\nA;10\nB;5\n");
    const run = await pac(["score", file, "--sheet", "X"]);
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n")[0]).toBe(`Attention\u00a0: --sheet ne s'applique qu'à un classeur .xlsx\u202f; ignorée pour «\u00a0${file}\u00a0».`);
  });
});
