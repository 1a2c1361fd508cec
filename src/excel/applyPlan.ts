import type { SheetPlan, WorkbookPlan } from "../plan/types";
import { countingSync, requireApi, resolveRun, resolveSupports, type ExcelEnv, type Syncer } from "./env";
import { describeError, WorkbookError } from "./errors";
import type { Renames } from "./formulaRefs";
import { uniqueSheetName, uniqueTableName } from "./names";
import { DEFAULT_MAX_CHUNK_ROWS, DEFAULT_MAX_REQUEST_CHARS, OP_OVERHEAD_CHARS } from "./payload";
import { packOps, type Op } from "./ops";
import { buildSheetOps, type SheetHandle, type SheetOps } from "./sheetOps";
import { validatePlan } from "./validatePlan";

/** The worksheet custom property that marks a sheet written by PAC Commercial (only those may be replaced). */
export const GENERATED_MARK = { key: "PACCommercial", value: "generated" } as const;

export interface ApplyPlanOptions extends ExcelEnv {
  /**
   * Replace a sheet of the same name written earlier by PAC Commercial (it carries `GENERATED_MARK`). A sheet
   * without the mark — the user's own — is never replaced: the plan's sheet is written as "Name (2)" beside it.
   * Default false: every taken name gives "Name (2)", "Name (3)"…
   */
  readonly replace?: boolean;
  /** Called after each `context.sync()`: `done` syncs out of `total` (known after the first, read-only sync). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Upper bound of one request, in JSON characters. Default 4 000 000 (Excel on the web refuses 5 MB). */
  readonly maxRequestChars?: number;
  /** Upper bound of rows per values/number-format array. Default 20 000. */
  readonly maxChunkRows?: number;
  /** Activate the first written sheet at the end. Default true. */
  readonly activate?: boolean;
}

export interface ApplyPlanResult {
  /** The names the plan's sheets were written under, in plan order ("PAC (2)" when "PAC" was taken). */
  readonly sheetNames: readonly string[];
  /** Every `context.sync()` of the run, reads included. */
  readonly syncs: number;
  /** Estimated JSON characters of each write request, in order. */
  readonly requestChars: readonly number[];
  /** Number of 2-D arrays (values, formulas, number formats) sent, and the JSON length of the largest. */
  readonly chunks: number;
  readonly maxChunkChars: number;
  /** Tables written under another name because theirs was taken in the workbook (planned → written). */
  readonly tableNames: Readonly<Record<string, string>>;
}

interface Placement {
  readonly plan: SheetPlan;
  /** The name the sheet has at the end. */
  readonly finalName: string;
  /** The name it is written under: `finalName`, or a temporary name while the sheet it replaces still exists. */
  readonly writeName: string;
  /** The earlier PAC sheet this one replaces, deleted in the last request once everything else succeeded. */
  readonly replaces?: { readonly sheet: Excel.Worksheet; readonly position: number };
  readonly handle: SheetHandle;
}

interface ExistingSheet {
  readonly sheet: Excel.Worksheet;
  readonly name: string;
  readonly position: number;
}

async function readOwnership(existing: readonly ExistingSheet[], plan: WorkbookPlan, sync: Syncer): Promise<Set<string>> {
  const planned = new Set(plan.sheets.map((s) => s.name.toLowerCase()));
  const colliding = existing.filter((e) => planned.has(e.name.toLowerCase()));
  const owned = new Set<string>();
  if (colliding.length === 0) return owned;
  const marks = colliding.map((e) => {
    const mark = e.sheet.customProperties.getItemOrNullObject(GENERATED_MARK.key);
    mark.load("value");
    return { name: e.name.toLowerCase(), mark };
  });
  await sync();
  for (const { name, mark } of marks) {
    if (mark.isNullObject !== true && mark.value === GENERATED_MARK.value) owned.add(name);
  }
  return owned;
}

function placeSheets(
  plan: WorkbookPlan,
  existing: readonly ExistingSheet[],
  owned: ReadonlySet<string>,
  replace: boolean,
): Placement[] {
  const byName = new Map(existing.map((e) => [e.name.toLowerCase(), e]));
  const taken = new Set(byName.keys());
  const placements: Placement[] = [];
  for (const plan_ of plan.sheets) {
    const lower = plan_.name.toLowerCase();
    const old = byName.get(lower);
    if (old && replace && owned.has(lower)) {
      // Written under a temporary name; the old sheet goes, and this one takes its name, in the last request.
      let n = 1;
      let temp = `PAC~${n}`;
      while (taken.has(temp.toLowerCase())) temp = `PAC~${++n}`;
      taken.add(temp.toLowerCase());
      placements.push({
        plan: plan_,
        finalName: plan_.name,
        writeName: temp,
        replaces: { sheet: old.sheet, position: old.position },
        handle: {},
      });
    } else {
      const name = uniqueSheetName(plan_.name, taken);
      taken.add(name.toLowerCase());
      placements.push({ plan: plan_, finalName: name, writeName: name, handle: {} });
    }
  }
  return placements;
}

