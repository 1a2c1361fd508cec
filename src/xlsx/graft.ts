import { Parts, relsPath, resolveTarget } from "./parts";
import { hasPlainRoot, withDefaultNamespace } from "./unprefix";
import { xmlText } from "./xmlText";
import { compressBlocks, defaultCodec, LARGE_PART, zipChunks, type RawZipEntry, type ZipEntry } from "./zip";

/**
 * Adds the sheets of one .xlsx package (the plan's, written alone) to another (the user's workbook) at the
 * package level: the base's parts are copied byte for byte, so its sheets keep everything, charts, pivot tables
 * and all, and a 100 000-row base sheet costs no exceljs round trip. The added sheets bring their tables,
 * drawings and charts under free part names; their styles, conditional formats and shared strings are
 * appended to the base's and their indexes shifted; their defined names follow them.
 */

const REL = {
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  customProperty: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customProperty",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
} as const;
const TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  customProperty: "application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
} as const;

/**
 * The mark PAC Commercial leaves on the sheets it writes: a worksheet custom property, as the Office.js path
 * writes it (`GENERATED_MARK` in src/excel/applyPlan.ts, which must stay equal). `replace` only ever drops a
 * sheet carrying it, never a user's sheet that happens to have the same name.
 */
export const SHEET_MARK = { key: "PACCommercial", value: "generated" } as const;

/** Parts the graft reads with regular expressions and edits: rewritten without a root prefix first. */
const EDITED_PARTS = /^(?:\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/[^/]*styles[^/]*\.xml|xl\/[^/]*sharedStrings[^/]*\.xml)$/i;

/** Enough of a part's start to see its root element after the XML declaration (see `hasPlainRoot`). */
const HEAD_BYTES = 4096;
const DECODER = new TextDecoder("utf-8");

/** The base package cannot be read or one of the parts the graft edits is not well-formed XML. */
export class UnreadableBase extends Error {
  override readonly name = "UnreadableBase";
}

/**
 * Reads a package and gives its edited parts their namespace as the default one (see `withDefaultNamespace`).
 *
 * @throws UnreadableBase when the package or one of those parts cannot be read.
 */
async function readPackage(bytes: Uint8Array): Promise<Parts> {
  try {
    const pkg = await Parts.read(bytes);
    // The parts read below, inflated by the browser's native inflater where there is one (pako is slower).
    await pkg.load(pkg.paths().filter((path) => EDITED_PARTS.test(path)));
    for (const path of pkg.paths()) {
      if (!EDITED_PARTS.test(path)) continue;
      // A part whose root has no prefix, as most are, is left as bytes: its head tells, and a large shared
      // strings part is not decoded to text for nothing.
      if (hasPlainRoot(DECODER.decode(pkg.bytes(path).subarray(0, HEAD_BYTES)))) continue;
      const text = pkg.text(path);
      const plain = withDefaultNamespace(text);
      if (plain !== text) pkg.set(path, plain);
    }
    for (const part of ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]) if (!pkg.has(part)) throw new Error(`no ${part}`);
    return pkg;
  } catch (error) {
    throw new UnreadableBase(error instanceof Error ? error.message : String(error));
  }
}

const VBA = {
  rel: /\/vbaProject$/,
  mainTypes: /application\/vnd\.ms-excel\.(?:sheet|template)\.macroEnabled\.main\+xml|application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.template\.main\+xml/,
} as const;

/**
 * Makes a macro-enabled package (.xlsm, .xltm) or a template a plain workbook: its VBA project (and the parts
 * it points to, its signature), their relationships and content types go, the workbook gets the .xlsx content
 * type and loses its `codeName`s. A file named .xlsx that holds a VBA project is one Excel refuses to open.
 *
 * @returns the number of parts removed (0 for a plain workbook).
 */
