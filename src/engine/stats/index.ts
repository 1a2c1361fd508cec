export { Distribution, descendingPositions, distributionOf } from "./distribution";
export { largestRemainder } from "./largestRemainder";
export { positiveTotal, shareBefore } from "./shares";
export { assertFiniteList, assertInRange, assertSameLength } from "./validate";
