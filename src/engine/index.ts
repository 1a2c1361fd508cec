export { classifyAbc, ABC_DEFAULT_THRESHOLDS } from "./abc";
export type { AbcClass, AbcMode, AbcOptions, AbcResult } from "./abc";
export { EngineError, isEngineError, assertNever } from "./errors";
export type { ErrorCode } from "./errors";
export { largestRemainder } from "./stats/largestRemainder";