function dropMacros(pkg: Parts): number {
  let removed = 0;
  let rels = pkg.text("xl/_rels/workbook.xml.rels");
  let types = pkg.text("[Content_Types].xml");
  const typesBefore = types;
  for (const r of relationships(rels).filter((x) => VBA.rel.test(x.type) && !x.external)) {
    const path = resolveTarget("xl/workbook.xml", r.target);
    const related = pkg.has(relsPath(path)) ? relationships(pkg.text(relsPath(path))).filter((x) => !x.external).map((x) => resolveTarget(path, x.target)) : [];
    for (const part of [path, ...related, relsPath(path)]) {
      if (!pkg.has(part)) continue;
      pkg.remove(part);
      types = removeOverride(types, part);
      if (!part.endsWith(".rels")) removed++;
    }
    rels = rels.replace(new RegExp(`<Relationship\\b[^>]*\\sId="${escapeRegExp(xmlText(r.id))}"[^>]*/>`), "");
  }
  types = types.replace(/<Default\b[^>]*ContentType="application\/vnd\.ms-office\.vbaProject"[^>]*\/>/g, "");
  types = types.replace(VBA.mainTypes, TYPE.workbook);
  if (removed === 0 && types === typesBefore) return 0;
  pkg.set("xl/_rels/workbook.xml.rels", rels);
  pkg.set("[Content_Types].xml", types);
  if (removed > 0) pkg.set("xl/workbook.xml", pkg.text("xl/workbook.xml").replace(/(<(?:workbookPr|fileVersion)\b[^>]*?)\scodeName="[^"]*"/g, "$1"));
  return removed;
}

/** The value of a custom property part: Excel writes UTF-16LE text; UTF-8 is read too. */
function propertyValue(bytes: Uint8Array): string {
  const utf16 = new TextDecoder("utf-16le").decode(bytes.length % 2 === 0 ? bytes : bytes.subarray(0, bytes.length - 1));
  const utf8 = new TextDecoder("utf-8").decode(bytes);
  const clean = (t: string): string => t.replace(/^\uFEFF/, "").replace(new RegExp(`${String.fromCharCode(0)}+$`), "");
  return clean(utf16) === SHEET_MARK.value ? SHEET_MARK.value : clean(utf8);
}

/**
 * Which of the base's sheets named in `names` (upper-case) carry PAC Commercial's mark. Only those sheets'
 * parts are read.
 */
export async function markedSheets(bytes: Uint8Array, names: ReadonlySet<string>): Promise<Set<string>> {
  const marked = new Set<string>();
  if (names.size === 0) return marked;
  const pkg = await readPackage(bytes);
  for (const sheet of await sheetEntries(pkg)) {
    if (!names.has(sheet.name.toUpperCase()) || !pkg.has(sheet.path) || !pkg.has(relsPath(sheet.path))) continue;
    const rels = relationships(withDefaultNamespace(pkg.text(relsPath(sheet.path)))).filter((r) => /\/customProperty$/.test(r.type) && !r.external);
    if (rels.length === 0) continue;
    const xml = pkg.text(sheet.path);
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?customPr\b[^>]*>/g)) {
      const id = /\s[\w.-]+:id="([^"]*)"/.exec(m[0])?.[1];
      const rel = rels.find((r) => r.id === id);
      if (attr(m[0], "name")?.toLowerCase() !== SHEET_MARK.key.toLowerCase() || !rel) continue;
      const part = resolveTarget(sheet.path, rel.target);
      if (pkg.has(part) && propertyValue(pkg.bytes(part)) === SHEET_MARK.value) marked.add(sheet.name.toUpperCase());
    }
  }
  return marked;
}

/** What the base already uses: sheets, defined names (with what they refer to) and tables (with their sheet). */
export interface BaseNames {
  readonly sheets: readonly string[];
  readonly definedNames: readonly { readonly name: string; readonly text: string; readonly local?: number }[];
  readonly tables: readonly { readonly name: string; readonly sheet: string }[];
}

export function xmlDecode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(":", "\\:")}="([^"]*)"`).exec(tag);
  return m ? xmlDecode(m[1]) : undefined;
}

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(":", "\\:")}=")[^"]*(")`);
  return re.test(tag) ? tag.replace(re, `$1${xmlText(value)}$2`) : tag.replace(/(\/?>)$/, ` ${name}="${xmlText(value)}"$1`);
}

/** `target` written relative to the folder of `fromPart`. */
function relative(fromPart: string, target: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = target.split("/");
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  return [...new Array<string>(from.length - k).fill(".."), ...to.slice(k)].join("/");
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

function relationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: attr(m[0], "Id") ?? "",
    type: attr(m[0], "Type") ?? "",
    target: attr(m[0], "Target") ?? "",
    external: attr(m[0], "TargetMode") === "External",
  }));
}

