import { engagementLabelsEn, engagementWhyEn } from "./en/engagement";
import { errorsEn } from "./en/errors";
import { uiEn } from "./en/ui";
import { labelsEn, whyEn } from "./en/methods";
import { objectivesLabelsEn, objectivesWhyEn } from "./en/objectives";
import { engagementLabelsFr, engagementWhyFr, type EngagementLabelKey, type EngagementWhyKey } from "./fr/engagement";
import { errorsFr, type ErrorCode } from "./fr/errors";
import { labelsFr, whyFr, type LabelKey as MethodLabelKey, type WhyKey as MethodWhyKey } from "./fr/methods";
import { objectivesLabelsFr, objectivesWhyFr, type ObjectivesLabelKey, type ObjectivesWhyKey } from "./fr/objectives";
import { uiFr, type UiKey } from "./fr/ui";
import { fill, formatNumber } from "./format";
import type { Lang, MessageParams } from "./types";

/** Labels and "pourquoi" templates: the per-client methods, the planning methods (objectives, prospects), engagement and the ideal client. */
export type LabelKey = MethodLabelKey | ObjectivesLabelKey | EngagementLabelKey;
export type WhyKey = MethodWhyKey | ObjectivesWhyKey | EngagementWhyKey;
export type { ErrorCode, Lang, MessageParams, UiKey };
export { fill, formatNumber };
export { xlsxMessage, xlsxSize, type XlsxMessageKey } from "./xlsx";

/** A value inside an explanation: a plain value, a fraction shown as a percentage, or a label to translate. */
export type WhyParam = string | number | { readonly pct: number } | { readonly label: LabelKey };

/** The language-neutral explanation of one result; `explain()` turns it into a sentence. */
export interface Why {
  readonly key: WhyKey;
  readonly params: Readonly<Record<string, WhyParam>>;
}

const errors: Record<Lang, Record<ErrorCode, string>> = { fr: errorsFr, en: errorsEn };
const labels: Record<Lang, Record<LabelKey, string>> = {
  fr: { ...labelsFr, ...objectivesLabelsFr, ...engagementLabelsFr },
  en: { ...labelsEn, ...objectivesLabelsEn, ...engagementLabelsEn },
};
const whys: Record<Lang, Record<WhyKey, string>> = {
  fr: { ...whyFr, ...objectivesWhyFr, ...engagementWhyFr },
  en: { ...whyEn, ...objectivesWhyEn, ...engagementWhyEn },
};

const ui: Record<Lang, Record<UiKey, string>> = { fr: uiFr, en: uiEn };

/** A text of the task pane in the chosen language. */
export function t(key: UiKey, lang: Lang = "fr", params?: MessageParams): string {
  return fill(ui[lang][key], params, lang);
}

/** Error params the engine gives as fractions (0.8), shown as percentages (« 80,0 % »). */
const PERCENT_PARAMS: Readonly<Partial<Record<ErrorCode, readonly string[]>>> = { BAD_THRESHOLDS: ["a", "b"] };

export function errorMessage(code: ErrorCode, params: MessageParams | undefined, lang: Lang = "fr"): string {
  const percents = PERCENT_PARAMS[code];
  if (params && percents) {
    const shown: Record<string, string | number> = { ...params };
    for (const name of percents) {
      const x = params[name];
      if (typeof x === "number") shown[name] = Number.isFinite(x) ? formatPercent(x, lang) : String(x);
    }
    return fill(errors[lang][code], shown, lang);
  }
  return fill(errors[lang][code], params, lang);
}

export function label(key: LabelKey, lang: Lang = "fr"): string {
  return labels[lang][key];
}

/** Formats a fraction as a percentage: 0.1234 → "12,3 %" in French, "12.3%" in English. */
export function formatPercent(fraction: number, lang: Lang = "fr", digits = 1): string {
  const n = formatNumber(fraction * 100, lang, digits);
  return lang === "fr" ? `${n}\u202f%` : `${n}%`;
}

function resolveParam(value: WhyParam, lang: Lang): string | number {
  if (typeof value === "string" || typeof value === "number") return value;
  if ("pct" in value) return formatPercent(value.pct, lang);
  return label(value.label, lang);
}

/** The raw template of an explanation (placeholders left in), for the sheet builders that turn it into a formula. */
export function whyTemplate(key: WhyKey, lang: Lang = "fr"): string {
  return whys[lang][key];
}

/** The sentence that says why a result is what it is, in the chosen language. */
export function explain(why: Why, lang: Lang = "fr"): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(why.params)) params[name] = resolveParam(value, lang);
  return fill(whys[lang][why.key], params, lang);
}
