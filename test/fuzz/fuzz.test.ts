import { readFileSync } from "node:fs";
import { importClients } from "../../src/cli/clients";
import { CliError } from "../../src/cli/errors";
import { isEngineError } from "../../src/engine";
import { readCsvTable } from "../../src/cli/input";
import { scorePortfolio } from "../../src/plan/score";
import { XlsxError } from "../../src/xlsx/errors";
import { openXlsx } from "../../src/xlsx/readRows";
import { readPart, readZip } from "../../src/xlsx/unzip";
import { parseXmlWithSaxes, scanPlainXmlOrGiveUp, type XmlHandlers } from "../../src/xlsx/xml";
import { writeZip } from "../../src/xlsx/zip";
import { mulberry32 } from "../support/random";

/**
 * Bounded fuzzing (issue 11.7): seeded mutations of the bundled sample workbook and of a CSV, each read the way
 * the CLI reads it (the one .xlsx reader or the CSV parser → importClients → scorePortfolio). Every case must end
 * with a result or one of the product's French errors (XlsxError, CliError, EngineError), within a time bound:
 * anything else (a TypeError, a RangeError, a hang) fails the test with the seed and the mutation to replay it.
 * For mutations inside XML parts, the plain-XML scanner must also agree with saxes.
 */

const SAMPLE = new Uint8Array(readFileSync("assets/sample/clients-demo.xlsx"));
const CASE_MS = 3000;

type Outcome = "result" | "refused";

/** Strips leading blank rows, as the CLI does, and reads the clients and their scores. */
function score(rows: unknown[][]): void {
  let first = 0;
  while (first < rows.length && rows[first].every((v) => v === null || v === undefined || v === "")) first++;
  const { clients } = importClients(rows.slice(first), { firstRowNumber: first + 1 }, "fuzz", "fr");
  scorePortfolio(clients);
}

function outcome(read: () => void): Outcome {
  try {
    read();
    return "result";
  } catch (error) {
    if (error instanceof XlsxError || error instanceof CliError || isEngineError(error)) {
      expect(error.message.length).toBeGreaterThan(10);
      return "refused";
    }
    throw error;
  }
}

function readXlsx(bytes: Uint8Array): void {
  const wb = openXlsx(bytes, "fuzz.xlsx");
  if (wb.names.length === 0) return;
  score(wb.rows(wb.names[0]));
}

/** The CSV read as the CLI reads it (its refusals are CliErrors: unterminated quote, limits, no rows). */
function readCsv(bytes: Uint8Array): void {
  const table = readCsvTable("fuzz.csv", Buffer.from(bytes));
  score(table.rows);
}

interface Case {
  readonly what: string;
  readonly bytes: Uint8Array;
}

