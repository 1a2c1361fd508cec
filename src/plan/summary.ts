import { ABC_CLASSES, CONTACT_QUADRANTS, ELASTICITY_READINGS, ELASTICITY_READING_LABEL, PR_CODES, PR_TARGETS, prCellIndex, QUADRANT_LABEL, type ContactQuadrant, type ElasticityReading } from "../engine";
import type { PrTarget } from "../engine/penetration";
import { RFM_SEGMENTS, type RfmSegment } from "../engine/rfm";
import { formatNumber, formatPercent, label, type Lang } from "../i18n";
import { appendFilled, templatePieces } from "../i18n/format";
import { planTemplate, type PlanKey } from "../i18n/plan";
import { segmentLabelKey, targetLabelKey } from "./labels";
import { rowIn, type ResultColumns } from "./score";

type Params = Readonly<Record<string, string | number>>;
/** Appends a filled template to `out`, piece by piece: the caller joins everything once (one flat string). */
type Render = (out: string[], params: Params) => void;

/** A template split once; each call only appends its filled pieces (see `appendFilled`). */
function compile(key: PlanKey, lang: Lang): Render {
  const pieces = templatePieces(planTemplate(key, lang));
  return (out, p) => appendFilled(out, pieces, p, lang);
}

/** A template without parameters, filled once. */
function fixed(key: PlanKey, lang: Lang): string {
  const out: string[] = [];
  compile(key, lang)(out, {});
  return out.join("");
}

/** The labels of the methods' results in one language (P-R targets, RFM segments, quadrants, readings). */
export interface ResultLabels {
  readonly targets: Readonly<Record<PrTarget, string>>;
  readonly segments: Readonly<Record<RfmSegment, string>>;
  readonly quadrants: Readonly<Record<ContactQuadrant, string>>;
  readonly readings: Readonly<Record<ElasticityReading, string>>;
}

/** Everything the short pourquoi needs in one language, looked up once rather than per client. */
interface ShortWhyText extends ResultLabels {
  readonly abc: Render;
  readonly abcNonPositive: string;
  readonly pr: Render;
  readonly rfm: Render;
  readonly rfmNoSegment: Render;
  readonly elasticity: Render;
  readonly planned: Render;
  readonly prospect: Render;
  readonly none: string;
  readonly separator: string;
}

function labelsOf<K extends string>(keys: readonly K[], key: (k: K) => Parameters<typeof label>[0], lang: Lang): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of keys) out[k] = label(key(k), lang);
  return out;
}


const texts: Partial<Record<Lang, ShortWhyText>> = {};

function shortWhyText(lang: Lang): ShortWhyText {
  let t = texts[lang];
  if (!t) {
    t = {
      abc: compile("short.abc", lang),
      abcNonPositive: fixed("short.abc_nonpositive", lang),
      pr: compile("short.pr", lang),
      rfm: compile("short.rfm", lang),
      rfmNoSegment: compile("short.rfm_nosegment", lang),
      elasticity: compile("short.elasticity", lang),
      planned: compile("short.planned", lang),
      prospect: compile("short.prospect", lang),
      none: fixed("short.none", lang),
      separator: fixed("short.separator", lang),
      targets: labelsOf(["develop", "maintain", "secure"], targetLabelKey, lang),
      segments: labelsOf(RFM_SEGMENTS, segmentLabelKey, lang),
      quadrants: labelsOf(Object.keys(QUADRANT_LABEL) as ContactQuadrant[], (q) => QUADRANT_LABEL[q], lang),
      readings: labelsOf(Object.keys(ELASTICITY_READING_LABEL) as ElasticityReading[], (r) => ELASTICITY_READING_LABEL[r], lang),
    };
    texts[lang] = t;
  }
  return t;
}

/** The labels of the methods' results in `lang`, looked up once per language (the Cibles lines show them too). */
export function resultLabels(lang: Lang): ResultLabels {
  return shortWhyText(lang);
}

/** The separator before the next part, when a part came before it. */
function separate(out: string[], separator: string): void {
  if (out.length > 0) out.push(separator);
}

/**
 * The short "pourquoi" of client i's row of the Cibles sheet: its class, P-R target, contact quadrant,
 * elasticity and planned contacts, each in a few words, joined by " · ". The full sentences stay in
 * `ScoredClient.why`. Cheap by design (one per written row): read from the methods' columns (no result object
 * made), templates and labels looked up once per language.
 *
 * @example shortWhy(portfolio.results, 0, false, "fr") // "Classe A (cumul 34,2 % du CA) · P1-R1 → Entretenir · 90 contacts : 12 d'entretien + 78 « turbo »"
 */
export function shortWhy(results: ResultColumns, i: number, isProspect: boolean, lang: Lang): string {
  const t = shortWhyText(lang);
  // Every piece goes to one list joined at the end: one flat string, where `+=` would keep a rope of pieces per
  // row. Each part appends at least one piece, so a non-empty list means a part before: the separator goes first.
  const out: string[] = [];
  const { abc, pr, rfm, contacts, elasticity, allocation } = results;
  const a = rowIn(abc, i);
  if (abc && a >= 0) {
    const c = abc.columns;
    if (c.share[a] > 0) t.abc(out, { cls: ABC_CLASSES[c.cls[a]], cumulative: formatPercent(c.cumulativeShare[a], lang) });
    else out.push(t.abcNonPositive);
  }
  const k = rowIn(pr, i);
  if (pr && k >= 0) {
    const c = pr.columns;
    separate(out, t.separator);
    t.pr(out, { code: PR_CODES[prCellIndex(c.p[k], c.r[k])], target: t.targets[PR_TARGETS[c.target[k]]] });
  }
  const s = rowIn(rfm, i);
  if (rfm && s >= 0) {
    const c = rfm.columns;
    separate(out, t.separator);
    const code = c.codes[c.cell[s]];
    if (c.segment) t.rfm(out, { code, segment: t.segments[RFM_SEGMENTS[c.segment[s]]] });
    else t.rfmNoSegment(out, { code });
  }
  const q = rowIn(contacts, i);
  if (contacts && q >= 0) {
    separate(out, t.separator);
    out.push(t.quadrants[CONTACT_QUADRANTS[contacts.columns.quadrant[q]]]);
  }
  const e = rowIn(elasticity, i);
  if (elasticity && e >= 0) {
    const c = elasticity.columns;
    separate(out, t.separator);
    t.elasticity(out, { value: formatNumber(c.value[e], lang), reading: t.readings[ELASTICITY_READINGS[c.reading[e]]] });
  }
  separate(out, t.separator);
  const l = rowIn(allocation, i);
  const line = allocation && l >= 0 ? allocation.columns[l] : undefined;
  if (isProspect) t.prospect(out, { conquete: line?.conquete ?? 0 });
  else if (line) t.planned(out, { total: line.total, entretien: line.entretien, stimulation: line.stimulation });
  else out.push(t.none);
  return out.join("");
}
