import { FakeExcel, type SheetModel } from "../../test/support/fakeExcel";
import { parseRecord, prepareForSharing, RECORD_SHEET, restoreFormulas } from "./sharing";

const NOW = () => new Date(2025, 2, 14, 9, 30);

/**
 * A user's workbook: "Clients" holds a spilling =PAC.ABC in B2 (B2:B6), a single-cell =PAC.RFM in C2 that
 * carries the user's own note, a classic SUM, a text that merely looks like a PAC formula, and a PAC formula
 * returning text starting with "-"; "Synthèse" holds one more PAC formula.
 */
function workbook(): { fake: FakeExcel; clients: SheetModel; synthese: SheetModel } {
  const fake = new FakeExcel();
  const clients = fake.addSheet("Clients", [
    ["Client", "Classe", "RFM", "CA", "Total", "Texte", "Tendance"],
    ["Dupont", "=PAC.ABC(D2:D6)", "=pac.rfm(D2)", 500, "=SUM(D2:D6)", "'=PAC.ABC(D2:D6)", "=PAC.TENDANCE(D2:D6)"],
    ["Martin", null, null, 300],
    ["Durand", null, null, 150],
    ["Petit", null, null, 40],
    ["Roux", null, null, 10],
  ]);
  // What Excel shows: the spilled classes, the RFM score, the total, a text result starting with "-".
  const b2 = clients.cell(1, 1);
  if (b2) Object.assign(b2, { value: "A", spill: { rows: 5, cols: 1 } });
  ["B", "B", "C", "C"].forEach((v, i) => clients.setCell(2 + i, 1, { value: v }));
  Object.assign(clients.cell(1, 2) ?? {}, { value: 345 });
  Object.assign(clients.cell(1, 4) ?? {}, { value: 1000 });
  Object.assign(clients.cell(1, 6) ?? {}, { value: "-12 %" });
  clients.notes.set("C2", "Ma note à moi");
  const synthese = fake.addSheet("Synthèse", [["Part A", "=PAC.PART(Clients!B2#)"]]);
  Object.assign(synthese.cell(0, 1) ?? {}, { value: 0.2 });
  fake.activeSheet = clients;
  return { fake, clients, synthese };
}

const env = (fake: FakeExcel, notes = true) => ({ run: fake.run, supports: (v: string) => notes || v !== "1.18", now: NOW });

function snapshot(sheet: SheetModel): Record<string, unknown> {
  return Object.fromEntries([...sheet.cells.entries()].map(([k, c]) => [k, c.formula ?? c.value]));
}

