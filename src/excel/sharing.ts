import { countPhrase, excelText, isSingular } from "../i18n/excel";
import type { Lang } from "../i18n/types";
import type { CellRange } from "../plan/types";
import { cellAddress, contains, parseRangeAddress, rangeAddress } from "./addresses";
import { valueInput, type CellInput } from "./cellInput";
import { countingSync, NOTES_API, requireApi, resolveRun, resolveSupports, sheetNotes, type ExcelEnv, type Syncer } from "./env";
import { officeErrorCode, WorkbookError } from "./errors";
import { callsPacFunction } from "./formulaRefs";
import { chunkRows, DEFAULT_MAX_CHUNK_ROWS, DEFAULT_MAX_REQUEST_CHARS, OP_OVERHEAD_CHARS } from "./payload";
import { packOps, type Op } from "./ops";

/** The hidden sheet that keeps the text of every frozen formula, so that restoring never depends on notes. */
export const RECORD_SHEET = "PAC_formules";
/** Columns of the record: sheet, anchor cell, formula, frozen range, frozen on, note added (TRUE/FALSE). */
const RECORD_COLS = 6;
/** Language-neutral start of the notes we write, so that we only ever update or delete our own. */
const NOTE_MARK = "[PAC]";
/** Beyond this many formulas, the rest are only in the record sheet (a note per cell of a 100 000-row column helps no one). */
export const DEFAULT_MAX_NOTES = 1000;

export type SharingScope = "sheet" | "workbook";

export interface SharingOptions extends ExcelEnv {
  /** "sheet": the named sheet, or the active one; "workbook": every sheet. */
  readonly scope: SharingScope;
  readonly sheetName?: string;
  /** Default 1000 (see `DEFAULT_MAX_NOTES`). */
  readonly maxNotes?: number;
  /** Clock of the "frozen on" column. Default: now. */
  readonly now?: () => Date;
  readonly maxRequestChars?: number;
}

export interface SharingResult {
  /** Formulas frozen (prepare) or put back (restore): one per anchor cell, a spilled result counts once. */
  readonly formulas: number;
  /** Sheets those formulas are on. */
  readonly sheets: number;
  /** Cells written as values (prepare) or cleared of frozen values (restore). */
  readonly cells: number;
  /** Notes added or updated (prepare), or removed (restore). */
  readonly notes: number;
  /** The notes request failed; the record sheet still holds every formula. */
  readonly notesFailed: boolean;
  /** Restore only: recorded formulas whose sheet no longer exists (they stay in the record). */
  readonly missing: number;
  readonly missingSheets: readonly string[];
  /** The summary to show, e.g. "12 formules figées sur 2 feuilles." */
  readonly message: string;
  readonly syncs: number;
}

/** One frozen formula, as kept in the record sheet. */
export interface FrozenFormula {
  readonly sheet: string;
  /** The anchor cell, "B2". */
  readonly cell: string;
  /** With its "=". */
  readonly formula: string;
  /** The cells that were written as values: the spill range, or the anchor alone ("B2:B40"). */
  readonly range: string;
  readonly frozenOn: string;
  readonly note: boolean;
}

