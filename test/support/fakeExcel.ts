/**
 * A recording fake of exactly the part of the Excel JavaScript API that `src/excel` uses, for tests. It keeps
 * Office's proxy semantics where they matter: commands are queued and run in order at `sync()`, loaded
 * properties are readable only after the sync that ran the load, `*OrNullObject` results say whether they are
 * null only after a sync, a failing command stops the rest of its request. Every command is logged with the
 * request it went in, the sheet it touched and its JSON size, so tests can count syncs, measure payloads and
 * check that the user's sheets are never written.
 *
 * Cells are typed input, as in Excel: a string starting with "'" is text (the apostrophe dropped), one
 * starting with "=" is a formula, "+x", "-x", "@x" become formulas too, numeric strings become numbers.
 *
 * Test support, never bundled: it lives in test/support, outside src/.
 */
import type { ExcelRun } from "../../src/excel/env";

export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface CellModel {
  value: unknown;
  formula?: string;
  /** Typed input that Excel turned into something else than the text given ("-x" into a formula). */
  coerced?: boolean;
  /** Anchor of a dynamic array: the size of its spill range. */
  spill?: { rows: number; cols: number };
  numberFormat?: string;
}

/** A property set or a method called on a write-only part (format, chart, page layout…). */
export interface FeatureCall {
  readonly path: string;
  readonly value?: unknown;
  readonly args?: readonly unknown[];
  /** Address of the range the call was made on, when there is one. */
  readonly address?: string;
}

export interface TableModel {
  name: string;
  readonly sheet: SheetModel;
  readonly address: string;
  style?: string;
}

export class SheetModel {
  readonly cells = new Map<string, CellModel>();
  readonly notes = new Map<string, string>();
  readonly customProperties = new Map<string, string>();
  readonly names = new Map<string, string>();
  readonly features: FeatureCall[] = [];
  /** Manual horizontal page breaks: the rows (0-based) that start a printed page, in the order added. */
  readonly rowBreaks: number[] = [];
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  tabColor = "";
  /** Set by `worksheet.protection.protect()`: the sheet then refuses values, formats and features, as Excel does. */
  protection?: { readonly password?: string };
  constructor(public name: string) {}

  cell(row: number, col: number): CellModel | undefined {
    return this.cells.get(`${row},${col}`);
  }

  setCell(row: number, col: number, cell: CellModel | undefined): void {
    if (cell === undefined) this.cells.delete(`${row},${col}`);
    else this.cells.set(`${row},${col}`, cell);
  }

  usedRect(): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const key of this.cells.keys()) {
      const [r, c] = key.split(",").map(Number);
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  featuresAt(path: string): FeatureCall[] {
    return this.features.filter((f) => f.path === path);
  }
}

/** One command as it ran. `sheet` is the sheet it changed or read; `chunkChars` the JSON size of its 2-D array. */
export interface LoggedOp {
  readonly request: number;
  readonly kind: string;
  readonly sheet?: SheetModel;
  readonly chars: number;
  readonly chunkChars?: number;
  readonly address?: string;
}

export interface Request {
  readonly chars: number;
  readonly ops: readonly LoggedOp[];
}

interface Pending {
  readonly kind: string;
  readonly chars: number;
  readonly chunkChars?: number;
  readonly exec: () => { sheet?: SheetModel; address?: string } | void;
}

interface Settleable {
  settle(): void;
}

/** The JSON size a command adds besides its data. */
const ENVELOPE = 60;

