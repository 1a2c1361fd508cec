import { linesOf } from "../plan/rows";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "./App";
import type { WorkbookPort } from "./ports/port";
import { CA_ONLY, CLIENTS, fakePort } from "./testing/fakePort";


function renderApp(port: WorkbookPort) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App port={port} />
    </FluentProvider>,
  );
}

async function sourceRead() {
  await screen.findByRole("heading", { name: "Rapport d'import" }, { timeout: 10_000 });
}

async function goTo(step: RegExp) {
  await userEvent.click(screen.getByRole("tab", { name: step }));
}

describe("Source step", () => {
  it("Source shows the detected columns with their confidence and the import report", async () => {
    renderApp(fakePort({ sheets: { Clients: CLIENTS } }));
    await sourceRead();
    const potential = screen.getByRole("combobox", { name: "Potentiel" });
    expect((potential as HTMLSelectElement).selectedOptions[0].textContent).toBe("E · Potentiel");
    expect(screen.getAllByText(/^confiance \d+/).length).toBeGreaterThan(3);
    expect(screen.getByText("8 clients retenus sur 8 lignes lues (0 vide).")).toBeInTheDocument();
    expect(screen.getByText("Aucune cellule refusée.")).toBeInTheDocument();
  });

  it("Source mapping override: choosing no potential column disables P-R with the reason", async () => {
    renderApp(fakePort({ sheets: { Clients: CLIENTS } }));
    await sourceRead();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Potentiel" }), "none");
    expect((screen.getByRole("combobox", { name: "Potentiel" }) as HTMLSelectElement).value).toBe("none");
    expect(screen.getByRole("button", { name: "Revenir à la détection" })).toBeInTheDocument();
    await goTo(/Méthodes/);
    expect(screen.getByText(/Sans colonne de potentiel, seul le rang R est calculé/)).toBeInTheDocument();
  });

  it("Source: an unreadable table shows the French error and blocks the next steps", async () => {
    renderApp(fakePort({ sheets: { Feuil1: [["Bonjour"], ["le monde"]] } }));
    await sourceRead();
    expect(screen.getByText("Rien n'a pu être lu : corrigez la source ou la correspondance des colonnes.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Suivant" })).toBeDisabled();
    expect(screen.getByRole("tab", { name: /Méthodes/ })).toBeDisabled();
  });

  it("Source: a failing read is reported in French", async () => {
    const port = fakePort({ sheets: { Clients: CLIENTS } });
    renderApp({ ...port, readTable: () => Promise.reject(new Error("réseau coupé")) });
    expect(await screen.findByText("Lecture impossible : Erreur inattendue : réseau coupé")).toBeInTheDocument();
  });
});

