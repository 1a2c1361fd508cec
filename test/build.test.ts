import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");
/** The origin tests build with when PAC_ORIGIN is not set (".test" is reserved for tests, RFC 6761). */
const TEST_ORIGIN = "https://pac.test";

interface FunctionMetadata {
  id: string;
  name: string;
  parameters: { name: string; optional?: boolean; dimensionality?: string }[];
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../webpack.config.js") as {
  OFFICE_JS_URL: string;
  ADDIN_CSP: string;
  APP_CSP: string;
  productionOrigin: (value: string | undefined) => string;
  manifestFor: (xml: string, origin: string) => string;
  DEV_ORIGIN: string;
};

// CI builds before testing; a developer running `npm test` alone gets a build here.
beforeAll(() => {
  if (!fs.existsSync(path.join(dist, "functions.json")) || !fs.existsSync(path.join(dist, "app.html"))) {
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
      cwd: root,
      stdio: "ignore",
      env: { ...process.env, PAC_ORIGIN: process.env.PAC_ORIGIN || TEST_ORIGIN },
    });
  }
}, 300000);

/** Every file under `dir`, relative. */
function files(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full, base) : [path.relative(base, full)];
  });
}

/** The page's CSP as directive → sources. */
function cspOf(html: string): Record<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
  return Object.fromEntries(
    content
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** Every URL a page's markup loads or links (src, href). */
function loads(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
}

describe("production build", () => {
  it("dist holds both pages, functions.js, both metadata files and the manifest, and no copy of office.js", () => {
    const all = files(dist);
    for (const file of ["taskpane.html", "taskpane.js", "app.html", "app.js", "functions.js", "functions.json", "functions.fr-FR.json", "manifest.xml", "assets/icon-80.png"]) {
      expect(all).toContain(file);
    }
    expect(all.filter((f) => /(^|\/)office(\.debug)?\.js$|^office-js\//.test(f))).toEqual([]);
  });

  it("functions.json declares PAC.ABC with its four parameters", () => {
    const meta = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")) as { functions: FunctionMetadata[] };
    const abc = meta.functions.find((f) => f.id === "ABC");
    expect(abc).toBeDefined();
    expect(abc?.name).toBe("ABC");
    expect(abc?.parameters.map((p) => [p.name, p.optional === true])).toEqual([
      ["amounts", false],
      ["threshold_a", true],
      ["threshold_b", true],
      ["mode", true],
    ]);
    expect(abc?.parameters[0].dimensionality).toBe("matrix");
  });

  const ALL = ["RFM", "ABC", "P_R", "ELASTICITY", "QUARTER_RANK", "CONTACTS", "MATURITY", "CAPITAL", "ALLOCATE", "PROSPECT", "IDEAL", "ENGAGEMENT"];

  it("functions.js registers the twelve functions with CustomFunctions.associate", () => {
    const js = fs.readFileSync(path.join(dist, "functions.js"), "utf8");
    for (const id of ALL) expect(js).toMatch(new RegExp(`CustomFunctions\\.associate\\("${id}",`));
  });

  it("functions.json (English) and functions.fr-FR.json declare the same twelve ids and parameter counts", () => {
    const en = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")) as { functions: FunctionMetadata[] };
    const fr = JSON.parse(fs.readFileSync(path.join(dist, "functions.fr-FR.json"), "utf8")) as { functions: FunctionMetadata[] };
    expect(en.functions.map((f) => f.id).sort()).toEqual([...ALL].sort());
    expect(fr.functions.map((f) => [f.id, f.parameters.length])).toEqual(en.functions.map((f) => [f.id, f.parameters.length]));
    const frNames = Object.fromEntries(fr.functions.map((f) => [f.id, f.name]));
    expect(frNames).toMatchObject({ ELASTICITY: "ELASTICITE", MATURITY: "MATURITE", ALLOCATE: "REPARTIR", P_R: "P_R", QUARTER_RANK: "RANG_QUART" });
    expect(fr.functions.find((f) => f.id === "ABC")?.parameters.map((p) => p.name)).toEqual(["montants", "seuil_a", "seuil_b", "mode"]);
  });

  it("the manifest points the five French locales at functions.fr-FR.json and the default at functions.json", () => {
    const xml = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
    for (const locale of ["fr-FR", "fr-BE", "fr-CA", "fr-CH", "fr-LU"]) {
      expect(xml).toMatch(new RegExp(`<bt:Override Locale="${locale}" Value="https://[^"]+/functions\\.fr-FR\\.json"/>`));
    }
    expect(xml).toMatch(/<bt:Url id="Functions.Metadata.Url" DefaultValue="https:\/\/[^"]+\/functions\.json">/);
  });

  it("taskpane.html (the add-in page) loads office.js from Microsoft's CDN and nothing else from outside", () => {
    const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
    const external = loads(html).filter((u) => /^[a-z]+:|^\/\//i.test(u));
    expect(external).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    expect(webpackConfig.OFFICE_JS_URL).toBe(external[0]);
    expect(loads(html).filter((u) => !external.includes(u)).sort()).toEqual(["functions.js", "taskpane.js"]);
  });

  it("app.html (the standalone page) loads no office.js and nothing from outside its origin", () => {
    const html = fs.readFileSync(path.join(dist, "app.html"), "utf8");
    expect(loads(html)).toEqual(["app.js"]);
    expect(html).not.toMatch(/office(\.debug)?\.js|appsforoffice/);
    expect(html).not.toMatch(/https?:\/\//);
    const js = fs.readFileSync(path.join(dist, "app.js"), "utf8");
    expect(js).not.toMatch(/appsforoffice\.microsoft\.com/);
  });

  const pages = [
    { page: "taskpane.html", csp: () => webpackConfig.ADDIN_CSP, script: ["'self'", "https://appsforoffice.microsoft.com"] },
    { page: "app.html", csp: () => webpackConfig.APP_CSP, script: ["'self'"] },
  ];
  it.each(pages)("$page carries its CSP: default-src 'self', script-src $script, nothing else off its origin", ({ page, csp, script }) => {
    const html = fs.readFileSync(path.join(dist, page), "utf8");
    expect(html).toContain(`content="${csp()}"`);
    const directives = cspOf(html);
    expect(directives["default-src"]).toEqual(["'self'"]);
    expect(directives["script-src"]).toEqual(script);
    expect(directives["object-src"]).toEqual(["'none'"]);
    expect(directives["form-action"]).toEqual(["'none'"]);
    // Only the CDN, in script-src only; every other directive stays on the page's own origin.
    for (const [name, sources] of Object.entries(directives)) {
      const outside = sources.filter((s) => s === "*" || (/:/.test(s) && !["data:", "blob:"].includes(s)));
      expect([name, outside]).toEqual([name, name === "script-src" ? script.filter((s) => s.startsWith("https:")) : []]);
    }
  });

  it("the built manifest points every URL at one origin and passes the offline check", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { validateManifest } = require("../scripts/validate-manifest.js") as {
      validateManifest: (xml: string, o: { rootDir: string }) => { errors: string[] };
    };
    const xml = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
    expect(validateManifest(xml, { rootDir: dist }).errors).toEqual([]);
    expect(xml).not.toContain("localhost");
  });
});

describe("validatePages(dist) (npm run validate on a built manifest)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { validatePages } = require("../scripts/validate-manifest.js") as { validatePages: (dir: string) => string[] };

  it("validatePages(dist) finds no error in the built pages", () => {
    expect(validatePages(dist)).toEqual([]);
  });

  const cdn = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
  it.each([
    { name: "a copied office.js on the add-in page", page: "taskpane.html", edit: (h: string) => h.replace(cdn, "office-js/office.js"), error: /taskpane\.html charge hors de son origine : rien \(attendu : https:\/\/appsforoffice/ },
    { name: "a second outside script on the add-in page", page: "taskpane.html", edit: (h: string) => h.replace("</head>", '<script src="https://cdn.example.com/x.js"></script></head>'), error: /charge hors de son origine : https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js, https:\/\/cdn\.example\.com\/x\.js/ },
    { name: "office.js on the standalone page", page: "app.html", edit: (h: string) => h.replace("</head>", `<script src="${cdn}"></script></head>`), error: /app\.html charge hors de son origine/ },
    { name: "a CSP that lets any script in", page: "app.html", edit: (h: string) => h.replace("script-src 'self'", "script-src 'self' https:"), error: /app\.html : CSP script-src « 'self' https: »/ },
    { name: "a CSP that lets the add-in page connect out", page: "taskpane.html", edit: (h: string) => h.replace("connect-src 'self' blob:", "connect-src 'self' blob: https://telemetry.example.com"), error: /CSP connect-src ouvre une autre origine \(https:\/\/telemetry\.example\.com\)/ },
    { name: "no CSP", page: "app.html", edit: (h: string) => h.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ""), error: /app\.html : pas de Content-Security-Policy/ },
  ])("validatePages rejects $name", ({ page, edit, error }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pac-pages-"));
    for (const f of ["taskpane.html", "app.html"]) fs.copyFileSync(path.join(dist, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, page), edit(fs.readFileSync(path.join(dist, page), "utf8")));
    expect(validatePages(dir).join("\n")).toMatch(error);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("PAC_ORIGIN", () => {
  it.each([
    { value: undefined, error: /PAC_ORIGIN manquant/ },
    { value: "", error: /PAC_ORIGIN manquant/ },
    { value: "   ", error: /PAC_ORIGIN manquant/ },
    { value: "pac.mon-lycee.fr", error: /n'est pas une adresse/ },
    { value: "http://pac.mon-lycee.fr", error: /doit être une origine https seule/ },
    { value: "https://pac.mon-lycee.fr/pac/", error: /doit être une origine https seule/ },
    { value: "https://pac.mon-lycee.fr/?x=1", error: /doit être une origine https seule/ },
    { value: "https://localhost:3000", error: /npm run build:dev/ },
  ])("productionOrigin($value) stops with a French message", ({ value, error }) => {
    expect(() => webpackConfig.productionOrigin(value)).toThrow(error);
  });

  it.each([
    { value: "https://pac.mon-lycee.fr", origin: "https://pac.mon-lycee.fr" },
    { value: "https://pac.mon-lycee.fr/", origin: "https://pac.mon-lycee.fr" },
    { value: " https://PAC.test:8443 ", origin: "https://pac.test:8443" },
  ])("productionOrigin($value) is $origin", ({ value, origin }) => {
    expect(webpackConfig.productionOrigin(value)).toBe(origin);
  });

  it.each([
    { build: "development (npm run build:dev)", origin: "https://localhost:3000" },
    { build: "production, PAC_ORIGIN=https://pac.mon-lycee.fr", origin: "https://pac.mon-lycee.fr" },
  ])("a $build build writes every manifest URL on $origin", ({ origin }) => {
    const source = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
    const built = webpackConfig.manifestFor(source, origin);
    const urls = [...built.matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => new URL(m[1]).origin);
    expect(urls.length).toBeGreaterThan(10);
    expect(new Set(urls)).toEqual(new Set([origin]));
    if (origin === webpackConfig.DEV_ORIGIN) expect(built).toBe(source);
  });

  it("npm run build without PAC_ORIGIN stops before writing anything, saying what to do", () => {
    const env = { ...process.env };
    delete env.PAC_ORIGIN;
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "pac-build-"));
    const run = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out], {
      cwd: root,
      env,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain("PAC_ORIGIN manquant : la build de production écrit l'adresse du serveur");
    expect(fs.readdirSync(out)).toEqual([]);
    fs.rmSync(out, { recursive: true, force: true });
  }, 120_000);
});
