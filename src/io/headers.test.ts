import { detectJournalColumns, detectTableColumns, normaliseHeaderText, parseHeader, type JournalField, type TableField } from "./headers";

describe("normaliseHeaderText and parseHeader", () => {
  it.each([
    ["Chiffre d’affaires 2024 (€)", "chiffre d affaires 2024"],
    ["N° client", "numero client"],
    ["Date  dernière\u00a0commande", "date derniere commande"],
    ["CA_N-1", "ca n-1"],
    ["Œuvres", "oeuvres"],
  ])("normaliseHeaderText(%j) = %j", (raw, text) => {
    expect(normaliseHeaderText(raw)).toBe(text);
  });

  it.each([
    ["CA 2024", "ca", "2024"],
    ["CA N-1", "ca", "N-1"],
    ["CA N - 2", "ca", "N-2"],
    ["CA (N-1)", "ca", "N-1"],
    ["CA N", "ca", "N"],
    ["Chiffre d'affaires année N", "chiffre affaires", "N"],
    ["CA année précédente", "ca", "N-1"],
    ["Sales last year", "sales", "N-1"],
    ["Ventes 2023/2024", "ventes", "2024"],
    ["CA FY2025", "ca", "2025"],
    ["2025", "", "2025"],
    ["CA HT réalisé", "ca", undefined],
  ])("parseHeader(%j) reads %j for period %j", (raw, text, period) => {
    const p = parseHeader(raw);
    expect(p.text).toBe(text);
    expect(p.period ? (p.period.kind === "year" ? String(p.period.year) : p.period.offset === 0 ? "N" : `N-${p.period.offset}`) : undefined).toBe(period);
  });
});