describe("Source step: CA-per-period columns", () => {
  const maturity = () => screen.getByRole("checkbox", { name: /^Maturité/ });
  const elasticity = () => screen.getByRole("checkbox", { name: "Élasticité du CA aux contacts" });

  it("Source periods override: unticking a period disables maturity with its reason, and ticking it back re-enables it", async () => {
    renderApp(fakePort({ sheets: { Clients: CLIENTS } }));
    await sourceRead();
    const periods = screen.getByRole("group", { name: "Colonnes de CA par période" });
    expect(within(periods).getByRole("checkbox", { name: "C · CA 2024" })).toBeChecked();
    expect(within(periods).getByRole("checkbox", { name: "D · CA 2025" })).toBeChecked();
    expect(within(periods).getByText("CA par période (du plus ancien au plus récent) : 2024, 2025")).toBeInTheDocument();
    await goTo(/Méthodes/);
    expect(maturity()).toBeEnabled();
    expect(maturity()).toBeChecked();

    await goTo(/Source/);
    await userEvent.click(screen.getByRole("checkbox", { name: "C · CA 2024" }));
    expect(screen.getByText("CA par période (du plus ancien au plus récent) : 2025")).toBeInTheDocument();
    await goTo(/Méthodes/);
    expect(maturity()).toBeDisabled();
    expect(maturity()).not.toBeChecked();
    expect(maturity()).toHaveAccessibleDescription(/^Indisponible : .*au moins deux périodes de CA.* 1 trouvée\./);
    expect(elasticity()).toBeDisabled();

    // The choice survives the trip; ticked again, the column comes last and is moved back before 2025.
    await goTo(/Source/);
    const again = screen.getByRole("checkbox", { name: "C · CA 2024" });
    expect(again).not.toBeChecked();
    await userEvent.click(again);
    expect(screen.getByText("CA par période (du plus ancien au plus récent) : 2025, 2024")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Rendre C · CA 2024 plus ancienne" }));
    const label = screen.getByRole("textbox", { name: "Libellé de la période C · CA 2024" });
    await userEvent.clear(label);
    await userEvent.type(label, "Année 1");
    expect(label).toHaveValue("Année 1");
    expect(screen.getByText("CA par période (du plus ancien au plus récent) : Année 1, 2025")).toBeInTheDocument();
    await goTo(/Méthodes/);
    expect(maturity()).toBeEnabled();
    expect(maturity()).toBeChecked();
    expect(elasticity()).toBeEnabled();
  });

  it("Source periods override: « Aucune période » disables elasticity and maturity until the detection is restored", async () => {
    renderApp(fakePort({ sheets: { Clients: CLIENTS } }));
    await sourceRead();
    await userEvent.click(screen.getByRole("button", { name: "Aucune période" }));
    expect(screen.getByText("Aucune colonne de CA par période.")).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "C · CA 2024" })).not.toBeChecked();
    await goTo(/Méthodes/);
    expect(maturity()).toHaveAccessibleDescription(/0 trouvée\./);
    expect(maturity()).toBeDisabled();
    expect(elasticity()).toBeDisabled();
    await goTo(/Source/);
    await userEvent.click(screen.getByRole("button", { name: "Reprendre la détection des périodes" }));
    expect(screen.getByText("CA par période (du plus ancien au plus récent) : 2024, 2025")).toBeInTheDocument();
    await goTo(/Méthodes/);
    expect(maturity()).toBeEnabled();
    expect(elasticity()).toBeEnabled();
  });

  it("Source periods override: editing a label keeps a plain « CA » read as year N on the CA field", async () => {
    const sheet = [
      ["Client", "CA N-1", "CA"],
      ["Alpha", 900, 1000],
      ["Beta", 600, 500],
      ["Gamma", 100, 200],
    ];
    renderApp(fakePort({ sheets: { Ventes: sheet } }));
    await sourceRead();
    expect(screen.getByText("CA par période (du plus ancien au plus récent) : N-1, N")).toBeInTheDocument();
    const label = screen.getByRole("textbox", { name: "Libellé de la période C · CA" });
    await userEvent.clear(label);
    await userEvent.type(label, "2025");
    expect(screen.getByText("CA par période (du plus ancien au plus récent) : N-1, 2025")).toBeInTheDocument();
    expect((screen.getByRole("combobox", { name: "CA" }) as HTMLSelectElement).selectedOptions[0].textContent).toBe("C · CA");
  });
});

describe("Méthodes step", () => {
  it("Méthodes disables the methods whose columns are missing, with the reason", async () => {
    renderApp(fakePort({ sheets: { Ventes: CA_ONLY } }));
    await sourceRead();
    await goTo(/Méthodes/);
    expect(screen.getByRole("checkbox", { name: "ABC (Pareto 20/80)" })).toBeEnabled();
    expect(screen.getByRole("checkbox", { name: "ABC (Pareto 20/80)" })).toBeChecked();
    const rfm = screen.getByRole("checkbox", { name: "RFM (récence, fréquence, montant)" });
    expect(rfm).toBeDisabled();
    expect(rfm).toHaveAccessibleDescription(/^Indisponible : RFM : il manque Récence \(jours\) ou Date du dernier achat/);
    expect(screen.getByRole("checkbox", { name: "Matrice de rentabilité des contacts" })).toBeDisabled();
    expect(screen.getByRole("checkbox", { name: /Maturité/ })).toBeDisabled();
    expect(screen.getByRole("checkbox", { name: /Maturité/ })).toHaveAccessibleDescription(/au moins deux périodes de CA/);
  });

  it("Méthodes keeps an unticked method when going to another step and back", async () => {
    renderApp(fakePort({ sheets: { Clients: CLIENTS } }));
    await sourceRead();
    await goTo(/Méthodes/);
    await userEvent.click(screen.getByRole("checkbox", { name: "RFM (récence, fréquence, montant)" }));
    await goTo(/Capital/);
    await goTo(/Méthodes/);
    expect(screen.getByRole("checkbox", { name: "RFM (récence, fréquence, montant)" })).not.toBeChecked();
    expect(screen.getByRole("checkbox", { name: "ABC (Pareto 20/80)" })).toBeChecked();
  });

  it("Méthodes: inconsistent ABC thresholds give the engine's French message", async () => {
    renderApp(fakePort({ sheets: { Clients: CLIENTS } }));
    await sourceRead();
    await goTo(/Méthodes/);
    await userEvent.click(screen.getByRole("button", { name: "Avancé : seuils" }));
    const a = screen.getByRole("spinbutton", { name: "ABC : seuil de la classe A (%)" });
    fireEvent.change(a, { target: { value: "97" } });
    expect((await screen.findAllByText(/Seuils invalides \(97\s%\s;\s95\s%\) : il faut 0 < seuil A < seuil B/, undefined, { timeout: 5000 })).length).toBeGreaterThan(0);
  });
});

