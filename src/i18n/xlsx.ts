import { xlsxMessagesEn, xlsxWordsEn } from "./en/xlsx";
import { fill } from "./format";
import { xlsxMessagesFr, xlsxWordsFr, xmlReasonsFr, type XlsxMessageKey, type XlsxWordKey } from "./fr/xlsx";
import type { Lang, MessageParams } from "./types";

export type { XlsxMessageKey };

const messages: Record<Lang, Record<XlsxMessageKey, string>> = { fr: xlsxMessagesFr, en: xlsxMessagesEn };
const words: Record<Lang, Record<XlsxWordKey, string>> = { fr: xlsxWordsFr, en: xlsxWordsEn };

/** A byte count the way a reader takes it in: "512 Mio", "3,5 Gio", "812 octets". */
export function xlsxSize(bytes: number, lang: Lang = "fr"): string {
  const units: readonly [XlsxWordKey, number][] = [
    ["gib", 2 ** 30],
    ["mib", 2 ** 20],
    ["kib", 2 ** 10],
  ];
  for (const [unit, size] of units) {
    if (bytes >= size) return fill(words[lang][unit], { n: Math.round((bytes / size) * 10) / 10 }, lang);
  }
  return fill(words[lang].bytes, { n: bytes }, lang);
}

/** saxes's diagnostic in French when it is a known one ("unclosed tag: c" → "balise non fermée : c"); as it is in English. */
function xmlReason(reason: string, lang: Lang): string {
  if (lang !== "fr") return reason;
  const colon = reason.indexOf(": ");
  const head = colon < 0 ? reason : reason.slice(0, colon);
  const french = xmlReasonsFr[head];
  return french === undefined ? reason : fill(french, { name: colon < 0 ? "" : reason.slice(colon + 2) }, lang);
}

/**
 * The message of an error of the .xlsx reader. `file` is the file's name (undefined: "Le classeur"); a `where`
 * param holding a word key of ZIP_DAMAGED ("directory", "local", "truncated") is translated; `size`, `limit`
 * params of the size messages are byte counts, written with their unit.
 * @example xlsxMessage("NO_WORKBOOK", {}, "clients.xlsx") // "« clients.xlsx » : l'archive ne contient pas de classeur Excel…"
 */
export function xlsxMessage(key: XlsxMessageKey, params: MessageParams, file: string | undefined, lang: Lang = "fr"): string {
  const resolved: Record<string, string | number> = { ...params };
  resolved.file = file === undefined ? words[lang].workbook : fill(words[lang].named, { name: file }, lang);
  const where = params.where;
  if (where === "directory" || where === "truncated") resolved.where = words[lang][where];
  if (where === "local") resolved.where = fill(words[lang].local, { part: params.part ?? "" }, lang);
  if (key === "XML_INVALID" && typeof params.reason === "string") resolved.reason = xmlReason(params.reason, lang);
  for (const name of ["size", "limit"] as const) {
    const value = params[name];
    if (typeof value === "number" && key !== "CELL_TOO_LONG" && key !== "LIMIT_PARTS") resolved[name] = xlsxSize(value, lang);
  }
  return fill(messages[lang][key], resolved, lang);
}
