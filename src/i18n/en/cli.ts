import type { CliMessageKey } from "../fr/cli";

/** Every text of the command line, in English (same keys and placeholders as the French catalogue). */
export const cliMessagesEn: Record<CliMessageKey, string> = {
  HELP: `PAC Commercial — client targeting and the sales action plan (PAC), from the command line.

Usage:
  pac plan <clients.xlsx|clients.csv> [options]    writes the PAC workbook (sheets Cibles, Contacts, PAC,
                                                    Prospects, Fiches clients, Remarques, Catalogue)
  pac score <clients.xlsx|clients.csv> [options]   prints every client's classes (CSV or JSON)
  pac exercice <clients.xlsx|clients.csv> [options]
                                                    writes an exercise (the student's workbook, answers
                                                    checked) and its answer key; help: pac exercice --help
  pac --help                                        this help

Input: a client table (one row per client: Client, CA 2024, CA 2025, Potentiel, Visites…) or a sales journal
(one row per invoice line: Invoice, Date, Customer, Amount); the shape is recognised from the headers.
CSV: ";" (or ",", tab) separator, UTF-8 with or without BOM.

Options of pac plan and pac score:
  --sheet NAME                    workbook sheet to read; by default the visible sheet whose header reads
                                  best as a client table or a journal (on a tie, the first); --sheet all
                                  combines the sheets with the same columns, --sheet "A,B" the sheets named
  --verbose                       prints every remark on standard error
  --reference-date YYYY-MM-DD     date recency is counted to (default: the day after the last purchase read)
  --capital N                     the rep's yearly contact capital
  --weeks N --days N --per-day N  or capital = working weeks × field days per week × contacts per day
                                  (default: 45 × 4 × 3 = 540; a value not given keeps its default:
                                  --weeks 40 alone gives 40 × 4 × 3)
  --lang fr|en                    language of the written workbook and of the messages (default: fr)
  --types FILE                    "Family; Type" table (CSV or .xlsx) of the product types FiLo, FiFo,
                                  LiFo, LiLo, for engagement by product type; it needs a journal with a
                                  product or family column (the file read, or a sheet of the same
                                  workbook). Without --types, the types proposed from the journal are
                                  printed, to be confirmed, and engagement is not computed

pac plan:
  --out FILE.xlsx                 workbook written (default: <input>-PAC.xlsx, beside the input);
                                  the sheets of an input workbook are copied into it unchanged
  --replace (or --force)          replaces the output file if it exists (otherwise: an error), and the
                                  sheets Cibles, Contacts and PAC written by PAC Commercial; a sheet of
                                  yours with that name is always kept (the plan goes to "Cibles (2)"…)
  --growth N%                     CA growth asked by management (default: 5%); "5", "5%" and "2,5%" are
                                  accepted, the number is always a percentage
  --conversion N%                 share of the retained prospects expected to become clients (default: 25%)
                                  The summary compares the objective asked with what the clients bring
                                  (their effort objectives) and with conquest, and gives the verdict.

pac score:
  --format csv|json               output on the console (default: csv; "," and a decimal point in
                                  English, ";" and a decimal comma in French); one row per client and
                                  per prospect, in file order; objective_ca and objective_reason (CA
                                  objective and its reason) for clients, prospect_status (retained,
                                  rejected, not scored), ep (effort score 0 to 100) and conquete
                                  (conquest contacts) for prospects; engagement, ca_at_risk (N-1 sales
                                  of the stopped families) and ideal (ideal-client matrix); remarks go
                                  to standard error

Exit codes: 0 success, 2 bad input (file, option, data), 1 internal error.

Examples:
  pac plan clients.xlsx --weeks 45 --days 4 --per-day 3 --out PAC-2026.xlsx
  pac plan clients.xlsx --growth 8% --conversion 20%
  pac plan clients.xlsx --types types.csv
  pac score sales.csv --format json > classes.json`,

  NO_COMMAND: "No command: type \"pac plan <file>\" or \"pac score <file>\" (help: pac --help).",
  UNKNOWN_COMMAND: "Unknown command \"{value}\": the commands are plan, score and exercice (help: pac --help).",
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
  BAD_DATE: "--reference-date needs a YYYY-MM-DD date, for example 2025-12-31, not \"{value}\".",
  BAD_LANG: "--lang needs fr or en, not \"{value}\".",
  BAD_FORMAT: "--format needs csv or json, not \"{value}\".",
  BAD_OUT: "--out must name an .xlsx workbook, not \"{value}\".",
  BAD_GROWTH: "--growth needs a growth in percent, above -100% and at most 1000%, e.g. 5% or 2.5%, not \"{value}\".",
  BAD_CONVERSION: "--conversion needs a conversion rate from 0 to 100%, e.g. 25%, not \"{value}\".",

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
  ONLY_PROSPECTS: "{n} {n|row read, a prospect with no sales|rows read, all prospects with no sales}.",
  SCORING_FAILED: "Nothing to score in \"{source}\": {reason}",
  WRITE_FAILED: "Cannot write \"{path}\" ({reason}); an earlier file of that name is intact.",
  WRITE_FULL: "Cannot write \"{path}\": disk full or quota reached; an earlier file of that name is intact.",
  WRITE_TOO_BIG: "Cannot write \"{path}\": size beyond the system's file size limit; an earlier file of that name is intact.",
  WRITE_DENIED: "Cannot write \"{path}\": access denied (protected or read-only folder).",
  WRITE_UNVERIFIED: "The workbook written for \"{path}\" does not read back ({reason}): it did not replace the file. Run again with PAC_DEBUG=1 and report it.",
  SAME_AS_INPUT: "--out names the input file \"{path}\" (same file, link or shortcut): choose another name so as not to overwrite it.",
  OUT_EXISTS: "\"{path}\" already exists: add --replace to replace it, or choose another name with --out.",
  OUT_IS_DIR: "--out names a folder, \"{path}\": give an .xlsx file name.",
  CSV_UNTERMINATED: "\"{path}\", line {line}: a quote is opened and never closed; the following lines would be read as one name. Fix line {line}.",
  CSV_TOO_MANY_FIELDS: "\"{path}\", line {line}: more than {limit} columns, the limit of an Excel sheet.",
  CSV_FIELD_TOO_LONG: "\"{path}\", line {line}: a cell of more than {limit} characters; this is not a client table.",
  CSV_LINE_TOO_LONG: "\"{path}\", line {line}: a line of more than {limit} characters; this is not a client table.",
  TOO_MANY_ROWS: "\"{source}\" has {n} rows: an Excel sheet holds at most {limit}, the workbook could not copy them. Split the file.",
  TOO_MANY_CLIENTS: "\"{source}\" has {n} clients: beyond {limit}, the computation would exceed the memory given to Node ({memory} MB). Split the portfolio (by sector, by rep) or run again with NODE_OPTIONS=--max-old-space-size=8192.",
  PLAN_TOO_BIG: "The plan of {n} clients does not fit in a workbook: sheet \"{sheet}\" would need {rows} rows, Excel allows {limit}. Use pac score for this volume, or split the portfolio.",
  SHEETS_DIFFER: "--sheet: the sheets {sheets} do not have the same columns as \"{first}\"; only sheets of the same shape combine.",
  NO_SHEET_TO_COMBINE: "--sheet all: no visible sheet of \"{path}\" has a client table or journal header.",
  UNEXPECTED: "Internal error: {reason}. Run again with PAC_DEBUG=1 for the details and report it.",

  SHEET_IGNORED: "Warning: --sheet only applies to an .xlsx workbook; ignored for \"{path}\".",
  CSV_NOT_UTF8: "Warning: \"{path}\" is not valid UTF-8 (first invalid byte: line {line}, column {column}, byte {byte}); read as Windows-1252. Check the accents.",
  WARNING_LINE: "  - {text}",
  WARNINGS_NOT_KEPT: "  … and {n} more import {n|remark|remarks} the report did not detail.",
  HEADER_MOVED: "Header read on row {row} (the rows above are titles).",

  PROGRESS_READ: "Reading \"{path}\"…",
  PROGRESS_ROWS: "{n} {n|row|rows} read ({seconds} s); analysing the table…",
  PROGRESS_SCORE: "{n} {n|client|clients} read ({seconds} s); computing the classes…",
  PROGRESS_PLAN: "Classes computed ({seconds} s); preparing the sheets…",
  PROGRESS_WRITE: "Writing \"{path}\" ({seconds} s)…",
  PROGRESS_DONE: "Done in {seconds} s.",

  SUMMARY_TITLE: "PAC Commercial — action plan written",
  SUMMARY_SOURCE_SHEET: "Source: {path}, sheet \"{sheet}\" ({shape})",
  SUMMARY_SOURCE_CHOSEN: "Source: {path}, sheet \"{sheet}\" ({shape}; chosen among {count} sheets, the best recognised)",
  SUMMARY_SOURCE_ACTIVE: "Source: {path}, sheet \"{sheet}\" ({shape}; no sheet has a recognised header: the active sheet is read)",
  SUMMARY_SOURCE_FIRST: "Source: {path}, sheet \"{sheet}\" ({shape}; no sheet has a recognised header: the first is read)",
  SUMMARY_SOURCE_COMBINED: "Source: {path}, {count} sheets combined ({shape}): {parts}",
  SUMMARY_SHEET_PART: "\"{sheet}\" rows {from} to {to}",
  SUMMARY_SOURCE: "Source: {path} ({shape})",
  SHAPE_CLIENTS: "client table",
  SHAPE_JOURNAL: "sales journal",
  SUMMARY_READ: "Read: {clients} {clients|client|clients} and {prospects} {prospects|prospect|prospects} ({rows} {rows|row|rows}); {rejected} {rejected|cell|cells} rejected",
  SUMMARY_ABC: "ABC classes: A {a} · B {b} · C {c}",
  SUMMARY_CAPITAL: "Contact capital: {capital} a year; upkeep need: {need} {need|contact|contacts} → {reps} {reps|rep|reps}",
  SUMMARY_CAPITAL_NO_REPS: "Contact capital: {capital} a year; upkeep need: {need} {need|contact|contacts}",
  SUMMARY_OUTPUT: "Workbook: {path} (sheets added: {sheets})",
  SUMMARY_REPLACED: "Replaced (written by PAC Commercial): {sheets}",
  SUMMARY_KEPT: "Kept, as they are your sheets and not PAC Commercial's: {sheets}; the plan is written beside them.",
  SUMMARY_INVALID_CHARS: "Characters a workbook forbids removed: {n} (first cell: {cell})",
  SUMMARY_TRUNCATED: "{n} {n|text|texts} cut to 32,767 characters, the limit of an Excel cell (first cell: {cell})",
  SUMMARY_MACROS: "Macros (VBA) of the input workbook not copied: an .xlsx file cannot hold them",
  SUMMARY_WARNINGS: "To check ({n}):",
  SUMMARY_GROWTH:
    "Objective: CA €{lastCa} + {rate} = €{asked}; the clients bring €{objectives} (effort objectives); conquest: {retained} retained {retained|prospect|prospects} × {conversion} conversion = €{conquest}",
  SUMMARY_VERDICT: "Verdict: {verdict}",
  SUMMARY_MORE: "  … and {n} more {n|remark|remarks} (--verbose to show them all).",

  TYPES_UNREADABLE: "--types \"{path}\": {reason}",
  TYPES_NO_TABLE: "--types \"{path}\": no sheet has a \"Type\" column (FiLo, FiFo, LiFo, LiLo) and a family column.",
  TYPES_IGNORED: "Warning: --types is ignored, because {reason}",
  TYPES_ISSUE: "Type table \"{path}\": {text}",
  SUMMARY_JOURNAL: "Product families: {n} {n|family|families} read in the \"{column}\" column of {source}",
  SUMMARY_ENGAGEMENT:
    "Engagement: loss likely {loss} · sales at risk {risk} · engaged {engaged} · to build {build}; sales at risk €{atRisk}, of which €{leavingAtRisk} with the {leaving} leaving {leaving|client|clients}",
  SUMMARY_ENGAGEMENT_OFF: "Engagement: not computed, {reason}",
  SUMMARY_PROPOSED:
    "Types proposed from the journal, to be confirmed (they are not used): copy these lines into a \"Family;Type\" file, correct them, then run again with --types FILE",
  SUMMARY_PROPOSED_LINE: "  {family};{type}",
  SUMMARY_PROPOSED_MORE: "  … and {n} more {n|family|families} (pac score prints them all on standard error)",
  SUMMARY_IDEAL: "Ideal client: ideal {ideal} · happy {happy} · at risk {atRisk} · to avoid {avoid}",
  SUMMARY_IDEAL_OFF: "Ideal client: not computed, {reason}",
  SUMMARY_JOURNAL_UNMATCHED: "{n} {n|client|clients} of the journal not in the client table, ignored for engagement",
};
