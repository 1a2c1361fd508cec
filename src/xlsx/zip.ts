import type * as NodeZlib from "node:zlib";
import { deflateRaw, inflateRaw } from "pako";
import { drain, gzipMember, joinBytes } from "./bytes";
import { ByteSink, recycleBlock } from "./byteSink";
import { encodeTape, tapeBytes, type TapeChunk } from "./cellTape";
import { crc32 } from "./unzip";
import { WorkerPart } from "./workerPart";
import { zlibWorkerStream } from "./zlibWorker";

export { joinBytes };

/**
 * A minimal ZIP writer for .xlsx packages (the reader is ./unzip), on plain `Uint8Array`s so it runs in Node and
 * in the browser. Entries keep the given order; times are the DOS epoch (1980-01-01), so the same parts always give the
 * same bytes. No ZIP64: parts and package stay under 4 GB.
 *
 * DEFLATE goes through a `ZipCodec`: Node's native zlib when the runtime has it (`process.getBuiltinModule`, so
 * no `node:zlib` import reaches webpack), else pako (pure JavaScript, several times slower on a 100 000-row
 * sheet, which is why Node keeps zlib). fflate was measured against both (`bench/zip.bench.ts`, a 22 MiB sheet,
 * level 6): Node zlib 1.2 s, pako 2.7 s, fflate 5.7 s; Chromium pako 1.2 s, fflate 2.4 s (level 1: 0.9 s and
 * 1.0 s). It is slower everywhere, so it is not used.
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
  readonly compressed: Uint8Array;
}

/** Raw DEFLATE (RFC 1951) data and the CRC-32 of what it holds. */
export interface Deflated {
  readonly deflated: Uint8Array;
  readonly crc: number;
  /** The size of what it holds, when the stream takes tapes (see `pushTape`): bytes and tapes written out. */
  readonly size?: number;
}

/** Raw DEFLATE (RFC 1951) both ways; `deflate` also gives the CRC-32 of its input. */
export interface ZipCodec {
  readonly name: "zlib" | "pako";
  deflate(data: Uint8Array, level: number): Deflated;
  inflate(data: Uint8Array): Uint8Array;
  /** A DEFLATE stream fed block by block (a sheet as it is written); default: the blocks joined, then `deflate`. */
  stream?(level: number): DeflateStream;
}

/**
 * Raw DEFLATE of a part given block by block (the CRC and size are `compressBlocks`'s). `push` may return a
 * promise: the caller awaits it before writing the next block, which lets a codec that compresses on another
 * thread (Node's zlib, the browser's CompressionStream) keep up without the blocks piling up in memory.
 */
export interface DeflateStream {
  push(block: Uint8Array): Promise<void> | void;
  /**
   * A chunk of a sheet's tape (see ./cellTape), written out as XML where it is deflated (Node's compression
   * thread): a stream without it is given the bytes, written out by the caller. The chunk's arrays are the tape
   * writer's, read during the call only: a stream that keeps them copies them.
   */
  pushTape?(chunk: TapeChunk): Promise<void> | void;
  /** Whether the thread that takes tapes has more than enough to do: the caller then writes the next chunk out. */
  busy?(): boolean;
  /** The deflated bytes of every block pushed, and the CRC-32 of the blocks (computed where it costs least). */
  end(): Promise<Deflated>;
}


/** The blocks pushed, joined and deflated at the end: for a codec without a stream of its own. */
function bufferedStream(codec: ZipCodec, level: number): DeflateStream {
  const blocks: Uint8Array[] = [];
  return {
    push: (block) => void blocks.push(block),
    end: () => Promise.resolve(codec.deflate(joinBytes(blocks), level)),
  };
}

/** A turn of the event loop, after its I/O callbacks (jsdom, under test, has no `setImmediate`). */
function nextTurn(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (f: () => void) => unknown }).setImmediate;
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}

/** Blocks being deflated at once before the writer waits for one to finish. */
const ZLIB_IN_FLIGHT = 4;

