const ENCODER = new TextEncoder();
const SINK_BLOCK = 1 << 20;

/** Blocks a sink made, and those given back once compressed, ready to be written again. */
const made = new WeakSet<ArrayBufferLike>();
const spare: Uint8Array[] = [];
/** Spare blocks kept at most (16 MiB). */
const MAX_SPARE = 16;

/**
 * Gives back a block a sink yielded, once its bytes are no longer read (compressed, or copied): the next sink
 * writes into it. Without this, a 100 000-client plan left 300 blocks of 1 MiB to the garbage collector, which
 * freed them late (their memory lives outside the heap), and the process grew by 150 MB while writing. Any
 * other bytes are ignored.
 */
export function recycleBlock(block: Uint8Array): void {
  const buffer = block.buffer;
  if (buffer.byteLength !== SINK_BLOCK || !made.has(buffer) || spare.length >= MAX_SPARE) return;
  made.delete(buffer);
  spare.push(new Uint8Array(buffer));
}

/** Whether `block` is one a sink made and yielded (a view from its start): its buffer holds nothing else. */
export function isSinkBlock(block: Uint8Array): boolean {
  return block.byteOffset === 0 && made.has(block.buffer);
}

/**
 * Takes back a sink's block that went to another thread and returned (a new buffer for the same bytes), as
 * `recycleBlock` takes one back in place. Any other bytes are ignored.
 */
export function adoptBlock(block: Uint8Array): void {
  const buffer = block.buffer;
  if (!(buffer instanceof ArrayBuffer) || buffer.byteLength !== SINK_BLOCK || spare.length >= MAX_SPARE) return;
  spare.push(new Uint8Array(buffer));
}

/** A block to write in: a spare one when there is one. */
function newBlock(bytes: number): Uint8Array {
  if (bytes > SINK_BLOCK) return new Uint8Array(bytes);
  const block = spare.pop() ?? new Uint8Array(SINK_BLOCK);
  made.add(block.buffer);
  return block;
}

/**
 * UTF-8 bytes written straight into blocks of 1 MiB, cell by cell: tags, references and numbers as bytes, texts
 * encoded as they are copied, so a 100 000-row sheet makes no string per cell (garbage collection was the first
 * cost of writing one).
 */
export class ByteSink {
  /** Blocks filled and not yet taken. */
  readonly blocks: Uint8Array[] = [];
  private block = newBlock(SINK_BLOCK);
  private at = 0;

  /** At least `bytes` free in the current block. */
  private room(bytes: number): void {
    if (bytes <= this.block.length - this.at) return;
    if (this.at > 0) this.blocks.push(this.block.subarray(0, this.at));
    else recycleBlock(this.block);
    this.block = newBlock(bytes);
    this.at = 0;
  }

  /** Any text, as UTF-8. */
  write(text: string): void {
    // At most 3 bytes per UTF-16 unit.
    this.room(text.length * 3);
    this.at += ENCODER.encodeInto(text, this.block.subarray(this.at)).written;
  }

  /** A text known to be ASCII (tags, attribute names, numbers as `String` writes them). */
  ascii(text: string): void {
    this.room(text.length);
    const block = this.block;
    let at = this.at;
    for (let i = 0; i < text.length; i++) block[at++] = text.charCodeAt(i);
    this.at = at;
  }

  /** Bytes made once (a column's letters, a tag). */
  bytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.block.set(bytes, this.at);
    this.at += bytes.length;
  }

  /**
   * A whole number from 0 to 2^53, in decimal, as `String` writes it. Below 2^31 (row numbers, style and string
   * ids, counts), digit by digit in 32-bit integers, twice as fast as in doubles; above, `String`'s own digits
   * (division in doubles lost the last digit of 2^53 − 1).
   */
  uint(n: number): void {
    if (n >= 2147483648) return this.ascii(String(n));
    const digits = n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : n < 100000 ? 5 : n < 1000000 ? 6 : n < 10000000 ? 7 : n < 100000000 ? 8 : n < 1000000000 ? 9 : 10;
    this.room(digits);
    const block = this.block;
    const at = this.at;
    let x = n | 0;
    for (let i = at + digits - 1; i > at; i--) {
      const q = (x / 10) | 0;
      block[i] = 48 + x - q * 10;
      x = q;
    }
    block[at] = 48 + x;
    this.at = at + digits;
  }

  /** A finite number as `String(value)` writes it (the shortest text that reads back the same double). */
  number(value: number): void {
    if (Number.isSafeInteger(value)) {
      if (value < 0) {
        this.ascii("-");
        this.uint(-value);
      } else this.uint(value);
    } else this.ascii(String(value));
  }

  /**
   * A text with `& < > " '` escaped, as `xmlText` writes it, in UTF-8 (a lone surrogate as U+FFFD, as
   * TextEncoder does). `text` holds no character XML forbids (see `xmlSafe`).
   */
  escaped(text: string): void {
    // At most 6 bytes per UTF-16 unit (`&quot;`).
    this.room(text.length * 6);
    const block = this.block;
    let at = this.at;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        const entity = c === 38 ? AMP : c === 60 ? LT : c === 62 ? GT : c === 34 ? QUOT : c === 39 ? APOS : undefined;
        if (entity) {
          block.set(entity, at);
          at += entity.length;
        } else block[at++] = c;
      } else if (c < 0x800) {
        block[at++] = 0xc0 | (c >> 6);
        block[at++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        const point = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
        block[at++] = 0xf0 | (point >> 18);
        block[at++] = 0x80 | ((point >> 12) & 0x3f);
        block[at++] = 0x80 | ((point >> 6) & 0x3f);
        block[at++] = 0x80 | (point & 0x3f);
      } else {
        const unit = c >= 0xd800 && c <= 0xdfff ? 0xfffd : c;
        block[at++] = 0xe0 | (unit >> 12);
        block[at++] = 0x80 | ((unit >> 6) & 0x3f);
        block[at++] = 0x80 | (unit & 0x3f);
      }
    }
    this.at = at;
  }

  /** The blocks not taken yet, the last one as far as it is written; the sink may then be written again. */
  finish(): Uint8Array[] {
    if (this.at > 0) this.blocks.push(this.block.subarray(0, this.at));
    else recycleBlock(this.block);
    this.block = new Uint8Array(0);
    this.at = 0;
    return this.blocks.splice(0);
  }
}

const AMP = ENCODER.encode("&amp;");
const LT = ENCODER.encode("&lt;");
const GT = ENCODER.encode("&gt;");
const QUOT = ENCODER.encode("&quot;");
const APOS = ENCODER.encode("&apos;");
