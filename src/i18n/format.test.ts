import fc from "fast-check";
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

describe("formatNumber and fill against their first, regular-expression versions", () => {
  const NBSP = "\u202f";
  function formatByRegex(value: number, lang: "fr" | "en", digits = 2): string {
    if (!Number.isFinite(value)) return String(value);
    const rounded = Number(value.toFixed(digits));
    const [intPart, decPart] = Math.abs(rounded).toString().split(".");
    const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "fr" ? NBSP : ",");
    const sign = rounded < 0 ? "-" : "";
    return decPart ? `${sign}${grouped}${lang === "fr" ? "," : "."}${decPart}` : `${sign}${grouped}`;
  }
  function fillByRegex(template: string, params: Record<string, string | number>, lang: "fr" | "en"): string {
    return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, name: string, one?: string, many?: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      if (one !== undefined && many !== undefined) return typeof value === "number" ? plural(value, lang, one, many) : whole;
      return typeof value === "number" ? formatByRegex(value, lang) : value;
    });
  }
  const lang = fc.constantFrom<"fr" | "en">("fr", "en");
  const number = fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double(), fc.double({ min: -1e7, max: 1e7 }), fc.constantFrom(0, -0, 999, 1000, -1000, 2 ** 53, 1e21, NaN, Infinity));

  it("writes every number as before", () => {
    fc.assert(fc.property(number, lang, fc.integer({ min: 0, max: 4 }), (value, l, digits) => expect(formatNumber(value, l, digits)).toBe(formatByRegex(value, l, digits))), { numRuns: 2000 });
  });

  it("fills every template as before, placeholders without a value or a number left as they are", () => {
    const piece = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("{n}", "{n|contact|contacts}", "{who}", "{who|a|b}", "{missing}", "{x|y}", "{", "}", "|"));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), number, fc.string({ maxLength: 5 }), lang, (pieces, n, who, l) => {
        const template = pieces.join("");
        const params = { n, who };
        expect(fill(template, params, l)).toBe(fillByRegex(template, params, l));
      }),
      { numRuns: 2000 },
    );
  });
});
