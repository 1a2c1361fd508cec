/**
 * Every message of the import (`src/io`): reading a client table or a sales journal. French is the reference.
 * Placeholders: `{row}` is the sheet row number; `{column}`, `{header}` a column title as the user wrote it;
 * `{value}` the cell as read; `{field}` / `{method}` / `{fields}` are ids translated by `ioMessage`.
 */
export const ioMessagesFr = {
  // The range as a whole (errors: nothing can be read).
  NO_ROWS: "Aucune ligne à lire : la plage est vide.",
  HEADER_ONLY: "Seule la ligne d'en-tête (ligne {row}) est présente : aucune donnée à lire.",
  NO_HEADER:
    "La ligne {row} ne ressemble pas à une ligne d'en-tête (elle contient la valeur « {value} ») : la première ligne doit donner les titres des colonnes, par exemple « Client », « CA 2025 ».",
  HEADER_BELOW: "La ligne {row} ressemble à la ligne d'en-tête ({headers}) : commencez la plage à cette ligne.",
  NO_ID_COLUMN: "Aucune colonne d'identifiant client reconnue (colonnes lues : {headers}) : choisissez-la dans la correspondance des colonnes.",
  NO_DATE_COLUMN: "Journal : aucune colonne de date reconnue (colonnes lues : {headers}).",
  NO_AMOUNT_COLUMN: "Journal : il faut une colonne Montant, ou les colonnes Quantité et Prix unitaire (colonnes lues : {headers}).",
  NO_DATA: "Aucune donnée : {n|la|les} {n} {n|ligne|lignes} sous l'en-tête {n|est vide|sont vides}.",
  NO_CLIENT: "Aucun client lisible : aucune ligne n'a d'identifiant client utilisable.",

  // The mapping of columns to fields.
  AMBIGUOUS_COLUMN: "Deux colonnes peuvent servir de « {field} » : « {header} » (retenue) et « {header2} » ; vérifiez la correspondance.",
  UNCERTAIN_COLUMN: "Colonne « {header} » prise comme « {field} » (correspondance incertaine, à vérifier).",
  PERIODS_MIXED: "Colonne « {header} » ignorée : les périodes sont lues par année et cette colonne est en N/N-1.",
  PERIOD_DUPLICATE: "Colonne « {header} » ignorée : la période {label} est déjà lue dans « {header2} ».",
  CONTACTS_DROPPED: "Colonne « {header} » ignorée : seules les deux dernières périodes de contacts sont lues.",
  PROSPECT_COLUMN_DROPPED: "Colonne « {header} » non prise comme indicateur de prospect : ses valeurs ne disent pas oui/non ou prospect/client.",

  // Assumptions, always shown so that nothing is guessed silently.
  TWO_ROW_HEADER: "En-tête sur deux lignes (lignes {row} et {row2}) : titres combinés, par exemple « {example} ».",
  CA_FROM_LATEST_PERIOD: "Pas de colonne « CA » seule : le CA retenu est celui de la dernière période, « {header} ».",
  PLAIN_CA_AS_N: "La colonne « {header} » est lue comme le CA de l'année N, après {label}.",
  RECENCY_FROM_DATES: "Récence = nombre de jours entre la date du dernier achat et la date de référence.",
  REFERENCE_DATE_DEFAULT: "Date de référence : {date}, lendemain de la dernière date lue ({last}).",
  REFERENCE_DATE_GIVEN: "Date de référence : {date} (choisie).",
  REFERENCE_DATE_BAD: "Date de référence « {value} » illisible (jj/mm/aaaa attendu) : {date} est utilisée à la place.",
  DATE_ORDER_MDY: "Colonne « {column} » : dates lues en mois/jour/année, car « {value} » est impossible en jour/mois/année ; vérifiez.",
  DATE_ORDER_MIXED:
    "Colonne « {column} » : dates en jour/mois et en mois/jour mélangées (par exemple « {value} ») ; lues en jour/mois/année, {n} {n|date impossible rejetée|dates impossibles rejetées}.",
  DATE_1904: "Numéros de série de date lus dans le calendrier 1904 (ancien classeur Mac).",
  AMOUNT_FROM_QTY_PRICE: "Montant de ligne = « {header} » × « {header2} ».",
  AMOUNT_FROM_COLUMN: "Montant de ligne lu dans la colonne « {header} ».",
  PURCHASE_RULE:
    "Achat = facture dont le numéro ne commence pas par « C » et dont le total pour le client est positif ; fréquence = nombre de ces factures ; montant = somme de toutes les lignes, annulations et retours compris.",
  NO_INVOICE_COLUMN: "Pas de colonne de numéro de facture : chaque jour où un client a acheté compte pour un achat (fréquence = jours d'achat distincts).",
  PERIODS_ROLLING:
    "Périodes de 12 mois glissants avant la date de référence, jamais des années civiles : N-1 du {n1Start} au {n1End}, N du {nStart} au {nEnd}.",

  // One cell.
  CELL_TEXT: "Ligne {row}, « {column} » : « {value} » n'est pas un nombre.",
  CELL_ERROR: "Ligne {row}, « {column} » : la cellule contient l'erreur {value}.",
  CELL_BOOLEAN: "Ligne {row}, « {column} » : valeur logique {value} au lieu d'un nombre.",
  CELL_DATE: "Ligne {row}, « {column} » : date {value} au lieu d'un nombre.",
  CELL_BLANK: "Ligne {row}, « {column} » : cellule vide, laissée vide (jamais remplacée par 0).",
  DATE_INVALID: "Ligne {row}, « {column} » : « {value} » n'est pas une date lisible (jj/mm/aaaa attendu).",
  DATE_OUT_OF_RANGE: "Ligne {row}, « {column} » : date {value} improbable (avant 1950 ou après 2099).",
  DATE_PHANTOM: "Ligne {row}, « {column} » : le numéro de série 60 désigne le 29/02/1900, qui n'existe pas (erreur héritée d'Excel).",
  NEGATIVE_COUNT: "Ligne {row}, « {column} » : un nombre négatif ({value}) n'est pas possible ici.",
  FLAG_UNREADABLE: "Ligne {row}, « {column} » : « {value} » ne dit ni oui ni non (oui/non, x, prospect/client attendus).",
  CRITERION_OUT_OF_RANGE:
    "Ligne {row}, « {column} » : la note {value} est hors de l'échelle de 1 à 5 ; ce prospect ne sera pas noté.",
  NEGATIVE_AMOUNT: "Ligne {row}, « {column} » : montant négatif ({value}) conservé, à vérifier (avoirs, retours ?).",

  // Rows of a client table.
  EMPTY_ROWS: "{n} {n|ligne vide ignorée|lignes vides ignorées} : {rows}.",
  ROW_NO_ID: "Ligne {row} : pas d'identifiant client, ligne ignorée.",
  ROW_ID_ERROR: "Ligne {row} : l'identifiant client contient l'erreur {value}, ligne ignorée.",
  TOTAL_ROW: "Ligne {row} : ligne de total « {value} » exclue.",
  TOTAL_ROW_UNLABELLED: "Ligne {row} : sans client et égale à la somme des lignes au-dessus, lue comme une ligne de total et exclue.",
  DUPLICATE_ID_KEPT: "Client « {id} » présent lignes {rows} : lignes gardées séparément (choisissez « fusionner » pour les regrouper).",
  DUPLICATE_ID_MERGED: "Client « {id} » présent lignes {rows} : lignes fusionnées, montants et contacts additionnés.",
  DUPLICATE_ROW_DROPPED: "Ligne {row} : copie exacte de la ligne {row2} (client « {id} »), ignorée.",
  REPEATED_HEADER: "Ligne {row} : en-tête répété, ignoré.",

  // Lines of a journal.
  LINE_BLANK: "Ligne {row}, « {column} » : cellule vide, ligne ignorée.",
  LINE_NO_CLIENT: "Ligne {row} : pas d'identifiant client, ligne non affectée.",
  LINES_NO_CLIENT: "{n} {n|ligne|lignes} sans identifiant client, pour un montant de {amount} : {n|comptée|comptées} à part, non {n|affectée|affectées} à un client.",
  LINES_REJECTED: "{n} {n|ligne ignorée car sa|lignes ignorées car leur} date ou {n|son|leur} montant est illisible (détail par ligne).",
  DUPLICATE_LINE: "Ligne {row} : identique à la ligne {row2}, conservée.",
  DUPLICATE_LINES: "{n} {n|ligne identique|lignes identiques} à une ligne précédente, {n|conservée|conservées} (un journal peut répéter une ligne) : vérifiez qu'il ne s'agit pas d'un double import.",
  INVOICE_BLANK: "Ligne {row} : numéro de facture vide, la ligne compte avec les autres lignes du même client et du même jour.",
  CLIENTS_WITHOUT_PURCHASE:
    "{n} {n|client|clients} sans aucun achat (seulement des annulations ou des factures de total nul ou négatif) : récence et dates d'achat non calculées (par exemple « {id} »).",
  NEGATIVE_MONETARY: "{n} {n|client|clients} avec un montant total négatif (retours supérieurs aux achats), {n|conservé|conservés} (par exemple « {id} »).",
  PERIODS_NOT_COVERED:
    "Le journal couvre du {first} au {last} ; la maturité et l'élasticité comparent N-1 (du {n1Start} au {n1End}) à N (du {nStart} au {nEnd}) et demandent des ventes depuis le {n1Start}. Il manque la période du {n1Start} au {missingEnd} : maturité et élasticité non calculées. Ajoutez les ventes manquantes (par exemple l'onglet de l'année précédente).",
  LINES_AFTER_REFERENCE: "{n} {n|ligne datée|lignes datées} après la date de référence {date} : récence négative pour les clients concernés.",

  // Methods that cannot run with the columns found.
  MISSING_FIELDS: "{method} : il manque {fields}.",
  MISSING_PERIODS: "{method} : il faut au moins deux périodes de CA (par exemple « CA N-1 » et « CA N ») ; {n} {n|trouvée|trouvées}.",

  // Product families (engagement, SPEC §12) and the value brought (ideal client, §13).
  FAMILY_FROM_COLUMN:
    "Familles de produits lues dans la colonne « {header} » ({field}) : {n} {n|famille|familles} ; les types (FiLo, FiFo, LiFo, LiLo) sont à donner ou à confirmer.",
  LINES_NO_FAMILY:
    "{n} {n|ligne|lignes} sans famille de produit dans « {header} » : {n|comptée|comptées} dans le CA du client, dans aucune famille.",
  ENGAGEMENT_NOT_COVERED:
    "Engagement par type de produit non calculé : il compare les familles achetées en N-1 et en N, et le journal ne couvre pas N-1 (dates ci-dessus).",
  VALUE_OUT_OF_RANGE:
    "Ligne {row}, « {column} » : la note {value} est hors de l'échelle de 1 à 5 ; ce client ne sera pas classé dans la matrice du client idéal.",

  TYPE_TABLE_NO_COLUMNS:
    "Table des types : il faut une colonne « Type » (FiLo, FiFo, LiFo, LiLo) et une colonne de familles (colonnes lues : {headers}).",
  TYPE_UNKNOWN:
    "Ligne {row}, « {column} » : « {value} » n'est pas un type (FiLo, FiFo, LiFo ou LiLo) ; la famille « {family} » reste sans type.",
  TYPE_FAMILY_TWICE:
    "Ligne {row} : la famille « {family} » est déjà typée {value} plus haut ; le type {value2} est ignoré.",
  TYPE_FAMILIES_UNKNOWN:
    "{n} {n|famille|familles} de la table des types {n|absente|absentes} du journal, {n|ignorée|ignorées} (par exemple « {family} »).",
  TYPE_FAMILIES_UNTYPED:
    "{n} {n|famille|familles} du journal sans type : {n|elle ne décide|elles ne décident} d'aucune classe d'engagement (par exemple « {family} »).",

  ISSUES_NOT_SHOWN: "{n} {n|autre message|autres messages} du même type non {n|affiché|affichés} (comptés dans le total).",
} as const;

