/**
 * The same zip package with a ZIP64 end of central directory (record and locator) before a classic end record
 * whose fields say "see ZIP64". `count` overrides the number of entries the ZIP64 record claims (default: the
 * real one), to build archives that announce more parts than they hold.
 */
export function withZip64End(bytes: Uint8Array, count?: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const entries = count ?? view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  const out = new Uint8Array(end + 56 + 20 + 22);
  out.set(bytes.subarray(0, end));
  const o = new DataView(out.buffer);
  o.setUint32(end, 0x06064b50, true);
  o.setBigUint64(end + 4, 44n, true);
  o.setUint16(end + 12, 45, true);
  o.setUint16(end + 14, 45, true);
  o.setBigUint64(end + 24, BigInt(entries), true);
  o.setBigUint64(end + 32, BigInt(entries), true);
  o.setBigUint64(end + 40, BigInt(size), true);
  o.setBigUint64(end + 48, BigInt(offset), true);
  o.setUint32(end + 56, 0x07064b50, true);
  o.setBigUint64(end + 64, BigInt(end), true);
  o.setUint32(end + 72, 1, true);
  const eocd = end + 76;
  o.setUint32(eocd, 0x06054b50, true);
  o.setUint16(eocd + 8, 0xffff, true);
  o.setUint16(eocd + 10, 0xffff, true);
  o.setUint32(eocd + 12, 0xffffffff, true);
  o.setUint32(eocd + 16, 0xffffffff, true);
  return out;
}
