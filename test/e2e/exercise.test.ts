/**
 * « Mode exercice » in the standalone page (app.html) in Chromium, against the production build: a teacher opens
 * the ten-client case, goes to Générer, creates the exercise and gets two downloads, the student's book (with its
 * very hidden answers sheet) and the corrigé. Nothing leaves the machine. Screenshot in test/artifacts/.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import type { BrowserContext } from "playwright-core";
import { describeWithChromium, offlinePages, ROOT } from "./browser";

const ARTIFACTS = join(ROOT, "test", "artifacts");
const CASE = join(ROOT, "assets", "exercices", "abc-dix-clients.csv");

describeWithChromium("test/e2e/exercise")("Mode exercice in the standalone page", () => {
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

  it("creates the student's book and the corrigé as two downloads", async () => {
    const page = await context.newPage();
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    await page.goto(`${origin}/app.html`);
    await page.getByRole("heading", { name: "Ouvrir un fichier de clients" }).waitFor({ timeout: 30_000 });
    await page.locator("#file-input").setInputFiles({ name: "abc-dix-clients.csv", mimeType: "text/csv", buffer: readFileSync(CASE) });
    await page.getByRole("heading", { name: "Rapport d'import" }).waitFor({ timeout: 30_000 });
    await page.getByRole("tab", { name: /Générer/ }).click();
    await page.getByRole("heading", { name: "Mode exercice" }).waitFor();
    await page.getByRole("checkbox", { name: "Capital de contacts et nombre de commerciaux" }).click();
    const downloads: { name: string; path: string; saved: Promise<void> }[] = [];
    page.on("download", (d) => {
      const path = join(ARTIFACTS, d.suggestedFilename());
      downloads.push({ name: d.suggestedFilename(), path, saved: d.saveAs(path) });
    });
    await page.getByRole("button", { name: "Créer l'exercice et le corrigé" }).click();
    await page.getByText(/^Deux classeurs téléchargés/).waitFor({ timeout: 60_000 });
    await page.getByRole("heading", { name: "Mode exercice" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, "exercise-mode.png"), fullPage: true });
    for (let k = 0; k < 50 && downloads.length < 2; k++) await page.waitForTimeout(200);
    expect(downloads.map((d) => d.name)).toEqual(["abc-dix-clients-eleve.xlsx", "abc-dix-clients-corrige.xlsx"]);
    await Promise.all(downloads.map((d) => d.saved));
    const student = await JSZip.loadAsync(readFileSync(downloads[0].path));
    const workbook = (await student.file("xl/workbook.xml")?.async("string")) ?? "";
    expect(workbook).toMatch(/name="Réponses"[^>]*state="veryHidden"/);
    expect(workbook).not.toContain('name="Capital de contacts"');
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
