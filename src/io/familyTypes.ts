import { ioMessage } from "../i18n/io";
import { cellToLabel, normaliseCell } from "./cells";
import { asRow, assertRows, columnName } from "./common";
import { detectFamilyColumn, headerText, normaliseHeaderText } from "./headers";
import { headerList, type ImportIssue } from "./report";

/** The rep's family-type table read against the journal's families. */
export interface FamilyTypeTable {
  /** One entry per journal family, in `families` order: "FiLo", "FiFo", "LiFo", "LiLo", or "" when untyped. */
  readonly types: readonly string[];
  /** Families of the table that the journal does not have (ignored). */
  readonly unknownFamilies: readonly string[];
  /** Journal families the table does not type. */
  readonly untyped: number;
  readonly issues: readonly ImportIssue[];
}

const TYPE_WORD = /^(?:type|types|type produit|type de produit|type famille|type de famille|fidelite|product type|family type|loyalty type)$/;
const TYPES: Readonly<Record<string, string>> = { filo: "FiLo", fifo: "FiFo", lifo: "LiFo", lilo: "LiLo" };

function keyOf(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === "string") {
    const t = value.trim().replace(/\s+/g, " ");
    return t === "" || t.startsWith("#") ? undefined : t;
  }
  const cell = normaliseCell(value);
  return cell.kind === "error" ? undefined : cellToLabel(cell);
}

/**
 * Reads the rep's table "famille ; type" (a sheet or a CSV, `rows[0]` the header) for the families of a journal
 * (SPEC §12). The type column is titled « Type », « Type de produit », « Fidélité »…; the family column is found
 * like the journal's (family, product code, description), else it is the first other column. A type is FiLo,
 * FiFo, LiFo or LiLo (case, spaces and hyphens ignored); anything else leaves the family untyped with a warning
 * naming the row. A family named twice keeps its first type (warning when they differ). Families match the
 * journal's labels exactly (trimmed; a number as written). Never throws on user data.
 * @throws TypeError when `rows` is not an array.
 * @example readFamilyTypeTable([["Famille", "Type"], ["Consommables", "FiLo"]], ["Consommables", "Options"]).types // ["FiLo", ""]
 */
export function readFamilyTypeTable(rows: unknown[][], families: readonly string[], firstRowNumber = 1): FamilyTypeTable {
  assertRows(rows, "readFamilyTypeTable");
  const issues: ImportIssue[] = [];
  const issue = (key: Parameters<typeof ioMessage>[0], severity: ImportIssue["severity"], params: Record<string, string | number>, row?: number): void => {
    const all = row !== undefined ? { ...params, row } : params;
    issues.push({ key, severity, params: all, message: ioMessage(key, all, "fr"), ...(row !== undefined ? { row } : {}) });
  };
  const header = rows.length > 0 ? asRow(rows[0]).map(headerText) : [];
  const typeCol = header.findIndex((h) => TYPE_WORD.test(normaliseHeaderText(h)));
  const famCol = typeCol < 0 ? -1 : (detectFamilyColumn(header, new Set([typeCol]))?.column ?? header.findIndex((h, c) => c !== typeCol && h !== ""));
  if (typeCol < 0 || famCol < 0) {
    issue("TYPE_TABLE_NO_COLUMNS", "error", { headers: headerList(header) });
    return { types: families.map(() => ""), unknownFamilies: [], untyped: families.length, issues };
  }
  const index = new Map<string, number>();
  families.forEach((f, k) => index.set(f, k));
  const types: string[] = families.map(() => "");
  const seen = new Map<string, string>();
  const unknownFamilies: string[] = [];
  for (let i = 1; i < rows.length; i++) {
    const row = asRow(rows[i]);
    const rowNumber = firstRowNumber + i;
    const family = keyOf(row[famCol]);
    if (family === undefined) continue;
    const raw = row[typeCol];
    const text = typeof raw === "string" ? raw : raw === null || raw === undefined ? "" : String(raw);
    const type = text.trim() === "" ? "" : TYPES[text.replace(/[\s\-_]/g, "").toLowerCase()];
    if (type === undefined) {
      issue("TYPE_UNKNOWN", "warning", { column: columnName(header[typeCol], typeCol), value: text, family }, rowNumber);
      continue;
    }
    const before = seen.get(family);
    if (before !== undefined) {
      if (before !== type) issue("TYPE_FAMILY_TWICE", "warning", { family, value: before, value2: type }, rowNumber);
      continue;
    }
    seen.set(family, type);
    const k = index.get(family);
    if (k === undefined) unknownFamilies.push(family);
    else types[k] = type;
  }
  if (unknownFamilies.length > 0) issue("TYPE_FAMILIES_UNKNOWN", "info", { n: unknownFamilies.length, family: unknownFamilies[0] });
  const untyped = types.filter((t) => t === "").length;
  if (untyped > 0) issue("TYPE_FAMILIES_UNTYPED", "warning", { n: untyped, family: families[types.indexOf("")] });
  return { types, unknownFamilies, untyped, issues };
}
