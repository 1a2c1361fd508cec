import type { Lang } from "../i18n/types";
import { CliError } from "./errors";

/** The capital of contacts: given, or computed as weeks × field days per week × contacts per day (SPEC §8). */
export type CapitalOption =
  | { readonly kind: "given"; readonly capital: number }
  | { readonly kind: "computed"; readonly weeks: number; readonly daysPerWeek: number; readonly contactsPerDay: number };

/** SPEC §8's oracle: (52 − 5 − 1 − 1) weeks × 4 days × 3 visits = 540. Used when no capital option is given. */
export const DEFAULT_CAPITAL: CapitalOption = { kind: "computed", weeks: 45, daysPerWeek: 4, contactsPerDay: 3 };

export type OutputFormat = "csv" | "json";

/** Options shared by `plan` and `score`. */
export interface CommonOptions {
  readonly file: string;
  /** A sheet name, "all" (every sheet with a client header, of the same columns) or a comma-separated list. */
  readonly sheet?: string;
  readonly capital: CapitalOption;
  /** ISO yyyy-mm-dd, checked to be a real calendar day. */
  readonly referenceDate?: string;
  readonly lang: Lang;
  /** Print every warning on stderr (`pac score` always does). */
  readonly verbose: boolean;
  /** `--types`: the rep's « famille ; type » table (CSV or .xlsx) for engagement by product type (SPEC §12). */
  readonly types?: string;
}

export interface PlanCommand extends CommonOptions {
  readonly kind: "plan";
  readonly out?: string;
  /** `--replace` or `--force`: an existing output file is replaced, and the sheets PAC Commercial wrote too. */
  readonly replace: boolean;
  /** `--growth`: the growth asked by management, as a fraction (0.05 for 5 %); absent: the default 5 % (SPEC §10). */
  readonly growth?: number;
  /** `--conversion`: the share of retained prospects expected to become clients, 0..1; absent: 25 %. */
  readonly conversion?: number;
}

export interface ScoreCommand extends CommonOptions {
  readonly kind: "score";
  readonly format: OutputFormat;
}

export type Command = { readonly kind: "help" } | PlanCommand | ScoreCommand;

type OptionName =
  | "sheet"
  | "capital"
  | "weeks"
  | "days"
  | "per-day"
  | "reference-date"
  | "lang"
  | "out"
  | "replace"
  | "force"
  | "format"
  | "verbose"
  | "growth"
  | "conversion"
  | "types";

const COMMON: readonly OptionName[] = ["sheet", "capital", "weeks", "days", "per-day", "reference-date", "lang", "verbose", "types"];
const ALLOWED: Readonly<Record<"plan" | "score", readonly OptionName[]>> = {
  plan: [...COMMON, "out", "replace", "force", "growth", "conversion"],
  score: [...COMMON, "format"],
};
const FLAGS: ReadonlySet<OptionName> = new Set(["replace", "force", "verbose"]);

/** "2,5" or "2.5" as a number; NaN for anything else (no thousands separators, no units). */
function decimal(text: string): number {
  return /^\d+(?:[.,]\d+)?$/.test(text.trim()) ? Number(text.trim().replace(",", ".")) : NaN;
}

/**
 * A percentage as typed: "5", "5%", "5 %", "2,5%", "-3 %" (French decimal comma or a point; a space or a
 * no-break space before "%"), as a fraction (0.05); NaN for anything else. The number is always a
 * percentage: "0,05" is 0.05 %, not 5 %.
 */
export function percentage(text: string): number {
  const m = /^([-+\u2212]?)(\d+(?:[.,]\d+)?)[ \u00a0\u202f]*%?$/.exec(text.trim());
  if (!m) return NaN;
  const value = Number(m[2].replace(",", ".")) / 100;
  return m[1] === "" || m[1] === "+" ? value : -value;
}

function wholeNumber(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
}

/** True for a real calendar day written yyyy-mm-dd. */
export function isIsoDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1950 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function capitalOf(values: ReadonlyMap<OptionName, string>): CapitalOption {
  const given = values.get("capital");
  const parts = (["weeks", "days", "per-day"] as const).filter((k) => values.has(k));
  if (given !== undefined && parts.length > 0) throw new CliError("CAPITAL_CONFLICT");
  if (given !== undefined) {
    const capital = wholeNumber(given);
    if (!Number.isSafeInteger(capital) || capital < 1) throw new CliError("BAD_CAPITAL", { value: given });
    return { kind: "given", capital };
  }
  if (parts.length === 0) return DEFAULT_CAPITAL;
  // A part not given takes its default (SPEC §8's oracle): `--weeks 40` alone is 40 × 4 × 3.
  const defaults = DEFAULT_CAPITAL as Extract<CapitalOption, { kind: "computed" }>;
  const weeksText = values.get("weeks") ?? String(defaults.weeks);
  const daysText = values.get("days") ?? String(defaults.daysPerWeek);
  const perDayText = values.get("per-day") ?? String(defaults.contactsPerDay);
  const weeks = wholeNumber(weeksText);
  if (!(weeks >= 1 && weeks <= 53)) throw new CliError("BAD_WEEKS", { value: weeksText });
  const daysPerWeek = decimal(daysText);
  if (!(daysPerWeek > 0 && daysPerWeek <= 7)) throw new CliError("BAD_DAYS", { value: daysText });
  const contactsPerDay = decimal(perDayText);
  if (!(contactsPerDay > 0 && contactsPerDay <= 1000)) throw new CliError("BAD_PER_DAY", { value: perDayText });
  return { kind: "computed", weeks, daysPerWeek, contactsPerDay };
}