function columnName(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(rect: Rect): string {
  const first = `${columnName(rect.col)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return first;
  return `${first}:${columnName(rect.col + rect.cols - 1)}${rect.row + rect.rows}`;
}

function parseA1(address: string): Rect {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const parts = local.split(":").map((p) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(p);
    if (!m) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]) - 1, col: col - 1 };
  });
  const [s, e] = [parts[0], parts[1] ?? parts[0]];
  return { row: s.row, col: s.col, rows: e.row - s.row + 1, cols: e.col - s.col + 1 };
}

function inRect(rect: Rect, row: number, col: number): boolean {
  return row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols;
}

/** What a cell holds after typing `input` into it. */
function typedInput(input: unknown): CellModel | undefined {
  if (input === null || input === undefined || input === "") return undefined;
  if (typeof input !== "string") return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith("=")) return { value: null, formula: input };
  if (/^[+\-@]/.test(input)) {
    if (/^[+-]?\d+(\.\d+)?$/.test(input)) return { value: Number(input), coerced: true };
    return { value: "#NAME?", formula: `=${input}`, coerced: true };
  }
  if (/^\d+(\.\d+)?$/.test(input)) return { value: Number(input), coerced: true };
  if (/^(true|false)$/i.test(input)) return { value: input.toUpperCase() === "TRUE", coerced: true };
  return { value: input };
}

function jsonSize(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 4;
  } catch {
    // A proxy or a cyclic structure: priced as a reference.
    return 20;
  }
}

function quoteName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export class FakeExcel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  /** Workbook-scoped defined names. */
  readonly workbookNames: string[] = [];
  activeSheet?: SheetModel;
  selection?: { sheet: SheetModel; rect: Rect };
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual" = "Automatic";
  /** Store written cells; off for very large runs where only the log matters. */
  storeCells = true;
  /** Makes the command of this kind fail when it runs (and the rest of its request not run). */
  failOn?: (kind: string, request: number) => boolean;
  /**
   * The loaded office.js: `notes: false` is a library older than ExcelApi 1.18 (before 1.1.1xx on the CDN, or
   * the old npm copy), whose worksheets have no `notes` property whatever the host reports.
   */
  library: { notes: boolean } = { notes: true };

  readonly requests: Request[] = [];
  readonly log: LoggedOp[] = [];
  private pending: Pending[] = [];
  private unsettled: Settleable[] = [];

  get syncs(): number {
    return this.requests.length;
  }

  /** Adds a sheet of the user's. `rows` are typed input from A1 ("=…" cells are formulas, showing `null`). */
  addSheet(name: string, rows: readonly (readonly unknown[])[] = []): SheetModel {
    const sheet = new SheetModel(name);
    rows.forEach((row, r) => row.forEach((v, c) => sheet.setCell(r, c, typedInput(v))));
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  readonly run: ExcelRun = async (batch) => batch(new FakeContext(this) as unknown as Excel.RequestContext);

  enqueue(p: Pending): void {
    this.pending.push(p);
  }

  track(s: Settleable): void {
    this.unsettled.push(s);
  }

  async sync(): Promise<void> {
    const ops = this.pending;
    this.pending = [];
    const request = this.requests.length + 1;
    const logged: LoggedOp[] = [];
    this.requests.push({ chars: ops.reduce((n, op) => n + op.chars, 0), ops: logged });
    try {
      for (const op of ops) {
        if (this.failOn?.(op.kind, request)) throw new FakeOfficeError("GeneralException", `injected failure on ${op.kind}`);
        const touched = op.exec() ?? {};
        const entry: LoggedOp = { request, kind: op.kind, chars: op.chars, chunkChars: op.chunkChars, ...touched };
        logged.push(entry);
        this.log.push(entry);
      }
    } finally {
      const settle = this.unsettled;
      this.unsettled = [];
      for (const s of settle) s.settle();
    }
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (this.sheets.some((s) => s !== sheet && s.name.toLowerCase() === name.toLowerCase())) {
      throw new FakeOfficeError("ItemAlreadyExists", `sheet ${name} exists`);
    }
    const old = sheet.name;
    const quoted = new RegExp(`${escapeRegExp(quoteName(old))}!`, "gi");
    const bare = new RegExp(`(^|[^A-Za-z0-9_.'])${escapeRegExp(old)}!`, "gi");
    for (const s of this.sheets) {
      for (const cell of s.cells.values()) {
        if (cell.formula) cell.formula = cell.formula.replace(quoted, `${quoteName(name)}!`).replace(bare, `$1${quoteName(name)}!`);
      }
    }
    sheet.name = name;
  }

  /** Writes typed input into a rectangle, as `values` or `formulas` do. */
  writeCells(sheet: SheetModel, rect: Rect, rows: readonly (readonly unknown[])[]): void {
    if (rows.length !== rect.rows || rows.some((r) => r.length !== rect.cols)) {
      throw new FakeOfficeError("InvalidArgument", `array ${rows.length}×${rows[0]?.length} does not match ${a1(rect)}`);
    }
    if (!this.storeCells) return;
    for (let i = 0; i < rect.rows; i++) {
      for (let j = 0; j < rect.cols; j++) {
        const [r, c] = [rect.row + i, rect.col + j];
        const before = sheet.cell(r, c);
        if (before?.spill) {
          // Replacing a dynamic array's anchor empties the cells it spilled into, unless written now.
          for (let a = 0; a < before.spill.rows; a++) {
            for (let b = 0; b < before.spill.cols; b++) {
              if ((a || b) && !inRect(rect, r + a, c + b)) sheet.setCell(r + a, c + b, undefined);
            }
          }
        }
        const cell = typedInput(rows[i][j]);
        if (cell && before?.numberFormat) cell.numberFormat = before.numberFormat;
        sheet.setCell(r, c, cell);
      }
    }
  }
}

class FakeContext {
  readonly workbook: FakeWorkbook;
  constructor(private readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(fake);
  }
  sync(): Promise<void> {
    return this.fake.sync();
  }
}

function notLoaded(what: string): never {
  throw new FakeOfficeError("PropertyNotLoaded", `${what} was not loaded`);
}

function props(list: string): string[] {
  return list.split(",").map((p) => p.trim());
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeTables;
  readonly names: FakeNames;
  readonly application: FakeApplication;
  constructor(private readonly fake: FakeExcel) {
    this.worksheets = new FakeWorksheets(fake);
    this.tables = new FakeTables(fake);
    this.names = new FakeNames(fake);
    this.application = new FakeApplication(fake);
  }
  getSelectedRange(): FakeRange {
    const fake = this.fake;
    return new FakeRange(fake, () => {
      if (!fake.selection) throw new FakeOfficeError("ItemNotFound", "no selection");
      return fake.selection;
    });
  }
}

class FakeApplication {
  private loaded?: string;
  constructor(private readonly fake: FakeExcel) {}
  load(_: string): void {
    this.fake.enqueue({ kind: "application.load", chars: ENVELOPE, exec: () => void (this.loaded = this.fake.calculationMode) });
  }
  get calculationMode(): string {
    return this.loaded ?? notLoaded("calculationMode");
  }
  suspendApiCalculationUntilNextSync(): void {
    this.fake.enqueue({ kind: "application.suspendApiCalculationUntilNextSync", chars: ENVELOPE, exec: () => undefined });
  }
  calculate(type: string): void {
    this.fake.enqueue({ kind: `application.calculate(${type})`, chars: ENVELOPE, exec: () => undefined });
  }
}

class FakeTables {
  private loaded?: { name: string; worksheet: { name: string } }[];
  constructor(private readonly fake: FakeExcel) {}
  load(_: string): void {
    this.fake.enqueue({
      kind: "tables.load",
      chars: ENVELOPE,
      exec: () => void (this.loaded = this.fake.tables.map((t) => ({ name: t.name, worksheet: { name: t.sheet.name } }))),
    });
  }
  get items(): { name: string; worksheet: { name: string } }[] {
    return this.loaded ?? notLoaded("tables.items");
  }
}

class FakeNames {
  private loaded?: { name: string }[];
  constructor(private readonly fake: FakeExcel) {}
  load(_: string): void {
    this.fake.enqueue({ kind: "names.load", chars: ENVELOPE, exec: () => void (this.loaded = this.fake.workbookNames.map((name) => ({ name }))) });
  }
  get items(): { name: string }[] {
    return this.loaded ?? notLoaded("names.items");
  }
}

class FakeWorksheets {
  private loaded?: FakeWorksheet[];
  constructor(private readonly fake: FakeExcel) {}

  load(list: string): void {
    const wanted = props(list).map((p) => p.replace(/^items\//, ""));
    this.fake.enqueue({
      kind: "worksheets.load",
      chars: ENVELOPE,
      exec: () => {
        this.loaded = this.fake.sheets.map((model) => {
          const ws = new FakeWorksheet(this.fake, () => model, false);
          ws.snapshot(wanted);
          return ws;
        });
      },
    });
  }
  get items(): FakeWorksheet[] {
    return this.loaded ?? notLoaded("worksheets.items");
  }
  add(name: string): FakeWorksheet {
    let model: SheetModel | undefined;
    const ws = new FakeWorksheet(this.fake, () => model ?? notLoaded(`sheet ${name} (not added yet)`), false);
    this.fake.enqueue({
      kind: "worksheets.add",
      chars: ENVELOPE + name.length,
      exec: () => {
        if (this.fake.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `sheet ${name} exists`);
        model = new SheetModel(name);
        this.fake.sheets.push(model);
        return { sheet: model };
      },
    });
    return ws;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.fake, () => this.fake.sheet(name) ?? null, false, name);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.fake, () => this.fake.sheet(name) ?? null, true, name);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.fake, () => this.fake.activeSheet ?? null, false, "(active)");
  }
}

class FakeWorksheet {
  private bound?: SheetModel | null;
  private settledNull?: boolean;
  private readonly values = new Map<string, unknown>();
  readonly customProperties: FakeCustomProperties;
  readonly notes?: FakeNotes;
  readonly names: { add: (name: string, range: FakeRange) => void };
  readonly tables: { add: (range: FakeRange, hasHeaders: boolean) => FakeTable };
  readonly horizontalPageBreaks: { add: (pageBreakRange: FakeRange | string) => void };
  readonly charts: unknown;
  readonly protection: { protect: (options?: unknown, password?: string) => void };
  readonly freezePanes: unknown;
  readonly pageLayout: unknown;

  constructor(
    private readonly fake: FakeExcel,
    private readonly resolver: () => SheetModel | null,
    private readonly nullable: boolean,
    private readonly label = "",
  ) {
    fake.track(this);
    this.customProperties = new FakeCustomProperties(fake, this);
    if (fake.library.notes) this.notes = new FakeNotes(fake, this);
    this.names = {
      add: (name, range) =>
        fake.enqueue({
          kind: "worksheet.names.add",
          chars: ENVELOPE + name.length,
          exec: () => {
            const { sheet, rect } = range.resolve();
            sheet.names.set(name, a1(rect));
            return { sheet };
          },
        }),
    };
    this.tables = {
      add: (range) => {
        const table = new FakeTable(fake);
        fake.enqueue({
          kind: "worksheet.tables.add",
          chars: ENVELOPE,
          exec: () => {
            const { sheet, rect } = range.resolve();
            const model: TableModel = { name: `Table${fake.tables.length + 1}`, sheet, address: a1(rect) };
            fake.tables.push(model);
            table.model = model;
            return { sheet, address: model.address };
          },
        });
        return table;
      },
    };
    // `add(range)` puts a break before the range's top-left cell. A break before row 1 or a range of another
    // sheet is refused here (the writer must never send either); adding an existing break again is a no-op.
    this.horizontalPageBreaks = {
      add: (pageBreakRange) =>
        fake.enqueue({
          kind: "worksheet.horizontalPageBreaks.add",
          chars: ENVELOPE + 20,
          exec: () => {
            const sheet = this.resolve();
            let rect: Rect;
            if (typeof pageBreakRange === "string") {
              rect = parseA1(pageBreakRange);
            } else {
              const target = pageBreakRange.resolve();
              if (target.sheet !== sheet) throw new FakeOfficeError("InvalidArgument", "page break range on another sheet");
              rect = target.rect;
            }
            if (rect.row === 0) throw new FakeOfficeError("InvalidArgument", "no page break before row 1");
            if (!sheet.rowBreaks.includes(rect.row)) sheet.rowBreaks.push(rect.row);
            sheet.features.push({ path: "horizontalPageBreaks.add()", args: [a1(rect)], address: a1(rect) });
            return { sheet, address: a1(rect) };
          },
        }),
    };
    this.charts = recorder(fake, "charts", () => ({ sheet: this.resolve() }));
    this.protection = {
      protect: (options, password) =>
        fake.enqueue({
          kind: "worksheet.protection.protect",
          chars: ENVELOPE + (password?.length ?? 0),
          exec: () => {
            const sheet = this.resolve();
            if (sheet.protection) throw new FakeOfficeError("InvalidOperation", `sheet ${sheet.name} is already protected`);
            sheet.protection = password === undefined ? {} : { password };
            sheet.features.push({ path: "protection.protect()", args: [options, password] });
            return { sheet };
          },
        }),
    };
    this.freezePanes = recorder(fake, "freezePanes", () => ({ sheet: this.resolve() }));
    this.pageLayout = recorder(fake, "pageLayout", () => ({ sheet: this.resolve() }));
  }

  /** The sheet model; `ItemNotFound` when it does not exist. */
  resolve(): SheetModel {
    if (this.bound === undefined || this.bound === null) this.bound = this.resolver();
    if (!this.bound) throw new FakeOfficeError("ItemNotFound", `sheet ${this.label} not found`);
    if (!this.fake.sheets.includes(this.bound)) throw new FakeOfficeError("ItemNotFound", `sheet ${this.bound.name} was deleted`);
    return this.bound;
  }

  settle(): void {
    if (this.settledNull !== undefined) return;
    if (this.bound === undefined) {
      try {
        this.bound = this.resolver();
      } catch {
        this.bound = null;
      }
    }
    this.settledNull = this.bound === null;
  }

  get isNullObject(): boolean {
    if (this.settledNull === undefined) notLoaded("isNullObject");
    return this.settledNull;
  }

  snapshot(wanted: readonly string[]): void {
    const model = this.nullable ? this.resolver() : this.resolve();
    this.bound = model;
    if (!model) return;
    for (const p of wanted) {
      if (p === "name") this.values.set("name", model.name);
      else if (p === "position") this.values.set("position", this.fake.sheets.indexOf(model));
      else if (p === "visibility") this.values.set("visibility", model.visibility);
      else throw new FakeOfficeError("InvalidArgument", `fake: cannot load worksheet.${p}`);
    }
  }

  load(list: string): void {
    this.fake.enqueue({
      kind: "worksheet.load",
      chars: ENVELOPE,
      exec: () => {
        this.snapshot(props(list));
        return this.bound ? { sheet: this.bound } : undefined;
      },
    });
  }

  private loadedValue(p: string): unknown {
    if (!this.values.has(p)) notLoaded(`worksheet.${p}`);
    return this.values.get(p);
  }
  get name(): string {
    return this.loadedValue("name") as string;
  }
  set name(value: string) {
    this.fake.enqueue({
      kind: "worksheet.name",
      chars: ENVELOPE + value.length,
      exec: () => {
        const sheet = this.resolve();
        this.fake.renameSheet(sheet, value);
        return { sheet };
      },
    });
  }
  get position(): number {
    return this.loadedValue("position") as number;
  }
  set position(value: number) {
    this.fake.enqueue({
      kind: "worksheet.position",
      chars: ENVELOPE,
      exec: () => {
        const sheet = this.resolve();
        const list = this.fake.sheets;
        list.splice(list.indexOf(sheet), 1);
        list.splice(Math.min(value, list.length), 0, sheet);
        return { sheet };
      },
    });
  }
  get visibility(): string {
    return this.loadedValue("visibility") as string;
  }
  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    this.fake.enqueue({ kind: "worksheet.visibility", chars: ENVELOPE, exec: () => ({ sheet: Object.assign(this.resolve(), { visibility: value }) }) });
  }
  set tabColor(value: string) {
    this.fake.enqueue({ kind: "worksheet.tabColor", chars: ENVELOPE, exec: () => ({ sheet: Object.assign(this.resolve(), { tabColor: value }) }) });
  }

  delete(): void {
    this.fake.enqueue({
      kind: "worksheet.delete",
      chars: ENVELOPE,
      exec: () => {
        const sheet = this.resolve();
        this.fake.sheets.splice(this.fake.sheets.indexOf(sheet), 1);
        for (let i = this.fake.tables.length - 1; i >= 0; i--) if (this.fake.tables[i].sheet === sheet) this.fake.tables.splice(i, 1);
        if (this.fake.activeSheet === sheet) this.fake.activeSheet = this.fake.sheets[0];
        return { sheet };
      },
    });
  }

  activate(): void {
    this.fake.enqueue({ kind: "worksheet.activate", chars: ENVELOPE, exec: () => ({ sheet: (this.fake.activeSheet = this.resolve()) }) });
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.fake, () => ({ sheet: this.resolve(), rect: { row, col, rows, cols } }));
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.fake, () => ({ sheet: this.resolve(), rect: parseA1(address) }));
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.fake,
      () => {
        const sheet = this.resolve();
        const rect = sheet.usedRect();
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }
}

