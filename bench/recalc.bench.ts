/**
 * LibreOffice's full recalculation of the written workbook (not a test): `npx tsx bench/recalc.bench.ts [sizes…]`.
 *
 * For each size (default 1 000, 5 000, 20 000 clients), writes the workbook of `generatedClients(n)` with the
 * Cibles classes as formulas whatever the size (`liveMax: Infinity`), then converts it with headless LibreOffice
 * twice, each with a fresh profile: once told never to recalculate on load (`OOXMLRecalcMode` 1: load and save
 * only) and once told to always recalculate (0). The difference is the full recalculation a manager waits for
 * when the file is opened with recalculation forced (or after a change in Excel's automatic mode). The machine's
 * load (`uptime`) is printed first: the numbers are only comparable under the same load. A size whose
 * recalculation passes `STOP_SECONDS` ends the run. Used to choose `LIVE_CLIENTS_MAX` (src/plan/targetsSheet.ts).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { generatedClients } from "../src/plan/__fixtures__/portfolio";
import { scorePortfolio } from "../src/plan/score";
import { buildWorkbookPlan } from "../src/plan/workbook";
import { writeXlsx } from "../src/xlsx/write";
import { freshProfile } from "../test/xlsx/soffice";

const STOP_SECONDS = 300;

/** Seconds LibreOffice takes to open and save `file` as xlsx with this profile (a first run warms the profile). */
function convertSeconds(profileDir: string, file: string, outDir: string): number {
  const t = performance.now();
  execFileSync("soffice", [`-env:UserInstallation=${pathToFileURL(profileDir).href}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", outDir, file], {
    stdio: "ignore",
    timeout: (STOP_SECONDS + 120) * 1000,
  });
  return (performance.now() - t) / 1000;
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  console.log(`Charge de la machine : ${execFileSync("uptime").toString().trim()}`);
  const dir = mkdtempSync(join(tmpdir(), "pac-bench-recalc-"));
  const never = freshProfile(1);
  const always = freshProfile(0);
  // Warm both profiles (the first start of a fresh profile writes it).
  const warm = join(dir, "warm.xlsx");
  writeFileSync(warm, await writeXlsx(buildWorkbookPlan(scorePortfolio(generatedClients(10), {}))));
  convertSeconds(never, warm, join(dir, "out"));
  convertSeconds(always, warm, join(dir, "out"));
  for (const n of sizes.length > 0 ? sizes : [1_000, 5_000, 20_000]) {
    const file = join(dir, `clients-${n}.xlsx`);
    writeFileSync(file, await writeXlsx(buildWorkbookPlan(scorePortfolio(generatedClients(n), {}), { liveMax: Infinity })));
    const load = convertSeconds(never, file, join(dir, "never"));
    const full = convertSeconds(always, file, join(dir, "always"));
    const recalc = full - load;
    console.log(
      `${n} clients (${(statSync(file).size / 1024 ** 2).toFixed(1)} Mo) : ouvrir et enregistrer ${load.toFixed(1)} s, avec recalcul complet ${full.toFixed(1)} s, recalcul ≈ ${recalc.toFixed(1)} s`,
    );
    if (recalc > STOP_SECONDS) {
      console.log(`Arrêt : au-delà de ${STOP_SECONDS} s de recalcul, les tailles suivantes ne sont pas mesurées.`);
      break;
    }
  }
  console.log(`Charge de la machine : ${execFileSync("uptime").toString().trim()}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
