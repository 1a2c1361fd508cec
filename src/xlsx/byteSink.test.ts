import fc from "fast-check";
import { ByteSink } from "./byteSink";

const written = (write: (sink: ByteSink) => void): string => {
  const sink = new ByteSink();
  write(sink);
  return Buffer.concat(sink.finish()).toString("utf8");
};

describe("ByteSink", () => {
  it("uint(n) writes n as String does, at every size up to 2^53 − 1", () => {
    for (const n of [0, 1, 9, 10, 99, 100, 2147483647, 2147483648, 4294967296, 9007199254740991]) expect(written((s) => s.uint(n))).toBe(String(n));
    fc.assert(fc.property(fc.oneof(fc.nat(), fc.nat({ max: Number.MAX_SAFE_INTEGER })), (n) => written((s) => s.uint(n)) === String(n)));
  });

  it("number(x) writes x as String does: integers, negatives, fractions, exponents", () => {
    fc.assert(fc.property(fc.oneof(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.double({ noNaN: true, noDefaultInfinity: true })), (x) => written((s) => s.number(x)) === String(x)));
  });
});
