import type { CliMessageKey } from "../fr/cli";

/** Every text of the command line, in English (same keys and placeholders as the French catalogue). */
export const cliMessagesEn: Record<CliMessageKey, string> = {
  HELP: `PAC Commercial — client targeting and the sales action plan (PAC), from the command line.

Usage:
  pac plan <clients.xlsx|clients.csv> [options]    writes the PAC workbook (sheets Cibles, Contacts, PAC)
  pac score <clients.xlsx|clients.csv> [options]   prints every client's classes (CSV or JSON)
  pac --help                                        this help

Input: a client table (one row per client: Client, CA 2024, CA 2025, Potentiel, Visites…) or a sales journal
(one row per invoice line: Invoice, Date, Customer, Amount); the shape is recognised from the headers.
CSV: ";" (or ",", tab) separator, UTF-8 with or without BOM.

Options of pac plan and pac score:
  --sheet NAME                    workbook sheet to read (default: the first one)
  --reference-date YYYY-MM-DD     date recency is counted to (default: the day after the last purchase read)
  --capital N                     the rep's yearly contact capital
  --weeks N --days N --per-day N  or capital = working weeks × field days per week × contacts per day
                                  (default: 45 × 4 × 3 = 540)
  --lang fr|en                    language of the written workbook and of the messages (default: fr)

pac plan:
  --out FILE.xlsx                 workbook written (default: <input>-PAC.xlsx, beside the input);
                                  the sheets of an input workbook are copied into it unchanged
  --replace                       replaces the sheets Cibles, Contacts and PAC already there
                                  (otherwise they are added as "Cibles (2)"…)

pac score:
  --format csv|json               output on the console (default: csv, comma separated); one row per
                                  client, prospects (no CA) are not scored

Exit codes: 0 success, 2 bad input (file, option, data), 1 internal error.

Examples:
  pac plan clients.xlsx --weeks 45 --days 4 --per-day 3 --out PAC-2026.xlsx
  pac score sales.csv --format json > classes.json`,

  NO_COMMAND: "No command: type \"pac plan <file>\" or \"pac score <file>\" (help: pac --help).",
  UNKNOWN_COMMAND: "Unknown command \"{value}\": the commands are plan and score (help: pac --help).",
  UNKNOWN_OPTION: "Unknown option \"{option}\" for pac {command} (help: pac --help).",
  OPTION_BEFORE_COMMAND: "Option \"{option}\" before the command: type \"pac plan <file>\" or \"pac score <file>\", then the options (help: pac --help).",
  MISSING_VALUE: "Option {option} needs a value.",
  FLAG_WITH_VALUE: "Option {option} takes no value.",
  REPEATED_OPTION: "Option {option} is given twice.",
  MISSING_FILE_ARG: "Give the file to read: pac {command} <clients.xlsx|clients.csv>.",
  EXTRA_ARG: "Extra argument \"{value}\": one file at a time.",
  BAD_CAPITAL: "--capital needs a whole number of contacts above 0, not \"{value}\".",
  BAD_WEEKS: "--weeks needs a whole number of weeks from 1 to 53, not \"{value}\".",
  BAD_DAYS: "--days needs a number of field days per week above 0 and at most 7, not \"{value}\".",
  BAD_PER_DAY: "--per-day needs a number of contacts per day above 0, not \"{value}\".",
  CAPITAL_CONFLICT: "--capital does not combine with --weeks, --days and --per-day: give one or the other.",
  CAPITAL_PARTS: "To compute the capital, give --weeks, --days and --per-day together ({missing} missing).",
  BAD_DATE: "--reference-date needs a YYYY-MM-DD date, for example 2025-12-31, not \"{value}\".",
  BAD_LANG: "--lang needs fr or en, not \"{value}\".",
  BAD_FORMAT: "--format needs csv or json, not \"{value}\".",
  BAD_OUT: "--out must name an .xlsx workbook, not \"{value}\".",

  FILE_NOT_FOUND: "File not found: {path}",
  FILE_IS_DIR: "\"{path}\" is a folder: give an .xlsx or .csv file.",
  FILE_UNREADABLE: "Cannot read \"{path}\" ({reason}).",
  FILE_EMPTY: "The file \"{path}\" is empty.",
  XLS_OLD: "\"{path}\" is an Excel 97-2003 workbook (.xls): save it as .xlsx and run again.",
  XLSX_CORRUPT: "\"{path}\" is not a readable .xlsx workbook (damaged, or another format).",
  BINARY_FILE: "\"{path}\" is neither an .xlsx workbook nor a CSV text file.",
  SHEET_NOT_FOUND: "Sheet \"{sheet}\" not found in \"{path}\" (sheets: {sheets}).",
  NO_SHEET: "The workbook \"{path}\" has no sheet.",
  NO_ROWS: "Sheet \"{sheet}\" of \"{path}\" is empty.",
  NO_CLIENT: "No client read from \"{source}\": {reason}",
  NOTHING_TO_SCORE: "Nothing to score in \"{source}\": {reason}",
  ONLY_PROSPECTS: "the {n} rows read are prospects, with no sales.",
  SCORING_FAILED: "Nothing to score in \"{source}\": {reason}",
  WRITE_FAILED: "Cannot write \"{path}\" ({reason}).",
  SAME_AS_INPUT: "--out names the input file \"{path}\": choose another name so as not to overwrite it.",
  UNEXPECTED: "Internal error: {reason}. Run again with PAC_DEBUG=1 for the details and report it.",

  SHEET_IGNORED: "Warning: --sheet only applies to an .xlsx workbook; ignored for \"{path}\".",
  HEADER_MOVED: "Header read on row {row} (the rows above are titles).",

  PROGRESS_READ: "Reading \"{path}\"…",
  PROGRESS_ROWS: "{n} rows read ({seconds} s); analysing the table…",
  PROGRESS_SCORE: "{n} clients read ({seconds} s); computing the classes…",
  PROGRESS_PLAN: "Classes computed ({seconds} s); preparing the sheets…",
  PROGRESS_WRITE: "Writing \"{path}\" ({seconds} s)…",
  PROGRESS_DONE: "Done in {seconds} s.",

  SUMMARY_TITLE: "PAC Commercial — action plan written",
  SUMMARY_SOURCE_SHEET: "Source: {path}, sheet \"{sheet}\" ({shape})",
  SUMMARY_SOURCE: "Source: {path} ({shape})",
  SHAPE_CLIENTS: "client table",
  SHAPE_JOURNAL: "sales journal",
  SUMMARY_READ: "Read: {clients} clients and {prospects} prospects ({rows} rows); {rejected} cell(s) rejected",
  SUMMARY_ABC: "ABC classes: A {a} · B {b} · C {c}",
  SUMMARY_CAPITAL: "Contact capital: {capital} a year; upkeep need: {need} contacts → {reps} rep(s)",
  SUMMARY_OUTPUT: "Workbook: {path} (sheets added: {sheets})",
  SUMMARY_WARNINGS: "To check ({n}):",
  SUMMARY_MORE: "  … and {n} more remark(s).",
};