function freeRelId(xml: string): string {
  const used = new Set(relationships(xml).map((r) => r.id));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

function addRelationship(xml: string, type: string, target: string): { xml: string; id: string } {
  const id = freeRelId(xml);
  return { id, xml: xml.replace("</Relationships>", `<Relationship Id="${id}" Type="${type}" Target="${xmlText(target)}"/></Relationships>`) };
}

interface SheetEntry {
  readonly tag: string;
  readonly name: string;
  readonly relId: string;
  readonly path: string;
}

async function sheetEntries(pkg: Parts): Promise<SheetEntry[]> {
  const workbook = await pkg.text("xl/workbook.xml");
  const rels = relationships(await pkg.text("xl/_rels/workbook.xml.rels"));
  return [...workbook.matchAll(/<sheet\b[^>]*\/?>/g)].map((m) => {
    const relId = attr(m[0], "r:id") ?? "";
    const rel = rels.find((r) => r.id === relId);
    return { tag: m[0], name: attr(m[0], "name") ?? "", relId, path: rel ? resolveTarget("xl/workbook.xml", rel.target) : "" };
  });
}

interface DefinedName {
  readonly tag: string;
  readonly name: string;
  readonly local?: number;
  readonly text: string;
}

function definedNames(workbook: string): DefinedName[] {
  return [...workbook.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)].map((m) => {
    const local = attr(m[0], "localSheetId");
    return { tag: m[0], name: attr(m[0], "name") ?? "", ...(local !== undefined ? { local: Number(local) } : {}), text: xmlDecode(m[2]) };
  });
}

function refersTo(text: string, sheet: string): boolean {
  const quoted = `'${sheet.replace(/'/g, "''")}'!`;
  return text.includes(quoted) || new RegExp(`(^|[^A-Za-z0-9_.'])${sheet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}!`).test(text);
}

/** The names the base already uses and where the plan's indexes will start, read from its package. */
export async function inspectBase(bytes: Uint8Array): Promise<BaseNames & { shift: StyleShift }> {
  const pkg = await readPackage(bytes);
  const workbook = await pkg.text("xl/workbook.xml");
  const rels = relationships(await pkg.text("xl/_rels/workbook.xml.rels"));
  const stylesRel = rels.find((r) => /\/styles$/.test(r.type));
  const styles = stylesRel ? await pkg.text(resolveTarget("xl/workbook.xml", stylesRel.target)) : "";
  const sstRel = rels.find((r) => /\/sharedStrings$/.test(r.type));
  const sst = sstRel ? pkg.bytes(resolveTarget("xl/workbook.xml", sstRel.target)) : new Uint8Array(0);
  const sheets = await sheetEntries(pkg);
  const tables: { name: string; sheet: string }[] = [];
  for (const sheet of sheets) {
    const sheetRels = relsPath(sheet.path);
    if (!pkg.has(sheetRels)) continue;
    for (const r of relationships(await pkg.text(sheetRels))) {
      const path = resolveTarget(sheet.path, r.target);
      if (r.external || !/\/table$/.test(r.type) || !pkg.has(path)) continue;
      const tag = /<table\b[^>]*>/.exec(await pkg.text(path))?.[0];
      const name = tag ? attr(tag, "name") : undefined;
      if (name) tables.push({ name, sheet: sheet.name });
    }
  }
  return {
    sheets: sheets.map((s) => s.name),
    definedNames: definedNames(workbook).map((n) => ({ name: n.name, text: n.text, ...(n.local !== undefined ? { local: n.local } : {}) })),
    tables,
    shift: {
      xf: listItems(styles, "cellXfs", "xf").length,
      dxf: listItems(styles, "dxfs", "dxf").length,
      sst: countSharedItemBytes(sst),
    },
  };
}

/**
 * The number of items (`<si>`) of a shared-strings part (its default namespace made plain by `readPackage`):
 * text inside is escaped, so every "<si" followed by ">", a space or "/" opens one.
 */
export function countSharedItems(sst: string): number {
  let n = 0;
  for (let at = sst.indexOf("<si"); at >= 0; at = sst.indexOf("<si", at + 3)) {
    const next = sst.charCodeAt(at + 3);
    if (next === 62 || next === 32 || next === 47 || next === 9 || next === 10 || next === 13) n++;
  }
  return n;
}

/** `countSharedItems` on the part's UTF-8 bytes, not decoded ("<si" is ASCII and no multi-byte character holds it). */
export function countSharedItemBytes(sst: Uint8Array): number {
  let n = 0;
  for (let at = 0; at + 3 < sst.length; at++) {
    if (sst[at] !== 60 || sst[at + 1] !== 115 || sst[at + 2] !== 105) continue; // "<si"
    const next = sst[at + 3];
    if (next === 62 || next === 32 || next === 47 || next === 9 || next === 10 || next === 13) n++;
  }
  return n;
}

