import { engagementLabelsEn, engagementWhyEn } from "./en/engagement";
import { engagementLabelsFr, engagementWhyFr } from "./fr/engagement";

/** The `{name}` placeholders of a template (a plural form counts as its number), each once, sorted. */
function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1]))].sort();
}

describe("the engagement and ideal-client catalogues (src/i18n/*/engagement)", () => {
  it.each(Object.keys(engagementWhyFr) as (keyof typeof engagementWhyFr)[])("the why %s names the same placeholders in French and English", (key) => {
    expect(placeholders(engagementWhyEn[key])).toEqual(placeholders(engagementWhyFr[key]));
  });

  it("labels have no placeholder and the same keys in both languages", () => {
    expect(Object.keys(engagementLabelsEn).sort()).toEqual(Object.keys(engagementLabelsFr).sort());
    for (const text of [...Object.values(engagementLabelsFr), ...Object.values(engagementLabelsEn)]) expect(text).not.toMatch(/[{}]/);
  });

  it("French texts put a non-breaking space before « : », « ; » and « € » and inside guillemets, and never write « (s) »", () => {
    for (const text of [...Object.values(engagementWhyFr), ...Object.values(engagementLabelsFr)]) {
      expect(text).not.toMatch(/ [:;?!»€]|« /);
      expect(text).not.toMatch(/\((s|es|x)\)/);
    }
  });
});