/**
 * Node's zlib for a part written block by block: each block is deflated on its own on libuv's thread pool while
 * the next ones are written, so a large sheet takes both cores. Each piece ends with a sync flush (byte-aligned,
 * no last block) and the stream with an empty last block, so the pieces joined are one DEFLATE stream, as pigz
 * makes them. One zlib stream fed block by block needed the page's thread for each block it took, and the
 * writer then waited for it (a sixth of the time of a 100 000-client sheet).
 */
function zlibStream(zlib: typeof NodeZlib, level: number): DeflateStream {
  const pieces: Promise<Uint8Array>[] = [];
  let inFlight = 0;
  let wake: (() => void) | undefined;
  const options = { level, finishFlush: zlib.constants.Z_SYNC_FLUSH, chunkSize: 256 * 1024 };
  // Node's native CRC, as the blocks pass (before the thread pool has them).
  let crc = 0;
  return {
    push: async (block) => {
      crc = crc32(block, crc);
      while (inFlight >= ZLIB_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
      inFlight++;
      const piece = new Promise<Uint8Array>((resolve, reject) =>
        zlib.deflateRaw(block, options, (error, deflated) => {
          inFlight--;
          recycleBlock(block);
          const w = wake;
          wake = undefined;
          w?.();
          // Copied to its own size: zlib's result is a view of its output buffer (a part of a million rows has
          // thousands of pieces, each holding on to the whole buffer).
          if (error) reject(error);
          else resolve(new Uint8Array(deflated));
        }),
      );
      piece.catch(() => undefined); // read by `end`
      pieces.push(piece);
      await nextTurn();
    },
    end: async () => {
      const deflated = await Promise.all(pieces);
      // Each piece ends on a byte boundary without a last block (a sync flush): the stream's last block, empty.
      deflated.push(zlib.deflateRawSync(new Uint8Array(0), { level }));
      return { deflated: joinBytes(deflated), crc };
    },
  };
}

/**
 * The browser's native DEFLATE (`CompressionStream`, Chromium 103, Safari 16.4, Firefox 113): several times
 * faster than pako; its level is the browser's. In gzip form, for the CRC-32 its trailer holds (see `gzipMember`).
 */
function webStream(): DeflateStream | undefined {
  const Stream = (globalThis as { CompressionStream?: new (format: string) => TransformStream<Uint8Array, Uint8Array> }).CompressionStream;
  if (!Stream) return undefined;
  let compressor: TransformStream<Uint8Array, Uint8Array>;
  try {
    compressor = new Stream("gzip");
  } catch {
    return undefined;
  }
  const writer = compressor.writable.getWriter();
  const out: Uint8Array[] = [];
  const reading = drain(compressor.readable, out);
  return {
    push: async (block) => {
      await writer.ready;
      writer.write(block).catch(() => undefined); // a failure rejects `close` below
    },
    end: async () => {
      await writer.close();
      await reading;
      return gzipMember(joinBytes(out));
    },
  };
}

/** The worker's script, beside the page's (a webpack entry of its own: see webpack.config.js). */
const WORKER_SCRIPT = "deflate-worker.js";
/** Blocks a part may have in flight to the worker: the page never runs more than this far ahead. */
const WORKER_AHEAD = 8;

/** The page's DEFLATE worker once it answered, undefined when it cannot run (no Worker, no script, a CSP). */
let deflateWorker: Promise<{ readonly worker: Worker; readonly parts: Map<number, WorkerPart> } | undefined> | undefined;
let nextPart = 1;

function startWorker(): NonNullable<typeof deflateWorker> {
  deflateWorker ??= new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SCRIPT);
    } catch {
      resolve(undefined);
      return;
    }
    const parts = new Map<number, WorkerPart>();
    const give = (error: Error): void => {
      // A worker that fails is not used again: its parts fail, later ones are compressed on the page.
      deflateWorker = Promise.resolve(undefined);
      worker.terminate();
      for (const part of parts.values()) part.fail(error);
      parts.clear();
      resolve(undefined);
    };
    const timer = setTimeout(() => give(new Error("deflate worker: no answer")), 5000);
    worker.onerror = (event) => {
      clearTimeout(timer);
      event.preventDefault();
      give(new Error(`deflate worker: ${event.message}`));
    };
    worker.onmessage = (event: MessageEvent) => {
      const data = event.data as { pong?: boolean; id: number; written?: boolean; compressed?: Uint8Array; crc?: number; error?: string };
      if (data.pong) {
        clearTimeout(timer);
        resolve({ worker, parts });
        return;
      }
      const part = parts.get(data.id);
      if (!part) return;
      if (data.written) part.taken();
      else if (data.compressed) {
        parts.delete(data.id);
        // A part without its CRC fails (a CRC made up would write a file every reader refuses).
        if (typeof data.crc === "number") part.done({ deflated: data.compressed, crc: data.crc });
        else part.fail(new Error("deflate worker: no CRC-32"));
      } else if (data.error !== undefined) {
        parts.delete(data.id);
        part.fail(new Error(`deflate worker: ${data.error}`));
      }
    };
    worker.postMessage({ ping: true });
  });
  return deflateWorker;
}