class FakeCustomProperties {
  constructor(
    private readonly fake: FakeExcel,
    private readonly ws: FakeWorksheet,
  ) {}
  add(key: string, value: string): void {
    this.fake.enqueue({
      kind: "worksheet.customProperties.add",
      chars: ENVELOPE + key.length + value.length,
      exec: () => {
        const sheet = this.ws.resolve();
        sheet.customProperties.set(key, value);
        return { sheet };
      },
    });
  }
  getItemOrNullObject(key: string): { load: (p: string) => void; readonly isNullObject: boolean; readonly value: string } {
    const fake = this.fake;
    const ws = this.ws;
    let value: string | undefined;
    let settled = false;
    let loaded = false;
    const item = {
      load: () =>
        fake.enqueue({
          kind: "customProperty.load",
          chars: ENVELOPE,
          exec: () => {
            const sheet = ws.resolve();
            value = sheet.customProperties.get(key);
            loaded = true;
            return { sheet };
          },
        }),
      get isNullObject(): boolean {
        if (!settled) notLoaded("isNullObject");
        return value === undefined;
      },
      get value(): string {
        if (!loaded) notLoaded("customProperty.value");
        return value ?? "";
      },
      settle: () => void (settled = true),
    };
    fake.track(item);
    return item;
  }
}

