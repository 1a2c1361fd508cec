import { DEFAULT_CAPITAL, isIsoDay, langOf, parseArgs, percentage, type Command } from "./args";
import { CliError } from "./errors";

const base = { capital: DEFAULT_CAPITAL, lang: "fr", verbose: false } as const;

const parsed: readonly { name: string; argv: string[]; expected: Command }[] = [
  { name: "--help anywhere", argv: ["plan", "x.xlsx", "--help"], expected: { kind: "help" } },
  { name: "-h", argv: ["-h"], expected: { kind: "help" } },
  { name: "help", argv: ["help"], expected: { kind: "help" } },
  { name: "plan with defaults", argv: ["plan", "clients.xlsx"], expected: { kind: "plan", file: "clients.xlsx", replace: false, ...base } },
  {
    name: "plan with every option",
    argv: ["plan", "c.xlsx", "--sheet", "Clients 2025", "--capital", "600", "--reference-date", "2025-12-31", "--lang", "en", "--out", "o/PAC.xlsx", "--replace"],
    expected: { kind: "plan", file: "c.xlsx", sheet: "Clients 2025", capital: { kind: "given", capital: 600 }, referenceDate: "2025-12-31", lang: "en", out: "o/PAC.xlsx", replace: true, verbose: false },
  },
  { name: "--force is --replace", argv: ["plan", "c.xlsx", "--force"], expected: { kind: "plan", file: "c.xlsx", replace: true, ...base } },
  { name: "--verbose", argv: ["plan", "c.xlsx", "--verbose"], expected: { kind: "plan", file: "c.xlsx", replace: false, ...base, verbose: true } },
  { name: "--sheet all", argv: ["score", "c.xlsx", "--sheet", "all"], expected: { kind: "score", file: "c.xlsx", format: "csv", sheet: "all", ...base } },
  {
    name: "--weeks alone: days and contacts per day take their defaults",
    argv: ["plan", "c.csv", "--weeks", "40"],
    expected: { kind: "plan", file: "c.csv", replace: false, ...base, capital: { kind: "computed", weeks: 40, daysPerWeek: 4, contactsPerDay: 3 } },
  },
  {
    name: "--per-day alone",
    argv: ["plan", "c.csv", "--per-day", "2"],
    expected: { kind: "plan", file: "c.csv", replace: false, ...base, capital: { kind: "computed", weeks: 45, daysPerWeek: 4, contactsPerDay: 2 } },
  },
  {
    name: "plan with the capital computed, --name=value forms, decimal comma",
    argv: ["plan", "--weeks=44", "--days", "4,5", "--per-day=2.5", "c.csv"],
    expected: { kind: "plan", file: "c.csv", capital: { kind: "computed", weeks: 44, daysPerWeek: 4.5, contactsPerDay: 2.5 }, lang: "fr", replace: false, verbose: false },
  },
  { name: "score defaults to csv", argv: ["score", "c.csv"], expected: { kind: "score", file: "c.csv", format: "csv", ...base } },
  { name: "--types for score (issue 16)", argv: ["score", "ventes.xlsx", "--types", "types.csv"], expected: { kind: "score", file: "ventes.xlsx", format: "csv", types: "types.csv", ...base } },
  { name: "--types=FILE for plan", argv: ["plan", "ventes.xlsx", "--types=Types familles.xlsx"], expected: { kind: "plan", file: "ventes.xlsx", replace: false, types: "Types familles.xlsx", ...base } },
  {
    name: "score with json, sheet, date and capital",
    argv: ["score", "c.xlsx", "--format", "json", "--sheet", "Feuil1", "--reference-date", "2024-02-29", "--capital", "540"],
    expected: { kind: "score", file: "c.xlsx", format: "json", sheet: "Feuil1", referenceDate: "2024-02-29", capital: { kind: "given", capital: 540 }, lang: "fr", verbose: false },
  },
  {
    name: "plan --growth 5% --conversion 20%",
    argv: ["plan", "c.xlsx", "--growth", "5%", "--conversion", "20%"],
    expected: { kind: "plan", file: "c.xlsx", replace: false, ...base, growth: 0.05, conversion: 0.2 },
  },
  { name: "plan --growth 5 (no sign: still a percentage)", argv: ["plan", "c.xlsx", "--growth", "5"], expected: { kind: "plan", file: "c.xlsx", replace: false, ...base, growth: 0.05 } },
  { name: "plan --growth=2,5% (decimal comma)", argv: ["plan", "c.xlsx", "--growth=2,5%"], expected: { kind: "plan", file: "c.xlsx", replace: false, ...base, growth: 0.025 } },
  { name: "plan --growth -3 % (a decline asked)", argv: ["plan", "c.xlsx", "--growth", "-3 %"], expected: { kind: "plan", file: "c.xlsx", replace: false, ...base, growth: -0.03 } },
  { name: "-- ends the options", argv: ["score", "--", "--odd-name.csv"], expected: { kind: "score", file: "--odd-name.csv", format: "csv", ...base } },
];

