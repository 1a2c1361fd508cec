/**
 * The one .xlsx reader (saxes, checked unzip) against the regex reader it replaced (bench/legacyXlsxReader.ts),
 * in the same run, on the bundled sample and on a generated 100 000-row sheet; then the inflaters (Node's zlib,
 * pako, fflate) and the CRC-32 (zlib's, JavaScript's) on that sheet's part, in Node and, when Debian's Chromium is
 * there, in the browser (pako against fflate: the reader keeps zlib in Node and pako in the browser).
 * Run: npx tsx bench/reader.bench.ts [rows] [runs]   (or npm run bench -- reader)
 * Both readers must give the same values (normalised as src/io reads them): the bench stops otherwise.
 */
import { isDeepStrictEqual } from "node:util";
import { existsSync, readFileSync } from "node:fs";
import { inflateRawSync, crc32 as zlibCrc32 } from "node:zlib";
import { Inflate as FflateInflate, inflateSync as fflateInflateSync } from "fflate";
import { inflateRaw as pakoInflateRaw } from "pako";
import { chromium } from "playwright-core";
import { normaliseCell } from "../src/io";
import { openXlsx } from "../src/xlsx/readRows";
import { crc32Js, readPart, readPartInJs, readZip } from "../src/xlsx/unzip";
import { bigXlsx } from "../test/support/bigXlsx";
import { openXlsx as openLegacy } from "./legacyXlsxReader";

const rows = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 5);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(f: () => unknown): number {
  f();
  const ts: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

type Reader = (bytes: Uint8Array) => { names: readonly string[]; rows: (name: string) => unknown[][] };
const readAll = (open: Reader, bytes: Uint8Array): unknown[][][] => {
  const book = open(bytes);
  return book.names.map((n) => book.rows(n));
};
const normalised = (sheets: unknown[][][]): unknown => sheets.map((s) => s.map((r) => r.map((v) => normaliseCell(v))));

const summary: string[] = [];
const inputs: [string, Uint8Array][] = [
  ["clients-demo.xlsx", readFileSync("assets/sample/clients-demo.xlsx")],
  [`${rows.toLocaleString("fr-FR")} lignes`, bigXlsx(rows)],
];
for (const [name, bytes] of inputs) {
  if (!isDeepStrictEqual(normalised(readAll(openXlsx, bytes)), normalised(readAll(openLegacy, bytes)))) throw new Error(`${name}: the readers disagree`);
  const fresh = time(() => readAll(openXlsx, bytes));
  const legacy = time(() => readAll(openLegacy, bytes));
  const line = `${name.padEnd(22)} saxes ${fresh.toFixed(0).padStart(6)} ms   regex ${legacy.toFixed(0).padStart(6)} ms   saxes / regex = ${(fresh / legacy).toFixed(2)}×`;
  console.log(line);
  summary.push(line);
}

const sheet = readZip(inputs[1][1]).find((e) => e.name === "xl/worksheets/sheet1.xml");
if (!sheet) throw new Error("no sheet part");
const zlibMs = time(() => inflateRawSync(sheet.compressed));
const pakoMs = time(() => readPartInJs(sheet));
const pakoPlainMs = time(() => pakoInflateRaw(sheet.compressed));
const fflateMs = time(() => fflateInflateSync(sheet.compressed, { out: new Uint8Array(sheet.size) }));
const fflateStreamMs = time(() => {
  const out = new Uint8Array(sheet.size);
  let at = 0;
  const inflater = new FflateInflate((chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  for (let i = 0; i < sheet.compressed.length; i += 65_536) inflater.push(sheet.compressed.subarray(i, i + 65_536), i + 65_536 >= sheet.compressed.length);
});
const checkedMs = time(() => readPart(sheet));
const plain = readPart(sheet);
const crcZlib = time(() => zlibCrc32(plain));
const crcJs = time(() => crc32Js(plain));
const mib = (plain.length / 2 ** 20).toFixed(1);
for (const line of [
  `Node, inflate ${mib} Mio: zlib ${zlibMs.toFixed(0)} ms; pako ${pakoMs.toFixed(0)} ms checked (${pakoPlainMs.toFixed(0)} ms plain); fflate ${fflateMs.toFixed(0)} ms (${fflateStreamMs.toFixed(0)} ms streamed); pako / zlib = ${(pakoMs / zlibMs).toFixed(1)}×, pako / fflate = ${(pakoMs / fflateMs).toFixed(2)}×`,
  `Node, readPart (zlib + size + CRC) ${checkedMs.toFixed(0)} ms; CRC-32 zlib ${crcZlib.toFixed(1)} ms, JavaScript (slice-by-8, the browser's) ${crcJs.toFixed(1)} ms`,
]) {
  console.log(line);
  summary.push(line);
}

/** pako against fflate in Chromium, on the same part (the UMD builds of both, loaded in a blank page). */
async function inBrowser(): Promise<void> {
  if (!existsSync("/usr/bin/chromium") || !sheet) return;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: readFileSync("node_modules/fflate/umd/index.js", "utf8") });
    await page.addScriptTag({ content: readFileSync("node_modules/pako/dist/pako_inflate.min.js", "utf8") });
    await page.evaluate(`window.__part = ${JSON.stringify({ b64: Buffer.from(sheet.compressed).toString("base64"), size: sheet.size, runs })}`);
    // A string, so that no bundler helper leaks into the page.
    const result = (await page.evaluate(`(() => {
      const { b64, size, runs } = window.__part;
      const bin = atob(b64);
      const data = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
      const median = (f) => { f(); const t = []; for (let i = 0; i < runs; i++) { const s = performance.now(); f(); t.push(performance.now() - s); } return t.sort((a, b) => a - b)[Math.floor(runs / 2)]; };
      const pakoChecked = () => { const out = new Uint8Array(size); let at = 0; const inf = new pako.Inflate({ raw: true, chunkSize: 65536 }); inf.onData = (c) => { out.set(c, at); at += c.length; }; inf.push(data, true); };
      return { pako: median(pakoChecked), fflate: median(() => fflate.inflateSync(data, { out: new Uint8Array(size) })) };
    })()`)) as { pako: number; fflate: number };
    const line = `Chromium, inflate ${mib} Mio: pako ${result.pako.toFixed(0)} ms, fflate ${result.fflate.toFixed(0)} ms; pako / fflate = ${(result.pako / result.fflate).toFixed(2)}×`;
    console.log(line);
    summary.push(line);
  } finally {
    await browser.close();
  }
}

void inBrowser().then(() => console.log(`\nRésumé (${runs} mesures, médiane ; charge : voir uptime)\n${summary.join("\n")}`));
