/**
 * Labels and "pourquoi" templates of the planning methods: effort objectives and growth (SPEC §10), prospect
 * targeting and the Ep score (§11), the conquest split (§8). The engine returns codes and numbers; the words are
 * here, in Pascal Py's terms. Amounts in the params are whole currency units, shares are fractions.
 */
export const objectivesLabelsFr = {
  "prospects.status.retained": "retenu",
  "prospects.status.rejected": "écarté",
  "prospects.status.unscored": "non noté",
  "prospects.criterion.pertinence": "Pertinence",
  "prospects.criterion.credibility": "Crédibilité",
  "prospects.criterion.attractiveness": "Attractivité pour nous",
  "prospects.criterion.our_attractiveness": "Notre attractivité pour lui",
  "prospects.criterion.potential": "Potentiel",
  "prospects.reason.rules_met": "Pertinence, crédibilité et double attractivité au moins à 3",
  "prospects.reason.pertinence": "Pertinence sous 3",
  "prospects.reason.credibility": "Crédibilité sous 3",
  "prospects.reason.double_attractiveness": "Pas de double attractivité (une attractivité sous 3)",
  "prospects.reason.potential": "Sans critères : le potentiel sert de score",
  "prospects.reason.equal": "Ni critères ni potentiel : part égale",
  "prospects.reason.blank": "Critère vide : non noté",
  "prospects.reason.not_number": "Critère non numérique : non noté",
  "prospects.reason.out_of_range": "Note hors de l'échelle 1 à 5 : non noté",
  "objective.rule.develop": "Développer : croissance",
  "objective.rule.develop_capped": "Développer, plafonné au potentiel",
  "objective.rule.maintain": "Entretenir : croissance de base",
  "objective.rule.secure": "Sécuriser : CA tenu",
  "objective.rule.abc_growth": "Sans P-R, classe A ou B : croissance de base",
  "objective.rule.abc_hold": "Sans P-R, classe C : CA tenu",
  "objective.rule.aging_hold": "Vieillissement : CA tenu",
  "objective.rule.no_ca": "Pas de CA : objectif à fixer",
  "effort.more_engaged": "Être plus engagé",
  "effort.less_contact_eater": "Être moins Contactivore",
  "effort.improve_pr": "Améliorer son P-R",
  "effort.stop_decline": "Enrayer le vieillissement",
  "effort.gain_maturity": "Gagner en maturité",
  "effort.gain_rank": "Gagner un rang",
  "effort.hold_rank": "Garder son rang",
  "engagement.loss_likely": "Perte du client probable",
  "engagement.revenue_at_risk": "Risque de perte de CA",
  "engagement.to_build": "Fidélité à construire",
  "engagement.engaged": "Engagé",
  "growth.verdict.current_suffices": "La clientèle actuelle suffit",
  "growth.verdict.conquest_covers": "La conquête prévue comble l'écart",
  "growth.verdict.missing": "Conquête nécessaire",
  "growth.source.D": "en démarrage (D)",
  "growth.source.C": "de classe C",
  "growth.source.all": "du portefeuille",
  "growth.source.none": "introuvable",
} as const;

export type ObjectivesLabelKey = keyof typeof objectivesLabelsFr;

