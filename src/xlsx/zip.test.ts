import JSZip from "jszip";
import { crc32, writeZip } from "./zip";

describe("writeZip", () => {
  it("crc32 is the IEEE CRC-32", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it("writeZip(entries): a package JSZip reads back, deflated or stored, with CRCs checked", async () => {
    const big = Buffer.from("<row>".repeat(10_000));
    const tiny = Buffer.from("x");
    const zip = await JSZip.loadAsync(writeZip([{ name: "a/big.xml", data: big }, { name: "tiny.txt", data: tiny }, { name: "é.xml", data: Buffer.alloc(0) }]), { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(["a/big.xml", "tiny.txt", "é.xml"]);
    expect(await zip.file("a/big.xml")?.async("nodebuffer")).toEqual(big);
    expect(await zip.file("tiny.txt")?.async("string")).toBe("x");
    expect(await zip.file("é.xml")?.async("string")).toBe("");
  });

  it("writeZip is deterministic", () => {
    const entries = [{ name: "a.xml", data: Buffer.from("<a/>") }];
    expect(writeZip(entries).equals(writeZip(entries))).toBe(true);
  });
});
