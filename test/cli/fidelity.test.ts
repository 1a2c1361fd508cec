/*
 * Engagement by product type (SPEC §12), the ideal client (§13) and the action catalogue from the command line:
 * `--types`, the columns engagement / ca_at_risk / ideal of `pac score`, the proposed types printed for the rep to
 * confirm, the French messages of a bad types file, the Online Retail II journal end to end, and the demo's PAC
 * opened by LibreOffice with its drop-down lists.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import path from "node:path";
import { readFileSync, writeFileSync } from "node:fs";
import { SAMPLE_PATH, SAMPLE_TYPES_PATH, generateClients } from "../../scripts/make-sample";
import { convert, freshProfile, hasCommand } from "../xlsx/soffice";
import { pac, tempDir } from "./run";

const tmp = tempDir("pac-fidelity-");
afterAll(() => tmp.remove());
const RETAIL = path.resolve(__dirname, "../fixtures/online_retail_II_sample.xlsx");
const itSoffice = hasCommand("soffice") ? it : it.skip;

type Row = Record<string, string | number | null>;

async function scoreJson(argv: readonly string[]): Promise<{ rows: Row[]; stderr: string; code: number }> {
  const run = await pac(["score", ...argv, "--format", "json"]);
  return { rows: run.code === 0 ? (JSON.parse(run.stdout) as Row[]) : [], stderr: run.stderr, code: run.code };
}

function tally(rows: readonly Row[], key: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) {
    const v = String(r[key] ?? "");
    out[v] = (out[v] ?? 0) + 1;
  }
  return out;
}

describe("pac score / pac plan with --types (engagement, SPEC §12) and the ideal client (§13)", () => {
  let withTypes: { rows: Row[]; stderr: string; code: number };
  beforeAll(async () => {
    withTypes = await scoreJson([SAMPLE_PATH, "--types", SAMPLE_TYPES_PATH]);
  });

  it("pac score <sample> --types types.csv: engagement, ca_at_risk and ideal per client, with their reasons; nothing for the prospects", () => {
    expect(withTypes.code).toBe(0);
    const clients = withTypes.rows.slice(0, 150);
    const prospects = withTypes.rows.slice(150);
    expect(tally(clients, "engagement")).toEqual({ "Perte du client probable": 23, "Risque de perte de CA": 25, Engagé: 38, "Fidélité à construire": 64 });
    expect(tally(clients, "ideal")).toEqual({ "Clients idéaux": 34, "Clients heureux": 30, "Clients à risque": 35, "Clients à éviter": 40, "": 11 });
    expect(prospects.every((r) => r.engagement === null && r.ca_at_risk === null && r.ideal === null)).toBe(true);
    // The CA at risk of the clients leaving, as the summary says it (878 590 €), and in total (970 066 €).
    const leaving = clients.filter((r) => r.engagement === "Perte du client probable" || r.engagement === "Risque de perte de CA");
    expect(Math.round(leaving.reduce((a, r) => a + (r.ca_at_risk as number), 0))).toBe(878_590);
    expect(Math.round(clients.reduce((a, r) => a + ((r.ca_at_risk as number | null) ?? 0), 0))).toBe(970_066);
    const lost = clients.find((r) => r.engagement === "Perte du client probable");
    expect(lost?.engagement_reason).toMatch(/^A cessé d'acheter la famille «\s(Cartons et caisses|Papier et essuyage)\s» \(FiLo/);
    expect(clients.find((r) => r.ideal === "Clients idéaux")?.ideal_reason).toMatch(/→ Clients idéaux\s: à viser en priorité/);
    // Every client's row in file order.
    expect(withTypes.rows.map((r) => r.id)).toEqual(generateClients().map((c) => c.code));
  });

  it("pac score <sample> without --types: no engagement column filled, and every proposed type printed on stderr for the rep to confirm", async () => {
    const run = await scoreJson([SAMPLE_PATH]);
    expect(run.code).toBe(0);
    expect(run.rows.every((r) => r.engagement === null)).toBe(true);
    expect(run.stderr).toContain(
      "Engagement\u00a0: non calculé, les types des familles (FiLo, FiFo, LiFo, LiLo) ne sont pas donnés\u202f; des types sont proposés d'après le journal, à confirmer (ligne de commande\u00a0: --types fichier).",
    );
    expect(run.stderr).toContain("\n  Cartons et caisses;FiLo\n");
    expect(run.stderr).toContain("\n  Distributeurs et équipements;LiLo\n");
  });

  it("--types reads a workbook too: the first sheet with a « Type » column", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").addRow(["Ce classeur donne les types"]);
    const sheet = wb.addWorksheet("Types");
    sheet.addRow(["Famille de produit", "Type de produit"]);
    for (const line of readFileSync(SAMPLE_TYPES_PATH, "utf8").trim().split(/\r?\n/).slice(1)) sheet.addRow(line.split(";"));
    const file = tmp.path("types.xlsx");
    await wb.xlsx.writeFile(file);
    const run = await scoreJson([SAMPLE_PATH, "--types", file]);
    expect(run.code).toBe(0);
    expect(run.rows.map((r) => r.engagement)).toEqual(withTypes.rows.map((r) => r.engagement));
  });

  it("--types: a type that is not one of the four is reported with its row, its family left untyped", async () => {
    const file = tmp.path("types-typo.csv");
    writeFileSync(file, readFileSync(SAMPLE_TYPES_PATH, "utf8").replace("Distributeurs et équipements;LiLo", "Distributeurs et équipements;Lilou"));
    const run = await scoreJson([SAMPLE_PATH, "--types", file]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`Table des types «\u00a0${file}\u00a0»\u00a0: Ligne 7, «\u00a0Type\u00a0»\u00a0: «\u00a0Lilou\u00a0» n'est pas un type`);
    // Without its LiLo family no client is « engagé ».
    expect(tally(run.rows.slice(0, 150), "engagement").Engagé).toBeUndefined();
  });

  it.each([
    { name: "a missing file", file: () => tmp.path("absent.csv"), message: (f: string) => `Fichier introuvable\u00a0: ${f}` },
    {
      name: "a file without a type column",
      file: () => {
        const f = tmp.path("no-type.csv");
        writeFileSync(f, "Famille;Remarque\nCartons et caisses;à revoir\n");
        return f;
      },
      message: (f: string) =>
        `--types «\u00a0${f}\u00a0»\u00a0: Table des types\u00a0: il faut une colonne «\u00a0Type\u00a0» (FiLo, FiFo, LiFo, LiLo) et une colonne de familles (colonnes lues\u00a0: Famille, Remarque).`,
    },
    {
      name: "a workbook without a type table",
      file: () => SAMPLE_PATH,
      message: (f: string) => `--types «\u00a0${f}\u00a0»\u00a0: aucune feuille n'a de colonne «\u00a0Type\u00a0» (FiLo, FiFo, LiFo, LiLo) et de colonne de familles.`,
    },
  ])("pac plan --types $name: exit code 2 and one French line", async ({ file, message }) => {
    const f = file();
    const run = await pac(["plan", SAMPLE_PATH, "--types", f, "--out", tmp.path("never.xlsx")]);
    expect(run).toEqual({ code: 2, stdout: "", stderr: `${message(f)}\n` });
  });

  it("pac plan <client table CSV> --types: no journal, so --types is ignored with a warning, and the summary says why engagement is off", async () => {
    const csv = tmp.path("clients.csv");
    writeFileSync(csv, "Client;CA 2024;CA 2025;Visites 2025;Satisfaction\nA;100;120;4;4\nB;300;200;2;2\nC;50;60;1;5\n");
    const run = await pac(["plan", csv, "--types", SAMPLE_TYPES_PATH, "--out", tmp.path("clients-PAC.xlsx")]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      "Attention\u00a0: --types est ignoré, car il faut un journal des ventes avec une colonne produit ou famille qui couvre N-1 et N (une feuille du classeur, ou le fichier lu).\n",
    );
    expect(run.stdout).toContain("Engagement\u00a0: non calculé, il faut un journal des ventes");
    // Productivity 30, 100, 60 (median 60), satisfaction 4, 2, 5 (median 4): « élevé » is strictly above.
    expect(run.stdout).toContain("Client idéal\u00a0: idéaux 0 · heureux 1 · à risque 1 · à éviter 1");
  });

  it.each([
    {
      name: "covering N-1 and N: the first rule wins for a client that stopped a FiLo and a LiFo family at once; a family bought only in N engages",
      rows: [
        "A;F1;01/01/2024;Cartons;500",
        "A;F2;03/03/2024;Options;200",
        "A;F3;04/04/2025;Essai;50",
        "B;F4;05/01/2024;Cartons;300",
        "B;F5;05/02/2025;Cartons;310",
        "B;F6;05/06/2025;Premium;90",
      ],
      engagement: ["Perte du client probable", "Engagé"],
      atRisk: [700, 0],
      note: "",
    },
    {
      name: "not covering N-1: not computed, and the import report says which dates are needed",
      rows: ["A;F1;01/06/2025;Cartons;500", "B;F2;02/07/2025;Cartons;300"],
      engagement: [null, null],
      atRisk: [null, null],
      note: "Attention\u00a0: --types est ignoré, car le journal ne couvre pas N-1\u00a0: les familles de N-1 et de N ne se comparent pas.",
    },
  ])("pac score <journal CSV> --types, $name", async ({ rows, engagement, atRisk, note }) => {
    const csv = tmp.path(`journal-${rows.length}.csv`);
    writeFileSync(csv, ["Client;N° facture;Date;Famille;Montant", ...rows].join("\n"));
    const types = tmp.path("journal-types.csv");
    writeFileSync(types, "Famille;Type\nCartons;FiLo\nOptions;LiFo\nEssai;FiFo\nPremium;LiLo\n");
    const run = await scoreJson([csv, "--types", types, "--reference-date", "2026-01-01"]);
    expect(run.code).toBe(0);
    expect(run.rows.map((r) => r.engagement)).toEqual(engagement);
    expect(run.rows.map((r) => r.ca_at_risk)).toEqual(atRisk);
    if (note) {
      expect(run.stderr).toContain(`${note}\n`);
      expect(run.stderr).toMatch(/Engagement par type de produit non calculé/);
    }
  });

  it("pac score --lang en: the engagement and ideal labels in English", async () => {
    const run = await pac(["score", SAMPLE_PATH, "--types", SAMPLE_TYPES_PATH, "--lang", "en"]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\r\n")[0].endsWith(",engagement,ca_at_risk,ideal")).toBe(true);
    expect(run.stdout).toContain(",Client loss likely,");
    expect(run.stdout).toContain(",Ideal clients\r\n");
    expect(run.stderr).toMatch(/\nEngagement: loss likely 23 · sales at risk 25 · engaged 38 · to build 64; sales at risk €970,066/);
  });
});

/*
 * The Online Retail II journal (test/fixtures, both sheets combined with --sheet all, product = StockCode), as a
 * rep would run it: pac score without --types prints the proposed types; those lines, saved as the types file,
 * give engagement. The figures are test/fixtures/online_retail_engagement.py's, computed with openpyxl apart from
 * this code (see test/io/onlineRetailEngagement.test.ts): 149 perte probable, 0 risque de perte de CA, 93 engagés,
 * 17 à fidéliser, 3 not classed; CA at risk 222 563,66.
 */