describe("detectTableColumns", () => {
  const single: [string, TableField | undefined][] = [
    ["Client", "id"],
    ["Code client", "id"],
    ["N° client", "id"],
    ["Customer ID", "id"],
    ["Raison sociale", "id"],
    ["Nom du client", "id"],
    ["CA", "ca"],
    ["CA HT", "ca"],
    ["Chiffre d'affaires", "ca"],
    ["Montant", "ca"],
    ["Revenue", "ca"],
    ["Sales", "ca"],
    ["Potentiel", "potential"],
    ["CA potentiel", "potential"],
    ["Potential", "potential"],
    ["Nb commandes", "frequency"],
    ["Nombre de commandes", "frequency"],
    ["Fréquence", "frequency"],
    ["Orders", "frequency"],
    ["Récence (jours)", "recency"],
    ["Date dernier achat", "lastPurchase"],
    ["Dernière commande", "lastPurchase"],
    ["Last purchase", "lastPurchase"],
    ["Date premier achat", "firstPurchase"],
    ["Client depuis", "firstPurchase"],
    ["Nb visites", "contacts"],
    ["Contacts", "contacts"],
    ["Appels", "contacts"],
    ["Visits", "contacts"],
    ["Prospect", "prospect"],
    ["Prospect ?", "prospect"],
    ["Ville", undefined],
    ["Date dernier contact", undefined],
    ["Objectif CA", undefined],
    ["Montant commandes", "ca"],
    // The four prospect criteria (SPEC §11), in French and English.
    ["Pertinence", "pertinence"],
    ["Relevance", "pertinence"],
    ["Crédibilité", "credibility"],
    ["Credibility", "credibility"],
    ["Attractivité pour nous", "attractiveness"],
    ["Attractivité du prospect", "attractiveness"],
    ["Attractiveness to us", "attractiveness"],
    ["Notre attractivité", "ourAttractiveness"],
    ["Attractivité pour lui", "ourAttractiveness"],
    ["Notre attractivité pour lui", "ourAttractiveness"],
    ["Our attractiveness", "ourAttractiveness"],
    ["Attractiveness to them", "ourAttractiveness"],
    // The value brought / satisfaction, 1 to 5 (SPEC §13): was left unread before the ideal-client matrix.
    ["Satisfaction", "value"],
    ["Valeur apportée", "value"],
    ["Note client", "value"],
    ["Note de satisfaction", "value"],
    ["Customer satisfaction", "value"],
    ["Value brought", "value"],
    ["Date enquête satisfaction", undefined],
  ];
  it.each(single)("detectTableColumns(['Client', %j]) maps it to %j", (header, field) => {
    const withId = header === "Client" || field === "id" ? [header] : ["Client", header];
    const { fields } = detectTableColumns(withId);
    const column = withId.length - 1;
    const found = (Object.keys(fields) as TableField[]).find((f) => fields[f]?.column === column);
    expect(found).toBe(field);
  });

  it("detectTableColumns tells the two attractivités apart beside a Prospect column", () => {
    const { fields } = detectTableColumns(["Client", "Prospect", "Pertinence", "Crédibilité", "Attractivité du prospect", "Notre attractivité pour lui"]);
    expect([fields.prospect?.column, fields.pertinence?.column, fields.credibility?.column, fields.attractiveness?.column, fields.ourAttractiveness?.column]).toEqual([1, 2, 3, 4, 5]);
  });

  it("detectTableColumns takes the code as id and the company name as name", () => {
    const { fields } = detectTableColumns(["Raison sociale", "Code client", "CA"]);
    expect([fields.id?.column, fields.name?.column, fields.ca?.column]).toEqual([1, 0, 2]);
  });

  it("detectTableColumns orders CA periods oldest first and labels them", () => {
    const t = detectTableColumns(["Client", "CA 2025", "CA 2023", "CA 2024"]);
    expect(t.periods.map((p) => [p.label, p.column])).toEqual([["2023", 2], ["2024", 3], ["2025", 1]]);
    expect(t.fields.ca).toBeUndefined();
  });

  it("detectTableColumns reads N-2, N-1, N", () => {
    const t = detectTableColumns(["Client", "CA N", "CA N-2", "CA N-1"]);
    expect(t.periods.map((p) => p.label)).toEqual(["N-2", "N-1", "N"]);
  });

  it("detectTableColumns takes the two latest contact periods as contacts and contactsBefore", () => {
    const t = detectTableColumns(["Client", "Visites 2023", "Visites 2025", "Visites 2024"]);
    expect([t.fields.contacts?.header, t.fields.contactsBefore?.header]).toEqual(["Visites 2025", "Visites 2024"]);
    expect(t.droppedContacts).toEqual([{ column: 1, header: "Visites 2023" }]);
  });

  it("detectTableColumns reads a plain contacts column beside an N-1 one as period N", () => {
    const t = detectTableColumns(["Client", "Nb visites N-1", "Nb visites", "CA"]);
    expect([t.fields.contacts?.header, t.fields.contacts?.label, t.fields.contactsBefore?.header]).toEqual(["Nb visites", "N", "Nb visites N-1"]);
  });

  it("detectTableColumns says when two columns could be the same field", () => {
    const t = detectTableColumns(["Client", "Potentiel", "Potential"]);
    expect(t.fields.potential?.column).toBe(1);
    expect(t.ambiguities).toEqual([{ field: "potential", chosen: { column: 1, header: "Potentiel" }, other: { column: 2, header: "Potential" } }]);
  });

  it("detectTableColumns finds nothing in an empty header", () => {
    expect(detectTableColumns([]).fields).toEqual({});
    expect(detectTableColumns([null, "", 12]).fields).toEqual({});
  });
});

describe("detectJournalColumns", () => {
  const cases: { name: string; header: string[]; fields: Partial<Record<JournalField, number>> }[] = [
    {
      name: "online retail (English)",
      header: ["Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country"],
      fields: { invoice: 0, quantity: 3, date: 4, unitPrice: 5, id: 6 },
    },
    {
      name: "French accounting export",
      header: ["N° facture", "Date facture", "Code client", "Raison sociale", "Code article", "Qté", "PU HT", "Montant HT"],
      fields: { invoice: 0, date: 1, id: 2, name: 3, quantity: 5, unitPrice: 6, amount: 7 },
    },
    {
      name: "minimal French journal",
      header: ["Client", "Date", "Montant"],
      fields: { id: 0, date: 1, amount: 2 },
    },
    {
      name: "price total is an amount, not a unit price",
      header: ["Client", "Date", "Prix unitaire", "Prix total"],
      fields: { id: 0, date: 1, unitPrice: 2, amount: 3 },
    },
    {
      name: "a due date is not the invoice date",
      header: ["Client", "Date échéance", "Date facture", "Montant"],
      fields: { id: 0, date: 2, amount: 3 },
    },
  ];
  it.each(cases)("detectJournalColumns(header): $name", ({ header, fields }) => {
    const found = detectJournalColumns(header).fields;
    const columns = Object.fromEntries(Object.entries(found).map(([f, m]) => [f, m?.column]));
    expect(columns).toEqual(fields);
  });
});