/** A character of a regular expression's `\w`: after "<sst", any other one ends the name (as `/<sst\b/` reads it). */
function isWordByte(b: number): boolean {
  return (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b === 95;
}

/**
 * A shared-strings part's bytes cut in three: up to the end of its opening `<sst …>` tag (the first "<sst" that
 * `/<sst\b[^>]*>/` would match), the items, and from the last "</sst>" on. Undefined when there is no such tag
 * before a closing "</sst>" (an empty `<sst/>` part).
 */
function splitSharedStrings(sst: Uint8Array): { head: Uint8Array; items: Uint8Array; tail: Uint8Array } | undefined {
  let end = -1;
  for (let at = sst.length - 6; at >= 0; at--) {
    if (sst[at] === 60 && sst[at + 1] === 47 && sst[at + 2] === 115 && sst[at + 3] === 115 && sst[at + 4] === 116 && sst[at + 5] === 62) {
      end = at; // "</sst>"
      break;
    }
  }
  if (end < 0) return undefined;
  for (let at = 0; at + 4 <= end; at++) {
    if (sst[at] !== 60 || sst[at + 1] !== 115 || sst[at + 2] !== 115 || sst[at + 3] !== 116) continue; // "<sst"
    if (at + 4 < sst.length && isWordByte(sst[at + 4])) continue;
    const close = sst.indexOf(62, at + 4); // ">"
    if (close < 0 || close >= end) return undefined;
    return { head: sst.subarray(0, close + 1), items: sst.subarray(close + 1, end), tail: sst.subarray(end) };
  }
  return undefined;
}

const ENCODER = new TextEncoder();

/**
 * The items of a shared-strings part written by `writeXlsxPackage` (UTF-8, no other child than `<si>`): their
 * bytes, from the first "<si" to "</sst>", and their number, counted as `countSharedItems` does. For a plan given
 * as parts only: `writeXlsxPackage` passes its `PlanStrings`, whose count it knows.
 */
function scannedItems(sst: Uint8Array): { blocks: Uint8Array[]; count: number } {
  let first = -1;
  let count = 0;
  for (let at = 0; at + 3 < sst.length; at++) {
    if (sst[at] !== 60 || sst[at + 1] !== 115 || sst[at + 2] !== 105) continue; // "<si"
    const next = sst[at + 3];
    if (next === 62 || next === 32 || next === 47 || next === 9 || next === 10 || next === 13) {
      if (first < 0) first = at;
      count++;
    }
  }
  let end = sst.length;
  for (let at = sst.length - 6; at >= 0; at--) {
    if (sst[at] === 60 && sst[at + 1] === 47 && sst[at + 2] === 115 && sst[at + 3] === 115 && sst[at + 4] === 116 && sst[at + 5] === 62) {
      end = at; // "</sst>"
      break;
    }
  }
  return { blocks: first < 0 ? [] : [sst.subarray(first, end)], count };
}

/**
 * The plan's shared strings as its writer holds them (`SharedStrings.blocks()` in ./styles): the part's head
 * (`<?xml …?><sst …>`), the items' bytes in as many blocks as were written, and "</sst>"; `count` is the number of
 * items (`SharedStrings.size`). Given to `graftSheets`, the items are neither joined nor scanned for their count.
 */
export interface PlanStrings {
  readonly blocks: readonly Uint8Array[];
  readonly count: number;
}

/** The defined and table names still in the base once `replaced` sheets (upper-case names) are dropped. */
export function keptNames(base: BaseNames, replaced: ReadonlySet<string>): { definedNames: string[]; tables: string[] } {
  const dropped = base.sheets.filter((s) => replaced.has(s.toUpperCase()));
  const droppedIndex = new Set(base.sheets.flatMap((s, i) => (replaced.has(s.toUpperCase()) ? [i] : [])));
  return {
    definedNames: base.definedNames
      .filter((n) => !(n.local !== undefined && droppedIndex.has(n.local)) && !dropped.some((s) => refersTo(n.text, s)))
      .map((n) => n.name),
    tables: base.tables.filter((t) => !replaced.has(t.sheet.toUpperCase())).map((t) => t.name),
  };
}

/** Children of <styleSheet> in schema order: a missing list is created before the first later one present. */
const STYLE_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

function listItems(styles: string, list: string, item: string): string[] {
  const m = new RegExp(`<${list}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${list}>)`).exec(styles);
  if (!m || !m[1]) return [];
  return [...m[1].matchAll(new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, "g"))].map((x) => x[0]);
}

