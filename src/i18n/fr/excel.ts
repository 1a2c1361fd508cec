/**
 * Every text of the Office.js layer (`src/excel`), in French (the reference catalogue): its errors, the
 * summaries of "Préparer pour le partage" / "Restaurer les formules", and the texts it writes into the
 * workbook (notes on frozen cells, headers of the hidden sheet "PAC_formules").
 * Placeholders: `{sheet}` a sheet name; `{n}` a count; `{formulas}` / `{sheets}` a counted phrase
 * ("12 formules", "2 feuilles") built by `countPhrase`.
 */
export const excelErrorsFr = {
  SHEET_NOT_FOUND: "La feuille « {sheet} » est introuvable dans ce classeur.",
  API_NOT_SUPPORTED:
    "Cette version d'Excel ne prend pas en charge l'API Excel {version} dont PAC Commercial a besoin (Microsoft 365 ou Excel 2021 et suivants).",
  WRITE_FAILED:
    "L'écriture des feuilles a échoué ({detail}). Les feuilles en cours d'écriture ont été retirées ; vos feuilles n'ont pas été modifiées.",
  FORMULAS_BUSY:
    "{n} formule(s) PAC sont encore en cours de calcul (#BUSY!) : attendez la fin du calcul, puis recommencez. Rien n'a été figé.",
  FORMULAS_UNAVAILABLE:
    "{n} formule(s) PAC affichent #NAME? : les fonctions PAC ne sont pas chargées. Rechargez le complément, puis recommencez. Rien n'a été figé.",
} as const;

export type ExcelErrorCode = keyof typeof excelErrorsFr;

export const excelTextsFr = {
  "count.formula.one": "{n} formule",
  "count.formula.other": "{n} formules",
  "count.sheet.one": "{n} feuille",
  "count.sheet.other": "{n} feuilles",
  "prepare.done.one": "{formulas} figée sur {sheets}.",
  "prepare.done.other": "{formulas} figées sur {sheets}.",
  "prepare.none": "Aucune formule PAC à figer : rien n'a été modifié.",
  "prepare.notesFailed":
    "Les notes n'ont pas pu être ajoutées aux cellules ; les formules restent enregistrées dans la feuille masquée « {sheet} ».",
  "prepare.notesCapped": "Notes posées sur les {n} premières formules ; toutes restent enregistrées dans la feuille masquée « {sheet} ».",
  "restore.done.one": "{formulas} restaurée sur {sheets}.",
  "restore.done.other": "{formulas} restaurées sur {sheets}.",
  "restore.none": "Aucune formule figée à restaurer.",
  "restore.missingSheets": "{formulas} non restaurée(s) : feuille(s) introuvable(s) ({names}).",
  /** Notes « [PAC] » that could not be removed (an Excel whose office.js lacks notes, or a refused request). */
  "restore.notesLeft":
    "{n} {n|note|notes} «\u00a0[PAC]\u00a0» {n|reste|restent} sur les cellules restaurées\u00a0: cette version d'Excel n'a pas pu {n|la|les} retirer\u00a0; {n|supprimez-la|supprimez-les} à la main (clic droit › Supprimer la note).",
  /** The note left on a frozen anchor cell. Starts with the language-neutral marker "[PAC]". */
  "note.frozen": "[PAC] Formule figée pour le partage :\n{formula}\nPour la rétablir : PAC Commercial › Restaurer les formules.",
  "record.sheet": "Feuille",
  "record.cell": "Cellule",
  "record.formula": "Formule",
  "record.range": "Plage figée",
  "record.date": "Figée le",
  "record.note": "Note ajoutée",
} as const;

export type ExcelTextKey = keyof typeof excelTextsFr;
