import JSZip from "jszip";
import { crc32, entryData, readZip, type RawZipEntry, type StoredEntry, type ZipEntry } from "./zip";

/**
 * The parts of an .xlsx package, read once (native inflate, on demand) and edited in place: untouched parts
 * are written back as their original compressed bytes.
 */
export class Parts {
  private readonly stored = new Map<string, StoredEntry>();
  private readonly changed = new Map<string, Buffer | string>();
  private readonly removed = new Set<string>();

  private constructor() {}

  /** Reads a package; a layout the small reader does not handle (ZIP64…) goes through JSZip instead. */
  static async read(bytes: Uint8Array): Promise<Parts> {
    const parts = new Parts();
    let entries: StoredEntry[];
    try {
      entries = readZip(bytes);
    } catch {
      const zip = await JSZip.loadAsync(bytes);
      entries = [];
      for (const [name, file] of Object.entries(zip.files)) {
        if (file.dir) continue;
        const data = await file.async("nodebuffer");
        entries.push({ name, method: 0, crc: crc32(data), size: data.length, compressed: data });
      }
    }
    for (const e of entries) parts.stored.set(e.name, e);
    return parts;
  }

  static of(map: ReadonlyMap<string, Buffer | string>): Parts {
    const parts = new Parts();
    for (const [path, data] of map) parts.changed.set(path, data);
    return parts;
  }

  has(path: string): boolean {
    return !this.removed.has(path) && (this.changed.has(path) || this.stored.has(path));
  }

  text(path: string): string {
    const data = this.get(path);
    return typeof data === "string" ? data : data.toString("utf8");
  }

  bytes(path: string): Buffer {
    const data = this.get(path);
    return typeof data === "string" ? Buffer.from(data, "utf8") : data;
  }

  private get(path: string): Buffer | string {
    if (this.removed.has(path)) throw new Error(`writeXlsx: the package has no part ${path}`);
    const changed = this.changed.get(path);
    if (changed !== undefined) return changed;
    const entry = this.stored.get(path);
    if (!entry) throw new Error(`writeXlsx: the package has no part ${path}`);
    return entryData(entry);
  }

  set(path: string, data: Buffer | string): void {
    this.removed.delete(path);
    this.changed.set(path, data);
  }

  remove(path: string): void {
    this.changed.delete(path);
    this.removed.add(path);
  }

  paths(): string[] {
    return [...new Set([...this.stored.keys(), ...this.changed.keys()])].filter((p) => !this.removed.has(p));
  }

  /** Every part as bytes (for another package's graft). */
  toMap(): Map<string, Buffer> {
    return new Map(this.paths().map((p) => [p, this.bytes(p)]));
  }

  /** The entries to zip, [Content_Types].xml first; untouched parts keep their compressed bytes. */
  entries(): (ZipEntry | RawZipEntry)[] {
    const out = this.paths().map((name): ZipEntry | RawZipEntry => {
      const changed = this.changed.get(name);
      if (changed !== undefined) return { name, data: typeof changed === "string" ? Buffer.from(changed, "utf8") : changed };
      return { name, raw: this.stored.get(name) as StoredEntry };
    });
    return out.sort((a, b) => (a.name === "[Content_Types].xml" ? -1 : b.name === "[Content_Types].xml" ? 1 : 0));
  }
}
