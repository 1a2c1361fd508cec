// pako 1.0 ships no types (and @types/pako is not installed): only what the ZIP codec and the reader use.
declare module "pako" {
  /** Raw DEFLATE (RFC 1951, no zlib header), level 0–9. */
  export function deflateRaw(data: Uint8Array, options?: { readonly level?: number }): Uint8Array;
  /** @throws the error message as a string on damaged data. */
  export function inflateRaw(data: Uint8Array): Uint8Array;
  /** Streaming inflate: each output chunk goes to `onData` (a throw there stops inflating); `err` non-zero on damaged data. */
  export class Inflate {
    /** `windowBits` 15 + 16: a gzip member (the tests frame parts so, as the browser inflates them). */
    constructor(options?: { readonly raw?: boolean; readonly chunkSize?: number; readonly windowBits?: number });
    onData(chunk: Uint8Array): void;
    push(data: Uint8Array, final: boolean): boolean;
    readonly err: number;
  }
}
