import { ioFieldLabelsEn, ioMessagesEn, ioMethodLabelsEn, ioWordsEn } from "./en/io";
import { fill } from "./format";
import {
  ioFieldLabelsFr,
  ioMessagesFr,
  ioMethodLabelsFr,
  ioWordsFr,
  type IoFieldKey,
  type IoMessageKey,
  type IoMethodKey,
  type IoWordKey,
} from "./fr/io";
import type { Lang, MessageParams } from "./types";

export type { IoFieldKey, IoMessageKey, IoMethodKey };

const messages: Record<Lang, Record<IoMessageKey, string>> = { fr: ioMessagesFr, en: ioMessagesEn };
const fieldLabels: Record<Lang, Record<IoFieldKey, string>> = { fr: ioFieldLabelsFr, en: ioFieldLabelsEn };
const methodLabels: Record<Lang, Record<IoMethodKey, string>> = { fr: ioMethodLabelsFr, en: ioMethodLabelsEn };
const words: Record<Lang, Record<IoWordKey, string>> = { fr: ioWordsFr, en: ioWordsEn };

function isFieldKey(value: string): value is IoFieldKey {
  return Object.prototype.hasOwnProperty.call(ioFieldLabelsFr, value);
}

function isMethodKey(value: string): value is IoMethodKey {
  return Object.prototype.hasOwnProperty.call(ioMethodLabelsFr, value);
}

export function ioFieldLabel(field: IoFieldKey, lang: Lang = "fr"): string {
  return fieldLabels[lang][field];
}

export function ioMethodLabel(method: IoMethodKey, lang: Lang = "fr"): string {
  return methodLabels[lang][method];
}

/** "Récence (jours) ou Date du dernier achat, Fréquence" from "recency|lastPurchase,frequency". */
function fieldList(value: string, lang: Lang): string {
  return value
    .split(",")
    .map((alternatives) =>
      alternatives
        .split("|")
        .map((f) => (isFieldKey(f) ? fieldLabels[lang][f] : f))
        .join(` ${words[lang].or} `),
    )
    .join(", ");
}

/**
 * The text of an import message in the chosen language. Params named `field` and `method` hold ids and are
 * translated; `fields` holds a list of field ids ("a|b,c" = "a or b, c"); every other param is filled as given
 * (numbers in the language's format).
 * @example ioMessage("ROW_NO_ID", { row: 12 }) // "Ligne 12 : pas d'identifiant client, ligne ignorée."
 */
export function ioMessage(key: IoMessageKey, params?: MessageParams, lang: Lang = "fr"): string {
  if (!params) return messages[lang][key];
  const resolved: Record<string, string | number> = { ...params };
  const field = params.field;
  if (typeof field === "string" && isFieldKey(field)) resolved.field = fieldLabels[lang][field];
  const method = params.method;
  if (typeof method === "string" && isMethodKey(method)) resolved.method = methodLabels[lang][method];
  if (typeof params.fields === "string") resolved.fields = fieldList(params.fields, lang);
  return fill(messages[lang][key], resolved, lang);
}
