import type * as NodeZlib from "node:zlib";
import { Inflate } from "pako";
import { gzipFrame } from "./bytes";
import { XlsxError } from "./errors";
import { MAX_DEFLATE_RATIO, XLSX_LIMITS, type XlsxLimits } from "./limits";
import type { StoredEntry } from "./zip";

/**
 * Reading a ZIP package (an .xlsx) from plain bytes, in Node and in the browser: the central directory (ZIP64
 * included), then each part inflated on demand, its size and CRC-32 checked. Every limit of `XlsxLimits` is
 * checked on the declared sizes before anything is allocated, and again on the bytes actually inflated: a part
 * inflating past its declared size stops there (a zip bomb stops after its first megabytes, not 4 GB later).
 *
 * Inflating goes through Node's native zlib when the runtime has it (5 to 8 times faster than JavaScript on a
 * 100 000-row sheet), else pako, which the browser already loads for writing: measured in Chromium against
 * fflate on the same part (`bench/reader.bench.ts` prints the Node figures), pako was as fast or faster, so
 * fflate is not used for reading. A browser's own `DecompressionStream("deflate-raw")` is native code, faster
 * than both: `readPartAsync` uses it where there is one (it can only be awaited), under the same bounds.
 * Every failure is an `XlsxError` (without the file's name: the caller adds it).
 */

type Zlib = typeof NodeZlib;

function nodeZlib(): Zlib | undefined {
  const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return runtime?.getBuiltinModule?.("node:zlib") as Zlib | undefined;
}

const zlib = nodeZlib();

/** Which inflater reads parts here: "zlib" in Node, "pako" elsewhere. */
export const inflaterName: "zlib" | "pako" = zlib ? "zlib" : "pako";

const UTF8 = new TextDecoder("utf-8");

function latin1(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i]);
  return out;
}

const damaged = (where: "directory" | "truncated" | "local", part?: string): XlsxError =>
  new XlsxError("ZIP_DAMAGED", part === undefined ? { where } : { where, part });

/**
 * The entries of a ZIP package, in central-directory order, their data left compressed (folders left out).
 * Stored (0) and deflated (8) parts; ZIP64 archives; UTF-8 or Latin-1 names as written.
 *
 * @throws XlsxError NOT_ZIP, ZIP_DAMAGED, ZIP_ENCRYPTED, ZIP_DUPLICATE, LIMIT_PARTS, LIMIT_PART_SIZE,
 * LIMIT_TOTAL_SIZE, PART_SIZE (a size no DEFLATE stream can reach).
 */
export function readZip(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): StoredEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (at: number, length: number): void => {
    if (!(at >= 0 && at + length <= bytes.length)) throw damaged("truncated");
  };
  const u16 = (at: number): number => (need(at, 2), view.getUint16(at, true));
  const u32 = (at: number): number => (need(at, 4), view.getUint32(at, true));
  const u64 = (at: number): number => {
    need(at, 8);
    const value = view.getBigUint64(at, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged("directory");
    return Number(value);
  };

  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    // The record's comment must fit in the file: a signature inside a comment is not the record.
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && view.getUint32(i, true) === 0x06054b50 && i + 22 + view.getUint16(i + 20, true) <= bytes.length) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new XlsxError("NOT_ZIP");
  let count = u16(end + 10);
  let at = u32(end + 16);
  let directorySize = u32(end + 12);
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0) throw damaged("directory"); // split archives
  if (count === 0xffff || at === 0xffffffff || directorySize === 0xffffffff) {
    const locator = end - 20;
    if (locator >= 0 && view.getUint32(locator, true) === 0x07064b50) {
      const record = u64(locator + 8);
      if (u32(record) !== 0x06064b50) throw damaged("directory");
      count = u64(record + 32);
      directorySize = u64(record + 40);
      at = u64(record + 48);
    }
  }
  if (count > limits.parts) throw new XlsxError("LIMIT_PARTS", { n: count, limit: limits.parts });
  // Each entry takes at least 46 bytes of directory: a count the archive cannot hold is a damaged directory.
  if (count * 46 > bytes.length || at + directorySize > bytes.length) throw damaged(count * 46 > bytes.length ? "directory" : "truncated");

  const entries: StoredEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  for (let k = 0; k < count; k++) {
    if (u32(at) !== 0x02014b50) throw damaged("directory");
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc = u32(at + 16);
    let compressedSize = u32(at + 20);
    let size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let local = u32(at + 42);
    need(at + 46, nameLength + extraLength + commentLength);
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = flags & 0x0800 ? UTF8.decode(rawName) : latin1(rawName);
    // ZIP64 extended information: the 64-bit values of the fields saturated at 0xffffffff, in this order.
    for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = u16(e);
      const length = u16(e + 2);
      if (id === 0x0001) {
        let field = e + 4;
        if (size === 0xffffffff) {
          size = u64(field);
          field += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(field);
          field += 8;
        }
        if (local === 0xffffffff) local = u64(field);
      }
      e += 4 + length;
    }
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith("/")) continue;
    if (flags & 0x0001) throw new XlsxError("ZIP_ENCRYPTED", { part: name });
    if (names.has(name)) throw new XlsxError("ZIP_DUPLICATE", { part: name });
    names.add(name);
    if (size > limits.partBytes) throw new XlsxError("LIMIT_PART_SIZE", { part: name, size, limit: limits.partBytes });
    total += size;
    if (total > limits.totalBytes) throw new XlsxError("LIMIT_TOTAL_SIZE", { size: total, limit: limits.totalBytes });
    if (method === 8 ? size > compressedSize * MAX_DEFLATE_RATIO + 1024 : method === 0 && size !== compressedSize) {
      throw new XlsxError("PART_SIZE", { part: name, size });
    }
    if (u32(local) !== 0x04034b50) throw damaged("local", name);
    const dataStart = local + 30 + u16(local + 26) + u16(local + 28);
    need(dataStart, compressedSize);
    entries.push({ name, method, crc, size, compressed: bytes.subarray(dataStart, dataStart + compressedSize) });
  }
  return entries;
}

