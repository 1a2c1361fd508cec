const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const MASK = BUCKETS - 1;
/** Digit shifts inside the low then the high 32-bit word of a key: 11 + 11 + 10 bits each. */
const SHIFTS = [0, 11, 22] as const;

interface Scratch {
  lo: Uint32Array;
  hi: Uint32Array;
  nextLo: Uint32Array;
  nextHi: Uint32Array;
  order: Uint32Array;
  nextOrder: Uint32Array;
}

/**
 * Work buffers kept between sorts of up to the same size. Allocating ~24 bytes per client of fresh
 * ArrayBuffers on every sort makes V8 run full collections for the external memory alone, which cost the
 * most when many result objects are alive; reusing them avoids that churn.
 */
let pool: Scratch | undefined;
let poolBusy = false;

function scratch(n: number): Scratch {
  if (!pool || pool.lo.length < n) {
    const size = Math.max(n, 1024);
    pool = {
      lo: new Uint32Array(size),
      hi: new Uint32Array(size),
      nextLo: new Uint32Array(size),
      nextHi: new Uint32Array(size),
      order: new Uint32Array(size),
      nextOrder: new Uint32Array(size),
    };
  }
  return pool;
}

function isLittleEndian(): boolean {
  return new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
}

/**
 * Sorts `values` ascending into `sorted` (−0 written as 0) and returns the order: `order[p]` is the input
 * index of the value at position p, equal values in input order. The returned array is a work buffer: read
 * it before the next sort.
 *
 * A least-significant-digit radix sort on the IEEE-754 bits mapped to unsigned keys (sign bit flipped for
 * positives, every bit flipped for negatives), 11 bits per pass and a pass skipped when every key has the
 * same digit: O(n), stable, and cache-friendly, where a comparison sort of the indices would call a
 * comparator n log n times and a binary search per client would miss the cache at every step.
 */
export function radixSortInto(values: ArrayLike<number>, sorted: Float64Array): Uint32Array {
  const n = values.length;
  const own = !poolBusy;
  poolBusy = true;
  try {
    const buffers = own ? scratch(n) : freshScratch(n);
    if (countingSortInto(values, sorted, buffers.order)) return buffers.order.subarray(0, n);
    const byCents = centsSortInto(values, sorted, buffers);
    if (byCents) return byCents.subarray(0, n);
    let { lo, hi, nextLo, nextHi, order, nextOrder } = buffers;
    const words = new Uint32Array(sorted.buffer, sorted.byteOffset, 2 * n);
    const loAt = isLittleEndian() ? 0 : 1;
    for (let i = 0; i < n; i++) sorted[i] = values[i] === 0 ? 0 : values[i];

    const counts = new Uint32Array(6 * BUCKETS);
    for (let i = 0; i < n; i++) {
      const h0 = words[2 * i + 1 - loAt];
      const l0 = words[2 * i + loAt];
      const negative = h0 >>> 31 === 1;
      const h = negative ? ~h0 >>> 0 : (h0 | 0x80000000) >>> 0;
      const l = negative ? ~l0 >>> 0 : l0;
      hi[i] = h;
      lo[i] = l;
      order[i] = i;
      counts[l & MASK]++;
      counts[BUCKETS + ((l >>> 11) & MASK)]++;
      counts[2 * BUCKETS + (l >>> 22)]++;
      counts[3 * BUCKETS + (h & MASK)]++;
      counts[4 * BUCKETS + ((h >>> 11) & MASK)]++;
      counts[5 * BUCKETS + (h >>> 22)]++;
    }

    for (let pass = 0; pass < 6 && n > 0; pass++) {
      const base = pass * BUCKETS;
      let first = 0;
      while (counts[base + first] === 0) first++;
      if (counts[base + first] === n) continue;
      let sum = 0;
      for (let b = 0; b < BUCKETS; b++) {
        const c = counts[base + b];
        counts[base + b] = sum;
        sum += c;
      }
      const shift = SHIFTS[pass % 3];
      const keys = pass < 3 ? lo : hi;
      for (let p = 0; p < n; p++) {
        const q = counts[base + ((keys[p] >>> shift) & MASK)]++;
        nextOrder[q] = order[p];
        nextHi[q] = hi[p];
        nextLo[q] = lo[p];
      }
      [order, nextOrder] = [nextOrder, order];
      [hi, nextHi] = [nextHi, hi];
      [lo, nextLo] = [nextLo, lo];
    }

    for (let p = 0; p < n; p++) {
      const h = hi[p];
      if (h >>> 31) {
        words[2 * p + 1 - loAt] = (h & 0x7fffffff) >>> 0;
        words[2 * p + loAt] = lo[p];
      } else {
        words[2 * p + 1 - loAt] = ~h >>> 0;
        words[2 * p + loAt] = ~lo[p] >>> 0;
      }
    }
    return order.subarray(0, n);
  } finally {
    if (own) poolBusy = false;
  }
}

