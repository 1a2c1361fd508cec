/*
 * The PAC.* custom functions. The JSDoc of each function is its Excel metadata: CustomFunctionsMetadataPlugin
 * reads it to build functions.json and appends the CustomFunctions.associate() calls to this file at build time.
 * Each function is a thin wrapper: the scoring lives in src/engine, the cell parsing in ./cells.
 * Range arguments and results are typed `any[][]` because the metadata generator rejects union types; the
 * wrappers parse them as `unknown` at the boundary.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { abcCells } from "./abc";

/**
 * Classe ABC (Pareto 20/80) de chaque client : A = les plus gros clients qui font ensemble 80 % du CA, B = jusqu'à 95 %, C = le reste. Renvoie une classe par ligne de la plage.
 * @customfunction ABC
 * @param amounts Montants par client (CA ou marge), une colonne ou une ligne. Les cellules vides donnent un résultat vide.
 * @param [threshold_a] Seuil de la classe A en % du CA (80 par défaut ; 20 en mode « clients »).
 * @param [threshold_b] Seuil de la classe B en % du CA (95 par défaut ; 50 en mode « clients »).
 * @param [mode] « montant » (par défaut, cumul du CA) ou « clients » (20 % / 50 % du nombre de clients).
 * @returns Une classe A, B ou C par client.
 */
export function abc(amounts: any[][], threshold_a?: number, threshold_b?: number, mode?: string): any[][] {
  return abcCells(amounts, threshold_a, threshold_b, mode);
}
