import type { Lang } from "../i18n/types";
import { WorkbookError } from "./errors";

/** `Excel.run`, or a stand-in with the same contract (tests pass a fake). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Whether the host supports a version of the ExcelApi requirement set, e.g. "1.12". */
export type ApiSupport = (version: string) => boolean;

/** What every entry point of this folder accepts: the host to talk to, and the language of what it writes. */
export interface ExcelEnv {
  /** Default: the global `Excel.run`. */
  readonly run?: ExcelRun;
  /** Default: `Office.context.requirements.isSetSupported("ExcelApi", version)`. */
  readonly supports?: ApiSupport;
  /** Language of the texts written into the workbook (notes, headers). Default "fr". */
  readonly lang?: Lang;
}

/** The lowest ExcelApi this folder uses without a fallback (spills, worksheet custom properties). */
export const REQUIRED_API = "1.12";
/** Notes (`worksheet.notes`) need ExcelApi 1.18; without it, frozen formulas are kept in the record sheet only. */
export const NOTES_API = "1.18";

export function resolveRun(env: ExcelEnv): ExcelRun {
  return env.run ?? ((batch) => Excel.run(batch));
}

export function resolveSupports(env: ExcelEnv): ApiSupport {
  if (env.supports) return env.supports;
  return (version) =>
    typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
}

/** @throws WorkbookError API_NOT_SUPPORTED when the host lacks ExcelApi `version`. */
export function requireApi(supports: ApiSupport, version: string = REQUIRED_API): void {
  if (!supports(version)) throw new WorkbookError("API_NOT_SUPPORTED", { version });
}

/** A `context.sync()` that counts itself. */
export interface Syncer {
  (): Promise<void>;
  readonly count: () => number;
}

export function countingSync(context: Excel.RequestContext): Syncer {
  let n = 0;
  const sync = async (): Promise<void> => {
    n++;
    await context.sync();
  };
  return Object.assign(sync, { count: () => n });
}
