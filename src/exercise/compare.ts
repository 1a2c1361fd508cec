/**
 * How a student's answer is compared with the expected one, as a native formula (it must work in Excel and
 * LibreOffice without the add-in) and, for tests and the wizard, the same rule in TypeScript.
 *
 * - A number must be typed as a number (a text "12" is wrong: the cell says so at once).
 *   - `integer` (ranks, scores, visits, counts): exact, to 10⁻⁶.
 *   - `share` (parts, cumulative shares, changes): within half a point (± 0.005), typed as 80 %, 0,8 or 80
 *     (a number above 1 is also read as a percentage: 80 → 0,8).
 *   - `decimal2` (a coefficient): ± 0.005; `decimal1` (need ÷ capital): ± 0.05; `amount` (totals, medians): ± 0.5.
 * - A text (class, code, target, segment, quadrant, reading): case, accents, spaces, hyphens and apostrophe
 *   shapes do not count (`"p1 r3"` is `"P1-R3"`, `"developper"` is `"Développer"`); a number typed where a code
 *   is expected is read as its digits (543 is "543").
 */
export type AnswerKind = "integer" | "share" | "decimal1" | "decimal2" | "amount" | "text";

/** The tolerance of each numeric kind (absolute). */
export const TOLERANCE: Readonly<Record<Exclude<AnswerKind, "text">, number>> = {
  integer: 0.000001,
  share: 0.005,
  decimal1: 0.05,
  decimal2: 0.005,
  amount: 0.5,
};

/** Letters folded before comparing texts (lower case first), and the characters dropped. */
const FOLD: readonly (readonly [string, string])[] = [
  ["é", "e"],
  ["è", "e"],
  ["ê", "e"],
  ["ë", "e"],
  ["à", "a"],
  ["â", "a"],
  ["î", "i"],
  ["ï", "i"],
  ["ô", "o"],
  ["ö", "o"],
  ["ù", "u"],
  ["û", "u"],
  ["ü", "u"],
  ["ç", "c"],
  ["œ", "oe"],
  ["’", "'"],
  [" ", ""],
  ["-", ""],
  ["\u2212", ""],
];

/** `x` as a folded text, as a formula: `SUBSTITUTE(…(LOWER(TRIM(x&"")),"é","e")…)`. */
export function foldFormula(x: string): string {
  let f = `LOWER(TRIM(${x}&""))`;
  for (const [from, to] of FOLD) f = `SUBSTITUTE(${f},"${from}","${to}")`;
  return f;
}

/** The same folding in TypeScript. */
export function fold(text: string): string {
  let f = text.trim().toLowerCase();
  for (const [from, to] of FOLD) f = f.split(from).join(to);
  return f;
}

/** The test "the answer in `x` is right" (TRUE/FALSE), `expected` a reference to the expected answer. */
function rightFormula(x: string, expected: string, kind: AnswerKind): string {
  if (kind === "text") return `${foldFormula(x)}=${foldFormula(expected)}`;
  const tol = TOLERANCE[kind];
  if (kind === "share") return `OR(ABS(${x}-${expected})<=${tol},ABS(${x}/100-${expected})<=${tol})`;
  return `ABS(${x}-${expected})<=${tol}`;
}

/**
 * The check cell's formula: "" while the answer cell is empty, then 1 (right) or 0 (wrong). A number kind
 * wants a number: the arithmetic is only reached through ISNUMBER, so a text answer is 0, never an error.
 * `x` is the answer cell (relative, `F12`), `expected` the hidden answer (`'Réponses'!$D$7`).
 */
export function checkFormula(x: string, expected: string, kind: AnswerKind): string {
  const right = rightFormula(x, expected, kind);
  if (kind === "text") return `IF(${x}="","",IF(${right},1,0))`;
  return `IF(${x}="","",IF(ISNUMBER(${x}),IF(${right},1,0),0))`;
}

/** `checkFormula` in TypeScript: null for an empty answer, else whether it is right. */
export function isRight(answer: unknown, expected: number | string, kind: AnswerKind): boolean | null {
  if (answer === null || answer === undefined || answer === "") return null;
  if (kind === "text") return fold(String(answer)) === fold(String(expected));
  if (typeof answer !== "number" || typeof expected !== "number") return false;
  const tol = TOLERANCE[kind];
  if (Math.abs(answer - expected) <= tol) return true;
  return kind === "share" && Math.abs(answer / 100 - expected) <= tol;
}
