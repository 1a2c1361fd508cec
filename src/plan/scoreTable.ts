import { QUADRANT_LABEL } from "../engine";
import { formatNumber, label, type Lang } from "../i18n";
import { targetLabelKey, segmentLabelKey } from "./labels";
import type { ScoredClient, ScoredPortfolio } from "./score";

/** The columns of `pac score`, in order; their names are stable (scripts read them). */
export const SCORE_COLUMNS = [
  "id",
  "abc",
  "r",
  "p",
  "pr_code",
  "pr_gap",
  "pr_target",
  "rfm_code",
  "rfm_sum",
  "rfm_segment",
  "quadrant",
  "maturity",
  "elasticity",
  "contacts_planned",
] as const;

export type ScoreColumn = (typeof SCORE_COLUMNS)[number];

/** One printed row: every value as the user reads it, "" when the method did not score the client. */
export type ScoreRow = Readonly<Record<ScoreColumn, string>>;

function num(value: number | undefined, lang: Lang, digits = 2): string {
  return value === undefined ? "" : formatNumber(value, lang, digits);
}

function scoreRow(c: ScoredClient, lang: Lang): ScoreRow {
  return {
    id: c.id,
    abc: c.abc?.cls ?? "",
    r: c.r ? String(c.r.rank) : "",
    p: c.p ? String(c.p.rank) : "",
    pr_code: c.pr?.code ?? "",
    pr_gap: c.pr ? String(c.pr.gap) : "",
    pr_target: c.pr ? label(targetLabelKey(c.pr.target), lang) : "",
    rfm_code: c.rfm?.code ?? "",
    rfm_sum: num(c.rfm?.sum, lang),
    rfm_segment: c.rfm?.segment ? label(segmentLabelKey(c.rfm.segment), lang) : "",
    quadrant: c.contacts ? label(QUADRANT_LABEL[c.contacts.quadrant], lang) : "",
    maturity: c.maturity?.phase ?? "",
    elasticity: num(c.elasticity?.value, lang),
    contacts_planned: c.allocation ? String(c.allocation.total) : "",
  };
}

/**
 * The score table `pac score` prints: one row per client in input order, with the `SCORE_COLUMNS`. Labels
 * (P-R target, RFM segment, contact quadrant) are in `lang` (default: the portfolio's); numbers are written
 * the way a reader of that language expects (elasticity "0,6" in French); "" when not computed. Maturity is
 * the phase letter D, C, M or V.
 *
 * @example scoreTable(scorePortfolio(clients, {}))[0].pr_target // "Développer"
 */
export function scoreTable(portfolio: ScoredPortfolio, lang: Lang = portfolio.lang): ScoreRow[] {
  return portfolio.clients.map((c) => scoreRow(c, lang));
}
