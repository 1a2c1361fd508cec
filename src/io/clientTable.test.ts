import { isTotalLabel, readClientTable, type ClientTableOptions } from "./clientTable";

const TABLE = [
  ["Code client", "Raison sociale", "CA 2024", "CA 2025", "Nb visites 2024", "Nb visites 2025", "Potentiel", "Date dernier achat", "Nb commandes", "Prospect"],
  ["C1", "Dupont SA", "1 200,00 €", 1500, 4, 6, "10 000", "15/03/2025", 5, "non"],
  ["C2", "Martin", 800, "700,50", 2, 2, 5000, 45720 /* 2025-03-04 */, 2, ""],
  ["C3", "Prospect Nord", 0, 0, 0, 3, 8000, null, 0, "oui"],
];

describe("readClientTable: the prospect criteria (SPEC §11)", () => {
  const rows = [
    ["Client", "Prospect", "CA", "Pertinence", "Crédibilité", "Attractivité pour nous", "Notre attractivité"],
    ["C1", "non", 1000, "", "", "", ""],
    ["P1", "oui", null, 4, "3", 5, 4],
    ["P2", "oui", null, 2, "bien", 7, ""],
  ];

  it("readClientTable reads the four criteria on prospect rows, reports refused cells and scores outside 1..5", () => {
    const { clients, report } = readClientTable(rows);
    expect(clients[0]).toEqual({ id: "C1", row: 2, ca: 1000, monetary: 1000, isProspect: false });
    expect(clients[1]).toMatchObject({ id: "P1", pertinence: 4, credibility: 3, attractiveness: 5, ourAttractiveness: 4 });
    // Text is refused (never 0), 7 is kept for the engine to leave unscored, the blank stays blank.
    expect(clients[2]).toMatchObject({ id: "P2", pertinence: 2, attractiveness: 7 });
    expect(clients[2]).not.toHaveProperty("credibility");
    expect(clients[2]).not.toHaveProperty("ourAttractiveness");
    expect(report.rejectedCells).toEqual({ text: 1 });
    expect(report.issues.filter((i) => i.severity === "warning").map((i) => i.message)).toEqual([
      "Ligne 4, « Crédibilité » : « bien » n'est pas un nombre.",
      "Ligne 4, «\u00a0Attractivité pour nous\u00a0»\u00a0: la note 7 est hors de l'échelle de 1 à 5\u202f; ce prospect ne sera pas noté.",
    ]);
  });
});

