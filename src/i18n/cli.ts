import { cliMessagesEn } from "./en/cli";
import { fill } from "./format";
import { cliMessagesFr, type CliMessageKey } from "./fr/cli";
import type { Lang, MessageParams } from "./types";

export type { CliMessageKey };

const messages: Record<Lang, Record<CliMessageKey, string>> = { fr: cliMessagesFr, en: cliMessagesEn };

/**
 * French typography for a line of the terminal: a no-break space before ":" and a narrow no-break space
 * before ";", "?" and "!", no-break spaces inside « guillemets », so a line never wraps before its colon.
 * Applied to the whole line, the messages of the other modules it quotes included.
 * @example frenchSpaces("Source : « x »") // "Source\u00a0: «\u00a0x\u00a0»"
 */
export function frenchSpaces(text: string): string {
  return text
    .replace(/ ([:;?!])(?=\s|$|\n)/g, (_, mark: string) => (mark === ":" ? "\u00a0:" : `\u202f${mark}`))
    .replace(/« /g, "«\u00a0")
    .replace(/ »/g, "\u00a0»");
}

/**
 * A text of the command line in the chosen language; numbers in params are written the language's way, and
 * French gets its typography (`frenchSpaces`).
 * @example cliMessage("BAD_LANG", { value: "de" }) // "--lang attend fr ou en, pas «\u00a0de\u00a0»."
 */
export function cliMessage(key: CliMessageKey, params?: MessageParams, lang: Lang = "fr"): string {
  const text = fill(messages[lang][key], params, lang);
  return lang === "fr" ? frenchSpaces(text) : text;
}
