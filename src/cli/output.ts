import { ENGAGEMENT_CLASSES, ENGAGEMENT_LABEL, ENGAGEMENT_NOT_CLASSED, IDEAL_CLASSES, IDEAL_LABEL, IDEAL_NOT_CLASSED, PROSPECT_STATUS_LABEL } from "../engine";
import type { Fidelity } from "../plan/fidelity";
import { explain, label } from "../i18n";
import type { Lang } from "../i18n/types";
import { SCORE_COLUMNS, planObjectives, scoreTable, type PlanObjectives, type ScoredClient, type ScoredPortfolio } from "../plan";
import type { OutputFormat } from "./args";
import { CSV_EN, CSV_FR, toCsv } from "./csv";

type ScoreValue = string | number | null;

/**
 * The columns of `pac score`, in order (stable names, scripts read them): the score table's, then the effort
 * objective of a client (SPEC §10) and the targeting of a prospect (§11): `prospect_status` (retenu, écarté,
 * non noté), `ep` (0..100, blank without the four criteria) and `conquete` (its conquest contacts; 0 for a client).
 */
export const CLI_SCORE_COLUMNS = [...SCORE_COLUMNS, "objective_ca", "objective_reason", "prospect_status", "ep", "conquete", "engagement", "ca_at_risk", "ideal"] as const;
type CliScoreColumn = (typeof CLI_SCORE_COLUMNS)[number];

/** Numbers as they print: at most two decimals (an elasticity of 0.6, an RFM sum of 12). */
function rounded(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : Number(value.toFixed(2));
}

/** The values of one client, numbers as numbers, labels in the chosen language, null when not computed. */
function values(c: ScoredClient, text: Readonly<Record<(typeof SCORE_COLUMNS)[number], string>>, objectives: PlanObjectives, lang: Lang, fidelity?: Fidelity): Record<CliScoreColumn, ScoreValue> {
  const t = (s: string): string | null => (s === "" ? null : s);
  const objective = objectives.clientLine(c.index);
  const prospect = objectives.prospectLine(c.index);
  const e = fidelity?.engagement;
  const k = fidelity?.engagementRow ? fidelity.engagementRow[c.index] : -1;
  const engaged = e && k >= 0 && e.engagement[k] !== ENGAGEMENT_NOT_CLASSED ? ENGAGEMENT_CLASSES[e.engagement[k]] : undefined;
  const ideal = fidelity?.ideal;
  const q = fidelity?.idealRow ? fidelity.idealRow[c.index] : -1;
  const idealClass = ideal && q >= 0 && ideal.ideal[q] !== IDEAL_NOT_CLASSED ? IDEAL_CLASSES[ideal.ideal[q]] : undefined;
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
    objective_ca: objective ? rounded(objective.objective) : null,
    objective_reason: objective ? explain(objective.why, lang) : null,
    prospect_status: prospect ? label(PROSPECT_STATUS_LABEL[prospect.status], lang) : null,
    ep: prospect?.ep !== null && prospect?.ep !== undefined ? rounded(prospect.ep) : null,
    conquete: c.allocation ? c.allocation.conquete : null,
    engagement: engaged ? label(ENGAGEMENT_LABEL[engaged], lang) : null,
    ca_at_risk: e && k >= 0 && engaged ? rounded(e.caAtRisk[k]) : null,
    ideal: idealClass ? label(IDEAL_LABEL[idealClass], lang) : null,
  };
}

/** The sentences behind `engagement` and `ideal` (JSON only): null when the method did not class the client. */
function fidelityReasons(i: number, fidelity: Fidelity | undefined, lang: Lang): { engagement_reason: string | null; ideal_reason: string | null } {
  const k = fidelity?.engagementRow ? fidelity.engagementRow[i] : -1;
  const q = fidelity?.idealRow ? fidelity.idealRow[i] : -1;
  const e = fidelity?.engagement;
  const ideal = fidelity?.ideal;
  return {
    engagement_reason: e && k >= 0 && e.engagement[k] !== ENGAGEMENT_NOT_CLASSED ? explain(e.explain(k), lang) : null,
    ideal_reason: ideal && q >= 0 ? explain(ideal.explain(q), lang) : null,
  };
}

/**
 * What `pac score` prints: one row per client and per prospect, in input order (a prospect has no CA, so its
 * class columns are empty and its targeting columns filled).
 * - CSV: the stable `CLI_SCORE_COLUMNS`, header first, CRLF; in French ";" between fields and a decimal comma, in
 *   English "," and a point (what each language's Excel splits); text that a spreadsheet would run as a
 *   formula is escaped as OWASP recommends (see `csvField`).
 * - JSON: an array of objects with those keys, numbers as JSON numbers and null when a method did not score
 *   the row, then per row its contacts by family (`entretien`, `stimulation`, `conquete`), its `calendar`
 *   (12 integers, January first) and its `warnings` (texts).
 * The objectives use SPEC §10's default rates (Développer +20 %, Entretenir +3 %). With `fidelity` (issue 16):
 * `engagement` (class of SPEC §12, blank without the rep's types), `ca_at_risk` (N-1 CA of the families stopped)
 * and `ideal` (class of the ideal-client matrix, §13); JSON adds `engagement_reason` and `ideal_reason`.
 */
export function scoreRows(portfolio: ScoredPortfolio, format: OutputFormat, lang: Lang = portfolio.lang, fidelity?: Fidelity): string {
  const texts = scoreTable(portfolio, lang);
  const objectives = planObjectives(portfolio);
  const kept = portfolio.clients;
  if (format === "json") {
    const rows = kept.map((c) => ({
      ...values(c, texts[c.index], objectives, lang, fidelity),
      entretien: c.allocation?.entretien ?? null,
      stimulation: c.allocation?.stimulation ?? null,
      conquete: c.allocation?.conquete ?? null,
      calendar: c.allocation ? [...c.allocation.monthly] : null,
      ...fidelityReasons(c.index, fidelity, lang),
      warnings: c.warnings.map((w) => w.message),
    }));
    return `${JSON.stringify(rows, null, 2)}\n`;
  }
  const rows = kept.map((c) => {
    const v = values(c, texts[c.index], objectives, lang, fidelity);
    return CLI_SCORE_COLUMNS.map((k) => v[k]);
  });
  return toCsv([CLI_SCORE_COLUMNS, ...rows], lang === "fr" ? CSV_FR : CSV_EN);
}
