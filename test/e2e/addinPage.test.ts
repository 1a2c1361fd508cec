/**
 * The add-in page (taskpane.html, the page the manifest names) in Debian's Chromium, offline: the request for
 * office.js to Microsoft's CDN is intercepted (Playwright `route`). Either a tiny stand-in office.js answers (as
 * Office does in a plain browser: host null, plus CustomFunctions to register the PAC functions), or the request
 * fails as on a network that filters the CDN. Either way the page asks nothing else from outside its origin and
 * says, in French, what is going on, with a link to the standalone page.
 *
 * Skips, saying why, when /usr/bin/chromium is absent. Builds dist/ when missing. Screenshots go to
 * test/artifacts/ (git-ignored).
 */
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { describeWithChromium, DIST, ensureDist, launchChromium, OFFICE_JS_URL, ROOT, serve } from "./browser";

const ARTIFACTS = join(ROOT, "test", "artifacts");

/** Stands in for office.js outside Office: the page's functions register, onReady says "no host". */
const FAKE_OFFICE_JS = `
window.__pacAssociated = [];
window.CustomFunctions = { associate: function (id) { window.__pacAssociated.push(id); } };
window.Office = {
  context: { displayLanguage: "fr-FR" },
  onReady: function () { return Promise.resolve({ host: null, platform: null }); },
};
`;

const describeBrowser = describeWithChromium("test/e2e/addinPage");

describeBrowser("add-in page in Chromium, office.js from the CDN intercepted", () => {
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let closeBrowser: (() => Promise<void>) | undefined;
  /** What the CDN route does for the current test. */
  let cdn: "fake" | "down" = "fake";
  let offOrigin: string[] = [];

  beforeAll(async () => {
    ensureDist();
    mkdirSync(ARTIFACTS, { recursive: true });
    ({ server, origin } = await serve(DIST));
    ({ context, close: closeBrowser } = await launchChromium());
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
      offOrigin.push(url);
      if (url === OFFICE_JS_URL && cdn === "fake") return route.fulfill({ status: 200, contentType: "text/javascript", body: FAKE_OFFICE_JS });
      return route.abort("internetdisconnected");
    });
  }, 300_000);

  afterAll(async () => {
    await closeBrowser?.();
    server?.close();
  });

  beforeEach(() => {
    offOrigin = [];
  });

  async function open(): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(`console: ${m.text()}`);
    });
    await page.goto(`${origin}/taskpane.html`);
    return { page, errors };
  }

  it("with office.js from the CDN (stand-in, outside Office): the PAC functions register, the page says it runs in Excel only", async () => {
    cdn = "fake";
    const { page, errors } = await open();
    await page.getByText("Cette page est celle du complément Excel").waitFor({ timeout: 30_000 });
    expect(await page.getByText("Elle ne fonctionne que dans Excel").count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, "addin-outside-office.png"), fullPage: true });
    // functions.js ran against the office.js it was given and registered the twelve functions.
    const associated = await page.evaluate(() => (window as unknown as { __pacAssociated: string[] }).__pacAssociated);
    expect([...associated].sort()).toEqual(["ABC", "ALLOCATE", "CAPITAL", "CONTACTS", "ELASTICITY", "ENGAGEMENT", "IDEAL", "MATURITY", "PROSPECT", "P_R", "QUARTER_RANK", "RFM"]);
    // The only request off the page's origin is office.js, to Microsoft's CDN.
    expect(offOrigin).toEqual([OFFICE_JS_URL]);
    expect(errors).toEqual([]);
    // The link leads to the standalone wizard, which loads nothing from outside.
    await page.getByRole("link", { name: "ouvrir l'assistant dans le navigateur" }).click();
    await page.getByRole("heading", { name: "Ouvrir un fichier de clients" }).waitFor({ timeout: 30_000 });
    expect(page.url()).toBe(`${origin}/app.html`);
    expect(offOrigin).toEqual([OFFICE_JS_URL]);
    await page.close();
  }, 120_000);

  it("with the CDN unreachable: a clear French message, and nothing else requested from outside", async () => {
    cdn = "down";
    const { page, errors } = await open();
    await page.getByText("La bibliothèque office.js de Microsoft n'a pas pu être chargée").waitFor({ timeout: 30_000 });
    expect(await page.getByText(/Vérifiez l'accès à appsforoffice\.microsoft\.com, puis fermez et rouvrez le volet\./).count()).toBe(1);
    expect(await page.getByRole("link", { name: "ouvrir l'assistant dans le navigateur" }).getAttribute("href")).toBe("app.html");
    await page.screenshot({ path: join(ARTIFACTS, "addin-office-missing.png"), fullPage: true });
    expect(offOrigin).toEqual([OFFICE_JS_URL]);
    // Without office.js the functions script cannot register anything: that is its only error.
    expect(errors).toEqual(["CustomFunctions is not defined"]);
    await page.close();
  }, 120_000);
});
