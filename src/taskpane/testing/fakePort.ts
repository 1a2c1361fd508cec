import type { WorkbookPlan } from "../../plan/types";
import type { SheetSummary, SourceRef, SourceTable, WorkbookPort, WritePlanOptions } from "../ports/port";
import { combineTables, defaultSheetOf } from "../ports/sheetChoice";

export interface FakeWorkbook {
  /** Sheet name → rows (row 1 first). The first sheet is the active one. */
  readonly sheets: Record<string, unknown[][]>;
}

export interface FakePort extends WorkbookPort {
  readonly writes: { plan: WorkbookPlan; options: WritePlanOptions }[];
  readonly reads: SourceRef[];
}

/** An in-memory workbook port for component tests: records reads and writes, never touches Excel. */
export function fakePort(book: FakeWorkbook, kind: "excel" | "file" = "excel"): FakePort {
  const writes: FakePort["writes"] = [];
  const reads: SourceRef[] = [];
  const names = Object.keys(book.sheets);
  const table = (name: string): SourceTable => ({
    sheetName: name,
    address: `A1:Z${book.sheets[name].length}`,
    firstRowNumber: 1,
    rows: book.sheets[name].map((r) => [...r]),
  });
  return {
    kind,
    title: kind === "file" ? "clients.xlsx" : "",
    // As the real ports: a file cannot change once opened, an Excel workbook can.
    ...(kind === "file" ? { fixed: true } : {}),
    writes,
    reads,
    listSheets: async (): Promise<SheetSummary[]> => names.map((name, k) => ({ name, active: k === 0 })),
    // The real rule (chooseSheet) on the fake's sheets, the first one active.
    defaultSheet: async () => defaultSheetOf(names.map((name) => ({ name, visible: true, rows: book.sheets[name].slice(0, 30) })), names[0]),
    readTable: async (source) => {
      reads.push(source);
      if (source.kind === "sheets") return combineTables(source.names.map(table));
      return table(source.kind === "sheet" ? source.name : names[0]);
    },
    existingSheets: async (wanted) => names.filter((n) => wanted.some((w) => w.toUpperCase() === n.toUpperCase())),
    writePlan: async (plan, options) => {
      writes.push({ plan, options });
      options.onProgress?.(1, 2);
      options.onProgress?.(2, 2);
      return { sheetNames: plan.sheets.map((s) => s.name) };
    },
  };
}

/** A small client table with every column the methods need (CA per period, potential, contacts, RFM). */
export const CLIENTS: unknown[][] = [
  ["Code client", "Raison sociale", "CA 2024", "CA 2025", "Potentiel", "Contacts 2024", "Contacts 2025", "Récence (jours)", "Fréquence"],
  ["C01", "Dupont SA", 40000, 52000, 90000, 6, 9, 12, 14],
  ["C02", "Martin SARL", 30000, 28000, 40000, 8, 8, 40, 9],
  ["C03", "Bernard et fils", 12000, 15000, 60000, 4, 6, 20, 6],
  ["C04", "Petit Commerce", 8000, 6000, 10000, 5, 4, 200, 3],
  ["C05", "Durand Industrie", 5000, 7000, 30000, 2, 3, 90, 4],
  ["C06", "Leroy Bâtiment", 3000, 2500, 5000, 3, 3, 300, 2],
  ["C07", "Moreau Services", 2000, 2600, 8000, 1, 2, 60, 2],
  ["C08", "Simon Négoce", 1000, 900, 3000, 2, 1, 365, 1],
];

/** Only an id and a CA: ABC and R run; P-R, RFM, the matrix, elasticity and maturity lack columns. */
export const CA_ONLY: unknown[][] = [
  ["Client", "CA"],
  ["Alpha", 1000],
  ["Beta", 500],
  ["Gamma", 200],
  ["Delta", 100],
];