describe("prepareForSharing / restoreFormulas", () => {
  it("prepareForSharing({ scope: 'sheet' }) freezes the PAC formulas of the active sheet, notes them and records them", async () => {
    const { fake, clients, synthese } = workbook();
    const result = await prepareForSharing({ ...env(fake), scope: "sheet" });

    expect(result).toMatchObject({ formulas: 3, sheets: 1, cells: 7, notes: 2, notesFailed: false });
    expect(result.message).toBe("3 formules figées sur 1 feuille.");
    // The spill range holds its values as constants, the single-cell formulas their results.
    expect([1, 2, 3, 4, 5].map((r) => clients.cell(r, 1))).toEqual([{ value: "A" }, { value: "B" }, { value: "B" }, { value: "C" }, { value: "C" }]);
    expect(clients.cell(1, 2)).toEqual({ value: 345 });
    expect(clients.cell(1, 6)).toEqual({ value: "-12 %" });
    // Untouched: a classic formula, a text that only looks like one, the other sheet.
    expect(clients.cell(1, 4)?.formula).toBe("=SUM(D2:D6)");
    expect(clients.cell(1, 5)).toEqual({ value: "=PAC.ABC(D2:D6)" });
    expect(synthese.cell(0, 1)?.formula).toBe("=PAC.PART(Clients!B2#)");
    // Notes on the anchors, but not over the user's own note.
    expect(clients.notes.get("B2")).toBe("[PAC] Formule figée pour le partage :\n=PAC.ABC(D2:D6)\nPour la rétablir : PAC Commercial › Restaurer les formules.");
    expect(clients.notes.get("C2")).toBe("Ma note à moi");
    expect(clients.notes.get("G2")).toContain("=PAC.TENDANCE(D2:D6)");
    // The hidden record, formulas stored as text.
    const record = fake.sheet(RECORD_SHEET);
    expect(record?.visibility).toBe("Hidden");
    expect(record && [0, 1, 2, 3].map((r) => [0, 1, 2, 3, 4, 5].map((c) => record.cell(r, c)?.value))).toEqual([
      ["Feuille", "Cellule", "Formule", "Plage figée", "Figée le", "Note ajoutée"],
      ["Clients", "B2", "=PAC.ABC(D2:D6)", "B2:B6", "2025-03-14 09:30", true],
      ["Clients", "C2", "=pac.rfm(D2)", "C2", "2025-03-14 09:30", false],
      ["Clients", "G2", "=PAC.TENDANCE(D2:D6)", "G2", "2025-03-14 09:30", true],
    ]);
    expect(record?.cell(1, 2)?.formula).toBeUndefined();
    // 1 read, 1 spill lookup, 1 write, 1 for notes.
    expect(result.syncs).toBe(4);
    expect(fake.syncs).toBe(4);
  });

  it("restoreFormulas({ scope: 'sheet' }) after prepareForSharing puts every formula back and clears the record", async () => {
    const { fake, clients } = workbook();
    const before = snapshot(clients);
    await prepareForSharing({ ...env(fake), scope: "sheet" });
    const result = await restoreFormulas({ ...env(fake), scope: "sheet" });

    expect(result).toMatchObject({ formulas: 3, sheets: 1, cells: 7, notes: 2, missing: 0 });
    expect(result.message).toBe("3 formules restaurées sur 1 feuille.");
    // Formulas back; the spilled cells emptied so the array can spill again (Excel recomputes them).
    const after = snapshot(clients);
    expect(after).toEqual({
      ...Object.fromEntries(Object.entries(before).filter(([k]) => !["2,1", "3,1", "4,1", "5,1"].includes(k))),
    });
    expect(clients.notes).toEqual(new Map([["C2", "Ma note à moi"]]));
    expect(fake.sheet(RECORD_SHEET)).toBeUndefined();
    expect(result.syncs).toBe(4);
  });

  it("prepareForSharing({ scope: 'workbook' }) then restoreFormulas on one sheet keeps the other's record", async () => {
    const { fake, clients, synthese } = workbook();
    const prepared = await prepareForSharing({ ...env(fake), scope: "workbook" });
    expect(prepared).toMatchObject({ formulas: 4, sheets: 2 });
    expect(prepared.message).toBe("4 formules figées sur 2 feuilles.");
    expect(prepared.syncs).toBe(5);
    expect(synthese.cell(0, 1)).toEqual({ value: 0.2 });

    const restored = await restoreFormulas({ ...env(fake), scope: "sheet", sheetName: "Synthèse" });
    expect(restored.message).toBe("1 formule restaurée sur 1 feuille.");
    expect(synthese.cell(0, 1)?.formula).toBe("=PAC.PART(Clients!B2#)");
    expect(clients.cell(1, 1)).toEqual({ value: "A" });
    const record = fake.sheet(RECORD_SHEET);
    expect(record && parseRecord([[], ...[1, 2, 3, 4].map((r) => [0, 1, 2, 3, 4, 5].map((c) => record.cell(r, c)?.value ?? ""))]).map((r) => r.cell)).toEqual(["B2", "C2", "G2"]);

    const rest = await restoreFormulas({ ...env(fake), scope: "workbook" });
    expect(rest.message).toBe("3 formules restaurées sur 1 feuille.");
    expect(clients.cell(1, 1)?.formula).toBe("=PAC.ABC(D2:D6)");
    expect(fake.sheet(RECORD_SHEET)).toBeUndefined();
  });

  it("prepareForSharing twice records each cell once, and restore still finds every formula", async () => {
    const { fake, clients } = workbook();
    await prepareForSharing({ ...env(fake), scope: "sheet" });
    const nothing = await prepareForSharing({ ...env(fake), scope: "sheet" });
    expect(nothing).toMatchObject({ formulas: 0, message: "Aucune formule PAC à figer : rien n'a été modifié." });
    // The user types a PAC formula again in a frozen cell, and freezes again.
    clients.setCell(1, 2, { value: 350, formula: "=PAC.RFM(D2;1)" });
    const again = await prepareForSharing({ ...env(fake), scope: "sheet" });
    expect(again.message).toBe("1 formule figée sur 1 feuille.");
    const record = fake.sheet(RECORD_SHEET);
    expect(record && [1, 2, 3, 4].map((r) => record.cell(r, 2)?.value)).toEqual(["=PAC.ABC(D2:D6)", "=PAC.TENDANCE(D2:D6)", "=PAC.RFM(D2;1)", undefined]);
    const restored = await restoreFormulas({ ...env(fake), scope: "workbook" });
    expect(restored.formulas).toBe(3);
    expect(clients.cell(1, 2)?.formula).toBe("=PAC.RFM(D2;1)");
  });

  it("prepareForSharing treats a spilled cell reported with its anchor's formula as part of the spill", async () => {
    const { fake, clients } = workbook();
    [2, 3, 4, 5].forEach((r) => Object.assign(clients.cell(r, 1) ?? {}, { formula: "=PAC.ABC(D2:D6)" }));
    const result = await prepareForSharing({ ...env(fake), scope: "sheet" });
    expect(result).toMatchObject({ formulas: 3, cells: 7 });
    expect(clients.cell(3, 1)).toEqual({ value: "B" });
  });

  it("prepareForSharing without ExcelApi 1.18 keeps the formulas in the record only, and restore works from it", async () => {
    const { fake, clients } = workbook();
    const prepared = await prepareForSharing({ ...env(fake, false), scope: "sheet", lang: "en" });
    expect(prepared).toMatchObject({ formulas: 3, notes: 0 });
    expect(prepared.message).toBe("3 formulas frozen on 1 sheet.");
    expect(clients.notes).toEqual(new Map([["C2", "Ma note à moi"]]));
    expect(prepared.syncs).toBe(3);
    const restored = await restoreFormulas({ ...env(fake, false), scope: "sheet", lang: "en" });
    expect(restored.message).toBe("3 formulas restored on 1 sheet.");
    expect(clients.cell(1, 6)?.formula).toBe("=PAC.TENDANCE(D2:D6)");
  });

  it("restoreFormulas with no record sheet says there is nothing to restore, in one sync", async () => {
    const { fake } = workbook();
    const result = await restoreFormulas({ ...env(fake), scope: "workbook" });
    expect(result).toMatchObject({ formulas: 0, message: "Aucune formule figée à restaurer.", syncs: 1 });
  });

  it("restoreFormulas keeps the records of a sheet that was deleted, and says so", async () => {
    const { fake } = workbook();
    await prepareForSharing({ ...env(fake), scope: "workbook" });
    fake.sheets.splice(fake.sheets.indexOf(fake.sheet("Synthèse") as SheetModel), 1);
    const result = await restoreFormulas({ ...env(fake), scope: "workbook" });
    expect(result).toMatchObject({ formulas: 3, missing: 1, missingSheets: ["Synthèse"] });
    expect(result.message).toBe("3 formules restaurées sur 1 feuille. 1 formule non restaurée(s) : feuille(s) introuvable(s) (Synthèse).");
    expect(fake.sheet(RECORD_SHEET)?.cell(1, 0)?.value).toBe("Synthèse");
  });

  it("prepareForSharing({ sheetName }) of a missing sheet throws SHEET_NOT_FOUND", async () => {
    const { fake } = workbook();
    await expect(prepareForSharing({ ...env(fake), scope: "sheet", sheetName: "Nulle part" })).rejects.toMatchObject({
      code: "SHEET_NOT_FOUND",
      message: "La feuille « Nulle part » est introuvable dans ce classeur.",
    });
  });

  it.each([
    { shown: "#BUSY!", code: "FORMULAS_BUSY", message: "1 formule(s) PAC sont encore en cours de calcul (#BUSY!) : attendez la fin du calcul, puis recommencez. Rien n'a été figé." },
    { shown: "#NAME?", code: "FORMULAS_UNAVAILABLE", message: /affichent #NAME\?/ },
  ])("prepareForSharing when a PAC formula shows $shown throws $code and writes nothing", async ({ shown, code, message }) => {
    const { fake, clients } = workbook();
    Object.assign(clients.cell(1, 2) ?? {}, { value: shown });
    const writes = () => fake.log.filter((op) => !op.kind.endsWith("load")).length;
    const before = writes();
    await expect(prepareForSharing({ ...env(fake), scope: "sheet" })).rejects.toMatchObject({ code, message });
    expect(writes()).toBe(before);
    expect(clients.cell(1, 1)?.formula).toBe("=PAC.ABC(D2:D6)");
    expect(fake.sheet(RECORD_SHEET)).toBeUndefined();
  });

  it("prepareForSharing reports refused notes without undoing the freezing", async () => {
    const { fake, clients } = workbook();
    fake.failOn = (kind) => kind === "notes.add";
    const result = await prepareForSharing({ ...env(fake), scope: "sheet" });
    expect(result).toMatchObject({ formulas: 3, notes: 0, notesFailed: true });
    expect(result.message).toContain("les formules restent enregistrées dans la feuille masquée « PAC_formules »");
    expect(clients.cell(1, 1)).toEqual({ value: "A" });
    fake.failOn = undefined;
    const restored = await restoreFormulas({ ...env(fake), scope: "sheet" });
    expect(restored.formulas).toBe(3);
    expect(clients.cell(1, 1)?.formula).toBe("=PAC.ABC(D2:D6)");
  });
});

/**
 * The host reports ExcelApi 1.18 (`isSetSupported` reads Excel, not the library) while the loaded office.js
 * predates it and its worksheets have no `notes`: the old npm copy of office.js on a current Excel did exactly
 * that, and "Restaurer les formules" then threw "Cannot read properties of undefined (reading
 * 'getItemOrNullObject')".
 */
describe("a host that claims ExcelApi 1.18 with an office.js that has no worksheet.notes", () => {
  const claims118 = (fake: FakeExcel) => ({ run: fake.run, supports: () => true, now: NOW });

  it.each([
    { prepareLib: false, restoreLib: false, prepared: { notes: 0 }, restored: { notes: 0, notesFailed: false }, left: 0 },
    { prepareLib: true, restoreLib: false, prepared: { notes: 2 }, restored: { notes: 0, notesFailed: true }, left: 2 },
    { prepareLib: true, restoreLib: true, prepared: { notes: 2 }, restored: { notes: 2, notesFailed: false }, left: 0 },
    { prepareLib: false, restoreLib: true, prepared: { notes: 0 }, restored: { notes: 0, notesFailed: false }, left: 0 },
  ])(
    "prepare (notes in library: $prepareLib) then restore (notes in library: $restoreLib) never throws and puts every formula back",
    async ({ prepareLib, restoreLib, prepared, restored, left }) => {
      const { fake, clients } = workbook();
      const before = snapshot(clients);
      fake.library = { notes: prepareLib };
      const p = await prepareForSharing({ ...claims118(fake), scope: "sheet" });
      expect(p).toMatchObject({ formulas: 3, notesFailed: false, ...prepared });
      expect(p.message).toBe("3 formules figées sur 1 feuille.");
      fake.library = { notes: restoreLib };
      const r = await restoreFormulas({ ...claims118(fake), scope: "sheet" });
      expect(r).toMatchObject({ formulas: 3, ...restored });
      expect(clients.cell(1, 1)?.formula).toBe("=PAC.ABC(D2:D6)");
      expect(fake.sheet(RECORD_SHEET)).toBeUndefined();
      // The user's own note is never touched; ours stay only when the library could not remove them.
      expect(clients.notes.get("C2")).toBe("Ma note à moi");
      expect(clients.notes.size).toBe(1 + left);
      // Formulas back; the spilled cells emptied so that the array spills again (Excel recomputes them).
      const spilled = ["2,1", "3,1", "4,1", "5,1"];
      expect(snapshot(clients)).toEqual(Object.fromEntries(Object.entries(before).filter(([k]) => !spilled.includes(k))));
      if (left === 0) {
        expect(r.message).toBe("3 formules restaurées sur 1 feuille.");
      } else {
        expect(r.message).toBe(
          "3 formules restaurées sur 1 feuille. 2 notes «\u00a0[PAC]\u00a0» restent sur les cellules restaurées\u00a0: cette version d'Excel n'a pas pu les retirer\u00a0; supprimez-les à la main (clic droit › Supprimer la note).",
        );
      }
    },
  );

  it("restoreFormulas without worksheet.notes, one note left, says it in the singular (fr) and in English", async () => {
    const { fake, clients } = workbook();
    await prepareForSharing({ ...claims118(fake), scope: "sheet", maxNotes: 1 });
    expect(clients.notes.size).toBe(2);
    fake.library = { notes: false };
    const fr = await restoreFormulas({ ...claims118(fake), scope: "sheet" });
    expect(fr.message).toContain("1 note «\u00a0[PAC]\u00a0» reste sur les cellules restaurées\u00a0: cette version d'Excel n'a pas pu la retirer\u00a0; supprimez-la");
    fake.library = { notes: true };
    await prepareForSharing({ ...claims118(fake), scope: "sheet", lang: "en", maxNotes: 1 });
    fake.library = { notes: false };
    const en = await restoreFormulas({ ...claims118(fake), scope: "sheet", lang: "en" });
    expect(en.message).toBe("3 formulas restored on 1 sheet. 1 “[PAC]” note remains on the restored cells: this version of Excel could not remove it; delete it by hand (right-click › Delete Note).");
  });

  it("restoreFormulas whose note lookup is refused still restores, and counts the notes left", async () => {
    const { fake, clients } = workbook();
    await prepareForSharing({ ...claims118(fake), scope: "sheet" });
    fake.failOn = (kind) => kind.startsWith("note.") || kind.startsWith("notes.");
    const r = await restoreFormulas({ ...claims118(fake), scope: "sheet" });
    expect(r).toMatchObject({ formulas: 3, notes: 0, notesFailed: true });
    expect(clients.cell(1, 1)?.formula).toBe("=PAC.ABC(D2:D6)");
    expect(r.message).toContain("2 notes «\u00a0[PAC]\u00a0» restent");
  });
});

describe("prepareForSharing / restoreFormulas at scale", () => {
  it("30 000 per-row PAC formulas and a 30 000-row spill: few syncs, requests under 5 MB, a full round trip", async () => {
    const n = 30_000;
    const fake = new FakeExcel();
    const rows: unknown[][] = [["Client", "Score", "Classe"]];
    for (let i = 0; i < n; i++) rows.push([`C${i}`, `=PAC.SCORE(A${i + 2})`, i === 0 ? "=PAC.ABC(A2:A30001)" : null]);
    const sheet = fake.addSheet("Scores", rows);
    for (let i = 0; i < n; i++) {
      Object.assign(sheet.cell(i + 1, 1) ?? {}, { value: i % 100 });
      if (i > 0) sheet.setCell(i + 1, 2, { value: "B" });
    }
    Object.assign(sheet.cell(1, 2) ?? {}, { value: "A", spill: { rows: n, cols: 1 } });

    const prepared = await prepareForSharing({ ...env(fake), scope: "sheet" });
    expect(prepared).toMatchObject({ formulas: n + 1, sheets: 1, cells: 2 * n, notes: 1000 });
    expect(prepared.message).toBe(
      "30\u202f001 formules figées sur 1 feuille. Notes posées sur les 1\u202f000 premières formules ; toutes restent enregistrées dans la feuille masquée « PAC_formules ».",
    );
    expect(sheet.cell(20_000, 1)).toEqual({ value: 19_999 % 100 });
    // 1 read, 4 requests to look up 30 001 spill ranges (~400 characters each), 1 write, 1 for notes.
    expect(prepared.syncs).toBe(7);
    for (const r of fake.requests) expect(r.chars).toBeLessThan(5 * 1024 * 1024);

    const restored = await restoreFormulas({ ...env(fake), scope: "sheet" });
    expect(restored).toMatchObject({ formulas: n + 1, notes: 1000 });
    expect(sheet.cell(20_000, 1)?.formula).toBe("=PAC.SCORE(A20001)");
    expect(sheet.cell(1, 2)?.formula).toBe("=PAC.ABC(A2:A30001)");
    expect(sheet.cell(2, 2)).toBeUndefined();
    expect(fake.sheet(RECORD_SHEET)).toBeUndefined();
    expect(restored.syncs).toBe(4);
    for (const r of fake.requests) expect(r.chars).toBeLessThan(5 * 1024 * 1024);
  });
});

describe("parseRecord(values)", () => {
  const header = ["Feuille", "Cellule", "Formule", "Plage figée", "Figée le", "Note ajoutée"];
  it.each([
    { name: "a full row", row: ["S", "b2", "=PAC.X(1)", "b2:c4", "d", true], expected: [{ sheet: "S", cell: "B2", formula: "=PAC.X(1)", range: "B2:C4", frozenOn: "d", note: true }] },
    { name: "an apostrophe left in front", row: ["S", "B2", "'=PAC.X(1)", "", "", false], expected: [{ sheet: "S", cell: "B2", formula: "=PAC.X(1)", range: "B2", frozenOn: "", note: false }] },
    { name: "a range not containing the cell", row: ["S", "B2", "=PAC.X(1)", "D1:D3", "", "oui"], expected: [{ sheet: "S", cell: "B2", formula: "=PAC.X(1)", range: "B2", frozenOn: "", note: false }] },
    { name: "no formula", row: ["S", "B2", "PAC.X(1)", "", "", false], expected: [] },
    { name: "a range as cell", row: ["S", "B2:B3", "=PAC.X(1)", "", "", false], expected: [] },
    { name: "no sheet", row: ["", "B2", "=PAC.X(1)", "", "", false], expected: [] },
  ])("parseRecord(header + $name)", ({ row, expected }) => {
    expect(parseRecord([header, row])).toEqual(expected);
  });
});
