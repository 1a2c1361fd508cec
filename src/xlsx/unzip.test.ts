import { deflateRawSync } from "node:zlib";
import { Inflate } from "pako";
import { inflateNatively, readPart, readPartAsync, readZip } from "./unzip";
import { writeZip } from "./zip";

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("readZip (ZIP64)", () => {
  /** A one-part package whose central directory gives the sizes in a ZIP64 extra field (0xffffffff in place). */
  function zip64Sizes(data: Uint8Array): Uint8Array {
    const plain = writeZip([{ name: "a.xml", data }], 6);
    const view = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
    const end = plain.length - 22;
    const central = view.getUint32(end + 16, true);
    const centralSize = view.getUint32(end + 12, true);
    const out = new Uint8Array(plain.length + 20);
    out.set(plain.subarray(0, central + 46 + 5));
    const o = new DataView(out.buffer);
    const compressed = view.getUint32(central + 20, true);
    const size = view.getUint32(central + 24, true);
    o.setUint32(central + 20, 0xffffffff, true);
    o.setUint32(central + 24, 0xffffffff, true);
    o.setUint16(central + 30, 20, true);
    let at = central + 46 + 5;
    o.setUint16(at, 0x0001, true);
    o.setUint16(at + 2, 16, true);
    o.setBigUint64(at + 4, BigInt(size), true);
    o.setBigUint64(at + 12, BigInt(compressed), true);
    at += 20;
    out.set(plain.subarray(end), at);
    o.setUint32(at + 12, centralSize + 20, true);
    return out;
  }

  it("readZip reads the sizes of a ZIP64 extra field", () => {
    const data = encode("<a>".repeat(5_000));
    const entries = readZip(zip64Sizes(data));
    expect(entries.map((e) => [e.name, e.size])).toEqual([["a.xml", data.length]]);
    expect(readPart(entries[0])).toEqual(data);
  });
});

describe("inflateNatively (a browser's DecompressionStream, which Node has too)", () => {
  /** Rows of varied numbers: XML that compresses as a sheet does, over many of the inflater's 4 KiB pieces. */
  const sheet = (): Uint8Array => {
    let xml = "";
    for (let i = 0; i < 20_000; i++) xml += `<row r="${i + 1}"><c><v>${(i * 7919) % 100_003}</v></c></row>`;
    return encode(xml);
  };
  const entryOf = (data: Uint8Array) => readZip(writeZip([{ name: "a.xml", data }], 6))[0];

  it("inflates a part of many pieces to the bytes readPart gives", async () => {
    const data = sheet();
    const entry = entryOf(data);
    expect(entry.method).toBe(8);
    expect(entry.compressed.length).toBeGreaterThan(4 * 4096);
    expect(await inflateNatively(entry)).toEqual(data);
    expect(await readPartAsync(entry)).toEqual(readPart(entry));
  });

  it("gives up on a part larger or smaller than declared, damaged or cut short: pako then gives the usual error", async () => {
    const entry = entryOf(sheet());
    expect(await inflateNatively({ ...entry, size: entry.size - 1 })).toBeUndefined();
    expect(await inflateNatively({ ...entry, size: entry.size + 1 })).toBeUndefined();
    const damaged = entry.compressed.slice();
    damaged.fill(0xff, 0, 8);
    expect(await inflateNatively({ ...entry, compressed: damaged })).toBeUndefined();
    expect(await inflateNatively({ ...entry, compressed: entry.compressed.subarray(0, entry.compressed.length - 100) })).toBeUndefined();
  });

  it("checks the CRC natively: a part whose CRC is not the declared one is inflated by pako, which names the mismatch", async () => {
    const entry = entryOf(sheet());
    const wrong = { ...entry, crc: (entry.crc ^ 1) >>> 0 };
    expect(await inflateNatively(wrong)).toBeUndefined();
    await expect(readPartAsync(wrong)).rejects.toMatchObject({ code: "PART_CRC" });
  });

  it("stops a bomb within a few pieces of its input: 64 MiB of zeros declared as 1 KiB", async () => {
    const compressed = new Uint8Array(deflateRawSync(new Uint8Array(64 * 2 ** 20)));
    // A stream as the standard defines it and Chromium builds it (a TransformStream inflating each piece in
    // full when given it), counting the compressed bytes given: Node's own stream takes its input ahead.
    const Native = globalThis.DecompressionStream;
    let fed = 0;
    class SpecInflater extends TransformStream<Uint8Array, Uint8Array> {
      constructor() {
        // The part comes framed as a gzip member (for its CRC): gzip, as `inflateNatively` asks.
        const inflater = new Inflate({ windowBits: 15 + 16 });
        let output: TransformStreamDefaultController<Uint8Array> | undefined;
        inflater.onData = (chunk) => output?.enqueue(chunk.slice());
        super({
          transform(chunk, controller) {
            fed += chunk.length;
            output = controller;
            inflater.push(chunk, false);
            if (inflater.err !== 0) throw new TypeError("damaged data");
          },
        });
      }
    }
    globalThis.DecompressionStream = SpecInflater as unknown as typeof DecompressionStream;
    try {
      expect(await inflateNatively({ name: "bomb.xml", method: 8, crc: 0, size: 1024, compressed })).toBeUndefined();
    } finally {
      globalThis.DecompressionStream = Native;
    }
    expect(compressed.length).toBeGreaterThan(15 * 4096);
    expect(fed).toBeLessThanOrEqual(2 * 4096);
  });
});
