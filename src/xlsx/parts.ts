import { readPart, readPartAsync, readZip } from "./unzip";
import type { RawZipEntry, StoredEntry, ZipEntry } from "./zip";

const DECODER = new TextDecoder("utf-8");
const ENCODER = new TextEncoder();

/** A part's content: UTF-8 bytes, or XML text not yet encoded. */
export type PartData = Uint8Array | string;

/**
 * The parts of an .xlsx package, read once (inflated on demand) and edited in place: untouched parts are
 * written back as their original compressed bytes.
 */
export class Parts {
  private readonly stored = new Map<string, StoredEntry>();
  private readonly changed = new Map<string, PartData>();
  private readonly removed = new Set<string>();
  /** Stored parts inflated ahead by `load`, read by `get` in place of inflating them again. */
  private readonly inflated = new Map<string, Uint8Array>();

  private constructor() {}

  /**
   * Reads a package with the one zip reader (`unzip.ts`: ZIP64, limits; each part's CRC checked when read).
   * @throws XlsxError for a package it refuses.
   */
  static read(bytes: Uint8Array): Promise<Parts> {
    const parts = new Parts();
    for (const e of readZip(bytes)) parts.stored.set(e.name, e);
    return Promise.resolve(parts);
  }

  static of(map: ReadonlyMap<string, PartData>): Parts {
    const parts = new Parts();
    for (const [path, data] of map) parts.changed.set(path, data);
    return parts;
  }

  /** Parts from zip entries: plain bytes, or bytes already compressed (kept so, unless read). */
  static ofEntries(entries: readonly (ZipEntry | RawZipEntry)[]): Parts {
    const parts = new Parts();
    for (const e of entries) {
      if ("raw" in e) parts.stored.set(e.name, e.raw);
      else parts.changed.set(e.name, e.data);
    }
    return parts;
  }

  /** Copies part `from` to `other` as `to`: compressed bytes stay compressed (a large sheet is never inflated). */
  copyTo(other: Parts, from: string, to: string): void {
    const stored = this.changed.has(from) || this.removed.has(from) ? undefined : this.stored.get(from);
    if (!stored) {
      other.set(to, this.get(from));
      return;
    }
    other.removed.delete(to);
    other.changed.delete(to);
    other.inflated.delete(to);
    other.stored.set(to, stored);
  }

  /**
   * Inflates stored parts ahead through `readPartAsync`: the browser's native inflater, several times faster
   * than pako, can only be awaited, and the reads that follow (`text`, `bytes`) are not. Parts set, removed or
   * absent are skipped. Same errors as reading them.
   */
  async load(paths: readonly string[]): Promise<void> {
    for (const path of paths) {
      if (this.changed.has(path) || this.removed.has(path) || this.inflated.has(path)) continue;
      const entry = this.stored.get(path);
      if (entry) this.inflated.set(path, await readPartAsync(entry));
    }
  }

  has(path: string): boolean {
    return !this.removed.has(path) && (this.changed.has(path) || this.stored.has(path));
  }

  text(path: string): string {
    const data = this.get(path);
    return typeof data === "string" ? data : DECODER.decode(data);
  }

  bytes(path: string): Uint8Array {
    const data = this.get(path);
    return typeof data === "string" ? ENCODER.encode(data) : data;
  }

  private get(path: string): PartData {
    if (this.removed.has(path)) throw new Error(`writeXlsx: the package has no part ${path}`);
    const changed = this.changed.get(path);
    if (changed !== undefined) return changed;
    const entry = this.stored.get(path);
    if (!entry) throw new Error(`writeXlsx: the package has no part ${path}`);
    return this.inflated.get(path) ?? readPart(entry);
  }

  /** Sets a part already compressed (see `compressBlocks`). */
  setStored(path: string, entry: StoredEntry): void {
    this.removed.delete(path);
    this.changed.delete(path);
    this.inflated.delete(path);
    this.stored.set(path, entry);
  }

  set(path: string, data: PartData): void {
    this.removed.delete(path);
    this.inflated.delete(path);
    this.changed.set(path, data);
  }

  remove(path: string): void {
    this.changed.delete(path);
    this.inflated.delete(path);
    this.removed.add(path);
  }

  paths(): string[] {
    return [...new Set([...this.stored.keys(), ...this.changed.keys()])].filter((p) => !this.removed.has(p));
  }

  /** Every part as bytes (for another package's graft). */
  toMap(): Map<string, Uint8Array> {
    return new Map(this.paths().map((p) => [p, this.bytes(p)]));
  }

  /** The entries to zip, [Content_Types].xml first; untouched parts keep their compressed bytes. */
  entries(): (ZipEntry | RawZipEntry)[] {
    const out = this.paths().map((name): ZipEntry | RawZipEntry => {
      const changed = this.changed.get(name);
      if (changed !== undefined) return { name, data: typeof changed === "string" ? ENCODER.encode(changed) : changed };
      return { name, raw: this.stored.get(name) as StoredEntry };
    });
    return out.sort((a, b) => (a.name === "[Content_Types].xml" ? -1 : b.name === "[Content_Types].xml" ? 1 : 0));
  }
}

/** The relationships part of a package part: "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPath(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash)}/_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target relative to the part that holds it ("../drawings/drawing1.xml"). */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}
