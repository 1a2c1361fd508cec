import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { isEngineError } from "../engine";
import { errorMessage } from "../i18n";
import type { CliMessageKey } from "../i18n/cli";
import type { Lang, MessageParams } from "../i18n/types";
import { buildExercise, exerciseText, scoreText, type CapitalCase, type ExerciseBooks, type ExerciseData, type ExerciseKey, type ExerciseMethod } from "../exercise";
import { scorePortfolio } from "../plan";
import { writeXlsxPackage } from "../xlsx/write";
import { importClients } from "./clients";
import { CSV_EN, CSV_FR, toCsv } from "./csv";
import { CliError } from "./errors";
import { readInput } from "./input";
import { writeFileAtomic } from "./safeWrite";
import { verifyZipDirectory, type ReadBack } from "./verifyZip";
import { openXlsx } from "./xlsxInput";

/** The command's names: French first, English too. */
export const EXERCISE_COMMANDS: readonly string[] = ["exercice", "exercise"];

/** The names a method takes in `--methodes` (French and English spellings). */
const METHOD_NAMES: Readonly<Record<string, ExerciseMethod>> = {
  abc: "abc",
  rp: "rp",
  "r-p": "rp",
  rangs: "rp",
  ranks: "rp",
  pr: "pr",
  "p-r": "pr",
  rfm: "rfm",
  contacts: "contacts",
  matrice: "contacts",
  elasticite: "elasticity",
  "élasticité": "elasticity",
  elasticity: "elasticity",
  capital: "capital",
  capacite: "capital",
  "capacité": "capital",
};

/** An input error of `pac exercice`: a CliError (exit code 2, one line) whose text is in the exercise catalogue. */
export class ExerciseCliError extends CliError {
  constructor(
    readonly exerciseKey: ExerciseKey,
    params: MessageParams = {},
  ) {
    super("UNEXPECTED" as CliMessageKey, params);
    this.message = exerciseText(exerciseKey, "fr", params);
  }

  override text(lang: Lang): string {
    return exerciseText(this.exerciseKey, lang, this.params);
  }
}

export interface ExerciseCommand {
  readonly file: string;
  readonly methods?: readonly ExerciseMethod[];
  /** The folder both workbooks go to (default: the input's folder). */
  readonly out?: string;
  readonly title?: string;
  readonly sheet?: string;
  readonly lang: Lang;
  readonly replace: boolean;
  readonly help: boolean;
  /** `--releve DOSSIER`: read the scores of the students' books in a folder instead of writing an exercise. */
  readonly scores?: string;
}

/** `--methodes abc,pr` as methods, in the order given, without repeats. */
export function parseMethods(text: string): ExerciseMethod[] {
  const out: ExerciseMethod[] = [];
  for (const raw of text.split(/[,;\s]+/).filter((s) => s !== "")) {
    const method = METHOD_NAMES[raw.toLowerCase()];
    if (!method) throw new ExerciseCliError("cli.unknown_method", { value: raw, list: "abc, rp, pr, rfm, contacts, elasticite, capital" });
    if (!out.includes(method)) out.push(method);
  }
  return out;
}

const VALUE_OPTIONS: Readonly<Record<string, "methods" | "out" | "title" | "sheet" | "lang" | "scores">> = {
  "--releve": "scores",
  "--relevé": "scores",
  "--scores": "scores",
  "--methodes": "methods",
  "--méthodes": "methods",
  "--methods": "methods",
  "--out": "out",
  "--titre": "title",
  "--title": "title",
  "--sheet": "sheet",
  "--feuille": "sheet",
  "--lang": "lang",
};

/**
 * Parses `pac exercice …` (argv without "node" and the script; argv[0] is the command).
 * @throws ExerciseCliError or CliError with the message the user sees (exit code 2).
 */
