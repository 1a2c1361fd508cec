import fs from "fs";
import path from "path";
import { XMLParser } from "fast-xml-parser";
import { REQUIRED_API } from "../src/excel/env";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest, EXCEL_API_MIN, FRENCH_LOCALES } = require("../scripts/validate-manifest.js") as {
  validateManifest: (xml: string, o: { rootDir: string }) => { errors: string[]; warnings: string[] };
  EXCEL_API_MIN: string;
  FRENCH_LOCALES: readonly string[];
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
    // The defects of the first manifest, one by one (issue 10).
    { name: "DefaultLocale fr-FR", edit: (x) => x.replace("<DefaultLocale>en-US</DefaultLocale>", "<DefaultLocale>fr-FR</DefaultLocale>"), error: /<DefaultLocale> doit être en-US/ },
    {
      name: "an override of the default locale",
      edit: (x) => x.replace('<Override Locale="fr-FR"', '<Override Locale="en-US" Value="x"/>\n    <Override Locale="fr-FR"'),
      error: /<Description> : pas d'<Override> pour la langue par défaut en-US/,
    },
    {
      name: "two overrides for one locale",
      edit: (x) => x.replace(/(<bt:Override Locale="fr-BE" [^>]+>)/, '$1<bt:Override Locale="fr-BE" Value="https://localhost:3000/functions.json"/>'),
      error: /deux <Override> pour fr-BE/,
    },
    {
      name: "French metadata as the default",
      edit: (x) => x.replace('DefaultValue="https://localhost:3000/functions.json"', 'DefaultValue="https://localhost:3000/functions.fr-FR.json"'),
      error: /la valeur par défaut doit être functions\.json/,
    },
    {
      name: "a French locale without the French metadata",
      edit: (x) => x.replace(/\s*<bt:Override Locale="fr-CH" Value="https:\/\/localhost:3000\/functions\.fr-FR\.json"\/>/, ""),
      error: /fr-CH doit recevoir functions\.fr-FR\.json/,
    },
    {
      name: "a French text missing for fr-LU",
      edit: (x) => x.replace(/\s*<Override Locale="fr-LU" [^>]+\/>/, ""),
      error: /<Description> : traduit en français mais pas pour fr-LU/,
    },
    {
      name: "metadata overridden for a non-French locale",
      edit: (x) => x.replace(/(<bt:Override Locale="fr-LU" Value="https:\/\/localhost:3000\/functions\.fr-FR\.json"\/>)/, '$1<bt:Override Locale="de-DE" Value="https://localhost:3000/functions.json"/>'),
      error: /seules les locales françaises ont un <Override> \(trouvé : de-DE\)/,
    },
    { name: "no ExcelApi requirement", edit: (x) => x.replace(/\s*<Set Name="ExcelApi" MinVersion="1\.12"\/>/, ""), error: /<Set Name="ExcelApi" MinVersion="1\.12"\/> absent/ },
    { name: "ExcelApi 1.18 required", edit: (x) => x.replace('<Set Name="ExcelApi" MinVersion="1.12"/>', '<Set Name="ExcelApi" MinVersion="1.18"/>'), error: /doit demander 1\.12.*trouvé : 1\.18/ },
    { name: "SharedRuntime 1.2", edit: (x) => x.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', '<Set Name="SharedRuntime" MinVersion="1.2"/>'), error: /SharedRuntime"> doit demander 1\.1/ },
    {
      name: "a <TaskpaneId> under the shared runtime",
      edit: (x) => x.replace('<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ShowTaskpane">\n<TaskpaneId>PacCommercial.Taskpane</TaskpaneId>'),
      error: /<TaskpaneId> à retirer/,
    },
    {
      name: "an <AppDomain> repeating the add-in's origin",
      edit: (x) => x.replace("<Hosts>\n    <Host Name", "<AppDomains><AppDomain>https://localhost:3000</AppDomain></AppDomains>\n  <Hosts>\n    <Host Name"),
      error: /répète l'origine du complément/,
    },
    {
      name: "a reserved example domain",
      edit: (x) => x.split("https://localhost:3000").join("https://pac-commercial.example.org"),
      error: /domaine réservé aux exemples/,
    },
  ];
  it.each(broken)("validateManifest rejects $name", ({ edit, error }) => {
    const errors = check(edit(manifest));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toMatch(error);
  });
});

describe("manifest.xml by Microsoft's rules", () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (n) => ["bt:Url", "bt:Override", "Set", "Override"].includes(n) });
  const doc = parser.parse(manifest) as {
    OfficeApp: {
      DefaultLocale: string;
      Requirements: { Sets: { Set: { "@Name": string; "@MinVersion": string }[] } };
      VersionOverrides: { Resources: { "bt:Urls": { "bt:Url": { "@id": string; "@DefaultValue": string; "bt:Override"?: { "@Locale": string; "@Value": string }[] }[] } } };
    };
  };
  const metadataUrl = doc.OfficeApp.VersionOverrides.Resources["bt:Urls"]["bt:Url"].find((u) => u["@id"] === "Functions.Metadata.Url");

  /** How Office picks a locale-aware value: the override of the user's locale, else the default. */
  function resolve(locale: string): string {
    const hit = metadataUrl?.["bt:Override"]?.find((o) => o["@Locale"].toLowerCase() === locale.toLowerCase());
    return (hit?.["@Value"] ?? metadataUrl?.["@DefaultValue"] ?? "").split("/").pop() ?? "";
  }

  it.each([
    ...FRENCH_LOCALES.map((locale) => ({ locale, file: "functions.fr-FR.json" })),
    ...["en-US", "en-GB", "de-DE", "es-ES", "nl-BE", "de-CH", "it-CH", "ar-MA", "fr", "fr-MA"].map((locale) => ({ locale, file: "functions.json" })),
  ])("an Excel in $locale reads $file", ({ locale, file }) => {
    expect(resolve(locale)).toBe(file);
  });

  it("the default locale is en-US, the language of the default metadata (English names)", () => {
    expect(doc.OfficeApp.DefaultLocale).toBe("en-US");
    expect(metadataUrl?.["@DefaultValue"]).toMatch(/\/functions\.json$/);
  });

  it("<Requirements> asks ExcelApi at the code's minimum (src/excel/env.ts) and SharedRuntime 1.1", () => {
    expect(EXCEL_API_MIN).toBe(REQUIRED_API);
    const sets = Object.fromEntries(doc.OfficeApp.Requirements.Sets.Set.map((s) => [s["@Name"], s["@MinVersion"]]));
    expect(sets).toEqual({ ExcelApi: REQUIRED_API, SharedRuntime: "1.1" });
  });

  it("has no <TaskpaneId> and no <AppDomains>", () => {
    expect(manifest).not.toMatch(/<TaskpaneId>/);
    expect(manifest).not.toMatch(/<AppDomains?>/);
  });
});
