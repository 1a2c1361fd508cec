import type { MessageParams } from "./types";

const NBSP = "\u202f";

/**
 * Formats a number the way a French (or English) reader expects: thin space as thousands separator and
 * a decimal comma in French. Integers keep no decimals; others keep up to `digits`.
 */
export function formatNumber(value: number, lang: "fr" | "en", digits = 2): string {
  const sep = lang === "fr" ? NBSP : ",";
  // A whole number is its own rounding (row numbers, counts: most numbers of the messages).
  if (Number.isSafeInteger(value)) return value < 0 ? `-${grouped(String(-value), sep)}` : grouped(String(value), sep);
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toFixed(digits));
  const text = Math.abs(rounded).toString();
  const sign = rounded < 0 ? "-" : "";
  const dot = text.indexOf(".");
  if (dot < 0) return sign + grouped(text, sep);
  return `${sign}${grouped(text.slice(0, dot), sep)}${lang === "fr" ? "," : "."}${text.slice(dot + 1)}`;
}

/** Digits in groups of three from the right, `sep` between groups (an exponent form, 1e21 and above, as it is). */
function grouped(digits: string, sep: string): string {
  if (digits.length <= 3 || digits.includes("e")) return digits;
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let k = head; k < digits.length; k += 3) out += sep + digits.slice(k, k + 3);
  return out;
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
  const out: string[] = [];
  appendFilled(out, templatePieces(template), params, lang);
  return out.join("");
}

/**
 * A filled template's text appended to `out`, piece by piece (see `templatePieces`): numbers in the language's
 * format, `{n|singular|plural}` agreeing with the number `n`, a placeholder without a value left as it stands.
 */
export function appendFilled(out: string[], pieces: readonly (string | undefined)[], params: MessageParams, lang: "fr" | "en"): void {
  out.push(pieces[0] as string);
  for (let k = 1; k < pieces.length; k += 4) {
    const name = pieces[k] as string;
    const one = pieces[k + 1];
    const many = pieces[k + 2];
    const value = params[name];
    if (one !== undefined && many !== undefined) out.push(typeof value === "number" ? plural(value, lang, one, many) : `{${name}|${one}|${many}}`);
    else out.push(value === undefined ? `{${name}}` : typeof value === "number" ? formatNumber(value, lang) : value);
    out.push(pieces[k + 3] as string);
  }
}

/** `{name}`, or `{name|singular|plural}` (the form that agrees with the number `name`): a template's placeholders. */
export const PLACEHOLDER = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;
/** Templates split once (at most `SPLIT_KEPT`: the product's own are a few hundred). */
const split = new Map<string, readonly (string | undefined)[]>();
const SPLIT_KEPT = 4096;

/** A template's pieces: text, then for each placeholder its name, singular, plural (undefined for `{name}`), text. */
export function templatePieces(template: string): readonly (string | undefined)[] {
  let pieces = split.get(template);
  if (pieces === undefined) {
    pieces = template.split(PLACEHOLDER);
    if (split.size < SPLIT_KEPT) split.set(template, pieces);
  }
  return pieces;
}