/** pako's output chunk: a bomb stops after at most this much beyond its declared size. */
const PAKO_CHUNK = 64 * 1024;

function inflateWithPako(entry: StoredEntry): Uint8Array {
  const out = new Uint8Array(entry.size);
  let filled = 0;
  const inflater = new Inflate({ raw: true, chunkSize: PAKO_CHUNK });
  inflater.onData = (chunk) => {
    if (filled + chunk.length > out.length) throw new XlsxError("PART_SIZE", { part: entry.name, size: entry.size });
    out.set(chunk, filled);
    filled += chunk.length;
  };
  try {
    inflater.push(entry.compressed, true);
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError("PART_INFLATE", { part: entry.name });
  }
  if (inflater.err !== 0) throw new XlsxError("PART_INFLATE", { part: entry.name });
  if (filled !== out.length) throw new XlsxError("PART_SIZE", { part: entry.name, size: entry.size });
  return out;
}

function inflateWithZlib(z: Zlib, entry: StoredEntry): Uint8Array {
  let out: Uint8Array;
  try {
    // zlib stops as soon as the output passes maxOutputLength: a part larger than declared costs no more. One
    // output chunk one byte larger than the declared size (already checked against the limits and the DEFLATE
    // ratio, as pako's buffer is): the part inflates in place, not in 16 KiB pieces copied together at the end.
    out = z.inflateRawSync(entry.compressed, { maxOutputLength: Math.max(1, entry.size), chunkSize: Math.max(64, entry.size + 1) });
  } catch (error) {
    if ((error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") throw new XlsxError("PART_SIZE", { part: entry.name, size: entry.size });
    throw new XlsxError("PART_INFLATE", { part: entry.name });
  }
  if (out.length !== entry.size) throw new XlsxError("PART_SIZE", { part: entry.name, size: entry.size });
  return out;
}

/**
 * Compressed bytes fed to the browser's inflater at a time. It inflates each piece it is given in full before
 * its output can be looked at, so a part inflating past its declared size (a zip bomb) stops within
 * 1 032 × 4 KiB = 4 MiB of output, as pako stops within its 64 KiB chunk, yet a 1 MiB sheet takes only 256 steps.
 */
const NATIVE_PIECE = 4096;

/**
 * A deflated part through the runtime's `DecompressionStream`, its CRC-32 and size checked by it too (the data
 * framed as a gzip member with the entry's CRC and size: see `gzipFrame`), or undefined when that stream fails
 * for any reason (damaged data, a CRC or a size other than declared, trailing bytes after the stream): the
 * caller then inflates with pako, which gives the usual error (or accepts what it always accepted), so a damaged
 * part gets the same message whichever inflater ran first. Exported for the tests (Node has the stream too).
 */
export async function inflateNatively(entry: StoredEntry): Promise<Uint8Array | undefined> {
  const out = new Uint8Array(entry.size);
  let filled = 0;
  const stream = new DecompressionStream("gzip");
  const frame = gzipFrame(entry.crc, entry.size);
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Pieces are written while the output is read: the stream takes the next piece only once the output of the
  // previous ones is being read, so at most a piece or two are inflated ahead of the check below.
  const feeding = (async () => {
    await writer.write(frame.header as Uint8Array<ArrayBuffer>);
    for (let at = 0; at < entry.compressed.length; at += NATIVE_PIECE) {
      await writer.ready;
      await writer.write(entry.compressed.subarray(at, at + NATIVE_PIECE) as Uint8Array<ArrayBuffer>);
    }
    await writer.write(frame.trailer as Uint8Array<ArrayBuffer>);
    await writer.close();
  })();
  // A failure shows on the reading side; the writing side's rejection is only a consequence of it.
  feeding.catch(() => undefined);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (filled + value.length > out.length) {
        await reader.cancel();
        return undefined;
      }
      out.set(value, filled);
      filled += value.length;
    }
  } catch {
    return undefined;
  }
  return filled === out.length ? out : undefined;
}

