/** Text of the task pane, in French (the reference catalogue). */
export const uiFr = {
  "app.title": "PAC Commercial",
  "app.subtitle": "Plan d'Actions Commerciales : cibles, capital de contacts et feuille PAC.",
  "app.standalone": "Mode navigateur : ouvrez un classeur .xlsx ou .csv pour commencer.",
  "app.inExcel": "Classeur Excel connecté.",
  "app.functionsTitle": "Fonctions disponibles dans les cellules",
  "app.functionsHint": "Tapez par exemple =PAC.ABC(D2:D200) : le résultat se propage sur toute la colonne.",
  "app.privacy": "Tout est calculé dans le classeur : aucune donnée client ne quitte votre ordinateur.",
  "app.language": "Langue",
  "fn.ABC": "Classe A, B ou C (Pareto 20/80) de chaque client.",
} as const;

export type UiKey = keyof typeof uiFr;
