import type { CellStyle } from "../plan/types";
import { ByteSink } from "./byteSink";
import { xmlSafe, xmlText } from "./xmlText";
import type { PlainStrings } from "./readRows";

/** A cell's style as the writer resolves it: the plan's tokens, plus whether the cell is left unlocked. */
export interface ResolvedStyle extends CellStyle {
  readonly unlocked?: boolean;
}

/** Calibri 11, the default font of the written workbook; every styled font names it (readers fall back otherwise). */
const FONT = { name: "Calibri", size: 11 } as const;
/** The grey of cell borders. */
const BORDER_COLOUR = "FFBFBFBF";

/** Excel's built-in number formats (ids below 164 need no `<numFmt>`). */
const BUILTIN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

/** "#1F4E79" → "FF1F4E79". */
export function argb(colour: string): string {
  return `FF${colour.replace(/^#/, "").toUpperCase()}`;
}

const VERTICAL = { top: "top", middle: "center", bottom: "bottom" } as const;

/** Interns `xml` in `list` and returns its index. */
function intern(list: string[], index: Map<string, number>, xml: string): number {
  let id = index.get(xml);
  if (id === undefined) {
    id = list.length;
    list.push(xml);
    index.set(xml, id);
  }
  return id;
}

/**
 * The style table of a written workbook (xl/styles.xml): fonts, fills, borders, number formats and cell formats
 * interned as they are first asked for, so each distinct style gets one id, and the differential formats of
 * conditional colours. Cell format 0 is the default (unstyled, locked) cell.
 */
export class StyleTable {
  private readonly fonts: string[] = [`<font><sz val="${FONT.size}"/><color theme="1"/><name val="${FONT.name}"/><family val="2"/></font>`];
  private readonly fills: string[] = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders: string[] = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  private readonly numFmts: string[] = [];
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly dxfs: string[] = [];
  private readonly index = {
    fonts: new Map(this.fonts.map((x, i) => [x, i])),
    fills: new Map(this.fills.map((x, i) => [x, i])),
    borders: new Map(this.borders.map((x, i) => [x, i])),
    xfs: new Map(this.xfs.map((x, i) => [x, i])),
    dxfs: new Map<string, number>(),
  };
  private readonly formatIds = new Map<string, number>();
  /** Resolved styles by their JSON key: most cells share a handful of styles. */
  private readonly byKey = new Map<string, number>();

  /** The cell format id of a style (0 for an empty one). */
  xf(style: ResolvedStyle): number {
    const key = JSON.stringify(style);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const id = intern(this.xfs, this.index.xfs, this.xfXml(style));
    this.byKey.set(key, id);
    return id;
  }

  /** The differential format of a conditional colour: a solid fill and, optionally, a font colour. */
  dxf(fill: string, fontColor?: string): number {
    const font = fontColor ? `<font><color rgb="${argb(fontColor)}"/></font>` : "";
    return intern(this.dxfs, this.index.dxfs, `<dxf>${font}<fill><patternFill patternType="solid"><bgColor rgb="${argb(fill)}"/></patternFill></fill></dxf>`);
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.formatIds.get(code);
    if (id === undefined) {
      id = 164 + this.numFmts.length;
      this.formatIds.set(code, id);
      this.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`);
    }
    return id;
  }

  private xfXml(style: ResolvedStyle): string {
    const hasFont = style.bold !== undefined || style.italic !== undefined || style.fontSize !== undefined || style.fontColor !== undefined;
    const fontId = hasFont
      ? intern(
          this.fonts,
          this.index.fonts,
          "<font>" +
            (style.bold ? "<b/>" : "") +
            (style.italic ? "<i/>" : "") +
            `<sz val="${style.fontSize ?? FONT.size}"/>` +
            (style.fontColor !== undefined ? `<color rgb="${argb(style.fontColor)}"/>` : '<color theme="1"/>') +
            `<name val="${FONT.name}"/><family val="2"/></font>`,
        )
      : 0;
    const fillId =
      style.fill !== undefined
        ? intern(this.fills, this.index.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`)
        : 0;
    const side = (tag: string): string => `<${tag} style="${style.border}"><color rgb="${BORDER_COLOUR}"/></${tag}>`;
    const borderId =
      style.border !== undefined
        ? intern(this.borders, this.index.borders, `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`)
        : 0;
    const numFmtId = style.numberFormat !== undefined ? this.numFmtId(style.numberFormat) : 0;
    const alignment =
      (style.horizontal !== undefined ? ` horizontal="${style.horizontal}"` : "") +
      (style.vertical !== undefined ? ` vertical="${VERTICAL[style.vertical]}"` : "") +
      (style.wrap !== undefined ? ` wrapText="${style.wrap ? 1 : 0}"` : "");
    const applies =
      (numFmtId !== 0 ? ' applyNumberFormat="1"' : "") +
      (fontId !== 0 ? ' applyFont="1"' : "") +
      (fillId !== 0 ? ' applyFill="1"' : "") +
      (borderId !== 0 ? ' applyBorder="1"' : "") +
      (alignment !== "" ? ' applyAlignment="1"' : "") +
      (style.unlocked ? ' applyProtection="1"' : "");
    const children = (alignment !== "" ? `<alignment${alignment}/>` : "") + (style.unlocked ? '<protection locked="0"/>' : "");
    const open = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    return children === "" ? `${open}/>` : `${open}>${children}</xf>`;
  }

