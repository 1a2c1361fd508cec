/**
 * The one .xlsx reader (saxes, checked unzip) against the regex reader it replaced (bench/legacyXlsxReader.ts),
 * in the same run, on the bundled sample and on a generated 100 000-row sheet; then the inflaters (Node's zlib,
 * fflate, pako) and the CRC-32 (zlib's, JavaScript's) on that sheet's part.
 * Run: npx tsx bench/reader.bench.ts [rows] [runs]   (or npm run bench -- reader)
 * Both readers must give the same values (normalised as src/io reads them): the bench stops otherwise.
 */
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { inflateRawSync, crc32 as zlibCrc32 } from "node:zlib";
import { inflateRaw as pakoInflateRaw } from "pako";
import { normaliseCell } from "../src/io";
import { openXlsx } from "../src/xlsx/readRows";
import { crc32Js, readPart, readPartWithFflate, readZip } from "../src/xlsx/unzip";
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
const fflateMs = time(() => readPartWithFflate(sheet));
const pakoMs = time(() => pakoInflateRaw(sheet.compressed));
const checkedMs = time(() => readPart(sheet));
const plain = readPart(sheet);
const crcZlib = time(() => zlibCrc32(plain));
const crcJs = time(() => crc32Js(plain));
const mib = (plain.length / 2 ** 20).toFixed(1);
for (const line of [
  `inflate ${mib} Mio     zlib ${zlibMs.toFixed(0)} ms   fflate ${fflateMs.toFixed(0)} ms (fflate / zlib = ${(fflateMs / zlibMs).toFixed(2)}×)   pako ${pakoMs.toFixed(0)} ms (pako / fflate = ${(pakoMs / fflateMs).toFixed(2)}×)`,
  `readPart (zlib + CRC + size checks) ${checkedMs.toFixed(0)} ms   CRC-32 zlib ${crcZlib.toFixed(1)} ms, JavaScript (slice-by-8) ${crcJs.toFixed(1)} ms`,
]) {
  console.log(line);
  summary.push(line);
}
console.log(`\nRésumé (${runs} mesures, médiane ; charge : voir uptime)\n${summary.join("\n")}`);
