/**
 * The writer's DEFLATE: Node's zlib (what `writeZip` uses in Node), pako (what it uses in the browser) and fflate,
 * on a generated 100 000-row sheet part, level 6 and level 1 (parts over 8 MB are written at level 1), in Node
 * and, when Debian's Chromium is there, in the browser (the UMD builds, in a blank page). Each line gives the
 * time (median) and the compressed size. Run: npx tsx bench/zip.bench.ts [rows] [runs]  (npm run bench -- zip)
 */
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { deflateSync as fflateDeflate } from "fflate";
import { deflateRaw as pakoDeflate } from "pako";
import { chromium } from "playwright-core";
import { readPart, readZip } from "../src/xlsx/unzip";
import { bigXlsx } from "../test/support/bigXlsx";

const rows = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 3);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(f: () => { length: number }): { ms: number; size: number } {
  const size = f().length;
  const ts: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  return { ms: median(ts), size };
}

const entry = readZip(bigXlsx(rows)).find((e) => e.name === "xl/worksheets/sheet1.xml");
if (!entry) throw new Error("no sheet part");
const plain = readPart(entry);
const mib = (n: number): string => (n / 2 ** 20).toFixed(1);
const lines: string[] = [];
const show = (where: string, level: number, results: Record<string, { ms: number; size: number }>): void => {
  const parts = Object.entries(results).map(([name, r]) => `${name} ${r.ms.toFixed(0)} ms (${mib(r.size)} Mio)`);
  const { pako, fflate } = results;
  const line = `${where}, deflate ${mib(plain.length)} Mio, level ${level}: ${parts.join(", ")}; pako / fflate = ${(pako.ms / fflate.ms).toFixed(2)}×`;
  console.log(line);
  lines.push(line);
};
for (const level of [6, 1] as const) {
  show("Node", level, {
    zlib: time(() => gzipSync(plain, { level })),
    pako: time(() => pakoDeflate(plain, { level })),
    fflate: time(() => fflateDeflate(plain, { level })),
  });
}

async function inBrowser(): Promise<void> {
  if (!existsSync("/usr/bin/chromium")) return;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: readFileSync("node_modules/fflate/umd/index.js", "utf8") });
    await page.addScriptTag({ content: readFileSync("node_modules/pako/dist/pako_deflate.min.js", "utf8") });
    await page.evaluate(`window.__part = ${JSON.stringify({ b64: Buffer.from(plain).toString("base64"), runs })}`);
    for (const level of [6, 1]) {
      const result = (await page.evaluate(`(() => {
        const { b64, runs } = window.__part;
        const bin = atob(b64);
        const data = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
        const time = (f) => { const size = f().length; const t = []; for (let i = 0; i < runs; i++) { const s = performance.now(); f(); t.push(performance.now() - s); } return { ms: t.sort((a, b) => a - b)[Math.floor(runs / 2)], size }; };
        return { pako: time(() => pako.deflateRaw(data, { level: ${level} })), fflate: time(() => fflate.deflateSync(data, { level: ${level} })) };
      })()`)) as Record<string, { ms: number; size: number }>;
      show("Chromium", level, result);
    }
  } finally {
    await browser.close();
  }
}

void inBrowser().then(() => console.log(`\nRésumé (${runs} mesures, médiane ; charge : voir uptime)\n${lines.join("\n")}`));
