import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { TextDecoder, TextEncoder } from "node:util";
import userEvent from "@testing-library/user-event";
import type { ImportedClient } from "../../io/client";
import { scorePortfolio } from "../../plan/score";
import { App } from "../App";
import { CLIENTS, fakePort } from "../testing/fakePort";
import { ExerciseMode, openInExcel, type ExerciseFile } from "./ExerciseMode";

// jsdom has no TextEncoder / TextDecoder; the .xlsx writer (loaded when the books are written) needs Node's.
Object.assign(globalThis, { TextEncoder: globalThis.TextEncoder ?? TextEncoder, TextDecoder: globalThis.TextDecoder ?? TextDecoder });

const TEN: ImportedClient[] = [40000, 25000, 12000, 8000, 5000, 4000, 3000, 2000, 1000, 0].map((ca, i) => ({
  id: `C${i + 1}`,
  row: i + 2,
  ca,
  contacts: [10, 8, 12, 3, 2, 9, 1, 6, 4, 5][i],
}));

function renderMode(deliver: (f: ExerciseFile) => Promise<void>) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ExerciseMode clients={TEN} portfolio={scorePortfolio(TEN, {})} lang="fr" title="classe.xlsx" excel={false} deliver={deliver} />
    </FluentProvider>,
  );
}

describe("ExerciseMode", () => {
  it("offers the methods the clients allow, says why not the others, and hands over both workbooks", async () => {
    const files: ExerciseFile[] = [];
    renderMode(async (f) => void files.push(f));
    expect(screen.getByRole("heading", { name: "Mode exercice" })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Titre de l'exercice" })).toHaveValue("classe");
    expect(screen.getByRole("checkbox", { name: "Classement ABC (méthode des 20/80)" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Matrice de rentabilité des contacts" })).toBeChecked();
    expect(screen.queryByRole("checkbox", { name: /Technique P-R/ })).toBeNull();
    expect(screen.getByText("Technique P-R : code, écart et cible : il faut une colonne Potentiel remplie pour chaque client.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("checkbox", { name: "Matrice de rentabilité des contacts" }));
    await userEvent.click(screen.getByRole("button", { name: "Créer l'exercice et le corrigé" }));
    // Two workbooks are written (in jsdom, on a machine another job may load): more than findBy's default second.
    expect(await screen.findByText(/Deux classeurs téléchargés : classe-eleve\.xlsx et classe-corrige\.xlsx/, {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(files.map((f) => f.fileName)).toEqual(["classe-eleve.xlsx", "classe-corrige.xlsx"]);
    for (const f of files) expect([...f.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    // ABC (the total, then 4 × 10) and the capital from the ABC classes (capital, 3 needs, total, ratio, reps).
    expect(screen.getByText(/\(48 questions\)/)).toBeInTheDocument();
  });

  it("with every method unticked, the button is disabled and says why", async () => {
    renderMode(async () => undefined);
    for (const box of screen.getAllByRole("checkbox")) await userEvent.click(box);
    expect(screen.getByRole("button", { name: "Créer l'exercice et le corrigé" })).toBeDisabled();
    expect(screen.getByText("Choisissez au moins une méthode.")).toBeInTheDocument();
  });

  it("a failure is said in French", async () => {
    renderMode(() => Promise.reject(new Error("disque plein")));
    await userEvent.click(screen.getByRole("button", { name: "Créer l'exercice et le corrigé" }));
    expect(await screen.findByText("Les classeurs n'ont pas pu être créés : disque plein")).toBeInTheDocument();
  });

  it("the wizard shows it on its last step", async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App port={fakePort({ sheets: { Clients: CLIENTS } })} />
      </FluentProvider>,
    );
    await screen.findByRole("heading", { name: "Rapport d'import" }, { timeout: 10_000 });
    await userEvent.click(screen.getByRole("tab", { name: /Générer/ }));
    expect(await screen.findByRole("heading", { name: "Mode exercice" })).toBeInTheDocument();
  });

  it("openInExcel hands Excel the workbook as base64 (Excel.createWorkbook)", async () => {
    const createWorkbook = jest.fn().mockResolvedValue(undefined);
    Object.assign(globalThis, { Excel: { createWorkbook } });
    const bytes = Uint8Array.from({ length: 70_000 }, (_, k) => (k * 7) % 256);
    await openInExcel({ fileName: "x.xlsx", bytes });
    expect(createWorkbook).toHaveBeenCalledTimes(1);
    expect(Buffer.from(createWorkbook.mock.calls[0][0] as string, "base64").equals(Buffer.from(bytes))).toBe(true);
    delete (globalThis as { Excel?: unknown }).Excel;
  });
});
