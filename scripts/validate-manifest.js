#!/usr/bin/env node
// Offline check of our add-in-only XML manifest against Microsoft's rules as this add-in needs them:
// well-formed XML; the elements a shared-runtime custom-functions add-in needs (no <TaskpaneId> under the shared
// runtime); <Requirements> with ExcelApi at the code's minimum and SharedRuntime 1.1; locales (the default
// locale's language is the default functions metadata's, English; one override per locale, none for the default
// locale; fr-FR, fr-BE, fr-CA, fr-CH, fr-LU get the French texts and functions.fr-FR.json); one https origin for
// every URL, never a reserved example domain, no <AppDomain> repeating it; every resid defined; icons present.
// `office-addin-manifest validate` (npm run validate:online) calls a Microsoft service this machine cannot reach.
"use strict";
const fs = require("fs");
const path = require("path");
const { XMLParser, XMLValidator } = require("fast-xml-parser");

/** The ExcelApi version the code needs (src/excel/env.ts REQUIRED_API; test/manifest.test.ts checks they agree). */
const EXCEL_API_MIN = "1.12";
/** The default locale: English, the language of functions.json (the metadata generated from the JSDoc). */
const DEFAULT_LOCALE = "en-US";
/** The locales that get the French function names and texts; every other locale gets the English ones. */
const FRENCH_LOCALES = Object.freeze(["fr-FR", "fr-BE", "fr-CA", "fr-CH", "fr-LU"]);
const DEFAULT_METADATA = "functions.json";
const FRENCH_METADATA = "functions.fr-FR.json";

/** Reserved names (RFC 2606 / 6761) that a manifest must never point users at. */
function reservedHost(host) {
  return /(^|\.)example\.(com|org|net)$/i.test(host) || /\.(example|invalid)$/i.test(host) || /^example$/i.test(host);
}

const ALWAYS_ARRAY = new Set(["Host", "Set", "Runtime", "ExtensionPoint", "Control", "Group", "bt:Image", "bt:Url", "bt:String", "Override", "bt:Override", "AppDomain"]);

