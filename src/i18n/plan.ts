import { planEn } from "./en/plan";
import { fill } from "./format";
import { planFr, type PlanKey } from "./fr/plan";
import type { Lang, MessageParams } from "./types";

export type { PlanKey };

const texts: Record<Lang, Record<PlanKey, string>> = { fr: planFr, en: planEn };

/**
 * A text of the scored portfolio or of the written sheets, in the chosen language; `{name}` placeholders are
 * filled from `params` (numbers in the language's format).
 * @example planText("class", "fr", { cls: "A" }) // "Classe A"
 */
export function planText(key: PlanKey, lang: Lang = "fr", params?: MessageParams): string {
  return fill(texts[lang][key], params, lang);
}

/** The raw template of a text (placeholders left in), for builders that turn it into a formula. */
export function planTemplate(key: PlanKey, lang: Lang = "fr"): string {
  return texts[lang][key];
}
