/**
 * Labels of every class the engine returns, and the templates of the short "pourquoi" that explains each
 * result. Engine results carry a `why: { key, params }`; the text is made here, never in the engine.
 * Shares are given as fractions in params and written as percentages by `explain()`.
 */
export const labelsFr = {
  "rfm.segment.champions": "Champions",
  "rfm.segment.loyal": "Clients fidèles",
  "rfm.segment.potential_loyalist": "Fidèles potentiels",
  "rfm.segment.new": "Nouveaux clients",
  "rfm.segment.promising": "Prometteurs",
  "rfm.segment.need_attention": "À surveiller",
  "rfm.segment.about_to_sleep": "Sur le point de s'endormir",
  "rfm.segment.at_risk": "À risque",
  "rfm.segment.cant_lose": "À ne pas perdre",
  "rfm.segment.hibernating": "Hibernants",
  "pr.target.develop": "Développer",
  "pr.target.maintain": "Entretenir",
  "pr.target.secure": "Sécuriser",
  "elasticity.reading.elastic": "Élastique",
  "elasticity.reading.low": "Peu élastique",
  "elasticity.reading.inelastic": "Inélastique",
  "elasticity.reading.inverse": "Réaction inverse",
  "contacts.quadrant.cash_cow": "Vaches à lait",
  "contacts.quadrant.skeleton": "Squelettes",
  "contacts.quadrant.golden_goose": "Poules aux œufs d'or",
  "contacts.quadrant.contact_eater": "Contactivores",
  "maturity.phase.D": "Démarrage",
  "maturity.phase.C": "Croissance",
  "maturity.phase.M": "Maturité",
  "maturity.phase.V": "Vieillissement",
  "maturity.shape.ascending": "Maturité ascendante",
  "maturity.shape.descending": "Configuration descendante",
  "maturity.shape.u_curve": "Courbe en U",
  "maturity.shape.mixed": "Sans forme dominante",
  "family.entretien": "Entretien",
  "family.stimulation": "Stimulation",
  "family.conquete": "Conquête",
} as const;

export type LabelKey = keyof typeof labelsFr;

export const whyFr = {
  "abc.A":
    "Classe A : les clients classés avant lui font {before} du CA (moins de {threshold}) ; avec lui le cumul atteint {cumulative}.",
  "abc.B":
    "Classe B : les clients classés avant lui font déjà {before} du CA (au moins {thresholdA}, moins de {thresholdB}).",
  "abc.C": "Classe C : les clients classés avant lui font déjà {before} du CA (au moins {threshold}).",
  "abc.C_nonpositive": "Classe C : montant nul ou négatif ({amount}), il ne pèse rien dans le CA.",
  "abc.clients.A": "Classe A : rang {rank} sur {n}, dans les {count} premiers clients ({share} des clients).",
  "abc.clients.B": "Classe B : rang {rank} sur {n}, après les {countA} premiers et dans les {count} premiers.",
  "abc.clients.C": "Classe C : rang {rank} sur {n}, après les {count} premiers clients.",
  "abc.tie": "Ex æquo avec un client mieux classé : même classe que lui.",
  "quartile.rank":
    "Rang {rank} : les clients classés avant lui font {before} du total, soit le {rank}ᵉ quart du montant total (méthode des interquartiles, pas des quartiles de clients).",
  "quartile.nonpositive": "Rang 4 : montant nul ou négatif ({amount}).",
  "rfm.score":
    "{criterion} = {score}/{k} : {count} clients sur {others} autres font moins bien ({percent}).",
  "rfm.score_single": "{criterion} = {score}/{k} : seul client de la liste.",
  "rfm.grid": "{criterion} = {score}/{k} : {value} franchit {count} borne(s) de la grille.",
  "rfm.segment": "R = {r} et F = {f} : segment « {segment} ».",
  "pr.code":
    "{code} : potentiel au rang P{p}, réalisé au rang R{r} ; écart R − P = {gap} → {target}. Taux de pénétration {rate}.",
  "pr.over_one": "Taux de pénétration {rate} > 100 % : le potentiel est sans doute sous-estimé.",
  "elasticity.value":
    "CA {caChange} pour des contacts {contactsChange} : élasticité {value} → {reading}.",
  "contacts.quadrant":
    "{contacts} contacts ({contactsSide} de {splitContacts}) pour un CA de {amount} ({amountSide} de {splitAmount}) → {quadrant}.",
  "maturity.D": "Démarrage : pas de CA en {prevLabel}, {last} en {lastLabel}.",
  "maturity.C": "Croissance : CA {growth} entre les deux dernières périodes (au-dessus de +{threshold}).",
  "maturity.M": "Maturité : CA {growth}, dans la fourchette ±{threshold}.",
  "maturity.V": "Vieillissement : CA {growth} (sous −{threshold}).",
  "maturity.none": "Non classé : aucun CA sur les deux dernières périodes.",
  "allocation.entretien": "Entretien : norme {norm} contacts/an pour la classe {cls}, {planned} prévus.",
  "allocation.entretien_scaled":
    "Entretien : norme {norm} contacts/an pour la classe {cls}, réduite à {planned} car les besoins ({need}) dépassent le budget ({budget}).",
  "allocation.stimulation": "Stimulation : écart P-R {gap}, {planned} visites « turbo » en plus.",
  "allocation.none": "Aucun contact planifié.",
  "side.high": "au-dessus",
  "side.low": "au plus",
} as const;

export type WhyKey = keyof typeof whyFr;