/** "2025-03-14 09:30", in the user's time zone. */
function localStamp(d: Date): string {
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/**
 * What a PAC formula shows when freezing it would freeze the wrong thing: still calculating, or the
 * functions not loaded. Other errors (#VALUE!, #N/A with a message) are results, frozen like any value.
 */
function unfreezable(values: readonly (readonly CellInput[])[]): "busy" | "unavailable" | undefined {
  for (const row of values) {
    for (const v of row) {
      if (v === "'#BUSY!" || v === "'#GETTING_DATA") return "busy";
      if (v === "'#NAME?") return "unavailable";
    }
  }
  return undefined;
}

function recordKey(sheet: string, cell: string): string {
  return `${sheet.toLowerCase()}!${cell.toUpperCase()}`;
}

function recordHeader(lang: Lang): CellInput[] {
  return (["record.sheet", "record.cell", "record.formula", "record.range", "record.date", "record.note"] as const).map((k) =>
    excelText(k, undefined, lang),
  );
}

function recordRow(r: FrozenFormula): CellInput[] {
  return [valueInput(r.sheet), valueInput(r.cell), valueInput(r.formula), valueInput(r.range), valueInput(r.frozenOn), r.note];
}

/** A text read back from the record: Excel drops the escaping apostrophe, but tolerate one left in place. */
function readText(value: unknown): string {
  if (typeof value !== "string") return "";
  return value.startsWith("'") ? value.slice(1) : value;
}

/**
 * The records of the record sheet's values (header row first). Rows that do not hold a sheet, a cell address
 * and a formula are skipped.
 */
export function parseRecord(values: readonly (readonly unknown[])[]): FrozenFormula[] {
  const records: FrozenFormula[] = [];
  for (const row of values.slice(1)) {
    const sheet = readText(row[0]);
    const cell = readText(row[1]).toUpperCase();
    const formula = readText(row[2]);
    const anchor = parseRangeAddress(cell);
    if (sheet === "" || !anchor || anchor.rows !== 1 || anchor.cols !== 1 || !formula.startsWith("=")) continue;
    const range = readText(row[3]).toUpperCase();
    const spill = parseRangeAddress(range);
    records.push({
      sheet,
      cell,
      formula,
      range: spill && contains(spill, anchor) ? range : cell,
      frozenOn: readText(row[4]),
      note: row[5] === true,
    });
  }
  return records;
}

/** The ops that rewrite the record sheet with `records` (header first), clearing rows left from a longer record. */
function recordOps(sheet: () => Excel.Worksheet, records: readonly FrozenFormula[], previousRows: number, lang: Lang, maxChars: number): Op[] {
  const rows = [recordHeader(lang), ...records.map(recordRow)];
  const ops: Op[] = chunkRows(rows, maxChars, DEFAULT_MAX_CHUNK_ROWS).map((chunk) => ({
    chars: chunk.chars + OP_OVERHEAD_CHARS,
    chunkChars: chunk.chars,
    apply: () => (sheet().getRangeByIndexes(chunk.start, 0, chunk.rows.length, RECORD_COLS).values = chunk.rows),
  }));
  if (previousRows > rows.length) {
    ops.push({
      chars: OP_OVERHEAD_CHARS,
      apply: () => sheet().getRangeByIndexes(rows.length, 0, previousRows - rows.length, RECORD_COLS).clear("Contents"),
    });
  }
  return ops;
}

async function runBatches(ops: readonly Op[], maxChars: number, sync: Syncer): Promise<void> {
  for (const batch of packOps(ops, maxChars)) {
    for (const op of batch) op.apply();
    await sync();
  }
}

function summary(kind: "prepare" | "restore", formulas: number, sheets: number, lang: Lang): string {
  if (formulas === 0) return excelText(kind === "prepare" ? "prepare.none" : "restore.none", undefined, lang);
  const params = { formulas: countPhrase("formula", formulas, lang), sheets: countPhrase("sheet", sheets, lang) };
  const key = isSingular(formulas, lang) ? (`${kind}.done.one` as const) : (`${kind}.done.other` as const);
  return excelText(key, params, lang);
}

interface Candidate {
  readonly ws: Excel.Worksheet;
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly formula: string;
  /** The used range's values and origin, for the frozen values. */
  readonly grid: { readonly values: unknown[][]; readonly row: number; readonly col: number };
  spill?: Excel.Range;
}

interface Anchor {
  readonly c: Candidate;
  readonly range: CellRange;
  /** The existing note on the anchor: ours (to update), someone else's (left alone), or none. */
  readonly existingNote: "ours" | "foreign" | "none";
  readonly note?: Excel.Note;
}

/** "B2" from "'Ma feuille'!$B$2". */
function localCell(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "").toUpperCase();
}

function sliceValues(grid: Candidate["grid"], r: CellRange): CellInput[][] {
  const rows: CellInput[][] = [];
  for (let i = 0; i < r.rows; i++) {
    const source = grid.values[r.row + i - grid.row];
    const row: CellInput[] = [];
    for (let j = 0; j < r.cols; j++) row.push(valueInput(source?.[r.col + j - grid.col]));
    rows.push(row);
  }
  return rows;
}

