import { blockWidth, lineOf } from "../plan/rows";
import { quoteSheet, rangeAddress, cellAddress, isFormulaCell } from "../plan/cells";
import { renameSheetsInPlan, resolveSheetNames } from "../plan/sheetNames";
import type { PlanValue, SheetPlan, WorkbookPlan } from "../plan/types";
import { CHART_PARTS, chartXml, drawingXml } from "./charts";
import { cleanWorkbookPlan, type WriteRemark } from "./cleanPlan";
import { compressedEntries, graftSheets, inspectBase, keptNames, markedSheets, SHEET_MARK, type PlanStrings, type StyleShift } from "./graft";
import { printNames, sheetTape } from "./sheetXml";
import type { PlainStrings } from "./readRows";
import { SharedStrings, StyleTable } from "./styles";
import { xmlText } from "./xmlText";
import { compressBlocks, feedTapes, joinBytes, zipChunks, type RawZipEntry, type ZipEntry } from "./zip";

/** What writing needs loaded ahead of a first `writeXlsxPackage` in a page (see `prepareDeflateWorker`). */
export { prepareDeflateWorker as prepareWriting } from "./zip";

export interface WriteXlsxOptions {
  /**
   * A workbook to add the sheets to (the bytes of an .xlsx file). It is never modified: its parts are copied as
   * they are and the plan's sheets are added after its sheets.
   */
  readonly base?: Uint8Array;
  /**
   * The base's plain shared strings, as the reader of those same bytes gives them (`XlsxSheets.plainStrings`):
   * the plan's texts the base has already (the clients' codes and names) are referred to there, not added again.
   * Left out when their number of items is not the base's.
   */
  readonly baseStrings?: PlainStrings;
  /**
   * Replace the base's sheets that have the plan's names and that PAC Commercial wrote (they carry
   * `SHEET_MARK`); a user's own sheet of that name is kept and the plan's sheet written as "PAC (2)"… Default:
   * replace nothing.
   */
  readonly replace?: boolean;
  /** Base sheets never replaced, whatever `replace` says (case-insensitive): the sheets the caller read. */
  readonly keep?: Iterable<string>;
  /**
   * Plan sheets written without PAC Commercial's mark: the user's data the caller puts in the plan (a CSV's
   * rows), which a later `replace` must never drop.
   */
  readonly unmarked?: Iterable<string>;
}

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
} as const;
const REL = {
  document: `${NS.r}/officeDocument`,
  worksheet: `${NS.r}/worksheet`,
  styles: `${NS.r}/styles`,
  sharedStrings: `${NS.r}/sharedStrings`,
  table: `${NS.r}/table`,
  customProperty: `${NS.r}/customProperty`,
} as const;
const TYPE = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  customProperty: "application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty",
} as const;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const ENCODER = new TextEncoder();

/** A name not yet used in `taken` (case-insensitive): `name`, else `name_2`, `name_3`… */
function freeName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let k = 2; taken.has(candidate.toUpperCase()); k++) candidate = `${name}_${k}`;
  taken.add(candidate.toUpperCase());
  return candidate;
}

/** Upper-case, as sheet, defined and table names compare in Excel. */
function upper(names: Iterable<string>): Set<string> {
  return new Set([...names].map((n) => n.toUpperCase()));
}

function relsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  return `${XML_HEAD}<Relationships xmlns="${NS.rels}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlText(r.target)}"/>`).join("")}</Relationships>`;
}

/** The value of a cell of the plan (the last block with a value there wins), for a table's header. */
function valueAt(sheet: SheetPlan, row: number, col: number): PlanValue {
  let v: PlanValue = null;
  for (const b of sheet.blocks) {
    const i = row - b.row;
    const cell = i >= 0 && i < b.values.length ? lineOf(b.values, i)[col - b.col] : undefined;
    if (cell !== undefined && cell !== null) v = cell;
  }
  return v;
}

/** A table's column names: its header cells' texts, made unique (Excel requires it) and never empty. */
function tableColumns(sheet: SheetPlan, row: number, col: number, cols: number): string[] {
  const seen = new Set<string>();
  return Array.from({ length: cols }, (_, j) => {
    const v = valueAt(sheet, row, col + j);
    const text = isFormulaCell(v) ? String(v.result ?? "") : v === null ? "" : String(v);
    const base = text.trim() === "" ? `Colonne${j + 1}` : text;
    let name = base;
    for (let k = 2; seen.has(name.toUpperCase()); k++) name = `${base}${k}`;
    seen.add(name.toUpperCase());
    return name;
  });
}

/** The Unicode text of a custom property part, as Excel saves a property added by Office.js (UTF-16LE). */
function utf16(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[i * 2] = text.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

/**
 * The parts of the plan's own package: workbook, styles, shared strings, one worksheet per sheet (written in
 * one pass, see `sheetXml`), its tables, drawing and charts, and the mark on each marked sheet. `shift` moves
 * every style and string id past a base's (the graft appends ours after them).
 */
async function planParts(
  job: { sheets: readonly SheetPlan[] },
  options: {
    readonly names: Set<string>;
    readonly tables: Set<string>;
    readonly shift: StyleShift;
    /** The base's plain shared strings (see `WriteXlsxOptions.baseStrings`). */
    readonly baseStrings?: PlainStrings;
    readonly marked: ReadonlySet<string>;
    readonly selectFirst: boolean;
    /** The parts go to `graftSheets`, not to a package of their own. */
    readonly graft: boolean;
  },
): Promise<{ entries: (ZipEntry | RawZipEntry)[]; strings?: PlanStrings }> {
  const styles = new StyleTable();
  const strings = new SharedStrings(options.shift.sst, options.baseStrings);
  // A sheet's entry is a promise until deflated: the next sheet is written meanwhile (see `feedBlocks`).
  const entries: (ZipEntry | RawZipEntry | Promise<RawZipEntry>)[] = [];
  const overrides: [string, string][] = [];
  const add = (name: string, data: Uint8Array | string, type?: string): void => {
    entries.push({ name, data: typeof data === "string" ? ENCODER.encode(data) : data });
    if (type) overrides.push([name, type]);
  };
  const definedNames: string[] = [];
  let tableCount = 0;
  let drawingCount = 0;
  let chartCount = 0;
  let markCount = 0;
  // The sheets are taken from `job` and each is let go once written: a 100 000-client Cibles (120 MB of values)
  // is not kept while the next sheets are written, when the caller keeps no reference to the plan either (a
  // suspended async function keeps its variables, used or not: `writeXlsxPackage` clears its own).
  const queue: (SheetPlan | undefined)[] = [...job.sheets];
  job.sheets = [];
  const firstVisible = queue.findIndex((s) => (s?.visibility ?? "visible") === "visible");
  const sheetList = queue
    .map((s, k) => `<sheet name="${xmlText(s?.name ?? "")}" sheetId="${k + 1}"${(s?.visibility ?? "visible") === "visible" ? "" : ` state="${s?.visibility}"`} r:id="rId${k + 1}"/>`)
    .join("");
  for (let k = 0; k < queue.length; k++) {
    const sheet = queue[k] as SheetPlan;
    queue[k] = undefined;
    const path = `xl/worksheets/sheet${k + 1}.xml`;
    const rels: { id: string; type: string; target: string }[] = [];
    const rel = (type: string, target: string): string => {
      const id = `rId${rels.length + 1}`;
      rels.push({ id, type, target });
      return id;
    };
    const tableIds = (sheet.tables ?? []).map((table) => {
      const file = `table${++tableCount}.xml`;
      const name = freeName(table.name, options.tables);
      const { row, col, cols } = table.range;
      const ref = rangeAddress(table.range, false);
      const columns = tableColumns(sheet, row, col, cols)
        .map((c, j) => `<tableColumn id="${j + 1}" name="${xmlText(c)}"/>`)
        .join("");
      add(
        `xl/tables/${file}`,
        `${XML_HEAD}<table xmlns="${NS.main}" id="${tableCount}" name="${xmlText(name)}" displayName="${xmlText(name)}" ref="${ref}" totalsRowShown="0">` +
          `<autoFilter ref="${ref}"/><tableColumns count="${cols}">${columns}</tableColumns>` +
          `<tableStyleInfo name="${xmlText(table.style ?? "TableStyleLight9")}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
        TYPE.table,
      );
      return rel(REL.table, `../tables/${file}`);
    });
    let drawing: string | undefined;
    const charts = sheet.charts ?? [];
    if (charts.length > 0) {
      const file = `drawing${++drawingCount}.xml`;
      const chartRels = charts.map((chart, j) => {
        const chartFile = `chart${++chartCount}.xml`;
        add(`xl/charts/${chartFile}`, chartXml(chart, sheet), CHART_PARTS.chartType);
        return { id: `rId${j + 1}`, type: CHART_PARTS.chartRel, target: `../charts/${chartFile}` };
      });
      add(`xl/drawings/${file}`, drawingXml(charts, chartRels.map((r) => r.id)), CHART_PARTS.drawingType);
      add(`xl/drawings/_rels/${file}.rels`, relsXml(chartRels));
      drawing = rel(CHART_PARTS.drawingRel, `../drawings/${file}`);
    }
    let mark: string | undefined;
    if (options.marked.has(sheet.name)) {
      const file = `customProperty${++markCount}.bin`;
      add(`xl/${file}`, utf16(SHEET_MARK.value), TYPE.customProperty);
      mark = rel(REL.customProperty, `../${file}`);
    }
    const tape = sheetTape(sheet, { styles, strings, shift: options.shift, links: { drawing, tables: tableIds, mark }, selected: options.selectFirst && k === firstVisible });
    // Compressed chunk by chunk as it is written: the sheet is never whole in memory, uncompressed.
    entries.push((await feedTapes(path, tape, { large: cellCount(sheet) > LARGE_SHEET_CELLS })).entry);
    overrides.push([path, TYPE.worksheet]);
    if (rels.length > 0) add(`xl/worksheets/_rels/sheet${k + 1}.xml.rels`, relsXml(rels));
    for (const named of sheet.names ?? []) {
      definedNames.push(`<definedName name="${xmlText(freeName(named.name, options.names))}">${xmlText(`${quoteSheet(sheet.name)}!${cellAddress(named.row, named.col)}`)}</definedName>`);
    }
    definedNames.push(...printNames(sheet, k));
  }

  add(
    "xl/workbook.xml",
    `${XML_HEAD}<workbook xmlns="${NS.main}" xmlns:r="${NS.r}"><workbookPr/>` +
      `<bookViews><workbookView activeTab="${Math.max(0, firstVisible)}"/></bookViews><sheets>${sheetList}</sheets>` +
      (definedNames.length > 0 ? `<definedNames>${definedNames.join("")}</definedNames>` : "") +
      '<calcPr calcId="171027"/></workbook>',
    TYPE.workbook,
  );
  add(
    "xl/_rels/workbook.xml.rels",
    relsXml([
      ...queue.map((_, k) => ({ id: `rId${k + 1}`, type: REL.worksheet, target: `worksheets/sheet${k + 1}.xml` })),
      { id: `rId${queue.length + 1}`, type: REL.styles, target: "styles.xml" },
      { id: `rId${queue.length + 2}`, type: REL.sharedStrings, target: "sharedStrings.xml" },
    ]),
  );
  add("xl/styles.xml", styles.xml(), TYPE.styles);
  const sst = strings.blocks();
  // Grafted into a base, the items are appended to the base's as bytes (see `graftSheets`): not deflated here,
  // not joined, and their number is the table's own.
  const planStrings: PlanStrings | undefined = options.graft ? { blocks: sst, count: strings.size } : undefined;
  if (!options.graft) {
    entries.push(await compressBlocks("xl/sharedStrings.xml", sst, { large: strings.size > LARGE_SHEET_CELLS / 4 }));
    overrides.push(["xl/sharedStrings.xml", TYPE.sharedStrings]);
  }
  add("_rels/.rels", relsXml([{ id: "rId1", type: REL.document, target: "xl/workbook.xml" }]));
  const types =
    `${XML_HEAD}<Types xmlns="${NS.types}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>${overrides.map(([name, type]) => `<Override PartName="/${name}" ContentType="${type}"/>`).join("")}</Types>`;
  return { entries: [{ name: "[Content_Types].xml", data: ENCODER.encode(types) }, ...(await Promise.all(entries))], ...(planStrings ? { strings: planStrings } : {}) };
}

