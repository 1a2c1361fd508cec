import { excelErrorsEn, excelTextsEn } from "./en/excel";
import { fill } from "./format";
import { excelErrorsFr, excelTextsFr, type ExcelErrorCode, type ExcelTextKey } from "./fr/excel";
import type { Lang, MessageParams } from "./types";

export type { ExcelErrorCode, ExcelTextKey };

const errors: Record<Lang, Record<ExcelErrorCode, string>> = { fr: excelErrorsFr, en: excelErrorsEn };
const texts: Record<Lang, Record<ExcelTextKey, string>> = { fr: excelTextsFr, en: excelTextsEn };

/** The message of an error of the Office.js layer. */
export function excelErrorMessage(code: ExcelErrorCode, params: MessageParams | undefined, lang: Lang = "fr"): string {
  return fill(errors[lang][code], params, lang);
}

/** A text of the Office.js layer (summaries, notes, record headers). */
export function excelText(key: ExcelTextKey, params?: MessageParams, lang: Lang = "fr"): string {
  return fill(texts[lang][key], params, lang);
}

/**
 * "1 formule", "12 formules", "0 formule": French takes the singular for 0 and 1, English only for 1.
 * @example countPhrase("sheet", 2) // "2 feuilles"
 */
export function countPhrase(noun: "formula" | "sheet", n: number, lang: Lang = "fr"): string {
  return excelText(`count.${noun}.${isSingular(n, lang) ? "one" : "other"}`, { n }, lang);
}

/** Whether `n` takes the singular in `lang` (French: 0 and 1; English: 1). */
export function isSingular(n: number, lang: Lang): boolean {
  return lang === "fr" ? Math.abs(n) < 2 : n === 1;
}