export type IoMessageKey = keyof typeof ioMessagesFr;

/** Labels of the fields, for the wizard's column dropdowns and for messages. */
export const ioFieldLabelsFr = {
  id: "Identifiant client",
  name: "Nom du client",
  ca: "CA",
  periods: "CA par période",
  potential: "Potentiel",
  frequency: "Fréquence (nombre de commandes)",
  recency: "Récence (jours)",
  lastPurchase: "Date du dernier achat",
  firstPurchase: "Date du premier achat",
  contacts: "Contacts (période N)",
  contactsBefore: "Contacts (période N-1)",
  prospect: "Prospect (oui/non)",
  pertinence: "Pertinence (1 à 5)",
  credibility: "Crédibilité (1 à 5)",
  attractiveness: "Attractivité pour nous (1 à 5)",
  ourAttractiveness: "Notre attractivité pour lui (1 à 5)",
  value: "Valeur apportée / satisfaction (1 à 5)",
  family: "Famille de produit",
  product: "Code produit",
  description: "Description du produit",
  invoice: "N° de facture",
  date: "Date",
  quantity: "Quantité",
  unitPrice: "Prix unitaire",
  amount: "Montant de la ligne",
} as const;

export type IoFieldKey = keyof typeof ioFieldLabelsFr;

/** Labels of the methods, with the ids the engine uses. */
export const ioMethodLabelsFr = {
  rfm: "RFM",
  abc: "ABC (Pareto 20/80)",
  quartiles: "Méthode des interquartiles",
  pr: "P-R",
  elasticity: "Élasticité",
  contacts: "Matrice de rentabilité des contacts",
  maturity: "Maturité (D/C/M/V)",
  allocation: "Capital de contacts",
  engagement: "Engagement par type de produit (fidélité)",
  ideal: "Matrice du client idéal",
} as const;

export type IoMethodKey = keyof typeof ioMethodLabelsFr;

/** Small words used when messages list things. */
export const ioWordsFr = { or: "ou", more: "…", column: "colonne" } as const;
export type IoWordKey = keyof typeof ioWordsFr;
