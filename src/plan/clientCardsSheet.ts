import { explain, formatNumber, type Lang } from "../i18n";
import { planText, type PlanKey } from "../i18n/plan";
import { range } from "./cells";
import { SheetDraft } from "./grid";
import type { Fidelity } from "./fidelity";
import type { PlanObjectives } from "./objectives";
import { METHOD_LABEL, type PlanMethod, type ScoredClient, type ScoredPortfolio } from "./score";
import { ABC_COLOURS, PROSPECT_COLOUR, STYLES } from "./styles";
import type { SheetPlan } from "./types";

/** Above this many clients the "Fiches clients" sheet says in one line why it holds no card. */
export const CLIENT_CARDS_MAX = 5000;

/** What a line of explanation is about: a method of the scoring, or the objectives of SPEC §10–§11. */
export type ExplanationTopic = PlanMethod | "objective" | "effort" | "prospect" | "conquest" | "engagement" | "ideal";

/** One sentence of a client's pourquoi, with what it explains. */
export interface ExplanationLine {
  readonly topic: ExplanationTopic;
  readonly text: string;
}

const TOPIC_LABEL: Readonly<Record<ExplanationTopic, PlanKey>> = {
  ...METHOD_LABEL,
  objective: "cards.topic.objective",
  effort: "cards.topic.effort",
  prospect: "cards.topic.prospect",
  conquest: "cards.topic.conquest",
  engagement: "cards.topic.engagement",
  ideal: "cards.topic.ideal",
};

