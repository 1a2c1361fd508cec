/**
 * Every text of the command line (`src/cli`), in French (the reference catalogue). Placeholders: `{option}` an
 * option as typed ("--weeks"), `{value}` what the user gave, `{path}` a file path, `{n}` a count.
 */
export const cliMessagesFr = {
  HELP: `PAC Commercial — ciblage des clients et Plan d'Actions Commerciales, en ligne de commande.

Usage :
  pac plan <clients.xlsx|clients.csv> [options]    écrit le classeur PAC (feuilles Cibles, Contacts, PAC)
  pac score <clients.xlsx|clients.csv> [options]   affiche les classes de chaque client (CSV ou JSON)
  pac --help                                        cette aide

Entrée : un tableau clients (une ligne par client : Client, CA 2024, CA 2025, Potentiel, Visites…) ou un
journal des ventes (une ligne par facture : N° facture, Date, Client, Montant) ; la forme est reconnue
d'après les en-têtes. CSV : séparateur « ; » (ou « , », tabulation), UTF-8 avec ou sans BOM.

Options de pac plan et pac score :
  --sheet NOM                     feuille du classeur à lire (par défaut : la première)
  --reference-date AAAA-MM-JJ     date de calcul de la récence (par défaut : lendemain du dernier achat lu)
  --capital N                     capital de contacts annuel du commercial
  --weeks N --days N --per-day N  ou capital = semaines travaillées × jours de terrain par semaine × contacts
                                  par jour (par défaut : 45 × 4 × 3 = 540)
  --lang fr|en                    langue du classeur écrit et des messages (par défaut : fr)

pac plan :
  --out FICHIER.xlsx              classeur écrit (par défaut : <entrée>-PAC.xlsx, à côté de l'entrée) ;
                                  les feuilles d'un classeur d'entrée y sont recopiées telles quelles
  --replace                       remplace les feuilles Cibles, Contacts et PAC déjà présentes
                                  (sinon elles sont ajoutées sous le nom « Cibles (2) »…)

pac score :
  --format csv|json               sortie sur la console (par défaut : csv, séparateur virgule) ; une ligne par
                                  client, les prospects (sans CA) ne sont pas notés

Codes de sortie : 0 réussite, 2 entrée incorrecte (fichier, option, données), 1 erreur interne.

Exemples :
  pac plan clients.xlsx --weeks 45 --days 4 --per-day 3 --out PAC-2026.xlsx
  pac score ventes.csv --format json > classes.json`,

  // Arguments (exit code 2).
  NO_COMMAND: "Aucune commande : tapez « pac plan <fichier> » ou « pac score <fichier> » (aide : pac --help).",
  UNKNOWN_COMMAND: "Commande inconnue « {value} » : les commandes sont plan et score (aide : pac --help).",
  UNKNOWN_OPTION: "Option inconnue « {option} » pour pac {command} (aide : pac --help).",
  OPTION_BEFORE_COMMAND: "Option « {option} » avant la commande : tapez « pac plan <fichier> » ou « pac score <fichier> », puis les options (aide : pac --help).",
  MISSING_VALUE: "L'option {option} attend une valeur.",
  FLAG_WITH_VALUE: "L'option {option} ne prend pas de valeur.",
  REPEATED_OPTION: "L'option {option} est donnée deux fois.",
  MISSING_FILE_ARG: "Indiquez le fichier à lire : pac {command} <clients.xlsx|clients.csv>.",
  EXTRA_ARG: "Argument en trop « {value} » : un seul fichier à la fois.",
  BAD_CAPITAL: "--capital attend un nombre entier de contacts supérieur à 0, pas « {value} ».",
  BAD_WEEKS: "--weeks attend un nombre entier de semaines de 1 à 53, pas « {value} ».",
  BAD_DAYS: "--days attend un nombre de jours de terrain par semaine, supérieur à 0 et au plus 7, pas « {value} ».",
  BAD_PER_DAY: "--per-day attend un nombre de contacts par jour supérieur à 0, pas « {value} ».",
  CAPITAL_CONFLICT: "--capital ne se combine pas avec --weeks, --days et --per-day : donnez l'un ou l'autre.",
  CAPITAL_PARTS: "Pour calculer le capital, donnez --weeks, --days et --per-day ensemble (il manque {missing}).",
  BAD_DATE: "--reference-date attend une date AAAA-MM-JJ, par exemple 2025-12-31, pas « {value} ».",
  BAD_LANG: "--lang attend fr ou en, pas « {value} ».",
  BAD_FORMAT: "--format attend csv ou json, pas « {value} ».",
  BAD_OUT: "--out doit nommer un classeur .xlsx, pas « {value} ».",

  // The input file (exit code 2).
  FILE_NOT_FOUND: "Fichier introuvable : {path}",
  FILE_IS_DIR: "« {path} » est un dossier : donnez un fichier .xlsx ou .csv.",
  FILE_UNREADABLE: "Impossible de lire « {path} » ({reason}).",
  FILE_EMPTY: "Le fichier « {path} » est vide.",
  XLS_OLD: "« {path} » est un classeur Excel 97-2003 (.xls) : enregistrez-le au format .xlsx puis relancez.",
  XLSX_CORRUPT: "« {path} » n'est pas un classeur .xlsx lisible (fichier abîmé ou d'un autre format).",
  BINARY_FILE: "« {path} » n'est ni un classeur .xlsx ni un fichier texte CSV.",
  SHEET_NOT_FOUND: "Feuille « {sheet} » introuvable dans « {path} » (feuilles : {sheets}).",
  NO_SHEET: "Le classeur « {path} » ne contient aucune feuille.",
  NO_ROWS: "La feuille « {sheet} » de « {path} » est vide.",
  NO_CLIENT: "Aucun client lu dans « {source} » : {reason}",
  NOTHING_TO_SCORE: "Rien à noter dans « {source} » : {reason}",
  ONLY_PROSPECTS: "les {n} lignes lues sont des prospects, sans CA.",
  SCORING_FAILED: "Rien à noter dans « {source} » : {reason}",
  WRITE_FAILED: "Impossible d'écrire « {path} » ({reason}).",
  SAME_AS_INPUT: "--out désigne le fichier d'entrée « {path} » : choisissez un autre nom pour ne pas l'écraser.",
  UNEXPECTED: "Erreur interne : {reason}. Relancez avec PAC_DEBUG=1 pour le détail et signalez-la.",

  // Warnings on stderr (the command goes on).
  SHEET_IGNORED: "Attention : --sheet ne s'applique qu'à un classeur .xlsx ; ignorée pour « {path} ».",
  HEADER_MOVED: "En-tête lu à la ligne {row} (les lignes au-dessus sont des titres).",

  // Progress on stderr (inputs over 10 000 rows).
  PROGRESS_READ: "Lecture de « {path} »…",
  PROGRESS_ROWS: "{n} lignes lues ({seconds} s) ; analyse du tableau…",
  PROGRESS_SCORE: "{n} clients lus ({seconds} s) ; calcul des classes…",
  PROGRESS_PLAN: "Classes calculées ({seconds} s) ; préparation des feuilles…",
  PROGRESS_WRITE: "Écriture de « {path} » ({seconds} s)…",
  PROGRESS_DONE: "Terminé en {seconds} s.",

  // The summary of pac plan (stdout).
  SUMMARY_TITLE: "PAC Commercial — plan d'actions écrit",
  SUMMARY_SOURCE_SHEET: "Source : {path}, feuille « {sheet} » ({shape})",
  SUMMARY_SOURCE: "Source : {path} ({shape})",
  SHAPE_CLIENTS: "tableau clients",
  SHAPE_JOURNAL: "journal des ventes",
  SUMMARY_READ: "Lus : {clients} clients et {prospects} prospects ({rows} lignes) ; {rejected} cellule(s) rejetée(s)",
  SUMMARY_ABC: "Classes ABC : A {a} · B {b} · C {c}",
  SUMMARY_CAPITAL: "Capital de contacts : {capital} par an ; besoin d'entretien : {need} contacts → {reps} commercial(aux)",
  SUMMARY_OUTPUT: "Classeur : {path} (feuilles ajoutées : {sheets})",
  SUMMARY_WARNINGS: "À vérifier ({n}) :",
  SUMMARY_MORE: "  … et {n} autre(s) remarque(s).",
} as const;

export type CliMessageKey = keyof typeof cliMessagesFr;
