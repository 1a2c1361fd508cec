import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** True when a command answers `--version` (soffice, pdfinfo, pdftoppm…). */
export function hasCommand(command: string, args: readonly string[] = ["--version"]): boolean {
  try {
    execFileSync(command, [...args], { stdio: "ignore", timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * A fresh LibreOffice profile that recalculates every formula of an .xlsx on load (Calc › Formula › Load:
 * OOXMLRecalcMode = 0, "always"), so a converted file holds LibreOffice's own results, not our cached ones.
 * `recalc` 1 ("never") keeps the cached values: the benchmark subtracts that load time from the full one.
 */
export function freshProfile(recalc: 0 | 1 = 0): string {
  const dir = mkdtempSync(join(tmpdir(), "pac-lo-profile-"));
  mkdirSync(join(dir, "user"), { recursive: true });
  writeFileSync(
    join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${recalc}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${recalc}</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

/**
 * Converts files with headless LibreOffice (`format`: "xlsx" recalculates and saves, "pdf" prints); returns the
 * outputs. `timeout` (ms, default 90 s) bounds the whole call: a batch of many workbooks on a loaded machine needs more.
 */
export async function convert(profile: string, files: readonly string[], format: "xlsx" | "pdf", outDir: string, timeout = 90_000): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  await run(
    "soffice",
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, ...files],
    { timeout },
  );
  return files.map((f) => join(outDir, basename(f).replace(/\.xlsx$/, `.${format}`)));
}

export async function pdfPages(pdf: string): Promise<{ count: number; sizes: string[]; texts: string[] }> {
  const info = (await run("pdfinfo", ["-f", "1", "-l", "999", pdf])).stdout;
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+(.*)$/gm)].map((m) => m[1].trim());
  const texts: string[] = [];
  for (let page = 1; page <= sizes.length; page++) {
    texts.push((await run("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"])).stdout);
  }
  return { count: sizes.length, sizes, texts };
}

/** Renders pages of a PDF to PNG files `<prefix>-<page>.png` (pdftoppm). */
export async function renderPages(pdf: string, first: number, last: number, prefix: string, dpi = 80): Promise<void> {
  await run("pdftoppm", ["-f", String(first), "-l", String(last), "-r", String(dpi), "-png", pdf, prefix]);
}

export function tempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `pac-${name}-`));
}
