import { guessShape, journalFieldChoices, tableFieldChoices } from "./fields";

describe("field choices for the wizard", () => {
  it("tableFieldChoices() lists every table field with its French label, the id required", () => {
    const choices = tableFieldChoices();
    expect(choices.map((c) => c.field)).toEqual(["id", "name", "ca", "potential", "frequency", "recency", "lastPurchase", "firstPurchase", "contacts", "contactsBefore", "prospect",
      "pertinence", "credibility", "attractiveness", "ourAttractiveness", "value"]);
    expect(choices[0]).toEqual({ field: "id", label: "Identifiant client", required: true });
    expect(choices.filter((c) => c.required)).toHaveLength(1);
  });

  it("journalFieldChoices(\"en\") gives English labels; id and date are required", () => {
    const choices = journalFieldChoices("en");
    expect(choices.map((c) => c.label)).toEqual(["Customer id", "Customer name", "Invoice number", "Date", "Quantity", "Unit price", "Line amount"]);
    expect(choices.filter((c) => c.required).map((c) => c.field)).toEqual(["id", "date"]);
  });
});

describe("guessShape", () => {
  it.each([
    [[["Invoice", "StockCode", "Quantity", "InvoiceDate", "Price", "Customer ID"]], "journal"],
    [[["Client", "Facture", "Date", "Montant"]], "journal"],
    [[["Code client", "CA 2024", "CA 2025", "Potentiel"]], "clients"],
    [[["Client", "Date dernier achat", "CA"]], "clients"],
    [[["Produit", "Prix"]], undefined],
    [[], undefined],
  ])("guessShape(%j) = %j", (rows, shape) => {
    expect(guessShape(rows as unknown[][])).toBe(shape);
  });
});