describe("the Online Retail II journal end to end (pac score --sheet all, product = StockCode)", () => {
  it("the proposed types printed, saved as the --types file, give the independently computed engagement", async () => {
    const first = await pac(["score", RETAIL, "--sheet", "all", "--format", "json"]);
    expect(first.code).toBe(0);
    const proposed = first.stderr.split("\n").filter((l) => /^ {2}[^;]+;(FiLo|FiFo|LiFo|LiLo)$/.test(l));
    // 2 896 codes, 81 without a proposal (no buyer still active): 2 815 lines to confirm.
    expect(proposed).toHaveLength(2815);
    expect(first.stderr).toMatch(/\nFamilles de produits\u00a0: 2\u202f896 familles lues dans la colonne «\u00a0StockCode\u00a0»/);
    const file = tmp.path("retail-types.csv");
    writeFileSync(file, ["StockCode;Type", ...proposed.map((l) => l.trim())].join("\n"));
    const second = await scoreJson([RETAIL, "--sheet", "all", "--types", file]);
    expect(second.code).toBe(0);
    expect(second.rows).toHaveLength(262);
    expect(tally(second.rows, "engagement")).toEqual({ "Perte du client probable": 149, Engagé: 93, "Fidélité à construire": 17, "": 3 });
    expect(second.rows.reduce((a, r) => a + ((r.ca_at_risk as number | null) ?? 0), 0)).toBeCloseTo(222563.66, 1);
    expect(second.rows.find((r) => r.id === "12417")?.ca_at_risk).toBeCloseTo(1763.34, 2);
    // The 81 codes without a proposal stay untyped: said once, on stderr.
    expect(second.stderr).toMatch(/81 familles du journal sans type/);
  }, 120_000);
});

