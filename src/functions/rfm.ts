import { EngineError } from "../engine/errors";
import { RFM_SEGMENTS, rfmColumns, type RfmColumns, type RfmGrids } from "../engine/rfm";
import { label } from "../i18n";
import { isOmitted, optionalChoice, readNumberCell } from "./cells";
import { cellLang, completeRows, numberColumn, type Out } from "./columns";
import { inCell } from "./errors";

type RfmOutput = "code" | "sum" | "r" | "f" | "m" | "segment" | "all";

const OUTPUTS: Readonly<Record<string, RfmOutput>> = {
  code: "code",
  sum: "sum",
  somme: "sum",
  r: "r",
  f: "f",
  m: "m",
  segment: "segment",
  all: "all",
  tout: "all",
};

/** Every numeric cell of a range, row by row; blanks are skipped; anything else is an error naming the argument. */
function numbersOf(range: unknown[][], arg: string): number[][] {
  return range.map((row, i) =>
    row.flatMap((cell) => {
      const read = readNumberCell(cell, arg, i + 1);
      if (read.kind === "invalid") throw read.error;
      return read.kind === "number" ? [read.value] : [];
    }),
  );
}

/**
 * The `classes` argument: a whole number k (quantile mode), or a range of break points (grid mode): three rows
 * (or three columns) R, F, M, each with k − 1 ascending break points.
 */
function classesArg(value: unknown): { classes?: number; grids?: RfmGrids } {
  if (isOmitted(value)) return {};
  if (Array.isArray(value) && (value.length > 1 || (Array.isArray(value[0]) && value[0].length > 1))) {
    const rows = numbersOf(value as unknown[][], "classes");
    const lines = rows.length === 3 ? rows : rows[0].length === 3 ? [0, 1, 2].map((k) => rows.map((r) => r[k])) : null;
    if (!lines || lines.some((l) => l.length === 0)) {
      throw new EngineError("BAD_GRID", {
        arg: "classes",
        detail: "trois lignes (R, F, M) de bornes croissantes sont attendues, par exemple R : 30 ; 60 ; 90 ; 180",
      });
    }
    return { grids: { recency: lines[0], frequency: lines[1], monetary: lines[2] } };
  }
  const single = Array.isArray(value) ? (value as unknown[][])[0][0] : value;
  if (typeof single !== "number") throw new EngineError("BAD_CLASSES", { value: String(single) });
  return { classes: single };
}

function weightsArg(value: unknown): [number, number, number] | undefined {
  if (isOmitted(value)) return undefined;
  const flat = Array.isArray(value) ? numbersOf(value as unknown[][], "pondérations").flat() : [value];
  if (flat.length !== 3 || flat.some((w) => typeof w !== "number")) throw new EngineError("BAD_WEIGHTS");
  return flat as [number, number, number];
}

/** Client k's value of one output, read from the columns. */
function pick(c: RfmColumns, k: number, what: Exclude<RfmOutput, "all">, lang: "fr" | "en"): Out {
  switch (what) {
    case "code":
      return c.codes[c.cell[k]];
    case "sum":
      return c.sum[k];
    case "r":
      return c.r[k];
    case "f":
      return c.f[k];
    case "m":
      return c.m[k];
    case "segment":
      return c.segment ? label(`rfm.segment.${RFM_SEGMENTS[c.segment[k]]}`, lang) : "";
  }
}

/**
 * `=PAC.RFM(recency_days, frequency, monetary, [classes], [output], [weights])`. Recency is in days: pass
 * `reference date − last purchase`, e.g. `=PAC.RFM(DATE(2025;12;31)-B2:B200; C2:C200; D2:D200)`. A client needs
 * its three values; a blank in any gives a blank row. "all" spills three columns R, F, M (three rows for a
 * row-shaped input).
 */
export function rfmCells(
  recency: unknown,
  frequency: unknown,
  monetary: unknown,
  classes: unknown,
  output: unknown,
  weights: unknown,
): Out[][] {
  return inCell(() => {
    const cols = [
      numberColumn(recency, "récence_jours", "Récence"),
      numberColumn(frequency, "fréquence", "Fréquence"),
      numberColumn(monetary, "montant", "Montant"),
    ];
    const what = optionalChoice(output, "sortie", OUTPUTS) ?? "code";
    const options = { ...classesArg(classes), weights: weightsArg(weights) };
    const { rows, values, out } = completeRows(cols);
    if (rows.length === 0) throw new EngineError("NO_NUMBER", { arg: "récence_jours" });
    const scores = rfmColumns({ recency: values[0], frequency: values[1], monetary: values[2] }, options);
    const lang = cellLang();
    const column = cols[0].orientation === "column";
    if (what === "all") {
      const wide: Out[][] = out.map((o) => [o, "", ""]);
      rows.forEach((row, k) => {
        wide[row] = [scores.r[k], scores.f[k], scores.m[k]];
      });
      return column ? wide : [0, 1, 2].map((j) => wide.map((row) => row[j]));
    }
    rows.forEach((row, k) => {
      out[row] = pick(scores, k, what, lang);
    });
    return column ? out.map((v) => [v]) : [out];
  });
}
