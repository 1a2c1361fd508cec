/** The chunks as one array (the chunk itself when there is one). */
export function joinBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Reads `readable` to its end, each chunk pushed to `out` as it comes. */
export async function drain(readable: ReadableStream<Uint8Array>, out: Uint8Array[]): Promise<void> {
  const reader = readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    out.push(value);
  }
}

/**
 * A gzip member (RFC 1952) as its raw DEFLATE data, the CRC-32 and the size (mod 2^32) of what it holds: what
 * the browser's `CompressionStream("gzip")` gives, whose CRC is computed in native code (a ZIP entry's CRC
 * computed in JavaScript cost the page as much as a sheet's compression).
 * @throws Error when `bytes` is not a gzip member
 */
export function gzipMember(bytes: Uint8Array): { readonly deflated: Uint8Array; readonly crc: number; readonly size: number } {
  if (bytes.length < 18 || bytes[0] !== 0x1f || bytes[1] !== 0x8b || bytes[2] !== 8) throw new Error("not a gzip member");
  const flags = bytes[3];
  let at = 10;
  if (flags & 4) at += 2 + (bytes[at] | (bytes[at + 1] << 8)); // FEXTRA
  for (const bit of [8, 16]) if (flags & bit) while (at < bytes.length && bytes[at++] !== 0); // FNAME, FCOMMENT
  if (flags & 2) at += 2; // FHCRC
  const end = bytes.length - 8;
  if (at > end) throw new Error("not a gzip member");
  const le32 = (k: number): number => (bytes[k] | (bytes[k + 1] << 8) | (bytes[k + 2] << 16) | (bytes[k + 3] << 24)) >>> 0;
  return { deflated: bytes.subarray(at, end), crc: le32(end), size: le32(end + 4) };
}

/** The header and the trailer that make raw DEFLATE data of this CRC-32 and size a gzip member (RFC 1952). */
export function gzipFrame(crc: number, size: number): { readonly header: Uint8Array; readonly trailer: Uint8Array } {
  const trailer = new Uint8Array(8);
  for (let k = 0; k < 4; k++) {
    trailer[k] = (crc >>> (8 * k)) & 0xff;
    trailer[4 + k] = (size >>> (8 * k)) & 0xff;
  }
  return { header: new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]), trailer };
}