describe("the demo's PAC in LibreOffice", () => {
  itSoffice(
    "LibreOffice opens the demo output and keeps the « Actions choisies » cells as list validations over the Catalogue, pre-filled",
    async () => {
      const out = tmp.path("PAC-demo.xlsx");
      const run = await pac(["plan", SAMPLE_PATH, "--types", SAMPLE_TYPES_PATH, "--out", out]);
      expect(run.code).toBe(0);
      const [saved] = await convert(freshProfile(1), [out], "xlsx", tmp.path("lo"));
      const zip = await JSZip.loadAsync(readFileSync(saved));
      const workbook = await zip.file("xl/workbook.xml")!.async("string");
      const names = [...workbook.matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)].map((m) => m[1]);
      expect(names).toEqual(["Clients", "Journal", "Lisez-moi", "Cibles", "Contacts", "PAC", "Prospects", "Fiches clients", "Remarques", "Catalogue"]);
      const pacXml = await zip.file(`xl/worksheets/sheet${names.indexOf("PAC") + 1}.xml`)!.async("string");
      // Attributes in any order (LibreOffice writes sqref before type).
      const lists = [...pacXml.matchAll(/<dataValidation ([^>]*)>\s*<formula1>([^<]+)<\/formula1>/g)]
        .filter((m) => /\btype="list"/.test(m[1]))
        .map((m) => [/\bsqref="([^"]+)"/.exec(m[1])?.[1] ?? "", m[2], /\berrorStyle="([^"]+)"/.exec(m[1])?.[1] ?? ""]);
      expect(lists).toHaveLength(3);
      for (const [sqref, source, errorStyle] of lists) {
        expect(sqref).toMatch(/^[GJM]\d+:[GJM]\d+$/);
        // Another value is accepted after a warning (allowOther).
        expect(errorStyle).toBe("warning");
        expect(source).toMatch(/^(&apos;|')?Catalogue(&apos;|')?!\$B\$5:\$B\$55$/);
      }
      // The pre-filled suggestion sits in the first list cell (LibreOffice writes it as a shared string).
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(saved);
      const sheet = book.getWorksheet("PAC") as ExcelJS.Worksheet;
      const first = lists[0][0].split(":")[0];
      expect(sheet.getCell(first).value).toBe("Cross selling");
      expect((book.getWorksheet("Catalogue") as ExcelJS.Worksheet).getCell("B5").value).toBe("Porte-à-porte");
    },
    180_000,
  );
});
