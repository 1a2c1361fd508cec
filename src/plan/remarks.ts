import type { Lang } from "../i18n";
import { planText, type PlanKey } from "../i18n/plan";
import { issueText, type ImportReport } from "../io/report";
import { range } from "./cells";
import { SheetDraft } from "./grid";
import { warningText, type ScoredPortfolio, type ScoreWarning } from "./score";
import { STYLES } from "./styles";
import type { SheetPlan } from "./types";

/**
 * One line of the "Remarques" sheet: something the user should know, with the source row and the client when
 * it is about one. A plain record so that every producer (the import report, the scoring, the writer) can add
 * its own: `kind` groups the lines (see `REMARK_KINDS`; an unknown kind is shown as it is).
 */
export interface Remark {
  /** Row of the source sheet (1-based, as the user sees it). */
  readonly row?: number;
  /** The client's identifier as read. */
  readonly client?: string;
  readonly message: string;
  readonly kind?: string;
}

/** The kinds this module gives a label to, in the order the wizard groups them. */
export const REMARK_KINDS = [
  "import",
  "method",
  "skipped",
  "client_error",
  "negative",
  "over_one",
  "maturity",
  "no_allocation",
  "allocation",
  "prospect",
  "write",
  "info",
] as const;

export type RemarkKind = (typeof REMARK_KINDS)[number];

const KIND_LABEL: Readonly<Record<RemarkKind, PlanKey>> = {
  import: "remark.kind.import",
  method: "remark.kind.method",
  skipped: "remark.kind.skipped",
  client_error: "remark.kind.client_error",
  negative: "remark.kind.negative",
  over_one: "remark.kind.over_one",
  maturity: "remark.kind.maturity",
  no_allocation: "remark.kind.no_allocation",
  allocation: "remark.kind.allocation",
  prospect: "remark.kind.prospect",
  write: "remark.kind.write",
  info: "remark.kind.info",
};

function isRemarkKind(kind: string): kind is RemarkKind {
  return Object.prototype.hasOwnProperty.call(KIND_LABEL, kind);
}

/** The label of a kind in `lang` ("Client exclu d'une méthode"); an unknown kind is its own label. */
export function remarkKindLabel(kind: string | undefined, lang: Lang): string {
  const k = kind ?? "info";
  return isRemarkKind(k) ? planText(KIND_LABEL[k], lang) : k;
}

/** The kind of a scoring warning, from its message key. */
const WARNING_KIND: Readonly<Partial<Record<ScoreWarning["key"], RemarkKind>>> = {
  "warn.skipped1": "skipped",
  "warn.skipped2": "skipped",
  "warn.skipped3": "skipped",
  "warn.client_error": "client_error",
  "warn.method_failed": "method",
  "warn.method_not_run": "method",
  "warn.over_one": "over_one",
  "warn.negative_ca": "negative",
  "warn.maturity_no_sales": "maturity",
  "warn.maturity_negative": "maturity",
  "warn.no_allocation": "no_allocation",
  "warn.pr_subset": "info",
};

/** The kind of a scoring warning: by its key, then by its family (the allocation's, the prospects'), else "info". */
export function warningKind(warning: ScoreWarning): RemarkKind {
  const kind = (WARNING_KIND as Readonly<Partial<Record<string, RemarkKind>>>)[warning.key];
  if (kind) return kind;
  if (warning.key.startsWith("allocation.")) return "allocation";
  if (warning.key.startsWith("prospects.")) return "prospect";
  return "info";
}

/** Every scoring warning as a remark, in the order found, its message in `lang`. */
export function scoreRemarks(portfolio: ScoredPortfolio, lang: Lang): Remark[] {
  return portfolio.warnings.map((w) => {
    const client = w.client !== undefined ? portfolio.clients[w.client] : undefined;
    const row = typeof w.params.row === "number" ? w.params.row : client?.row;
    // Written field by field, in the order of the interface (one per warning: tens of thousands, no spread).
    const remark: { row?: number; client?: string; message?: string; kind?: string } = {};
    if (row !== undefined) remark.row = row;
    if (client) remark.client = client.id;
    remark.message = lang === portfolio.lang ? w.message : warningText(w, lang);
    remark.kind = warningKind(w);
    return remark as Remark;
  });
}

/** The import report's entries as remarks (kind "import"), in the report's order, in `lang`. */
export function importRemarks(report: ImportReport, lang: Lang): Remark[] {
  return report.issues.map((issue) => {
    const id = issue.params.id;
    return {
      ...(issue.row !== undefined ? { row: issue.row } : {}),
      ...(typeof id === "string" && id !== "" ? { client: id } : {}),
      message: issueText(issue, lang),
      kind: "import",
    };
  });
}

const WIDTHS = [8, 14, 32, 110];

/**
 * The "Remarques" sheet (en "Notes"): every remark of the import and of the scoring, one per row — source row,
 * client, kind, message — under a title and a count; an explicit "none" line when there is nothing to say, so
 * the sheet a reader opens never looks forgotten. Filterable table, header frozen, A4 landscape one page wide.
 */
export function buildRemarksSheet(remarks: readonly Remark[], lang: Lang): SheetPlan {
  const t = (key: PlanKey, params?: Record<string, string | number>): string => planText(key, lang, params);
  const s = new SheetDraft(t("sheet.remarks"));
  const width = WIDTHS.length;
  s.set(0, 0, t("remarks.title"));
  s.style(range(0, 0, 1, width), STYLES.title);
  s.height(0, 26);
  s.set(1, 0, remarks.length > 0 ? t("remarks.count", { n: remarks.length }) : t("remarks.none"));
  s.style(range(1, 0, 1, 1), STYLES.subtitle);
  const head = 3;
  s.row(head, 0, [t("remarks.col.row"), t("remarks.col.client"), t("remarks.col.kind"), t("remarks.col.message")]);
  s.style(range(head, 0, 1, width), STYLES.header);
  const n = remarks.length;
  if (n > 0) {
    const labels = new Map<string | undefined, string>();
    const kindLabel = (kind: string | undefined): string => {
      let text = labels.get(kind);
      if (text === undefined) labels.set(kind, (text = remarkKindLabel(kind, lang)));
      return text;
    };
    s.block(
      head + 1,
      0,
      remarks.map((r) => [r.row ?? null, r.client ?? null, kindLabel(r.kind), r.message]),
    );
    s.style(range(head + 1, 0, n, 1), { horizontal: "center" });
    s.style(range(head + 1, 0, n, width), { vertical: "top" });
    s.style(range(head + 1, 3, n, 1), { wrap: true });
    // Readers do not all fit wrapped rows on load (LibreOffice keeps the default height): a long message gets
    // the height of its lines, estimated from the column width, so it never runs over the next row.
    const perLine = WIDTHS[3] - 8;
    remarks.forEach((r, k) => {
      const lines = Math.ceil(r.message.length / perLine);
      if (lines > 1) s.height(head + 1 + k, 15 * Math.min(lines, 10));
    });
    s.table({ name: t("table.remarks"), range: range(head, 0, n + 1, width), style: "TableStyleLight1" });
  }
  return s.toSheet({
    columnWidths: WIDTHS,
    freeze: { rows: head + 1, cols: 0 },
    tabColor: "#7F7F7F",
    print: { orientation: "landscape", paper: "A4", fitToPagesWide: 1, area: range(0, 0, head + 1 + Math.max(n, 0), width), titleRows: [head, head] },
  });
}
