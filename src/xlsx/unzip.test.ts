import { readPart, readZip } from "./unzip";
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
