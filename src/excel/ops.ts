/**
 * One command (or a few) to queue on the request context. `chars` estimates what it adds to the request;
 * `chunkChars` is the JSON length of the 2-D array it carries, when it carries one.
 */
export interface Op {
  readonly chars: number;
  readonly chunkChars?: number;
  readonly apply: () => void;
}

/**
 * Packs ops, in order, into requests: a request takes ops until the next one would push it over `maxChars`.
 * An op larger than `maxChars` on its own makes a request of its own.
 * @example packOps([{ chars: 3, apply }, { chars: 3, apply }], 5).length // 2
 */
export function packOps(ops: readonly Op[], maxChars: number): Op[][] {
  const batches: Op[][] = [];
  let current: Op[] = [];
  let size = 0;
  for (const op of ops) {
    if (current.length > 0 && size + op.chars > maxChars) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(op);
    size += op.chars;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
