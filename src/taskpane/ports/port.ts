import { wizardText, type WizardKey } from "../../i18n/wizard";
import type { Lang, MessageParams } from "../../i18n/types";
import type { WorkbookPlan } from "../../plan/types";
import type { SheetChoice } from "../../io/chooseSheet";
import type { SheetPart } from "../../io/combineSheets";

export type { SheetPart };

/**
 * The workbook the wizard works on, whatever holds it: Excel through Office.js (`createExcelPort`) or a file
 * opened in the browser (`openFilePort`). The wizard only talks to this interface, so its tests pass a fake.
 */
export interface WorkbookPort {
  /** "excel" inside Excel; "file" for a workbook opened in the browser (standalone mode). */
  readonly kind: "excel" | "file";
  /** What the user opened: the file name, or "" in Excel. */
  readonly title: string;
  /**
   * True when the workbook cannot change while the wizard is open (a file opened in the browser): a table read
   * once is still the source's content, so "Générer" uses it and its import as they are instead of reading the
   * sheet again. Excel's sheets can be edited at any time: its port leaves this unset and is read again.
   */
  readonly fixed?: boolean;
  /** The sheets the user may read, in tab order. */
  listSheets(): Promise<readonly SheetSummary[]>;
  /** The sheet read when the user names none: the command line's rule (`chooseSheet`), and why. */
  defaultSheet(): Promise<DefaultSheet | undefined>;
  /** The raw cell values of the source (the used range of a sheet, or the selection). */
  readTable(source: SourceRef): Promise<SourceTable>;
  /** Which of `names` are already sheets of the workbook (case-insensitive), as the workbook spells them. */
  existingSheets(names: readonly string[]): Promise<readonly string[]>;
  /**
   * Writes the plan's sheets. `replace: false` writes "PAC (2)" beside an existing "PAC"; `replace: true` may
   * only replace sheets written earlier by PAC Commercial, never the user's own.
   */
  writePlan(plan: WorkbookPlan, options: WritePlanOptions): Promise<WritePlanResult>;
  /**
   * Loads ahead what `writePlan` needs (the writer's code, the page's compression worker), so that the first
   * generation does not wait for them; called when the last step opens. A failure here is left to `writePlan`.
   */
  readonly prepareWrite?: () => void;
  /** Shows a written sheet (Excel only). */
  readonly selectSheet?: (name: string) => Promise<void>;
  /** The workbook as .xlsx bytes, after `writePlan` (file mode only). */
  readonly download?: () => Promise<DownloadFile>;
  /** "Préparer pour le partage" / "Restaurer les formules" (Excel only); resolve to the message to show. */
  readonly prepareForSharing?: () => Promise<string>;
  readonly restoreFormulas?: () => Promise<string>;
}

export interface SheetSummary {
  readonly name: string;
  readonly active: boolean;
}

/** The sheet `chooseSheet` picks, why, and among how many visible sheets. */
export interface DefaultSheet {
  readonly name: string;
  /** `chooseSheet`'s reason: "only", "best", "active" or "first". */
  readonly reason: SheetChoice["reason"];
  /** Visible sheets looked at. */
  readonly among: number;
  /** The visible sheets with a client table or journal header, in tab order (the ones `--sheet all` combines). */
  readonly recognised: readonly string[];
}

/**
 * Where to read: the active sheet, the current selection (Excel only), a named sheet, or several sheets of the
 * same columns combined as the command line's `--sheet "A,B"` does (`combineSheets`).
 */
export type SourceRef =
  | { readonly kind: "active" }
  | { readonly kind: "selection" }
  | { readonly kind: "sheet"; readonly name: string }
  | { readonly kind: "sheets"; readonly names: readonly string[] };

export interface SourceTable {
  readonly sheetName: string;
  /** "A1:F120", "" when empty. */
  readonly address: string;
  /** Sheet row of `rows[0]` (1-based), for the readers' messages. */
  readonly firstRowNumber: number;
  readonly rows: unknown[][];
  /** Dates are serials of the 1904 system. */
  readonly date1904?: boolean;
  /** Sheets combined: which rows of `rows` (numbered from `firstRowNumber`) came from which sheet. */
  readonly parts?: readonly SheetPart[];
}

export interface WritePlanOptions {
  readonly replace: boolean;
  /** `done` steps out of `total`, as the writer knows them. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface WritePlanResult {
  /** The names the sheets were written under, in plan order. */
  readonly sheetNames: readonly string[];
}

export interface DownloadFile {
  readonly fileName: string;
  readonly blob: Blob;
}

/** Thrown by a port for a situation the user must be told about; `message` is French, `messageIn` any language. */
export class PortError extends Error {
  override readonly name = "PortError";

  constructor(
    readonly key: WizardKey,
    readonly params: MessageParams = {},
  ) {
    super(wizardText(key, "fr", params));
  }

  messageIn(lang: Lang): string {
    return wizardText(this.key, lang, this.params);
  }
}
