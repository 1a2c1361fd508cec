import { pagesEn } from "./en/pages";
import { fill } from "./format";
import { pagesFr, type PagesKey } from "./fr/pages";
import type { Lang, MessageParams } from "./types";

export type { PagesKey };

const texts: Record<Lang, Record<PagesKey, string>> = { fr: pagesFr, en: pagesEn };

/** A text of the add-in page or the standalone page, outside the wizard. */
export function pageText(key: PagesKey, lang: Lang = "fr", params?: MessageParams): string {
  return fill(texts[lang][key], params, lang);
}