interface Placed {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** A single cell, which may join a run of single cells one below the other. */
  readonly single: boolean;
}

/**
 * Groups items into runs to write at once: single cells one below the other in a column form one run (a
 * column of 10 000 per-row PAC formulas is one write); any other item is a run of its own.
 */
export function columnRuns<T extends Placed>(items: readonly T[]): T[][] {
  const sorted = [...items].sort((x, y) => {
    if (x.sheet !== y.sheet) return x.sheet < y.sheet ? -1 : 1;
    return x.col - y.col || x.row - y.row;
  });
  const runs: T[][] = [];
  for (const item of sorted) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (item.single && last?.single && last.sheet === item.sheet && last.col === item.col && last.row + 1 === item.row) run.push(item);
    else runs.push([item]);
  }
  return runs;
}

async function targetSheets(
  context: Excel.RequestContext,
  options: SharingOptions,
  sync: Syncer,
  alsoLoad: () => void,
): Promise<Excel.Worksheet[]> {
  const worksheets = context.workbook.worksheets;
  if (options.scope === "workbook") {
    worksheets.load("items/name");
    alsoLoad();
    await sync();
    return worksheets.items.filter((s) => s.name !== RECORD_SHEET);
  }
  const ws = options.sheetName === undefined ? worksheets.getActiveWorksheet() : worksheets.getItem(options.sheetName);
  ws.load("name");
  alsoLoad();
  return [ws];
}

function sheetNotFound(options: SharingOptions, error: unknown): never {
  if (officeErrorCode(error) === "ItemNotFound" && options.sheetName !== undefined) {
    throw new WorkbookError("SHEET_NOT_FOUND", { sheet: options.sheetName }, error);
  }
  throw error;
}

/**
 * "Préparer pour le partage": replaces every formula that calls a `PAC.*` function (case-insensitive) by the
 * values it shows now, so that the workbook reads the same without the add-in (instead of #NAME?). A formula
 * whose result spills is frozen over its whole spill range; the anchor keeps the formula's text in a note
 * ("[PAC] Formule figée…", ExcelApi 1.18; up to `maxNotes`) and every formula is recorded in the hidden sheet
 * "PAC_formules" (sheet, cell, formula, range, date), which alone is enough to restore. Freezing again a cell
 * already recorded replaces its record. Another note already on a cell is left as it is.
 *
 * Syncs: scope "sheet" 1 read + 1 lookup of spills (more past ~10 000 formulas) + writes (1 unless several
 * MB) + 1 for notes; scope "workbook" one more read (the list of sheets).
 *
 * @throws WorkbookError SHEET_NOT_FOUND, API_NOT_SUPPORTED (ExcelApi 1.12); FORMULAS_BUSY or
 * FORMULAS_UNAVAILABLE when a PAC formula shows #BUSY! or #NAME? (nothing is written then).
 * @example const { message } = await prepareForSharing({ scope: "workbook" }); // "12 formules figées sur 2 feuilles."
 */
