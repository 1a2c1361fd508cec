import { linesOf } from "./rows";
import { ReportBuilder } from "../io/report";
import { FIXTURE_CLIENTS } from "./__fixtures__/portfolio";
import { isFormulaCell } from "./cells";
import { buildRemarksSheet, importRemarks, remarkKindLabel, scoreRemarks, type Remark } from "./remarks";
import { scorePortfolio } from "./score";
import type { PlanValue, SheetPlan } from "./types";
import { workbookRemarks } from "./workbook";

/** The rows of the sheet's remark table (below its header), as plain values. */
function tableRows(sheet: SheetPlan): PlanValue[][] {
  return sheet.blocks.filter((b) => b.row >= 4).flatMap((b) => linesOf(b.values).map((line) => [...line]));
}

function textAt(sheet: SheetPlan, row: number, col: number): PlanValue {
  for (const b of sheet.blocks) {
    const line = linesOf(b.values)[row - b.row];
    if (line && col >= b.col && col < b.col + line.length) return line[col - b.col];
  }
  return null;
}

function importReport() {
  const builder = new ReportBuilder(100);
  builder.add("DUPLICATE_ROW_DROPPED", "warning", { row2: 4, id: "C12" }, 9);
  builder.add("NO_ROWS", "info");
  return builder.build({ shape: "clients", rowsRead: 10, rowsUsed: 9, emptyRows: 0, clientsKept: 9 });
}

describe("buildRemarksSheet", () => {
  it.each([
    { name: "no remark", remarks: [] as Remark[], count: "Aucune remarque : toutes les lignes ont été lues et tous les calculs faits.", rows: [] as PlanValue[][] },
    {
      name: "one remark without row or client",
      remarks: [{ message: "Méthode « RFM » non calculée.", kind: "method" }],
      count: "1 remarque : chaque ligne nomme la ligne de la feuille source et le client concernés.",
      rows: [[null, null, "Méthode non calculée", "Méthode « RFM » non calculée."]],
    },
    {
      name: "two remarks, one of a kind added later by another producer",
      remarks: [
        { row: 14, client: "C13", message: "Ligne 14 : texte « n/a ».", kind: "import" },
        { message: "Caractère invalide retiré.", kind: "Écriture" },
      ],
      count: "2 remarques : chaque ligne nomme la ligne de la feuille source et le client concernés.",
      rows: [
        [14, "C13", "Import", "Ligne 14 : texte « n/a »."],
        [null, null, "Écriture", "Caractère invalide retiré."],
      ],
    },
    {
      name: "a message that looks like a formula stays text",
      remarks: [{ row: 3, client: "=SOMME(A1)", message: "=SOMME(A1) (ligne 3) : CA négatif.", kind: "negative" }],
      count: "1 remarque : chaque ligne nomme la ligne de la feuille source et le client concernés.",
      rows: [[3, "=SOMME(A1)", "CA négatif", "=SOMME(A1) (ligne 3) : CA négatif."]],
    },
  ])("buildRemarksSheet($name): title, count, one row per remark (row, client, kind, message)", ({ remarks, count, rows }) => {
    const sheet = buildRemarksSheet(remarks, "fr");
    expect(sheet.name).toBe("Remarques");
    expect(textAt(sheet, 1, 0)).toBe(count);
    expect([0, 1, 2, 3].map((c) => textAt(sheet, 3, c))).toEqual(["Ligne", "Client", "Type", "Message"]);
    expect(tableRows(sheet)).toEqual(rows);
    expect(sheet.blocks.flatMap((b) => linesOf(b.values).flat()).some((v) => isFormulaCell(v))).toBe(false);
    expect(sheet.tables ?? []).toEqual(rows.length > 0 ? [{ name: "PAC_Remarques", range: { row: 3, col: 0, rows: rows.length + 1, cols: 4 }, style: "TableStyleLight1" }] : []);
    expect(sheet.print).toMatchObject({ orientation: "landscape", fitToPagesWide: 1, titleRows: [3, 3] });
  });

  it.each([
    { name: "a short message keeps the default height", length: 60, height: undefined },
    { name: "a message of two lines", length: 150, height: 30 },
    { name: "a message of three lines", length: 250, height: 45 },
    { name: "a very long message stops at ten lines", length: 5000, height: 150 },
  ])("buildRemarksSheet: $name (wrapped rows do not run over the next one in LibreOffice)", ({ length, height }) => {
    const sheet = buildRemarksSheet([{ row: 3, client: "C1", kind: "info", message: "x".repeat(length) }], "fr");
    expect(sheet.rowHeights?.find((h) => h.row === 4)?.height).toBe(height);
  });

  it("buildRemarksSheet(remarks, en) is the Notes sheet, in English", () => {
    const sheet = buildRemarksSheet([{ row: 2, client: "A", message: "x", kind: "skipped" }], "en");
    expect(sheet.name).toBe("Notes");
    expect(textAt(sheet, 1, 0)).toBe("1 note: each names the row of the source sheet and the client concerned.");
    expect(tableRows(sheet)).toEqual([[2, "A", "Client left out of a method", "x"]]);
  });

  it("remarkKindLabel: known kinds are translated, unknown ones shown as they are, none is « Information »", () => {
    expect(remarkKindLabel("over_one", "fr")).toBe("Potentiel sous-estimé");
    expect(remarkKindLabel("over_one", "en")).toBe("Potential underestimated");
    expect(remarkKindLabel("Écriture", "fr")).toBe("Écriture");
    expect(remarkKindLabel(undefined, "fr")).toBe("Information");
  });
});

