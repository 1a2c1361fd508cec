/**
 * The wizard at the width of Excel's task pane (issue 17), in Debian's Chromium against the production build:
 * every step at 320, 350, 400 and 1280 px without horizontal scroll (screenshots of 320, 350 and 1280 go to
 * test/artifacts/narrow/, git-ignored: look at them), axe-core on every step with zero "serious" or "critical"
 * violations (light and dark), and a keyboard-only pass from the file to the downloaded workbook, focus landing
 * on each step's heading.
 *
 * One browser launch; the steps are walked once and every width is tried on the same page.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { BrowserContext, FileChooser, Page } from "playwright-core";
import { describeWithChromium, offlinePages, ROOT } from "./browser";

const ARTIFACTS = join(ROOT, "test", "artifacts", "narrow");
const SAMPLE = join(ROOT, "assets", "sample", "clients-demo.xlsx");
const AXE = join(ROOT, "node_modules", "axe-core", "axe.min.js");
const WIDTHS = [320, 350, 400, 1280] as const;
const SHOT_WIDTHS: ReadonlySet<number> = new Set([320, 350, 1280]);

/** The steps as the tab list names them, with the heading each shows. */
const STEPS = [
  { tab: "1. Source", heading: "Source des données", file: "1-source" },
  { tab: "2. Méthodes", heading: "Méthodes de ciblage", file: "2-methods" },
  { tab: "3. Capital de contacts", heading: "Capital de contacts", file: "3-capital" },
  { tab: "4. Aperçu", heading: "Aperçu", file: "4-preview" },
  { tab: "5. Générer", heading: "Générer les feuilles", file: "5-generate" },
] as const;

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

const describeBrowser = describeWithChromium("test/e2e/narrow");

