/**
 * Every error message the engine and the cell functions can show, in French (the reference catalogue).
 * Placeholders `{name}` are filled from the error's params; `{row}` is the 1-based position in the list.
 */
export const errorsFr = {
  EMPTY_INPUT: "Aucun client : la liste « {arg} » est vide.",
  NOT_FINITE: "{arg}, ligne {row} : « {value} » n'est pas un nombre.",
  LENGTH_MISMATCH: "Les plages « {arg} » ({n1} valeurs) et « {arg2} » ({n2} valeurs) n'ont pas la même taille.",
  TOO_FEW_CLIENTS: "{method} : il faut au moins {min} clients avec une valeur numérique ({n} fourni).",
  BAD_CLASSES: "Nombre de classes « {value} » invalide : un entier de 2 à 10 est attendu.",
  BAD_GRID: "Grille « {arg} » invalide : {detail}.",
  BAD_WEIGHTS: "Pondérations invalides : trois nombres positifs ou nuls (R, F, M), non tous nuls, sont attendus.",
  BAD_THRESHOLDS: "Seuils invalides ({a} ; {b}) : il faut 0 < seuil A < seuil B ≤ 100 %.",
  BAD_MODE: "Option « {value} » inconnue pour « {arg} » : valeurs possibles {allowed}.",
  BAD_PARAMETER: "{arg} invalide (« {value} ») : {expected}.",
  TOTAL_NOT_POSITIVE: "{method} : le total de « {arg} » est nul ou négatif, aucune part ne peut être calculée.",
  POTENTIAL_NOT_POSITIVE: "Potentiel ligne {row} nul ou négatif ({value}) : taux de pénétration impossible.",
  ELASTICITY_CA_BEFORE_ZERO: "Élasticité indéfinie ligne {row} : le CA N-1 est nul (pas de variation en %).",
  ELASTICITY_CONTACTS_BEFORE_ZERO: "Élasticité indéfinie ligne {row} : aucun contact en N-1 (pas de variation en %).",
  ELASTICITY_CONTACTS_UNCHANGED: "Élasticité indéfinie ligne {row} : le nombre de contacts n'a pas changé ({value}).",
  ZERO_CONTACTS: "Productivité indéfinie ligne {row} : aucun contact sur la période.",
  TOO_FEW_PERIODS: "Maturité ligne {row} : au moins deux périodes de CA sont nécessaires ({n} fournie).",
  BAD_SHARES: "Répartition par famille invalide ({detail}) : trois parts positives ou nulles dont la somme fait 100 %.",
  BAD_NORMS: "Normes de visite invalides ({detail}) : des nombres de contacts par an positifs ou nuls sont attendus.",
  BLANK_CELL: "{arg}, ligne {row} : cellule vide, une valeur est nécessaire.",
  TEXT_CELL: "{arg}, ligne {row} : texte « {value} » au lieu d'un nombre.",
  ERROR_CELL: "{arg}, ligne {row} : la cellule contient l'erreur {value}.",
  MISSING_ARGUMENT: "Argument « {arg} » manquant : {expected}.",
  NO_NUMBER: "« {arg} » ne contient aucun nombre.",
  NOT_A_RANGE: "« {arg} » doit être une plage d'une seule ligne ou d'une seule colonne ({rows} × {cols} reçue).",
  BAD_PROSPECT_WEIGHTS:
    "Pondérations des critères invalides ({detail}) : quatre nombres positifs ou nuls (pertinence, crédibilité, attractivité pour nous, notre attractivité), non tous nuls, sont attendus.",
  CRITERION_OUT_OF_RANGE: "{arg}, ligne {row} : la note {value} est hors de l'échelle de 1 à 5.",
  PROSPECT_CRITERIA_MISSING:
    "Notation des prospects incomplète : il manque {missing} ; les quatre critères (pertinence, crédibilité, attractivité pour nous, notre attractivité) sont nécessaires.",
  BAD_FAMILY_TYPE:
    "Type « {value} » invalide pour la famille « {family} » : FiLo, FiFo, LiFo ou LiLo est attendu (ou une cellule vide).",
} as const;

export type ErrorCode = keyof typeof errorsFr;
