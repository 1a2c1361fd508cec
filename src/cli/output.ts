import { SCORE_COLUMNS, scoreTable, type ScoredPortfolio } from "../plan";
import type { OutputFormat } from "./args";
import { toCsv } from "./csv";

/**
 * What `pac score` prints: one row per client (prospects, which have no CA and so no class, are left out), in
 * input order, with the stable `SCORE_COLUMNS`. CSV: RFC 4180, comma separated, header first, CRLF. JSON: an
 * array of objects with those keys. Values are `scoreTable`'s texts in the portfolio's language ("" when a
 * method did not score the client; numbers "0,6" in French, "0.6" with --lang en).
 */
export function scoreRows(portfolio: ScoredPortfolio, format: OutputFormat): string {
  const rows = scoreTable(portfolio).filter((_, i) => !portfolio.clients[i].isProspect);
  if (format === "json") return `${JSON.stringify(rows, null, 2)}\n`;
  return toCsv([SCORE_COLUMNS, ...rows.map((r) => SCORE_COLUMNS.map((c) => r[c]))]);
}
