import { existsSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import { isEngineError } from "../engine";
import { errorMessage } from "../i18n";
import { cliMessage, type CliMessageKey } from "../i18n/cli";
import type { Lang, MessageParams } from "../i18n/types";
import type { ImportReport } from "../io";
import { buildWorkbookPlan, planObjectives, scorePortfolio, type ScoredPortfolio } from "../plan";
import type { ImportedClient } from "../io";
import { langOf, parseArgs, type CommonOptions, type PlanCommand, type ScoreCommand } from "./args";
import { installInterruptCleanup, sameFile, writeFileAtomic } from "./safeWrite";
import { verifyZipDirectory } from "./verifyZip";
import { importClients } from "./clients";
import { CliError, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK } from "./errors";
import { readInput, type InputTable } from "./input";
import { fidelityRemarks, fidelitySummary, loadFidelity, type CliFidelity } from "./fidelity";
import { scoreRows } from "./output";
import { writePlanWorkbook, MAX_SHEET_ROWS, planRows } from "./workbook";
import { planSummary, remarkLines } from "./summary";
import { EXERCISE_COMMANDS, runExercise } from "./exercise";

/** For bin/pac.js: the compression thread's script, bundled beside this module (see ../xlsx/zlibWorker). */
export { useNodeWorker } from "../xlsx/zlibWorker";

/** Where the CLI writes; tests pass collectors, `bin/pac.js` the process streams. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Inputs with more rows than this report progress on stderr. Default 10 000. */
  readonly progressAbove?: number;
}

const PROGRESS_ABOVE = 10_000;
/** A file this big announces its reading before its row count is known. */
const BIG_FILE_BYTES = 2_000_000;

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Progress lines on stderr for big inputs, with the seconds since the start. */
class Progress {
  private readonly start = performance.now();
  enabled = false;

  constructor(
    private readonly io: CliIo,
    private readonly lang: Lang,
  ) {}

  say(key: CliMessageKey, params: MessageParams = {}): void {
    if (!this.enabled) return;
    const seconds = Math.round((performance.now() - this.start) / 100) / 10;
    this.io.stderr(`${cliMessage(key, { ...params, seconds }, this.lang)}\n`);
  }
}

interface Loaded {
  readonly input: InputTable;
  readonly shape: "clients" | "journal";
  readonly report: ImportReport;
  readonly portfolio: ScoredPortfolio;
  /** Engagement and the ideal client (issue 16). */
  readonly fidelity: CliFidelity;
}

/** The source named in messages: the file, and the sheet when it is a workbook. */
function sourceName(input: InputTable): string {
  return input.sheet !== undefined ? `${input.path} › ${input.sheet}` : input.path;
}

/**
 * Heap a client costs, measured with /usr/bin/time on generated tables (see the README): scoring alone, and
 * scoring then writing the workbook. Used to refuse, with a message, a portfolio this process cannot hold,
 * before the work that would end in an out-of-memory crash.
 */
export const BYTES_PER_CLIENT = { score: 5_000, plan: 10_000 } as const;

/** The number of clients the heap of this process can take through `command` (V8's limit, less what is used). */
export function clientCapacity(command: keyof typeof BYTES_PER_CLIENT): number {
  const heap = getHeapStatistics();
  return Math.floor((heap.heap_size_limit - heap.used_heap_size) / BYTES_PER_CLIENT[command]);
}

/**
 * The rows each sheet of the plan of `clients` will reach, extrapolated from the plans of their first 2 and 3
 * clients (the sheets grow linearly: a row per client under fixed blocks). Empty when those small plans
 * cannot be built (the check after building the real plan still holds).
 */
export function predictedRows(clients: readonly ImportedClient[], lang: CommonOptions["lang"], capital: NonNullable<Parameters<typeof scorePortfolio>[1]>["capital"]): { sheet: string; rows: number }[] {
  if (clients.length <= 3) return [];
  try {
    const rows = (k: number): { sheet: string; rows: number }[] => planRows(buildWorkbookPlan(scorePortfolio(clients.slice(0, k), { lang, capital }), { lang }));
    const two = rows(2);
    const three = rows(3);
    return two.map((s, i) => ({ sheet: s.sheet, rows: s.rows + Math.max(0, (three[i]?.rows ?? s.rows) - s.rows) * (clients.length - 2) }));
  } catch {
    return [];
  }
}

