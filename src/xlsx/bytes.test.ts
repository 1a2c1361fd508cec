import { crc32, deflateRawSync, gunzipSync, gzipSync, inflateRawSync } from "node:zlib";
import { gzipFrame, gzipMember } from "./bytes";

describe("gzipMember / gzipFrame (the CRC-32 of the browser's native DEFLATE)", () => {
  const data = new TextEncoder().encode("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>".repeat(500));

  it("gzipMember gives a gzip member's raw DEFLATE data, CRC-32 and size, whatever its optional header fields", () => {
    const plain = gzipSync(data);
    // The same member with FEXTRA, FNAME, FCOMMENT and FHCRC set, as RFC 1952 allows.
    const body = plain.subarray(10);
    const fields = Buffer.concat([Buffer.from([2, 0, 0xaa, 0xbb]), Buffer.from("clients.xml\0", "latin1"), Buffer.from("un commentaire\0", "latin1"), Buffer.from([0x12, 0x34])]);
    const rich = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 3]), fields, body]);
    for (const member of [plain, rich]) {
      const { deflated, crc, size } = gzipMember(new Uint8Array(member));
      expect(Buffer.from(inflateRawSync(deflated)).equals(Buffer.from(data))).toBe(true);
      expect(crc).toBe(crc32(data));
      expect(size).toBe(data.length);
    }
    expect(() => gzipMember(new Uint8Array(deflateRawSync(data)))).toThrow("not a gzip member");
  });

  it("gzipFrame makes raw DEFLATE data of a known CRC and size a member any gunzip reads, and checks", () => {
    const deflated = deflateRawSync(data);
    const { header, trailer } = gzipFrame(crc32(data), data.length);
    expect(Buffer.from(gunzipSync(Buffer.concat([header, deflated, trailer]))).equals(Buffer.from(data))).toBe(true);
    const wrong = gzipFrame((crc32(data) ^ 1) >>> 0, data.length);
    expect(() => gunzipSync(Buffer.concat([wrong.header, deflated, wrong.trailer]))).toThrow();
  });
});
