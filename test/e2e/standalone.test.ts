/**
 * The standalone page (app.html) in a real browser: Debian's Chromium driven by playwright-core, against the
 * production build served from dist/ by a tiny static server. The page loads no office.js and nothing from
 * outside its origin: any other request fails the test. It asks for a file and offers the result as a download.
 *
 * Skips, saying why, when /usr/bin/chromium is absent (CI: apt-get install -y chromium). Builds dist/ when
 * missing. Screenshots go to test/artifacts/ (git-ignored).
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { BrowserContext, Page } from "playwright-core";
import { readPart, readZip } from "../../src/xlsx/unzip";
import { describeWithChromium, offlinePages, ROOT } from "./browser";

const ARTIFACTS = join(ROOT, "test", "artifacts");
const SAMPLE = join(ROOT, "assets", "sample", "clients-demo.xlsx");

/** A small client workbook, used when the bundled sample is absent. */
async function sampleBytes(): Promise<Buffer> {
  if (existsSync(SAMPLE)) return readFileSync(SAMPLE);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Clients");
  ws.addRow(["Code client", "Raison sociale", "CA 2024", "CA 2025", "Potentiel", "Contacts 2024", "Contacts 2025"]);
  for (let i = 1; i <= 40; i++) ws.addRow([`C${i}`, `Client ${i}`, 1000 * (41 - i), 1100 * (41 - i) + (i % 3) * 500, 3000 * ((i * 7) % 40 + 1), 1 + (i % 6), 2 + (i % 5)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const describeBrowser = describeWithChromium("test/e2e/standalone");

describeBrowser("standalone page in Chromium", () => {
  let origin: string;
  let context: BrowserContext;
  let closePages: (() => Promise<void>) | undefined;
  // Nothing may leave the machine: any request off our origin fails the test.
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ({ origin, context, close: closePages } = await offlinePages(problems));
  }, 300_000);

  afterAll(async () => {
    await closePages?.();
  });

  async function openPage(): Promise<Page> {
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`${origin}/app.html`);
    await page.getByRole("heading", { name: "Ouvrir un fichier de clients" }).waitFor({ timeout: 30_000 });
    return page;
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
  }

  it("goes from the sample workbook to a downloaded workbook with Cibles, Contacts and PAC", async () => {
    const page = await openPage();
    await shot(page, "0-open.png");
    await page.locator("#file-input").setInputFiles({
      name: "clients-demo.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await sampleBytes(),
    });
    await page.getByRole("heading", { name: "Rapport d'import" }).waitFor({ timeout: 30_000 });
    await shot(page, "1-source.png");

    await page.getByRole("button", { name: "Suivant" }).click();
    await page.getByRole("heading", { name: "Méthodes de ciblage" }).waitFor();
    await page.getByRole("button", { name: "Avancé : seuils" }).click();
    await page.getByRole("spinbutton", { name: "ABC : seuil de la classe A (%)" }).waitFor();
    await page.waitForTimeout(400); // the accordion's opening animation
    await shot(page, "2-methods.png");

    await page.getByRole("tab", { name: /Capital de contacts/ }).click();
    await page.getByRole("heading", { name: "Capital de contacts" }).waitFor();
    await page.getByRole("slider", { name: /^Entretien/ }).focus();
    await page.keyboard.press("ArrowRight");
    await shot(page, "3-capital.png");
    const total = await page.getByText(/^Total : \d+/).textContent();
    expect(total?.replace(/\s/g, "")).toBe("Total:100%");

    await page.getByRole("tab", { name: /Aperçu/ }).click();
    await page.getByRole("img", { name: "Courbe de Pareto (CA cumulé)" }).waitFor();
    await page.getByRole("button", { name: /^Pourquoi pour / }).first().click();
    await shot(page, "4-preview.png");

    // The writer's compression worker starts when the last step opens, before the first generation.
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await page.getByRole("tab", { name: /Générer/ }).click();
    for (let waited = 0; workers.length === 0 && waited < 10_000; waited += 100) await page.waitForTimeout(100);
    expect(workers).toEqual([`${origin}/deflate-worker.js`]);
    await page.getByRole("button", { name: "Générer", exact: true }).click();
    await page.getByText(/^Feuilles écrites : /).waitFor({ timeout: 60_000 });
    expect(await page.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("1");
    // The sheets were compressed off the page's thread, by the writer's worker from the page's own origin.
    expect(workers).toEqual([`${origin}/deflate-worker.js`]);
    await page.waitForTimeout(400); // the progress bar's width transition
    await shot(page, "5-generate.png");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Télécharger le classeur" }).click()]);
    expect(download.suggestedFilename()).toBe("clients-demo-PAC.xlsx");
    const saved = join(ARTIFACTS, "clients-demo-PAC.xlsx");
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const names = wb.worksheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Cibles", "Contacts", "PAC"]));
    expect(wb.getWorksheet("Cibles")?.rowCount).toBeGreaterThan(2);
    // Written by src/xlsx: the user's sheets kept, the charts as DrawingML parts, Cibles as an Excel table.
    expect(names[0]).toBe("Clients");
    expect(wb.getWorksheet("Cibles")?.getTables().length).toBeGreaterThan(0);
    // Every part inflates to its size and its CRC-32 (computed by the browser's gzip stream, in the worker).
    for (const entry of readZip(readFileSync(saved))) expect(readPart(entry).length).toBe(entry.size);
    const zip = await JSZip.loadAsync(readFileSync(saved));
    expect(zip.file("xl/charts/chart1.xml")).not.toBeNull();
    expect(Object.keys(zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p)).length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  it("still writes the workbook, on the page's own thread, when its compression worker cannot start", async () => {
    const page = await openPage();
    await page.route("**/deflate-worker.js", (route) => route.fulfill({ status: 404, body: "" }));
    await page.locator("#file-input").setInputFiles({
      name: "clients-demo.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await sampleBytes(),
    });
    await page.getByRole("heading", { name: "Rapport d'import" }).waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Suivant" }).click();
    await page.getByRole("tab", { name: /Générer/ }).click();
    await page.getByRole("button", { name: "Générer", exact: true }).click();
    await page.getByText(/^Feuilles écrites : /).waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Télécharger le classeur" }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path()) as string);
    expect(wb.getWorksheet("Cibles")?.rowCount).toBeGreaterThan(2);
    // Compressed on the page's own stream: every part's CRC-32 is still right.
    for (const entry of readZip(readFileSync((await download.path()) as string))) expect(readPart(entry).length).toBe(entry.size);
    // The failed worker script is the only problem seen (the browser logs its 404).
    expect(problems.filter((p) => !p.includes("404"))).toEqual([]);
    problems.length = 0;
    await page.close();
  }, 120_000);

  it("says in French that a malformed .xlsx cannot be read", async () => {
    const page = await openPage();
    await page.locator("#file-input").setInputFiles({
      name: "abime.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("ceci n'est pas un classeur")]),
    });
    await page.getByText(/^Le fichier « abime\.xlsx » n'est pas un classeur \.xlsx lisible/).waitFor({ timeout: 30_000 });
    await shot(page, "6-malformed.png");
    await page.close();
  }, 120_000);
});
