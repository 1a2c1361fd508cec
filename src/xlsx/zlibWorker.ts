import type * as NodeWorkers from "node:worker_threads";
import type * as NodeZlib from "node:zlib";
import { adoptBlock, isSinkBlock } from "./byteSink";
import { joinBytes } from "./bytes";
import type { WorkerAnswer, WorkerRequest } from "./nodeWorker";
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
 * the pieces joined, then an empty last block, are one DEFLATE stream. The worker keeps each part's running CRC
 * and size. A sheet's part may also come as tape chunks (see ./cellTape): the worker then writes the XML out
 * itself before deflating it, which takes the most costly part of writing off the thread that makes the rows.
 */

/**
 * The worker's script: ./nodeWorker bundled as CommonJS (bin/pac.js makes it with the command line's bundle, and
 * gives it here), run with `eval` (nothing to find on disk). Without it (the sources run by tsx or jest), parts
 * go to the thread pool and tapes are written out on this thread.
 */
let script: string | undefined;

/** Gives the compression thread's script (./nodeWorker bundled as CommonJS): the next parts go to it. */
export function useNodeWorker(code: string): void {
  script = code;
  if (running === null) running = undefined;
}

/** Blocks a part may have at the worker before the writer waits for one to come back. */
const IN_FLIGHT = 4;
/** Tape chunks a part has at the worker when the writer writes the next chunk out itself. */
const BUSY = 2;

/** A part at the worker: its progress and result, and the deflated pieces come back so far. */
interface Part {
  readonly flow: WorkerPart;
  readonly pieces: Uint8Array[];
  /** Tape chunks sent. */
  tapes: number;
  /**
   * Tape chunks the worker has done, counted by the worker in shared memory. The answers arrive only when the
   * writer's event loop turns, and the writer makes rows for many chunks without one: counted from the answers,
   * the worker looked busy while it waited (half idle, at 100 000 clients), and this thread wrote out chunks the
   * worker could have taken.
   */
  readonly done: Int32Array;
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
  if (!workers || typeof zlib?.crc32 !== "function" || typeof SharedArrayBuffer !== "function" || script === undefined) return null;
  let worker: NodeWorkers.Worker;
  try {
    worker = new workers.Worker(script, { eval: true });
  } catch {
    return null;
  }
  // Held open only while it owes an answer (see `send`): an idle worker, or one left with a part the writer gave
  // up (an error while a sheet was written), never keeps the process alive.
  worker.unref();
  const state: Running = { worker, parts: new Map(), pending: 0 };
  worker.on("message", (m: WorkerAnswer) => {
    if (--state.pending === 0) worker.unref();
    const part = state.parts.get(m.id);
    if (m.block) adoptBlock(m.block);
    if (!part) return;
    if (m.error !== undefined) {
      state.parts.delete(m.id);
      part.flow.fail(new Error(`deflate worker: ${m.error}`));
      return;
    }
    if (m.pieces) part.pieces.push(...m.pieces);
    if (m.end) {
      state.parts.delete(m.id);
      part.flow.done({ deflated: joinBytes(part.pieces), crc: m.crc ?? 0, size: m.size });
      return;
    }
    part.flow.taken();
  });
  worker.on("error", (error) => give(state, error));
  worker.on("exit", (code) => give(state, new Error(`deflate worker: stopped (${code})`)));
  return state;
}

/** Posts `message` to the worker, which then holds the process open until it answers. */
function send(state: Running, message: WorkerRequest, transfer: ArrayBuffer[] = []): void {
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
  const part: Part = { flow, pieces: [], tapes: 0, done: new Int32Array(new SharedArrayBuffer(4)) };
  state.parts.set(id, part);
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
    // A tape chunk is written out by the worker (see ./cellTape).
    pushTape: async (tape) => {
      await flow.sending(IN_FLIGHT);
      part.tapes++;
      // Its arrays are the tape writer's, written again after this: copies go (`take` in ./cellTape).
      const own = { ints: tape.ints.slice(), nums: tape.nums.slice(), texts: tape.texts };
      send(state, { id, level, tape: own, done: part.done }, [own.ints.buffer, own.nums.buffer]);
    },
    busy: () => part.tapes - Atomics.load(part.done, 0) >= BUSY,
    end: () => {
      if (!flow.failed) send(state, { id, level });
      return flow.result;
    },
  };
}