class FakeNote {
  private content_?: string;
  private loaded = false;
  private settled = false;
  constructor(
    private readonly fake: FakeExcel,
    private readonly ws: FakeWorksheet,
    private readonly address: string,
  ) {
    fake.track(this);
  }
  settle(): void {
    if (!this.settled) {
      try {
        this.content_ = this.ws.resolve().notes.get(this.address.toUpperCase());
      } catch {
        this.content_ = undefined;
      }
    }
    this.settled = true;
  }
  snapshot(): void {
    this.content_ = this.ws.resolve().notes.get(this.address.toUpperCase());
    this.loaded = true;
  }
  getLocation(): FakeRange {
    return new FakeRange(this.fake, () => ({ sheet: this.ws.resolve(), rect: parseA1(this.address) }));
  }
  load(_: string): void {
    this.fake.enqueue({
      kind: "note.load",
      chars: ENVELOPE,
      exec: () => {
        const sheet = this.ws.resolve();
        this.content_ = sheet.notes.get(this.address.toUpperCase());
        this.loaded = true;
        return { sheet };
      },
    });
  }
  get isNullObject(): boolean {
    if (!this.settled) notLoaded("isNullObject");
    return this.content_ === undefined;
  }
  get content(): string {
    if (!this.loaded) notLoaded("note.content");
    return this.content_ ?? "";
  }
  set content(value: string) {
    this.fake.enqueue({
      kind: "note.content",
      chars: ENVELOPE + value.length,
      exec: () => {
        const sheet = this.ws.resolve();
        if (!sheet.notes.has(this.address.toUpperCase())) throw new FakeOfficeError("ItemNotFound", "no note");
        sheet.notes.set(this.address.toUpperCase(), value);
        return { sheet, address: this.address };
      },
    });
  }
  delete(): void {
    this.fake.enqueue({
      kind: "note.delete",
      chars: ENVELOPE,
      exec: () => {
        const sheet = this.ws.resolve();
        if (!sheet.notes.delete(this.address.toUpperCase())) throw new FakeOfficeError("ItemNotFound", "no note");
        return { sheet, address: this.address };
      },
    });
  }
}

