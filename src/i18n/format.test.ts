import { fill, formatNumber, plural } from "./format";

describe("plural(count, lang, singular, plural)", () => {
  it.each([
    { count: 0, lang: "fr", expected: "client" },
    { count: 1, lang: "fr", expected: "client" },
    { count: 1.5, lang: "fr", expected: "client" },
    { count: 2, lang: "fr", expected: "clients" },
    { count: 150, lang: "fr", expected: "clients" },
    { count: 0, lang: "en", expected: "clients" },
    { count: 1, lang: "en", expected: "client" },
    { count: 2, lang: "en", expected: "clients" },
  ] as const)("$count in $lang → $expected", ({ count, lang, expected }) => {
    expect(plural(count, lang, "client", "clients")).toBe(expected);
  });
});

describe("fill(template, params, lang)", () => {
  it.each([
    { n: 0, fr: "0 contact", en: "0 contacts" },
    { n: 1, fr: "1 contact", en: "1 contact" },
    { n: 2, fr: "2 contacts", en: "2 contacts" },
    { n: 1234, fr: "1\u202f234 contacts", en: "1,234 contacts" },
  ])("agrees {n|singular|plural} with $n", ({ n, fr, en }) => {
    expect(fill("{n} {n|contact|contacts}", { n }, "fr")).toBe(fr);
    expect(fill("{n} {n|contact|contacts}", { n }, "en")).toBe(en);
  });

  it("agrees several words with the same count", () => {
    expect(fill("{n} {n|commercial|commerciaux} {n|retenu|retenus}", { n: 5 }, "fr")).toBe("5 commerciaux retenus");
  });

  it("leaves unknown names and text values in a plural slot as they are", () => {
    expect(fill("{x|a|b} {n|a|b}", { n: "deux" }, "fr")).toBe("{x|a|b} {n|a|b}");
  });
});

describe("formatNumber(value, lang)", () => {
  it("writes a negative zero as 0", () => {
    expect(formatNumber(-0, "fr")).toBe("0");
    expect(formatNumber(-0.001, "fr")).toBe("0");
  });
});
