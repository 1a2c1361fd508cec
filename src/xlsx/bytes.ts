/** The chunks as one array (the chunk itself when there is one). */
export function joinBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Reads `readable` to its end, each chunk pushed to `out` as it comes. */
export async function drain(readable: ReadableStream<Uint8Array>, out: Uint8Array[]): Promise<void> {
  const reader = readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    out.push(value);
  }
}