function asArray(value) {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function text(node) {
  if (node === undefined || node === null) return undefined;
  if (typeof node === "string" || typeof node === "number") return String(node);
  return node["#text"] !== undefined ? String(node["#text"]) : undefined;
}

function pngSize(file) {
  const buf = fs.readFileSync(file);
  if (buf.length < 24 || buf.toString("ascii", 1, 4) !== "PNG") return undefined;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/**
 * Validates manifest XML text. `rootDir` is where assets/ lives (the project root, or dist/).
 * Returns { errors: string[], warnings: string[] }; the manifest is valid when errors is empty.
 */
function validateManifest(xml, { rootDir }) {
  const errors = [];
  const warnings = [];
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    errors.push(`XML mal formé : ${wellFormed.err.msg} (ligne ${wellFormed.err.line})`);
    return { errors, warnings };
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    isArray: (name) => ALWAYS_ARRAY.has(name),
  });
  const doc = parser.parse(xml);
  const app = doc.OfficeApp;
  if (!app) {
    errors.push("Élément racine <OfficeApp> absent.");
    return { errors, warnings };
  }
  const need = (cond, message) => {
    if (!cond) errors.push(message);
  };

  need(app["@xsi:type"] === "TaskPaneApp", "<OfficeApp> doit être de type TaskPaneApp.");
  need(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text(app.Id) || ""), "<Id> doit être un GUID.");
  need(/^\d+(\.\d+){0,3}$/.test(text(app.Version) || ""), "<Version> absente ou invalide (ex. 1.0.0.0).");
  for (const name of ["ProviderName", "DefaultLocale", "Permissions"]) need(text(app[name]), `<${name}> absent.`);
  for (const name of ["DisplayName", "Description", "IconUrl", "HighResolutionIconUrl"]) {
    need(app[name] && app[name]["@DefaultValue"], `<${name} DefaultValue="…"> absent.`);
  }
  const defaultLocale = text(app.DefaultLocale) || "";
  need(
    defaultLocale.toLowerCase() === DEFAULT_LOCALE.toLowerCase(),
    `<DefaultLocale> doit être ${DEFAULT_LOCALE} : la langue des textes par défaut et de ${DEFAULT_METADATA} (anglais) ; le français passe par des <Override> (trouvé : « ${defaultLocale} »).`,
  );
  need(text(app.Permissions) === "ReadWriteDocument", "<Permissions> doit être ReadWriteDocument.");
  const hosts = asArray(app.Hosts && app.Hosts.Host);
  need(hosts.some((h) => h["@Name"] === "Workbook"), '<Hosts><Host Name="Workbook"/> absent (Excel).');
  const sets = asArray(app.Requirements && app.Requirements.Sets && app.Requirements.Sets.Set);
  const setVersion = (name) => {
    const set = sets.find((s) => s["@Name"] === name);
    return set ? set["@MinVersion"] || (app.Requirements.Sets["@DefaultMinVersion"] || "1.1") : undefined;
  };
  const shared = setVersion("SharedRuntime");
  need(shared !== undefined, '<Set Name="SharedRuntime" MinVersion="1.1"/> absent des <Requirements>.');
  need(shared === undefined || shared === "1.1", `<Set Name="SharedRuntime"> doit demander 1.1 (trouvé : ${shared}).`);
  const excelApi = setVersion("ExcelApi");
  need(
    excelApi !== undefined,
    `<Set Name="ExcelApi" MinVersion="${EXCEL_API_MIN}"/> absent des <Requirements> : Excel installerait le complément là où il ne peut qu'afficher une erreur.`,
  );
  need(
    excelApi === undefined || excelApi === EXCEL_API_MIN,
    `<Set Name="ExcelApi"> doit demander ${EXCEL_API_MIN}, le minimum dont le code a besoin (trouvé : ${excelApi}).`,
  );
  need(app.DefaultSettings && app.DefaultSettings.SourceLocation, "<DefaultSettings><SourceLocation> absent.");

  const vo = app.VersionOverrides;
  need(vo, "<VersionOverrides> absent.");
  const resources = (vo && vo.Resources) || {};
  const defined = new Map();
  const collect = (group, tag, kind) => {
    for (const item of asArray(group && group[tag])) defined.set(item["@id"], { kind, value: item["@DefaultValue"], node: item });
  };
  collect(resources["bt:Images"], "bt:Image", "image");
  collect(resources["bt:Urls"], "bt:Url", "url");
  collect(resources["bt:ShortStrings"], "bt:String", "short");
  collect(resources["bt:LongStrings"], "bt:String", "long");

  const used = [];
  const walk = (node, where) => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach((n) => walk(n, where));
    for (const [key, value] of Object.entries(node)) {
      if (key === "@resid") used.push({ id: value, where });
      else if (key !== "Resources") walk(value, key.startsWith("@") ? where : key);
    }
  };
  walk(vo, "VersionOverrides");
  for (const { id, where } of used) need(defined.has(id), `resid « ${id} » (dans <${where}>) n'est pas défini dans <Resources>.`);
  for (const [id, res] of defined) {
    if (id.length > 32) errors.push(`resid « ${id} » dépasse 32 caractères.`);
    if (res.kind === "short" && String(res.value).length > 125) errors.push(`Texte court « ${id} » > 125 caractères.`);
    if (res.kind === "long" && String(res.value).length > 250) errors.push(`Texte long « ${id} » > 250 caractères.`);
  }

  const voHost = asArray(vo && vo.Hosts && vo.Hosts.Host).find((h) => h["@xsi:type"] === "Workbook");
  need(voHost, '<VersionOverrides><Hosts><Host xsi:type="Workbook"> absent.');
  if (voHost) {
    const runtimes = asArray(voHost.Runtimes && voHost.Runtimes.Runtime);
    const runtime = runtimes[0];
    need(runtime, "<Runtimes><Runtime> absent : le runtime partagé n'est pas déclaré.");
    need(runtime && runtime["@lifetime"] === "long", '<Runtime lifetime="long"> requis pour le runtime partagé.');
    const cf = asArray(voHost.AllFormFactors && voHost.AllFormFactors.ExtensionPoint).find((e) => e["@xsi:type"] === "CustomFunctions");
    need(cf, '<ExtensionPoint xsi:type="CustomFunctions"> absent.');
    if (cf) {
      for (const part of ["Script", "Page", "Metadata"]) {
        need(cf[part] && cf[part].SourceLocation && cf[part].SourceLocation["@resid"], `<CustomFunctions><${part}><SourceLocation resid> absent.`);
      }
      need(cf.Namespace && cf.Namespace["@resid"], "<CustomFunctions><Namespace resid> absent.");
      const ns = cf.Namespace && defined.get(cf.Namespace["@resid"]);
      need(ns && ns.value === "PAC", "L'espace de noms des fonctions doit être « PAC ».");
      const page = cf.Page && cf.Page.SourceLocation && cf.Page.SourceLocation["@resid"];
      need(runtime && page === runtime["@resid"], "La page des fonctions doit être celle du runtime partagé (même resid).");
    }
    const desktop = voHost.DesktopFormFactor;
    need(desktop, "<DesktopFormFactor> absent.");
    if (desktop && runtime) {
      need(desktop.FunctionFile && desktop.FunctionFile["@resid"] === runtime["@resid"], "<FunctionFile> doit pointer sur la page du runtime partagé.");
      const cmd = asArray(desktop.ExtensionPoint).find((e) => e["@xsi:type"] === "PrimaryCommandSurface");
      const tab = cmd && cmd.OfficeTab;
      need(tab && tab["@id"] === "TabHome", "Le bouton doit être sur l'onglet Accueil (OfficeTab id=\"TabHome\").");
      const controls = asArray(tab && tab.Group).flatMap((g) => asArray(g.Control));
      const button = controls.find((c) => c.Action && c.Action["@xsi:type"] === "ShowTaskpane");
      need(button, "Aucun bouton n'ouvre le volet (Action ShowTaskpane).");
      need(
        button && button.Action.SourceLocation && button.Action.SourceLocation["@resid"] === runtime["@resid"],
        "Le bouton doit ouvrir la page du runtime partagé.",
      );
      const withId = controls.filter((c) => c.Action && c.Action["@xsi:type"] === "ShowTaskpane" && c.Action.TaskpaneId !== undefined);
      need(
        withId.length === 0 || runtime["@lifetime"] !== "long",
        "<TaskpaneId> à retirer : sous le runtime partagé, le volet est la page du runtime (une seule), sans identifiant.",
      );
    }
  }

  // Locales: one override per locale, none for the default locale, the French locales all covered.
  const localized = [];
  for (const name of ["DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    if (app[name]) localized.push({ where: `<${name}>`, node: app[name], overrides: asArray(app[name].Override) });
  }
  for (const [id, res] of defined) localized.push({ where: `« ${id} »`, node: res.node, overrides: asArray(res.node["bt:Override"]) });
  const frenchSet = new Set(FRENCH_LOCALES.map((l) => l.toLowerCase()));
  for (const { where, overrides } of localized) {
    if (overrides.length === 0) continue;
    const seen = new Set();
    for (const o of overrides) {
      const locale = String(o["@Locale"] || "").toLowerCase();
      if (locale === defaultLocale.toLowerCase()) errors.push(`${where} : pas d'<Override> pour la langue par défaut ${defaultLocale} (une seule valeur par langue).`);
      if (seen.has(locale)) errors.push(`${where} : deux <Override> pour ${o["@Locale"]}.`);
      seen.add(locale);
    }
    const missing = FRENCH_LOCALES.filter((l) => !seen.has(l.toLowerCase()));
    if ([...seen].some((l) => frenchSet.has(l)) && missing.length > 0) {
      errors.push(`${where} : traduit en français mais pas pour ${missing.join(", ")}.`);
    }
  }
  const metadataId = (() => {
    const cfHost = asArray(vo && vo.Hosts && vo.Hosts.Host).find((h) => h["@xsi:type"] === "Workbook");
    const cfPoint = cfHost && asArray(cfHost.AllFormFactors && cfHost.AllFormFactors.ExtensionPoint).find((e) => e["@xsi:type"] === "CustomFunctions");
    return cfPoint && cfPoint.Metadata && cfPoint.Metadata.SourceLocation && cfPoint.Metadata.SourceLocation["@resid"];
  })();
  const metadata = metadataId && defined.get(metadataId);
  if (metadata) {
    const file = (u) => String(u || "").split("/").pop();
    need(
      file(metadata.value) === DEFAULT_METADATA,
      `Métadonnées des fonctions : la valeur par défaut doit être ${DEFAULT_METADATA} (anglais, la langue de ${DEFAULT_LOCALE}).`,
    );
    const overrides = asArray(metadata.node["bt:Override"]);
    const byLocale = new Map(overrides.map((o) => [String(o["@Locale"]).toLowerCase(), file(o["@Value"])]));
    for (const locale of FRENCH_LOCALES) {
      need(byLocale.get(locale.toLowerCase()) === FRENCH_METADATA, `Métadonnées des fonctions : ${locale} doit recevoir ${FRENCH_METADATA} (noms français).`);
    }
    const others = overrides.filter((o) => !frenchSet.has(String(o["@Locale"]).toLowerCase()));
    need(
      others.length === 0,
      `Métadonnées des fonctions : seules les locales françaises ont un <Override> (trouvé : ${others.map((o) => o["@Locale"]).join(", ")}).`,
    );
  }

  // Every URL on one https origin.
  const urls = [];
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) if (app[name]) urls.push(app[name]["@DefaultValue"]);
  if (app.DefaultSettings && app.DefaultSettings.SourceLocation) urls.push(app.DefaultSettings.SourceLocation["@DefaultValue"]);
  for (const res of defined.values()) if (res.kind === "image" || res.kind === "url") urls.push(res.value);
  for (const res of defined.values()) for (const o of asArray(res.node["bt:Override"])) if (res.kind === "url" || res.kind === "image") urls.push(o["@Value"]);
  const origins = new Set();
  for (const u of urls.filter(Boolean)) {
    let parsed;
    try {
      parsed = new URL(u);
    } catch {
      errors.push(`URL invalide : ${u}`);
      continue;
    }
    if (parsed.protocol !== "https:") errors.push(`URL non https : ${u}`);
    origins.add(parsed.origin);
  }
  need(origins.size <= 1, `Toutes les URL doivent être sur une seule origine (trouvé : ${[...origins].join(", ")}).`);
  for (const origin of origins) {
    const host = new URL(origin).hostname;
    need(!reservedHost(host), `Origine ${origin} : un nom de domaine réservé aux exemples ; construisez avec PAC_ORIGIN=https://votre-serveur.`);
  }
  // <AppDomain> is for other domains the add-in navigates to; its own origin is implicit.
  const own = [...origins][0];
  for (const d of asArray(app.AppDomains && app.AppDomains.AppDomain)) {
    let origin;
    try {
      origin = new URL(text(d)).origin;
    } catch {
      continue;
    }
    if (origin === own) errors.push(`<AppDomain>${text(d)}</AppDomain> répète l'origine du complément (sans effet) : à retirer.`);
  }

  // Icons: each image URL maps to a file under rootDir with the declared size.
  const icons = [];
  for (const [id, res] of defined) if (res.kind === "image") icons.push({ id, url: res.value });
  if (app.IconUrl) icons.push({ id: "IconUrl", url: app.IconUrl["@DefaultValue"], size: 32 });
  if (app.HighResolutionIconUrl) icons.push({ id: "HighResolutionIconUrl", url: app.HighResolutionIconUrl["@DefaultValue"], size: 64 });
  for (const icon of icons) {
    let file;
    try {
      file = path.join(rootDir, decodeURIComponent(new URL(icon.url).pathname));
    } catch {
      continue;
    }
    if (!fs.existsSync(file)) {
      errors.push(`Icône « ${icon.id} » introuvable : ${path.relative(process.cwd(), file)}`);
      continue;
    }
    const size = pngSize(file);
    const declared = icon.size || Number((icon.id.match(/(\d+)x\1/) || [])[1]);
    if (!size) errors.push(`Icône « ${icon.id} » : ${file} n'est pas un PNG.`);
    else if (declared && (size.width !== declared || size.height !== declared)) {
      errors.push(`Icône « ${icon.id} » : ${size.width}×${size.height} px au lieu de ${declared}×${declared}.`);
    }
  }
  return { errors, warnings };
}