describe("scoreRemarks and importRemarks", () => {
  const portfolio = scorePortfolio(FIXTURE_CLIENTS, {});

  it("scoreRemarks(portfolio): every scoring warning, in order, with the client's row and id and a kind", () => {
    const remarks = scoreRemarks(portfolio, "fr");
    expect(remarks).toHaveLength(portfolio.warnings.length);
    expect(remarks.map((r) => r.message)).toEqual(portfolio.warnings.map((w) => w.message));
    expect(remarks).toContainEqual({ row: 8, client: "C07", message: "C07 (ligne 8) : potentiel vide, client exclu de la méthode « rang P (potentiel) ».", kind: "skipped" });
    const subset = remarks.find((r) => r.message.startsWith("P-R calculé"));
    expect(subset).toEqual({ message: expect.stringContaining("sur 9 clients qui ont un CA et un potentiel"), kind: "info" });
  });

  it("scoreRemarks(portfolio, en): the same remarks in English", () => {
    const remarks = scoreRemarks(portfolio, "en");
    expect(remarks.map((r) => [r.row, r.client, r.kind])).toEqual(scoreRemarks(portfolio, "fr").map((r) => [r.row, r.client, r.kind]));
    expect(remarks).toContainEqual({ row: 8, client: "C07", message: "C07 (row 8): potential blank, client left out of the “P rank (potential)” method.", kind: "skipped" });
  });

  it("importRemarks(report): the report's entries with their row and client, kind « import »", () => {
    const remarks = importRemarks(importReport(), "fr");
    expect(remarks).toEqual([
      { row: 9, client: "C12", message: "Ligne 9 : copie exacte de la ligne 4 (client « C12 »), ignorée.", kind: "import" },
      { message: "Aucune ligne à lire : la plage est vide.", kind: "import" },
    ]);
  });

  it("workbookRemarks: the import's first, then the scoring's, then the extra ones", () => {
    const extra: Remark[] = [{ message: "Texte tronqué.", kind: "write" }];
    const all = workbookRemarks(portfolio, "fr", importReport(), extra);
    expect(all).toHaveLength(2 + portfolio.warnings.length + 1);
    expect(all[0].kind).toBe("import");
    expect(all[2].message).toBe(portfolio.warnings[0].message);
    expect(all[all.length - 1]).toEqual(extra[0]);
    expect(workbookRemarks(portfolio, "fr")).toEqual(scoreRemarks(portfolio, "fr"));
  });
});