describe("Number fields", () => {
  it("Avancé: clearing a threshold to type a new one keeps the text, and an empty or invalid one says so in French", async () => {
    renderApp(fakePort({ sheets: { Clients: CLIENTS } }));
    await sourceRead();
    await goTo(/Méthodes/);
    await userEvent.click(screen.getByRole("button", { name: "Avancé : seuils" }));
    const threshold = screen.getByRole("spinbutton", { name: "Maturité : seuil de croissance (%)" });
    await userEvent.clear(threshold);
    expect(threshold).toHaveValue(null);
    expect(threshold).toHaveAccessibleDescription("Saisissez un nombre ; la valeur précédente (10) reste appliquée.");
    await userEvent.tab();
    expect(threshold).toHaveValue(null);
    expect(screen.getByText("Saisissez un nombre ; la valeur précédente (10) reste appliquée.")).toBeInTheDocument();

    await userEvent.type(threshold, "15");
    expect(threshold).toHaveValue(15);
    expect(screen.queryByText(/^Saisissez un nombre/)).not.toBeInTheDocument();
    await userEvent.tab();
    expect(threshold).toHaveValue(15);

    // Kept when going to another step and back.
    await goTo(/Capital/);
    await goTo(/Méthodes/);
    await userEvent.click(screen.getByRole("button", { name: "Avancé : seuils" }));
    const kept = screen.getByRole("spinbutton", { name: "Maturité : seuil de croissance (%)" });
    expect(kept).toHaveValue(15);
    await userEvent.clear(kept);
    await userEvent.type(kept, "abc");
    expect(kept).toHaveAccessibleDescription("Saisissez un nombre ; la valeur précédente (15) reste appliquée.");

    const split = screen.getByRole("textbox", { name: "Matrice : seuil de CA (vide : médiane)" });
    await userEvent.type(split, "douze");
    expect(split).toHaveAccessibleDescription("Saisissez un nombre, ou laissez vide pour prendre la médiane.");
    await userEvent.clear(split);
    expect(split).not.toHaveAccessibleDescription(/Saisissez/);

    await userEvent.click(screen.getByRole("button", { name: "Valeurs par défaut" }));
    expect(screen.getByRole("spinbutton", { name: "Maturité : seuil de croissance (%)" })).toHaveValue(10);
    expect(screen.queryByText(/^Saisissez un nombre/)).not.toBeInTheDocument();
  });

  it("Capital: clearing a field keeps the last capital and asks for a number; typing a new one recomputes", async () => {
    renderApp(fakePort({ sheets: { Clients: CLIENTS } }));
    await sourceRead();
    await goTo(/Capital/);
    const weeks = screen.getByRole("spinbutton", { name: "Semaines travaillées par an" });
    await userEvent.clear(weeks);
    expect(weeks).toHaveValue(null);
    expect(weeks).toHaveAccessibleDescription("Saisissez un nombre ; la valeur précédente (45) reste appliquée.");
    expect(screen.getByText("Capital : 540 contacts par an et par commercial")).toBeInTheDocument();
    await userEvent.type(weeks, "40");
    expect(weeks).toHaveValue(40);
    expect(screen.getByText("Capital : 480 contacts par an et par commercial")).toBeInTheDocument();
  });
});

