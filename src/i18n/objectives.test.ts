import { objectivesLabelsEn, objectivesWhyEn } from "./en/objectives";
import { objectivesLabelsFr, objectivesWhyFr } from "./fr/objectives";

/** The `{name}` placeholders of a template (a plural form counts as its number), each once, sorted. */
function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1]))].sort();
}

describe("the planning catalogues (src/i18n/*/objectives)", () => {
  it.each(Object.keys(objectivesWhyFr) as (keyof typeof objectivesWhyFr)[])("the why %s names the same placeholders in French and English", (key) => {
    expect(placeholders(objectivesWhyEn[key])).toEqual(placeholders(objectivesWhyFr[key]));
  });

  it("labels have no placeholder (label() does not fill them) and the same keys in both languages", () => {
    expect(Object.keys(objectivesLabelsEn).sort()).toEqual(Object.keys(objectivesLabelsFr).sort());
    for (const text of [...Object.values(objectivesLabelsFr), ...Object.values(objectivesLabelsEn)]) expect(text).not.toMatch(/[{}]/);
  });

  it("French texts put a non-breaking space before « : » and a narrow one before « ; » (never a plain space)", () => {
    for (const text of [...Object.values(objectivesWhyFr), ...Object.values(objectivesLabelsFr)]) {
      expect(text).not.toMatch(/ [:;?!»]|« /);
    }
  });
});