describe("readClientTable", () => {
  it("readClientTable(table) reads every field, periods oldest first, and the CA of the latest period", () => {
    const { clients, mapping, report } = readClientTable(TABLE);
    expect(clients).toEqual([
      {
        id: "C1", row: 2, name: "Dupont SA", ca: 1500, monetary: 1500, periods: [1200, 1500], contacts: 6, contactsBefore: 4,
        potential: 10000, recencyDays: 1, frequency: 5, lastPurchase: "2025-03-15", isProspect: false,
      },
      { id: "C2", row: 3, name: "Martin", ca: 700.5, monetary: 700.5, periods: [800, 700.5], contacts: 2, contactsBefore: 2, potential: 5000, recencyDays: 12, frequency: 2, lastPurchase: "2025-03-04" },
      { id: "C3", row: 4, name: "Prospect Nord", ca: 0, monetary: 0, periods: [0, 0], contacts: 3, contactsBefore: 0, potential: 8000, frequency: 0, isProspect: true },
    ]);
    expect(mapping.periodLabels).toEqual(["2024", "2025"]);
    // A client table has no product column (engagement, SPEC §12) and this one no value score (ideal, §13).
    expect(mapping.missing.map((m) => m.method)).toEqual(["engagement", "ideal"]);
    expect(report.referenceDate).toBe("2025-03-16");
    expect(report.status).toBe("ok");
  });

  it("readClientTable does not modify its input", () => {
    const frozen = Object.freeze(TABLE.map((r) => Object.freeze([...r]))) as unknown as unknown[][];
    expect(() => readClientTable(frozen, { duplicates: "merge" })).not.toThrow();
  });

  const references: { name: string; referenceDate: ClientTableOptions["referenceDate"]; recency: number; note: string }[] = [
    { name: "ISO text", referenceDate: "2025-04-01", recency: 17, note: "Date de référence : 01/04/2025 (choisie)." },
    { name: "French text", referenceDate: "01/04/2025", recency: 17, note: "Date de référence : 01/04/2025 (choisie)." },
    { name: "Excel serial", referenceDate: 45748, recency: 17, note: "Date de référence : 01/04/2025 (choisie)." },
    { name: "Date (UTC)", referenceDate: new Date(Date.UTC(2025, 3, 1, 18)), recency: 17, note: "Date de référence : 01/04/2025 (choisie)." },
  ];
  it.each(references)("readClientTable(rows, { referenceDate }) accepts a $name", ({ referenceDate, recency, note }) => {
    const { clients, report } = readClientTable(TABLE, { referenceDate });
    expect(clients[0].recencyDays).toBe(recency);
    expect(report.assumptions.map((a) => a.message)).toContain(note);
  });

  it("readClientTable: a Récence column wins over the date, the date fills its blanks", () => {
    const { clients } = readClientTable([
      ["Client", "Récence (jours)", "Date dernier achat"],
      ["A", 40, "01/01/2025"],
      ["B", null, "01/01/2025"],
    ]);
    expect(clients.map((c) => c.recencyDays)).toEqual([40, 1]);
  });

  it("readClientTable(rows, { mapping }) forces a column, clears a field and replaces the periods", () => {
    const { clients, mapping } = readClientTable(TABLE, {
      mapping: { potential: "none", ca: 2, periods: [{ column: 3, label: "2025" }], name: 0, id: 1 },
    });
    expect(mapping.fields.potential).toBeUndefined();
    expect(mapping.fields.ca).toMatchObject({ column: 2, header: "CA 2024", confidence: 1, source: "override", label: "2024" });
    expect(mapping.periods).toEqual([{ column: 3, header: "CA 2025", confidence: 1, source: "override", label: "2025" }]);
    expect(clients[0]).toMatchObject({ id: "Dupont SA", name: "C1", ca: 1200, periods: [1500] });
    expect(clients[0].potential).toBeUndefined();
    expect(mapping.missing.map((m) => m.method)).toEqual(["pr", "elasticity", "maturity", "engagement", "ideal"]);
  });

  it.each([
    [{ mapping: { ca: -1 } }, "readClientTable: mapping.ca must be a column index (integer ≥ 0) or \"none\""],
    [{ mapping: { ca: 1.5 } }, "readClientTable: mapping.ca must be a column index (integer ≥ 0) or \"none\""],
    [{ duplicates: "sum" }, 'readClientTable: duplicates must be "report" or "merge"'],
    [{ firstRowNumber: 0 }, "readClientTable: firstRowNumber must be an integer ≥ 1"],
  ])("readClientTable(rows, %j) throws on programmer misuse", (options, message) => {
    expect(() => readClientTable(TABLE, options as ClientTableOptions)).toThrow(message);
  });

  it("readClientTable(not an array) throws a TypeError", () => {
    expect(() => readClientTable("A1:B2" as unknown as unknown[][])).toThrow(TypeError);
  });

  it("readClientTable names the sheet rows from firstRowNumber", () => {
    const { report } = readClientTable([["Client", "CA"], ["A", "abc"]], { firstRowNumber: 5 });
    expect(report.issues.map((i) => i.message)).toEqual(["Ligne 6, « CA » : « abc » n'est pas un nombre."]);
  });

  it("readClientTable keeps at most maxIssuesPerKind messages of a kind and counts the rest", () => {
    const rows = [["Client", "CA"], ...Array.from({ length: 8 }, (_, k) => [`C${k}`, "n.c."])];
    const { report } = readClientTable(rows, { maxIssuesPerKind: 3 });
    expect(report.issues.map((i) => i.key)).toEqual(["CELL_TEXT", "CELL_TEXT", "CELL_TEXT", "ISSUES_NOT_SHOWN"]);
    expect(report.issues[3].message).toBe("5 autres messages du même type non affichés (comptés dans le total).");
    expect([report.notShown, report.rejectedCells.text]).toEqual([5, 8]);
    // The counts are never capped: a summary says 8 remarks, not 3.
    expect(report.counts).toEqual({ error: 0, warning: 8, info: 0 });
    expect(report.countsByKey).toEqual({ CELL_TEXT: 8 });
  });

  it.each([
    { name: "0 keeps no message and counts them all", max: 0, kept: 0 },
    { name: "Infinity keeps every message", max: Infinity, kept: 250 },
  ])("readClientTable(maxIssuesPerKind): $name", ({ max, kept }) => {
    const rows = [["Client", "CA"], ...Array.from({ length: 250 }, (_, k) => [`C${k}`, "n.c."])];
    const { report } = readClientTable(rows, { maxIssuesPerKind: max });
    expect(report.issues.filter((i) => i.key === "CELL_TEXT")).toHaveLength(kept);
    expect([report.counts.warning, report.notShown]).toEqual([250, 250 - kept]);
  });

  it("readClientTable merge: amounts summed, recency the smallest, prospect only if every row says so", () => {
    const { clients } = readClientTable(
      [
        ["Client", "CA", "Récence", "Prospect", "Potentiel"],
        ["A", 100, 30, "oui", 1000],
        ["A", 50, 10, "non", null],
      ],
      { duplicates: "merge" },
    );
    expect(clients).toEqual([{ id: "A", row: 2, ca: 150, monetary: 150, recencyDays: 10, isProspect: false, potential: 1000 }]);
  });

  it("readClientTable: a row without client in the middle is not a total even when it equals the sum above", () => {
    const { report, clients } = readClientTable([["Client", "CA"], ["A", 10], ["B", 20], [null, 30], ["C", 5]]);
    expect(clients).toHaveLength(3);
    expect(report.issues.map((i) => i.message)).toEqual(["Ligne 4 : pas d'identifiant client, ligne ignorée."]);
  });

  it("readClientTable reads a journal-like header as a table and says what each method lacks", () => {
    const { mapping } = readClientTable([["Client", "Montant"], ["A", 1]]);
    expect(mapping.missing.map((m) => m.message)).toEqual([
      "RFM : il manque Récence (jours) ou Date du dernier achat, Fréquence (nombre de commandes).",
      "P-R : il manque Potentiel.",
      "Élasticité : il manque CA par période, Contacts (période N-1), Contacts (période N).",
      "Matrice de rentabilité des contacts : il manque Contacts (période N).",
      "Maturité (D/C/M/V) : il faut au moins deux périodes de CA (par exemple « CA N-1 » et « CA N ») ; 0 trouvée.",
      "Engagement par type de produit (fidélité) : il manque Famille de produit ou Code produit ou Description du produit, CA par période.",
      "Matrice du client idéal : il manque Valeur apportée / satisfaction (1 à 5), Contacts (période N).",
    ]);
  });
});

describe("isTotalLabel", () => {
  it.each([
    ["Total", true], ["TOTAL GÉNÉRAL", true], ["Total général", true], ["Sous-total Nord", true], ["sous total", true],
    ["Grand total", true], ["Totaux", true], ["Moyenne", true], ["Sum", true], ["Total 2025", true], ["Total :", true], ["TOTAL CLIENTS", true],
    ["Totalement Bio SARL", false], ["TotalEnergies", false], ["Total Énergies", false], ["Summit SARL", false], ["Ensemble vocal", false],
    ["Dupont", false], ["", false],
  ])("isTotalLabel(%j) = %s", (text, expected) => {
    expect(isTotalLabel(text)).toBe(expected);
  });
});