function tableRenames(
  plan: WorkbookPlan,
  tables: Excel.TableCollection,
  names: Excel.NamedItemCollection,
  replaced: ReadonlySet<string>,
): Map<string, string> {
  // Tables and defined names share one namespace; tables on a sheet about to be replaced free their names.
  const taken = new Set<string>();
  for (const t of tables.items) if (!replaced.has(t.worksheet.name.toLowerCase())) taken.add(t.name.toLowerCase());
  for (const n of names.items) taken.add(n.name.toLowerCase());
  const renames = new Map<string, string>();
  for (const s of plan.sheets) {
    for (const t of s.tables ?? []) {
      const name = uniqueTableName(t.name, taken);
      taken.add(name.toLowerCase());
      if (name !== t.name) renames.set(t.name.toLowerCase(), name);
    }
  }
  return renames;
}

async function removeWrittenSheets(context: Excel.RequestContext, names: readonly string[], sync: Syncer): Promise<string> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await sync();
    const ours = new Set(names.map((n) => n.toLowerCase()));
    let removed = 0;
    for (const s of sheets.items) {
      if (ours.has(s.name.toLowerCase())) {
        s.delete();
        removed++;
      }
    }
    if (removed > 0) await sync();
    return "";
  } catch (cleanupError) {
    // The write error is the one to report; a failed clean-up is appended to its detail.
    return ` (cleanup: ${describeError(cleanupError)})`;
  }
}

/**
 * Writes a workbook plan into the open workbook with Office.js, in a bounded number of requests: one read
 * (existing sheets, tables and names; plus one more to read the marks of same-named sheets when `replace`
 * is asked), then the writes packed into requests of at most `maxRequestChars` JSON characters (4 MB). Every
 * sheet's values go first, in 2-D blocks chunked to a quarter of a request (1 MB) and `maxChunkRows` rows,
 * through `formulas` where a chunk holds a formula; then number formats (filled down from the first row on
 * long ranges), tables, cell formats, and the sheet features (column widths, row heights, merges, conditional
 * colours, freeze panes, print layout and manual page breaks, named cells, unlocked editable cells, tab colour,
 * charts with their axis titles, formula colours, drop-down lists); hidden state and protection come last, in
 * the last request, after the first visible written sheet is activated. Calculation is
 * suspended in every request but the last, which marks the written formulas dirty and recalculates them
 * (unless the workbook calculates manually). The number of syncs is 1 (+1 with `replace` and a name taken)
 * + ⌈payload / 4 MB⌉: 2 for a small plan, 7 for the 100 000-client synthetic plan of the tests.
 *
 * Existing sheets are never written to. A taken name gives "Name (2)"; with `replace`, a sheet earlier
 * written by PAC Commercial is replaced, and only once everything else is written. Sheet references between
 * the plan's sheets and table references follow the names actually used. Named cells are worksheet-scoped.
 * Strings are always written as text (see `escapeText`). If a request fails, the sheets added so far are
 * removed and a `WorkbookError` WRITE_FAILED is thrown.
 *
 * @throws TypeError when the plan is invalid (see `validatePlan`), before anything is sent.
 * @throws WorkbookError API_NOT_SUPPORTED (ExcelApi 1.12 missing) or WRITE_FAILED.
 * @example const { sheetNames, syncs } = await applyWorkbookPlan(plan, { replace: true });
 */
