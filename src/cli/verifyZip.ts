/**
 * Reads back the directory of a ZIP package just written (ZIP64 included) and checks that every entry's local
 * header is where the directory says: a truncated or garbled file fails here, before it replaces anything.
 *
 * @throws Error naming what is wrong.
 * @returns the number of entries.
 */
export function verifyZipDirectory(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  const u64 = (at: number): number => u32(at) + u32(at + 4) * 2 ** 32;
  const inside = (at: number, length: number): void => {
    if (at < 0 || at + length > bytes.length) throw new Error("répertoire du zip hors du fichier");
  };
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
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
    inside(record, 56);
    if (u32(record) !== 0x06064b50) throw new Error("enregistrement ZIP64 abîmé");
    count = u64(record + 32);
    at = u64(record + 48);
  }
  for (let k = 0; k < count; k++) {
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
        const size = u16(x + 2);
        if (id === 0x0001) {
          let field = x + 4;
          if (u32(at + 24) === 0xffffffff) field += 8;
          if (u32(at + 20) === 0xffffffff) field += 8;
          local = u64(field);
          break;
        }
        x += 4 + size;
      }
    }
    inside(local, 30);
    if (u32(local) !== 0x04034b50) throw new Error(`entrée ${k + 1} introuvable à sa place`);
    at += 46 + nameLength + extraLength + u16(at + 32);
  }
  return count;
}
