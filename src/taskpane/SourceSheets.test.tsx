import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "./App";
import { CLIENTS, fakePort } from "./testing/fakePort";

const JOURNAL = ["N° facture", "Date", "Code client", "Montant HT"];
const journal = (year: number, clients: readonly string[]): unknown[][] => [JOURNAL, ...clients.map((c, k) => [`F${year}-${k}`, `${10 + k}/03/${year}`, c, 100 * (k + 1)])];

function renderApp(sheets: Record<string, unknown[][]>) {
  const port = fakePort({ sheets });
  render(
    <FluentProvider theme={webLightTheme}>
      <App port={port} />
    </FluentProvider>,
  );
  return port;
}

async function sourceRead() {
  await screen.findByRole("heading", { name: "Rapport d'import" }, { timeout: 10_000 });
}

/** Visible text with French non-breaking spaces as plain ones. */
const plain = (text: string | null): string => (text ?? "").replace(/[\u00a0\u202f]/g, " ");

describe("Source step: the default sheet and combining sheets", () => {
  it.each<{ name: string; sheets: Record<string, unknown[][]>; note: string; read: { kind: "sheet"; name: string } }>([
    {
      name: "several sheets: the best recognised one, not the active notes",
      sheets: { Notes: [["Lisez-moi"]], "Ventes 2025": CLIENTS, Budget: [["Mois", "Montant"]] },
      note: "Feuille « Ventes 2025 » : la mieux reconnue parmi 3 feuilles, comme la ligne de commande la choisit.",
      read: { kind: "sheet", name: "Ventes 2025" },
    },
    {
      name: "one sheet",
      sheets: { Clients: CLIENTS },
      note: "Feuille « Clients » : la seule feuille visible du classeur.",
      read: { kind: "sheet", name: "Clients" },
    },
    {
      name: "no recognised header: the active sheet",
      sheets: { Feuil1: [["Bonjour"]], Feuil2: [["le monde"]] },
      note: "Feuille « Feuil1 » : aucune des 2 feuilles n'a d'en-tête de clients ou de journal reconnu ; la feuille active est lue.",
      read: { kind: "sheet", name: "Feuil1" },
    },
  ])("$name: the chosen sheet is read and the step says why", async ({ sheets, note, read }) => {
    const port = renderApp(sheets);
    await sourceRead();
    expect(plain(screen.getByRole("note").textContent)).toBe(note);
    expect(port.reads[0]).toEqual(read);
    const where = screen.getByRole("combobox", { name: "Données à lire" }) as HTMLSelectElement;
    expect(plain(where.selectedOptions[0].textContent)).toBe(`Feuille « ${read.name} » (par défaut)`);
    // The active sheet (and every sheet) are still offered.
    expect(within(where).getByRole("option", { name: "Feuille active" })).toBeInTheDocument();
  });

  it("combining two yearly journals: both sheets ticked as recognised, rows read one after the other, each sheet's rows in the report", async () => {
    const port = renderApp({ Notes: [["Ventes en ligne"]], "2024": journal(2024, ["A", "B"]), "2025": journal(2025, ["B", "C", "D"]) });
    await sourceRead();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Données à lire" }), "combine");
    const group = screen.getByRole("group", { name: "Feuilles à combiner" });
    expect(within(group).getByRole("checkbox", { name: "Notes" })).not.toBeChecked();
    expect(within(group).getByRole("checkbox", { name: "2024" })).toBeChecked();
    expect(within(group).getByRole("checkbox", { name: "2025" })).toBeChecked();
    await userEvent.click(within(group).getByRole("button", { name: "Combiner 2 feuilles cochées" }));
    await screen.findByText(/^Lu : 2 feuilles combinées/);
    expect(port.reads.at(-1)).toEqual({ kind: "sheets", names: ["2024", "2025"] });
    expect(plain(screen.getByText(/feuilles combinées/).textContent)).toBe("Lu : 2 feuilles combinées (6 lignes).");
    const parts = screen.getByRole("list", { name: "Lignes lues par feuille" });
    expect(within(parts).getAllByRole("listitem").map((li) => plain(li.textContent))).toEqual(["« 2024 » : lignes 2 à 3", "« 2025 » : lignes 4 à 6"]);
    expect(plain(screen.getByText(/clients? retenus? sur/).textContent)).toBe("4 clients retenus sur 5 lignes lues (0 vide).");
  });

  it("unticking down to one sheet disables the button; ticking a sheet of other columns is refused, naming it", async () => {
    renderApp({ "2024": journal(2024, ["A"]), "2025": journal(2025, ["B"]), Budget: [["Mois", "Montant"], ["Janvier", 10]] });
    await sourceRead();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Données à lire" }), "combine");
    const group = screen.getByRole("group", { name: "Feuilles à combiner" });
    await userEvent.click(within(group).getByRole("checkbox", { name: "2025" }));
    expect(within(group).getByRole("button", { name: "Combiner 1 feuille cochée" })).toBeDisabled();
    await userEvent.click(within(group).getByRole("checkbox", { name: "Budget" }));
    await userEvent.click(within(group).getByRole("button", { name: "Combiner 2 feuilles cochées" }));
    const error = await screen.findByText(/^Lecture impossible/);
    expect(plain(error.textContent)).toBe(
      "Lecture impossible : La feuille « Budget » n'a pas les mêmes colonnes que « 2024 » : seules des feuilles de même forme se combinent.",
    );
    expect(screen.queryByRole("heading", { name: "Rapport d'import" })).not.toBeInTheDocument();
  });
});