/** The widest span of whole numbers (max − min) sorted by counting: one bucket per possible value. */
const MAX_COUNTING_SPAN = 1 << 16;

/**
 * The stable ascending sort of whole numbers within a small span (days since the last purchase, numbers of
 * purchases): one counting pass and one placing pass instead of the radix passes over their 64-bit keys.
 * Returns false, having written nothing, when a value is not a whole number or the span is wider than
 * MAX_COUNTING_SPAN or than the list is long.
 */
function countingSortInto(values: ArrayLike<number>, sorted: Float64Array, order: Uint32Array): boolean {
  const n = values.length;
  if (n === 0) return false;
  let min = values[0];
  let max = values[0];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isInteger(v)) return false;
    if (v < min) min = v;
    else if (v > max) max = v;
    if (max - min > MAX_COUNTING_SPAN || max - min > n) return false;
  }
  const start = new Uint32Array(max - min + 2);
  for (let i = 0; i < n; i++) start[values[i] - min + 1]++;
  for (let b = 1; b < start.length; b++) start[b] += start[b - 1];
  for (let i = 0; i < n; i++) order[start[values[i] - min]++] = i;
  // Bucket b now ends at start[b]: write its value that many times, in sequence (+ 0 turns −0 into 0).
  let p = 0;
  for (let b = 0; b < start.length - 1; b++) {
    const value = b + min + 0;
    while (p < start[b]) sorted[p++] = value;
  }
  return true;
}

/** The widest span of amounts in whole cents (max − min, in cents) sorted as 32-bit integer keys. */
const MAX_CENTS_SPAN = 2 ** 32;

/**
 * The stable ascending sort of amounts that are all whole cents (12.34, not 12.345), the amounts of a client
 * table or a journal: each x is the key k = round(100 x), an integer, and k / 100 gives x back exactly (that is
 * the test), so distinct amounts have distinct keys in the same order. Keys within a 32-bit span sort in three
 * passes of 11 bits over 4-byte keys, where the IEEE-754 keys of `radixSortInto` take six over 8-byte ones.
 * Returns the order, or undefined (having written only into `sorted`) when an amount is not whole cents or the
 * span is too wide.
 */
function centsSortInto(values: ArrayLike<number>, sorted: Float64Array, buffers: Scratch): Uint32Array | undefined {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const k = Math.round(values[i] * 100);
    if (k / 100 !== values[i]) return undefined;
    sorted[i] = k;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (!(max - min < MAX_CENTS_SPAN)) return undefined;
  let { lo: keys, nextLo: nextKeys, order, nextOrder } = buffers;
  const counts = new Uint32Array(3 * BUCKETS);
  for (let i = 0; i < n; i++) {
    const key = sorted[i] - min;
    keys[i] = key;
    order[i] = i;
    counts[key & MASK]++;
    counts[BUCKETS + ((key >>> 11) & MASK)]++;
    counts[2 * BUCKETS + (key >>> 22)]++;
  }
  for (let pass = 0; pass < 3; pass++) {
    const base = pass * BUCKETS;
    let first = 0;
    while (counts[base + first] === 0) first++;
    if (counts[base + first] === n) continue;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[base + b];
      counts[base + b] = sum;
      sum += c;
    }
    const shift = SHIFTS[pass];
    for (let p = 0; p < n; p++) {
      const q = counts[base + ((keys[p] >>> shift) & MASK)]++;
      nextOrder[q] = order[p];
      nextKeys[q] = keys[p];
    }
    [order, nextOrder] = [nextOrder, order];
    [keys, nextKeys] = [nextKeys, keys];
  }
  // (key + min) / 100 is the k / 100 that gave each amount back exactly (and −0 back as 0).
  for (let p = 0; p < n; p++) sorted[p] = (keys[p] + min) / 100;
  return order;
}

function freshScratch(n: number): Scratch {
  return {
    lo: new Uint32Array(n),
    hi: new Uint32Array(n),
    nextLo: new Uint32Array(n),
    nextHi: new Uint32Array(n),
    order: new Uint32Array(n),
    nextOrder: new Uint32Array(n),
  };
}

/**
 * The stable ascending order of a list of numbers: `order[p]` is the index of the input value at position
 * `p`, equal values in input order, and `sorted[p]` that value. −0 sorts (and is returned) as 0. NaN must
 * not occur (callers validate first). See `radixSortInto` for the method.
 *
 * @example ascendingOrder([3, -1, 3, 0]) // { order: [1, 3, 0, 2], sorted: [-1, 0, 3, 3] } (typed arrays)
 */
export function ascendingOrder(values: ArrayLike<number>): { order: Uint32Array; sorted: Float64Array } {
  const sorted = new Float64Array(values.length);
  const order = radixSortInto(values, sorted).slice();
  return { order, sorted };
}
