import { columnLetter, isFormulaCell } from "../plan/cells";
import type { PlanValue } from "../plan/types";
import { xmlText } from "./xmlText";

/**
 * Large tables (one row per client) are written straight as sheet XML instead of through exceljs, which
 * needs seconds and hundreds of megabytes per 100 000 rows. exceljs still writes the first row of each such
 * run of rows, with its styles; the other rows reuse that row's style ids (`s`) column by column, which is
 * exact because the run is cut wherever a format rule starts or ends.
 */
export interface BulkRun {
  /** 0-based sheet row of the template row exceljs writes; the bulk rows follow it. */
  readonly templateRow: number;
  /** 0-based column of the first value. */
  readonly col: number;
  /** Values of the rows after the template row. */
  readonly rows: readonly (readonly PlanValue[])[];
}

/** Text as sheet XML holds it: see `xmlText` (forbidden characters removed, markup escaped). */
export function escapeText(text: string): string {
  return xmlText(text);
}

function cellXml(ref: string, style: string, value: PlanValue): string {
  const s = style ? ` s="${style}"` : "";
  if (value === null) return style ? `<c r="${ref}"${s}/>` : "";
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === "string") {
    // Inline text: never read as a formula, whatever it starts with.
    const space = value.length > 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32) ? ' xml:space="preserve"' : "";
    return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeText(value)}</t></is></c>`;
  }
  if (isFormulaCell(value)) {
    const f = `<f>${escapeText(value.formula)}</f>`;
    const r = value.result;
    if (r === undefined) return `<c r="${ref}"${s}>${f}</c>`;
    if (typeof r === "number") return `<c r="${ref}"${s}>${f}<v>${r}</v></c>`;
    if (typeof r === "boolean") return `<c r="${ref}"${s} t="b">${f}<v>${r ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${s} t="str">${f}<v>${escapeText(r)}</v></c>`;
  }
  return "";
}

/** The `s` attribute of each cell of one `<row>` element, by 0-based column. */
function rowStyles(rowXml: string): Map<number, string> {
  const styles = new Map<number, string>();
  for (const m of rowXml.matchAll(/<c\b([^>]*?)\/?>/g)) {
    const ref = /\br="([A-Z]+)\d+"/.exec(m[1])?.[1];
    const s = /\bs="(\d+)"/.exec(m[1])?.[1];
    if (ref && s) styles.set([...ref].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1, s);
  }
  return styles;
}

/** Where `<row r="n">` elements start in the sheet XML, in order. */
function rowPositions(xml: string): { row: number; start: number; end: number }[] {
  const out: { row: number; start: number; end: number }[] = [];
  const re = /<row\b[^>]*?\br="(\d+)"[^>]*?(\/>|>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const start = m.index;
    const end = m[2] === "/>" ? re.lastIndex : xml.indexOf("</row>", re.lastIndex) + "</row>".length;
    out.push({ row: Number(m[1]), start, end });
    re.lastIndex = end;
  }
  return out;
}

const ENCODER = new TextEncoder();

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Rows are encoded to UTF-8 this many at a time: few large strings, not millions of small ones, for the GC. */
const ROWS_PER_CHUNK = 2000;

/**
 * Inserts the bulk rows into a worksheet's XML (as written by exceljs) and widens its `<dimension>`; returns
 * the sheet as UTF-8 bytes. Runs must not overlap the rows exceljs wrote, other than their template row.
 */
export function insertBulkRows(sheetXml: string, runs: readonly BulkRun[]): Uint8Array {
  if (runs.length === 0) return ENCODER.encode(sheetXml);
  let xml = sheetXml.replace("<sheetData/>", "<sheetData></sheetData>");
  let maxRow = 0;
  let maxCol = 0;
  for (const run of runs) {
    maxRow = Math.max(maxRow, run.templateRow + 1 + run.rows.length);
    for (const line of run.rows) maxCol = Math.max(maxCol, run.col + line.length);
  }
  xml = xml.replace(/<dimension ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"\/>/, (_, c1: string, r1: string, c2?: string, r2?: string) => {
    const lastCol = Math.max(maxCol, c2 ? [...c2].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 0);
    const lastRow = Math.max(maxRow, Number(r2 ?? r1));
    return `<dimension ref="${c1}${r1}:${columnLetter(lastCol - 1)}${lastRow}"/>`;
  });
  const positions = rowPositions(xml);
  for (const run of runs) {
    const clash = positions.find((p) => p.row > run.templateRow + 1 && p.row <= run.templateRow + 1 + run.rows.length);
    if (clash) throw new Error(`writeXlsx: row ${clash.row} was written twice (internal error: a bulk run overlaps cells exceljs wrote)`);
  }
  const inserts = runs
    .map((run) => {
      const template = positions.find((p) => p.row === run.templateRow + 1);
      const next = positions.find((p) => p.row > run.templateRow + 1);
      return { run, at: next ? next.start : xml.indexOf("</sheetData>"), styles: template ? rowStyles(xml.slice(template.start, template.end)) : new Map<number, string>() };
    })
    .sort((a, b) => a.at - b.at);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const { run, at, styles } of inserts) {
    chunks.push(ENCODER.encode(xml.slice(from, at)));
    from = at;
    const width = run.rows.reduce((w, line) => Math.max(w, line.length), 0);
    const refs = Array.from({ length: width }, (_, j) => columnLetter(run.col + j));
    const attrs = refs.map((_, j) => styles.get(run.col + j) ?? "");
    let pending: string[] = [];
    run.rows.forEach((line, k) => {
      const rowNumber = run.templateRow + 2 + k;
      const cells: string[] = [`<row r="${rowNumber}">`];
      for (let j = 0; j < line.length; j++) cells.push(cellXml(refs[j] + rowNumber, attrs[j], line[j]));
      cells.push("</row>");
      pending.push(cells.join(""));
      if (pending.length === ROWS_PER_CHUNK) {
        chunks.push(ENCODER.encode(pending.join("")));
        pending = [];
      }
    });
    if (pending.length > 0) chunks.push(ENCODER.encode(pending.join("")));
  }
  chunks.push(ENCODER.encode(xml.slice(from)));
  return concat(chunks);
}
