import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { ByteSink } from "./byteSink";
import { Parts } from "./parts";
import { readPart, readPartInJs } from "./unzip";
import { inflateRawSync } from "node:zlib";
import { nodeWorkerCode } from "../../test/support/nodeWorker";
import { compressBlocks, crc32, defaultCodec, feedBlocks, nodeZlibCodec, pakoCodec, readZip, writeZip, type ZipCodec } from "./zip";
import { useNodeWorker } from "./zlibWorker";

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const zlibCodec = nodeZlibCodec() as ZipCodec;
const codecs = [
  { name: "zlib", codec: zlibCodec },
  { name: "pako", codec: pakoCodec },
];

describe("writeZip", () => {
  it("crc32 is the IEEE CRC-32", () => {
    expect(crc32(encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it("defaultCodec() is Node's zlib under Node", () => {
    expect(zlibCodec).toBeDefined();
    expect(defaultCodec().name).toBe("zlib");
  });

  it.each(codecs)("writeZip(entries, level, $name): a package JSZip reads back, deflated or stored, with CRCs checked", async ({ codec }) => {
    const big = encode("<row>".repeat(10_000));
    const tiny = encode("x");
    const bytes = writeZip([{ name: "a/big.xml", data: big }, { name: "tiny.txt", data: tiny }, { name: "é.xml", data: new Uint8Array(0) }], 6, codec);
    expect(bytes).toBeInstanceOf(Uint8Array);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(["a/big.xml", "tiny.txt", "é.xml"]);
    expect(await zip.file("a/big.xml")?.async("uint8array")).toEqual(big);
    expect(await zip.file("tiny.txt")?.async("string")).toBe("x");
    expect(await zip.file("é.xml")?.async("string")).toBe("");
  });

  it.each([
    { name: "zlib writes, pako reads (the browser)", write: zlibCodec, read: readPartInJs },
    { name: "pako writes, zlib reads (Node)", write: pakoCodec, read: readPart },
  ])("readZip(writeZip(entries)) round-trips: $name", ({ write, read }) => {
    const data = encode(`<sheetData>${'<row r="1"><c r="A1" t="inlineStr"><is><t>Café</t></is></c></row>'.repeat(2_000)}</sheetData>`);
    const entries = readZip(writeZip([{ name: "xl/worksheets/sheet1.xml", data }], 6, write));
    expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([["xl/worksheets/sheet1.xml", 8, data.length]]);
    expect(entries[0].crc).toBe(crc32(data));
    expect(read(entries[0])).toEqual(data);
  });

  it("readZip refuses what is not a ZIP package", () => {
    expect(() => readZip(encode("Client;CA\nA;1\n"))).toThrow(expect.objectContaining({ code: "NOT_ZIP" }));
    expect(() => readZip(new Uint8Array(0))).toThrow(expect.objectContaining({ code: "NOT_ZIP" }));
  });

  it("readZip refuses a truncated package instead of reading past its end", () => {
    const bytes = writeZip([{ name: "a.xml", data: encode("<a/>".repeat(100)) }]);
    const cut = bytes.slice(0, bytes.length - 30);
    expect(() => readZip(cut)).toThrow(expect.objectContaining({ code: "NOT_ZIP" }));
  });

  it("writeZip is deterministic", () => {
    const entries = [{ name: "a.xml", data: encode("<a/>") }];
    expect(writeZip(entries)).toEqual(writeZip(entries));
  });
});

describe("Parts.load (parts inflated ahead, natively in a browser)", () => {
  it("gives the same text and bytes as reading on demand; a part set, replaced or removed after is not read from it", async () => {
    const zipped = writeZip([
      { name: "a.xml", data: encode("<a>".repeat(3_000)) },
      { name: "b.xml", data: encode("<b/>".repeat(3_000)) },
    ]);
    const onDemand = await Parts.read(zipped);
    const ahead = await Parts.read(zipped);
    await ahead.load(["a.xml", "b.xml", "absent.xml"]);
    expect(ahead.text("a.xml")).toBe(onDemand.text("a.xml"));
    expect(ahead.bytes("b.xml")).toEqual(onDemand.bytes("b.xml"));
    ahead.set("a.xml", "<nouveau/>");
    expect(ahead.text("a.xml")).toBe("<nouveau/>");
    onDemand.copyTo(ahead, "a.xml", "b.xml");
    expect(ahead.text("b.xml")).toBe("<a>".repeat(3_000));
    ahead.remove("b.xml");
    expect(ahead.has("b.xml")).toBe(false);
    expect(() => ahead.text("b.xml")).toThrow("no part b.xml");
  });
});

describe("compressBlocks (a part deflated as its blocks come)", () => {
  // The compression thread as the command line starts it (bundled by bin/pac.js).
  beforeAll(() => useNodeWorker(nodeWorkerCode()), 60_000);

  it.each([
    ["a worker thread", {}],
    ["the thread pool", { pool: true }],
  ])("Node's zlib on %s: blocks deflated apart and joined read back as the part, with its CRC and size", async (_, options) => {
    // Blocks of 1 MiB as the sheet writer yields them, an empty one, and a short last one: each is deflated on
    // its own and the pieces are joined into one stream.
    const text = Array.from({ length: 60_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${(i * 7919) % 1000}</v></c></row>`).join("");
    const bytes = new TextEncoder().encode(text);
    const blocks = [bytes.subarray(0, 1 << 20), new Uint8Array(0), bytes.subarray(1 << 20, 2 << 20), bytes.subarray(2 << 20)];
    const entry = await compressBlocks("xl/worksheets/sheet1.xml", blocks, { large: true, codec: nodeZlibCodec(options) as ZipCodec });
    const raw = entry.raw;
    expect(raw.size).toBe(bytes.length);
    expect(raw.crc).toBe(crc32(bytes));
    expect(Buffer.from(inflateRawSync(raw.compressed)).equals(Buffer.from(bytes))).toBe(true);
    const zip = await JSZip.loadAsync(writeZip([{ name: raw.name, raw }]));
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toBe(text);
    // The caller's bytes are copied to the worker, never moved: they are still there.
    expect(bytes.length).toBe(text.length);
    expect(new TextDecoder().decode(bytes.subarray(bytes.length - 12))).toBe(text.slice(-12));
  });

  it("the worker thread: a sink's blocks go to it and come back to be written again; views into a Node Buffer stay readable", async () => {
    const sink = new ByteSink();
    const rows = Array.from({ length: 90_000 }, (_, i) => `<row r="${i + 1}"><c r="B${i + 1}" t="s"><v>${i % 977}</v></c></row>`);
    for (const row of rows) sink.ascii(row);
    const blocks = sink.finish();
    expect(blocks.length).toBeGreaterThan(2);
    const text = rows.join("");
    // A Node Buffer's pieces share one buffer: the first one given to the worker must not take the others.
    const shared = Buffer.from("<a>tête</a><b>queue</b>");
    const head = Buffer.byteLength("<a>tête</a>");
    const pieces = [shared.subarray(0, head), ...blocks, shared.subarray(head)];
    const entry = await compressBlocks("x.xml", pieces, { codec: nodeZlibCodec() as ZipCodec });
    const expected = "<a>tête</a>" + text + "<b>queue</b>";
    expect(Buffer.from(inflateRawSync(entry.raw.compressed)).toString() === expected).toBe(true);
    expect(entry.raw.crc).toBe(crc32(encode(expected)));
    expect(shared.toString()).toBe("<a>tête</a><b>queue</b>");
    // The sink's blocks were moved to the worker (their buffers are gone from this thread), not copied.
    expect(blocks.every((b) => b.byteLength === 0)).toBe(true);
    // Blocks came back: the next sink writes into them, and what it writes is read back whole.
    const again = new ByteSink();
    for (const row of rows) again.ascii(row);
    const second = await compressBlocks("y.xml", again.finish(), { codec: nodeZlibCodec() as ZipCodec });
    expect(Buffer.from(inflateRawSync(second.raw.compressed)).toString() === text).toBe(true);
  });

  it("the worker thread never keeps a process alive: not when idle, nor for a part left without its end", () => {
    const dir = mkdtempSync(join(tmpdir(), "pac-zlib-"));
    const script = join(dir, "left.ts");
    const code = join(dir, "worker.cjs");
    writeFileSync(code, nodeWorkerCode());
    writeFileSync(
      script,
      `import { readFileSync } from "node:fs";\n` +
        `import { nodeZlibCodec } from ${JSON.stringify(join(__dirname, "zip"))};\n` +
        `import { useNodeWorker } from ${JSON.stringify(join(__dirname, "zlibWorker"))};\n` +
        `useNodeWorker(readFileSync(${JSON.stringify(code)}, "utf8"));\n` +
        `const stream = nodeZlibCodec()!.stream!(1);\n` +
        `void (async () => { await stream.push(new TextEncoder().encode("<x/>".repeat(1000))); console.log("pushed"); })();\n`,
    );
    const started = Date.now();
    const run = spawnSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8", timeout: 30_000 });
    expect(run.stdout.trim()).toBe("pushed");
    expect(run.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("feedBlocks: the next part is fed while the last is deflated; a part that fails meanwhile fails its own await", async () => {
    const zlib = nodeZlibCodec() as ZipCodec;
    let ended = 0;
    // A codec whose first stream fails at its end, after the second part was fed: no unhandled rejection.
    const failing: ZipCodec = {
      ...zlib,
      stream: (level) => {
        const inner = zlib.stream!(level);
        const k = ended++;
        return { push: (b) => inner.push(b), end: () => (k === 0 ? new Promise((_, reject) => setTimeout(() => reject(new Error("disque plein")), 20)) : inner.end()) };
      },
    };
    const text = new TextEncoder().encode("<sheetData/>".repeat(1000));
    const first = await feedBlocks("a.xml", [text], { codec: failing });
    const second = await feedBlocks("b.xml", [text, text], { codec: failing });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(first.entry).rejects.toThrow("disque plein");
    const b = await second.entry;
    expect(b.raw.size).toBe(text.length * 2);
    expect(Buffer.from(inflateRawSync(b.raw.compressed)).toString()).toBe("<sheetData/>".repeat(2000));
  });
});
