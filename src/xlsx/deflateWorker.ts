/**
 * The writer's DEFLATE worker (dist/deflate-worker.js, see `workerStream` in ./zip): compresses the parts the page
 * sends, block by block, with the browser's `CompressionStream("gzip")`, on a thread of its own. The page
 * writes a sheet's next XML block while the worker compresses the previous ones: the browser's compression no
 * longer takes its turn on the page's thread (issue 12).
 *
 * Messages in: `{ ping: true }`; `{ id, block }` for each block of part `id`, in order; `{ id, end: true }`.
 * Messages out: `{ pong: true }`; `{ id, written: true }` once a block is taken (the page keeps only a few ahead);
 * `{ id, compressed, crc }` at the end (the raw DEFLATE data, its buffer transferred, and the part's CRC-32), or
 * `{ id, error }`.
 */
import { drain, gzipMember, joinBytes } from "./bytes";

interface Part {
  readonly writer: WritableStreamDefaultWriter<BufferSource>;
  readonly out: Uint8Array[];
  readonly reading: Promise<void>;
}

interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const parts = new Map<number, Part>();
/** Parts that failed: their later messages are dropped (the page was told once). */
const failed = new Set<number>();

function open(): Part {
  // gzip, for the CRC-32 of the part its trailer holds (computed natively, not by the page: see `gzipMember`).
  const stream = new CompressionStream("gzip");
  const out: Uint8Array[] = [];
  const reading = drain(stream.readable, out);
  return { writer: stream.writable.getWriter(), out, reading };
}

/** Each part's messages are handled in order: a part's promise chain. */
const queues = new Map<number, Promise<void>>();

async function handle(data: { id: number; block?: Uint8Array<ArrayBuffer>; end?: boolean }): Promise<void> {
  const { id } = data;
  let part = parts.get(id);
  if (!part) {
    part = open();
    parts.set(id, part);
  }
  if (data.block) {
    await part.writer.write(data.block);
    scope.postMessage({ id, written: true });
  }
  if (data.end) {
    parts.delete(id);
    await part.writer.close();
    await part.reading;
    const { deflated: compressed, crc } = gzipMember(joinBytes(part.out));
    scope.postMessage({ id, compressed, crc }, [compressed.buffer]);
  }
}

scope.onmessage = (event: MessageEvent) => {
  const data = event.data as { ping?: boolean; id: number; block?: Uint8Array<ArrayBuffer>; end?: boolean };
  if (data.ping) {
    scope.postMessage({ pong: true });
    return;
  }
  const id = data.id;
  const next = (queues.get(id) ?? Promise.resolve())
    .then(() => (failed.has(id) ? undefined : handle(data)))
    .catch((error: unknown) => {
      parts.delete(id);
      failed.add(id);
      scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    });
  queues.set(id, next);
  if (data.end)
    void next.then(() => {
      queues.delete(id);
      failed.delete(id);
    });
};