/** The runtime's native inflater for raw DEFLATE when it has one and no Node zlib (a browser). */
const nativeInflate = !zlib && typeof DecompressionStream === "function";

/**
 * `readPart`, inflating through the browser's native `DecompressionStream` where it has one (Chromium, Firefox,
 * Safari); Node's zlib, or pako, otherwise. The same bounds, result and errors as `readPart`.
 * @throws XlsxError ZIP_METHOD, PART_INFLATE, PART_SIZE, PART_CRC.
 */
export async function readPartAsync(entry: StoredEntry): Promise<Uint8Array> {
  if (!nativeInflate || entry.method !== 8 || entry.size === 0) return readPart(entry);
  // Checked natively (CRC and size), else inflated by pako and checked again for the usual error.
  return (await inflateNatively(entry)) ?? readPartInJs(entry);
}

/**
 * The bytes of a part, inflated, of exactly the declared size and with the declared CRC-32.
 * @throws XlsxError ZIP_METHOD, PART_INFLATE, PART_SIZE, PART_CRC.
 */
export function readPart(entry: StoredEntry): Uint8Array {
  let data: Uint8Array;
  if (entry.method === 0) data = entry.compressed;
  else if (entry.method === 8) data = zlib ? inflateWithZlib(zlib, entry) : inflateWithPako(entry);
  else throw new XlsxError("ZIP_METHOD", { part: entry.name, method: entry.method });
  const crc = crc32(data);
  if (crc !== entry.crc) throw new XlsxError("PART_CRC", { part: entry.name, expected: hex(entry.crc), actual: hex(crc) });
  return data;
}

/** The same, through pako whatever the runtime: what the browser does (for the tests and the bench). */
export function readPartInJs(entry: StoredEntry): Uint8Array {
  if (entry.method !== 8) return readPart(entry);
  const data = inflateWithPako(entry);
  const crc = crc32(data);
  if (crc !== entry.crc) throw new XlsxError("PART_CRC", { part: entry.name, expected: hex(entry.crc), actual: hex(crc) });
  return data;
}

function hex(n: number): string {
  return n.toString(16).toUpperCase().padStart(8, "0");
}

/** CRC-32 tables for slicing by 8 (Intel's method): eight bytes per step, about four times the plain table's speed. */
const CRC_TABLES = (() => {
  const tables = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = tables[n];
    for (let t = 1; t < 8; t++) {
      c = tables[c & 0xff] ^ (c >>> 8);
      tables[t * 256 + n] = c;
    }
  }
  return tables;
})();

/** CRC-32 (IEEE 802.3) in JavaScript: what the browser uses. `previous` continues the CRC of earlier bytes. */
export function crc32Js(data: Uint8Array, previous = 0): number {
  const t = CRC_TABLES;
  let crc = previous ^ -1;
  let i = 0;
  const fast = data.length - (data.length % 8);
  for (; i < fast; i += 8) {
    const a = crc ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    crc =
      t[1792 + (a & 0xff)] ^
      t[1536 + ((a >>> 8) & 0xff)] ^
      t[1280 + ((a >>> 16) & 0xff)] ^
      t[1024 + (a >>> 24)] ^
      t[768 + data[i + 4]] ^
      t[512 + data[i + 5]] ^
      t[256 + data[i + 6]] ^
      t[data[i + 7]];
  }
  for (; i < data.length; i++) crc = t[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** CRC-32 (IEEE 802.3), as ZIP stores it: Node's native one when there is one. `previous` continues a CRC. */
export const crc32: (data: Uint8Array, previous?: number) => number = zlib?.crc32
  ? (data, previous = 0) => (zlib.crc32 as (d: Uint8Array, p: number) => number)(data, previous)
  : crc32Js;
