import { isFormulaCell, quoteSheet, rangeAddress } from "../plan/cells";
import type { CellRange, ChartPlan, ColumnGroup, PlanValue, SheetPlan } from "../plan/types";
import { insertBulkRows, type BulkRun } from "./bulkRows";
import { shiftSheetXml, xmlDecode, type StyleShift } from "./graft";
import { Parts, relsPath, resolveTarget } from "./parts";
import { protectSheetXml } from "./sheetFeatures";
import { xmlText } from "./xmlText";
import { writeZip } from "./zip";

/** A table whose rows exceljs did not all write: its full range, set by the finishing pass. */
export interface TableRef {
  readonly name: string;
  /** "A1:T100001". */
  readonly ref: string;
}

/** A written sheet (with its final name): its charts, its runs of rows to write as XML, its tables to widen. */
export interface SheetCharts {
  readonly sheet: SheetPlan;
  readonly runs?: readonly BulkRun[];
  readonly tables?: readonly TableRef[];
}

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rel: "http://schemas.openxmlformats.org/package/2006/relationships",
  drawingRel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chartRel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  drawingType: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chartType: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

const COLOURS = { bars: "2E75B6", line: "C00000", threshold: "7F7F7F", points: "2E75B6" } as const;
/** Above this many categories the Pareto's client labels are hidden (they would overlap). */
const MAX_LABELLED_CATEGORIES = 40;

export function xmlEscape(text: string): string {
  return xmlText(text);
}

/** The cells of a sheet plan, to fill the charts' caches (what a reader shows before recalculating). */
function cellReader(sheet: SheetPlan): (row: number, col: number) => PlanValue {
  const cells = new Map<number, PlanValue>();
  for (const block of sheet.blocks) {
    block.values.forEach((line, i) =>
      line.forEach((v, j) => {
        if (v !== null) cells.set((block.row + i) * 16384 + block.col + j, v);
      }),
    );
  }
  return (row, col) => {
    const v = cells.get(row * 16384 + col) ?? null;
    return isFormulaCell(v) ? (v.result ?? null) : v;
  };
}

function cellsOf(range: CellRange, read: (row: number, col: number) => PlanValue): PlanValue[] {
  const out: PlanValue[] = [];
  for (let r = range.row; r < range.row + range.rows; r++) for (let c = range.col; c < range.col + range.cols; c++) out.push(read(r, c));
  return out;
}

function ref(sheet: string, range: CellRange): string {
  return xmlEscape(`${quoteSheet(sheet)}!${rangeAddress(range)}`);
}

function strRef(sheet: string, range: CellRange, read: (row: number, col: number) => PlanValue): string {
  const values = cellsOf(range, read);
  const points = values.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${xmlEscape(String(v))}</c:v></c:pt>`)).join("");
  return `<c:strRef><c:f>${ref(sheet, range)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(sheet: string, range: CellRange, read: (row: number, col: number) => PlanValue, format = "General"): string {
  const values = cellsOf(range, read);
  const points = values
    .map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ""))
    .join("");
  return `<c:numRef><c:f>${ref(sheet, range)}</c:f><c:numCache><c:formatCode>${xmlEscape(format)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`;
}

function rich(text: string, size: number, bold: boolean): string {
  const b = bold ? "1" : "0";
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${b}"/></a:pPr><a:r><a:rPr lang="fr-FR" sz="${size}" b="${b}"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

function title(text: string | undefined, size = 1200, bold = true): string {
  return text ? `<c:title>${rich(text, size, bold)}<c:overlay val="0"/></c:title>` : "";
}

function textProps(size: number, rotation = 0): string {
  return `<c:txPr><a:bodyPr rot="${rotation}" vert="horz"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="fr-FR"/></a:p></c:txPr>`;
}

function seriesName(name: string): string {
  return `<c:tx><c:v>${xmlEscape(name)}</c:v></c:tx>`;
}

function chartSpace(body: string, legend: boolean): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:roundedCorners val="0"/><c:chart>${body}` +
    (legend ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProps(900)}</c:legend>` : "") +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

