import { PLACEHOLDER, plural } from "../i18n/format";
import type { Lang } from "../i18n/types";
import { textLiteral } from "./cells";

/** The test, in a formula, that `x` takes the singular: French for 0 and 1, English for 1 only (see `plural`). */
function singularTest(x: string, lang: Lang): string {
  return lang === "fr" ? `ABS(${x})<2` : `ABS(${x})=1`;
}

/**
 * A part of a template formula: an expression written as it is, or a number with the text it is shown as (e.g.
 * `wholeText` grouping its thousands) — the plural forms test the number, the sentence shows the text.
 */
export type TemplatePart = string | { readonly number: string; readonly text: string };

/**
 * A formula that writes a translated template with numbers taken from cells: `"Écart de "&(B9-I50)&" contacts"`.
 * `{name}` becomes the expression `parts[name]`; `{name|singular|plural}` becomes
 * `IF(ABS(expr)<2,"singular","plural")` (French; `=1` in English), so the text still agrees when a manager
 * changes the number. A placeholder without a part is written as it stands.
 * @example templateFormula("{x} {x|visite|visites}", { x: "$B$9" }, "fr") // `$B$9&" "&IF(ABS($B$9)<2,"visite","visites")`
 */
export function templateFormula(template: string, parts: Readonly<Record<string, TemplatePart>>, lang: Lang = "fr"): string {
  const pieces: string[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const index = m.index ?? 0;
    if (index > last) pieces.push(textLiteral(template.slice(last, index)));
    const part = parts[m[1]];
    if (part === undefined) pieces.push(textLiteral(m[0]));
    else if (m[2] !== undefined && m[3] !== undefined) {
      pieces.push(`IF(${singularTest(typeof part === "string" ? part : part.number, lang)},${textLiteral(m[2])},${textLiteral(m[3])})`);
    } else pieces.push(typeof part === "string" ? part : part.text);
    last = index + m[0].length;
  }
  if (last < template.length) pieces.push(textLiteral(template.slice(last)));
  return pieces.length > 0 ? pieces.join("&") : textLiteral("");
}

/**
 * The value `templateFormula` computes for these numbers, cached in the file: numbers written as Excel's `&`
 * writes them (no thousands separator), forms chosen by `plural`. Placeholders without a value stay.
 * @example templateValue("{x} {x|visite|visites}", { x: 1 }, "fr") // "1 visite"
 */
export function templateValue(template: string, values: Readonly<Record<string, number>>, lang: Lang = "fr"): string {
  return template.replace(PLACEHOLDER, (whole, name: string, one?: string, many?: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    if (one !== undefined && many !== undefined) return plural(value, lang, one, many);
    return String(value);
  });
}