class FakeNotes {
  private loaded?: FakeNote[];
  constructor(
    private readonly fake: FakeExcel,
    private readonly ws: FakeWorksheet,
  ) {}
  load(_: string): void {
    this.fake.enqueue({
      kind: "notes.load",
      chars: ENVELOPE,
      exec: () => {
        const sheet = this.ws.resolve();
        this.loaded = [...sheet.notes.keys()].map((address) => {
          const note = new FakeNote(this.fake, this.ws, address);
          note.snapshot();
          return note;
        });
        return { sheet };
      },
    });
  }
  get items(): FakeNote[] {
    return this.loaded ?? notLoaded("notes.items");
  }
  add(cell: FakeRange | string, content: string): void {
    this.fake.enqueue({
      kind: "notes.add",
      chars: ENVELOPE + content.length,
      exec: () => {
        const sheet = this.ws.resolve();
        const rect = typeof cell === "string" ? parseA1(cell) : cell.resolve().rect;
        if (rect.rows !== 1 || rect.cols !== 1) throw new FakeOfficeError("InvalidCellAddress", "a note goes on one cell");
        const address = a1(rect);
        if (sheet.notes.has(address)) throw new FakeOfficeError("InvalidArgument", `a note exists on ${address}`);
        sheet.notes.set(address, content);
        return { sheet, address };
      },
    });
  }
  getItemOrNullObject(address: string): FakeNote {
    return new FakeNote(this.fake, this.ws, address);
  }
}

