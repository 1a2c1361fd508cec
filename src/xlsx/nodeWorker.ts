import { parentPort } from "node:worker_threads";
import * as zlib from "node:zlib";
import { ByteSink, recycleBlock } from "./byteSink";
import { encodeTape, type TapeChunk } from "./cellTape";

/**
 * Node's compression thread (see ./zlibWorker, which starts it from this module bundled by bin/pac.js): each
 * part's XML, as blocks of bytes or as tape chunks it writes out itself (see ./cellTape), deflated block by
 * block, each block ending with a sync flush (byte-aligned, no last block), and the part's CRC-32 and size kept
 * as they pass. The part's end adds an empty last block: the pieces joined are one DEFLATE stream.
 */

/** A message from the writer: a part's next block or tape chunk, or its end (neither). */
export interface WorkerRequest {
  readonly id: number;
  readonly level: number;
  readonly block?: Uint8Array;
  readonly tape?: TapeChunk;
  /**
   * With a tape chunk: the part's counter of chunks done, shared with the writer (a `SharedArrayBuffer`). This
   * thread adds one once a chunk is written out and deflated, before it answers: the writer reads it while it
   * makes rows, without the turn of its event loop that receiving the answer takes.
   */
  readonly done?: Int32Array;
}

/** The answer to each request: deflated pieces (and the block back), or the part's end, or its failure. */
export interface WorkerAnswer {
  readonly id: number;
  readonly pieces?: Uint8Array[];
  readonly block?: Uint8Array;
  readonly crc?: number;
  readonly size?: number;
  readonly end?: boolean;
  readonly error?: string;
}

interface PartState {
  crc: number;
  size: number;
  /** Where the part's tape chunks are written out; blocks of 1 MiB are deflated as they fill. */
  sink?: ByteSink;
}

const parts = new Map<number, PartState>();

function deflate(state: PartState, bytes: Uint8Array, level: number): Uint8Array {
  state.crc = zlib.crc32(bytes, state.crc);
  state.size += bytes.length;
  return new Uint8Array(zlib.deflateRawSync(bytes, { level, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
}

/** Deflates the sink's blocks, each given back to be written again. */
function drain(state: PartState, blocks: Uint8Array[], level: number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (const block of blocks) {
    if (block.length > 0) pieces.push(deflate(state, block, level));
    recycleBlock(block);
  }
  return pieces;
}

/** The part's bytes written out here and not deflated yet (a block short of full), deflated. */
function flushed(state: PartState, level: number): Uint8Array[] {
  return state.sink ? drain(state, state.sink.finish(), level) : [];
}

function answer(request: WorkerRequest): { message: WorkerAnswer; transfer: ArrayBuffer[] } {
  const { id, level } = request;
  let state = parts.get(id);
  if (!state) parts.set(id, (state = { crc: 0, size: 0 }));
  if (request.block) {
    // The part's bytes written out here so far come first (the writer wrote this block while they were).
    const pieces = flushed(state, level);
    pieces.push(deflate(state, request.block, level));
    return { message: { id, pieces, block: request.block }, transfer: [...pieces.map((p) => p.buffer as ArrayBuffer), request.block.buffer as ArrayBuffer] };
  }
  if (request.tape) {
    const sink = (state.sink ??= new ByteSink());
    encodeTape(request.tape, sink);
    const pieces = drain(state, sink.blocks.splice(0), level);
    if (request.done) Atomics.add(request.done, 0, 1);
    return { message: { id, pieces }, transfer: pieces.map((p) => p.buffer as ArrayBuffer) };
  }
  parts.delete(id);
  const pieces = flushed(state, level);
  pieces.push(new Uint8Array(zlib.deflateRawSync(new Uint8Array(0), { level })));
  return { message: { id, pieces, crc: state.crc, size: state.size, end: true }, transfer: pieces.map((p) => p.buffer as ArrayBuffer) };
}

parentPort?.on("message", (request: WorkerRequest) => {
  try {
    const { message, transfer } = answer(request);
    parentPort?.postMessage(message, transfer);
  } catch (error) {
    parts.delete(request.id);
    parentPort?.postMessage({ id: request.id, error: String((error as Error)?.message ?? error) } satisfies WorkerAnswer);
  }
});