export function parseExerciseArgs(argv: readonly string[]): ExerciseCommand {
  const values = new Map<string, string>();
  const files: string[] = [];
  let replace = false;
  let help = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      files.push(arg);
      continue;
    }
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    if (arg === "--replace" || arg === "--force") {
      replace = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const option = eq >= 0 ? arg.slice(0, eq) : arg;
    const name = VALUE_OPTIONS[option];
    if (!name) throw new ExerciseCliError("cli.unknown_option", { option });
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === "" || (eq < 0 && value.startsWith("--"))) throw new ExerciseCliError("cli.missing_value", { option });
    values.set(name, value);
  }
  const lang = values.get("lang") ?? "fr";
  if (lang !== "fr" && lang !== "en") throw new CliError("BAD_LANG", { value: lang });
  if (help) return { file: "", lang, replace, help };
  if (values.has("scores")) {
    if (files.length > 0) throw new ExerciseCliError("cli.extra_arg", { value: files[0] });
    return { file: "", lang, replace, help, scores: values.get("scores") as string };
  }
  if (files.length === 0) throw new ExerciseCliError("cli.missing_file");
  if (files.length > 1) throw new ExerciseCliError("cli.extra_arg", { value: files[1] });
  const methods = values.has("methods") ? parseMethods(values.get("methods") as string) : undefined;
  return {
    file: files[0],
    lang,
    replace,
    help,
    ...(methods ? { methods } : {}),
    ...(values.has("out") ? { out: values.get("out") as string } : {}),
    ...(values.has("title") ? { title: values.get("title") as string } : {}),
    ...(values.has("sheet") ? { sheet: values.get("sheet") as string } : {}),
  };
}

/** The two file names of an exercise named `name`, in `dir`. */
export function exercisePaths(dir: string, name: string, lang: Lang): { student: string; corrige: string } {
  return lang === "fr"
    ? { student: join(dir, `${name}-eleve.xlsx`), corrige: join(dir, `${name}-corrige.xlsx`) }
    : { student: join(dir, `${name}-student.xlsx`), corrige: join(dir, `${name}-key.xlsx`) };
}

/** Writes both books atomically (temporary file, read back, rename); an existing file needs `replace`. */
export async function writeExerciseBooks(books: ExerciseBooks, paths: { student: string; corrige: string }, replace: boolean): Promise<void> {
  for (const path of [paths.student, paths.corrige]) {
    if (existsSync(path) && !replace) throw new CliError("OUT_EXISTS", { path });
  }
  const student = await writeXlsxPackage(books.student);
  const corrige = await writeXlsxPackage(books.corrige);
  const verify = (file: ReadBack): void => void verifyZipDirectory(file);
  writeFileAtomic(paths.student, student.chunks, { replace, verify });
  writeFileAtomic(paths.corrige, corrige.chunks, { replace, verify });
}

/** Reads and scores a client table for an exercise (the reader and the engine of `pac plan`). */
export async function loadExerciseData(file: string, options: { sheet?: string; title?: string; lang: Lang; warn?: (text: string) => void }): Promise<ExerciseData> {
  const input = await readInput(file, { ...(options.sheet !== undefined ? { sheet: options.sheet } : {}), warn: (e) => options.warn?.(e.text(options.lang)) });
  const source = input.sheet !== undefined ? `${basename(input.path)} › ${input.sheet}` : basename(input.path);
  const imported = importClients(input.rows, { firstRowNumber: input.firstRowNumber, date1904: input.date1904 }, source, options.lang);
  const clients = imported.clients;
  try {
    const portfolio = scorePortfolio(clients, { lang: options.lang });
    return { title: options.title ?? basename(file, extname(file)), source, clients, portfolio };
  } catch (error) {
    if (isEngineError(error)) throw new CliError("SCORING_FAILED", { source, reason: errorMessage(error.code, error.params, options.lang) });
    throw error;
  }
}