/** A sheet of more cells than this is deflated at level 1 (its XML passes about 8 MB, see `compressBlocks`). */
const LARGE_SHEET_CELLS = 200_000;

function cellCount(sheet: SheetPlan): number {
  return sheet.blocks.reduce((n, b) => n + b.values.length * blockWidth(b), 0);
}

/** An .xlsx package and the names its plan sheets were written under. */
export interface WrittenXlsx {
  /** The file, as the pieces to write one after the other (a file writer need not join them). */
  readonly chunks: readonly Uint8Array[];
  /** The whole file (the pieces joined on first read). */
  readonly bytes: Uint8Array;
  /** The written name of each plan sheet, in plan order ("PAC (2)" when "PAC" was taken and kept). */
  readonly sheetNames: readonly string[];
  /** The base's sheets dropped because `replace` was asked and PAC Commercial had written them. */
  readonly replacedSheets: readonly string[];
  /** The base's sheets with a plan sheet's name that `replace` did not drop: the user's own (or read) sheets. */
  readonly keptSheets: readonly string[];
  /** What the writer changed so the file stays valid (forbidden characters, long texts, macros left out). */
  readonly remarks: readonly WriteRemark[];
}

/** What `writeXlsxPackage` decides before writing: names, sheets replaced, and the plan's sheets to write. */
interface PackageLayout {
  /** The plan's sheets, cleaned and renamed, for `planParts` (which takes them). */
  readonly job: { sheets: readonly SheetPlan[] };
  readonly info?: Awaited<ReturnType<typeof inspectBase>>;
  readonly baseSheets: readonly string[];
  readonly colliding: readonly string[];
  readonly replaced: ReadonlySet<string>;
  readonly sheetNames: readonly string[];
  readonly kept: { definedNames: string[]; tables: string[] };
  readonly marked: ReadonlySet<string>;
  readonly remarks: WriteRemark[];
}

