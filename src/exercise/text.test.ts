import { exerciseEn } from "../i18n/en/exercise";
import { exerciseFr } from "../i18n/fr/exercise";
import { exerciseText } from "./text";

const CATALOGUES = [
  { name: "fr", texts: exerciseFr as Record<string, string> },
  { name: "en", texts: exerciseEn as Record<string, string> },
];

/** A count placeholder followed by a noun that does not agree with it. */
const FIXED_PLURAL = /\{(\w+)\} (clients?|questions?|réponses?|answers?|contacts?|visites?|visits?|commerciaux|reps?|semaines?|weeks?|jours?|days?)\b/;

describe("the exercise catalogues (src/i18n/*/exercise.ts)", () => {
  it.each(CATALOGUES)("$name: no « (s) », every count agrees through {n|singular|plural}", ({ texts }) => {
    for (const [key, text] of Object.entries(texts)) {
      expect(`${key}: ${text}`).not.toMatch(/\((s|aux|x|e|es)\)/);
      const m = FIXED_PLURAL.exec(text);
      if (m) throw new Error(`${key}: « {${m[1]}} ${m[2]} » does not agree with its number`);
    }
  });

  it("English has every French key and the same placeholders", () => {
    for (const [key, fr] of Object.entries(exerciseFr)) {
      const names = (t: string) => [...t.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
      expect([key, names((exerciseEn as Record<string, string>)[key])]).toEqual([key, names(fr)]);
    }
  });

  it.each([
    { n: 0, out: "0 question dans l'exercice de l'élève." },
    { n: 1, out: "1 question dans l'exercice de l'élève." },
    { n: 2, out: "2 questions dans l'exercice de l'élève." },
  ])("summary.questions with $n: $out", ({ n, out }) => {
    expect(exerciseText("summary.questions", "fr", { n })).toBe(out);
  });
});