/** `pac exercice`: reads the table, builds both books, writes them, and says what it wrote. */
export async function runExercise(argv: readonly string[], io: { stdout: (t: string) => void; stderr: (t: string) => void }): Promise<void> {
  const cmd = parseExerciseArgs(argv);
  const lang = cmd.lang;
  if (cmd.help) {
    io.stdout(`${exerciseText("cli.help", lang)}\n`);
    return;
  }
  if (cmd.scores !== undefined) {
    runScores(cmd.scores, lang, io);
    return;
  }
  const dir = cmd.out ?? dirname(cmd.file);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new ExerciseCliError("cli.out_is_file", { path: dir });
  const data = await loadExerciseData(cmd.file, { lang, warn: (t) => io.stderr(`${t}\n`), ...(cmd.sheet !== undefined ? { sheet: cmd.sheet } : {}), ...(cmd.title !== undefined ? { title: cmd.title } : {}) });
  const books = buildExercise(data, { lang, ...(cmd.methods ? { methods: cmd.methods } : {}) });
  // A method left out is said when it was asked for; without --methodes, every method the data allow is asked.
  if (cmd.methods) for (const s of books.skipped) io.stderr(`${exerciseText("cli.skipped", lang, { method: s.method, reason: s.reason })}\n`);
  if (books.methods.length === 0) throw new ExerciseCliError("reason.none_left");
  const paths = exercisePaths(dir, basename(cmd.file, extname(cmd.file)), lang);
  await writeExerciseBooks(books, paths, cmd.replace);
  io.stdout(`${exerciseText("cli.done", lang, { student: paths.student, corrige: paths.corrige, n: books.answerKey.length })}\n`);
  io.stdout(`${exerciseText("cli.methods", lang, { methods: books.methods.join(", ") })}\n`);
}

/** A bundled textbook case (assets/exercices/cas.json). */
export interface ExerciseCase {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly methods: readonly ExerciseMethod[];
  /** A client table beside the manifest. */
  readonly file?: string;
  /** The capacity case's parameters and segments. */
  readonly capital?: CapitalCase;
}

function isCapitalCase(value: unknown): value is CapitalCase {
  if (typeof value !== "object" || value === null) return false;
  const c = value as Record<string, unknown>;
  const positive = (x: unknown): boolean => typeof x === "number" && Number.isFinite(x) && x >= 0;
  return (
    positive(c.weeks) &&
    positive(c.daysPerWeek) &&
    positive(c.contactsPerDay) &&
    Array.isArray(c.segments) &&
    c.segments.every((s: unknown) => typeof s === "object" && s !== null && typeof (s as Record<string, unknown>).label === "string" && positive((s as Record<string, unknown>).clients) && positive((s as Record<string, unknown>).norm))
  );
}

/**
 * The cases of a manifest (`cas.json`), checked: an id and a title, known methods, a file or a capacity case.
 * @throws ExerciseCliError cli.bad_cases naming the manifest and what is wrong.
 */
export function readCases(manifest: string): ExerciseCase[] {
  const bad = (why: string): ExerciseCliError => new ExerciseCliError("cli.bad_cases", { path: manifest, why });
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(manifest, "utf8"));
  } catch (error) {
    throw bad(error instanceof Error ? error.message : String(error));
  }
  const cases = (parsed as { cases?: unknown }).cases;
  if (!Array.isArray(cases)) throw bad("cases");
  return cases.map((raw: unknown, k) => {
    const c = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
    if (typeof c.id !== "string" || !/^[\w-]+$/.test(c.id) || typeof c.title !== "string") throw bad(`cases[${k}].id/title`);
    if (!Array.isArray(c.methods)) throw bad(`cases[${k}].methods`);
    const methods = parseMethods(c.methods.join(","));
    if (c.file !== undefined && (typeof c.file !== "string" || c.file.includes("..") || c.file.includes("/"))) throw bad(`cases[${k}].file`);
    if (c.capital !== undefined && !isCapitalCase(c.capital)) throw bad(`cases[${k}].capital`);
    if (c.file === undefined && c.capital === undefined) throw bad(`cases[${k}].file`);
    return {
      id: c.id,
      title: c.title,
      source: typeof c.source === "string" ? c.source : "",
      methods,
      ...(typeof c.file === "string" ? { file: c.file } : {}),
      ...(c.capital !== undefined ? { capital: c.capital as CapitalCase } : {}),
    };
  });
}