/**
 * A part compressed by the page's DEFLATE worker (see ./deflateWorker): each block is copied to it and the page
 * goes on writing the next, at most `WORKER_AHEAD` blocks ahead. Without a worker (jsdom, a page that cannot
 * start one), the page's own stream.
 */
function workerStream(level: number): DeflateStream {
  const local = (): DeflateStream => webStream() ?? bufferedStream(pakoCodec, level);
  const ready = startWorker().then((found): DeflateStream => {
    if (!found) return local();
    const id = nextPart++;
    const part = new WorkerPart();
    found.parts.set(id, part);
    return {
      push: async (block) => {
        await part.sending(WORKER_AHEAD);
        const copy = block.slice();
        recycleBlock(block);
        found.worker.postMessage({ id, block: copy }, [copy.buffer]);
      },
      end: () => {
        found.worker.postMessage({ id, end: true });
        return part.result;
      },
    };
  });
  return {
    push: async (block) => (await ready).push(block),
    end: async () => (await ready).end(),
  };
}

/**
 * Starts the page's DEFLATE worker ahead of the first part (the wizard, when its last step opens): the first
 * sheet written then does not wait for the worker's script to load and answer. Nothing outside a page that can
 * run one.
 */
export function prepareDeflateWorker(): void {
  if (canUseWorker()) void startWorker();
}

/** Whether this is a browser page that can give its compression to a worker. */
function canUseWorker(): boolean {
  const g = globalThis as { Worker?: unknown; CompressionStream?: unknown; document?: unknown };
  return typeof g.Worker === "function" && typeof g.CompressionStream === "function" && typeof g.document === "object";
}

/**
 * Pure JavaScript, or the browser's own DEFLATE stream when it has one, in a worker when the page can start one:
 * what the browser uses.
 */
export const pakoCodec: ZipCodec = {
  name: "pako",
  deflate: (data, level) => ({ deflated: deflateRaw(data, { level }), crc: crc32(data) }),
  inflate: (data) => inflateRaw(data),
  stream: (level) => (canUseWorker() ? workerStream(level) : (webStream() ?? bufferedStream(pakoCodec, level))),
};

/**
 * Node's native zlib, or undefined outside Node (or on a Node without `process.getBuiltinModule`, < 20.16).
 * A part written block by block is deflated by a worker thread (./zlibWorker), or on libuv's thread pool when
 * no worker can run or `pool` asks for it.
 */
export function nodeZlibCodec(options: { readonly pool?: boolean } = {}): ZipCodec | undefined {
  const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const zlib = runtime?.getBuiltinModule?.("node:zlib") as typeof NodeZlib | undefined;
  if (!zlib) return undefined;
  return {
    name: "zlib",
    deflate: (data, level) => {
      // A gzip member is a raw deflate stream between a 10-byte header and a trailer holding the CRC-32 of the
      // input: native zlib computes both in one pass.
      const gz = zlib.gzipSync(data, { level });
      const crc = (gz[gz.length - 8] | (gz[gz.length - 7] << 8) | (gz[gz.length - 6] << 16) | (gz[gz.length - 5] << 24)) >>> 0;
      return { deflated: gz.subarray(10, gz.length - 8), crc };
    },
    inflate: (data) => zlib.inflateRawSync(data),
    stream: (level) => (options.pool === true ? undefined : zlibWorkerStream(level)) ?? zlibStream(zlib, level),
  };
}

