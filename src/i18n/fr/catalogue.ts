/**
 * The action catalogue (SPEC §13, after Pascal Py's part II, « Concevez vos actions commerciales »), in French:
 * the families, the actions with a one-line description written by us (not the book's text), the targets, and
 * the texts of the « Catalogue » sheet and of the PAC's fidelity blocks. Which family an action belongs to, which
 * targets it suits and the default suggestions are language-neutral data in `src/plan/catalogue.ts`; the ids here
 * are the keys TypeScript checks the English catalogue and that data against.
 */
export const catalogueFamiliesFr = {
  conquest_proactive: "Conquête proactive",
  conquest_reactive: "Conquête réactive",
  reconquest: "Reconquête",
  satisfaction: "Satisfaction",
  loyalty: "Fidélisation",
  securing: "Sécurisation",
  retention: "Rétention",
  purchase_stimulation: "Stimulation des achats",
  effort_stimulation: "Stimulation des efforts du client",
} as const;

export type CatalogueFamilyId = keyof typeof catalogueFamiliesFr;

/** Each action: its name (unique: the drop-down lists show it) and what it means in one line. */
export const catalogueActionsFr = {
  door_to_door: { label: "Porte-à-porte", description: "Aller sans rendez-vous chez les entreprises d'un secteur pour obtenir un premier entretien." },
  outdoor: { label: "Actions d'outdoor", description: "Aller au-devant des passants ou des voisins (tracts, bons d'achat, animation) pour les faire venir." },
  networks: { label: "Réseaux et cercles", description: "Entrer dans les clubs, associations et réseaux où se retrouvent les décideurs visés." },
  partial_commitment: { label: "Proposition d'engagement partiel", description: "Proposer une première commande limitée (un produit, un site) plutôt que tout le marché." },
  trial_offer: { label: "Offre d'essai", description: "Faire essayer gratuitement ou à prix réduit pour lever le risque du premier achat." },
  referral: { label: "Parrainage", description: "Récompenser les clients qui recommandent un prospect qui devient client." },
  trade_fairs: { label: "Salons et foires", description: "Tenir un stand là où les prospects viennent s'informer, et relancer chaque contact pris." },
  sponsorship: { label: "Sponsoring et mécénat", description: "Associer le nom de l'entreprise à un événement ou une cause qui compte pour la cible." },
  events: { label: "Événementiel", description: "Organiser un événement (démonstration, conférence, inauguration) qui donne une raison de venir." },
  traffic: { label: "Intensification du trafic", description: "Multiplier les occasions de passage des clients (offres du moment, animations, relances)." },
  buying_contacts: { label: "Achat de contacts", description: "Acheter des fichiers ou des rendez-vous qualifiés, puis les contacter rapidement." },
  open_days: { label: "Journées portes ouvertes", description: "Inviter prospects et clients à voir l'entreprise, ses produits et ses équipes." },
  dissatisfaction_report: { label: "Constat écrit d'insatisfaction", description: "Faire écrire au client perdu ce qui l'a déçu, pour y répondre point par point." },
  personal_letter: { label: "Courrier personnalisé", description: "Écrire au client perdu : reconnaître le problème, dire ce qui a changé, proposer un rendez-vous." },
  direct_contact: { label: "Contact direct", description: "Appeler ou rencontrer le client perdu, écouter, puis proposer une reprise à l'essai." },
  conformity: { label: "Conformité", description: "Livrer exactement ce qui a été promis (délais, qualité, quantités) pour éviter le mécontentement." },
  relevance: { label: "Pertinence", description: "Vérifier que l'offre répond au vrai besoin du client, sans superflu ni gaspillage." },
  adjustment: { label: "Ajustement", description: "Adapter produit, service ou conditions à ce que le client attend, avant qu'il ne soit frustré." },
  innovation: { label: "Innovation", description: "Apporter au client une nouveauté utile qu'il n'attendait pas encore." },
  objective_attraction: { label: "Attraction objective", description: "Donner des raisons concrètes de rester : prix, service, conditions, avantages de fidélité." },
  emotional_attraction: { label: "Attraction émotionnelle", description: "Créer de l'attachement : attention personnelle, reconnaissance, relation suivie." },
  contract: { label: "Contractualisation", description: "Formaliser la relation par un contrat ou un accord-cadre qui fixe volumes et durée." },
  bypass_deciders: { label: "Contournement des décideurs", description: "Multiplier les interlocuteurs chez le client pour ne pas dépendre d'une seule personne." },
  complaint_handling: { label: "Traitement du mécontentement ponctuel", description: "Traiter chaque réclamation vite et jusqu'au bout, puis vérifier que le client est satisfait." },
  dissatisfaction_surveys: { label: "Exploitation des enquêtes d'insatisfaction", description: "Reprendre une à une les réponses insatisfaites d'une enquête et rappeler chaque client." },
  benchmark_protection: { label: "Protections contre le benchmark", description: "Rendre l'offre difficile à comparer (services associés, personnalisation) face aux concurrents." },
  formalisation_request: { label: "Demande de formalisation", description: "Demander au client qui s'éloigne de dire par écrit ce qui ne va pas, pour le corriger." },
  call_for_help: { label: "Appel à l'aide", description: "Dire franchement au client qu'on tient à lui et lui demander ce qu'il faudrait pour rester." },
  premium_promotions: { label: "Promotions avec primes", description: "Offrir un cadeau ou une prime au-delà d'un seuil d'achat ou pour un produit nouveau." },
  price_promotion: { label: "Promotion tarifaire", description: "Baisser le prix pour un temps, une quantité ou un produit, avec une fin annoncée." },
  fitting: { label: "Essayage", description: "Faire essayer au client un produit qu'il n'achète pas encore chez nous." },
  cross_selling: { label: "Cross selling", description: "Proposer les produits complémentaires de ceux que le client achète déjà." },
  up_selling: { label: "Up selling", description: "Proposer la gamme au-dessus, mieux adaptée ou plus complète, à la place du produit habituel." },
  raise_discourse: { label: "Élever le discours", description: "Parler des enjeux du client (rentabilité, image, clients) plutôt que du produit seul." },
  trust_respect: { label: "Confiance et respect", description: "Tenir chaque engagement et respecter le temps du client pour asseoir sa confiance." },
  widen_relationship: { label: "Élargir les bases de la relation", description: "Rencontrer d'autres services et d'autres sites du client, parler d'autres sujets." },
  friendly_bond: { label: "Lien amical", description: "Entretenir une relation personnelle sincère avec les interlocuteurs, dans les limites du métier." },
  omnipresence: { label: "Omniprésence", description: "Rester présent entre les visites par téléphone, courriel, lettre d'information : des contacts à distance." },
  seize_contacts: { label: "Saisir les occasions de contact", description: "Profiter de chaque événement (livraison, nouveauté, actualité du client) pour un contact utile." },
  oblige_clients: { label: "Obliger ses clients", description: "Rendre des services au-delà du contrat, qui appellent naturellement un retour." },
  claim_loyalty: { label: "Revendiquer leur fidélité", description: "Demander clairement au client de réserver ses achats de la catégorie à l'entreprise." },
} as const satisfies Readonly<Record<string, { readonly label: string; readonly description: string }>>;

