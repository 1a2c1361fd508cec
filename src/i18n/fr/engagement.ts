/**
 * Labels and "pourquoi" templates of fidelity engagement by product type (SPEC §12, Pascal Py ch. 6) and of the
 * ideal-client matrix (§13). The class labels of engagement ("engagement.loss_likely"…) live with the objectives
 * (`./objectives`), which already name them. Amounts in the params are whole currency units, shares fractions;
 * `{family}` is a family label as the journal writes it, `{type}` one of FiLo, FiFo, LiFo, LiLo (Py's words, not
 * translated).
 */
export const engagementLabelsFr = {
  "ideal.class.ideal": "Clients idéaux",
  "ideal.class.happy": "Clients heureux",
  "ideal.class.at_risk": "Clients à risque",
  "ideal.class.avoid": "Clients à éviter",
  "ideal.reading.ideal": "à viser en priorité ; nous leur apportons beaucoup et ils nous le rendent bien",
  "ideal.reading.happy": "peu rentables mais heureux avec nous ; les garder, leur demander des recommandations",
  "ideal.reading.at_risk": "rentables mais nous ne leur apportons pas assez ; ils peuvent nous mettre en concurrence, à sécuriser",
  "ideal.reading.avoid": "trop de temps pour peu de CA ; réduire le temps passé",
  "ideal.column.productivity": "Productivité",
  "ideal.column.ca": "CA",
  "ideal.column.contacts": "Contacts",
  "ideal.column.value": "Valeur apportée",
  "engagement.type.FiLo": "FiLo (premier entré, dernier sorti) : produits de base, gardés jusqu'au bout",
  "engagement.type.FiFo": "FiFo (premier entré, premier sorti) : produits d'entrée, abandonnés tôt",
  "engagement.type.LiFo": "LiFo (dernier entré, premier sorti) : compléments, les premiers abandonnés quand le client s'en va",
  "engagement.type.LiLo": "LiLo (dernier entré, dernier sorti) : produits d'un client très engagé, qui les garde",
  "engagement.not_classed": "Non classé",
} as const;

export type EngagementLabelKey = keyof typeof engagementLabelsFr;

export const engagementWhyFr = {
  "engagement.why.loss_likely":
    "A cessé d'acheter la famille « {family} » ({type}, {amount} € en N-1) : perte du client probable ; CA en risque {atRisk} € ({stopped} {stopped|famille arrêtée|familles arrêtées}).",
  "engagement.why.revenue_at_risk":
    "A cessé d'acheter la famille « {family} » ({type}, {amount} € en N-1) : risque de perte de CA ; CA en risque {atRisk} € ({stopped} {stopped|famille arrêtée|familles arrêtées}).",
  "engagement.why.engaged": "Achète en N la famille « {family} » ({type}) et n'a arrêté aucune famille : client engagé.",
  "engagement.why.engaged_stopped":
    "Achète en N la famille « {family} » ({type}) : client engagé ; {stopped} {stopped|famille arrêtée|familles arrêtées} sans gravité, CA en risque {atRisk} €.",
  "engagement.why.to_build": "Aucune famille FiLo ni LiFo arrêtée, aucune famille LiLo achetée en N : fidélité à construire.",
  "engagement.why.to_build_stopped":
    "Aucune famille FiLo ni LiFo arrêtée, aucune famille LiLo achetée en N : fidélité à construire ; {stopped} {stopped|autre famille arrêtée|autres familles arrêtées}, CA en risque {atRisk} €.",
  "engagement.why.not_classed": "Aucun achat en N-1 ni en N : engagement non calculé.",
  "engagement.warning.untyped_family":
    "La famille « {family} » n'a pas de type dans la table des types : elle ne décide d'aucune classe (son arrêt compte dans le CA en risque).",
  "engagement.portfolio":
    "{lossLikely} {lossLikely|client|clients} en perte probable, {atRiskClients} en risque de perte de CA, {engaged} {engaged|engagé|engagés}, {toBuild} à fidéliser ; CA en risque {totalAtRisk} €.",
  "engagement.proposal":
    "Type proposé {type} : premier achat en médiane à {position} de l'historique de ses {buyers} {buyers|acheteur|acheteurs} ({first}) ; {kept} des {active} {active|acheteur encore actif|acheteurs encore actifs} en N l'achètent encore ({last}). À confirmer.",
  "engagement.proposal.no_active":
    "Pas de type proposé : aucun de ses {buyers} {buyers|acheteur|acheteurs} n'achète plus rien en N (premier achat en médiane à {position} de leur historique).",
  "engagement.proposal.no_buyer": "Pas de type proposé : aucun achat de cette famille (seulement des retours ou des annulations).",
  "engagement.not_covered":
    "Engagement non calculé : il compare les familles achetées en N-1 et en N, et le journal ne couvre pas N-1 (voir les dates ci-dessus).",
  "ideal.why":
    "Productivité {productivity} ({pSide} {pKind} {splitProductivity}), valeur apportée {value} ({vSide} {vKind} {splitValue}) → {cls} : {reading}.",
  "ideal.splits":
    "Séparations : {pKind} de la productivité = {splitProductivity} ; {vKind} de la valeur apportée = {splitValue} (« élevé » veut dire strictement au-dessus).",
  "ideal.unclassed.blank": "Non classé : « {column} » est vide.",
  "ideal.unclassed.not_number": "Non classé : « {column} » vaut « {value} », pas un nombre.",
  "ideal.unclassed.out_of_range": "Non classé : « {column} » vaut {value}, hors de l'échelle de 1 à 5.",
  "ideal.unclassed.zero_contacts": "Non classé : aucun contact sur la période, productivité indéfinie.",
  "ideal.unclassed.negative_contacts": "Non classé : « {column} » vaut {value}, un nombre de contacts ne peut pas être négatif.",
  "ideal.warning.blank": "Client ligne {row} : « {column} » est vide ; ce client n'est pas classé dans la matrice du client idéal.",
  "ideal.warning.not_number":
    "Client ligne {row} : « {column} » vaut « {value} », pas un nombre ; ce client n'est pas classé dans la matrice du client idéal.",
  "ideal.warning.out_of_range":
    "Client ligne {row} : « {column} » vaut {value}, hors de l'échelle de 1 à 5 ; ce client n'est pas classé dans la matrice du client idéal.",
  "ideal.warning.zero_contacts":
    "Client ligne {row} : aucun contact, productivité indéfinie ; ce client n'est pas classé dans la matrice du client idéal.",
  "ideal.warning.negative_contacts":
    "Client ligne {row} : « {column} » vaut {value}, négatif ; ce client n'est pas classé dans la matrice du client idéal.",
} as const;

export type EngagementWhyKey = keyof typeof engagementWhyFr;
