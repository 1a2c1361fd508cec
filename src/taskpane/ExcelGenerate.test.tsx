import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "./App";
import { createExcelPort } from "./ports/excelPort";
import { CLIENTS } from "./testing/fakePort";

// The Office.js layer replaced by a recorder: the wizard's Excel path is tested without Excel.
jest.mock("../excel", () => ({
  listSheets: jest.fn(),
  readSheetHeads: jest.fn(),
  readSheetTable: jest.fn(),
  applyWorkbookPlan: jest.fn(),
  prepareForSharing: jest.fn(),
  restoreFormulas: jest.fn(),
}));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const excel = require("../excel") as Record<string, jest.Mock>;


function excelWith(sheets: string[]) {
  excel.listSheets.mockResolvedValue(sheets.map((name, k) => ({ name, visible: true, active: k === 0 })));
  excel.readSheetHeads.mockResolvedValue({ sheets: sheets.map((name, k) => ({ name, visible: true, rows: k === 0 ? CLIENTS.slice(0, 30) : [] })), active: sheets[0], syncs: 2 });
  excel.readSheetTable.mockResolvedValue({ sheetName: sheets[0], address: "A1:I9", firstRowNumber: 1, firstColumnNumber: 1, rows: CLIENTS, syncs: 1 });
  excel.applyWorkbookPlan.mockImplementation(async (plan: { sheets: { name: string }[] }) => ({
    sheetNames: plan.sheets.map((s) => (sheets.includes(s.name) ? `${s.name} (2)` : s.name)),
    syncs: 3,
    requestChars: [],
    chunks: 1,
    maxChunkChars: 1,
    tableNames: {},
  }));
}

async function generateInExcel() {
  render(
    <FluentProvider theme={webLightTheme}>
      <App port={createExcelPort()} />
    </FluentProvider>,
  );
  await screen.findByRole("heading", { name: "Rapport d'import" }, { timeout: 10_000 });
  await userEvent.click(screen.getByRole("tab", { name: /Générer/ }));
  await userEvent.click(screen.getByRole("button", { name: "Générer" }));
}

describe("Générer in Excel (Office.js layer mocked)", () => {
  beforeEach(() => jest.clearAllMocks());

  it("writes only the Cibles, Contacts, PAC, Fiches clients and Remarques sheets, never the user's source sheet", async () => {
    excelWith(["Mes clients"]);
    await generateInExcel();
    await screen.findByText("Feuilles écrites : Cibles, Contacts, PAC, Fiches clients, Remarques, Catalogue.");
    expect(excel.applyWorkbookPlan).toHaveBeenCalledTimes(1);
    const [plan, options] = excel.applyWorkbookPlan.mock.calls[0] as [{ sheets: { name: string }[] }, { replace: boolean }];
    expect(plan.sheets.map((s) => s.name)).toEqual(["Cibles", "Contacts", "PAC", "Fiches clients", "Remarques", "Catalogue"]);
    expect(options.replace).toBe(false);
    expect(screen.getByRole("button", { name: "Aller à « PAC »" })).toBeInTheDocument();
  });

  it("does not replace an existing PAC sheet without consent: it asks, then writes beside it", async () => {
    excelWith(["Mes clients", "PAC"]);
    await generateInExcel();
    await screen.findByText("Ces feuilles existent déjà : PAC. Que faire ?");
    expect(excel.applyWorkbookPlan).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Continuer" }));
    await screen.findByText("Feuilles écrites : Cibles, Contacts, PAC (2), Fiches clients, Remarques, Catalogue.");
    expect((excel.applyWorkbookPlan.mock.calls[0] as [unknown, { replace: boolean }])[1].replace).toBe(false);
  });

  it("passes replace only after the user chose to replace", async () => {
    excelWith(["Mes clients", "PAC"]);
    await generateInExcel();
    await userEvent.click(await screen.findByRole("radio", { name: /Remplacer/ }));
    await userEvent.click(screen.getByRole("button", { name: "Continuer" }));
    await screen.findByText(/^Feuilles écrites/);
    expect((excel.applyWorkbookPlan.mock.calls[0] as [unknown, { replace: boolean }])[1].replace).toBe(true);
  });
});
