import fs from "fs";
import path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest } = require("../scripts/validate-manifest.js") as {
  validateManifest: (xml: string, o: { rootDir: string }) => { errors: string[]; warnings: string[] };
};

const root = path.resolve(__dirname, "..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

function check(xml: string, rootDir = root) {
  return validateManifest(xml, { rootDir }).errors;
}

describe("validateManifest (offline)", () => {
  it("validateManifest(manifest.xml) finds no error", () => {
    expect(check(manifest)).toEqual([]);
  });

  const broken: { name: string; edit: (xml: string) => string; error: RegExp }[] = [
    { name: "malformed XML", edit: (x) => x.replace("</OfficeApp>", ""), error: /XML mal formé/ },
    { name: "a missing <Namespace>", edit: (x) => x.replace(/<Namespace resid="[^"]+"\/>/, ""), error: /Namespace resid> absent/ },
    { name: "a missing shared runtime", edit: (x) => x.replace(/<Runtimes>[\s\S]*?<\/Runtimes>/, ""), error: /runtime partagé n'est pas déclaré/ },
    { name: "a short-lived runtime", edit: (x) => x.replace('<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="Taskpane.Url" lifetime="short"/>'), error: /lifetime="long"/ },
    { name: "a missing SharedRuntime requirement", edit: (x) => x.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', ""), error: /SharedRuntime/ },
    { name: "an undefined resid", edit: (x) => x.replace('resid="Functions.Metadata.Url"', 'resid="Functions.Meta"'), error: /« Functions.Meta »/ },
    { name: "a second origin", edit: (x) => x.replace("https://localhost:3000/functions.json", "https://cdn.example.com/functions.json"), error: /une seule origine/ },
    { name: "a plain http URL", edit: (x) => x.split("https://localhost:3000").join("http://localhost:3000"), error: /non https/ },
    { name: "a missing icon file", edit: (x) => x.replace("assets/icon-80.png", "assets/icon-81.png"), error: /Icône « Icon.80x80 » introuvable/ },
    { name: "an icon of the wrong size", edit: (x) => x.replace("/assets/icon-16.png", "/assets/icon-32.png"), error: /32×32 px au lieu de 16×16/ },
    { name: "a wrong namespace", edit: (x) => x.replace('id="Functions.Namespace" DefaultValue="PAC"', 'id="Functions.Namespace" DefaultValue="XYZ"'), error: /« PAC »/ },
    { name: "a missing <Permissions>", edit: (x) => x.replace(/<Permissions>[^<]*<\/Permissions>/, ""), error: /<Permissions> absent/ },
  ];
  it.each(broken)("validateManifest rejects $name", ({ edit, error }) => {
    const errors = check(edit(manifest));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toMatch(error);
  });
});