describe("parseArgs", () => {
  it.each(parsed)("parseArgs(argv): $name", ({ argv, expected }) => {
    expect(parseArgs(argv)).toEqual(expected);
  });
});

const errors: readonly { argv: string[]; message: string }[] = [
  { argv: [], message: "Aucune commande\u00a0: tapez «\u00a0pac plan <fichier>\u00a0» ou «\u00a0pac score <fichier>\u00a0» (aide\u00a0: pac --help)." },
  { argv: ["planifier", "x.xlsx"], message: "Commande inconnue «\u00a0planifier\u00a0»\u00a0: les commandes sont plan, score et exercice (aide\u00a0: pac --help)." },
  {
    argv: ["--capital", "5"],
    message: "Option «\u00a0--capital\u00a0» avant la commande\u00a0: tapez «\u00a0pac plan <fichier>\u00a0» ou «\u00a0pac score <fichier>\u00a0», puis les options (aide\u00a0: pac --help).",
  },
  { argv: ["plan", "x.xlsx", "--format", "csv"], message: "Option inconnue «\u00a0--format\u00a0» pour pac plan (aide\u00a0: pac --help)." },
  { argv: ["score", "x.xlsx", "--out", "o.xlsx"], message: "Option inconnue «\u00a0--out\u00a0» pour pac score (aide\u00a0: pac --help)." },
  { argv: ["score", "x.xlsx", "--replace"], message: "Option inconnue «\u00a0--replace\u00a0» pour pac score (aide\u00a0: pac --help)." },
  { argv: ["plan", "x.xlsx", "-v"], message: "Option inconnue «\u00a0-v\u00a0» pour pac plan (aide\u00a0: pac --help)." },
  { argv: ["plan", "x.xlsx", "--sheet"], message: "L'option --sheet attend une valeur." },
  { argv: ["plan", "x.xlsx", "--sheet", "--replace"], message: "L'option --sheet attend une valeur." },
  { argv: ["plan", "x.xlsx", "--out="], message: "L'option --out attend une valeur." },
  { argv: ["plan", "x.xlsx", "--replace=oui"], message: "L'option --replace ne prend pas de valeur." },
  { argv: ["plan", "x.xlsx", "--lang", "fr", "--lang", "en"], message: "L'option --lang est donnée deux fois." },
  { argv: ["plan"], message: "Indiquez le fichier à lire\u00a0: pac plan <clients.xlsx|clients.csv>." },
  { argv: ["score", "--format", "json"], message: "Indiquez le fichier à lire\u00a0: pac score <clients.xlsx|clients.csv>." },
  { argv: ["plan", "a.xlsx", "b.xlsx"], message: "Argument en trop «\u00a0b.xlsx\u00a0»\u00a0: un seul fichier à la fois." },
  { argv: ["plan", "x.xlsx", "--capital", "0"], message: "--capital attend un nombre entier de contacts supérieur à 0, pas «\u00a00\u00a0»." },
  { argv: ["plan", "x.xlsx", "--capital", "12,5"], message: "--capital attend un nombre entier de contacts supérieur à 0, pas «\u00a012,5\u00a0»." },
  { argv: ["plan", "x.xlsx", "--capital", "-5"], message: "--capital attend un nombre entier de contacts supérieur à 0, pas «\u00a0-5\u00a0»." },
  { argv: ["plan", "x.xlsx", "--weeks", "54", "--days", "4", "--per-day", "3"], message: "--weeks attend un nombre entier de semaines de 1 à 53, pas «\u00a054\u00a0»." },
  { argv: ["plan", "x.xlsx", "--weeks", "4.5", "--days", "4", "--per-day", "3"], message: "--weeks attend un nombre entier de semaines de 1 à 53, pas «\u00a04.5\u00a0»." },
  {
    argv: ["plan", "x.xlsx", "--weeks", "45", "--days", "8", "--per-day", "3"],
    message: "--days attend un nombre de jours de terrain par semaine, supérieur à 0 et au plus 7, pas «\u00a08\u00a0».",
  },
  {
    argv: ["plan", "x.xlsx", "--weeks", "45", "--days", "0", "--per-day", "3"],
    message: "--days attend un nombre de jours de terrain par semaine, supérieur à 0 et au plus 7, pas «\u00a00\u00a0».",
  },
  { argv: ["plan", "x.xlsx", "--weeks", "45", "--days", "4", "--per-day", "trois"], message: "--per-day attend un nombre de contacts par jour supérieur à 0, pas «\u00a0trois\u00a0»." },
  {
    argv: ["plan", "x.xlsx", "--capital", "540", "--weeks", "45"],
    message: "--capital ne se combine pas avec --weeks, --days et --per-day\u00a0: donnez l'un ou l'autre.",
  },
  { argv: ["plan", "x.xlsx", "--weeks", "60"], message: "--weeks attend un nombre entier de semaines de 1 à 53, pas «\u00a060\u00a0»." },
  { argv: ["plan", "x.xlsx", "--force=1"], message: "L'option --force ne prend pas de valeur." },
  { argv: ["score", "x.xlsx", "--types"], message: "L'option --types attend une valeur." },
  { argv: ["plan", "x.xlsx", "--types", "a.csv", "--types", "b.csv"], message: "L'option --types est donnée deux fois." },
  { argv: ["score", "x.xlsx", "--force"], message: "Option inconnue «\u00a0--force\u00a0» pour pac score (aide\u00a0: pac --help)." },
  { argv: ["plan", "x.xlsx", "--reference-date", "31/12/2025"], message: "--reference-date attend une date AAAA-MM-JJ, par exemple 2025-12-31, pas «\u00a031/12/2025\u00a0»." },
  { argv: ["plan", "x.xlsx", "--reference-date", "2025-02-29"], message: "--reference-date attend une date AAAA-MM-JJ, par exemple 2025-12-31, pas «\u00a02025-02-29\u00a0»." },
  { argv: ["plan", "x.xlsx", "--lang", "de"], message: "--lang attend fr ou en, pas «\u00a0de\u00a0»." },
  { argv: ["score", "x.xlsx", "--format", "xml"], message: "--format attend csv ou json, pas «\u00a0xml\u00a0»." },
  { argv: ["plan", "x.xlsx", "--out", "plan.xls"], message: "--out doit nommer un classeur .xlsx, pas «\u00a0plan.xls\u00a0»." },
  {
    argv: ["plan", "x.xlsx", "--growth", "cinq"],
    message: "--growth attend une croissance en pourcentage, plus de -100\u202f% et au plus 1\u202f000\u202f%, par exemple 5% ou 2,5%, pas «\u00a0cinq\u00a0».",
  },
  {
    argv: ["plan", "x.xlsx", "--growth", "-100%"],
    message: "--growth attend une croissance en pourcentage, plus de -100\u202f% et au plus 1\u202f000\u202f%, par exemple 5% ou 2,5%, pas «\u00a0-100%\u00a0».",
  },
  {
    argv: ["plan", "x.xlsx", "--growth", "1 000%"],
    message: "--growth attend une croissance en pourcentage, plus de -100\u202f% et au plus 1\u202f000\u202f%, par exemple 5% ou 2,5%, pas «\u00a01 000%\u00a0».",
  },
  { argv: ["plan", "x.xlsx", "--conversion", "120%"], message: "--conversion attend un taux de conversion de 0 à 100\u202f%, par exemple 25%, pas «\u00a0120%\u00a0»." },
  { argv: ["plan", "x.xlsx", "--conversion", "-5"], message: "--conversion attend un taux de conversion de 0 à 100\u202f%, par exemple 25%, pas «\u00a0-5\u00a0»." },
  { argv: ["score", "x.xlsx", "--growth", "5"], message: "Option inconnue «\u00a0--growth\u00a0» pour pac score (aide\u00a0: pac --help)." },
];

