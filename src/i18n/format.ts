import type { MessageParams } from "./types";

const NBSP = "\u202f";

/**
 * Formats a number the way a French (or English) reader expects: thin space as thousands separator and
 * a decimal comma in French. Integers keep no decimals; others keep up to `digits`.
 */
export function formatNumber(value: number, lang: "fr" | "en", digits = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toFixed(digits));
  const [intPart, decPart] = Math.abs(rounded).toString().split(".");
  const sep = lang === "fr" ? NBSP : ",";
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const sign = rounded < 0 ? "-" : "";
  return decPart ? `${sign}${grouped}${lang === "fr" ? "," : "."}${decPart}` : `${sign}${grouped}`;
}

/**
 * Chooses the singular or plural form for a count. French takes the singular for 0 and 1 (« 0 client »,
 * « 1 client », « 2 clients »), English only for 1 ("0 clients", "1 client").
 * @example plural(0, "fr", "contact", "contacts") // "contact"
 */
export function plural(count: number, lang: "fr" | "en", singular: string, pluralForm: string): string {
  const size = Math.abs(count);
  const one = lang === "fr" ? size < 2 : size === 1;
  return one ? singular : pluralForm;
}

/**
 * Replaces each `{name}` in a template; numbers are written in the language's format. `{name|singular|plural}`
 * writes the form that agrees with the number `name` (see `plural`), so templates never say « client(s) ».
 * @example fill("{n} {n|client|clients}", { n: 2 }, "fr") // "2 clients"
 */
export function fill(template: string, params: MessageParams | undefined, lang: "fr" | "en"): string {
  if (!params) return template;
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, name: string, one?: string, many?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (one !== undefined && many !== undefined) {
      return typeof value === "number" ? plural(value, lang, one, many) : whole;
    }
    return typeof value === "number" ? formatNumber(value, lang) : value;
  });
}
