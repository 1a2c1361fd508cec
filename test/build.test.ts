import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");

interface FunctionMetadata {
  id: string;
  name: string;
  parameters: { name: string; optional?: boolean; dimensionality?: string }[];
}

// CI builds before testing; a developer running `npm test` alone gets a build here.
beforeAll(() => {
  if (!fs.existsSync(path.join(dist, "functions.json"))) {
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
      cwd: root,
      stdio: "ignore",
    });
  }
}, 300000);

describe("production build", () => {
  it("dist holds the task pane page, functions.js, functions.json, office.js and the manifest", () => {
    for (const file of ["taskpane.html", "taskpane.js", "functions.js", "functions.json", "manifest.xml", "office-js/office.js", "assets/icon-80.png"]) {
      expect(fs.existsSync(path.join(dist, file))).toBe(true);
    }
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

  const ALL = ["RFM", "ABC", "P_R", "ELASTICITY", "QUARTER_RANK", "CONTACTS", "MATURITY", "CAPITAL", "ALLOCATE"];

  it("functions.js registers the nine functions with CustomFunctions.associate", () => {
    const js = fs.readFileSync(path.join(dist, "functions.js"), "utf8");
    for (const id of ALL) expect(js).toMatch(new RegExp(`CustomFunctions\\.associate\\("${id}",`));
  });

  it("functions.json (English) and functions.fr-FR.json declare the same nine ids and parameter counts", () => {
    const en = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")) as { functions: FunctionMetadata[] };
    const fr = JSON.parse(fs.readFileSync(path.join(dist, "functions.fr-FR.json"), "utf8")) as { functions: FunctionMetadata[] };
    expect(en.functions.map((f) => f.id).sort()).toEqual([...ALL].sort());
    expect(fr.functions.map((f) => [f.id, f.parameters.length])).toEqual(en.functions.map((f) => [f.id, f.parameters.length]));
    const frNames = Object.fromEntries(fr.functions.map((f) => [f.id, f.name]));
    expect(frNames).toMatchObject({ ELASTICITY: "ELASTICITE", MATURITY: "MATURITE", ALLOCATE: "REPARTIR", P_R: "P_R" });
    expect(fr.functions.find((f) => f.id === "ABC")?.parameters.map((p) => p.name)).toEqual(["montants", "seuil_a", "seuil_b", "mode"]);
  });

  it("the manifest points French locales at functions.fr-FR.json", () => {
    const xml = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
    expect(xml).toMatch(/<bt:Override Locale="fr-FR" Value="https:\/\/[^"]+\/functions\.fr-FR\.json"\/>/);
  });

  it("taskpane.html loads office.js from our own origin and carries a same-origin CSP", () => {
    const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
    expect(html).toContain('src="office-js/office.js"');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'self'; script-src 'self'/);
  });

  it("the built manifest points every URL at one origin and passes the offline check", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { validateManifest } = require("../scripts/validate-manifest.js") as {
      validateManifest: (xml: string, o: { rootDir: string }) => { errors: string[] };
    };
    const xml = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
    expect(validateManifest(xml, { rootDir: dist }).errors).toEqual([]);
  });
});