let chosen: ZipCodec | undefined;

/** The codec used when none is passed: native zlib in Node, pako elsewhere; chosen on first use. */
export function defaultCodec(): ZipCodec {
  chosen ??= nodeZlibCodec() ?? pakoCodec;
  return chosen;
}

// Reading lives in ./unzip (central directory, ZIP64, limits, CRC-checked inflate); re-exported for the writer.
export { crc32, readZip } from "./unzip";

/** Parts above this size are deflated at level 1: several times faster, a little larger. */
export const LARGE_PART = 8 * 1024 * 1024;

const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const DOS_TIME = 0;

/**
 * One part compressed as its blocks come (a sheet's XML as `sheetXmlBlocks` writes it), never held whole. With
 * `large` (the caller expects more than 8 MB), level 1, as `writeZip` does for large parts.
 */
export async function compressBlocks(name: string, blocks: Iterable<Uint8Array>, options: FeedOptions = {}): Promise<RawZipEntry> {
  return (await feedBlocks(name, blocks, options)).entry;
}

/** How a part fed block by block is compressed: by `codec` (the default one), at `level`, or 1 when `large`. */
interface FeedOptions {
  readonly level?: number;
  readonly large?: boolean;
  readonly codec?: ZipCodec;
}

function feedCodec(options: FeedOptions): { codec: ZipCodec; level: number } {
  const level = options.level ?? 6;
  return { codec: options.codec ?? defaultCodec(), level: options.large === true ? Math.min(level, 1) : level };
}

/**
 * The part's entry once `stream` has deflated it: `size`, counted as the blocks passed, or the stream's own
 * count (a stream that took tapes). Observed now, so a part that fails while the next is written is not an
 * unhandled rejection; the caller's await still gets the error.
 */
function streamEntry(name: string, stream: DeflateStream, size?: number): Promise<RawZipEntry> {
  const entry = stream.end().then(({ deflated, crc, size: counted }): RawZipEntry => ({ name, raw: { name, method: 8, crc, size: size ?? counted ?? 0, compressed: deflated } }));
  entry.catch(() => undefined);
  return entry;
}

/**
 * `compressBlocks` in two steps: the promise resolves once every block is handed to the codec, with the entry
 * still being deflated on another thread, so the caller can write its next part meanwhile instead of waiting for
 * the worker (the browser) or the thread pool (Node) to catch up at the end of each sheet (about 40 ms of the
 * wizard's generation at 10 000 clients). A failure rejects `entry`, which the caller must await.
 */
export async function feedBlocks(
  name: string,
  blocks: Iterable<Uint8Array>,
  options: FeedOptions & { readonly stream?: DeflateStream } = {},
): Promise<{ readonly entry: Promise<RawZipEntry> }> {
  const { codec, level } = feedCodec(options);
  // A stream already opened (by `feedTapes`) for this part, or a new one.
  const stream = options.stream ?? codec.stream?.(level) ?? bufferedStream(codec, level);
  // The size as the blocks pass; the CRC is the stream's (native where there is a native one).
  let size = 0;
  for (const block of blocks) {
    size += block.length;
    await stream.push(block);
  }
  return { entry: streamEntry(name, stream, size) };
}

/**
 * `feedBlocks` for a sheet given as its tape (see ./cellTape): written out as XML here, then fed as blocks, or,
 * when the codec's stream takes tapes (Node's compression thread), by that thread, which then deflates it too.
 * Each chunk goes to the thread while it keeps up, and is written out here while it is busy, so that neither
 * waits for the other: on two cores, the thread then writes out about two thirds of a 100 000-client Cibles.
 */
