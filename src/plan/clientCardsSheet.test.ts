import { linesOf } from "./rows";
import { FIXTURE_CLIENTS } from "./__fixtures__/portfolio";
import { buildClientCardsSheet, clientExplanation, CLIENT_CARDS_MAX } from "./clientCardsSheet";
import { planObjectives } from "./objectives";
import { scorePortfolio } from "./score";
import type { PlanValue, SheetPlan } from "./types";
import { buildWorkbookPlan, workbookSheetNames } from "./workbook";

/** Column A and B of every row, as the sheet shows them (row index → [A, B]). */
function rows(sheet: SheetPlan): Map<number, [PlanValue, PlanValue]> {
  const out = new Map<number, [PlanValue, PlanValue]>();
  for (const b of sheet.blocks) {
    linesOf(b.values).forEach((line, i) => {
      const r = out.get(b.row + i) ?? [null, null];
      line.forEach((v, j) => {
        if (b.col + j <= 1) r[b.col + j] = v;
      });
      out.set(b.row + i, r);
    });
  }
  return out;
}

describe("buildClientCardsSheet", () => {
  const portfolio = scorePortfolio(FIXTURE_CLIENTS, { lang: "fr" });
  const objectives = planObjectives(portfolio);

  it("buildClientCardsSheet(portfolio): one block per client, every sentence the wizard shows, in the file's order", () => {
    const sheet = buildClientCardsSheet(portfolio, "fr", { objectives });
    expect(sheet.name).toBe("Fiches clients");
    const text = [...rows(sheet).values()].map(([a, b]) => `${a ?? ""}|${b ?? ""}`);
    const all = text.join("\n");
    let from = 0;
    for (const c of portfolio.clients) {
      // The head line names the client; its sentences follow, each exactly as clientExplanation gives it.
      const head = text.findIndex((line, k) => k >= from && line.startsWith(`${c.id} — ${c.name} · `));
      expect(head).toBeGreaterThanOrEqual(from);
      const lines = clientExplanation(c, "fr", objectives);
      lines.forEach((l, k) => expect(text[head + 1 + k].endsWith(`|${l.text}`)).toBe(true));
      from = head + 1 + lines.length;
    }
    // The rich pourquoi, not the short one: the R quarter and the ABC share, with the objective of §10.
    expect(all).toMatch(/Rang R \(CA\)\|/);
    expect(all).toMatch(/Objectif de CA\|/);
    expect(all).toMatch(/C01 — Boulangerie Martin · CA 48\s000 · classe A · P\d-R\d · \d+ contacts\|/);
    expect(sheet.print?.orientation).toBe("portrait");
    // Each printed page starts at the head of a card, never inside one.
    const breaks = sheet.print?.rowBreaks ?? [];
    expect(breaks.length).toBeGreaterThan(0);
    for (const b of breaks) expect(String(rows(sheet).get(b)?.[0])).toMatch(/^[CP]\d\d — /);
  });

  it("buildClientCardsSheet(portfolio, 'en'): English sheet name and topics", () => {
    const sheet = buildClientCardsSheet(portfolio, "en", { objectives });
    expect(sheet.name).toBe("Client cards");
    const all = [...rows(sheet).values()].map(([a, b]) => `${a ?? ""}|${b ?? ""}`).join("\n");
    expect(all).toContain("Sales objective|");
    expect(all).not.toContain("Objectif");
  });

  it("buildClientCardsSheet(portfolio) above the maximum: one line says why there is no card", () => {
    const sheet = buildClientCardsSheet(portfolio, "fr", { max: 5 });
    const r = rows(sheet);
    expect(r.get(1)?.[0]).toBe(`12 clients : au-delà de 5, les fiches ne sont pas écrites (des milliers de pages à imprimer) ; l'assistant explique chaque client à la demande.`);
    expect(r.size).toBe(2);
    expect(CLIENT_CARDS_MAX).toBe(5000);
  });

  it("buildClientCardsSheet(empty portfolio): the title and « Aucun client. »", () => {
    const sheet = buildClientCardsSheet(scorePortfolio([], { lang: "fr" }), "fr");
    expect(rows(sheet).get(1)?.[0]).toBe("Aucun client.");
  });

  it("never writes a formula: a name like « =SOMME(A1) » stays text", () => {
    const sheet = buildClientCardsSheet(portfolio, "fr", { objectives });
    const values = sheet.blocks.flatMap((b) => linesOf(b.values).flat());
    expect(values.every((v) => v === null || typeof v !== "object")).toBe(true);
    expect(values.some((v) => typeof v === "string" && v.startsWith("C02 — =SOMME(A1) · "))).toBe(true);
  });

  it("buildWorkbookPlan(…, { clientCards: true }) adds « Fiches clients » before « Remarques », as workbookSheetNames says", () => {
    const plan = buildWorkbookPlan(portfolio, { lang: "fr", clientCards: true });
    expect(plan.sheets.map((s) => s.name)).toEqual(workbookSheetNames("fr", { clientCards: true }));
    expect(workbookSheetNames("fr", { clientCards: true })).toEqual(["Cibles", "Contacts", "PAC", "Fiches clients", "Remarques"]);
    expect(workbookSheetNames("en", { clientCards: true })).toEqual(["Targets", "Contacts", "PAC", "Client cards", "Notes"]);
    expect(buildWorkbookPlan(portfolio, { lang: "fr" }).sheets.map((s) => s.name)).toEqual(["Cibles", "Contacts", "PAC", "Remarques"]);
  });
});