/** The name of a topic as a label ("ABC", "Rang R (CA)", "Objectif de CA"), first letter capitalised. */
export function topicLabel(topic: ExplanationTopic, lang: Lang): string {
  const text = planText(TOPIC_LABEL[topic], lang);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The full pourquoi of one client, the one the wizard shows and the "Fiches clients" sheet keeps: every reason
 * of the scoring (ABC with its share, R/P quarter, RFM thresholds, medians, maturity change, why the entretien
 * was reduced…) in the score's language, then, when `objectives` are given, its CA objective and effort line
 * (a client) or its targeting and conquest contacts (a prospect), and with `fidelity` its engagement (the family
 * it stopped buying) and its ideal-client class. One place for both, so they never differ.
 */
export function clientExplanation(client: ScoredClient, lang: Lang, objectives?: PlanObjectives, fidelity?: Fidelity): ExplanationLine[] {
  const why = client.why;
  const lines: ExplanationLine[] = client.reasons.map((r, k) => ({ topic: r.method, text: why[k] }));
  const engagementRow = fidelity?.engagement && fidelity.engagementRow ? fidelity.engagementRow[client.index] : -1;
  if (fidelity?.engagement && engagementRow >= 0) lines.push({ topic: "engagement", text: explain(fidelity.engagement.explain(engagementRow), lang) });
  const idealRow = fidelity?.ideal && fidelity.idealRow ? fidelity.idealRow[client.index] : -1;
  if (fidelity?.ideal && idealRow >= 0) lines.push({ topic: "ideal", text: explain(fidelity.ideal.explain(idealRow), lang) });
  if (!objectives) return lines;
  const line = objectives.clientLine(client.index);
  if (line) {
    lines.push({ topic: "objective", text: explain(line.why, lang) }, { topic: "effort", text: explain(line.effortWhy, lang) });
  }
  const prospect = objectives.prospectLine(client.index);
  if (prospect) {
    lines.push({ topic: "prospect", text: explain(prospect.why, lang) });
    if (prospect.conquestWhy && !client.reasons.some((r) => r.method === "allocation")) {
      lines.push({ topic: "conquest", text: explain(prospect.conquestWhy, lang) });
    }
  }
  return lines;
}

/** "A · P1-R2 · 12 contacts" : the results of a client in one line, for the head of its card. */
export function clientHeadline(client: ScoredClient, lang: Lang): string {
  const t = (key: PlanKey, params?: Record<string, string | number>) => planText(key, lang, params);
  const parts: string[] = [];
  if (client.isProspect) parts.push(t("cards.prospect"));
  if (client.ca !== undefined) parts.push(t("cards.ca", { ca: formatNumber(client.ca, lang, 0) }));
  if (client.abc) parts.push(t("cards.class", { cls: client.abc.cls }));
  if (client.pr) parts.push(client.pr.code);
  if (client.allocation) parts.push(t("cards.contacts", { n: client.allocation.total }));
  return parts.join(" · ");
}

const WIDTHS = [24, 100];

/** Height of a row without an explicit one, in points. */
const ROW_HEIGHT = 15;
/**
 * Sheet points a printed A4 portrait page holds at the scale that fits the two columns to its width (about 0.8):
 * LibreOffice fits a little over 1 000 on its PDF; kept lower so that a card is never cut by an automatic break.
 */
const PAGE_POINTS = 980;

export interface ClientCardsOptions {
  /** The objectives of SPEC §10–§11: each card then ends with the client's objective or the prospect's targeting. */
  readonly objectives?: PlanObjectives;
  /** Engagement and the ideal client (issue 16): each card then says why its client has its class. */
  readonly fidelity?: Fidelity;
  /** Override of `CLIENT_CARDS_MAX` (tests). */
  readonly max?: number;
}

/**
 * The printable "Fiches clients" sheet ("Client cards"): one block per client and prospect, in the file's
 * order — a head line (id, name, class, P-R, contacts) and one row per sentence of its pourquoi
 * (`clientExplanation`), the topic in column A. What the wizard explains is kept in the workbook. Above
 * `CLIENT_CARDS_MAX` clients the sheet holds one line saying why it has no card (tens of thousands of printed
 * pages help nobody; the wizard still explains any client). Values only: nothing here is recalculated.
 */
export function buildClientCardsSheet(portfolio: ScoredPortfolio, lang: Lang, options: ClientCardsOptions = {}): SheetPlan {
  const t = (key: PlanKey, params?: Record<string, string | number>) => planText(key, lang, params);
  const s = new SheetDraft(t("sheet.cards"));
  const width = WIDTHS.length;
  const clients = portfolio.clients;
  const max = options.max ?? CLIENT_CARDS_MAX;
  s.set(0, 0, t("cards.title"));
  s.style(range(0, 0, 1, width), STYLES.title);
  s.height(0, 26);
  if (clients.length > max) {
    s.set(1, 0, t("cards.tooMany", { n: clients.length, max }));
    s.style(range(1, 0, 1, 1), STYLES.subtitle);
    return s.toSheet({ columnWidths: WIDTHS, tabColor: "#2E75B6" });
  }
  s.set(1, 0, clients.length > 0 ? t("cards.count", { n: clients.length }) : t("cards.none"));
  s.style(range(1, 0, 1, 1), STYLES.subtitle);
  const labels = new Map<ExplanationTopic, string>();
  const label = (topic: ExplanationTopic) => {
    let text = labels.get(topic);
    if (text === undefined) labels.set(topic, (text = topicLabel(topic, lang)));
    return text;
  };
  // Characters of an 11-point line in column B, as LibreOffice and Excel print it (measured on the demo's PDF).
  const perLine = 110;
  let row = 3;
  // A card starts a new page when it would not fit on the current one (a card taller than a page is cut anyway).
  const breaks: number[] = [];
  let used = 26 + 2 * ROW_HEIGHT;
  for (const c of clients) {
    const first = row;
    // The head spans both columns, so a long name is never cut by column B; its class is written, the colour only adds to it.
    const name = c.name !== undefined && c.name !== c.id ? `${c.id} — ${c.name}` : c.id;
    const headline = clientHeadline(c, lang);
    s.set(row, 0, headline ? `${name} · ${headline}` : name);
    s.merge(range(row, 0, 1, width));
    const colour = c.isProspect ? PROSPECT_COLOUR : c.abc ? ABC_COLOURS[c.abc.cls] : undefined;
    s.style(range(row, 0, 1, width), colour ? { ...STYLES.subheading, fill: colour.fill, fontColor: colour.fontColor } : STYLES.subheading);
    row++;
    const lines = clientExplanation(c, lang, options.objectives, options.fidelity);
    let heights = ROW_HEIGHT * (lines.length === 0 ? 2 : 1);
    if (lines.length === 0) {
      s.set(row, 1, t("cards.noReason"));
      s.style(range(row, 1, 1, 1), STYLES.subtitle);
      row++;
    } else {
      s.block(row, 0, lines.map((l) => [label(l.topic), l.text]));
      s.style(range(row, 0, lines.length, width), { vertical: "top" });
      s.style(range(row, 1, lines.length, 1), { wrap: true });
      // Readers do not all fit wrapped rows on load: a long sentence gets the height of its lines.
      lines.forEach((l, k) => {
        const n = Math.ceil(l.text.length / perLine);
        if (n > 1) s.height(row + k, ROW_HEIGHT * Math.min(n, 10));
        heights += ROW_HEIGHT * Math.min(Math.max(n, 1), 10);
      });
      row += lines.length;
    }
    row++;
    heights += ROW_HEIGHT;
    if (used + heights > PAGE_POINTS && used > 0) {
      breaks.push(first);
      used = 0;
    }
    used += heights;
  }
  return s.toSheet({
    columnWidths: WIDTHS,
    tabColor: "#2E75B6",
    print: { orientation: "portrait", paper: "A4", fitToPagesWide: 1, area: range(0, 0, Math.max(row, 2), width), rowBreaks: breaks },
  });
}
