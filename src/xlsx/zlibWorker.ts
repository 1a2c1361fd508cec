import type * as NodeWorkers from "node:worker_threads";
import type * as NodeZlib from "node:zlib";
import { adoptBlock, isSinkBlock } from "./byteSink";
import { joinBytes } from "./bytes";
import { WorkerPart } from "./workerPart";
import type { DeflateStream } from "./zip";

/**
 * Node's DEFLATE on a thread of its own (issue 12): the command line's parts, block by block, deflated and
 * CRC'd by one worker thread, while the main thread writes the next blocks. On the thread pool (see
 * `zlibStream` in ./zip), each block cost the main thread a zlib stream made and initialised (0.35 ms) and its
 * CRC (0.5 ms per MiB): a quarter of a second at 100 000 clients, on the thread that writes every sheet. Here a
 * block costs it one message out and one back, and the block comes back to be written again.
 *
 * Each block is deflated on its own and ends with a sync flush (byte-aligned, no last block), as on the pool:
 * the pieces joined, then an empty last block, are one DEFLATE stream. The worker keeps each part's running CRC.
 */

/** The worker's script: CommonJS, run with `eval` (nothing to find on disk, nothing for webpack to bundle). */
const SOURCE = `
const { parentPort } = require("node:worker_threads");
const zlib = require("node:zlib");
const crcs = new Map();
parentPort.on("message", (m) => {
  try {
    if (m.block) {
      crcs.set(m.id, zlib.crc32(m.block, crcs.get(m.id) ?? 0));
      const deflated = new Uint8Array(zlib.deflateRawSync(m.block, { level: m.level, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
      parentPort.postMessage({ id: m.id, deflated, block: m.block }, [deflated.buffer, m.block.buffer]);
    } else {
      const deflated = new Uint8Array(zlib.deflateRawSync(new Uint8Array(0), { level: m.level }));
      parentPort.postMessage({ id: m.id, deflated, crc: crcs.get(m.id) ?? 0, end: true }, [deflated.buffer]);
      crcs.delete(m.id);
    }
  } catch (error) {
    crcs.delete(m.id);
    parentPort.postMessage({ id: m.id, error: String((error && error.message) || error) });
  }
});
`;

/** Blocks a part may have at the worker before the writer waits for one to come back. */
const IN_FLIGHT = 4;

/** A part at the worker: its progress and result, and the deflated pieces come back so far. */
interface Part {
  readonly flow: WorkerPart;
  readonly pieces: Uint8Array[];
}

interface Running {
  readonly worker: NodeWorkers.Worker;
  readonly parts: Map<number, Part>;
  /** Messages sent and not answered yet: the worker holds the process open only while there are some. */
  pending: number;
}

/** The worker once started; null when it cannot run (no worker threads, no native CRC) or has failed. */
let running: Running | null | undefined;
let nextPart = 1;

function builtin<T>(id: string): T | undefined {
  const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return runtime?.getBuiltinModule?.(id) as T | undefined;
}

/** Every part in progress fails with `error`; the parts after it go to the thread pool. */
function give(state: Running, error: Error): void {
  if (running === state) running = null;
  for (const part of state.parts.values()) part.flow.fail(error);
  state.parts.clear();
  void state.worker.terminate();
}

function start(): Running | null {
  const workers = builtin<typeof NodeWorkers>("node:worker_threads");
  const zlib = builtin<typeof NodeZlib>("node:zlib");
  if (!workers || typeof zlib?.crc32 !== "function") return null;
  let worker: NodeWorkers.Worker;
  try {
    worker = new workers.Worker(SOURCE, { eval: true });
  } catch {
    return null;
  }
  // Held open only while it owes an answer (see `send`): an idle worker, or one left with a part the writer gave
  // up (an error while a sheet was written), never keeps the process alive.
  worker.unref();
  const state: Running = { worker, parts: new Map(), pending: 0 };
  worker.on("message", (m: { id: number; deflated?: Uint8Array; block?: Uint8Array; crc?: number; end?: boolean; error?: string }) => {
    if (--state.pending === 0) worker.unref();
    const part = state.parts.get(m.id);
    if (m.block) adoptBlock(m.block);
    if (!part) return;
    if (m.error !== undefined) {
      state.parts.delete(m.id);
      part.flow.fail(new Error(`deflate worker: ${m.error}`));
      return;
    }
    if (m.deflated) part.pieces.push(m.deflated);
    if (m.end) {
      state.parts.delete(m.id);
      part.flow.done({ deflated: joinBytes(part.pieces), crc: m.crc ?? 0 });
      return;
    }
    part.flow.taken();
  });
  worker.on("error", (error) => give(state, error));
  worker.on("exit", (code) => give(state, new Error(`deflate worker: stopped (${code})`)));
  return state;
}

/** Posts `message` to the worker, which then holds the process open until it answers. */
function send(state: Running, message: unknown, transfer: ArrayBuffer[] = []): void {
  if (state.pending++ === 0) state.worker.ref();
  state.worker.postMessage(message, transfer);
}

/** A part deflated by the worker, or undefined when there is no worker to do it (the caller uses the pool). */
export function zlibWorkerStream(level: number): DeflateStream | undefined {
  if (running === undefined) running = start();
  const state = running;
  if (!state) return undefined;
  const id = nextPart++;
  const flow = new WorkerPart();
  state.parts.set(id, { flow, pieces: [] });
  return {
    push: async (block) => {
      if (block.length === 0) return;
      await flow.sending(IN_FLIGHT);
      // A sink's block goes to the worker (moved, not copied) and comes back to be written again; other bytes
      // (a view into a buffer that may hold more: never moved) are copied, by `new Uint8Array` (a Node Buffer's
      // `slice` is a view).
      const own = isSinkBlock(block) ? block : new Uint8Array(block);
      send(state, { id, level, block: own }, [own.buffer as ArrayBuffer]);
    },
    end: () => {
      if (!flow.failed) send(state, { id, level });
      return flow.result;
    },
  };
}
