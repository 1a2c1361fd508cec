export { Distribution, descendingPositions } from "./distribution";
export { largestRemainder } from "./largestRemainder";
export { assertFiniteList, assertInRange, assertSameLength } from "./validate";