/**
 * Pareto: CA bars on the primary axes, cumulative share as a line on a secondary 0–100 % axis, and, when the
 * plan gives a third series, the 80 % reference as a dashed line on the same axis.
 */
function paretoXml(chart: ChartPlan, sheet: string, read: (row: number, col: number) => PlanValue): string {
  const [bars, line, threshold] = chart.series;
  const categories = chart.categories;
  if (!bars || !line || !categories) throw new Error("writeXlsx: a pareto chart needs categories and two series");
  const cat = `<c:cat>${strRef(sheet, categories, read)}</c:cat>`;
  const labelled = categories.rows * categories.cols <= MAX_LABELLED_CATEGORIES;
  const axes = chart.axisTitles ?? {};
  return chartSpace(
    title(chart.title) +
      `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
      `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
      `<c:ser><c:idx val="0"/><c:order val="0"/>${seriesName(bars.name)}` +
      `<c:spPr><a:solidFill><a:srgbClr val="${COLOURS.bars}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
      `${cat}<c:val>${numRef(sheet, bars.values, read)}</c:val></c:ser>` +
      `<c:gapWidth val="40"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
      `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
      `<c:ser><c:idx val="1"/><c:order val="1"/>${seriesName(line.name)}` +
      `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${COLOURS.line}"/></a:solidFill></a:ln></c:spPr>` +
      `<c:marker><c:symbol val="circle"/><c:size val="4"/><c:spPr><a:solidFill><a:srgbClr val="${COLOURS.line}"/></a:solidFill></c:spPr></c:marker>` +
      `${cat}<c:val>${numRef(sheet, line.values, read, "0%")}</c:val><c:smooth val="0"/></c:ser>` +
      (threshold
        ? `<c:ser><c:idx val="2"/><c:order val="2"/>${seriesName(threshold.name)}` +
          `<c:spPr><a:ln w="19050"><a:solidFill><a:srgbClr val="${COLOURS.threshold}"/></a:solidFill><a:prstDash val="dash"/></a:ln></c:spPr>` +
          `<c:marker><c:symbol val="none"/></c:marker>` +
          `${cat}<c:val>${numRef(sheet, threshold.values, read, "0%")}</c:val><c:smooth val="0"/></c:ser>`
        : "") +
      `<c:marker val="1"/><c:axId val="1003"/><c:axId val="1004"/></c:lineChart>` +
      `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
      title(axes.x, 900, false) +
      `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
      `<c:tickLblPos val="${labelled ? "nextTo" : "none"}"/>${textProps(700, -2700000)}` +
      `<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
      `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
      `<c:majorGridlines><c:spPr><a:ln><a:solidFill><a:srgbClr val="E0E0E0"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
      `<c:numFmt formatCode="${xmlEscape('#,##0 "€"')}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
      `<c:tickLblPos val="nextTo"/>${textProps(800)}<c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
      `<c:catAx><c:axId val="1003"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="1"/><c:axPos val="b"/>` +
      `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="1004"/><c:crosses val="autoZero"/>` +
      `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
      `<c:valAx><c:axId val="1004"/><c:scaling><c:orientation val="minMax"/><c:max val="1"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="r"/>` +
      title(axes.y2, 900, false) +
      `<c:numFmt formatCode="0%" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(800)}` +
      `<c:crossAx val="1003"/><c:crosses val="max"/><c:crossBetween val="between"/><c:majorUnit val="0.2"/></c:valAx>` +
      `</c:plotArea>`,
    true,
  );
}