async function packageLayout(plan: WorkbookPlan, options: WriteXlsxOptions): Promise<PackageLayout> {
  const replace = options.replace === true;
  const cleaned = cleanWorkbookPlan(plan);
  const remarks: WriteRemark[] = [...cleaned.remarks];
  const base = options.base;
  const info = base ? await inspectBase(base) : undefined;
  const baseSheets = info?.sheets ?? [];
  const planNames = upper(cleaned.plan.sheets.map((s) => s.name));
  const keep = upper(options.keep ?? []);
  const colliding = baseSheets.filter((s) => planNames.has(s.toUpperCase()));
  // An earlier run may have written "Cibles (2)" beside a user's "Cibles": replacing drops it too (if marked).
  const variant = (s: string): boolean => {
    const m = /^(.*) \((\d+)\)$/.exec(s);
    return m !== null && planNames.has(m[1].toUpperCase());
  };
  const candidates = upper(baseSheets.filter((s) => (planNames.has(s.toUpperCase()) || variant(s)) && !keep.has(s.toUpperCase())));
  const replaced = replace && base ? await markedSheets(base, candidates) : new Set<string>();
  const renames = resolveSheetNames(
    cleaned.plan,
    baseSheets.filter((s) => !replaced.has(s.toUpperCase())),
    false,
  );
  const sheetNames = cleaned.plan.sheets.map((s) => renames.get(s.name) ?? s.name);
  const written = renameSheetsInPlan(cleaned.plan, renames);
  const kept = info ? keptNames(info, replaced) : { definedNames: [], tables: [] };
  const visible = written.sheets.some((s) => (s.visibility ?? "visible") === "visible");
  if (!visible && !base) throw new TypeError("writeXlsx: every sheet of the plan is hidden, and a workbook needs one visible sheet");
  const unmarked = new Set(options.unmarked ?? []);
  const planSheetNames = cleaned.plan.sheets.map((s) => s.name);
  const marked = new Set(written.sheets.filter((_, k) => !unmarked.has(planSheetNames[k])).map((s) => s.name));
  return { job: { sheets: written.sheets }, ...(info ? { info } : {}), baseSheets, colliding, replaced, sheetNames, kept, marked, remarks };
}