/** The data of a case: its table read and scored, or its capacity case alone. */
export async function caseData(c: ExerciseCase, dir: string, lang: Lang): Promise<ExerciseData> {
  const fromFile = c.file !== undefined ? await loadExerciseData(join(dir, c.file), { lang, title: c.title }) : undefined;
  return {
    title: c.title,
    source: c.source,
    clients: fromFile?.clients ?? [],
    ...(fromFile?.portfolio ? { portfolio: fromFile.portfolio } : {}),
    ...(c.capital ? { capital: c.capital } : {}),
  };
}

/** One student's book as read back: its score per method and in all (the values the spreadsheet saved). */
export interface StudentScore {
  readonly file: string;
  readonly methods: readonly { readonly name: string; readonly right: number; readonly questions: number }[];
  readonly right: number;
  readonly questions: number;
}

const LANGS: readonly Lang[] = ["fr", "en"];

/**
 * The score table of a student's book (its first sheet, « Consignes »): the rows between the header « Méthode »
 * and the « Total » row, as saved by Excel or LibreOffice (cached values; an unopened book scores 0).
 * Undefined for a workbook that is not an exercise.
 */
export function readStudentScore(bytes: Uint8Array, file: string): StudentScore | undefined {
  const book = openXlsx(bytes, file);
  for (const lang of LANGS) {
    const sheet = exerciseText("sheet.instructions", lang);
    if (!book.names.includes(sheet)) continue;
    const rows = book.rows(sheet);
    const head = rows.findIndex((r) => r[0] === exerciseText("score.col_method", lang));
    const total = rows.findIndex((r, k) => k > head && r[0] === exerciseText("score.total", lang));
    if (head < 0 || total < 0) continue;
    const count = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);
    const methods = rows.slice(head + 1, total).map((r) => ({ name: String(r[0] ?? ""), right: count(r[1]), questions: count(r[2]) }));
    return { file, methods, right: count(rows[total][1]), questions: count(rows[total][2]) };
  }
  return undefined;
}

/** `pac exercice --releve DOSSIER`: a CSV line per student's book of the folder (the score CSV's style), the other files named on stderr. */
export function runScores(dir: string, lang: Lang, io: { stdout: (t: string) => void; stderr: (t: string) => void }): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ExerciseCliError("cli.scores_not_dir", { path: dir });
  const files = readdirSync(dir)
    .filter((f) => /\.xlsx$/i.test(f) && !f.startsWith("~$"))
    .sort((a, b) => a.localeCompare(b, lang));
  const rows: unknown[][] = [exerciseText("cli.scores_header", lang).split("|")];
  for (const f of files) {
    let score: StudentScore | undefined;
    try {
      score = readStudentScore(readFileSync(join(dir, f)), f);
    } catch (error) {
      io.stderr(`${error instanceof CliError ? error.text(lang) : String(error)}\n`);
      continue;
    }
    if (!score) {
      io.stderr(`${exerciseText("cli.scores_skipped", lang, { file: f })}\n`);
      continue;
    }
    const detail = score.methods.map((m) => `${m.name} ${m.right}/${m.questions}`).join(" · ");
    rows.push([f, score.right, score.questions, scoreText(score.right, score.questions, lang), detail]);
  }
  // The CSV of `pac score`: the language's separator, formula-like texts escaped (a file named "=x.xlsx").
  io.stdout(toCsv(rows, lang === "fr" ? CSV_FR : CSV_EN));
}
