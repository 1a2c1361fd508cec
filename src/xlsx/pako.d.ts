// pako 1.0 ships no types (and @types/pako is not installed): only the two calls the ZIP codec makes.
declare module "pako" {
  /** Raw DEFLATE (RFC 1951, no zlib header), level 0–9. */
  export function deflateRaw(data: Uint8Array, options?: { readonly level?: number }): Uint8Array;
  /** @throws the error message as a string on damaged data. */
  export function inflateRaw(data: Uint8Array): Uint8Array;
}