function rankAxis(id: number, cross: number, position: "b" | "l", name: string | undefined): string {
  return (
    `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/><c:max val="5"/><c:min val="0"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${position}"/>` +
    `<c:majorGridlines><c:spPr><a:ln><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    title(name, 900, false) +
    `<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(800)}` +
    `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:crossBetween val="midCat"/><c:majorUnit val="1"/></c:valAx>`
  );
}

/** P-R matrix: a scatter of the clients' (P, R), ranks 1–4 on both axes. */
function prMatrixXml(chart: ChartPlan, sheet: string, read: (row: number, col: number) => PlanValue): string {
  const [x, y] = chart.series;
  if (!x || !y) throw new Error("writeXlsx: a prMatrix chart needs two series (P and R)");
  const axes = chart.axisTitles ?? {};
  return chartSpace(
    title(chart.title) +
      `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
      `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>` +
      `<c:ser><c:idx val="0"/><c:order val="0"/>${seriesName(y.name)}` +
      `<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr>` +
      `<c:marker><c:symbol val="circle"/><c:size val="9"/><c:spPr><a:solidFill><a:srgbClr val="${COLOURS.points}"><a:alpha val="55000"/></a:srgbClr></a:solidFill></c:spPr></c:marker>` +
      `<c:xVal>${numRef(sheet, x.values, read)}</c:xVal><c:yVal>${numRef(sheet, y.values, read)}</c:yVal><c:smooth val="0"/></c:ser>` +
      `<c:axId val="2001"/><c:axId val="2002"/></c:scatterChart>` +
      rankAxis(2001, 2002, "b", axes.x) +
      rankAxis(2002, 2001, "l", axes.y) +
      `</c:plotArea>`,
    false,
  );
}

export function chartXml(chart: ChartPlan, sheet: SheetPlan): string {
  const read = cellReader(sheet);
  switch (chart.kind) {
    case "pareto":
      return paretoXml(chart, sheet.name, read);
    case "prMatrix":
      return prMatrixXml(chart, sheet.name, read);
  }
}

function anchorXml(chart: ChartPlan, index: number, relId: string): string {
  const { row, col, rows, cols } = chart.anchor;
  const point = (c: number, r: number): string => `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${point(col, row)}</xdr:from><xdr:to>${point(col + cols, row + rows)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 1000}" name="${xmlEscape(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function emptyDrawing(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"></xdr:wsDr>`;
}

function emptyRels(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rel}"></Relationships>`;
}

/** Adds a relationship and returns its id (the first free "rIdN"). */
function addRelationship(rels: string, type: string, target: string): { xml: string; id: string } {
  const used = new Set([...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const xml = rels.replace("</Relationships>", `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`);
  return { xml, id };
}

function nextFree(zip: Parts, prefix: string): number {
  let n = 1;
  while (zip.has(`${prefix}${n}.xml`)) n++;
  return n;
}

/** Children of <worksheet> that must come after <drawing> (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING = ["<legacyDrawing", "<legacyDrawingHF", "<drawingHF", "<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst"];

function insertDrawing(sheetXml: string, relId: string): string {
  const element = `<drawing r:id="${relId}"/>`;
  let at = -1;
  for (const tag of AFTER_DRAWING) {
    const i = sheetXml.indexOf(tag);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = sheetXml.lastIndexOf("</worksheet>");
  let xml = sheetXml.slice(0, at) + element + sheetXml.slice(at);
  if (!/<worksheet[^>]*xmlns:r=/.test(xml)) xml = xml.replace("<worksheet", `<worksheet xmlns:r="${NS.r}"`);
  return xml;
}

/** The attributes of an XML start tag's text (`min="1" max="2"`), in order. */
function attributes(text: string): [string, string][] {
  return [...text.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]);
}

/**
 * The sheet's `<cols>` with the columns of `groups` at outline level 1 (hidden when the group is): `<col>`
 * elements that straddle a group's edge are split, columns of a group without an element get one, and
 * `<sheetFormatPr>` says the sheet has a column outline. exceljs writes no column outline; this pass does.
 */
export function groupColumnsXml(sheetXml: string, groups: readonly ColumnGroup[]): string {
  const spans = groups.filter((g) => g.cols > 0).map((g) => ({ min: g.col + 1, max: g.col + g.cols, hidden: g.hidden }));
  if (spans.length === 0) return sheetXml;
  const inGroup = (c: number) => spans.find((g) => c >= g.min && c <= g.max);
  const existing = /<cols>([\s\S]*?)<\/cols>/.exec(sheetXml);
  const elements = existing ? [...existing[1].matchAll(/<col\b([^>]*?)\/>/g)].map((m) => attributes(m[1])) : [];
  const out: { min: number; max: number; attrs: [string, string][] }[] = [];
  const covered = new Set<number>();
  const push = (min: number, max: number, attrs: [string, string][]): void => {
    const group = inGroup(min);
    const kept = attrs.filter(([k]) => k !== "min" && k !== "max" && (!group || (k !== "outlineLevel" && k !== "hidden")));
    const extra: [string, string][] = group ? [["outlineLevel", "1"], ...(group.hidden ? ([["hidden", "1"]] as [string, string][]) : [])] : [];
    out.push({ min, max, attrs: [...kept, ...extra] });
  };
  for (const attrs of elements) {
    const min = Number(attrs.find(([k]) => k === "min")?.[1]);
    const max = Number(attrs.find(([k]) => k === "max")?.[1]);
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) continue;
    let start = min;
    for (let c = min; c <= max; c++) {
      covered.add(c);
      if (c === max || inGroup(c) !== inGroup(c + 1)) {
        push(start, c, attrs);
        start = c + 1;
      }
    }
  }
  for (const g of spans) for (let c = g.min; c <= g.max; c++) if (!covered.has(c)) push(c, c, []);
  out.sort((a, b) => a.min - b.min);
  const cols =
    "<cols>" +
    out.map((c) => `<col min="${c.min}" max="${c.max}"${c.attrs.map(([k, v]) => ` ${k}="${v}"`).join("")}/>`).join("") +
    "</cols>";
  let xml = existing ? sheetXml.replace(existing[0], cols) : sheetXml.replace("<sheetData", `${cols}<sheetData`);
  const formatPr = /<sheetFormatPr\b[^>]*>/.exec(xml)?.[0];
  if (formatPr) {
    // exceljs writes outlineLevelCol="0": the outline would not show.
    const level = /\boutlineLevelCol="(\d+)"/.exec(formatPr);
    const fixed = level
      ? Number(level[1]) >= 1
        ? formatPr
        : formatPr.replace(level[0], 'outlineLevelCol="1"')
      : formatPr.replace("<sheetFormatPr", '<sheetFormatPr outlineLevelCol="1"');
    xml = xml.replace(formatPr, fixed);
  } else {
    xml = xml.replace("<cols>", '<sheetFormatPr defaultRowHeight="15" outlineLevelCol="1"/><cols>');
  }
  return xml;
}

