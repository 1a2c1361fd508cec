import ExcelJS from "exceljs";
import JSZip from "jszip";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { freshProfile, hasCommand } from "../xlsx/soffice";
import { pac, tempDir } from "./run";

const tmp = tempDir("pac-hostile-");
afterAll(() => tmp.remove());

const HAVE_SOFFICE = hasCommand("soffice");
if (!HAVE_SOFFICE) console.warn("test/cli/hostileWorkbooks.test.ts: LibreOffice check skipped, `soffice` not found");
const itSoffice = HAVE_SOFFICE ? it : it.skip;

/** A client workbook made hostile: a VBA project (an .xlsm), and its workbook, styles and strings parts with an `x:` prefix. */
async function hostileWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Clients").addRows([["Client", "CA 2024", "CA 2025", "Potentiel"], ["Dupont", 1000, 1200, 4000], ["Martin", 300, 250, 900], ["Durand", 50, 80, 400]]);
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  for (const path of ["xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"]) {
    const file = zip.file(path);
    if (!file) continue;
    const xml = await file.async("string");
    zip.file(
      path,
      xml
        .replace(/<(\/?)([A-Za-z]\w*)(?=[\s/>])/g, (m, slash: string, name: string) => `<${slash}x:${name}`)
        .replace(/\sxmlns="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/, ' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'),
    );
  }
  zip.file("xl/vbaProject.bin", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  zip.file("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types
      .replace("<Default ", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ')
      .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"),
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("pac plan on a macro-enabled workbook with namespace-prefixed parts", () => {
  const input = tmp.path("clients.xlsm");
  const out = tmp.path("clients-PAC.xlsx");
  let run: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    writeFileSync(input, await hostileWorkbook());
    run = await pac(["plan", input, "--out", out]);
  });

  it("writes an .xlsx without the VBA project, and the summary says so", async () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Macros (VBA) du classeur d'entrée non recopiées\u00a0: un fichier .xlsx ne peut pas en contenir");
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(zip.file("xl/vbaProject.bin")).toBeNull();
    expect(await zip.file("[Content_Types].xml")!.async("string")).not.toMatch(/macroEnabled|vbaProject/);
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    expect([...workbook.matchAll(/<sheet [^>]*?name="([^"]+)"/g)].map((m) => m[1])).toEqual(["Clients", "Cibles", "Contacts", "PAC", "Fiches clients", "Remarques", "Catalogue"]);
  });

  itSoffice(
    "the output opens in LibreOffice with every sheet (checked by converting it, fresh profile)",
    async () => {
      const profile = freshProfile();
      const dir = tmp.path("lo");
      execFileSync("soffice", [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", dir, out], { timeout: 120_000, stdio: "ignore" });
      const back = await (await JSZip.loadAsync(readFileSync(`${dir}/clients-PAC.xlsx`))).file("xl/workbook.xml")!.async("string");
      expect([...back.matchAll(/<sheet [^>]*?name="([^"]+)"/g)].map((m) => m[1])).toEqual(["Clients", "Cibles", "Contacts", "PAC", "Fiches clients", "Remarques", "Catalogue"]);
    },
    150_000,
  );
});