export async function applyWorkbookPlan(plan: WorkbookPlan, options: ApplyPlanOptions = {}): Promise<ApplyPlanResult> {
  validatePlan(plan);
  if (plan.sheets.length === 0) {
    return { sheetNames: [], syncs: 0, requestChars: [], chunks: 0, maxChunkChars: 0, tableNames: {} };
  }
  requireApi(resolveSupports(options));
  const maxChars = options.maxRequestChars ?? DEFAULT_MAX_REQUEST_CHARS;
  const maxRows = options.maxChunkRows ?? DEFAULT_MAX_CHUNK_ROWS;
  if (!(maxChars > OP_OVERHEAD_CHARS * 10) || !(Number.isInteger(maxRows) && maxRows >= 1)) {
    throw new TypeError("applyWorkbookPlan: maxRequestChars must exceed 2 000 and maxChunkRows be an integer ≥ 1");
  }
  const replace = options.replace === true;

  return resolveRun(options)(async (context) => {
    const sync = countingSync(context);
    const workbook = context.workbook;
    const worksheets = workbook.worksheets;
    worksheets.load("items/name,items/position");
    const tables = workbook.tables;
    tables.load("items/name,items/worksheet/name");
    const names = workbook.names;
    names.load("items/name");
    const application = workbook.application;
    application.load("calculationMode");
    await sync();

    const existing: ExistingSheet[] = worksheets.items.map((sheet) => ({ sheet, name: sheet.name, position: sheet.position }));
    const owned = replace ? await readOwnership(existing, plan, sync) : new Set<string>();
    const placements = placeSheets(plan, existing, owned, replace);
    const replacedNames = new Set(placements.filter((p) => p.replaces).map((p) => p.finalName.toLowerCase()));
    const tableNames = tableRenames(plan, tables, names, replacedNames);
    const sheetNames = new Map<string, string>();
    for (const p of placements) if (p.writeName !== p.plan.name) sheetNames.set(p.plan.name.toLowerCase(), p.writeName);
    const renames: Renames = { sheets: sheetNames, tables: tableNames };

    // Every command is built (and every cell converted) before the first write: a bad value fails here.
    // Chunks of a quarter of a request pack well: requests fill to ~4 MB instead of one 2.5 MB chunk each.
    const limits = { maxChars: Math.floor(maxChars / 4) - OP_OVERHEAD_CHARS, maxRows };
    const perSheet: SheetOps[] = placements.map((p) =>
      buildSheetOps(p.plan, p.handle, renames, limits, (planned) => tableNames.get(planned.toLowerCase()) ?? planned),
    );
    const structure: Op[] = placements.map((p) => ({
      chars: OP_OVERHEAD_CHARS * 3,
      apply: () => {
        const ws = worksheets.add(p.writeName);
        ws.customProperties.add(GENERATED_MARK.key, GENERATED_MARK.value);
        p.handle.ws = ws;
      },
    }));
    const ops: Op[] = [
      ...structure,
      ...perSheet.flatMap((s) => s.values),
      ...perSheet.flatMap((s) => s.numberFormats),
      ...perSheet.flatMap((s) => s.tables),
      ...perSheet.flatMap((s) => s.formats),
      ...perSheet.flatMap((s) => s.features),
    ];
    const batches = packOps(ops, maxChars);
    const suspend = batches.length > 1;
    const recalc = suspend && application.calculationMode !== "Manual";

    const finish = (): void => {
      for (const p of placements) if (p.replaces) p.replaces.sheet.delete();
      for (const p of placements) if (p.replaces && p.handle.ws) p.handle.ws.name = p.finalName;
      // Ascending positions put each new sheet back where the one it replaces stood.
      const moved = placements.filter((p) => p.replaces).sort((a, b) => (a.replaces?.position ?? 0) - (b.replaces?.position ?? 0));
      for (const p of moved) if (p.handle.ws && p.replaces) p.handle.ws.position = p.replaces.position;
      if (recalc) {
        placements.forEach((p, i) => {
          const { hasFormulas, extent } = perSheet[i];
          if (hasFormulas && p.handle.ws) p.handle.ws.getRangeByIndexes(0, 0, extent.rows, extent.cols).setDirty();
        });
        application.calculate("Recalculate");
      }
      // Excel refuses to activate a hidden sheet: the first visible one written, if any.
      const shown = placements.find((p) => (p.plan.visibility ?? "visible") === "visible");
      if (options.activate !== false) shown?.handle.ws?.activate();
      for (const s of perSheet) for (const op of s.closing) op.apply();
    };

    const total = sync.count() + batches.length;
    options.onProgress?.(sync.count(), total);
    const requestChars: number[] = [];
    try {
      for (let b = 0; b < batches.length; b++) {
        const last = b === batches.length - 1;
        if (suspend && !last) application.suspendApiCalculationUntilNextSync();
        let size = 0;
        for (const op of batches[b]) {
          op.apply();
          size += op.chars;
        }
        if (last) {
          finish();
          size += perSheet.reduce((n, s) => n + s.closing.reduce((m, op) => m + op.chars, 0), 0);
        }
        requestChars.push(size);
        await sync();
        options.onProgress?.(sync.count(), total);
      }
    } catch (error) {
      const written = placements.map((p) => p.writeName);
      const cleanup = await removeWrittenSheets(context, written, sync);
      throw new WorkbookError("WRITE_FAILED", { detail: describeError(error) + cleanup }, error);
    }

    const chunkSizes = ops.map((op) => op.chunkChars).filter((c): c is number => c !== undefined);
    return {
      sheetNames: placements.map((p) => p.finalName),
      syncs: sync.count(),
      requestChars,
      chunks: chunkSizes.length,
      maxChunkChars: chunkSizes.reduce((m, c) => Math.max(m, c), 0),
      tableNames: Object.fromEntries(
        plan.sheets.flatMap((s) => (s.tables ?? []).map((t) => [t.name, tableNames.get(t.name.toLowerCase()) ?? t.name] as const)).filter(([a, b]) => a !== b),
      ),
    };
  });
}