export async function feedTapes(
  name: string,
  chunks: Iterable<TapeChunk>,
  options: FeedOptions = {},
): Promise<{ readonly entry: Promise<RawZipEntry> }> {
  const { codec, level } = feedCodec(options);
  const stream = codec.stream?.(level);
  if (!stream?.pushTape) return feedBlocks(name, tapeBytes(chunks), { ...options, codec, stream });
  // Bytes written out here and not pushed yet; they go before the next chunk given to the thread, which counts
  // the part's size and CRC over everything it deflates.
  const sink = new ByteSink();
  const flush = async (blocks: Uint8Array[]): Promise<void> => {
    for (const block of blocks) await stream.push(block);
  };
  for (const chunk of chunks) {
    if (stream.busy?.() === true) {
      encodeTape(chunk, sink);
      await flush(sink.blocks.splice(0));
    } else {
      await flush(sink.finish());
      await stream.pushTape(chunk);
    }
  }
  await flush(sink.finish());
  return { entry: streamEntry(name, stream) };
}

function compress(entry: ZipEntry, level: number, codec: ZipCodec): StoredEntry {
  const data = entry.data;
  const { deflated, crc } = codec.deflate(data, data.length > LARGE_PART ? Math.min(level, 1) : level);
  return deflated.length >= data.length
    ? { name: entry.name, method: 0, crc, size: data.length, compressed: data }
    : { name: entry.name, method: 8, crc, size: data.length, compressed: deflated };
}

const UTF8_ENCODER = new TextEncoder();

/** ZIP's 16- and 32-bit fields: a count or size at or above these goes into the ZIP64 records. */
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;

interface Placed {
  readonly name: Uint8Array;
  readonly stored: StoredEntry;
  readonly offset: number;
  /** The local header's and the central header's ZIP64 extra field (sizes, offset), when needed. */
  readonly zip64: boolean;
}

function setU64(view: DataView, at: number, value: number): void {
  view.setUint32(at, value % 2 ** 32, true);
  view.setUint32(at + 4, Math.floor(value / 2 ** 32), true);
}

/**
 * The package of `entries`, in their order; `level` 0–9 (parts over 8 MB at 1 at most). A package of more than
 * 65 535 entries, or with a part or an offset past 4 GiB, gets the ZIP64 records (APPNOTE 6.3.x §4.3.14–4.3.15,
 * §4.5.3): the 16/32-bit fields then hold their maximum and the true values sit in the ZIP64 extra fields and
 * the ZIP64 end of central directory.
 */
export function writeZip(entries: readonly (ZipEntry | RawZipEntry)[], level = 6, codec: ZipCodec = defaultCodec()): Uint8Array {
  return joinBytes(zipChunks(entries, level, codec));
}

/**
 * `writeZip`'s package as the pieces to write one after the other: each part's local header, then its compressed
 * bytes as they are (not copied), then the central directory. A 100 000-client plan is 33 MB of compressed parts:
 * written to a file piece by piece, they are never copied into one array.
 */