describe("Capital step", () => {
  it("Capital computes live and its family sliders always sum to 100 %", async () => {
    renderApp(fakePort({ sheets: { Clients: CLIENTS } }));
    await sourceRead();
    await goTo(/Capital/);
    expect(screen.getByText("Capital : 540 contacts par an et par commercial")).toBeInTheDocument();
    fireEvent.change(screen.getByRole("spinbutton", { name: "Contacts par jour" }), { target: { value: "4" } });
    expect(screen.getByText("Capital : 720 contacts par an et par commercial")).toBeInTheDocument();

    const entretien = screen.getByRole("slider", { name: /^Entretien/ });
    fireEvent.change(entretien, { target: { value: "80" } });
    const values = ["Entretien", "Stimulation", "Conquête"].map((n) => Number((screen.getByRole("slider", { name: new RegExp(`^${n}`) }) as HTMLInputElement).value));
    expect(values[0]).toBe(80);
    expect(values[0] + values[1] + values[2]).toBe(100);
    expect(screen.getByText("Total : 100 %")).toBeInTheDocument();
    fireEvent.change(screen.getByRole("slider", { name: /^Conquête/ }), { target: { value: "100" } });
    expect(screen.getByRole("slider", { name: /^Entretien/ })).toHaveValue("0");
    expect(screen.getByText("Total : 100 %")).toBeInTheDocument();
  });

  it("Capital shows the need, the reps and a warning when the need exceeds the capital", async () => {
    renderApp(fakePort({ sheets: { Clients: CLIENTS } }));
    await sourceRead();
    await goTo(/Capital/);
    expect(screen.getByText(/^Besoin d'entretien : \d+ contacts par an$/)).toBeInTheDocument();
    fireEvent.change(screen.getByRole("spinbutton", { name: "Semaines travaillées par an" }), { target: { value: "1" } });
    fireEvent.change(screen.getByRole("spinbutton", { name: "Jours de terrain par semaine" }), { target: { value: "1" } });
    fireEvent.change(screen.getByRole("spinbutton", { name: "Contacts par jour" }), { target: { value: "1" } });
    expect(screen.getByText(/^Le besoin d'entretien \(\d+ contacts\) dépasse le budget d'entretien \(\d+ contacts?\)/)).toBeInTheDocument();
    expect(screen.getByText(/Le besoin dépasse même le capital \(1 contact\) : il faudrait \d+ commerciaux/)).toBeInTheDocument();
  });

  it("Capital warns as soon as the need exceeds the entretien budget, before it exceeds the capital", async () => {
    renderApp(fakePort({ sheets: { Clients: CLIENTS } }));
    await sourceRead();
    await goTo(/Capital/);
    expect(screen.queryByText(/dépasse le budget d'entretien/)).not.toBeInTheDocument();
    // 8 clients need 4 × 12 + … contacts; 540 × 5 % of entretien is 27, far below the need but not the capital.
    fireEvent.change(screen.getByRole("slider", { name: /^Entretien/ }), { target: { value: "5" } });
    const warning = await screen.findByText(/^Le besoin d'entretien \(\d+ contacts\) dépasse le budget d'entretien \(27 contacts\)/);
    expect(warning).toBeInTheDocument();
    expect(screen.queryByText(/dépasse même le capital/)).not.toBeInTheDocument();
  });

  it("Capital: an impossible value gives a French error", async () => {
    renderApp(fakePort({ sheets: { Clients: CLIENTS } }));
    await sourceRead();
    await goTo(/Capital/);
    fireEvent.change(screen.getByRole("spinbutton", { name: "Jours de terrain par semaine" }), { target: { value: "9" } });
    expect(screen.getAllByText(/jours|Paramètre|valeur/i).some((el) => el.textContent?.includes("9"))).toBe(true);
    expect(screen.queryByText(/^Capital : /)).not.toBeInTheDocument();
  });
});

/** CLIENTS plus four prospects scored on the four criteria of SPEC §11: one retained, three écartés by each rule. */
const WITH_PROSPECTS: unknown[][] = [
  [...(CLIENTS[0] as string[]), "Prospect", "Pertinence", "Crédibilité", "Attractivité pour nous", "Notre attractivité"],
  ...CLIENTS.slice(1).map((row) => [...row, "non", "", "", "", ""]),
  ["P01", "Prospect Retenu", "", "", 50000, "", "", "", "", "oui", 5, 4, 4, 3],
  ["P02", "Prospect Hors cible", "", "", 20000, "", "", "", "", "oui", 2, 4, 4, 4],
  ["P03", "Prospect Peu crédible", "", "", 20000, "", "", "", "", "oui", 4, 2, 4, 4],
  ["P04", "Prospect Sans attrait", "", "", 20000, "", "", "", "", "oui", 4, 4, 2, 5],
];

describe("prospects (issue 14) in Méthodes and Capital", () => {
  it("Méthodes maps the four criteria, counts retained and écartés, and gives each prospect its rule and Ep", async () => {
    renderApp(fakePort({ sheets: { Clients: WITH_PROSPECTS } }));
    await sourceRead();
    await goTo(/Méthodes/);
    expect(screen.getByRole("combobox", { name: "Crédibilité (1 à 5)" })).toHaveDisplayValue(/Crédibilité/);
    expect(screen.getByText("4 prospects : 1 retenu, 3 écartés, 0 non noté.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Voir les 4 prospects et leur raison" }));
    expect(screen.getByTitle("Prospect Hors cible").closest("li")).toHaveTextContent(/écarté.*Pertinence sous 3/);
    expect(screen.getByTitle("Prospect Retenu").closest("li")).toHaveTextContent(/retenu.*Ep 75/);
    // Unmapping a criterion: the prospects fall back on their potential, all retained.
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Pertinence (1 à 5)" }), "— aucune —");
    expect(await screen.findByText("4 prospects : 4 retenus, 0 écarté, 0 non noté.")).toBeInTheDocument();
  });

  it("the weights of « Avancé » change the Ep; all zero is refused with the engine's message", async () => {
    renderApp(fakePort({ sheets: { Clients: WITH_PROSPECTS } }));
    await sourceRead();
    await goTo(/Méthodes/);
    await userEvent.click(screen.getByRole("button", { name: "Voir les 4 prospects et leur raison" }));
    await userEvent.click(screen.getByRole("button", { name: "Avancé : seuils" }));
    fireEvent.change(screen.getByRole("spinbutton", { name: "Poids : Pertinence" }), { target: { value: "3" } });
    // (3×5 + 4 + 4 + 3) / 6 = 26/6 on 1..5 → (26/6 − 1) / 4 = 83.3 %.
    await waitFor(() => expect(screen.getByTitle("Prospect Retenu").closest("li")).toHaveTextContent(/Ep 83/));
    for (const name of ["Poids : Pertinence", "Poids : Crédibilité", "Poids : Attractivité pour nous", "Poids : Notre attractivité pour lui"]) {
      fireEvent.change(screen.getByRole("spinbutton", { name }), { target: { value: "0" } });
    }
    expect((await screen.findAllByText(/^Calcul impossible : /)).length).toBeGreaterThan(0);
  });

  it("Capital shows the conquest contacts of each prospect, none for an écarté", async () => {
    renderApp(fakePort({ sheets: { Clients: WITH_PROSPECTS } }));
    await sourceRead();
    await goTo(/Capital/);
    expect(screen.getByRole("heading", { name: "Conquête : contacts par prospect" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Voir les 4 prospects" }));
    expect(screen.getByTitle("Prospect Retenu").closest("li")).toHaveTextContent(/Ep 75 · [1-6] contacts? de conquête/);
    expect(screen.getByTitle("Prospect Hors cible").closest("li")).toHaveTextContent(/0 contact de conquête/);
  });
});

/** A journal with a product family over two years: C1 keeps both families, C2 stops « Consommables ». */
const JOURNAL_FAMILIES: unknown[][] = [
  ["N° facture", "Date", "Client", "Montant", "Famille"],
  ["F1", "2023-12-01", "C1", 1000, "Machines"],
  ["F2", "2024-03-10", "C1", 200, "Consommables"],
  ["F3", "2024-04-10", "C2", 800, "Machines"],
  ["F4", "2024-05-10", "C2", 300, "Consommables"],
  ["F5", "2025-02-10", "C1", 1100, "Machines"],
  ["F6", "2025-03-10", "C1", 250, "Consommables"],
  ["F7", "2025-04-10", "C2", 900, "Machines"],
  ["F8", "2025-12-20", "C1", 50, "Consommables"],
];

describe("engagement and the ideal client (issue 16) in Méthodes", () => {
  it("engagement waits for the rep's types: disabled with the reason, the proposals shown, computed once confirmed", async () => {
    renderApp(fakePort({ sheets: { Ventes: JOURNAL_FAMILIES } }));
    await sourceRead();
    await goTo(/Méthodes/);
    const engagement = screen.getByRole("checkbox", { name: /^Engagement par famille/ });
    expect(engagement).toBeDisabled();
    expect(screen.getByText(/^Indisponible : les types des familles \(FiLo, FiFo, LiFo, LiLo\) ne sont pas donnés/)).toBeInTheDocument();
    expect(screen.getByText("Types non confirmés : l'engagement n'est pas calculé.")).toBeInTheDocument();
    // The ideal client needs a satisfaction column: disabled, saying so.
    expect(screen.getByRole("checkbox", { name: /^Matrice du client idéal/ })).toBeDisabled();
    expect(screen.getByText(/^Indisponible : aucune colonne « Satisfaction »/)).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Consommables" }), "FiLo");
    expect(await screen.findByText("1 famille typée sur 2 : l'engagement est calculé avec vos types.")).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: /^Engagement par famille/ })).toBeEnabled();
    await userEvent.click(screen.getByRole("button", { name: "Reprendre les types proposés" }));
    expect(screen.getByRole("combobox", { name: "Machines" })).not.toHaveValue("");
    // The client's pourquoi now says why its engagement is what it is (C2 stopped « Consommables »).
    await goTo(/Aperçu/);
    await userEvent.click(screen.getByRole("button", { name: "Pourquoi pour C2" }));
    const detail = document.getElementById(screen.getByRole("button", { name: "Pourquoi pour C2" }).getAttribute("aria-controls") ?? "") as HTMLElement;
    expect(within(detail).getByText("Engagement")).toBeInTheDocument();
    expect(detail).toHaveTextContent(/Consommables/);
  });

  it("Méthodes offers the catalogue's actions per target, pre-set to the suggestion, and the PAC gets the rep's choice", async () => {
    const port = fakePort({ sheets: { Clients: CLIENTS } });
    renderApp(port);
    await sourceRead();
    await goTo(/Méthodes/);
    expect(screen.getByRole("heading", { name: "Actions suggérées par cible" })).toBeInTheDocument();
    // One group per target (its legend), three labelled lists in each.
    const develop = screen.getByRole("group", { name: "Développer" });
    const first = within(develop).getByRole("combobox", { name: "Action 1" });
    expect(first).toHaveValue("cross_selling");
    expect(within(develop).getByRole("combobox", { name: "Action 3" })).toHaveValue("fitting");
    // Only the actions that suit the target are offered, and a slot can be left blank.
    const offered = within(first).getAllByRole("option").map((o) => o.textContent);
    expect(offered).toContain("Up selling");
    expect(offered).not.toContain("Parrainage");
    await userEvent.selectOptions(first, "Up selling");
    await userEvent.selectOptions(within(develop).getByRole("combobox", { name: "Action 3" }), "— aucune —");
    await goTo(/Générer/);
    await userEvent.click(screen.getByRole("button", { name: "Générer" }));
    await screen.findByText(/^Feuilles écrites/);
    const pac = port.writes[0].plan.sheets.find((s) => s.name === "PAC");
    const texts = (pac?.blocks ?? []).flatMap((b) => linesOf(b.values).flat()).filter((v): v is string => typeof v === "string");
    const row = texts.indexOf("Développer", texts.indexOf("Actions choisies dans le catalogue"));
    expect(texts.slice(row, row + 6)).toEqual(expect.arrayContaining(["Up selling"]));
    expect(texts.slice(row, row + 6)).not.toContain("Cross selling");
    expect(texts.slice(row, row + 6)).not.toContain("Essayage");
  });
});

describe("Aperçu step", () => {
  it("Aperçu shows the classes, the charts and each client's pourquoi on demand", async () => {
    renderApp(fakePort({ sheets: { Clients: CLIENTS } }));
    await sourceRead();
    await goTo(/Aperçu/);
    expect(screen.getByText("Classe A")).toBeInTheDocument();
    expect(screen.getByText("% du CA : part du total des montants positifs, la base du classement ABC.")).toBeInTheDocument();
    expect(screen.getByRole("img", { name: "Courbe de Pareto (CA cumulé)" })).toBeInTheDocument();
    const matrix = screen.getByRole("img", { name: "Matrice P-R (potentiel × réalisé)" });
    // P rows, R columns, P1-R1 top left: the cells come row by row, as in the PAC sheet's grid.
    const cells = [...matrix.querySelectorAll("rect > title")].map((t) => t.textContent?.split(" :")[0]);
    expect(cells.slice(0, 5)).toEqual(["P1-R1", "P1-R2", "P1-R3", "P1-R4", "P2-R1"]);
    const list = screen.getByRole("list", { name: "Le pourquoi de chaque client" });
    expect(within(list).getAllByRole("button", { name: /^Pourquoi pour / })).toHaveLength(8);
    const why = screen.getByRole("button", { name: "Pourquoi pour Dupont SA" });
    expect(why).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(why);
    expect(why).toHaveAttribute("aria-expanded", "true");
    const detail = document.getElementById(why.getAttribute("aria-controls") ?? "") as HTMLElement;
    expect(within(detail).getAllByRole("listitem").length).toBeGreaterThan(1);
    // The full pourquoi, topic by topic, with the objective of SPEC §10.
    expect(within(detail).getByText("ABC")).toBeInTheDocument();
    expect(within(detail).getByText("Objectif de CA")).toBeInTheDocument();
  });

  it("Aperçu explains any client: the search finds one beyond the first twenty, by code or by name without accents", async () => {
    const many = [["Code client", "Raison sociale", "CA 2024", "CA 2025", "Potentiel"]];
    for (let i = 1; i <= 45; i++) many.push([`K${String(i).padStart(2, "0")}`, i === 42 ? "Hôtel Étoile" : `Société ${i}`, String(1000 * i), String(1100 * i), String(3000 * i)]);
    renderApp(fakePort({ sheets: { Clients: many } }));
    await sourceRead();
    await goTo(/Aperçu/);
    expect(screen.getByText("45 clients trouvés sur 45, 20 affichés.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Pourquoi pour Hôtel Étoile" })).not.toBeInTheDocument();
    await userEvent.type(screen.getByRole("searchbox", { name: "Chercher un client" }), "hotel etoile");
    expect(await screen.findByText("1 client trouvé sur 45, 1 affiché.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Pourquoi pour Hôtel Étoile" }));
    expect(screen.getAllByText("ABC").length).toBeGreaterThan(0);
    await userEvent.clear(screen.getByRole("searchbox", { name: "Chercher un client" }));
    await userEvent.type(screen.getByRole("searchbox", { name: "Chercher un client" }), "K4");
    expect(await screen.findByText("6 clients trouvés sur 45, 6 affichés.")).toBeInTheDocument();
    await userEvent.type(screen.getByRole("searchbox", { name: "Chercher un client" }), "9");
    expect(await screen.findByText("Aucun client ne correspond à « K49 ».")).toBeInTheDocument();
    await userEvent.clear(screen.getByRole("searchbox", { name: "Chercher un client" }));
    await userEvent.click(await screen.findByRole("button", { name: "Afficher 20 de plus" }));
    expect(screen.getByText("45 clients trouvés sur 45, 40 affichés.")).toBeInTheDocument();
  });

  it("Aperçu states the growth verdict and follows the growth asked", async () => {
    renderApp(fakePort({ sheets: { Clients: CLIENTS } }));
    await sourceRead();
    await goTo(/Aperçu/);
    const field = screen.getByRole("spinbutton", { name: "Croissance demandée par la direction (%)" });
    expect(field).toHaveValue(5);
    expect(screen.getByText("Verdict :")).toBeInTheDocument();
    fireEvent.change(field, { target: { value: "0" } });
    expect(await screen.findByText(/la clientèle actuelle suffit/i)).toBeInTheDocument();
  });
});

describe("Aperçu: every remark, grouped by kind", () => {
  it.each([
    { name: "clients with unchanged contacts", rows: CLIENTS, group: /^Calcul impossible pour un client \(2\)$/, message: /^C02 \(ligne 3\), méthode « élasticité »/ },
    { name: "a CA column only", rows: CA_ONLY, group: /^Méthode non calculée \(\d+\)$/, message: /^Méthode « rang P \(potentiel\) » non calculée/ },
  ])("Aperçu lists the remarks of $name in a closed accordion that opens on click", async ({ rows, group, message }) => {
    renderApp(fakePort({ sheets: { Clients: rows } }));
    await sourceRead();
    await goTo(/Aperçu/);
    expect(screen.getByRole("heading", { name: "Remarques" })).toBeInTheDocument();
    expect(screen.getByText(/remarques? de l'import et du calcul, aussi écrites? dans la feuille « Remarques »/)).toBeInTheDocument();
    const header = screen.getByRole("button", { name: group });
    expect(header).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByText(message)).not.toBeInTheDocument();
    await userEvent.click(header);
    expect(header).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByText(message)).toBeInTheDocument();
  });
});

describe("Générer step", () => {
  it("Générer writes the sheets it announces (Cibles, Contacts, PAC, Fiches clients, Remarques) through the port, never the user's sheet", async () => {
    const port = fakePort({ sheets: { Clients: CLIENTS } });
    renderApp(port);
    await sourceRead();
    await goTo(/Générer/);
    await userEvent.click(screen.getByRole("button", { name: "Générer" }));
    expect(
      screen.getByText("Écrit les feuilles « Cibles », « Contacts », « PAC », « Fiches clients », « Remarques » et « Catalogue ». Vos feuilles ne sont jamais modifiées."),
    ).toBeInTheDocument();
    expect(await screen.findByText("Feuilles écrites : Cibles, Contacts, PAC, Fiches clients, Remarques, Catalogue.")).toBeInTheDocument();
    expect(port.writes).toHaveLength(1);
    expect(port.writes[0].plan.sheets.map((s) => s.name)).toEqual(["Cibles", "Contacts", "PAC", "Fiches clients", "Remarques", "Catalogue"]);
    expect(port.writes[0].options.replace).toBe(false);
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "1");
  });

  it("Générer asks before touching an existing PAC sheet, and writes beside it by default", async () => {
    const port = fakePort({ sheets: { Clients: CLIENTS, PAC: [["ancien plan"]] } });
    renderApp(port);
    await sourceRead();
    await goTo(/Générer/);
    await userEvent.click(screen.getByRole("button", { name: "Générer" }));
    const question = await screen.findByRole("alertdialog");
    expect(within(question).getByText("Ces feuilles existent déjà : PAC. Que faire ?")).toBeInTheDocument();
    expect(port.writes).toHaveLength(0);
    expect(screen.getByRole("radio", { name: /Écrire à côté/ })).toBeChecked();
    await userEvent.click(screen.getByRole("button", { name: "Continuer" }));
    await screen.findByText(/^Feuilles écrites/);
    expect(port.writes).toHaveLength(1);
    expect(port.writes[0].options.replace).toBe(false);
  });

  it("Générer replaces only when the user says so", async () => {
    const port = fakePort({ sheets: { Clients: CLIENTS, PAC: [["ancien plan"]] } });
    renderApp(port);
    await sourceRead();
    await goTo(/Générer/);
    await userEvent.click(screen.getByRole("button", { name: "Générer" }));
    await userEvent.click(await screen.findByRole("radio", { name: /Remplacer/ }));
    await userEvent.click(screen.getByRole("button", { name: "Continuer" }));
    await screen.findByText(/^Feuilles écrites/);
    expect(port.writes[0].options.replace).toBe(true);
  });

  it("Générer: cancelling before the write writes nothing", async () => {
    const port = fakePort({ sheets: { Clients: CLIENTS, PAC: [["ancien plan"]] } });
    renderApp(port);
    await sourceRead();
    await goTo(/Générer/);
    await userEvent.click(screen.getByRole("button", { name: "Générer" }));
    await screen.findByRole("alertdialog");
    await userEvent.click(screen.getByRole("button", { name: "Annuler" }));
    expect(screen.getByText("Génération annulée : rien n'a été écrit.")).toBeInTheDocument();
    expect(port.writes).toHaveLength(0);
  });

  it.each([
    { kind: "file" as const, reads: 1, why: "a file opened in the browser cannot change: the table read for Source is the one generated" },
    { kind: "excel" as const, reads: 2, why: "an Excel sheet may have been edited since Source read it: it is read again" },
  ])("Générer, $kind port: the source is read $reads time(s) in all ($why)", async ({ kind, reads }) => {
    const port = fakePort({ sheets: { Clients: CLIENTS } }, kind);
    renderApp(port);
    await sourceRead();
    await goTo(/Générer/);
    await userEvent.click(screen.getByRole("button", { name: "Générer" }));
    await screen.findByText(/^Feuilles écrites/);
    expect(port.reads).toEqual(Array.from({ length: reads }, () => ({ kind: "sheet", name: "Clients" })));
    expect(port.writes).toHaveLength(1);
    expect(port.writes[0].plan.sheets.map((s) => s.name)).toEqual(["Cibles", "Contacts", "PAC", "Fiches clients", "Remarques", "Catalogue"]);
  });

  it("Générer: a write failure is shown in French", async () => {
    const port = fakePort({ sheets: { Clients: CLIENTS } });
    renderApp({ ...port, writePlan: () => Promise.reject(new Error("disque plein")) });
    await sourceRead();
    await goTo(/Générer/);
    await userEvent.click(screen.getByRole("button", { name: "Générer" }));
    expect(await screen.findByText("La génération a échoué : Erreur inattendue : disque plein")).toBeInTheDocument();
  });
});