/**
 * Parses `pac` arguments (without "node" and the script): a command, one file, options as `--name value` or
 * `--name=value`; `--` ends the options. Options are checked here, files are not opened.
 *
 * @throws CliError with the French message the user sees (exit code 2).
 * @example parseArgs(["plan", "clients.xlsx", "--capital", "540"]) // { kind: "plan", file: "clients.xlsx", capital: { kind: "given", capital: 540 }, … }
 */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) throw new CliError("NO_COMMAND");
  if (argv.some((a) => a === "--help" || a === "-h") || argv[0] === "help") return { kind: "help" };
  const command = argv[0];
  if (command !== "plan" && command !== "score") {
    throw command.startsWith("-") ? new CliError("OPTION_BEFORE_COMMAND", { option: command.split("=")[0] }) : new CliError("UNKNOWN_COMMAND", { value: command });
  }
  const allowed = ALLOWED[command];
  const values = new Map<OptionName, string>();
  const files: string[] = [];
  let optionsEnded = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || !arg.startsWith("-") || arg === "-") {
      files.push(arg);
      continue;
    }
    if (arg === "--") {
      optionsEnded = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const option = eq >= 0 ? arg.slice(0, eq) : arg;
    const name = option.slice(2) as OptionName;
    if (!option.startsWith("--") || !allowed.includes(name)) throw new CliError("UNKNOWN_OPTION", { option, command });
    if (values.has(name)) throw new CliError("REPEATED_OPTION", { option });
    if (FLAGS.has(name)) {
      if (eq >= 0) throw new CliError("FLAG_WITH_VALUE", { option });
      values.set(name, "");
      continue;
    }
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith("--") && next.length > 2)) throw new CliError("MISSING_VALUE", { option });
      value = next;
      i++;
    }
    if (value === "") throw new CliError("MISSING_VALUE", { option });
    values.set(name, value);
  }
  if (files.length === 0) throw new CliError("MISSING_FILE_ARG", { command });
  if (files.length > 1) throw new CliError("EXTRA_ARG", { value: files[1] });

  const lang = values.get("lang") ?? "fr";
  if (lang !== "fr" && lang !== "en") throw new CliError("BAD_LANG", { value: lang });
  const referenceDate = values.get("reference-date");
  if (referenceDate !== undefined && !isIsoDay(referenceDate)) throw new CliError("BAD_DATE", { value: referenceDate });
  const common: CommonOptions = {
    file: files[0],
    capital: capitalOf(values),
    lang,
    verbose: values.has("verbose"),
    ...(values.has("sheet") ? { sheet: values.get("sheet") as string } : {}),
    ...(values.has("types") ? { types: values.get("types") as string } : {}),
    ...(referenceDate !== undefined ? { referenceDate } : {}),
  };
  if (command === "score") {
    const format = values.get("format") ?? "csv";
    if (format !== "csv" && format !== "json") throw new CliError("BAD_FORMAT", { value: format });
    return { kind: "score", ...common, format };
  }
  const out = values.get("out");
  if (out !== undefined && !/\.xlsx$/i.test(out)) throw new CliError("BAD_OUT", { value: out });
  const growthText = values.get("growth");
  const growth = growthText === undefined ? undefined : percentage(growthText);
  // SPEC §10's engine takes a growth above −100 % and at most 1 000 %.
  if (growth !== undefined && !(growth > -1 && growth <= 10)) throw new CliError("BAD_GROWTH", { value: growthText as string });
  const conversionText = values.get("conversion");
  const conversion = conversionText === undefined ? undefined : percentage(conversionText);
  if (conversion !== undefined && !(conversion >= 0 && conversion <= 1)) throw new CliError("BAD_CONVERSION", { value: conversionText as string });
  return {
    kind: "plan",
    ...common,
    replace: values.has("replace") || values.has("force"),
    ...(out !== undefined ? { out } : {}),
    ...(growth !== undefined ? { growth } : {}),
    ...(conversion !== undefined ? { conversion } : {}),
  };
}

/** The language asked for on the command line, even when the arguments are otherwise wrong (for error messages). */
export function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--lang" && argv[i + 1] === "en") return "en";
    if (argv[i] === "--lang=en") return "en";
  }
  return "fr";
}