/** Appends items to a list of styles.xml, creating it in its place when absent; returns the new XML and the offset. */
function appendItems(styles: string, list: string, item: string, items: readonly string[]): { xml: string; offset: number } {
  const offset = listItems(styles, list, item).length;
  if (items.length === 0) return { xml: styles, offset };
  const count = offset + items.length;
  const full = new RegExp(`<${list}\\b([^>]*?)>([\\s\\S]*?)</${list}>`);
  const empty = new RegExp(`<${list}\\b([^>]*?)/>`);
  let xml: string;
  if (full.test(styles)) {
    xml = styles.replace(full, (_, attrs: string, body: string) => `<${list}${setAttrText(attrs, "count", String(count))}>${body}${items.join("")}</${list}>`);
  } else if (empty.test(styles)) {
    xml = styles.replace(empty, (_, attrs: string) => `<${list}${setAttrText(attrs, "count", String(count))}>${items.join("")}</${list}>`);
  } else {
    const later = STYLE_ORDER.slice(STYLE_ORDER.indexOf(list) + 1)
      .map((name) => styles.search(new RegExp(`<${name}\\b`)))
      .filter((i) => i >= 0);
    const at = later.length > 0 ? Math.min(...later) : styles.lastIndexOf("</styleSheet>");
    xml = `${styles.slice(0, at)}<${list} count="${count}">${items.join("")}</${list}>${styles.slice(at)}`;
  }
  return { xml, offset };
}

function setAttrText(attrs: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}=")[^"]*(")`);
  return re.test(attrs) ? attrs.replace(re, `$1${value}$2`) : `${attrs} ${name}="${value}"`;
}

/** Appends the plan's styles to the base's; returns the offsets of cell formats and differential formats. */
function mergeStyles(base: string, plan: string): { xml: string; xf: number; dxf: number } {
  let xml = base;
  // Custom number formats get ids after the base's (builtin ids below 164 are shared).
  const baseFormats = listItems(xml, "numFmts", "numFmt");
  let nextId = Math.max(163, ...baseFormats.map((f) => Number(attr(f, "numFmtId") ?? 0))) + 1;
  const formatIds = new Map<string, string>();
  const newFormats = listItems(plan, "numFmts", "numFmt").map((f) => {
    const id = attr(f, "numFmtId") ?? "0";
    const code = attr(f, "formatCode") ?? "General";
    const existing = baseFormats.find((b) => attr(b, "formatCode") === code);
    if (existing) {
      formatIds.set(id, attr(existing, "numFmtId") ?? id);
      return "";
    }
    const fresh = String(nextId++);
    formatIds.set(id, fresh);
    return setAttr(f, "numFmtId", fresh);
  });
  xml = appendItems(xml, "numFmts", "numFmt", newFormats.filter((f) => f !== "")).xml;
  const fonts = appendItems(xml, "fonts", "font", listItems(plan, "fonts", "font"));
  xml = fonts.xml;
  const fills = appendItems(xml, "fills", "fill", listItems(plan, "fills", "fill"));
  xml = fills.xml;
  const borders = appendItems(xml, "borders", "border", listItems(plan, "borders", "border"));
  xml = borders.xml;
  const remapFormat = (tag: string): string => {
    const id = attr(tag, "numFmtId");
    return id !== undefined && formatIds.has(id) ? setAttr(tag, "numFmtId", formatIds.get(id) as string) : tag;
  };
  const xfs = listItems(plan, "cellXfs", "xf").map((xf) =>
    xf.replace(/^<xf\b[^>]*?\/?>/, (open) => {
      let tag = remapFormat(open);
      tag = setAttr(tag, "fontId", String(Number(attr(tag, "fontId") ?? 0) + fonts.offset));
      tag = setAttr(tag, "fillId", String(Number(attr(tag, "fillId") ?? 0) + fills.offset));
      tag = setAttr(tag, "borderId", String(Number(attr(tag, "borderId") ?? 0) + borders.offset));
      return setAttr(tag, "xfId", "0");
    }),
  );
  const cellXfs = appendItems(xml, "cellXfs", "xf", xfs);
  xml = cellXfs.xml;
  const dxfs = appendItems(
    xml,
    "dxfs",
    "dxf",
    listItems(plan, "dxfs", "dxf").map((d) => d.replace(/<numFmt\b[^>]*\/>/g, (f) => remapFormat(f))),
  );
  xml = dxfs.xml;
  return { xml, xf: cellXfs.offset, dxf: dxfs.offset };
}

/** Where the plan's style, differential-format and shared-string indexes start in the merged workbook. */
export interface StyleShift {
  readonly xf: number;
  readonly dxf: number;
  readonly sst: number;
}

function nextFree(pkg: Parts, prefix: string, taken: Set<string>, ext = "xml"): string {
  let n = 1;
  while (pkg.has(`${prefix}${n}.${ext}`) || taken.has(`${prefix}${n}.${ext}`)) n++;
  const path = `${prefix}${n}.${ext}`;
  taken.add(path);
  return path;
}

