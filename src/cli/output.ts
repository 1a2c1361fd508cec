import type { Lang } from "../i18n/types";
import { SCORE_COLUMNS, scoreTable, type ScoredClient, type ScoredPortfolio } from "../plan";
import type { OutputFormat } from "./args";
import { CSV_EN, CSV_FR, toCsv } from "./csv";

type ScoreValue = string | number | null;

/** Numbers as they print: at most two decimals (an elasticity of 0.6, an RFM sum of 12). */
function rounded(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : Number(value.toFixed(2));
}

/** The values of one client, numbers as numbers, labels in the chosen language, null when not computed. */
function values(c: ScoredClient, text: Readonly<Record<(typeof SCORE_COLUMNS)[number], string>>): Record<(typeof SCORE_COLUMNS)[number], ScoreValue> {
  const t = (s: string): string | null => (s === "" ? null : s);
  return {
    id: c.id,
    abc: t(text.abc),
    r: c.r ? c.r.rank : null,
    p: c.p ? c.p.rank : null,
    pr_code: t(text.pr_code),
    pr_gap: c.pr ? c.pr.gap : null,
    pr_target: t(text.pr_target),
    rfm_code: t(text.rfm_code),
    rfm_sum: rounded(c.rfm?.sum),
    rfm_segment: t(text.rfm_segment),
    quadrant: t(text.quadrant),
    maturity: t(text.maturity),
    elasticity: rounded(c.elasticity?.value),
    contacts_planned: c.allocation ? c.allocation.total : null,
  };
}

/**
 * What `pac score` prints: one row per client (prospects, which have no CA and so no class, are left out), in
 * input order.
 * - CSV: the stable `SCORE_COLUMNS`, header first, CRLF; in French ";" between fields and a decimal comma, in
 *   English "," and a point (what each language's Excel splits); text that a spreadsheet would run as a
 *   formula is escaped as OWASP recommends (see `csvField`).
 * - JSON: an array of objects with those keys, numbers as JSON numbers and null when a method did not score
 *   the client, then per client its contacts by family (`entretien`, `stimulation`, `conquete`), its
 *   `calendar` (12 integers, January first) and its `warnings` (texts).
 */
export function scoreRows(portfolio: ScoredPortfolio, format: OutputFormat, lang: Lang = portfolio.lang): string {
  const texts = scoreTable(portfolio, lang);
  const kept = portfolio.clients.filter((c) => !c.isProspect);
  if (format === "json") {
    const rows = kept.map((c) => ({
      ...values(c, texts[c.index]),
      entretien: c.allocation?.entretien ?? null,
      stimulation: c.allocation?.stimulation ?? null,
      conquete: c.allocation?.conquete ?? null,
      calendar: c.allocation ? [...c.allocation.monthly] : null,
      warnings: c.warnings.map((w) => w.message),
    }));
    return `${JSON.stringify(rows, null, 2)}\n`;
  }
  const rows = kept.map((c) => {
    const v = values(c, texts[c.index]);
    return SCORE_COLUMNS.map((k) => v[k]);
  });
  return toCsv([SCORE_COLUMNS, ...rows], lang === "fr" ? CSV_FR : CSV_EN);
}