export function zipChunks(entries: readonly (ZipEntry | RawZipEntry)[], level = 6, codec: ZipCodec = defaultCodec()): Uint8Array[] {
  const items = entries.map((entry) => ({ name: UTF8_ENCODER.encode(entry.name), stored: "raw" in entry ? entry.raw : compress(entry, level, codec) }));
  const placed: Placed[] = [];
  let bodies = 0;
  let directory = 0;
  for (const { name, stored } of items) {
    const zip64 = stored.size >= MAX_32 || stored.compressed.length >= MAX_32 || bodies >= MAX_32;
    placed.push({ name, stored, offset: bodies, zip64 });
    // Local ZIP64 extra: header 4 + sizes 16. Central: header 4 + sizes 16 + offset 8.
    bodies += 30 + name.length + stored.compressed.length + (zip64 ? 20 : 0);
    directory += 46 + name.length + (zip64 ? 28 : 0);
  }
  const zip64End = items.length >= MAX_16 || bodies >= MAX_32 || directory >= MAX_32;
  if (bodies + directory + (zip64End ? 56 + 20 : 0) + 22 > Number.MAX_SAFE_INTEGER) throw new Error("writeZip: package too large");
  const chunks: Uint8Array[] = [];
  for (const { name, stored, zip64 } of placed) {
    const { method, crc, size } = stored;
    const body = stored.compressed;
    const header = new Uint8Array(30 + name.length + (zip64 ? 20 : 0));
    const view = new DataView(header.buffer);
    view.setUint32(0, 0x04034b50, true);
    view.setUint16(4, zip64 ? 45 : 20, true); // version needed
    view.setUint16(6, 0x0800, true); // UTF-8 names
    view.setUint16(8, method, true);
    view.setUint16(10, DOS_TIME, true);
    view.setUint16(12, DOS_DATE, true);
    view.setUint32(14, crc, true);
    view.setUint32(18, zip64 ? MAX_32 : body.length, true);
    view.setUint32(22, zip64 ? MAX_32 : size, true);
    view.setUint16(26, name.length, true);
    view.setUint16(28, zip64 ? 20 : 0, true);
    header.set(name, 30);
    if (zip64) {
      const at = 30 + name.length;
      view.setUint16(at, 0x0001, true);
      view.setUint16(at + 2, 16, true);
      setU64(view, at + 4, size);
      setU64(view, at + 12, body.length);
    }
    chunks.push(header);
    if (body.length > 0) chunks.push(body);
  }
  const out = new Uint8Array(directory + (zip64End ? 56 + 20 : 0) + 22);
  const view = new DataView(out.buffer);
  let central = 0;
  for (const { name, stored, offset, zip64 } of placed) {
    const { method, crc, size } = stored;
    const body = stored.compressed;
    view.setUint32(central, 0x02014b50, true);
    view.setUint16(central + 4, zip64 ? 45 : 20, true); // version made by
    view.setUint16(central + 6, zip64 ? 45 : 20, true);
    view.setUint16(central + 8, 0x0800, true);
    view.setUint16(central + 10, method, true);
    view.setUint16(central + 12, DOS_TIME, true);
    view.setUint16(central + 14, DOS_DATE, true);
    view.setUint32(central + 16, crc, true);
    view.setUint32(central + 20, zip64 ? MAX_32 : body.length, true);
    view.setUint32(central + 24, zip64 ? MAX_32 : size, true);
    view.setUint16(central + 28, name.length, true);
    view.setUint16(central + 30, zip64 ? 28 : 0, true);
    view.setUint32(central + 42, zip64 ? MAX_32 : offset, true);
    out.set(name, central + 46);
    if (zip64) {
      const x = central + 46 + name.length;
      view.setUint16(x, 0x0001, true);
      view.setUint16(x + 2, 24, true);
      setU64(view, x + 4, size);
      setU64(view, x + 12, body.length);
      setU64(view, x + 20, offset);
    }
    central += 46 + name.length + (zip64 ? 28 : 0);
  }
  if (zip64End) {
    // ZIP64 end of central directory record, then its locator (offsets from the package's start).
    const record = central;
    view.setUint32(record, 0x06064b50, true);
    setU64(view, record + 4, 44);
    view.setUint16(record + 12, 45, true);
    view.setUint16(record + 14, 45, true);
    setU64(view, record + 24, items.length);
    setU64(view, record + 32, items.length);
    setU64(view, record + 40, directory);
    setU64(view, record + 48, bodies);
    const locator = record + 56;
    view.setUint32(locator, 0x07064b50, true);
    setU64(view, locator + 8, bodies + record);
    view.setUint32(locator + 16, 1, true);
    central = locator + 20;
  }
  view.setUint32(central, 0x06054b50, true);
  view.setUint16(central + 8, zip64End ? Math.min(items.length, MAX_16) : items.length, true);
  view.setUint16(central + 10, zip64End ? Math.min(items.length, MAX_16) : items.length, true);
  view.setUint32(central + 12, zip64End ? Math.min(directory, MAX_32) : directory, true);
  view.setUint32(central + 16, zip64End ? Math.min(bodies, MAX_32) : bodies, true);
  chunks.push(out);
  return chunks;
}
