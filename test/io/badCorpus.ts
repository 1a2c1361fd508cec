import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readClientTable, readJournal, type ClientTableOptions, type ImportReport, type JournalOptions } from "../../src/io";
import type { ImportedClient } from "../../src/io";

/** What a bad-input fixture asserts: the exact French messages, in order, and the exact summary of the report. */
export interface BadExpectation {
  readonly status: ImportReport["status"];
  readonly messages: readonly string[];
  readonly assumptions: readonly string[];
  readonly summary: Record<string, unknown>;
  readonly clients: readonly Partial<ImportedClient>[];
}

export interface BadFixture {
  readonly file: string;
  readonly description: string;
  readonly reader: "clients" | "journal";
  readonly options?: ClientTableOptions & JournalOptions;
  readonly rows: unknown[][];
  readonly expect?: BadExpectation;
}

export const BAD_DIR = path.resolve(__dirname, "../fixtures/bad");

/** JSON cannot hold a Date: `{ "$date": "2025-03-05T00:00:00.000Z" }` stands for the Date exceljs would give. */
function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.$date === "string") return new Date(record.$date);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

export function loadBadFixtures(): BadFixture[] {
  return readdirSync(BAD_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(path.join(BAD_DIR, file), "utf8")) as Omit<BadFixture, "file">;
      return { ...raw, file, rows: revive(raw.rows) as unknown[][] };
    });
}

/** Runs the fixture's reader and keeps what the fixture asserts. */
export function observe(fixture: BadFixture): BadExpectation {
  const result = fixture.reader === "clients" ? readClientTable(fixture.rows, fixture.options) : readJournal(fixture.rows, fixture.options);
  const { report } = result;
  const summary: Record<string, unknown> = {
    rowsRead: report.rowsRead,
    rowsUsed: report.rowsUsed,
    emptyRows: report.emptyRows,
    clientsKept: report.clientsKept,
    rejectedCells: report.rejectedCells,
    blankCells: report.blankCells,
    notShown: report.notShown,
    counts: report.counts,
  };
  if (report.referenceDate) summary.referenceDate = report.referenceDate;
  if (report.dateOrder) summary.dateOrder = report.dateOrder;
  if (report.journal) summary.journal = report.journal;
  summary.missing = result.mapping.missing.map((m) => m.message);
  return {
    status: report.status,
    messages: report.issues.map((i) => i.message),
    assumptions: report.assumptions.map((a) => a.message),
    summary,
    clients: result.clients.map((c) => ({ ...c })),
  };
}
