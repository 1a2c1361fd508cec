/** A file read back by pieces: its size and the bytes at a place, so that a large file is never held whole. */
export interface ReadBack {
  readonly size: number;
  /** `length` bytes from `at`; the caller keeps within `size`. */
  read(at: number, length: number): Uint8Array;
}

/** Bytes in memory as a `ReadBack`. */
export function readBackOf(bytes: Uint8Array): ReadBack {
  return { size: bytes.length, read: (at, length) => bytes.subarray(at, at + length) };
}

/**
 * Reads back the directory of a ZIP package just written (ZIP64 included) and checks that every entry's local
 * header is where the directory says: a truncated or garbled file fails here, before it replaces anything.
 *
 * @throws Error naming what is wrong.
 * @returns the number of entries.
 */
export function verifyZipDirectory(file: Uint8Array | ReadBack): number {
  const source = file instanceof Uint8Array ? readBackOf(file) : file;
  const size = source.size;
  const inside = (at: number, length: number): void => {
    if (at < 0 || at + length > size) throw new Error("répertoire du zip hors du fichier");
  };
  // The end records lie in the last 22 + 65 535 (comment) + 20 (ZIP64 locator) bytes.
  const tailAt = Math.max(0, size - 22 - 0xffff - 20);
  const tail = source.read(tailAt, size - tailAt);
  let bytes = tail;
  let base = tailAt;
  let view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at - base, true);
  const u32 = (at: number): number => view.getUint32(at - base, true);
  const u64 = (at: number): number => u32(at) + u32(at + 4) * 2 ** 32;
  /** Reads `length` bytes at `at` (checked to be inside the file) for the next u16/u32 reads. */
  const load = (at: number, length: number): void => {
    inside(at, length);
    bytes = source.read(at, length);
    base = at;
    view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };
  let end = -1;
  for (let i = size - 22; i >= Math.max(0, size - 22 - 0xffff); i--) {
    if (u32(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("fin de répertoire du zip absente");
  let count = u16(end + 10);
  let at = u32(end + 16);
  if (end >= 20 && u32(end - 20) === 0x07064b50) {
    const record = u64(end - 20 + 8);
    load(record, 56);
    if (u32(record) !== 0x06064b50) throw new Error("enregistrement ZIP64 abîmé");
    count = u64(record + 32);
    at = u64(record + 48);
  }
  // The directory, read once from its start to the end of the file; each local header then on its own.
  load(at, size - at);
  const directory = { bytes, base, view };
  for (let k = 0; k < count; k++) {
    ({ bytes, base, view } = directory);
    inside(at, 46);
    if (u32(at) !== 0x02014b50) throw new Error(`entrée ${k + 1} du répertoire abîmée`);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    let local = u32(at + 42);
    if (local === 0xffffffff) {
      // ZIP64 extra field: sizes first when they overflowed, then the offset.
      let x = at + 46 + nameLength;
      const stop = x + extraLength;
      while (x + 4 <= stop) {
        const id = u16(x);
        const fieldSize = u16(x + 2);
        if (id === 0x0001) {
          let field = x + 4;
          if (u32(at + 24) === 0xffffffff) field += 8;
          if (u32(at + 20) === 0xffffffff) field += 8;
          local = u64(field);
          break;
        }
        x += 4 + fieldSize;
      }
    }
    const next = at + 46 + nameLength + extraLength + u16(at + 32);
    load(local, 30);
    if (u32(local) !== 0x04034b50) throw new Error(`entrée ${k + 1} introuvable à sa place`);
    at = next;
  }
  return count;
}
