import { wizardEn } from "./en/wizard";
import { fill } from "./format";
import { wizardFr, type WizardKey } from "./fr/wizard";
import type { Lang, MessageParams } from "./types";

export type { WizardKey };

const texts: Record<Lang, Record<WizardKey, string>> = { fr: wizardFr, en: wizardEn };

/**
 * A text of the task-pane wizard in the chosen language; `{name}` placeholders are filled from `params`
 * (numbers in the language's format).
 * @example wizardText("capital.value", "fr", { value: 540 }) // "Capital : 540 contacts par an et par commercial"
 */
export function wizardText(key: WizardKey, lang: Lang = "fr", params?: MessageParams): string {
  return fill(texts[lang][key], params, lang);
}