/** Microsoft's CDN address of office.js: the only script the add-in page may load from outside its origin. */
const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** A page's CSP (from its <meta http-equiv>) as directive → sources. */
function cspOf(html) {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/i.exec(html);
  if (!meta) return undefined;
  const out = {};
  for (const part of meta[1].split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name] = sources;
  }
  return out;
}

/**
 * Checks the two built pages in `distDir`: taskpane.html (the add-in page) loads office.js from Microsoft's CDN
 * and nothing else from outside, with a CSP that allows exactly that origin for scripts; app.html (standalone)
 * loads no office.js and nothing from outside, with a same-origin CSP. Returns the errors (none: valid).
 */
function validatePages(distDir) {
  const errors = [];
  const pages = [
    { file: "taskpane.html", external: [OFFICE_JS_URL], script: ["'self'", new URL(OFFICE_JS_URL).origin] },
    { file: "app.html", external: [], script: ["'self'"] },
  ];
  for (const { file, external, script } of pages) {
    const full = path.join(distDir, file);
    if (!fs.existsSync(full)) {
      errors.push(`${file} absent de ${distDir}.`);
      continue;
    }
    const html = fs.readFileSync(full, "utf8");
    const loads = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    const outside = loads.filter((u) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(u));
    if (JSON.stringify(outside) !== JSON.stringify(external)) {
      errors.push(`${file} charge hors de son origine : ${outside.join(", ") || "rien"} (attendu : ${external.join(", ") || "rien"}).`);
    }
    const csp = cspOf(html);
    if (!csp) {
      errors.push(`${file} : pas de Content-Security-Policy.`);
      continue;
    }
    if (JSON.stringify(csp["default-src"]) !== JSON.stringify(["'self'"])) errors.push(`${file} : CSP default-src doit être 'self' seul.`);
    if (JSON.stringify(csp["script-src"]) !== JSON.stringify(script)) {
      errors.push(`${file} : CSP script-src « ${(csp["script-src"] || []).join(" ")} » au lieu de « ${script.join(" ")} ».`);
    }
    for (const [name, sources] of Object.entries(csp)) {
      if (name === "script-src") continue;
      const off = sources.filter((src) => src === "*" || (/:/.test(src) && !["data:", "blob:"].includes(src)));
      if (off.length > 0) errors.push(`${file} : CSP ${name} ouvre une autre origine (${off.join(" ")}).`);
    }
  }
  return errors;
}

module.exports = { validateManifest, validatePages, EXCEL_API_MIN, DEFAULT_LOCALE, FRENCH_LOCALES, OFFICE_JS_URL };

if (require.main === module) {
  const file = process.argv[2] || "manifest.xml";
  const xml = fs.readFileSync(file, "utf8");
  const rootDir = path.dirname(path.resolve(file));
  const { errors, warnings } = validateManifest(xml, { rootDir });
  // A built manifest (dist/) sits beside the two pages: check what they load and their CSP too.
  const withPages = fs.existsSync(path.join(rootDir, "taskpane.html"));
  if (withPages) errors.push(...validatePages(rootDir));
  for (const w of warnings) console.warn(`attention : ${w}`);
  if (errors.length > 0) {
    for (const e of errors) console.error(`erreur : ${e}`);
    console.error(`${file} : ${errors.length} erreur(s).`);
    process.exit(1);
  }
  console.log(`${file} : manifeste valide (vérification hors ligne)${withPages ? ", pages taskpane.html et app.html conformes" : ""}.`);
}