describe("parseArgs errors", () => {
  it.each(errors)("parseArgs($argv) throws the French message", ({ argv, message }) => {
    let thrown: unknown;
    try {
      parseArgs(argv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CliError);
    expect((thrown as CliError).message).toBe(message);
    expect((thrown as CliError).text("fr")).toBe(message);
  });

  it("parseArgs(argv) errors also read in English", () => {
    expect(() => parseArgs(["plan", "x.xlsx", "--lang", "de"])).toThrow(CliError);
    try {
      parseArgs(["plan", "x.xlsx", "--lang", "de"]);
    } catch (error) {
      expect((error as CliError).text("en")).toBe('--lang needs fr or en, not "de".');
    }
  });
});

describe("percentage", () => {
  it.each([
    { text: "5", expected: 0.05 },
    { text: "5%", expected: 0.05 },
    { text: "5 %", expected: 0.05 },
    { text: "5\u202f%", expected: 0.05 },
    { text: "2,5%", expected: 0.025 },
    { text: "2.5", expected: 0.025 },
    { text: "0", expected: 0 },
    { text: "-3%", expected: -0.03 },
    { text: "\u22123 %", expected: -0.03 },
    { text: "", expected: NaN },
    { text: "%", expected: NaN },
    { text: "cinq", expected: NaN },
    { text: "5%%", expected: NaN },
    { text: "1 000", expected: NaN },
    { text: "5e2", expected: NaN },
  ])("percentage($text) = $expected", ({ text, expected }) => {
    expect(percentage(text)).toBe(expected);
  });
});

describe("isIsoDay and langOf", () => {
  it.each([
    ["2025-12-31", true],
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2025-13-01", false],
    ["1949-12-31", false],
    ["2025-1-1", false],
    ["", false],
  ])("isIsoDay(%p) is %p", (text, ok) => {
    expect(isIsoDay(text)).toBe(ok);
  });

  it.each([
    [["plan", "x", "--lang", "en"], "en"],
    [["plan", "x", "--lang=en"], "en"],
    [["plan", "x", "--lang", "de"], "fr"],
    [[], "fr"],
  ] as const)("langOf(%p) is %p", (argv, lang) => {
    expect(langOf(argv)).toBe(lang);
  });
});
