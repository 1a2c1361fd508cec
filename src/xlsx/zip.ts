import { gzipSync, inflateRawSync } from "node:zlib";

/**
 * A minimal ZIP writer for the finished .xlsx package: every entry deflated with Node's native zlib (JSZip's
 * JavaScript deflate takes seconds on a 100 000-row sheet). Entries keep the given order; times are the DOS
 * epoch (1980-01-01), so the same parts always give the same bytes. No ZIP64: parts and package stay under 4 GB.
 */
export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

/** An entry copied as it is from another package: no inflate, no deflate. */
export interface RawZipEntry {
  readonly name: string;
  readonly raw: StoredEntry;
}

/** One entry of a package read by `readZip`: its compressed bytes and what is needed to copy or inflate them. */
export interface StoredEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly compressed: Buffer;
}

/** The uncompressed bytes of an entry (native zlib). */
export function entryData(entry: StoredEntry): Buffer {
  if (entry.method === 0) return entry.compressed;
  if (entry.method === 8) return inflateRawSync(entry.compressed);
  throw new Error(`readZip: ${entry.name} uses compression method ${entry.method}`);
}

/**
 * The entries of a ZIP package, in central-directory order, their data left compressed. Supports what .xlsx
 * writers produce (stored or deflated, no ZIP64, no encryption).
 *
 * @throws Error on anything else, so the caller can fall back to a general reader.
 */
export function readZip(bytes: Uint8Array): StoredEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("readZip: not a ZIP package (no end of central directory)");
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new Error("readZip: ZIP64 packages are not supported");
  const entries: StoredEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error("readZip: damaged central directory");
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const compressedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString(flags & 0x0800 ? "utf8" : "latin1", at + 46, at + 46 + nameLength);
    if (flags & 0x0001) throw new Error(`readZip: ${name} is encrypted`);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error("readZip: damaged local header");
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (!name.endsWith("/")) entries.push({ name, method, crc, size, compressed: buf.subarray(dataStart, dataStart + compressedSize) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3), as ZIP stores it. */
export function crc32(data: Uint8Array): number {
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** Parts above this size are deflated at level 1: several times faster, a little larger. */
const LARGE = 8 * 1024 * 1024;

const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const DOS_TIME = 0;

function compress(entry: ZipEntry, level: number): StoredEntry {
  const data = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
  // A gzip member is a raw deflate stream between a 10-byte header and a trailer holding the CRC-32 of the
  // input: native zlib computes both in one pass.
  const gz = gzipSync(data, { level: data.length > LARGE ? Math.min(level, 1) : level });
  const crc = gz.readUInt32LE(gz.length - 8);
  const deflated = gz.subarray(10, gz.length - 8);
  return deflated.length >= data.length
    ? { name: entry.name, method: 0, crc, size: data.length, compressed: data }
    : { name: entry.name, method: 8, crc, size: data.length, compressed: deflated };
}

export function writeZip(entries: readonly (ZipEntry | RawZipEntry)[], level = 6): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const stored = "raw" in entry ? entry.raw : compress(entry, level);
    const body = stored.compressed;
    const method = stored.method;
    const crc = stored.crc;
    const data = { length: stored.size };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // version made by
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(DOS_TIME, 12);
    header.writeUInt16LE(DOS_DATE, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    chunks.push(local, name, body);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}