class FakeTable {
  model?: TableModel;
  constructor(private readonly fake: FakeExcel) {}
  set name(value: string) {
    this.fake.enqueue({
      kind: "table.name",
      chars: ENVELOPE + value.length,
      exec: () => {
        const model = this.model ?? notLoaded("table");
        if (this.fake.tables.some((t) => t !== model && t.name.toLowerCase() === value.toLowerCase())) {
          throw new FakeOfficeError("InvalidArgument", `table name ${value} is taken`);
        }
        model.name = value;
        return { sheet: model.sheet };
      },
    });
  }
  set style(value: string) {
    this.fake.enqueue({ kind: "table.style", chars: ENVELOPE, exec: () => ({ sheet: Object.assign(this.model ?? notLoaded("table"), { style: value }).sheet }) });
  }
}

type Resolved = { sheet: SheetModel; rect: Rect };

export class FakeRange {
  private resolved?: Resolved | null;
  private settledNull?: boolean;
  private readonly loaded = new Map<string, unknown>();
  readonly format: unknown;
  readonly conditionalFormats: unknown;
  readonly dataValidation: unknown;

  constructor(
    private readonly fake: FakeExcel,
    private readonly resolver: () => Resolved | null,
    private readonly nullable = false,
  ) {
    fake.track(this);
    const target = () => {
      const r = this.resolve();
      return { sheet: r.sheet, address: a1(r.rect) };
    };
    this.format = recorder(fake, "format", target);
    this.conditionalFormats = recorder(fake, "conditionalFormats", target);
    this.dataValidation = recorder(fake, "dataValidation", target);
  }

  resolve(): Resolved {
    if (this.resolved === undefined) this.resolved = this.resolver();
    if (!this.resolved) throw new FakeOfficeError("ItemNotFound", "range is a null object");
    return this.resolved;
  }

  describe(): string {
    return a1(this.resolve().rect);
  }

  settle(): void {
    if (this.settledNull !== undefined) return;
    if (this.resolved === undefined) {
      try {
        this.resolved = this.resolver();
      } catch {
        this.resolved = null;
      }
    }
    this.settledNull = this.resolved === null;
  }