function addOverride(types: string, part: string, type: string): string {
  return types.includes(`PartName="/${part}"`) ? types : types.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
}

function removeOverride(types: string, part: string): string {
  return types.replace(new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`), "");
}

/** Drops the base's sheets named in `names` (and their tables, drawings stay orphaned), fixing the names. */
async function dropSheets(pkg: Parts, names: ReadonlySet<string>): Promise<void> {
  if (names.size === 0) return;
  const sheets = await sheetEntries(pkg);
  const dropped = sheets.filter((s) => names.has(s.name.toUpperCase()));
  if (dropped.length === 0) return;
  let workbook = await pkg.text("xl/workbook.xml");
  let rels = await pkg.text("xl/_rels/workbook.xml.rels");
  let types = await pkg.text("[Content_Types].xml");
  const keptIndex = new Map<number, number>();
  let k = 0;
  sheets.forEach((s, i) => {
    if (!dropped.includes(s)) keptIndex.set(i, k++);
  });
  for (const s of dropped) {
    workbook = workbook.replace(s.tag, "");
    rels = rels.replace(new RegExp(`<Relationship\\b[^>]*\\sId="${escapeRegExp(xmlText(s.relId))}"[^>]*/>`), "");
    const sheetRels = relsPath(s.path);
    if (pkg.has(sheetRels)) {
      for (const r of relationships(await pkg.text(sheetRels))) {
        if (r.external || !/\/(?:table|customProperty)$/.test(r.type)) continue;
        const part = resolveTarget(s.path, r.target);
        pkg.remove(part);
        types = removeOverride(types, part);
      }
      pkg.remove(sheetRels);
    }
    pkg.remove(s.path);
    types = removeOverride(types, s.path);
  }
  for (const n of definedNames(workbook)) {
    const local = n.local;
    const gone = (local !== undefined && !keptIndex.has(local)) || dropped.some((s) => refersTo(n.text, s.name));
    if (gone) workbook = workbook.replace(n.tag, "");
    else if (local !== undefined && keptIndex.get(local) !== local) {
      const open = /^<definedName\b[^>]*>/.exec(n.tag)?.[0] ?? "";
      workbook = workbook.replace(n.tag, setAttr(open, "localSheetId", String(keptIndex.get(local))) + n.tag.slice(open.length));
    }
  }
  workbook = workbook.replace(/<definedNames>\s*<\/definedNames>/, "");
  workbook = workbook.replace(/<workbookView\b[^>]*\/?>/g, (tag) => {
    const active = Number(attr(tag, "activeTab") ?? 0);
    return active >= k ? setAttr(tag, "activeTab", "0") : tag;
  });
  pkg.set("xl/workbook.xml", workbook);
  pkg.set("xl/_rels/workbook.xml.rels", rels);
  pkg.set("[Content_Types].xml", types);
}

/**
 * Adds every sheet of `planBytes` after the sheets of `baseBytes`; with `replace`, the base's sheets with the
 * same names (case-insensitive) are dropped first. The plan's sheet, defined and table names must already be
 * free in the base (see `baseNames`).
 */
export async function graftSheets(
  baseBytes: Uint8Array,
  planParts: readonly (ZipEntry | RawZipEntry)[],
  shift: StyleShift,
  replace: ReadonlySet<string> = new Set(),
  planStrings?: PlanStrings,
): Promise<GraftResult> {
  const base = await readPackage(baseBytes);
  const plan = Parts.ofEntries(planParts);
  const macroParts = dropMacros(base);
  await dropSheets(base, replace);

  let types = await base.text("[Content_Types].xml");
  let workbook = await base.text("xl/workbook.xml");
  let rels = await base.text("xl/_rels/workbook.xml.rels");
  const baseSheets = await sheetEntries(base);
  const planSheets = await sheetEntries(plan);
  const planWorkbook = await plan.text("xl/workbook.xml");

  // Styles.
  const stylesRel = relationships(rels).find((r) => /\/styles$/.test(r.type));
  const stylesPath = stylesRel ? resolveTarget("xl/workbook.xml", stylesRel.target) : "xl/styles.xml";
  const merged = mergeStyles(await base.text(stylesPath), await plan.text("xl/styles.xml"));
  if (merged.xf !== shift.xf || merged.dxf !== shift.dxf) throw new Error("writeXlsx: the base's styles changed between inspection and grafting");
  base.set(stylesPath, merged.xml);

  // Shared strings: the plan's are appended to the base's (or become the base's), as bytes: the plan's items
  // (a 100 000-client plan has tens of megabytes of them) are never decoded, and deflated once.
  // Given as the writer's blocks (`planStrings`), they are not even joined; as a part, they are scanned once.
  const planSst = planStrings ? undefined : plan.has("xl/sharedStrings.xml") ? plan.bytes("xl/sharedStrings.xml") : undefined;
  if (planStrings || planSst) {
    const items = planStrings ? { blocks: planStrings.blocks.slice(1, -1), count: planStrings.count } : scannedItems(planSst as Uint8Array);
    const itemBytes = items.blocks.reduce((n, b) => n + b.length, 0);
    const whole = planStrings ? planStrings.blocks : [planSst as Uint8Array];
    const wholeBytes = whole.reduce((n, b) => n + b.length, 0);
    const sstRel = relationships(rels).find((r) => /\/sharedStrings$/.test(r.type));
    if (sstRel) {
      const path = resolveTarget("xl/workbook.xml", sstRel.target);
      const sstBytes = base.bytes(path);
      const sstOffset = countSharedItemBytes(sstBytes);
      if (sstOffset !== shift.sst) throw new Error("writeXlsx: the base's shared strings changed between inspection and grafting");
      const unique = sstOffset + items.count;
      const counted = (tag: string): string => setAttr(setAttr(tag, "uniqueCount", String(unique)), "count", String(Math.max(Number(attr(tag, "count") ?? 0) + items.count, unique)));
      const split = splitSharedStrings(sstBytes);
      let blocks: Uint8Array[];
      if (split) {
        // The base's items stay bytes: only the text up to the end of <sst …> is decoded and edited.
        blocks = [ENCODER.encode(counted(DECODER.decode(split.head))), split.items, ...items.blocks, split.tail];
      } else {
        // No "</sst>" (an empty <sst/>) or no opening tag found in the bytes: a small part, edited as text.
        const sst = DECODER.decode(sstBytes);
        const end = sst.lastIndexOf("</sst>");
        const empty = end >= 0 ? null : /<sst\b([^>]*)\/>/.exec(sst);
        if (end < 0 && !empty) throw new UnreadableBase(`${path}: no <sst> element`);
        const head = empty ? `${sst.slice(0, empty.index)}<sst${empty[1]}>` : sst.slice(0, end);
        const tail = empty ? `</sst>${sst.slice(empty.index + empty[0].length)}` : sst.slice(end);
        blocks = [ENCODER.encode(head.replace(/<sst\b[^>]*>/, counted)), ...items.blocks, ENCODER.encode(tail)];
      }
      base.setStored(path, (await compressBlocks(path, blocks, { large: itemBytes > LARGE_PART })).raw);
    } else {
      if (shift.sst !== 0) throw new Error("writeXlsx: the base's shared strings changed between inspection and grafting");
      base.setStored("xl/sharedStrings.xml", (await compressBlocks("xl/sharedStrings.xml", whole, { large: wholeBytes > LARGE_PART })).raw);
      const added = addRelationship(rels, REL.sharedStrings, "sharedStrings.xml");
      rels = added.xml;
      types = addOverride(types, "xl/sharedStrings.xml", TYPE.sharedStrings);
    }
  }

  // Sheets, with their tables, drawings and charts under free names.
  const taken = new Set<string>();
  let tableId = 0;
  for (const path of base.paths().filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
    tableId = Math.max(tableId, Number(attr(/<table\b[^>]*>/.exec(await base.text(path))?.[0] ?? "", "id") ?? 0));
  }
  let sheetId = Math.max(0, ...baseSheets.map((s) => Number(attr(s.tag, "sheetId") ?? 0)));
  const planTypes = await plan.text("[Content_Types].xml");
  const typeOf = (part: string): string | undefined => {
    const m = new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*ContentType="([^"]+)"`).exec(planTypes);
    return m?.[1];
  };
  /** Copies a part and, recursively, the parts its relationships point to; returns its new path. */
  const copyPart = async (from: string, prefix: string, transform?: (xml: string) => string, ext = "xml"): Promise<string> => {
    const to = nextFree(base, prefix, taken, ext);
    const fromRels = relsPath(from);
    if (plan.has(fromRels)) {
      let relXml = await plan.text(fromRels);
      for (const r of relationships(relXml)) {
        if (r.external) continue;
        const target = resolveTarget(from, r.target);
        const folder = /^(.*\/)([a-zA-Z]+?)\d*\.(xml|bin)$/.exec(target);
        if (!folder) continue;
        const copied = await copyPart(target, `${folder[1]}${folder[2]}`, target.startsWith("xl/tables/") ? renumberTable : undefined, folder[3]);
        relXml = relXml.replace(new RegExp(`(<Relationship\\b[^>]*\\sId="${r.id}"[^>]*\\sTarget=")[^"]*(")`), `$1${relative(to, copied)}$2`);
      }
      base.set(relsPath(to), relXml);
    }
    // Bytes as they are, compressed (a 100 000-row sheet is never decoded nor inflated); only tables are edited.
    if (transform) base.set(to, transform(plan.text(from)));
    else plan.copyTo(base, from, to);
    const type = typeOf(from);
    if (type) types = addOverride(types, to, type);
    return to;
  };
  const renumberTable = (xml: string): string => xml.replace(/<table\b[^>]*>/, (tag) => setAttr(tag, "id", String(++tableId)));

  const newIndex = new Map<number, number>();
  const remaining = (await sheetEntries(base)).length;
  for (const [k, sheet] of planSheets.entries()) {
    const to = await copyPart(sheet.path, "xl/worksheets/sheet");
    types = addOverride(types, to, TYPE.worksheet);
    const added = addRelationship(rels, REL.worksheet, relative("xl/workbook.xml", to));
    rels = added.xml;
    const tag = `<sheet name="${xmlText(sheet.name)}" sheetId="${++sheetId}"${attr(sheet.tag, "state") && attr(sheet.tag, "state") !== "visible" ? ` state="${attr(sheet.tag, "state")}"` : ""} r:id="${added.id}"/>`;
    workbook = workbook.includes("</sheets>") ? workbook.replace("</sheets>", `${tag}</sheets>`) : workbook.replace(/<sheets\s*\/>/, `<sheets>${tag}</sheets>`);
    newIndex.set(k, remaining + k);
  }

  // Defined names of the plan (parameters, print areas and titles) follow their sheets.
  const names = definedNames(planWorkbook).map((n) => {
    const local = n.local !== undefined ? newIndex.get(n.local) : undefined;
    const open = /^<definedName\b[^>]*>/.exec(n.tag)?.[0] ?? "<definedName>";
    const tag = local !== undefined ? setAttr(open, "localSheetId", String(local)) : open;
    return `${tag}${xmlText(n.text)}</definedName>`;
  });
  if (names.length > 0) {
    if (workbook.includes("</definedNames>")) workbook = workbook.replace("</definedNames>", `${names.join("")}</definedNames>`);
    else {
      const at = ["<calcPr", "<oleSize", "<customWorkbookViews", "<pivotCaches", "<smartTagPr", "<smartTagTypes", "<webPublishing", "<fileRecoveryPr", "<webPublishObjects", "<extLst", "</workbook>"]
        .map((t) => workbook.indexOf(t))
        .filter((i) => i >= 0)
        .reduce((a, b) => Math.min(a, b), workbook.length);
      workbook = `${workbook.slice(0, at)}<definedNames>${names.join("")}</definedNames>${workbook.slice(at)}`;
    }
  }
  // The merged workbook must be recalculated by its reader: the base's cached results stay valid, ours too.
  base.set("xl/workbook.xml", workbook);
  base.set("xl/_rels/workbook.xml.rels", rels);
  base.set("[Content_Types].xml", types);
  return { chunks: zipChunks(await compressedEntries(base.entries())), macroParts };
}

/**
 * The entries to zip, their parts compressed ahead where the runtime has no native synchronous deflate (the
 * browser): there `zipChunks` would deflate every edited or added part (workbook, styles, relationships, the plan's
 * tables and charts) with pako, pure JavaScript and cold in a fresh page (about 0.24 s of the wizard's generate
 * step at 10 000 clients in Chromium), where the browser's own DEFLATE stream (`compressBlocks`) does them natively,
 * all at once. Node keeps zlib's synchronous deflate in `zipChunks`. The writer's package without a base (a CSV's)
 * goes through it too.
 */
export async function compressedEntries(entries: readonly (ZipEntry | RawZipEntry)[]): Promise<(ZipEntry | RawZipEntry)[]> {
  if (defaultCodec().name !== "pako") return [...entries];
  return Promise.all(entries.map((e) => ("raw" in e ? e : compressBlocks(e.name, [e.data], { large: e.data.length > LARGE_PART }))));
}

/** The merged package, and how many parts of a VBA project were left out of it (see `dropMacros`). */
export interface GraftResult {
  /** The package as the pieces to write in order (see `zipChunks`). */
  readonly chunks: readonly Uint8Array[];
  readonly macroParts: number;
}
