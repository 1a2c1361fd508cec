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
  /**
   * Default: the host reports the set (`Office.context.requirements.isSetSupported("ExcelApi", version)`) and
   * the loaded office.js has it too (`libraryHas`).
   */
  readonly supports?: ApiSupport;
  /** Language of the texts written into the workbook (notes, headers). Default "fr". */
  readonly lang?: Lang;
}

/** The lowest ExcelApi this folder uses without a fallback (spills, worksheet custom properties). */
export const REQUIRED_API = "1.12";
/** Notes (`worksheet.notes`) need ExcelApi 1.18; without it, frozen formulas are kept in the record sheet only. */
export const NOTES_API = "1.18";

/**
 * A class of the Excel namespace that first appears in each requirement set checked here. The host answers
 * `isSetSupported` for itself; the office.js the page loaded may be older (an npm copy, a cached script) and
 * lack the objects of that set: the class tells what the library really has.
 */
const LIBRARY_MARKERS: Readonly<Record<string, string>> = {
  [REQUIRED_API]: "WorksheetCustomPropertyCollection",
  [NOTES_API]: "NoteCollection",
};

/**
 * Whether the loaded office.js defines the objects of ExcelApi `version` (for the versions in
 * `LIBRARY_MARKERS`; any other version is taken on the host's word). False when office.js is not loaded.
 */
export function libraryHas(version: string, excel: unknown = typeof Excel === "undefined" ? undefined : Excel): boolean {
  if (typeof excel !== "object" || excel === null) return false;
  const marker = LIBRARY_MARKERS[version];
  return marker === undefined || typeof (excel as Record<string, unknown>)[marker] === "function";
}

/**
 * The sheet's notes, or undefined when the loaded office.js has no `worksheet.notes` (a library older than
 * ExcelApi 1.18, whatever the host reports). Never throws.
 */
export function sheetNotes(ws: Excel.Worksheet): Excel.NoteCollection | undefined {
  try {
    const notes: unknown = (ws as { notes?: unknown }).notes;
    if (typeof notes !== "object" || notes === null) return undefined;
    const collection = notes as Partial<Record<"add" | "getItemOrNullObject" | "load", unknown>>;
    const complete = [collection.add, collection.getItemOrNullObject, collection.load].every((f) => typeof f === "function");
    return complete ? (notes as Excel.NoteCollection) : undefined;
  } catch {
    return undefined;
  }
}

export function resolveRun(env: ExcelEnv): ExcelRun {
  return env.run ?? ((batch) => Excel.run(batch));
}

export function resolveSupports(env: ExcelEnv): ApiSupport {
  if (env.supports) return env.supports;
  return (version) =>
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported("ExcelApi", version) === true &&
    libraryHas(version);
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