export async function prepareForSharing(options: SharingOptions): Promise<SharingResult> {
  const supports = resolveSupports(options);
  requireApi(supports);
  const hostNotes = supports(NOTES_API);
  const lang = options.lang ?? "fr";
  const maxChars = options.maxRequestChars ?? DEFAULT_MAX_REQUEST_CHARS;
  const maxNotes = options.maxNotes ?? DEFAULT_MAX_NOTES;
  const frozenOn = localStamp((options.now ?? (() => new Date()))());

  return resolveRun(options)(async (context) => {
    const sync = countingSync(context);
    const worksheets = context.workbook.worksheets;
    const recordSheet = worksheets.getItemOrNullObject(RECORD_SHEET);
    const targets = await targetSheets(context, options, sync, () => recordSheet.load("name"));
    // Notes only when the host reports ExcelApi 1.18 and the loaded office.js really has them.
    const withNotes = hostNotes && targets.every((ws) => sheetNotes(ws) !== undefined);
    const used = targets.map((ws) => {
      const range = ws.getUsedRangeOrNullObject(true);
      range.load("formulas,values,rowIndex,columnIndex");
      // The sheet's notes (usually few), to know which anchors already carry one.
      const notes = withNotes ? sheetNotes(ws) : undefined;
      notes?.load("items/content");
      return { ws, range, notes };
    });
    try {
      await sync();
    } catch (error) {
      sheetNotFound(options, error);
    }

    // A formula cell shows something other than its own text; a text that merely looks like a formula does not.
    const candidates: Candidate[] = [];
    for (const { ws, range } of used) {
      if (range.isNullObject === true || ws.name === RECORD_SHEET) continue;
      const grid = { values: range.values, row: range.rowIndex, col: range.columnIndex };
      range.formulas.forEach((row, i) =>
        row.forEach((f: unknown, j) => {
          if (typeof f === "string" && f.startsWith("=") && f !== range.values[i][j] && callsPacFunction(f)) {
            candidates.push({ ws, sheet: ws.name, row: grid.row + i, col: grid.col + j, formula: f, grid });
          }
        }),
      );
    }
    const none = (): SharingResult => ({
      formulas: 0, sheets: 0, cells: 0, notes: 0, notesFailed: false, missing: 0, missingSheets: [],
      message: summary("prepare", 0, 0, lang), syncs: sync.count(),
    });
    if (candidates.length === 0) return none();

    // Spill range of every candidate, cell of every existing note, and the current record, in as few
    // requests as fit.
    const recordExists = recordSheet.isNullObject !== true;
    const recordUsed = recordExists ? recordSheet.getUsedRangeOrNullObject(true) : undefined;
    recordUsed?.load("values");
    const lookups: Op[] = candidates.map((c) => ({
      chars: OP_OVERHEAD_CHARS * 2,
      apply: () => {
        c.spill = c.ws.getRangeByIndexes(c.row, c.col, 1, 1).getSpillingToRangeOrNullObject();
        c.spill.load("rowIndex,columnIndex,rowCount,columnCount");
      },
    }));
    const candidateSheets = new Set(candidates.map((c) => c.sheet));
    const existingNotes: { sheet: string; note: Excel.Note; cell: Excel.Range }[] = [];
    for (const { ws, notes } of used) {
      if (!notes || !candidateSheets.has(ws.name)) continue;
      for (const note of notes.items) {
        lookups.push({
          chars: OP_OVERHEAD_CHARS * 2,
          apply: () => {
            const cell = note.getLocation();
            cell.load("address");
            existingNotes.push({ sheet: ws.name, note, cell });
          },
        });
      }
    }
    await runBatches(lookups, maxChars, sync);
    const noteAt = new Map(existingNotes.map((n) => [`${n.sheet}\u0000${localCell(n.cell.address)}`, n.note]));

    const spillOf = (c: Candidate): CellRange =>
      c.spill && c.spill.isNullObject !== true
        ? { row: c.spill.rowIndex, col: c.spill.columnIndex, rows: c.spill.rowCount, cols: c.spill.columnCount }
        : { row: c.row, col: c.col, rows: 1, cols: 1 };
    const ranges = candidates.map(spillOf);
    // If Office ever reports a spilled cell's formula as its anchor's, that cell lies in another candidate's
    // spill: the cells covered by every spill (anchors excepted) are indexed once, so this stays linear.
    const spilledInto = new Set<string>();
    candidates.forEach((c, i) => {
      const r = ranges[i];
      for (let a = 0; a < r.rows; a++) {
        for (let b = 0; b < r.cols; b++) if (a > 0 || b > 0) spilledInto.add(`${c.sheet}\u0000${r.row + a},${r.col + b}`);
      }
    });
    const anchors: Anchor[] = candidates
      .map((c, i) => ({ c, range: ranges[i] }))
      .filter(({ c }) => !spilledInto.has(`${c.sheet}\u0000${c.row},${c.col}`))
      .map(({ c, range }) => {
        const note = noteAt.get(`${c.sheet}\u0000${cellAddress(c.row, c.col)}`);
        const existingNote: Anchor["existingNote"] = !note ? "none" : String(note.content).includes(NOTE_MARK) ? "ours" : "foreign";
        return { c, range, existingNote, note };
      });

    // Every value is read before anything is written: a formula still calculating stops the whole run.
    const frozenValues = anchors.map((a) => sliceValues(a.c.grid, a.range));
    const problems = { busy: 0, unavailable: 0 };
    for (const values of frozenValues) {
      const problem = unfreezable(values);
      if (problem) problems[problem]++;
    }
    if (problems.busy > 0) throw new WorkbookError("FORMULAS_BUSY", { n: problems.busy });
    if (problems.unavailable > 0) throw new WorkbookError("FORMULAS_UNAVAILABLE", { n: problems.unavailable });

    const noted = anchors.filter((a) => withNotes && a.existingNote !== "foreign").slice(0, maxNotes);
    const notedSet = new Set(noted);
    const fresh: FrozenFormula[] = anchors.map((a) => ({
      sheet: a.c.sheet,
      cell: cellAddress(a.c.row, a.c.col),
      formula: a.c.formula,
      range: rangeAddress(a.range),
      frozenOn,
      note: notedSet.has(a),
    }));
    const previous = recordUsed && recordUsed.isNullObject !== true ? recordUsed.values : [];
    const freshKeys = new Set(fresh.map((r) => recordKey(r.sheet, r.cell)));
    const records = [...parseRecord(previous).filter((r) => !freshKeys.has(recordKey(r.sheet, r.cell))), ...fresh];

    // The record first: if a later request fails, every formula already replaced is recorded.
    let record: Excel.Worksheet | undefined = recordExists ? recordSheet : undefined;
    const writes: Op[] = [];
    if (!record) {
      writes.push({
        chars: OP_OVERHEAD_CHARS * 3,
        apply: () => {
          record = worksheets.add(RECORD_SHEET);
          record.visibility = "Hidden";
        },
      });
    }
    const recordSheetOf = (): Excel.Worksheet => {
      if (!record) throw new Error("prepareForSharing: record sheet used before it is added");
      return record;
    };
    writes.push(...recordOps(recordSheetOf, records, previous.length, lang, maxChars));
    let cells = 0;
    const placed = anchors.map((a, i) => ({ sheet: a.c.sheet, row: a.range.row, col: a.range.col, single: a.range.rows * a.range.cols === 1, a, values: frozenValues[i] }));
    for (const run of columnRuns(placed)) {
      const { a } = run[0];
      const values = run.length === 1 ? run[0].values : run.map((p) => p.values[0]);
      const [rows, cols] = [values.length, values[0].length];
      cells += rows * cols;
      for (const chunk of chunkRows(values, Math.floor(maxChars / 4), DEFAULT_MAX_CHUNK_ROWS)) {
        writes.push({
          chars: chunk.chars + OP_OVERHEAD_CHARS,
          chunkChars: chunk.chars,
          apply: () => (a.c.ws.getRangeByIndexes(a.range.row + chunk.start, a.range.col, chunk.rows.length, cols).values = chunk.rows),
        });
      }
    }
    await runBatches(writes, maxChars, sync);

    // Notes last and apart: a refused note (a threaded comment on the cell…) must not undo the freezing.
    let notesFailed = false;
    if (noted.length > 0) {
      const noteOps: Op[] = noted.map((a) => ({
        chars: OP_OVERHEAD_CHARS + a.c.formula.length,
        apply: () => {
          const content = excelText("note.frozen", { formula: a.c.formula }, lang);
          const notes = sheetNotes(a.c.ws);
          if (a.existingNote === "ours" && a.note) a.note.content = content;
          else if (notes) notes.add(a.c.ws.getRangeByIndexes(a.c.row, a.c.col, 1, 1), content);
          else throw new Error("prepareForSharing: worksheet.notes vanished");
        },
      }));
      try {
        await runBatches(noteOps, maxChars, sync);
      } catch {
        // Deliberately not rethrown: the formulas are frozen and recorded; the result says the notes failed.
        notesFailed = true;
      }
    }

    const sheetCount = new Set(anchors.map((a) => a.c.sheet.toLowerCase())).size;
    let message = summary("prepare", anchors.length, sheetCount, lang);
    if (notesFailed) message += ` ${excelText("prepare.notesFailed", { sheet: RECORD_SHEET }, lang)}`;
    else if (withNotes && noted.length < anchors.length && anchors.length > maxNotes) {
      message += ` ${excelText("prepare.notesCapped", { n: maxNotes, sheet: RECORD_SHEET }, lang)}`;
    }
    return {
      formulas: anchors.length,
      sheets: sheetCount,
      cells,
      notes: notesFailed ? 0 : noted.length,
      notesFailed,
      missing: 0,
      missingSheets: [],
      message,
      syncs: sync.count(),
    };
  });
}

