import { cliMessage, frenchSpaces } from "./cli";

describe("frenchSpaces(text): French typography on a terminal line", () => {
  it.each([
    { name: "empty", text: "", out: "" },
    { name: "colon: no-break space", text: "Source : x", out: "Source\u00a0: x" },
    { name: "semicolon, question and exclamation marks: narrow no-break space", text: "a ; b ? c !", out: "a\u202f; b\u202f? c\u202f!" },
    { name: "guillemets", text: "« Cibles »", out: "«\u00a0Cibles\u00a0»" },
    { name: "a colon at the end of the line", text: "À vérifier (3) :", out: "À vérifier (3)\u00a0:" },
    { name: "a colon inside a word or a URL stays", text: "http://x a:b", out: "http://x a:b" },
    { name: "already typographed text is unchanged", text: "Source\u00a0: «\u00a0x\u00a0»", out: "Source\u00a0: «\u00a0x\u00a0»" },
  ])("frenchSpaces: $name", ({ text, out }) => {
    expect(frenchSpaces(text)).toBe(out);
  });

  it("cliMessage applies it in French only", () => {
    expect(cliMessage("OUT_EXISTS", { path: "a.xlsx" }, "fr")).toBe("«\u00a0a.xlsx\u00a0» existe déjà\u00a0: ajoutez --replace pour le remplacer, ou choisissez un autre nom avec --out.");
    expect(cliMessage("OUT_EXISTS", { path: "a.xlsx" }, "en")).toBe('"a.xlsx" already exists: add --replace to replace it, or choose another name with --out.');
  });

  it.each([
    { n: 0, fr: "Lus\u00a0: 0 client et 0 prospect (0 ligne)\u202f; 0 cellule rejetée", en: "Read: 0 clients and 0 prospects (0 rows); 0 cells rejected" },
    { n: 1, fr: "Lus\u00a0: 1 client et 1 prospect (1 ligne)\u202f; 1 cellule rejetée", en: "Read: 1 client and 1 prospect (1 row); 1 cell rejected" },
    { n: 2, fr: "Lus\u00a0: 2 clients et 2 prospects (2 lignes)\u202f; 2 cellules rejetées", en: "Read: 2 clients and 2 prospects (2 rows); 2 cells rejected" },
  ])("SUMMARY_READ agrees with $n", ({ n, fr, en }) => {
    const params = { clients: n, prospects: n, rows: n, rejected: n };
    expect(cliMessage("SUMMARY_READ", params, "fr")).toBe(fr);
    expect(cliMessage("SUMMARY_READ", params, "en")).toBe(en);
  });

  it.each([
    { reps: 1, fr: "→ 1 commercial" },
    { reps: 2, fr: "→ 2 commerciaux" },
  ])("SUMMARY_CAPITAL: $reps", ({ reps, fr }) => {
    expect(cliMessage("SUMMARY_CAPITAL", { capital: 540, need: 1, reps }, "fr")).toBe(`Capital de contacts\u00a0: 540 par an\u202f; besoin d'entretien\u00a0: 1 contact ${fr}`);
  });
});