describeBrowser("the wizard in a narrow task pane, accessible, by keyboard", () => {
  let origin: string;
  let context: BrowserContext;
  let closePages: (() => Promise<void>) | undefined;
  // Nothing may leave the machine: any request off our origin fails the test.
  const problems: string[] = [];
  const axeSource = existsSync(AXE) ? readFileSync(AXE, "utf8") : "";

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ({ origin, context, close: closePages } = await offlinePages(problems));
  }, 300_000);

  afterAll(async () => {
    await closePages?.();
  });

  async function openPage(width: number): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`${origin}/app.html`);
    await page.getByRole("heading", { name: "Ouvrir un fichier de clients" }).waitFor({ timeout: 30_000 });
    return page;
  }

  const sampleFile = () => ({
    name: "clients-demo.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: readFileSync(SAMPLE),
  });

  /** axe-core's serious and critical violations on the page as it is (evaluated through the debugging protocol, so the page's CSP does not apply). */
  async function axeViolations(page: Page): Promise<string[]> {
    const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
    if (!loaded) await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
      // Tabster's focus guards (<i data-tabster-dummy aria-hidden tabindex=0>, which Fluent UI inserts) are a known
      // false positive of aria-hidden-focus (microsoft/tabster#288): they only pass focus on and must stay hidden.
      const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] } as unknown as Document, { resultTypes: ["violations"] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
    });
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  }

  /** The page's width and, when it scrolls sideways, the innermost elements that stick out (to name them in the failure). */
  async function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
    return page.evaluate(() => {
      const innerWidth = window.innerWidth;
      const scrollWidth = document.documentElement.scrollWidth;
      const culprits: string[] = [];
      if (scrollWidth > innerWidth) {
        for (const el of Array.from(document.querySelectorAll("body *"))) {
          const r = el.getBoundingClientRect();
          const inner = Array.from(el.children).some((ch) => ch.getBoundingClientRect().right > innerWidth);
          if (r.right > innerWidth + 0.5 && !inner && culprits.length < 3) {
            culprits.push(`${el.tagName.toLowerCase()}.${String(el.className).split(" ")[0]} "${(el.textContent ?? "").slice(0, 30)}" right=${Math.round(r.right)}`);
          }
        }
      }
      return { scrollWidth, innerWidth, culprits };
    });
  }

  /** Opens what each step can open (the advanced thresholds, a client's pourquoi), so the check covers them. */
  async function unfold(page: Page, file: string): Promise<void> {
    if (file === "2-methods") {
      const advanced = page.getByRole("button", { name: "Avancé : seuils" });
      if ((await advanced.getAttribute("aria-expanded")) !== "true") await advanced.click();
      await page.getByRole("spinbutton", { name: "ABC : seuil de la classe A (%)" }).waitFor();
      await page.waitForTimeout(400); // the accordion's animation
    }
    if (file === "4-preview") {
      const why = page.getByRole("button", { name: /^Pourquoi pour / }).first();
      if ((await why.getAttribute("aria-expanded")) !== "true") await why.click();
    }
  }

  it("every step fits 320, 350, 400 and 1280 px and passes axe-core (light and dark)", async () => {
    const page = await openPage(350);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator("#file-input").setInputFiles(sampleFile());
    await page.getByRole("heading", { name: "Rapport d'import" }).waitFor({ timeout: 30_000 });
    const wide: string[] = [];
    const failing: string[] = [];
    for (const step of STEPS) {
      await page.getByRole("tab", { name: step.tab }).click();
      await page.getByRole("heading", { name: step.heading, exact: true, level: 2 }).waitFor();
      if (step.file === "5-generate") {
        await page.getByRole("button", { name: "Générer", exact: true }).click();
        await page.getByText(/^Feuilles écrites : /).waitFor({ timeout: 60_000 });
        await page.waitForTimeout(400); // the progress bar's transition
      }
      await unfold(page, step.file);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        await page.waitForTimeout(50);
        const o = await overflow(page);
        if (o.scrollWidth > o.innerWidth) wide.push(`${step.file} at ${width}px: scrollWidth ${o.scrollWidth} (${o.culprits.join("; ")})`);
        if (SHOT_WIDTHS.has(width)) await page.screenshot({ path: join(ARTIFACTS, `${step.file}-${width}.png`), fullPage: true });
      }
      await page.setViewportSize({ width: 350, height: 800 });
      for (const v of await axeViolations(page)) failing.push(`${step.file}: ${v}`);
    }
    expect({ wide, failing }).toEqual({ wide: [], failing: [] });

    // The standalone page follows the browser's colour scheme; the dark theme passes the same check.
    await page.emulateMedia({ colorScheme: "dark" });
    await page.getByRole("tab", { name: "4. Aperçu" }).click();
    await page.getByRole("heading", { name: "Aperçu", exact: true, level: 2 }).waitFor();
    await unfold(page, "4-preview");
    const background = await page.evaluate(() => getComputedStyle(document.querySelector("main")?.parentElement ?? document.body).backgroundColor);
    expect(background).not.toBe("rgb(255, 255, 255)");
    await page.screenshot({ path: join(ARTIFACTS, "4-preview-350-dark.png"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("tab", { name: "3. Capital de contacts" }).click();
    await page.screenshot({ path: join(ARTIFACTS, "3-capital-350-dark.png"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "light" });
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);

  it("in English, every step fits 320 px and names the sheets it writes as it writes them", async () => {
    const page = await openPage(320);
    await page.getByRole("radio", { name: "English" }).check();
    await page.locator("#file-input").setInputFiles(sampleFile());
    await page.getByRole("heading", { name: "Import report" }).waitFor({ timeout: 30_000 });
    const wide: string[] = [];
    for (const tab of ["1. Source", "2. Methods", "3. Contact capital", "4. Preview", "5. Generate"]) {
      await page.getByRole("tab", { name: tab }).click();
      await page.waitForTimeout(100);
      const o = await overflow(page);
      if (o.scrollWidth > o.innerWidth) wide.push(`${tab}: scrollWidth ${o.scrollWidth} (${o.culprits.join("; ")})`);
    }
    expect(wide).toEqual([]);
    await page.getByText(/“Targets”, “Contacts”, “PAC”, “Prospects”, “Client cards”, “Notes” and “Catalogue”/).waitFor();
    await page.getByRole("button", { name: "Generate", exact: true }).click();
    await page.getByText("Sheets written: Targets, Contacts, PAC, Prospects, Client cards, Notes, Catalogue.").waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(ARTIFACTS, "5-generate-320-en.png"), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);

  /** Presses Tab until the focused element is the one `matches` recognises (at most `limit` presses). */
  async function tabTo(page: Page, matches: (el: { tag: string; name: string; role: string | null }) => boolean, limit = 250): Promise<void> {
    let last = "";
    for (let k = 0; k < limit; k++) {
      await page.keyboard.press("Tab");
      const el = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return { tag: a?.tagName ?? "", name: (a?.getAttribute("aria-label") ?? a?.textContent ?? "").trim(), role: a?.getAttribute("role") ?? null };
      });
      if (matches(el)) return;
      last = `${el.tag} "${el.name.slice(0, 40)}"`;
    }
    throw new Error(`focus never reached the element (last focused: ${last})`);
  }

  const focusedHeading = (page: Page) =>
    page.evaluate(() => {
      const a = document.activeElement;
      return a && /^H[1-6]$/.test(a.tagName) ? a.textContent : null;
    });

  it("goes from the file to the downloaded workbook with the keyboard only, focus on each step's heading", async () => {
    const page = await openPage(350);
    await tabTo(page, (el) => el.tag === "BUTTON" && el.name === "Choisir un fichier .xlsx ou .csv");
    // The file chooser is intercepted once Playwright has told Chromium to (a round trip): under load an Enter
    // pressed before that opens no chooser event, so it is pressed again until one comes.
    let chooser: FileChooser | undefined;
    for (let attempt = 0; attempt < 4 && !chooser; attempt++) {
      const waiting = page.waitForEvent("filechooser", { timeout: 10_000 }).catch(() => undefined);
      await page.waitForTimeout(300);
      await page.keyboard.press("Enter");
      chooser = await waiting;
    }
    if (!chooser) throw new Error("Enter on « Choisir un fichier » never opened the file chooser");
    await chooser.setFiles(sampleFile());
    await page.getByRole("heading", { name: "Rapport d'import" }).waitFor({ timeout: 30_000 });
    for (const step of STEPS.slice(1)) {
      await tabTo(page, (el) => el.tag === "BUTTON" && el.name === "Suivant");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: step.heading, exact: true, level: 2 }).waitFor();
      await page.waitForTimeout(100);
      expect(await focusedHeading(page)).toBe(step.heading);
    }
    await tabTo(page, (el) => el.tag === "BUTTON" && el.name === "Générer");
    await page.keyboard.press("Enter");
    await page.getByText(/^Feuilles écrites : /).waitFor({ timeout: 60_000 });
    await tabTo(page, (el) => el.tag === "BUTTON" && el.name === "Télécharger le classeur");
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    const saved = join(ARTIFACTS, "keyboard-PAC.xlsx");
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Cibles", "Contacts", "PAC", "Fiches clients", "Remarques", "Catalogue"]));
    // Every client's pourquoi is in the workbook: a block per client and prospect of the sample (150 + 30).
    const cards = wb.getWorksheet("Fiches clients");
    const heads = (cards?.getColumn(1).values ?? []).filter((v) => typeof v === "string" && / — /.test(v));
    expect(heads).toHaveLength(180);
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);
});