/**
 * "Restaurer les formules": puts back the formulas recorded in "PAC_formules" for the sheet (named or active)
 * or the whole workbook — the frozen range is cleared first so that a spilling formula can spill again —
 * removes our notes on those cells, and removes their records (the record sheet itself once empty). Records
 * of sheets that no longer exist are kept and counted in `missing`. Values the user typed over frozen cells
 * since are overwritten.
 *
 * Syncs: 1 read, 1 note lookup (ExcelApi 1.18), writes (1 unless several MB), 1 for notes.
 *
 * @throws WorkbookError SHEET_NOT_FOUND, API_NOT_SUPPORTED (ExcelApi 1.12).
 * @example const { message } = await restoreFormulas({ scope: "sheet" }); // "3 formules restaurées sur 1 feuille."
 */
export async function restoreFormulas(options: SharingOptions): Promise<SharingResult> {
  const supports = resolveSupports(options);
  requireApi(supports);
  const hostNotes = supports(NOTES_API);
  const lang = options.lang ?? "fr";
  const maxChars = options.maxRequestChars ?? DEFAULT_MAX_REQUEST_CHARS;

  return resolveRun(options)(async (context) => {
    const sync = countingSync(context);
    const worksheets = context.workbook.worksheets;
    const none = (missingSheets: readonly string[] = [], missing = 0): SharingResult => ({
      formulas: 0, sheets: 0, cells: 0, notes: 0, notesFailed: false, missing, missingSheets,
      message: summary("restore", 0, 0, lang), syncs: sync.count(),
    });

    // One read: fails with ItemNotFound when there is no record sheet, which simply means nothing to restore.
    const record = worksheets.getItem(RECORD_SHEET);
    const recordUsed = record.getUsedRangeOrNullObject(true);
    recordUsed.load("values");
    worksheets.load("items/name");
    const target = options.scope === "sheet" && options.sheetName === undefined ? worksheets.getActiveWorksheet() : undefined;
    target?.load("name");
    try {
      await sync();
    } catch (error) {
      if (officeErrorCode(error) === "ItemNotFound") return none();
      throw error;
    }

    const previous = recordUsed.isNullObject === true ? [] : recordUsed.values;
    const all = parseRecord(previous);
    const sheetsByName = new Map(worksheets.items.map((s) => [s.name.toLowerCase(), s]));
    let scopeSheet: string | undefined;
    if (options.scope === "sheet") {
      scopeSheet = options.sheetName ?? target?.name ?? "";
      if (!sheetsByName.has(scopeSheet.toLowerCase())) throw new WorkbookError("SHEET_NOT_FOUND", { sheet: scopeSheet });
    }
    const inScope = all.filter((r) => scopeSheet === undefined || r.sheet.toLowerCase() === scopeSheet.toLowerCase());
    const restorable = inScope.filter((r) => sheetsByName.has(r.sheet.toLowerCase()));
    const missingRecords = inScope.filter((r) => !sheetsByName.has(r.sheet.toLowerCase()));
    const missingSheets = [...new Set(missingRecords.map((r) => r.sheet))];
    if (restorable.length === 0) {
      const result = none(missingSheets, missingRecords.length);
      if (missingRecords.length === 0) return result;
      const detail = excelText("restore.missingSheets", { formulas: countPhrase("formula", missingRecords.length, lang), names: missingSheets.join(", ") }, lang);
      return { ...result, message: `${result.message} ${detail}` };
    }

    // Our notes on those cells, to remove them after the formulas are back. Without `worksheet.notes` in the
    // loaded office.js (whatever the host reports), or if looking them up fails, they are left and counted.
    let notesLeft = 0;
    let notes = restorable.map((r) => {
      if (!r.note) return undefined;
      const ws = sheetsByName.get(r.sheet.toLowerCase());
      const collection = hostNotes && ws ? sheetNotes(ws) : undefined;
      if (!collection) {
        notesLeft++;
        return undefined;
      }
      const note = collection.getItemOrNullObject(r.cell);
      note.load("content");
      return note;
    });
    if (notes.some((n) => n !== undefined)) {
      try {
        await sync();
      } catch {
        // Deliberately not rethrown: nothing but the note lookups was in that request.
        notesLeft += notes.filter((n) => n !== undefined).length;
        notes = notes.map(() => undefined);
      }
    }

    const writes: Op[] = [];
    let cells = 0;
    const placed = restorable.map((r) => {
      const anchor = parseRangeAddress(r.cell) ?? { row: 0, col: 0, rows: 1, cols: 1 };
      return { sheet: r.sheet.toLowerCase(), row: anchor.row, col: anchor.col, single: r.range === r.cell, r };
    });
    for (const run of columnRuns(placed)) {
      const ws = sheetsByName.get(run[0].sheet);
      if (!ws) continue;
      if (run.length === 1 && !run[0].single) {
        // A spilling formula: its frozen range is emptied so that it can spill again.
        const { r } = run[0];
        const frozen = parseRangeAddress(r.range);
        cells += frozen ? frozen.rows * frozen.cols : 1;
        writes.push({
          chars: OP_OVERHEAD_CHARS * 2 + r.formula.length,
          apply: () => {
            ws.getRange(r.range).clear("Contents");
            ws.getRange(r.cell).formulas = [[r.formula]];
          },
        });
        continue;
      }
      cells += run.length;
      const formulas = run.map((p) => [p.r.formula]);
      for (const chunk of chunkRows(formulas, Math.floor(maxChars / 4), DEFAULT_MAX_CHUNK_ROWS)) {
        writes.push({
          chars: chunk.chars + OP_OVERHEAD_CHARS,
          chunkChars: chunk.chars,
          apply: () => (ws.getRangeByIndexes(run[0].row + chunk.start, run[0].col, chunk.rows.length, 1).formulas = chunk.rows),
        });
      }
    }
    // The record last: if a request fails before, the formulas not yet back are still recorded.
    const restoredKeys = new Set(restorable.map((r) => recordKey(r.sheet, r.cell)));
    const remaining = all.filter((r) => !restoredKeys.has(recordKey(r.sheet, r.cell)));
    if (remaining.length === 0) writes.push({ chars: OP_OVERHEAD_CHARS, apply: () => record.delete() });
    else writes.push(...recordOps(() => record, remaining, previous.length, lang, maxChars));
    await runBatches(writes, maxChars, sync);

    let removed = 0;
    let notesFailed = false;
    const ours = notes.filter((n): n is Excel.Note => n !== undefined && n.isNullObject !== true && String(n.content).includes(NOTE_MARK));
    if (ours.length > 0) {
      try {
        await runBatches(
          ours.map((n) => ({ chars: OP_OVERHEAD_CHARS, apply: () => n.delete() })),
          maxChars,
          sync,
        );
        removed = ours.length;
      } catch {
        // Deliberately not rethrown: the formulas are back; a leftover note is harmless and reported.
        notesFailed = true;
        notesLeft += ours.length;
      }
    }
    if (notesLeft > 0) notesFailed = true;

    const sheetCount = new Set(restorable.map((r) => r.sheet.toLowerCase())).size;
    let message = summary("restore", restorable.length, sheetCount, lang);
    if (missingRecords.length > 0) {
      message += ` ${excelText("restore.missingSheets", { formulas: countPhrase("formula", missingRecords.length, lang), names: missingSheets.join(", ") }, lang)}`;
    }
    if (notesLeft > 0) message += ` ${excelText("restore.notesLeft", { n: notesLeft }, lang)}`;
    return {
      formulas: restorable.length,
      sheets: sheetCount,
      cells,
      notes: removed,
      notesFailed,
      missing: missingRecords.length,
      missingSheets,
      message,
      syncs: sync.count(),
    };
  });
}
