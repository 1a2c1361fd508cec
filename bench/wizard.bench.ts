// The whole wizard in the standalone browser page (app.html) on a 10 000-client workbook, from upload to
// download, in Debian's Chromium against the production build (target from issue 12: under 2 s). Also reports
// the gzipped size of each page's JavaScript at start-up (target: under 400 KB). Run: npm run bench -- wizard.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { generateClients, sampleWorkbook, stableXlsx } from "../scripts/make-sample";
import { CHROMIUM, DIST, ensureDist, launchChromium, serve } from "../test/e2e/browser";
import { recordSummary } from "./summary";

const CLIENTS = Number(process.argv[2] ?? 10_000);
const TARGET_SECONDS = 2;

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} Ko`;
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`${CHROMIUM} absent (apt-get install -y chromium) : mesure du navigateur sautée.`);
    return;
  }
  ensureDist();

  for (const file of readdirSync(DIST).filter((f) => f.endsWith(".js")).sort()) {
    const raw = readFileSync(join(DIST, file));
    const lazy = ["taskpane.js", "functions.js", "app.js"].includes(file) ? "" : " (chargé à la demande)";
    console.log(`dist/${file} : ${kb(statSync(join(DIST, file)).size)}, ${kb(gzipSync(raw, { level: 9 }).length)} gzip${lazy}`);
  }
  for (const [label, files] of [
    ["volet du complément (taskpane.html)", ["taskpane.js", "functions.js"]],
    ["page autonome (app.html)", ["app.js"]],
  ] as const) {
    const gzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, 0);
    console.log(`JavaScript au démarrage, ${label} : ${kb(gzip)} gzip (objectif < 400 Ko) — ${gzip < 400 * 1024 ? "tenu" : "DÉPASSÉ"}`);
  }

  const input = await stableXlsx(sampleWorkbook(generateClients({ clients: CLIENTS, prospects: Math.round(CLIENTS / 5), seed: 20250603 })));
  const { server, origin } = await serve(DIST);
  const { context, close } = await launchChromium();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/app.html`);
    await page.getByRole("heading", { name: "Ouvrir un fichier de clients" }).waitFor({ timeout: 60_000 });

    const marks: [string, number][] = [];
    const t0 = performance.now();
    const mark = (label: string) => marks.push([label, performance.now() - t0]);
    await page.locator("#file-input").setInputFiles({
      name: "clients.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: input,
    });
    await page.getByRole("heading", { name: "Rapport d'import" }).waitFor({ timeout: 120_000 });
    mark("fichier lu, colonnes détectées, rapport d'import");
    await page.getByRole("button", { name: "Suivant" }).click();
    await page.getByRole("heading", { name: "Méthodes de ciblage" }).waitFor();
    await page.getByRole("tab", { name: /Capital de contacts/ }).click();
    await page.getByRole("heading", { name: "Capital de contacts" }).waitFor();
    await page.getByRole("tab", { name: /Aperçu/ }).click();
    await page.getByRole("img", { name: "Courbe de Pareto (CA cumulé)" }).waitFor({ timeout: 120_000 });
    mark("méthodes, capital, aperçu calculé");
    await page.getByRole("tab", { name: /Générer/ }).click();
    await page.getByRole("button", { name: "Générer", exact: true }).click();
    await page.getByText(/^Feuilles écrites : /).waitFor({ timeout: 300_000 });
    mark("feuilles Cibles, Contacts, PAC écrites");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Télécharger le classeur" }).click()]);
    const saved = await download.path();
    mark("classeur téléchargé");
    let previous = 0;
    for (const [label, at] of marks) {
      console.log(`  ${label} : +${((at - previous) / 1000).toFixed(2)} s`);
      previous = at;
    }
    const total = marks[marks.length - 1][1] / 1000;
    console.log(
      `Assistant, ${CLIENTS} clients, du dépôt du fichier au téléchargement : ${total.toFixed(2)} s (objectif < ${TARGET_SECONDS} s) — ${total < TARGET_SECONDS ? "tenu" : "DÉPASSÉ"} ; classeur ${kb(saved ? statSync(saved).size : 0)}`,
    );
    recordSummary({
      name: `wizard, ${CLIENTS.toLocaleString("en")} clients, upload to download (Chromium)`,
      measured: total,
      unit: "s",
      target: TARGET_SECONDS,
      better: "lower",
      note: `load ${loadavg().map((x) => x.toFixed(2)).join(" ")}`,
    });
  } finally {
    await close();
    server.close();
  }
}

void main();