/** The package path of each sheet, by sheet name, from workbook.xml and its relationships. */
async function sheetPaths(zip: Parts): Promise<Map<string, string>> {
  const workbook = await read(zip, "xl/workbook.xml");
  const rels = await read(zip, "xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, resolveTarget("xl/workbook.xml", xmlDecode(target)));
  }
  const paths = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const path = id ? targets.get(id) : undefined;
    if (name !== undefined && path) paths.set(xmlDecode(name), path);
  }
  return paths;
}

async function read(zip: Parts, path: string): Promise<string> {
  return zip.text(path);
}

/**
 * The finishing pass over the package exceljs wrote: large runs of rows inserted as XML (see `bulkRows`), the
 * column groups (`groupColumnsXml`), then the plan's charts (exceljs writes none): for each sheet, one drawing part holding a graphic frame per chart,
 * one chart part per chart (DrawingML, with cached values so the file reads right before any recalculation),
 * the relationships, the content types and the sheet's `<drawing>` element. The package is compressed once,
 * here.
 */
export async function finishParts(bytes: Uint8Array, sheets: readonly SheetCharts[], shift?: StyleShift): Promise<Map<string, Uint8Array>> {
  const zip = await Parts.read(bytes);
  const paths = await sheetPaths(zip);
  let types = await read(zip, "[Content_Types].xml");
  const override = (part: string, type: string): void => {
    if (!types.includes(`PartName="/${part}"`)) types = types.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
  };
  for (const { sheet, runs } of sheets) {
    const charts = sheet.charts ?? [];
    const groups = sheet.columnGroups ?? [];
    if (charts.length === 0 && (runs?.length ?? 0) === 0 && groups.length === 0 && !shift && !sheet.protection) continue;
    const sheetPath = paths.get(sheet.name);
    if (!sheetPath) throw new Error(`writeXlsx: sheet "${sheet.name}" not found in the package`);
    // Indexes move into the base workbook before the bulk rows copy the template rows' styles.
    let sheetXml = shift ? shiftSheetXml(await read(zip, sheetPath), shift) : await read(zip, sheetPath);
    if (charts.length > 0) sheetXml = await addSheetCharts(zip, sheet, sheetPath, sheetXml, override);
    if (groups.length > 0) sheetXml = groupColumnsXml(sheetXml, groups);
    sheetXml = protectSheetXml(sheetXml, sheet.protection);
    // Large sheets skip JSZip's string encoding: they go to the ZIP writer as UTF-8 bytes.
    zip.set(sheetPath, insertBulkRows(sheetXml, runs ?? []));
  }
  zip.set("[Content_Types].xml", types);
  const widen = new Map(sheets.flatMap((s) => s.tables ?? []).map((t) => [t.name, t.ref]));
  if (widen.size > 0) {
    for (const path of zip.paths().filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
      const xml = await read(zip, path);
      const name = /<table\b[^>]*\bname="([^"]*)"/.exec(xml)?.[1];
      const ref = name !== undefined ? widen.get(xmlDecode(name)) : undefined;
      if (!ref) continue;
      const table = xml.replace(/(<table\b[^>]*\bref=")[^"]*"/, `$1${ref}"`).replace(/(<autoFilter\b[^>]*\bref=")[^"]*"/, `$1${ref}"`);
      zip.set(path, table);
    }
  }
  return zip.toMap();
}

