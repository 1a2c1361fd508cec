import { templateFormula, templateValue } from "./templateFormula";

describe("templateValue", () => {
  it.each([
    { name: "French 0 takes the singular", lang: "fr" as const, x: 0, out: "0 visite" },
    { name: "French 1", lang: "fr" as const, x: 1, out: "1 visite" },
    { name: "French 2", lang: "fr" as const, x: 2, out: "2 visites" },
    { name: "French 1.5 (below 2)", lang: "fr" as const, x: 1.5, out: "1.5 visite" },
    { name: "French −3", lang: "fr" as const, x: -3, out: "-3 visites" },
    { name: "English 0 takes the plural", lang: "en" as const, x: 0, out: "0 visites" },
    { name: "English 1", lang: "en" as const, x: 1, out: "1 visite" },
    { name: "English 1000: no thousands separator, as Excel's &", lang: "en" as const, x: 1000, out: "1000 visites" },
  ])('templateValue("{x} {x|visite|visites}", $x, $lang): $name', ({ lang, x, out }) => {
    expect(templateValue("{x} {x|visite|visites}", { x }, lang)).toBe(out);
  });

  it("templateValue leaves a placeholder without a value as it stands", () => {
    expect(templateValue("{a} et {b|un|des}", {}, "fr")).toBe("{a} et {b|un|des}");
  });
});

describe("templateFormula", () => {
  it.each([
    { name: "plain placeholder", template: "Écart de {gap} contacts", lang: "fr" as const, out: '"Écart de "&($B$9-$C$16)&" contacts"' },
    {
      name: "French plural: singular below 2",
      template: "{x} {x|visite|visites}",
      lang: "fr" as const,
      out: '($B$9-$C$16)&" "&IF(ABS(($B$9-$C$16))<2,"visite","visites")',
    },
    {
      name: "English plural: singular at 1 only",
      template: "{x} {x|visit|visits}",
      lang: "en" as const,
      out: '($B$9-$C$16)&" "&IF(ABS(($B$9-$C$16))=1,"visit","visits")',
    },
    { name: "quotes in the text are doubled", template: 'dit "{x}"', lang: "fr" as const, out: '"dit """&($B$9-$C$16)&""""' },
    { name: "a placeholder without a part stays text", template: "{y} ok", lang: "fr" as const, out: '"{y}"&" ok"' },
    { name: "empty template", template: "", lang: "fr" as const, out: '""' },
  ])("templateFormula($name)", ({ template, lang, out }) => {
    expect(templateFormula(template, { x: "($B$9-$C$16)", gap: "($B$9-$C$16)" }, lang)).toBe(out);
  });
});

describe("templateFormula with a number shown as text", () => {
  it("templateFormula(template, { x: { number, text } }): the plural tests the number, the sentence shows the text", () => {
    expect(templateFormula("{x} {x|client|clients}", { x: { number: "$B$2", text: "T($B$2)" } }, "fr")).toBe('T($B$2)&" "&IF(ABS($B$2)<2,"client","clients")');
  });
});
