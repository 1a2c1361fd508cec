import { chooseSheet, differentColumns, sheetFit } from "./chooseSheet";

const CLIENTS = [
  ["Client", "CA 2024", "CA 2025", "Potentiel"],
  ["Dupont", 1200, 1500, 4000],
];
const JOURNAL = [
  ["Invoice", "StockCode", "Quantity", "InvoiceDate", "Price", "Customer ID"],
  ["489434", "85048", 12, 40148, 6.95, 13085],
];
const NOTES = [["Lisez-moi : ce classeur contient les ventes 2025."], ["Rien d'autre."]];

describe("sheetFit(rows)", () => {
  it.each([
    { name: "empty sheet", rows: [], shape: undefined, scored: false, header: 0 },
    { name: "a client table", rows: CLIENTS, shape: "clients", scored: true, header: 0 },
    { name: "a journal", rows: JOURNAL, shape: "journal", scored: true, header: 0 },
    { name: "a notes sheet", rows: NOTES, shape: undefined, scored: false, header: 0 },
    { name: "a client table under two title rows", rows: [["Ventes 2025"], [], ...CLIENTS], shape: "clients", scored: true, header: 2 },
    { name: "ids without amounts", rows: [["Client", "Ville"], ["Dupont", "Lyon"]], shape: undefined, scored: false, header: 0 },
  ])("sheetFit: $name", ({ rows, shape, scored, header }) => {
    const fit = sheetFit(rows);
    expect(fit.shape).toBe(shape);
    expect(fit.score > 0).toBe(scored);
    expect(fit.headerIndex).toBe(header);
  });
});

describe("chooseSheet(sheets): one rule for the CLI and the wizard", () => {
  const sheet = (name: string, rows: unknown[][], visible = true) => ({ name, visible, rows });
  it.each([
    { name: "no sheet", sheets: [], chosen: undefined, reason: undefined },
    { name: "one sheet, even without a header", sheets: [sheet("Notes", NOTES)], chosen: "Notes", reason: "only" },
    { name: "notes first, clients second", sheets: [sheet("Notes", NOTES), sheet("Clients", CLIENTS)], chosen: "Clients", reason: "best" },
    { name: "a hidden client sheet is not chosen", sheets: [sheet("Notes", NOTES), sheet("Clients", CLIENTS, false)], chosen: "Notes", reason: "only" },
    { name: "two equal sheets: the first", sheets: [sheet("2009", JOURNAL), sheet("2010", JOURNAL)], chosen: "2009", reason: "best" },
    { name: "no sheet has a header: the first visible", sheets: [sheet("Caché", CLIENTS, false), sheet("A", NOTES), sheet("B", NOTES)], chosen: "A", reason: "first" },
    { name: "all hidden: the same rule among them", sheets: [sheet("X", NOTES, false), sheet("Y", CLIENTS, false)], chosen: "Y", reason: "best" },
    { name: "no header: the active sheet", sheets: [sheet("A", NOTES), sheet("B", NOTES)], active: "B", chosen: "B", reason: "active" },
    { name: "a header beats the active sheet", sheets: [sheet("A", NOTES), sheet("Clients", CLIENTS)], active: "A", chosen: "Clients", reason: "best" },
    { name: "a hidden active sheet is not read", sheets: [sheet("A", NOTES), sheet("B", NOTES, false)], active: "B", chosen: "A", reason: "only" },
  ])("chooseSheet: $name", ({ sheets, chosen, reason, ...rest }) => {
    const choice = chooseSheet(sheets, "active" in rest ? (rest.active as string) : undefined);
    expect(choice?.name).toBe(chosen);
    expect(choice?.reason).toBe(reason);
  });

  it("chooseSheet(sheets, active, fitOf): the fits are the caller's, asked once per sheet of the pool", () => {
    const asked: string[] = [];
    const sheets = [sheet("Notes", NOTES), sheet("Clients", CLIENTS), sheet("Caché", CLIENTS, false)];
    const choice = chooseSheet(sheets, undefined, (s) => {
      asked.push(s.name);
      return s.name === "Notes" ? { shape: "clients", score: 9, headerIndex: 0 } : sheetFit(s.rows);
    });
    expect(choice?.name).toBe("Notes");
    expect(asked).toEqual(["Notes", "Clients"]);
  });
});

describe("differentColumns(headers)", () => {
  it.each([
    { name: "none", headers: [], out: [] },
    { name: "same journal columns", headers: [{ name: "2009", header: JOURNAL[0] }, { name: "2010", header: JOURNAL[0] }], out: [] },
    { name: "same columns, other case and spaces", headers: [{ name: "a", header: ["Client", "CA"] }, { name: "b", header: [" client ", "ca"] }], out: [] },
    { name: "a moved column", headers: [{ name: "a", header: ["Client", "CA"] }, { name: "b", header: ["CA", "Client"] }], out: ["b"] },
    { name: "a notes sheet", headers: [{ name: "a", header: JOURNAL[0] }, { name: "notes", header: NOTES[0] }], out: ["notes"] },
  ])("differentColumns: $name", ({ headers, out }) => {
    expect(differentColumns(headers)).toEqual(out);
  });
});
