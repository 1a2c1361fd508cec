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

/** Replaces each `{name}` in a template; numbers are written in the language's format. */
export function fill(template: string, params: MessageParams | undefined, lang: "fr" | "en"): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? formatNumber(value, lang) : value;
  });
}