/**
 * Writes a workbook plan to .xlsx bytes, in one pass per sheet straight to sheet XML (shared strings, a style
 * table with ids; see `sheetXml`), in Node and in the browser alike (no Node module, no Buffer). With a base
 * workbook, the plan's sheets are written with their ids past the base's and grafted into the base's package
 * after its sheets (see `graft`): the base's own parts are copied byte for byte, so its sheets are never
 * modified — charts, pivot tables and all. A sheet name already taken gets " (2)", " (3)"… (the plan's
 * formulas follow), unless `replace` drops the base's sheet of that name first (never one named in `keep`);
 * defined names and table names already taken get "_2", "_3"…
 *
 * @throws Error when the base cannot be read as an .xlsx package.
 * @throws TypeError when every sheet of a plan written without a base is hidden.
 */
export function writeXlsxPackage(plan: WorkbookPlan, options: WriteXlsxOptions = {}): Promise<WrittenXlsx> {
  // Not itself async: a suspended async function keeps its parameters alive, so the plan would stay whole until
  // the end. From the layout on, only `layout.job` holds the plan's sheets, and `planParts` lets each go once
  // written (when the caller keeps no reference to the plan either).
  return writeLaidOut(packageLayout(plan, options), options);
}

async function writeLaidOut(laidOut: Promise<PackageLayout>, options: WriteXlsxOptions): Promise<WrittenXlsx> {
  const base = options.base;
  const layout = await laidOut;
  const { info, replaced, kept, marked, remarks } = layout;
  const { entries, strings } = await planParts(layout.job, {
    names: upper(kept.definedNames),
    tables: upper(kept.tables),
    shift: info?.shift ?? { xf: 0, dxf: 0, sst: 0 },
    ...(base && options.baseStrings ? { baseStrings: options.baseStrings } : {}),
    marked,
    // Into a base, the base's own tab stays the selected one.
    selectFirst: !base,
    graft: base !== undefined,
  });
  let chunks: readonly Uint8Array[];
  if (base && info) {
    const grafted = await graftSheets(base, entries, info.shift, replaced, strings);
    chunks = grafted.chunks;
    if (grafted.macroParts > 0) remarks.push({ kind: "macrosDropped", count: grafted.macroParts });
  } else chunks = zipChunks(await compressedEntries(entries));
  let bytes: Uint8Array | undefined;
  return {
    chunks,
    get bytes(): Uint8Array {
      return (bytes ??= joinBytes(chunks));
    },
    sheetNames: layout.sheetNames,
    replacedSheets: layout.baseSheets.filter((s) => replaced.has(s.toUpperCase())),
    keptSheets: layout.colliding.filter((s) => !replaced.has(s.toUpperCase())),
    remarks,
  };
}

/**
 * `writeXlsxPackage`'s bytes, as a Buffer for Node callers (fs, streams); outside Node, where there is no
 * Buffer, the plain bytes.
 *
 * @throws Error when the base cannot be read as an .xlsx package.
 */
export async function writeXlsx(plan: WorkbookPlan, options: WriteXlsxOptions = {}): Promise<Buffer> {
  const { bytes } = await writeXlsxPackage(plan, options);
  return (typeof Buffer === "undefined" ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as Buffer;
}
