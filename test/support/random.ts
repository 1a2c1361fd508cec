// Math.imul is read once: under jest each global lookup in a hot loop is far slower than in plain Node.
const { imul } = Math;

/**
 * mulberry32: a small, fast, seeded PRNG with a uniform output in [0, 1). Every generator and benchmark of the
 * project uses this one, so a seed always means the same data (the bundled sample, the fixtures, the benches).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