export type CatalogueActionId = keyof typeof catalogueActionsFr;

/**
 * The targets an action can suit (SPEC §13's default suggestions): the three P-R targets, the Contactivores of the
 * contact matrix, the clients on their way out (RFM « à risque », hibernants, engagement « perte probable » or
 * « risque de perte de CA ») and the retained prospects.
 */
export const catalogueTargetsFr = {
  develop: "Développer",
  maintain: "Entretenir",
  secure: "Sécuriser",
  contact_eater: "Contactivores",
  leaving: "Sur le départ (à risque, hibernants, perte probable)",
  prospects: "Prospects retenus",
} as const;

export type CatalogueTargetId = keyof typeof catalogueTargetsFr;

/** Texts of the Catalogue sheet and of the PAC's fidelity blocks (diagnosis, Rétention, actions chosen). */
export const catalogueTextsFr = {
  "sheet.catalogue": "Catalogue",
  "catalogue.title": "Catalogue des actions commerciales (d'après Pascal Py, « Le plan d'actions commerciales », partie II)",
  "catalogue.note":
    "Les listes déroulantes « Actions choisies » de la feuille PAC lisent la colonne Action : ajoutez une ligne en bas pour proposer votre propre action.",
  "catalogue.col.family": "Famille",
  "catalogue.col.action": "Action",
  "catalogue.col.description": "Description",
  "catalogue.col.targets": "Cibles",
  "catalogue.custom": "(votre action)",

  "fid.engagement": "Engagement par type de produit (fidélité)",
  "fid.col.engagement": "Engagement",
  "fid.col.clients": "Clients",
  "fid.col.ca_n1": "CA N-1",
  "fid.col.at_risk": "CA en risque",
  "fid.not_classed": "Non classés (aucun achat)",
  "fid.total_at_risk": "CA en risque total",
  "fid.engagement_note":
    "Une famille est arrêtée quand le client l'a achetée en N-1 et plus en N ; le CA en risque est son CA N-1 dans les familles arrêtées. Types des familles : {source}.",
  "fid.types_source": "table donnée par le commercial ({n} {n|famille|familles})",
  "fid.ideal": "Matrice du client idéal",
  "fid.col.ideal": "Classe",
  "fid.col.reading": "Lecture",
  "fid.not_computed": "Non calculé : {reason}",
  "fid.reason.no_journal":
    "il faut un journal des ventes avec une colonne produit ou famille qui couvre N-1 et N (une feuille du classeur, ou le fichier lu).",
  "fid.reason.no_types":
    "les types des familles (FiLo, FiFo, LiFo, LiLo) ne sont pas donnés ; des types sont proposés d'après le journal, à confirmer (ligne de commande : --types fichier).",
  "fid.reason.not_covered": "le journal ne couvre pas N-1 : les familles de N-1 et de N ne se comparent pas.",
  "fid.reason.no_value": "aucune colonne « Satisfaction » ou « Valeur apportée » notée de 1 à 5.",
  "fid.reason.no_match": "aucun client du journal ne se retrouve dans le tableau des clients (identifiants différents).",
  "fid.reason.no_contacts": "aucun nombre de contacts : la productivité (CA / contacts) ne se calcule pas.",
  "fid.reason.failed": "{error}",

  "fid.retention": "Rétention",
  "fid.retention.target": "Perte probable, risque de perte de CA",
  "fid.retention.objective":
    "Retenir {n} {n|client|clients} sur le départ : {names} ; CA en risque {atRisk} €",
  "fid.retention.more": "et {n} {n|autre|autres}",
  "fid.retention.none": "Aucun client sur le départ d'après l'engagement par type de produit",
  "fid.retention.means": "Demande de formalisation, appel à l'aide ; contact direct du commercial",
  "fid.retention.indicator": "Familles reprises, CA en risque récupéré",
  "fid.leaving": "Clients sur le départ (engagement par type de produit)",
  "fid.col.client": "Client",
  "fid.col.why": "Pourquoi",
  "fid.leaving_more": "… et {n} {n|autre client|autres clients} sur le départ, {atRisk} € en risque (voir « pac score »).",

  "fid.chosen": "Actions choisies dans le catalogue",
  "fid.chosen_note":
    "Chaque case propose la liste des actions de la feuille Catalogue (flèche à droite de la case) ; les suggestions par défaut sont pré-remplies, changez-les ou tapez votre propre action.",
  "fid.col.target": "Cible",
  "fid.col.family_suggested": "Familles suggérées",
  "fid.col.chosen": "Actions choisies",
  "fid.prompt.title": "Action du catalogue",
  "fid.prompt.text": "Choisissez une action dans la liste (feuille Catalogue) ou tapez la vôtre.",
} as const;

export type CatalogueTextKey = keyof typeof catalogueTextsFr;
