import { ioMessagesEn, ioFieldLabelsEn, ioMethodLabelsEn } from "./en/io";
import { ioMessagesFr, type IoMessageKey } from "./fr/io";
import { ioFieldLabel, ioMessage, ioMethodLabel } from "./io";

const placeholders = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("import messages (src/i18n/io)", () => {
  it.each(Object.keys(ioMessagesFr) as IoMessageKey[])("ioMessagesEn.%s has the same placeholders as the French", (key) => {
    expect(placeholders(ioMessagesEn[key])).toEqual(placeholders(ioMessagesFr[key]));
  });

  const cases: { name: string; key: IoMessageKey; params: Record<string, string | number>; fr: string; en: string }[] = [
    {
      name: "a row number and a value",
      key: "CELL_TEXT",
      params: { row: 12, column: "CA 2025", value: "n.c." },
      fr: "Ligne 12, « CA 2025 » : « n.c. » n'est pas un nombre.",
      en: "Row 12, “CA 2025”: “n.c.” is not a number.",
    },
    {
      name: "numbers in the language's format",
      key: "LINES_NO_CLIENT",
      params: { n: 1234, amount: 5374.99 },
      fr: "1\u202f234 lignes sans identifiant client, pour un montant de 5\u202f374,99 : comptées à part, non affectées à un client.",
      en: "1,234 lines without a customer id, for an amount of 5,374.99: counted apart, not assigned to a customer.",
    },
    {
      name: "field and method ids are translated",
      key: "MISSING_FIELDS",
      params: { method: "pr", fields: "potential,ca|periods" },
      fr: "P-R : il manque Potentiel, CA ou CA par période.",
      en: "P-R: missing Potential, Sales or Sales per period.",
    },
    {
      name: "plural agreement: one line, one form",
      key: "LINES_NO_CLIENT",
      params: { n: 1, amount: 12 },
      fr: "1 ligne sans identifiant client, pour un montant de 12 : comptée à part, non affectée à un client.",
      en: "1 line without a customer id, for an amount of 12: counted apart, not assigned to a customer.",
    },
    {
      name: "plural agreement: zero takes the singular in French, the plural in English",
      key: "EMPTY_ROWS",
      params: { n: 0, rows: "—" },
      fr: "0 ligne vide ignorée : —.",
      en: "0 empty rows skipped: —.",
    },
    {
      name: "a field in a mapping message",
      key: "UNCERTAIN_COLUMN",
      params: { field: "frequency", header: "Factures" },
      fr: "Colonne « Factures » prise comme « Fréquence (nombre de commandes) » (correspondance incertaine, à vérifier).",
      en: "Column “Factures” taken as “Frequency (number of orders)” (uncertain match, please check).",
    },
  ];
  it.each(cases)("ioMessage(key, params, lang): $name", ({ key, params, fr, en }) => {
    expect(ioMessage(key, params)).toBe(fr);
    expect(ioMessage(key, params, "en")).toBe(en);
  });

  it("ioFieldLabel and ioMethodLabel give the French label by default", () => {
    expect([ioFieldLabel("potential"), ioFieldLabel("potential", "en"), ioMethodLabel("maturity")]).toEqual(["Potentiel", "Potential", "Maturité (D/C/M/V)"]);
    expect(Object.keys(ioFieldLabelsEn).length + Object.keys(ioMethodLabelsEn).length).toBe(25 + 10); // 21 fields, + value (§13), family, product, description (§12); 8 methods + engagement and ideal
  });
});
