export { Distribution, descendingPositions, distributionOf } from "./distribution";
export { largestRemainder } from "./largestRemainder";
export { positiveTotal, shareBefore } from "./shares";
export { assertFiniteList, assertIndex, assertInRange, assertSameLength, readNumberCell } from "./validate";
export type { CellReading } from "./validate";