describe("App", () => {
  it("App switches the wizard to English from the language radio group", async () => {
    renderApp(fakePort({ sheets: { Clients: CLIENTS } }));
    await sourceRead();
    await userEvent.click(screen.getByRole("radio", { name: "English" }));
    expect(screen.getByRole("heading", { name: "Import report" })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: /Contact capital/ })).toBeInTheDocument();
  });

  it("App in English announces the sheets it writes, by their English names", async () => {
    const port = fakePort({ sheets: { Clients: CLIENTS } });
    renderApp(port);
    await sourceRead();
    await userEvent.click(screen.getByRole("radio", { name: "English" }));
    await goTo(/Generate/);
    expect(screen.getByText(/“Targets”, “Contacts”, “PAC”, “Client cards”, “Notes” and “Catalogue”/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Generate" }));
    await screen.findByText(/^Sheets written/);
    expect(port.writes[0].plan.sheets.map((s) => s.name)).toEqual(["Targets", "Contacts", "PAC", "Client cards", "Notes", "Catalogue"]);
  });

  it("App moves the focus to the heading of each step it opens", async () => {
    renderApp(fakePort({ sheets: { Clients: CLIENTS } }));
    await sourceRead();
    await userEvent.click(screen.getByRole("button", { name: "Suivant" }));
    expect(screen.getByRole("heading", { name: "Méthodes de ciblage" })).toHaveFocus();
    await goTo(/Aperçu/);
    expect(screen.getByRole("heading", { name: "Aperçu", level: 2 })).toHaveFocus();
  });

  it("App shows the sharing tools only when the port offers them", async () => {
    const port = fakePort({ sheets: { Clients: CLIENTS } });
    const prepare = jest.fn().mockResolvedValue("3 formules figées sur 1 feuille.");
    renderApp({ ...port, prepareForSharing: prepare, restoreFormulas: jest.fn().mockResolvedValue("") });
    await sourceRead();
    await userEvent.click(screen.getByRole("button", { name: "Préparer pour le partage" }));
    expect(await screen.findByText("3 formules figées sur 1 feuille.")).toBeInTheDocument();
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it("App in a browser asks for a file and shows a French error for a bad one", async () => {
    const openFile = jest.fn().mockRejectedValue(new (await import("./ports/port")).PortError("file.error.unreadable", { file: "x.xlsx" }));
    render(
      <FluentProvider theme={webLightTheme}>
        <App openFile={openFile} />
      </FluentProvider>,
    );
    const input = screen.getByLabelText("Choisir un fichier .xlsx ou .csv");
    await userEvent.upload(input, new File(["zzz"], "x.xlsx"));
    expect(await screen.findByText(/^Le fichier « x.xlsx » n'est pas un classeur .xlsx lisible/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: "Choisir un fichier .xlsx ou .csv" })).toBeEnabled());
  });
});