  get isNullObject(): boolean {
    if (this.settledNull === undefined) notLoaded("isNullObject");
    return this.settledNull;
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.fake, () => this.resolve().sheet, false);
  }

  load(list: string): void {
    this.fake.enqueue({
      kind: "range.load",
      chars: ENVELOPE,
      exec: () => {
        if (this.resolved === undefined) this.resolved = this.resolver();
        if (!this.resolved) {
          if (this.nullable) return undefined;
          throw new FakeOfficeError("ItemNotFound", "range not found");
        }
        const { sheet, rect } = this.resolved;
        for (const p of props(list)) this.loaded.set(p, this.read(sheet, rect, p));
        return { sheet, address: a1(rect) };
      },
    });
  }

  private read(sheet: SheetModel, rect: Rect, p: string): unknown {
    const grid = (f: (cell: CellModel | undefined) => unknown): unknown[][] =>
      Array.from({ length: rect.rows }, (_, i) => Array.from({ length: rect.cols }, (_, j) => f(sheet.cell(rect.row + i, rect.col + j))));
    switch (p) {
      case "values":
        return grid((c) => (c === undefined || c.value === null ? "" : c.value));
      case "formulas":
        return grid((c) => (c === undefined ? "" : (c.formula ?? (c.value === null ? "" : c.value))));
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.col;
      case "rowCount":
        return rect.rows;
      case "columnCount":
        return rect.cols;
      case "address":
        return `${quoteName(sheet.name)}!${a1(rect)}`;
      default:
        throw new FakeOfficeError("InvalidArgument", `fake: cannot load range.${p}`);
    }
  }

  private get_(p: string): unknown {
    if (!this.loaded.has(p)) notLoaded(`range.${p}`);
    return this.loaded.get(p);
  }
  get values(): unknown[][] {
    return this.get_("values") as unknown[][];
  }
  get formulas(): unknown[][] {
    return this.get_("formulas") as unknown[][];
  }
  get rowIndex(): number {
    return this.get_("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.get_("columnIndex") as number;
  }
  get rowCount(): number {
    return this.get_("rowCount") as number;
  }
  get columnCount(): number {
    return this.get_("columnCount") as number;
  }
  get address(): string {
    return this.get_("address") as string;
  }

  private write(kind: string, rows: unknown[][]): void {
    const size = jsonSize(rows);
    this.fake.enqueue({
      kind,
      chars: ENVELOPE + size,
      chunkChars: size,
      exec: () => {
        const { sheet, rect } = this.resolve();
        refuseIfProtected(sheet);
        this.fake.writeCells(sheet, rect, rows);
        return { sheet, address: a1(rect) };
      },
    });
  }
  set values(rows: unknown[][]) {
    this.write("range.values", rows);
  }
  set formulas(rows: unknown[][]) {
    this.write("range.formulas", rows);
  }
  set numberFormat(rows: unknown[][]) {
    const size = jsonSize(rows);
    this.fake.enqueue({
      kind: "range.numberFormat",
      chars: ENVELOPE + size,
      chunkChars: size,
      exec: () => {
        const { sheet, rect } = this.resolve();
        refuseIfProtected(sheet);
        if (rows.length !== rect.rows || rows.some((r) => r.length !== rect.cols)) throw new FakeOfficeError("InvalidArgument", "numberFormat size");
        if (this.fake.storeCells) {
          for (let i = 0; i < rect.rows; i++) {
            for (let j = 0; j < rect.cols; j++) {
              const cell = sheet.cell(rect.row + i, rect.col + j) ?? { value: null };
              cell.numberFormat = String(rows[i][j]);
              sheet.setCell(rect.row + i, rect.col + j, cell);
            }
          }
        }
        return { sheet, address: a1(rect) };
      },
    });
  }

  private simple(kind: string, exec: (r: Resolved) => void): void {
    this.fake.enqueue({
      kind,
      chars: ENVELOPE,
      exec: () => {
        const r = this.resolve();
        exec(r);
        r.sheet.features.push({ path: kind.replace(/^range\./, ""), address: a1(r.rect) });
        return { sheet: r.sheet, address: a1(r.rect) };
      },
    });
  }
  merge(_across?: boolean): void {
    this.simple("range.merge", () => undefined);
  }

  /** The whole columns of the range (Excel's "F:G"): every row of its columns. */
  getEntireColumn(): FakeRange {
    return new FakeRange(this.fake, () => {
      const { sheet, rect } = this.resolve();
      return { sheet, rect: { row: 0, col: rect.col, rows: 1_048_576, cols: rect.cols } };
    });
  }

  /** Outline grouping (ExcelApi 1.10) is recorded, not modelled: "group()" and "hideGroupDetails()" with their option. */
  group(option: string): void {
    this.outline("group()", option);
  }

  hideGroupDetails(option: string): void {
    this.outline("hideGroupDetails()", option);
  }

  private outline(path: string, option: string): void {
    this.fake.enqueue({
      kind: `range.${path}`,
      chars: ENVELOPE,
      exec: () => {
        const { sheet, rect } = this.resolve();
        sheet.features.push({ path, args: [option], address: a1(rect) });
        return { sheet, address: a1(rect) };
      },
    });
  }
  setDirty(): void {
    this.simple("range.setDirty", () => undefined);
  }
  clear(applyTo?: string): void {
    this.simple(`range.clear(${applyTo ?? "All"})`, ({ sheet, rect }) => {
      for (let i = 0; i < rect.rows; i++) for (let j = 0; j < rect.cols; j++) sheet.setCell(rect.row + i, rect.col + j, undefined);
    });
  }

  /** Only "FillFormats" is modelled: the source rows' number formats are repeated down the destination. */
  autoFill(destination: FakeRange, type: string): void {
    this.fake.enqueue({
      kind: `range.autoFill(${type})`,
      chars: ENVELOPE,
      exec: () => {
        const { sheet, rect } = this.resolve();
        const dest = destination.resolve();
        const inside = dest.sheet === sheet && dest.rect.row === rect.row && dest.rect.col === rect.col && dest.rect.cols === rect.cols && dest.rect.rows >= rect.rows;
        if (!inside) throw new FakeOfficeError("InvalidArgument", "autoFill: the destination must extend the source downwards");
        if (type !== "FillFormats") throw new FakeOfficeError("InvalidArgument", `fake: autoFill ${type} is not modelled`);
        if (this.fake.storeCells) {
          for (let i = rect.rows; i < dest.rect.rows; i++) {
            for (let j = 0; j < rect.cols; j++) {
              const source = sheet.cell(rect.row + (i % rect.rows), rect.col + j);
              const cell = sheet.cell(rect.row + i, rect.col + j) ?? { value: null };
              cell.numberFormat = source?.numberFormat;
              if (cell.value === null && cell.numberFormat === undefined) sheet.setCell(rect.row + i, rect.col + j, undefined);
              else sheet.setCell(rect.row + i, rect.col + j, cell);
            }
          }
        }
        sheet.features.push({ path: `autoFill(${type})`, args: [a1(dest.rect)], address: a1(rect) });
        return { sheet, address: a1(dest.rect) };
      },
    });
  }

  getSpillingToRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.fake,
      () => {
        const { sheet, rect } = this.resolve();
        const spill = sheet.cell(rect.row, rect.col)?.spill;
        return spill ? { sheet, rect: { row: rect.row, col: rect.col, rows: spill.rows, cols: spill.cols } } : null;
      },
      true,
    );
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.fake,
      () => {
        const { sheet, rect } = this.resolve();
        const used = sheet.usedRect();
        if (!used) return null;
        const row = Math.max(rect.row, used.row);
        const col = Math.max(rect.col, used.col);
        const rows = Math.min(rect.row + rect.rows, used.row + used.rows) - row;
        const cols = Math.min(rect.col + rect.cols, used.col + used.cols) - col;
        return rows > 0 && cols > 0 ? { sheet, rect: { row, col, rows, cols } } : null;
      },
      true,
    );
  }
}