  /** xl/styles.xml. */
  xml(): string {
    const list = (tag: string, items: readonly string[]): string => (items.length === 0 ? "" : `<${tag} count="${items.length}">${items.join("")}</${tag}>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      list("numFmts", this.numFmts) +
      list("fonts", this.fonts) +
      list("fills", this.fills) +
      list("borders", this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list("cellXfs", this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${this.dxfs.length}">${this.dxfs.join("")}</dxfs>` +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }
}

/** Whether `text` starts or ends with a space or a line break: kept by readers only with xml:space="preserve". */
export function hasOuterSpace(text: string): boolean {
  return text.length > 0 && (text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32);
}

/** Base items `SharedStrings.idAfter` compares before a lookup (a row's texts between two of a column's). */
const LOOK_AHEAD = 8;

/**
 * The shared strings of a written workbook (xl/sharedStrings.xml): each distinct text once, by first use. Each
 * new text's item is written at once as UTF-8 bytes (a 100 000-client plan has tens of megabytes of them: kept
 * as strings, they weighed on every garbage collection).
 *
 * Written into a base workbook, the table's items come after the base's `shift` items, and a text the base
 * already has as a plain item (`base`, from the reader of that same workbook) is referred to there: the clients'
 * codes and names of a plan written into the user's workbook are in its table already. At 100 000 clients, that
 * is 120 000 items not written again (3 MB), and the lookups of 450 000 cells in a table half as large.
 */
export class SharedStrings {
  private readonly ids = new Map<string, number>();
  /** The base's plain items, looked up first (not copied: 120 000 texts at 100 000 clients). */
  private readonly base: ReadonlyMap<string, number> | undefined;
  /** The same items by index (see `idAfter`). */
  private readonly baseByIndex: readonly (string | undefined)[];
  private readonly items = new ByteSink();
  private count = 0;
  /** References written, duplicates included (the part's `count`). */
  private uses = 0;

  constructor(
    /** Items before this table's own: the base workbook's. */
    private readonly shift = 0,
    base?: PlainStrings,
  ) {
    // The reader's table is used only if it has the base's number of items (the same workbook).
    const same = base !== undefined && base.count === shift;
    this.base = same ? base.ids : undefined;
    this.baseByIndex = same ? base.byIndex : [];
  }

  /** The index of `text` in the written workbook's table, added if new. */
  id(text: string): number {
    this.uses++;
    let id = this.base?.get(text) ?? this.ids.get(text);
    if (id === undefined) {
      id = this.shift + this.count++;
      this.ids.set(text, id);
      this.items.ascii(hasOuterSpace(text) ? '<si><t xml:space="preserve">' : "<si><t>");
      this.items.escaped(xmlSafe(text));
      this.items.ascii("</t></si>");
    }
    return id;
  }

  /**
   * The index of `text` when the base has it among the few items after `after` (the id of the text written above
   * in the same column), counted as a use; else −1 (then `id`). A column of codes written in the order of the
   * user's rows finds each a few items after the last, where the base's table was made in that order too: a
   * comparison (the same string, read from that table) instead of a lookup in a table of every text, which costs
   * cache misses (0.35 s of the main thread at 100 000 clients, 450 000 cells).
   */
  idAfter(text: string, after: number): number {
    const byIndex = this.baseByIndex;
    const end = Math.min(after + 1 + LOOK_AHEAD, byIndex.length);
    for (let k = after + 1; k < end; k++) {
      if (byIndex[k] === text) {
        this.uses++;
        return k;
      }
    }
    return -1;
  }

  /** Counts one more reference to a text already in the table (a `ColumnStrings` hit). */
  reuse(): void {
    this.uses++;
  }

  /** The items of this table, the base's left out. */
  get size(): number {
    return this.count;
  }

  /** xl/sharedStrings.xml as UTF-8 blocks; the table takes no text after. */
  blocks(): Uint8Array[] {
    const head =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.count}">`;
    return [ENCODER.encode(head), ...this.items.finish(), ENCODER.encode("</sst>")];
  }
}

const ENCODER = new TextEncoder();

/** A column's texts not found after its last one, beyond those found, before it stops looking there. */
const MISSES = 64;

/** Texts a column may repeat and still be looked up in its own table. */
const COLUMN_TEXTS = 64;

/**
 * A sheet's shared-string ids, looked up first in a small table per column while the column repeats few texts
 * (a class, a segment, a rule): the workbook's table of every text is large, and a lookup there costs a cache miss
 * or two, a million times over a 100 000-client plan. A column of many texts (names) goes straight to it.
 */
export class ColumnStrings {
  private readonly columns: (Map<string, number> | null | undefined)[] = [];
  /** The id last written in each column of many texts (see `SharedStrings.idAfter`). */
  private readonly last: number[] = [];
  /**
   * Each such column's texts found after its last one, less those that were not: a column that stops finding
   * them (names that repeat a first client's, rows in another order) stops looking, below −`MISSES`.
   */
  private readonly found: number[] = [];

  constructor(private readonly strings: SharedStrings) {}

  /** The index of `text`, written in column `col`. */
  id(col: number, text: string): number {
    let column = this.columns[col];
    if (column === null) {
      const found = this.found[col] ?? 0;
      if (found < -MISSES) return this.strings.id(text);
      let id = this.strings.idAfter(text, this.last[col] ?? -1);
      if (id >= 0) this.found[col] = found + 1;
      else {
        this.found[col] = found - 1;
        id = this.strings.id(text);
      }
      return (this.last[col] = id);
    }
    if (column === undefined) column = this.columns[col] = new Map();
    let id = column.get(text);
    if (id !== undefined) {
      this.strings.reuse();
      return id;
    }
    id = this.strings.id(text);
    if (column.size < COLUMN_TEXTS) column.set(text, id);
    else this.columns[col] = null;
    return id;
  }
}
