import { lineOf } from "../plan/rows";
import { isFormulaCell, quoteSheet, rangeAddress } from "../plan/cells";
import type { CellRange, ChartPlan, PlanValue, SheetPlan } from "../plan/types";
import { xmlText } from "./xmlText";

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

/** The cells of a sheet plan, to fill the charts' caches (what a reader shows before recalculating). */
function cellReader(sheet: SheetPlan): (row: number, col: number) => PlanValue {
  return (row, col) => {
    let v: PlanValue = null;
    // A later block wins where it has a value, as in the sheet.
    for (const b of sheet.blocks) {
      const i = row - b.row;
      const line = i >= 0 && i < b.values.length ? lineOf(b.values, i) : undefined;
      const cell = line === undefined ? undefined : line[col - b.col];
      if (cell !== undefined && cell !== null) v = cell;
    }
    return isFormulaCell(v) ? (v.result ?? null) : v;
  };
}

function cellsOf(range: CellRange, read: (row: number, col: number) => PlanValue): PlanValue[] {
  const out: PlanValue[] = [];
  for (let r = range.row; r < range.row + range.rows; r++) for (let c = range.col; c < range.col + range.cols; c++) out.push(read(r, c));
  return out;
}

function ref(sheet: string, range: CellRange): string {
  return xmlText(`${quoteSheet(sheet)}!${rangeAddress(range)}`);
}

function strRef(sheet: string, range: CellRange, read: (row: number, col: number) => PlanValue): string {
  const values = cellsOf(range, read);
  const points = values.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${xmlText(String(v))}</c:v></c:pt>`)).join("");
  return `<c:strRef><c:f>${ref(sheet, range)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(sheet: string, range: CellRange, read: (row: number, col: number) => PlanValue, format = "General"): string {
  const values = cellsOf(range, read);
  const points = values
    .map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ""))
    .join("");
  return `<c:numRef><c:f>${ref(sheet, range)}</c:f><c:numCache><c:formatCode>${xmlText(format)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`;
}

function rich(text: string, size: number, bold: boolean): string {
  const b = bold ? "1" : "0";
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${b}"/></a:pPr><a:r><a:rPr lang="fr-FR" sz="${size}" b="${b}"/><a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

function title(text: string | undefined, size = 1200, bold = true): string {
  return text ? `<c:title>${rich(text, size, bold)}<c:overlay val="0"/></c:title>` : "";
}

function textProps(size: number, rotation = 0): string {
  return `<c:txPr><a:bodyPr rot="${rotation}" vert="horz"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="fr-FR"/></a:p></c:txPr>`;
}

function seriesName(name: string): string {
  return `<c:tx><c:v>${xmlText(name)}</c:v></c:tx>`;
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
      `<c:numFmt formatCode="${xmlText('#,##0 "€"')}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
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

export function anchorXml(chart: ChartPlan, index: number, relId: string): string {
  const { row, col, rows, cols } = chart.anchor;
  const point = (c: number, r: number): string => `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${point(col, row)}</xdr:from><xdr:to>${point(col + cols, row + rows)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 1000}" name="${xmlText(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** A sheet's drawing part: one graphic frame per chart, the k-th pointing to relationship `relIds[k]`. */
export function drawingXml(charts: readonly ChartPlan[], relIds: readonly string[]): string {
  const anchors = charts.map((chart, k) => anchorXml(chart, k, relIds[k])).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors}</xdr:wsDr>`;
}

/** Relationship and content types of drawings and charts. */
export const CHART_PARTS = { drawingRel: NS.drawingRel, chartRel: NS.chartRel, drawingType: NS.drawingType, chartType: NS.chartType } as const;

