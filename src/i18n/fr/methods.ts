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
  "contacts.side.high": "au-dessus de",
  "contacts.side.low": "au plus égal à",
  "contacts.split.median": "la médiane",
  "contacts.split.user": "la borne choisie",
  "maturity.phase.D": "Démarrage",
  "maturity.phase.C": "Croissance",
  "maturity.phase.M": "Maturité",
  "maturity.phase.V": "Vieillissement",
  "maturity.shape.ascending": "Maturité ascendante (ou montante)",
  "maturity.shape.descending": "Configuration descendante (rajeunissante)",
  "maturity.shape.u_curve": "Courbe en U",
  "maturity.shape.balanced": "Équilibrée",
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
    "Rang {rank} : les clients classés avant lui font {before} du total, il est donc dans le quart n° {rank} du montant total (méthode des interquartiles, pas des quartiles de clients).",
  "quartile.nonpositive": "Rang 4 : montant nul ou négatif ({amount}).",
  "rfm.score": "{criterion} = {score}/{k} : entre {from} (inclus) et {to} (exclu) des autres clients font moins bien.",
  "rfm.score_top": "{criterion} = {score}/{k} : au moins {from} des autres clients font moins bien.",
  "rfm.score_single": "{criterion} = {score}/{k} : seul client de la liste.",
  "rfm.grid": "{criterion} = {score}/{k} : valeur d'au moins {from} et de moins de {to} sur la grille.",
  "rfm.grid_low": "{criterion} = {score}/{k} : valeur de moins de {to}, sous la première borne de la grille.",
  "rfm.grid_high": "{criterion} = {score}/{k} : valeur d'au moins {from}, la dernière borne de la grille.",
  "rfm.segment": "R = {r} et F = {f} : segment « {segment} ».",
  "pr.code":
    "{code} : potentiel au rang P{p}, réalisé au rang R{r} ; écart R − P = {gap} → {target}.",
  "pr.over_one": "Taux de pénétration {rate} > 100 % : le potentiel est sans doute sous-estimé.",
  "pr.code_no_rate":
    "{code} : potentiel au rang P{p}, réalisé au rang R{r} ; écart R − P = {gap} → {target}. Taux de pénétration impossible : potentiel nul ou négatif ({potential}).",
  "elasticity.value":
    "CA {caBefore} → {caAfter} (variation {caChange}) pour des contacts {contactsBefore} → {contactsAfter} (variation {contactsChange}) : élasticité {value} → {reading}.",
  "contacts.quadrant":
    "{contacts} contacts ({contactsSide} {contactsKind} {splitContacts}) pour un CA de {amount} ({amountSide} {amountsKind} {splitAmount}) → {quadrant}.",
  "contacts.splits":
    "Séparations : {contactsKind} des contacts = {splitContacts} ; {amountsKind} du CA = {splitAmount} (« élevé » veut dire strictement au-dessus).",
  "maturity.D": "Démarrage : aucun CA sur l'avant-dernière période, {last} sur la dernière.",
  "maturity.C": "Croissance : CA {prev} → {last}, variation {growth} (au-dessus de +{threshold}).",
  "maturity.M": "Maturité : CA {prev} → {last}, variation {growth} (entre −{threshold} et +{threshold}).",
  "maturity.V": "Vieillissement : CA {prev} → {last}, variation {growth} (sous −{threshold}).",
  "maturity.none": "Non classé : aucun CA sur les deux dernières périodes.",
  "maturity.none_negative":
    "Non classé : aucun CA sur l'avant-dernière période et un CA négatif ({last}) sur la dernière (des retours ?).",
  "maturity.shape.u_curve":
    "Courbe en U : les clients en démarrage (D {d}) et en vieillissement (V {v}) dépassent chacun ceux en croissance (C {c}) et en maturité (M {m}) ; le portefeuille se renouvelle par les deux bouts : sécuriser les nouveaux venus et décider, client par client, de relancer ou de réduire l'effort sur les vieillissants. {classed} {classed|client classé|clients classés}, {unclassed} non {unclassed|classé|classés}.",
  "maturity.shape.ascending":
    "Maturité ascendante (ou montante) : M + V font {mvShare} des {classed} {classed|client classé|clients classés} (plus de 50\u202f%) ; le portefeuille vieillit : prévoir la conquête et le rajeunissement de la clientèle. D {d}, C {c}, M {m}, V {v}, non classés {unclassed}.",
  "maturity.shape.descending":
    "Configuration descendante ou rajeunissante : D + C font {dcShare} des {classed} {classed|client classé|clients classés} (plus de 50\u202f%) ; un portefeuille jeune : développer et sécuriser les nouveaux clients. D {d}, C {c}, M {m}, V {v}, non classés {unclassed}.",
  "maturity.shape.balanced":
    "Équilibrée : ni courbe en U, ni M + V ({mvShare}), ni D + C ({dcShare}) au-dessus de 50\u202f% des {classed} {classed|client classé|clients classés} ; D {d}, C {c}, M {m}, V {v}, non classés {unclassed}.",
  "maturity.shape.none": "Aucun client classé ({unclassed} non {unclassed|classé|classés}) : pas de forme de portefeuille.",
  "allocation.entretien": "Entretien : norme {norm} contacts/an pour la classe {cls}, {planned} prévus.",
  "allocation.entretien_scaled":
    "Entretien : norme {norm} contacts/an pour la classe {cls}, réduite à {planned} car les besoins ({need}) dépassent le budget ({budget}).",
  "allocation.stimulation": "Stimulation : écart P-R {gap}, {planned} {planned|visite|visites} « turbo » en plus.",
  "allocation.stimulation_elastic":
    "Stimulation : élasticité {elasticity} (au moins 1), {planned} {planned|visite|visites} « turbo » en plus.",
  "allocation.stimulation_capped_gap":
    "Stimulation : écart P-R {gap}, {planned} {planned|visite|visites} « turbo » en plus, le plafond du client ({cap}, autant que sa norme d'entretien).",
  "allocation.stimulation_capped_elastic":
    "Stimulation : élasticité {elasticity} (au moins 1), {planned} {planned|visite|visites} « turbo » en plus, le plafond du client ({cap}, autant que sa norme d'entretien).",
  "allocation.stimulation_not_eligible":
    "Pas de visite « turbo » : ni écart P-R d'au moins 1, ni élasticité d'au moins 1.",
  "allocation.stimulation_no_ca":
    "Pas de visite « turbo » : client élastique, mais sans CA sur la dernière période ({ca}) ni écart P-R d'au moins 1, donc sans potentiel à capter ; contact minimal, à distance.",
  "allocation.stimulation_no_cap": "Pas de visite « turbo » : la norme d'entretien de la classe {cls} est nulle, donc son plafond aussi.",
  "allocation.prospect":
    "Conquête : prospect de score {score}, {planned} {planned|contact|contacts} sur les {budget} de conquête.",
  "allocation.families":
    "Capital de {capital} contacts : entretien {entretien} ({entretienShare}), stimulation {stimulation} ({stimulationShare}), conquête {conquete} ({conqueteShare}), arrondis par la méthode des plus forts restes.",
  "allocation.scaled":
    "Les besoins d'entretien ({need} contacts) dépassent le budget d'entretien ({budget}) : chaque norme est ramenée à {ratio} de sa valeur.",
  "allocation.unused":
    "{unused} {unused|contact|contacts} d'entretien non {unused|utilisé|utilisés} (besoins {need} pour un budget de {budget}) passent en stimulation.",
  "allocation.stimulation_pool":
    "Aucun client n'a un écart P-R d'au moins 1 ni une élasticité d'au moins 1, et aucun prospect retenu ne peut les recevoir : {pool} {pool|contact|contacts} de stimulation {pool|reste|restent} en réserve non affectée.",
  "allocation.stimulation_capped":
    "Les plafonds de visites « turbo » ({cap} de la norme d'entretien de chaque client) laissent {pool} {pool|contact|contacts} de stimulation qu'aucun prospect retenu ne peut recevoir : {pool|il reste|ils restent} en réserve non affectée.",
  "allocation.stimulation_to_conquest":
    "Aucun client n'a un écart P-R d'au moins 1 ni une élasticité d'au moins 1 : les {pool} {pool|contact|contacts} de stimulation passent en conquête, vers les prospects retenus.",
  "allocation.capped_to_conquest":
    "Les plafonds de visites « turbo » ({cap} de la norme d'entretien de chaque client) laissent {pool} {pool|contact|contacts} de stimulation : {pool|il passe|ils passent} en conquête, vers les prospects retenus.",
  "allocation.conquest_capped":
    "{prospects} {prospects|prospect retenu|prospects retenus}, au plafond de {cap} contacts par prospect : {pool} {pool|contact|contacts} de conquête {pool|reste|restent} à planifier, sur de nouveaux prospects.",
  "allocation.conquest_pool":
    "Aucun prospect retenu : les {pool} {pool|contact|contacts} de conquête restent une réserve à planifier.",
  "allocation.none": "Aucun contact planifié.",
} as const;

export type WhyKey = keyof typeof whyFr;
