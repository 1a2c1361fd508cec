/**
 * A synthetic workbook plan of `n` clients, shaped like the real output (a "Cibles" sheet of one row per
 * client with scores and classes, and a "PAC" sheet with parameters and one action row per client), built
 * here so that the writer's tests do not depend on the plan builders. Test support, not part of the add-in.
 */
import type { FormulaCell, PlanValue, SheetPlan, WorkbookPlan } from "../plan/types";

const f = (formula: string): FormulaCell => ({ formula });

const SEGMENTS = ["Champions", "Clients fidèles", "À surveiller", "À risque", "Hibernants"] as const;
const CLASSES = ["A", "B", "C"] as const;

/** Deterministic pseudo-random numbers (LCG), so payload sizes are stable from run to run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function cibles(n: number): SheetPlan {
  const rand = lcg(42);
  const header: PlanValue[] = ["Code", "Client", "CA N", "CA N-1", "Évolution", "R", "F", "M", "Segment", "Classe", "Part cumulée", "Rang P", "Rang R"];
  const rows: PlanValue[][] = [header];
  let cumulative = 0;
  for (let i = 0; i < n; i++) {
    const r = i + 2; // sheet row of this client
    const ca = Math.round(rand() * 5_000_000) / 100;
    cumulative = Math.min(1, cumulative + 1 / n);
    rows.push([
      `C${String(i + 1).padStart(6, "0")}`,
      `Client ${i + 1}`,
      ca,
      Math.round(ca * (0.7 + rand() * 0.6) * 100) / 100,
      f(`IFERROR(C${r}/D${r}-1,"")`),
      1 + Math.floor(rand() * 5),
      1 + Math.floor(rand() * 5),
      1 + Math.floor(rand() * 5),
      SEGMENTS[i % SEGMENTS.length],
      CLASSES[Math.min(2, Math.floor((3 * i) / n))],
      Math.round(cumulative * 10_000) / 10_000,
      i + 1,
      n - i,
    ]);
  }
  const last = n; // 0-based row of the last client
  return {
    name: "Cibles",
    blocks: [{ row: 0, col: 0, values: rows }],
    formats: [
      { range: { row: 0, col: 0, rows: 1, cols: 13 }, style: { bold: true, fill: "#1F4E79", fontColor: "#FFFFFF", horizontal: "center", wrap: true } },
      { range: { row: 1, col: 2, rows: n, cols: 2 }, style: { numberFormat: '#,##0 "€"' } },
      { range: { row: 1, col: 4, rows: n, cols: 1 }, style: { numberFormat: "0.0%" } },
      { range: { row: 1, col: 10, rows: n, cols: 1 }, style: { numberFormat: "0.0%" } },
    ],
    columnWidths: [10, 28, 14, 14, 10, 5, 5, 5, 18, 8, 12, 8, 8],
    freeze: { rows: 1, cols: 2 },
    tables: [{ name: "Cibles", range: { row: 0, col: 0, rows: n + 1, cols: 13 }, style: "TableStyleLight9" }],
    conditional: [
      { range: { row: 1, col: 9, rows: n, cols: 1 }, equals: "A", fill: "#C6EFCE", fontColor: "#006100" },
      { range: { row: 1, col: 9, rows: n, cols: 1 }, equals: "B", fill: "#FFEB9C" },
      { range: { row: 1, col: 9, rows: n, cols: 1 }, equals: "C", fill: "#FFC7CE" },
    ],
    print: { orientation: "landscape", paper: "A4", fitToPagesWide: 1, area: { row: 0, col: 0, rows: n + 1, cols: 13 }, titleRows: [0, 0] },
    charts: [
      {
        kind: "pareto",
        title: "Pareto du CA",
        anchor: { row: 1, col: 14, rows: 18, cols: 9 },
        categories: { row: 1, col: 1, rows: Math.min(n, 20), cols: 1 },
        series: [
          { name: "CA N", values: { row: 1, col: 2, rows: Math.min(n, 20), cols: 1 } },
          { name: "Part cumulée", values: { row: 1, col: 10, rows: Math.min(n, 20), cols: 1 } },
        ],
        axisTitles: { x: "Clients", y: "CA N (€)", y2: "Part cumulée du CA" },
      },
      {
        kind: "prMatrix",
        title: "Matrice P-R",
        anchor: { row: 20, col: 14, rows: 18, cols: 9 },
        series: [
          { name: "Rang P", values: { row: 1, col: 11, rows: last, cols: 1 } },
          { name: "Rang R", values: { row: 1, col: 12, rows: last, cols: 1 } },
        ],
        axisTitles: { x: "P (fréquence)", y: "R (récence)" },
      },
    ],
    rowHeights: [{ row: 0, height: 30 }],
    tabColor: "#1F4E79",
  };
}

export function pac(n: number): SheetPlan {
  const params: PlanValue[][] = [
    ["Semaines travaillées", 45],
    ["Jours par semaine", 4],
    ["Contacts par jour", 6],
    ["Capital de contacts", f("B1*B2*B3")],
  ];
  const header: PlanValue[] = ["Code", "Client", "Classe", "Visites / an", "Appels / an", "Contacts / an", "Par semaine", "CA N", "Commentaire"];
  const rows: PlanValue[][] = [header];
  for (let i = 0; i < n; i++) {
    const r = i + 7; // sheet row (header on row 6)
    rows.push([
      `C${String(i + 1).padStart(6, "0")}`,
      `Client ${i + 1}`,
      CLASSES[Math.min(2, Math.floor((3 * i) / n))],
      12 - (i % 9),
      24 - (i % 13),
      f(`D${r}+E${r}`),
      f(`F${r}/Semaines`),
      f(`Cibles!C${i + 2}`),
      "",
    ]);
  }
  return {
    name: "PAC",
    blocks: [
      { row: 0, col: 0, values: params },
      { row: 5, col: 0, values: rows },
    ],
    formats: [
      { range: { row: 0, col: 1, rows: 3, cols: 1 }, style: { fill: "#FFF2CC", border: "thin" } },
      { range: { row: 5, col: 0, rows: 1, cols: 9 }, style: { bold: true, fill: "#1F4E79", fontColor: "#FFFFFF" } },
      { range: { row: 6, col: 6, rows: n, cols: 1 }, style: { numberFormat: "0.0" } },
      { range: { row: 6, col: 7, rows: n, cols: 1 }, style: { numberFormat: '#,##0 "€"' } },
    ],
    columnWidths: [10, 28, 8, 12, 12, 12, 12, 14, 40],
    freeze: { rows: 6, cols: 0 },
    names: [
      { name: "Semaines", row: 0, col: 1 },
      { name: "Jours", row: 1, col: 1 },
      { name: "ContactsJour", row: 2, col: 1 },
    ],
    editable: [
      { row: 0, col: 1, rows: 3, cols: 1 },
      { row: 6, col: 8, rows: n, cols: 1 },
    ],
    // The parameters alone on the first page; the action table from the second on.
    print: { orientation: "portrait", paper: "A4", fitToPagesWide: 1, area: { row: 0, col: 0, rows: n + 6, cols: 9 }, titleRows: [5, 5], rowBreaks: [5] },
    rowHeights: [
      { row: 0, height: 20 },
      { row: 1, height: 20 },
      { row: 2, height: 20 },
      { row: 5, height: 32 },
    ],
  };
}

/** The two sheets, "Cibles" then "PAC", for `n` clients. */
export function syntheticPlan(n: number): WorkbookPlan {
  return { sheets: [cibles(n), pac(n)] };
}
