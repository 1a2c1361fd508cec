import { exerciseEn } from "../i18n/en/exercise";
import { fill } from "../i18n/format";
import { exerciseFr, type ExerciseKey } from "../i18n/fr/exercise";
import { formatPercent, formatNumber } from "../i18n";
import type { Lang, MessageParams } from "../i18n/types";

export type { ExerciseKey };

const texts: Record<Lang, Record<ExerciseKey, string>> = { fr: exerciseFr, en: exerciseEn };

/**
 * A text of the teaching mode in `lang`, `{name}` placeholders filled (numbers in the language's format,
 * `{n|singular|plural}` agreeing with `n`).
 * @example exerciseText("summary.questions", "fr", { n: 1 }) // "1 question dans l'exercice de l'élève."
 */
export function exerciseText(key: ExerciseKey, lang: Lang = "fr", params?: MessageParams): string {
  return fill(texts[lang][key], params, lang);
}

/** A share as the corrigé writes it: « 77,0 % » (one decimal). */
export function pct(fraction: number, lang: Lang): string {
  return formatPercent(fraction, lang, 1);
}

/** A number as the corrigé writes it (two decimals at most). */
export function num(value: number, lang: Lang, digits = 2): string {
  return formatNumber(value, lang, digits);
}