export const objectivesWhyFr = {
  "prospects.retained":
    "Retenu : pertinence {pertinence}, crédibilité {credibility}, attractivité pour nous {attractiveness}, notre attractivité pour lui {ourAttractiveness}, toutes au moins à 3 ; Ep = {ep} sur 100.",
  "prospects.rejected.pertinence":
    "Écarté : pertinence {pertinence}, sous 3 (notre offre ne répond pas à un vrai besoin du prospect) ; Ep = {ep} sur 100.",
  "prospects.rejected.credibility":
    "Écarté : crédibilité {credibility}, sous 3 (nous ne sommes pas crédibles pour ce prospect) ; Ep = {ep} sur 100.",
  "prospects.rejected.double_attractiveness":
    "Écarté : pas de double attractivité (attractivité pour nous {attractiveness}, notre attractivité pour lui {ourAttractiveness} ; il faut les deux au moins à 3) ; Ep = {ep} sur 100.",
  "prospects.potential": "Retenu sans critères : son potentiel ({potential}) sert de score.",
  "prospects.equal": "Retenu sans critères ni potentiel : part égale de la conquête.",
  "prospects.unscored.blank": "Non noté : « {criterion} » est vide.",
  "prospects.unscored.not_number": "Non noté : « {criterion} » vaut « {value} », pas un nombre.",
  "prospects.unscored.out_of_range": "Non noté : « {criterion} » vaut {value}, hors de l'échelle de 1 à 5.",
  "prospects.warning.blank": "Prospect ligne {row} : « {criterion} » est vide ; ce prospect n'est pas noté.",
  "prospects.warning.not_number":
    "Prospect ligne {row} : « {criterion} » vaut « {value} », pas un nombre ; ce prospect n'est pas noté.",
  "prospects.warning.out_of_range":
    "Prospect ligne {row} : « {criterion} » vaut {value}, hors de l'échelle de 1 à 5 ; ce prospect n'est pas noté.",
  "prospects.warning.no_score":
    "Ni critères de notation ni potentiel pour les prospects : la conquête est partagée à parts égales.",
  "conquest.share":
    "Conquête : score {score}, part exacte {quota} du budget de {budget} → {planned} {planned|contact|contacts} (plus forts restes, entre 1 et {cap}).",
  "conquest.capped":
    "Conquête : score {score}, part exacte {quota} ramenée au plafond de {cap} {cap|contact|contacts} par prospect.",
  "conquest.floor": "Conquête : score {score}, part exacte {quota} portée au plancher de 1 contact.",
  "conquest.short_first":
    "Conquête : {budget} {budget|contact|contacts} pour {retained} {retained|prospect retenu|prospects retenus} ; rang {rank} par score, il en reçoit 1.",
  "conquest.short_none":
    "Conquête : {budget} {budget|contact|contacts} pour {retained} {retained|prospect retenu|prospects retenus} ; rang {rank} par score, il n'en reçoit aucun.",
  "conquest.not_retained": "Pas de contact de conquête : prospect non retenu.",
  "conquest.summary":
    "{budget} {budget|contact|contacts} de conquête pour {retained} {retained|prospect retenu|prospects retenus} : {placed} {placed|placé|placés}, {rest} en réserve.",
  "conquest.rest":
    "Tous les prospects retenus ont atteint le plafond de {cap} {cap|contact|contacts} : {rest} {rest|contact reste|contacts restent} en réserve de conquête.",
  "conquest.no_retained":
    "Aucun prospect retenu : {budget} {budget|contact|contacts} de conquête {budget|reste|restent} une réserve à planifier.",
  "conquest.short":
    "Budget de conquête ({budget}) inférieur au nombre de prospects retenus ({retained}) : 1 contact à chacun des meilleurs scores (ex æquo : ordre du fichier).",
  "conquest.cap_zero": "Pas de contact de conquête : le plafond de contacts par prospect est à 0.",
  "prospects.warning.criteria_missing":
    "Colonne « {criterion} » absente ou vide pour tous les prospects ; la règle de Pascal Py demande les quatre critères : la conquête est répartie sans eux.",
  "objective.develop": "{code} : potentiel non capté, +{rate} → objectif {objective} €.",
  "objective.develop_capped":
    "{code} : potentiel non capté, +{rate} plafonné au potentiel ({potential} €) → objectif {objective} €.",
  "objective.maintain": "{code} : position à entretenir, +{rate} → objectif {objective} €.",
  "objective.secure": "{code} : position à sécuriser, CA tenu → objectif {objective} €.",
  "objective.abc_growth": "Sans P-R, classe {cls} : +{rate} → objectif {objective} €.",
  "objective.abc_hold": "Sans P-R, classe C : CA tenu → objectif {objective} €.",
  "objective.aging_hold": "Client en vieillissement (V) : on tient le CA, jamais de croissance → objectif {objective} €.",
  "objective.no_ca": "Pas de CA positif sur la période ({ca} €) : objectif 0, à fixer par le commercial.",
  "effort.more_engaged": "Être plus engagé : {engagement}, l'amener vers les produits qu'un client engagé garde.",
  "effort.less_contact_eater": "Être moins Contactivore : plus de CA par contact, ou des contacts moins coûteux (à distance).",
  "effort.improve_pr": "Améliorer son P-R : de {code} vers R{p}, capter le potentiel.",
  "effort.stop_decline": "Enrayer le vieillissement : ramener le CA à la stabilité (maturité).",
  "effort.gain_maturity": "Gagner en maturité : client en {phase}, installer la relation dans la durée.",
  "effort.gain_rank": "Gagner un rang : de {from} à {to}.",
  "effort.hold_rank": "Garder son rang ({from}) : défendre la position.",
  "growth.asked": "Objectif demandé : CA de {lastCa} € + {rate} = {asked} €.",
  "growth.conquest_ca":
    "CA de conquête : {retained} {retained|prospect retenu|prospects retenus} × {rate} de conversion × {value} € (médiane des clients {source}) = {conquest} €.",
  "growth.current_suffices":
    "La clientèle actuelle suffit : ses objectifs font {objectives} € pour {asked} € demandés.",
  "growth.conquest_covers":
    "La clientèle actuelle ne suffit pas ({objectives} € pour {asked} € demandés) : la conquête prévue ({conquest} €) comble l'écart.",
  "growth.missing": "Il manque {missing} € : conquête nécessaire, soit {n} {n|prospect|prospects} de plus à convertir.",
  "growth.missing_no_value":
    "Il manque {missing} € : conquête nécessaire, mais aucun client de référence ne donne la valeur d'un prospect converti.",
} as const;

export type ObjectivesWhyKey = keyof typeof objectivesWhyFr;
