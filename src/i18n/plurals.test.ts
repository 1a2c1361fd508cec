import { planEn } from "./en/plan";
import { uiEn } from "./en/ui";
import { wizardEn } from "./en/wizard";
import { fill } from "./format";
import { planFr } from "./fr/plan";
import { uiFr } from "./fr/ui";
import { wizardFr } from "./fr/wizard";

const CATALOGUES = [
  { name: "plan fr", lang: "fr" as const, texts: planFr as Record<string, string> },
  { name: "plan en", lang: "en" as const, texts: planEn as Record<string, string> },
  { name: "wizard fr", lang: "fr" as const, texts: wizardFr as Record<string, string> },
  { name: "wizard en", lang: "en" as const, texts: wizardEn as Record<string, string> },
  { name: "ui fr", lang: "fr" as const, texts: uiFr as Record<string, string> },
  { name: "ui en", lang: "en" as const, texts: uiEn as Record<string, string> },
];

/** A count placeholder followed by a noun that does not agree: « {n} clients » instead of « {n} {n|client|clients} ». */
const FIXED_PLURAL = /\{(\w+)\} (clients?|prospects?|contacts?|visites?|visits?|lignes?|rows?|remarques?|notes?|semaines?|weeks?|jours?|days?|commerciaux|reps?)\b/;

describe("plural agreement in the sheet, wizard and task-pane texts", () => {
  it.each(CATALOGUES)("$name: no « (s) », every count agrees through {n|singular|plural}", ({ texts }) => {
    for (const [key, text] of Object.entries(texts)) {
      expect(`${key}: ${text}`).not.toMatch(/\((s|aux|x|e|es)\)/);
      const m = FIXED_PLURAL.exec(text);
      // Counts that are never below 2 or are not counts (cell references, ranks) are listed here on purpose.
      if (m && !["preview.showing"].includes(key)) throw new Error(`${key}: « {${m[1]}} ${m[2]} » does not agree with its number`);
    }
  });

  it.each([
    { lang: "fr" as const, n: 0, out: "0 client retenu sur 0 ligne lue (0 vide)." },
    { lang: "fr" as const, n: 1, out: "1 client retenu sur 1 ligne lue (1 vide)." },
    { lang: "fr" as const, n: 2, out: "2 clients retenus sur 2 lignes lues (2 vides)." },
    { lang: "en" as const, n: 0, out: "0 clients kept out of 0 rows read (0 empty)." },
    { lang: "en" as const, n: 1, out: "1 client kept out of 1 row read (1 empty)." },
    { lang: "en" as const, n: 2, out: "2 clients kept out of 2 rows read (2 empty)." },
  ])("report.kept with $n ($lang): $out", ({ lang, n, out }) => {
    const template = (lang === "fr" ? wizardFr : wizardEn)["report.kept"];
    expect(fill(template, { clients: n, rows: n, empty: n }, lang)).toBe(out);
  });
});