/** The parts as an .xlsx package ([Content_Types].xml first). */
export function zipParts(parts: ReadonlyMap<string, Uint8Array>): Uint8Array {
  return writeZip(Parts.of(parts).entries());
}

async function addSheetCharts(
  zip: Parts,
  sheet: SheetPlan,
  sheetPath: string,
  sheetXmlIn: string,
  override: (part: string, type: string) => void,
): Promise<string> {
  let sheetXml = sheetXmlIn;
  const sheetRelsPath = relsPath(sheetPath);
  let sheetRels = zip.has(sheetRelsPath) ? await read(zip, sheetRelsPath) : emptyRels();
  // The sheet's drawing: the existing one (images) or a new part.
  let drawingPath: string;
  const existing = /<drawing\b[^>]*r:id="([^"]+)"/.exec(sheetXml)?.[1];
  const existingTarget = existing ? new RegExp(`<Relationship\\b[^>]*Id="${existing}"[^>]*>`).exec(sheetRels)?.[0] : undefined;
  const existingPath = existingTarget ? /\bTarget="([^"]+)"/.exec(existingTarget)?.[1] : undefined;
  if (existingPath) {
    drawingPath = resolveTarget(sheetPath, xmlDecode(existingPath));
  } else {
    drawingPath = `xl/drawings/drawing${nextFree(zip, "xl/drawings/drawing")}.xml`;
    zip.set(drawingPath, emptyDrawing());
    const added = addRelationship(sheetRels, NS.drawingRel, `../drawings/${drawingPath.split("/").pop()}`);
    sheetRels = added.xml;
    sheetXml = insertDrawing(sheetXml, added.id);
    override(drawingPath, NS.drawingType);
  }
  let drawing = await read(zip, drawingPath);
  const drawingRelsPath = relsPath(drawingPath);
  let drawingRels = zip.has(drawingRelsPath) ? await read(zip, drawingRelsPath) : emptyRels();
  (sheet.charts ?? []).forEach((chart, k) => {
    const chartPath = `xl/charts/chart${nextFree(zip, "xl/charts/chart")}.xml`;
    zip.set(chartPath, chartXml(chart, sheet));
    override(chartPath, NS.chartType);
    const added = addRelationship(drawingRels, NS.chartRel, `../charts/${chartPath.split("/").pop()}`);
    drawingRels = added.xml;
    drawing = drawing.replace("</xdr:wsDr>", `${anchorXml(chart, k, added.id)}</xdr:wsDr>`);
  });
  zip.set(drawingPath, drawing);
  zip.set(drawingRelsPath, drawingRels);
  zip.set(sheetRelsPath, sheetRels);
  return sheetXml;
}
