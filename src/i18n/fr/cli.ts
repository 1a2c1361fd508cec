/**
 * Every text of the command line (`src/cli`), in French (the reference catalogue). Placeholders: `{option}` an
 * option as typed ("--weeks"), `{value}` what the user gave, `{path}` a file path, `{n}` a count.
 */
export const cliMessagesFr = {
  HELP: `PAC Commercial — ciblage des clients et Plan d'Actions Commerciales, en ligne de commande.

Usage :
  pac plan <clients.xlsx|clients.csv> [options]    écrit le classeur PAC (feuilles Cibles, Contacts, PAC,
                                                    Prospects, Fiches clients, Remarques, Catalogue)
  pac score <clients.xlsx|clients.csv> [options]   affiche les classes de chaque client (CSV ou JSON)
  pac exercice <clients.xlsx|clients.csv> [options]
                                                    écrit un exercice (classeur de l'élève, réponses
                                                    vérifiées) et son corrigé ; aide : pac exercice --help
  pac --help                                        cette aide

Entrée : un tableau clients (une ligne par client : Client, CA 2024, CA 2025, Potentiel, Visites…) ou un
journal des ventes (une ligne par facture : N° facture, Date, Client, Montant) ; la forme est reconnue
d'après les en-têtes. CSV : séparateur « ; » (ou « , », tabulation), UTF-8 avec ou sans BOM.

Options de pac plan et pac score :
  --sheet NOM                     feuille du classeur à lire ; par défaut, la feuille visible dont l'en-tête
                                  se lit le mieux comme un tableau clients ou un journal (à égalité, la
                                  première) ; --sheet all combine les feuilles de mêmes colonnes, --sheet
                                  "A,B" les feuilles nommées
  --verbose                       affiche toutes les remarques sur la sortie d'erreur
  --reference-date AAAA-MM-JJ     date de calcul de la récence (par défaut : lendemain du dernier achat lu)
  --capital N                     capital de contacts annuel du commercial
  --weeks N --days N --per-day N  ou capital = semaines travaillées × jours de terrain par semaine × contacts
                                  par jour (par défaut : 45 × 4 × 3 = 540 ; une valeur absente garde
                                  son défaut : --weeks 40 seul donne 40 × 4 × 3)
  --lang fr|en                    langue du classeur écrit et des messages (par défaut : fr)
  --types FICHIER                 table « Famille ; Type » (CSV ou .xlsx) des types de produits FiLo, FiFo,
                                  LiFo, LiLo, pour l'engagement par type de produit ; il faut un journal
                                  avec une colonne produit ou famille (le fichier lu, ou une feuille du
                                  même classeur). Sans --types, les types proposés d'après le journal
                                  sont affichés, à confirmer, et l'engagement n'est pas calculé

pac plan :
  --out FICHIER.xlsx              classeur écrit (par défaut : <entrée>-PAC.xlsx, à côté de l'entrée) ;
                                  les feuilles d'un classeur d'entrée y sont recopiées telles quelles
  --replace (ou --force)          remplace le fichier de sortie s'il existe (sinon : erreur), et les
                                  feuilles Cibles, Contacts et PAC écrites par PAC Commercial ; une feuille
                                  à vous de même nom est toujours gardée (le plan va dans « Cibles (2) »…)
  --growth N%                     croissance du CA demandée par la direction (par défaut : 5 %) ; « 5 »,
                                  « 5% » et « 2,5% » sont acceptés, le nombre est toujours un pourcentage
  --conversion N%                 part des prospects retenus qui deviendront clients (par défaut : 25 %)
                                  Le résumé compare l'objectif demandé à ce que les clients apportent
                                  (leurs objectifs d'effort) et à la conquête, et donne le verdict.

pac score :
  --format csv|json               sortie sur la console (par défaut : csv ; en français « ; » et virgule
                                  décimale, avec --lang en « , » et point) ; une ligne par client et par
                                  prospect, dans l'ordre du fichier ; objective_ca et objective_reason
                                  (objectif de CA et sa raison) pour les clients, prospect_status
                                  (retenu, écarté, non noté), ep (score d'effort 0 à 100) et conquete
                                  (contacts de conquête) pour les prospects ; engagement, ca_at_risk
                                  (CA N-1 des familles arrêtées) et ideal (matrice du client idéal) ;
                                  les remarques vont sur la sortie d'erreur

Codes de sortie : 0 réussite, 2 entrée incorrecte (fichier, option, données), 1 erreur interne.

Exemples :
  pac plan clients.xlsx --weeks 45 --days 4 --per-day 3 --out PAC-2026.xlsx
  pac plan clients.xlsx --growth 8% --conversion 20%
  pac plan clients.xlsx --types types.csv
  pac score ventes.csv --format json > classes.json`,

  // Arguments (exit code 2).
  NO_COMMAND: "Aucune commande : tapez « pac plan <fichier> » ou « pac score <fichier> » (aide : pac --help).",
  UNKNOWN_COMMAND: "Commande inconnue « {value} » : les commandes sont plan, score et exercice (aide : pac --help).",
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
  BAD_DATE: "--reference-date attend une date AAAA-MM-JJ, par exemple 2025-12-31, pas « {value} ».",
  BAD_LANG: "--lang attend fr ou en, pas « {value} ».",
  BAD_FORMAT: "--format attend csv ou json, pas « {value} ».",
  BAD_OUT: "--out doit nommer un classeur .xlsx, pas « {value} ».",
  BAD_GROWTH: "--growth attend une croissance en pourcentage, plus de -100 % et au plus 1 000 %, par exemple 5% ou 2,5%, pas « {value} ».",
  BAD_CONVERSION: "--conversion attend un taux de conversion de 0 à 100 %, par exemple 25%, pas « {value} ».",

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
  ONLY_PROSPECTS: "{n} {n|ligne lue, un prospect sans CA|lignes lues, toutes des prospects sans CA}.",
  SCORING_FAILED: "Rien à noter dans « {source} » : {reason}",
  WRITE_FAILED: "Impossible d'écrire « {path} » ({reason}) ; un fichier précédent de ce nom est intact.",
  WRITE_FULL: "Impossible d'écrire « {path} » : disque plein ou quota atteint ; un fichier précédent de ce nom est intact.",
  WRITE_TOO_BIG: "Impossible d'écrire « {path} » : taille au-delà de la limite de fichier du système ; un fichier précédent de ce nom est intact.",
  WRITE_DENIED: "Impossible d'écrire « {path} » : accès refusé (dossier protégé ou en lecture seule).",
  WRITE_UNVERIFIED: "Le classeur écrit pour « {path} » ne se relit pas ({reason}) : il n'a pas remplacé le fichier. Relancez avec PAC_DEBUG=1 et signalez-le.",
  SAME_AS_INPUT: "--out désigne le fichier d'entrée « {path} » (même fichier, lien ou raccourci) : choisissez un autre nom pour ne pas l'écraser.",
  OUT_EXISTS: "« {path} » existe déjà : ajoutez --replace pour le remplacer, ou choisissez un autre nom avec --out.",
  OUT_IS_DIR: "--out désigne un dossier, « {path} » : donnez un nom de fichier .xlsx.",
  CSV_UNTERMINATED: "« {path} », ligne {line} : un guillemet ouvert n'est jamais fermé ; les lignes suivantes seraient lues comme un seul nom. Corrigez la ligne {line}.",
  CSV_TOO_MANY_FIELDS: "« {path} », ligne {line} : plus de {limit} colonnes, la limite d'une feuille Excel.",
  CSV_FIELD_TOO_LONG: "« {path} », ligne {line} : une cellule de plus de {limit} caractères ; ce n'est pas un tableau de clients.",
  CSV_LINE_TOO_LONG: "« {path} », ligne {line} : une ligne de plus de {limit} caractères ; ce n'est pas un tableau de clients.",
  TOO_MANY_ROWS: "« {source} » compte {n} lignes : une feuille Excel en tient au plus {limit}, le classeur ne pourrait pas les recopier. Découpez le fichier.",
  TOO_MANY_CLIENTS: "« {source} » compte {n} clients : au-delà de {limit}, le calcul dépasserait la mémoire donnée à Node ({memory} Mo). Découpez le portefeuille (par secteur, par commercial) ou relancez avec NODE_OPTIONS=--max-old-space-size=8192.",
  PLAN_TOO_BIG: "Le plan de {n} clients ne tient pas dans un classeur : la feuille « {sheet} » demanderait {rows} lignes, Excel en permet {limit}. Utilisez pac score pour ce volume, ou découpez le portefeuille.",
  SHEETS_DIFFER: "--sheet : les feuilles {sheets} n'ont pas les mêmes colonnes que « {first} » ; seules des feuilles de même forme se combinent.",
  NO_SHEET_TO_COMBINE: "--sheet all : aucune feuille visible de « {path} » n'a d'en-tête de tableau clients ou de journal.",
  UNEXPECTED: "Erreur interne : {reason}. Relancez avec PAC_DEBUG=1 pour le détail et signalez-la.",

  // Warnings on stderr (the command goes on).
  SHEET_IGNORED: "Attention : --sheet ne s'applique qu'à un classeur .xlsx ; ignorée pour « {path} ».",
  CSV_NOT_UTF8: "Attention : « {path} » n'est pas en UTF-8 valide (premier octet invalide : ligne {line}, colonne {column}, octet {byte}) ; lu comme Windows-1252. Vérifiez les accents.",
  WARNING_LINE: "  - {text}",
  WARNINGS_NOT_KEPT: "  … et {n} {n|autre remarque de lecture non détaillée|autres remarques de lecture non détaillées} par le rapport.",
  HEADER_MOVED: "En-tête lu à la ligne {row} (les lignes au-dessus sont des titres).",

  // Progress on stderr (inputs over 10 000 rows).
  PROGRESS_READ: "Lecture de « {path} »…",
  PROGRESS_ROWS: "{n} {n|ligne lue|lignes lues} ({seconds} s) ; analyse du tableau…",
  PROGRESS_SCORE: "{n} {n|client lu|clients lus} ({seconds} s) ; calcul des classes…",
  PROGRESS_PLAN: "Classes calculées ({seconds} s) ; préparation des feuilles…",
  PROGRESS_WRITE: "Écriture de « {path} » ({seconds} s)…",
  PROGRESS_DONE: "Terminé en {seconds} s.",

  // The summary of pac plan (stdout).
  SUMMARY_TITLE: "PAC Commercial — plan d'actions écrit",
  SUMMARY_SOURCE_SHEET: "Source : {path}, feuille « {sheet} » ({shape})",
  SUMMARY_SOURCE_CHOSEN: "Source : {path}, feuille « {sheet} » ({shape} ; choisie parmi {count} feuilles, la mieux reconnue)",
  SUMMARY_SOURCE_ACTIVE: "Source : {path}, feuille « {sheet} » ({shape} ; aucune feuille n'a d'en-tête reconnu : la feuille active est lue)",
  SUMMARY_SOURCE_FIRST: "Source : {path}, feuille « {sheet} » ({shape} ; aucune feuille n'a d'en-tête reconnu : la première est lue)",
  SUMMARY_SOURCE_COMBINED: "Source : {path}, {count} feuilles combinées ({shape}) : {parts}",
  SUMMARY_SHEET_PART: "« {sheet} » lignes {from} à {to}",
  SUMMARY_SOURCE: "Source : {path} ({shape})",
  SHAPE_CLIENTS: "tableau clients",
  SHAPE_JOURNAL: "journal des ventes",
  SUMMARY_READ: "Lus : {clients} {clients|client|clients} et {prospects} {prospects|prospect|prospects} ({rows} {rows|ligne|lignes}) ; {rejected} {rejected|cellule rejetée|cellules rejetées}",
  SUMMARY_ABC: "Classes ABC : A {a} · B {b} · C {c}",
  SUMMARY_CAPITAL: "Capital de contacts : {capital} par an ; besoin d'entretien : {need} {need|contact|contacts} → {reps} {reps|commercial|commerciaux}",
  SUMMARY_CAPITAL_NO_REPS: "Capital de contacts : {capital} par an ; besoin d'entretien : {need} {need|contact|contacts}",
  SUMMARY_OUTPUT: "Classeur : {path} (feuilles ajoutées : {sheets})",
  SUMMARY_REPLACED: "Remplacées (écrites par PAC Commercial) : {sheets}",
  SUMMARY_KEPT: "Gardées, car ce sont vos feuilles et non celles de PAC Commercial : {sheets} ; le plan est écrit à côté.",
  SUMMARY_INVALID_CHARS: "Caractères interdits dans un classeur retirés : {n} (première cellule : {cell})",
  SUMMARY_TRUNCATED: "{n} {n|texte coupé|textes coupés} à 32 767 caractères, la limite d'une cellule Excel (première cellule : {cell})",
  SUMMARY_MACROS: "Macros (VBA) du classeur d'entrée non recopiées : un fichier .xlsx ne peut pas en contenir",
  SUMMARY_WARNINGS: "À vérifier ({n}) :",
  SUMMARY_GROWTH:
    "Objectif : CA {lastCa} € + {rate} = {asked} € ; les clients apportent {objectives} € (objectifs d'effort) ; conquête : {retained} {retained|prospect retenu|prospects retenus} × {conversion} de conversion = {conquest} €",
  SUMMARY_VERDICT: "Verdict : {verdict}",
  SUMMARY_MORE: "  … et {n} {n|autre remarque|autres remarques} (--verbose pour toutes les afficher).",

  // Fidelity (issue 16): --types, engagement by product type, the ideal client.
  TYPES_UNREADABLE: "--types « {path} » : {reason}",
  TYPES_NO_TABLE: "--types « {path} » : aucune feuille n'a de colonne « Type » (FiLo, FiFo, LiFo, LiLo) et de colonne de familles.",
  TYPES_IGNORED: "Attention : --types est ignoré, car {reason}",
  TYPES_ISSUE: "Table des types « {path} » : {text}",
  SUMMARY_JOURNAL: "Familles de produits : {n} {n|famille|familles} lues dans la colonne « {column} » de {source}",
  SUMMARY_ENGAGEMENT:
    "Engagement : perte probable {loss} · risque de perte de CA {risk} · engagés {engaged} · à fidéliser {build} ; CA en risque {atRisk} €, dont {leavingAtRisk} € chez les {leaving} {leaving|client|clients} sur le départ",
  SUMMARY_ENGAGEMENT_OFF: "Engagement : non calculé, {reason}",
  SUMMARY_PROPOSED:
    "Types proposés d'après le journal, à confirmer (ils ne sont pas utilisés) : copiez ces lignes dans un fichier « Famille;Type », corrigez-les, puis relancez avec --types FICHIER",
  SUMMARY_PROPOSED_LINE: "  {family};{type}",
  SUMMARY_PROPOSED_MORE: "  … et {n} {n|autre famille|autres familles} (pac score les affiche toutes sur la sortie d'erreur)",
  SUMMARY_IDEAL: "Client idéal : idéaux {ideal} · heureux {happy} · à risque {atRisk} · à éviter {avoid}",
  SUMMARY_IDEAL_OFF: "Client idéal : non calculé, {reason}",
  SUMMARY_JOURNAL_UNMATCHED: "{n} {n|client du journal absent|clients du journal absents} du tableau des clients, {n|ignoré|ignorés} pour l'engagement",
} as const;

export type CliMessageKey = keyof typeof cliMessagesFr;
