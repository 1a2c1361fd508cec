import { ELASTICITY_READING_LABEL, QUADRANT_LABEL } from "../engine";
import { formatNumber, formatPercent, label, type Lang } from "../i18n";
import { planTemplate, type PlanKey } from "../i18n/plan";
import { segmentLabelKey, targetLabelKey } from "./labels";
import type { ScoredClient } from "./score";

/**
 * The short "pourquoi" of a row of the Cibles sheet: the client's class, P-R target, contact quadrant,
 * elasticity and planned contacts, each in a few words, joined by " · ". The full sentences stay in
 * `ScoredClient.why`.
 *
 * @example shortWhy(client, "fr") // "Classe A (cumul 34,2 % du CA) · P1-R1 → Entretenir · 90 contacts : 12 d'entretien + 78 « turbo »"
 */
type Params = Readonly<Record<string, string | number>>;

/** `formatNumber`, with a shortcut for the small whole numbers that make most of the short pourquoi. */
function fastNumber(value: number, lang: Lang): string {
  return Number.isInteger(value) && value > -1000 && value < 1000 ? String(value) : formatNumber(value, lang);
}

const compiled = new Map<string, (params: Params) => string>();

/**
 * `planText` for hot loops: the template is split once per key and language, then each call only joins
 * (numbers formatted as `fill` does). The Cibles sheet writes one short pourquoi per client.
 */
function planTextFast(key: PlanKey, lang: Lang, params: Params = {}): string {
  const id = `${lang}\u0000${key}`;
  let render = compiled.get(id);
  if (!render) {
    const pieces = planTemplate(key, lang).split(/\{(\w+)\}/);
    render = (p) => {
      let out = pieces[0];
      for (let k = 1; k < pieces.length; k += 2) {
        const v = p[pieces[k]];
        out += (v === undefined ? `{${pieces[k]}}` : typeof v === "number" ? fastNumber(v, lang) : v) + pieces[k + 1];
      }
      return out;
    };
    compiled.set(id, render);
  }
  return render(params);
}

export function shortWhy(c: ScoredClient, lang: Lang): string {
  const planText = planTextFast;
  const parts: string[] = [];
  if (c.abc) {
    parts.push(
      c.abc.share > 0
        ? planText("short.abc", lang, { cls: c.abc.cls, cumulative: formatPercent(c.abc.cumulativeShare, lang) })
        : planText("short.abc_nonpositive", lang),
    );
  }
  if (c.pr) parts.push(planText("short.pr", lang, { code: c.pr.code, target: label(targetLabelKey(c.pr.target), lang) }));
  if (c.rfm) {
    parts.push(
      c.rfm.segment
        ? planText("short.rfm", lang, { code: c.rfm.code, segment: label(segmentLabelKey(c.rfm.segment), lang) })
        : planText("short.rfm_nosegment", lang, { code: c.rfm.code }),
    );
  }
  if (c.contacts) parts.push(label(QUADRANT_LABEL[c.contacts.quadrant], lang));
  if (c.elasticity) {
    const reading = label(ELASTICITY_READING_LABEL[c.elasticity.reading], lang);
    parts.push(planText("short.elasticity", lang, { value: formatNumber(c.elasticity.value, lang), reading }));
  }
  const a = c.allocation;
  if (c.isProspect) parts.push(planText("short.prospect", lang, { conquete: a?.conquete ?? 0 }));
  else if (a) parts.push(planText("short.planned", lang, { total: a.total, entretien: a.entretien, stimulation: a.stimulation }));
  else parts.push(planText("short.none", lang));
  return parts.join(planText("short.separator", lang));
}