/** Excel refuses to change a protected sheet (values, formats, charts, layout) through the API. */
function refuseIfProtected(sheet: SheetModel): void {
  if (sheet.protection) throw new FakeOfficeError("AccessDenied", `sheet ${sheet.name} is protected`);
}

/**
 * A write-only stand-in (range format, charts, page layout, freeze panes…): every property set and method
 * call is queued, then recorded on the sheet as a `FeatureCall` with its path ("format.font.bold",
 * "charts.add().series.add().axisGroup"). Ranges passed as arguments are recorded by address.
 */
function recorder(fake: FakeExcel, path: string, target: () => { sheet: SheetModel; address?: string }): unknown {
  const describe = (v: unknown): unknown => (v instanceof FakeRange ? v.describe() : v);
  const fn = function () {
    return undefined;
  };
  return new Proxy(fn, {
    get: (_t, prop) => {
      if (prop === "then" || typeof prop === "symbol") return undefined;
      return recorder(fake, `${path}.${prop}`, target);
    },
    set: (_t, prop, value: unknown) => {
      fake.enqueue({
        kind: `${path}.${String(prop)}`,
        chars: ENVELOPE + jsonSize(value),
        exec: () => {
          const t = target();
          refuseIfProtected(t.sheet);
          t.sheet.features.push({ path: `${path}.${String(prop)}`, value, address: t.address });
          return t;
        },
      });
      return true;
    },
    apply: (_t, _this, args: unknown[]) => {
      fake.enqueue({
        kind: `${path}()`,
        chars: ENVELOPE + args.length * 20,
        exec: () => {
          const t = target();
          refuseIfProtected(t.sheet);
          t.sheet.features.push({ path: `${path}()`, args: args.map(describe), address: t.address });
          return t;
        },
      });
      return recorder(fake, `${path}()`, target);
    },
  });
}
