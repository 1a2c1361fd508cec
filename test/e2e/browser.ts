/**
 * What the browser tests and the wizard benchmark share: the production build in dist/ (built when missing), a
 * static server for it on 127.0.0.1, and Debian's Chromium launched by playwright-core with a fresh profile
 * (never a downloaded browser).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const ROOT = resolve(__dirname, "..", "..");
export const DIST = join(ROOT, "dist");
/** The origin a production build made here is written for (".test" is reserved for tests, RFC 6761). */
export const TEST_ORIGIN = "https://pac.test";
/** Microsoft's CDN address of office.js, as the add-in page names it. */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Builds dist/ (production) when a page is missing, for PAC_ORIGIN or the test origin. */
/**
 * `describe` when Debian's Chromium is installed, else `describe.skip` with a line saying why (`name`: the test
 * file, for that line).
 */
export function describeWithChromium(name: string): jest.Describe {
  if (existsSync(CHROMIUM)) return describe;
  console.warn(`${name}: SKIPPED — ${CHROMIUM} not found (apt-get install -y chromium).`);
  return describe.skip;
}

export function ensureDist(): void {
  if (existsSync(join(DIST, "app.html")) && existsSync(join(DIST, "taskpane.html"))) return;
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, PAC_ORIGIN: process.env.PAC_ORIGIN || TEST_ORIGIN },
  });
}

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".css": "text/css",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** Serves `dir` on a free port of 127.0.0.1; "/" is app.html, the standalone page. */
export function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, "");
    const file = join(dir, path === "/" ? "app.html" : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      ok({ server, origin: `http://127.0.0.1:${port}` });
    }),
  );
}

/** Headless Chromium with a fresh profile; `close()` also removes the profile. */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "pac-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    acceptDownloads: true,
    viewport: { width: 900, height: 1000 },
    locale: "fr-FR",
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The built pages (dist/, built first if missing) served on loopback, and a fresh headless Chromium in which
 * nothing may leave the machine: every request off that origin (but blob: and data:) is refused and recorded in
 * `problems` as "request off origin: <url>", for the test to assert it stays empty. `close()` stops both.
 */
export async function offlinePages(problems: string[]): Promise<{ origin: string; context: BrowserContext; close: () => Promise<void> }> {
  ensureDist();
  const { server, origin } = await serve(DIST);
  const { context, close } = await launchChromium();
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
    problems.push(`request off origin: ${url}`);
    return route.abort();
  });
  return {
    origin,
    context,
    close: async () => {
      await close();
      server.close();
    },
  };
}
