import { cliMessagesEn } from "./en/cli";
import { fill } from "./format";
import { cliMessagesFr, type CliMessageKey } from "./fr/cli";
import type { Lang, MessageParams } from "./types";

export type { CliMessageKey };

const messages: Record<Lang, Record<CliMessageKey, string>> = { fr: cliMessagesFr, en: cliMessagesEn };

/**
 * A text of the command line in the chosen language; numbers in params are written the language's way.
 * @example cliMessage("BAD_LANG", { value: "de" }) // "--lang attend fr ou en, pas « de »."
 */
export function cliMessage(key: CliMessageKey, params?: MessageParams, lang: Lang = "fr"): string {
  return fill(messages[lang][key], params, lang);
}