/** Runs every case, collecting the failures (unexpected errors, slow cases) to report them all at once. */
function runAll(cases: readonly Case[], read: (bytes: Uint8Array) => void): { failures: string[]; counts: Record<Outcome, number> } {
  const failures: string[] = [];
  const counts: Record<Outcome, number> = { result: 0, refused: 0 };
  for (const c of cases) {
    const started = performance.now();
    try {
      counts[outcome(() => read(c.bytes))]++;
    } catch (error) {
      failures.push(`${c.what}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    }
    const ms = performance.now() - started;
    if (ms > CASE_MS) failures.push(`${c.what}: ${ms.toFixed(0)} ms`);
  }
  return { failures, counts };
}

const int = (random: () => number, n: number): number => Math.floor(random() * n);

function byteFlips(seed: number): Case {
  const random = mulberry32(seed);
  const bytes = SAMPLE.slice();
  const n = 1 + int(random, 8);
  const at: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = int(random, bytes.length);
    bytes[i] ^= 1 + int(random, 255);
    at.push(i);
  }
  return { what: `byte flips (seed ${seed}) at ${at.join(", ")}`, bytes };
}

function truncation(seed: number): Case {
  const random = mulberry32(seed);
  const length = int(random, SAMPLE.length);
  return { what: `truncated to ${length} bytes (seed ${seed})`, bytes: SAMPLE.slice(0, length) };
}

/** Where the zip's headers are: each local header, each central-directory entry, the end record. */
function headerOffsets(bytes: Uint8Array): { at: number; size: number }[] {
  const out: { at: number; size: number }[] = [];
  for (let i = 0; i + 4 <= bytes.length; i++) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b) continue;
    const sig = bytes[i + 2] | (bytes[i + 3] << 8);
    if (sig === 0x0403) out.push({ at: i, size: 30 });
    else if (sig === 0x0201) out.push({ at: i, size: 46 });
    else if (sig === 0x0605) out.push({ at: i, size: 22 });
  }
  return out;
}
const HEADERS = headerOffsets(SAMPLE);
const SPECIAL = [0, 1, 0xff, 0xffff, 0xffffffff, 0x7fffffff, 0x80000000];

function zipHeader(seed: number): Case {
  const random = mulberry32(seed);
  const bytes = SAMPLE.slice();
  const view = new DataView(bytes.buffer);
  const header = HEADERS[int(random, HEADERS.length)];
  const field = header.at + 4 + 2 * int(random, (header.size - 4) / 2);
  const wide = random() < 0.5 && field + 4 <= header.at + header.size;
  const value = random() < 0.5 ? SPECIAL[int(random, SPECIAL.length)] : int(random, 2 ** 32);
  if (wide) view.setUint32(field, value >>> 0, true);
  else view.setUint16(field, value & 0xffff, true);
  return { what: `zip header at ${field} set to ${value} (${wide ? 32 : 16} bits, seed ${seed})`, bytes };
}

const PARTS = readZip(SAMPLE).map((e) => ({ name: e.name, data: readPart(e) }));
const XML_PARTS = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "_rels/.rels"];
const TOKENS = [
  "<", ">", "&", "&amp;", "&#0;", "&#x110000;", "&lol;", '"', "'", "</row>", "<row>", "<c>", "</c>", "<v>", "</v>", "<si><t>x</t></si>", "<!-- <si> -->",
  "<![CDATA[<]]>", "<?pi?>", '<!DOCTYPE x [<!ENTITY a "b">]>', 'r="A1048577"', 'r="XFD1"', 'r="XFE1"', '<row r="0">', '<row r="1048576">', '<c r="ZZZZZZZ3">',
  't="s"', 't="e"', 't="d"', 't="inlineStr"', 's="999"', "99999999999", "-1", "1e308", "\u0000", "\r", "\t", "é", "\uFFFF", "x".repeat(33_000),
];

function xmlMutation(seed: number): Case & { readonly part: string; readonly xml: string } {
  const random = mulberry32(seed);
  const part = XML_PARTS[int(random, XML_PARTS.length)];
  const original = new TextDecoder().decode(PARTS.find((p) => p.name === part)?.data);
  let xml = original;
  const edits: string[] = [];
  for (let k = 1 + int(random, 3); k > 0; k--) {
    const at = int(random, xml.length + 1);
    const kind = int(random, 4);
    if (kind === 0) {
      const length = 1 + int(random, 40);
      xml = xml.slice(0, at) + xml.slice(at + length);
      edits.push(`delete ${length} at ${at}`);
    } else if (kind === 1) {
      const token = TOKENS[int(random, TOKENS.length)];
      xml = xml.slice(0, at) + token + xml.slice(at);
      edits.push(`insert ${JSON.stringify(token.slice(0, 30))} at ${at}`);
    } else if (kind === 2) {
      const length = 1 + int(random, 200);
      xml = xml.slice(0, at) + xml.slice(at, at + length) + xml.slice(at);
      edits.push(`duplicate ${length} at ${at}`);
    } else {
      const digit = xml.slice(at).search(/\d/);
      if (digit >= 0) xml = xml.slice(0, at + digit) + String(int(random, 10)) + xml.slice(at + digit + 1);
      edits.push(`digit after ${at}`);
    }
  }
  const encoder = new TextEncoder();
  const bytes = writeZip(PARTS.map((p) => (p.name === part ? { name: p.name, data: encoder.encode(xml) } : p)));
  return { what: `${part}: ${edits.join("; ")} (seed ${seed})`, bytes, part, xml };
}

function csvMutation(seed: number): Case {
  const random = mulberry32(seed);
  const lines = ["Code client;Raison sociale;CA 2024;CA 2025;Date dernier achat"];
  for (let k = 1; k <= 60; k++) lines.push(`C${k};Société ${k} « Noël »;${(k * 731) % 5000},50;${(k * 977) % 6000};${1 + (k % 28)}/0${1 + (k % 9)}/2025`);
  let bytes = new TextEncoder().encode(lines.join("\r\n"));
  const edits: string[] = [];
  for (let k = 1 + int(random, 4); k > 0; k--) {
    const at = int(random, bytes.length + 1);
    const kind = int(random, 5);
    const insert = (more: number[]): void => {
      const out = new Uint8Array(bytes.length + more.length);
      out.set(bytes.subarray(0, at));
      out.set(more, at);
      out.set(bytes.subarray(at), at + more.length);
      bytes = out;
    };
    if (kind === 0) {
      bytes = bytes.slice(0, at);
      edits.push(`truncate at ${at}`);
    } else if (kind === 1) {
      const b = [[0x22], [0xff], [0xc3, 0x28], [0x00], [0x3b], [0x0d], [0x0a], [0xef, 0xbb, 0xbf], [0x3d, 0x31, 0x2b, 0x31]][int(random, 9)];
      insert(b);
      edits.push(`insert ${b.join(",")} at ${at}`);
    } else if (kind === 2) {
      if (at < bytes.length) bytes[at] ^= 1 + int(random, 255);
      edits.push(`flip at ${at}`);
    } else if (kind === 3) {
      insert(new Array(2_000 + int(random, 20_000)).fill(0x3b));
      edits.push(`many separators at ${at}`);
    } else {
      insert([...new TextEncoder().encode(`"${"x".repeat(int(random, 50_000))}`)]);
      edits.push(`open quote and a long field at ${at}`);
    }
  }
  return { what: `CSV: ${edits.join("; ")} (seed ${seed})`, bytes };
}

const seeds = (base: number, n: number): number[] => Array.from({ length: n }, (_, k) => base + k);

describe("fuzzing: every mutated input ends with a result or a French error, in bounded time", () => {
  it("the sample itself is read and scored", () => {
    expect(runAll([{ what: "sample", bytes: SAMPLE }], readXlsx)).toEqual({ failures: [], counts: { result: 1, refused: 0 } });
  });

  it.each([
    { name: "byte flips", make: byteFlips, base: 1_000 },
    { name: "truncations", make: truncation, base: 2_000 },
    { name: "zip header fields", make: zipHeader, base: 3_000 },
  ])("60 sample workbooks with $name", ({ make, base }) => {
    const { failures, counts } = runAll(seeds(base, 60).map(make), readXlsx);
    expect(failures).toEqual([]);
    expect(counts.result + counts.refused).toBe(60);
  }, 60_000);

  it("100 sample workbooks with XML mutations inside their parts; the scanner agrees with saxes on each part", () => {
    const cases = seeds(4_000, 100).map(xmlMutation);
    const { failures, counts } = runAll(cases, readXlsx);
    expect(failures).toEqual([]);
    expect(counts.refused).toBeGreaterThan(10);
    expect(counts.result).toBeGreaterThan(10);
    const disagreements: string[] = [];
    for (const c of cases) {
      const fast: string[] = [];
      const slow: string[] = [];
      const recorder = (events: string[]): XmlHandlers => ({
        open: (local, a) => events.push(`<${local} ${JSON.stringify(a)}`),
        close: (local) => events.push(`</${local}`),
        text: (t) => (events.length > 0 && events[events.length - 1].startsWith("T") ? (events[events.length - 1] += t) : events.push(`T${t}`)),
      });
      if (!scanPlainXmlOrGiveUp(c.xml, recorder(fast))) continue;
      try {
        parseXmlWithSaxes(c.part, new TextEncoder().encode(c.xml), recorder(slow));
      } catch (error) {
        disagreements.push(`${c.what}: the scanner read it, saxes refused it (${String(error)})`);
        continue;
      }
      const inside = (events: string[]): string[] => events.filter((e, k) => !e.startsWith("T") || (k > 0 && k < events.length - 1));
      if (JSON.stringify(inside(fast)) !== JSON.stringify(inside(slow))) disagreements.push(`${c.what}: different events`);
    }
    expect(disagreements).toEqual([]);
  }, 60_000);

  it("120 mutated CSV files", () => {
    const { failures, counts } = runAll(seeds(5_000, 120).map(csvMutation), readCsv);
    expect(failures).toEqual([]);
    expect(counts.result + counts.refused).toBe(120);
  }, 60_000);
});