async function load(options: CommonOptions, io: CliIo, progress: Progress, writes: boolean): Promise<Loaded> {
  const lang = options.lang;
  const warn = (error: CliError): void => io.stderr(`${error.text(lang)}\n`);
  progress.enabled = fileSize(options.file) > BIG_FILE_BYTES;
  progress.say("PROGRESS_READ", { path: options.file });
  const input = await readInput(options.file, { ...(options.sheet !== undefined ? { sheet: options.sheet } : {}), warn });
  progress.enabled = input.rows.length > (io.progressAbove ?? PROGRESS_ABOVE);
  progress.say("PROGRESS_ROWS", { n: input.rows.length });
  const source = sourceName(input);
  // A CSV is copied to a sheet of the written workbook: it must fit in one.
  if (writes && input.kind === "csv" && input.firstRowNumber - 1 + input.rows.length > MAX_SHEET_ROWS) {
    throw new CliError("TOO_MANY_ROWS", { source, n: input.rows.length, limit: MAX_SHEET_ROWS });
  }
  const imported = importClients(
    input.rows,
    { firstRowNumber: input.firstRowNumber, date1904: input.date1904, ...(options.referenceDate ? { referenceDate: options.referenceDate } : {}) },
    source,
    lang,
  );
  if (imported.headerRow !== input.firstRowNumber) warn(new CliError("HEADER_MOVED", { row: imported.headerRow }));
  const n = imported.clients.length;
  const capitalSetting = options.capital.kind === "given" ? options.capital.capital : { weeks: options.capital.weeks, daysPerWeek: options.capital.daysPerWeek, contactsPerDay: options.capital.contactsPerDay };
  // Each sheet of the plan grows by a row per client: checked on a plan of 2 and 3 clients, before the real work.
  if (writes) {
    const tall = predictedRows(imported.clients, lang, capitalSetting).find((s) => s.rows > MAX_SHEET_ROWS);
    if (tall) throw new CliError("PLAN_TOO_BIG", { n, sheet: tall.sheet, rows: tall.rows, limit: MAX_SHEET_ROWS });
  }
  const capacity = clientCapacity(writes ? "plan" : "score");
  if (n > capacity) {
    throw new CliError("TOO_MANY_CLIENTS", { source, n, limit: capacity, memory: Math.round(getHeapStatistics().heap_size_limit / 1_048_576) });
  }
  progress.say("PROGRESS_SCORE", { n });
  let portfolio: ScoredPortfolio;
  try {
    portfolio = scorePortfolio(imported.clients, { lang, capital: capitalSetting });
  } catch (error) {
    if (isEngineError(error)) throw new CliError("SCORING_FAILED", { source, reason: errorMessage(error.code, error.params, lang) });
    throw error;
  }
  if (!portfolio.clients.some((c) => c.abc !== undefined)) {
    const customers = portfolio.clients.length - portfolio.prospects;
    const reason =
      customers === 0
        ? cliMessage("ONLY_PROSPECTS", { n: portfolio.prospects }, lang)
        : (portfolio.warnings.find((w) => w.client === undefined)?.message ?? portfolio.warnings[0]?.message ?? "");
    throw new CliError("NOTHING_TO_SCORE", { source, reason });
  }
  const fidelity = loadFidelity(input, imported, { lang, ...(options.types !== undefined ? { types: options.types } : {}), ...(options.referenceDate ? { referenceDate: options.referenceDate } : {}) });
  printAll(io, fidelity.notes);
  // A workbook's rows are not read again (the writer copies its sheets as bytes): let them go before the plan,
  // with the opened workbook (its shared strings, and the rows it keeps of each sheet read), so that every later
  // collection has 100 000 rows fewer to mark. A CSV's rows are copied to its sheet.
  const { book, ...unread } = input;
  const plainStrings = book?.plainStrings();
  const kept = input.kind === "xlsx" ? { ...unread, rows: [], ...(plainStrings ? { plainStrings } : {}) } : input;
  return { input: kept, shape: imported.shape, report: imported.report, portfolio, fidelity };
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** `<input without extension>-PAC.xlsx`, beside the input. */
export function defaultOutPath(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}-PAC.xlsx`);
}

function samePath(a: string, b: string): boolean {
  if (sameFile(a, b)) return true;
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/** What must hold of `--out` before any work: not the input (path, link, hard link), not a folder, free or replaceable. */
function checkOut(out: string, cmd: PlanCommand): void {
  if (samePath(out, cmd.file)) throw new CliError("SAME_AS_INPUT", { path: cmd.file });
  if (!existsSync(out)) return;
  if (statSync(out).isDirectory()) throw new CliError("OUT_IS_DIR", { path: out });
  if (!cmd.replace) throw new CliError("OUT_EXISTS", { path: out });
}

/** Every line `lines` gives, on stderr. */
function printAll(io: CliIo, lines: readonly string[]): void {
  if (lines.length > 0) io.stderr(`${lines.join("\n")}\n`);
}

async function runPlan(cmd: PlanCommand, io: CliIo): Promise<void> {
  const out = cmd.out ?? defaultOutPath(cmd.file);
  checkOut(out, cmd);
  const progress = new Progress(io, cmd.lang);
  const { input, shape, report, portfolio, fidelity } = await load(cmd, io, progress, true);
  // The rates were checked by parseArgs; the engine's defaults otherwise (SPEC §10: 5 %, 25 %).
  const rates = {
    ...(cmd.growth !== undefined ? { growthAsked: cmd.growth } : {}),
    ...(cmd.conversion !== undefined ? { conversionRate: cmd.conversion } : {}),
  };
  const objectives = planObjectives(portfolio, rates);
  progress.say("PROGRESS_PLAN");
  const written = await writePlanWorkbook(portfolio, input, {
    lang: cmd.lang,
    replace: cmd.replace,
    report,
    fidelity: fidelity.fidelity,
    remarks: fidelityRemarks(fidelity),
    objectives: rates,
    plannedObjectives: objectives,
    onPlan: (plan) => {
      const tall = planRows(plan).find((s) => s.rows > MAX_SHEET_ROWS);
      if (tall) throw new CliError("PLAN_TOO_BIG", { n: portfolio.clients.length, sheet: tall.sheet, rows: tall.rows, limit: MAX_SHEET_ROWS });
      progress.say("PROGRESS_WRITE", { path: out });
    },
  });
  writeFileAtomic(out, written.chunks, { replace: cmd.replace, verify: (file) => void verifyZipDirectory(file) });
  progress.say("PROGRESS_DONE");
  const summary = planSummary({
    path: cmd.file,
    input,
    shape,
    report,
    portfolio,
    objectives,
    fidelity: fidelitySummary(fidelity, portfolio, cmd.lang),
    out,
    written,
    verbose: cmd.verbose,
    lang: cmd.lang,
  });
  io.stdout(`${summary.join("\n")}\n`);
  if (cmd.verbose) printAll(io, remarkLines(report, portfolio, cmd.lang));
}

async function runScore(cmd: ScoreCommand, io: CliIo): Promise<void> {
  const progress = new Progress(io, cmd.lang);
  const { report, portfolio, fidelity } = await load(cmd, io, progress, false);
  const text = scoreRows(portfolio, cmd.format, cmd.lang, fidelity.fidelity);
  progress.say("PROGRESS_DONE");
  io.stdout(text);
  // Every remark, on stderr, so that `pac score … > classes.csv` keeps the table clean.
  printAll(io, remarkLines(report, portfolio, cmd.lang));
  // Engagement's state and, without --types, every proposed type for the rep to confirm (SPEC §12).
  printAll(io, fidelitySummary(fidelity, portfolio, cmd.lang, Infinity));
}

/**
 * Runs `pac` with its arguments and returns the exit code: 0 done, 2 bad input (a French message on stderr,
 * no stack trace), 1 an internal error (stack only with PAC_DEBUG=1).
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const lang = langOf(argv);
  if (io === processIo) installInterruptCleanup();
  try {
    // `pac exercice` (issue 18) parses its own options: src/cli/exercise.ts.
    if (EXERCISE_COMMANDS.includes(argv[0] ?? "")) {
      await runExercise(argv, io);
      return EXIT_OK;
    }
    const cmd = parseArgs(argv);
    switch (cmd.kind) {
      case "help":
        io.stdout(`${cliMessage("HELP", undefined, lang)}\n`);
        return EXIT_OK;
      case "plan":
        await runPlan(cmd, io);
        return EXIT_OK;
      case "score":
        await runScore(cmd, io);
        return EXIT_OK;
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`${error.text(lang)}\n`);
      return EXIT_BAD_INPUT;
    }
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`${cliMessage("UNEXPECTED", { reason }, lang)}\n`);
    if (process.env.PAC_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT_INTERNAL;
  }
}
