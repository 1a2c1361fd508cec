/**
 * Texts of the teaching mode (issue 18): the student's workbook (consignes, column headers, the score), the
 * teacher's corrigé (the *pourquoi* of every answer, in the words of the course) and the `pac exercice` command.
 * How the corrigé sentences are written: docs/redaction-corrige.md. Shares in the params are already formatted
 * ("77,0 %"), amounts are numbers (formatted by `fill`).
 */
export const exerciseFr = {
  // Workbooks and sheets.
  "book.student": "Exercice",
  "book.corrige": "Corrigé",
  "sheet.instructions": "Consignes",
  "sheet.summary": "Sommaire",
  "sheet.answers": "Réponses",
  "sheet.abc": "ABC",
  "sheet.rp": "Rangs R et P",
  "sheet.pr": "P-R",
  "sheet.rfm": "RFM",
  "sheet.contacts": "Matrice des contacts",
  "sheet.elasticity": "Élasticité",
  "sheet.capital": "Capital de contacts",

  // Method titles and the student's task, one per method.
  "title.abc": "Classement ABC (méthode des 20/80)",
  "title.rp": "Rangs interquartiles R (réalisé) et P (potentiel)",
  "title.pr": "Technique P-R : code, écart et cible",
  "title.rfm": "Segmentation RFM (Récence, Fréquence, Montant)",
  "title.contacts": "Matrice de rentabilité des contacts",
  "title.elasticity": "Coefficient d'élasticité du CA aux contacts",
  "title.capital": "Capital de contacts et nombre de commerciaux",
  "task.abc":
    "Calculez le CA total, puis pour chaque client son rang (1 = le plus gros CA), sa part du CA, sa part cumulée (après lui) et sa classe : A tant que la part cumulée avant le client est inférieure au seuil A, B tant qu'elle est inférieure au seuil B, sinon C.",
  "task.rp":
    "Calculez le CA total et le potentiel total, puis le rang R de chaque client (le quart du CA total où il tombe : rang = ent(part cumulée avant lui / 25 %) + 1, au plus 4) et son rang P (le même calcul sur le potentiel).",
  "task.pr":
    "Pour chaque client : son rang P (sur le potentiel), son rang R (sur le CA), son code P-R (« P1-R3 »), l'écart R − P et la cible : Développer si l'écart est d'au moins 1, Entretenir s'il est nul, Sécuriser s'il est négatif.",
  "task.rfm":
    "Notez chaque client de 1 à 5 sur chaque critère (note = 1 + ent(p × 5), p = part des autres clients moins bons que lui), puis écrivez son code RFM (les trois notes à la suite), la somme des notes et son segment (tableau ci-dessous).",
  "task.contacts":
    "Calculez la médiane des contacts et la médiane du CA, puis placez chaque client dans la matrice : « haut » veut dire strictement au-dessus de la médiane.",
  "task.elasticity":
    "Pour chaque client : la variation du CA, la variation des contacts (en %), le coefficient d'élasticité e = variation du CA / variation des contacts, et sa lecture (Élastique si e ≥ 1, Peu élastique si 0 < e < 1, Inélastique si e = 0, Réaction inverse si e < 0).",
  "task.capital":
    "Calculez le capital de contacts (semaines × jours × contacts par jour), le besoin de chaque segment (clients × norme), le besoin total, le rapport besoin ÷ capital et le nombre de commerciaux nécessaires.",
  "task.how":
    "Tapez vos réponses dans les cellules jaunes. La colonne « Vérif. » passe au vert quand la réponse est juste, au rouge sinon ; le score est sur la feuille « Consignes ».",

  // Column headers.
  "col.id": "Client",
  "col.name": "Nom",
  "col.ca": "CA",
  "col.potential": "Potentiel",
  "col.contacts": "Contacts",
  "col.rank": "Rang",
  "col.share": "Part du CA",
  "col.cumulative": "Part cumulée",
  "col.abc": "Classe ABC",
  "col.ahead": "CA des clients devant",
  "col.r": "R",
  "col.p": "P",
  "col.pr_code": "Code P-R",
  "col.gap": "Écart R − P",
  "col.target": "Cible",
  "col.recency": "Récence (jours)",
  "col.frequency": "Fréquence (achats)",
  "col.monetary": "Montant (€)",
  "col.rfm_r": "Note R",
  "col.rfm_f": "Note F",
  "col.rfm_m": "Note M",
  "col.rfm_code": "Code RFM",
  "col.rfm_sum": "Somme R + F + M",
  "col.segment": "Segment",
  "col.quadrant": "Quadrant",
  "col.ca_before": "CA N-1",
  "col.ca_after": "CA N",
  "col.contacts_before": "Contacts N-1",
  "col.contacts_after": "Contacts N",
  "col.var_ca": "Variation du CA",
  "col.var_contacts": "Variation des contacts",
  "col.elasticity": "Coefficient e",
  "col.reading": "Lecture",
  "col.segment_name": "Segment",
  "col.clients": "Clients",
  "col.norm": "Norme (visites par an)",
  "col.need": "Besoin (visites)",
  "col.check": "Vérif.",
  "col.why": "Pourquoi",
  "col.question": "Question",
  "col.answer": "Réponse",
  "col.sheet": "Feuille",
  "col.cell": "Cellule",

  // Parameter cells and single questions.
  "param.threshold_a": "Seuil A (part cumulée avant le client)",
  "param.threshold_b": "Seuil B",
  "param.total_ca": "CA total (montants positifs)",
  "param.total_potential": "Potentiel total",
  "param.median_contacts": "Médiane des contacts",
  "param.median_ca": "Médiane du CA",
  "param.weeks": "Semaines travaillées",
  "param.days": "Jours de terrain par semaine",
  "param.per_day": "Contacts par jour",
  "param.capital": "Capital de contacts (par an)",
  "param.need_total": "Besoin total (visites par an)",
  "param.ratio": "Besoin ÷ capital",
  "param.reps": "Nombre de commerciaux",
  "rfm.grid": "Segments : R en lignes (5 en haut), F en colonnes",
  "segment.class": "Clients de classe {cls}",

  // The check cells and the score.
  "check.format": '"✓ juste";"✗ faux";"✗ faux"',
  "score.one": "réponse juste",
  "score.many": "réponses justes",
  "score.col_method": "Méthode",
  "score.col_right": "Justes",
  "score.col_questions": "Questions",
  "score.col_score": "Votre score",
  "score.total": "Total",

  // The student's instructions sheet.
  "instructions.title": "Exercice : {title}",
  "instructions.source": "Source des données : {source}",
  "instructions.intro": "Ce classeur contient une feuille par méthode. Sur chacune :",
  "instructions.step1": "1. Lisez la consigne en haut de la feuille et les données du tableau (ne les modifiez pas).",
  "instructions.step2": "2. Tapez vos réponses dans les cellules jaunes, une par cellule.",
  "instructions.step3": "3. La colonne « Vérif. » passe au vert (✓ juste) ou au rouge (✗ faux) dès que vous tapez ; le score ci-dessous se met à jour.",
  "instructions.typing": "Comment taper les réponses :",
  "instructions.shares": "• Une part ou une variation : 80 %, 0,8 ou 80 (tolérance d'un demi-point : 77 % est accepté pour 77,0 %).",
  "instructions.numbers": "• Un rang, une note, un nombre de visites : un nombre entier. Un coefficient : deux décimales suffisent (0,6). Besoin ÷ capital : une décimale (4,8).",
  "instructions.texts": "• Une classe, un code ou un segment : majuscules, minuscules, accents et espaces ne comptent pas (« a », « p1 r3 », « developper » sont acceptés).",
  "instructions.no_addin": "Ce classeur fonctionne dans Excel et LibreOffice sans complément.",

  // The teacher's corrigé.
  "summary.title": "Corrigé : {title}",
  "summary.intro": "Chaque réponse est une formule visible : cliquez une cellule pour lire le calcul. La colonne « Pourquoi » dit la règle du cours, les nombres utilisés et le résultat. Une feuille par méthode, chacune imprimable sur une page A4.",
  "summary.questions": "{n} {n|question|questions} dans l'exercice de l'élève.",
  "summary.compare": "Comment l'exercice compare les réponses de l'élève :",
  "summary.compare_numbers": "• Nombres : un nombre tapé (pas un texte) ; parts et variations à ± 0,5 point (80 %, 0,8 et 80 sont acceptés), coefficient à ± 0,005, rapport à ± 0,05, montants à ± 0,5 €, rangs, notes et visites exacts.",
  "summary.compare_texts": "• Textes : majuscules, accents, espaces et tirets ne comptent pas.",
  "summary.hidden": "Les réponses de l'élève sont dans une feuille masquée et protégée (« {sheet} ») : cela les cache d'un coup d'œil, pas d'un élève décidé.",
  "summary.sheet": "• {sheet} : {title}",

  // The hidden answers sheet.
  "answers.note": "Réponses attendues (feuille masquée et protégée de l'exercice).",

  // Why sentences, in the words of the course (docs/redaction-corrige.md).
  "why.abc.rank": "Rang {rank} : {ahead_n} {ahead_n|client a|clients ont} un CA plus élevé.",
  "why.abc.share": "Part = {ca} € / {total} € = {share} ; part cumulée = {cumulative}.",
  "why.abc.A": "A tant que la part cumulée avant le client est inférieure à {a} : avant lui {before} < {a} → A.",
  "why.abc.B": "B tant que la part cumulée avant le client est inférieure à {b} : avant lui {before} (≥ {a}, < {b}) → B.",
  "why.abc.C": "Au-delà de {b} de part cumulée avant le client : avant lui {before} ≥ {b} → C.",
  "why.abc.zero": "CA nul ou négatif : il ne prend aucune part du CA total → C.",
  "why.rank": "{rank_name} : part cumulée avant le client {before} ; ent({before} / 25 %) + 1 = {rank}.",
  "why.rank.capped": "{rank_name} : part cumulée avant le client {before} ; ent({before} / 25 %) + 1, au plus 4 → {rank}.",
  "why.rank.zero": "{rank_name} : montant nul ou négatif → 4.",
  "why.pr": "Code P{p}-R{r} ; écart R − P = {r} − {p} = {gap}.",
  "why.pr.develop": "Écart d'au moins 1 → Développer : le potentiel n'est pas capté.",
  "why.pr.maintain": "Écart nul → Entretenir.",
  "why.pr.secure": "Écart négatif → Sécuriser : on prend déjà plus que son rang de potentiel ne le laisse prévoir.",
  "why.rfm.r": "R : {count} {count|client sur|clients sur} {others} ont acheté il y a plus longtemps, p = {p} → 1 + ent({p5}) = {score}.",
  "why.rfm.f": "F : {count} {count|fréquence plus petite|fréquences plus petites} sur {others}, p = {p} → {score}.",
  "why.rfm.m": "M : {count} {count|montant plus petit|montants plus petits} sur {others}, p = {p} → {score}.",
  "why.rfm.code": "Code {code}, somme {r} + {f} + {m} = {sum} ; R {r} et F {f} → {segment}.",
  "why.rfm.single": "Un seul client : p = 1, note 5 partout.",
  "why.contacts": "Contacts {contacts} {contacts_rel} la médiane ({median_contacts}) ; CA {ca} € {ca_rel} la médiane ({median_ca} €) → {quadrant}.",
  "why.contacts.above": "au-dessus de",
  "why.contacts.not_above": "pas au-dessus de",
  "why.contacts.median": "Médiane : la valeur du milieu des {n} valeurs rangées (moyenne des deux du milieu pour un nombre pair) = {value}.",
  "why.elasticity": "Variation du CA = ({ca_after} − {ca_before}) / {ca_before} = {var_ca} ; variation des contacts = ({c_after} − {c_before}) / {c_before} = {var_c} ; e = {var_ca} / {var_c} = {e}.",
  "why.elasticity.elastic": "e ≥ 1 → Élastique : les contacts paient, on peut en ajouter.",
  "why.elasticity.low": "0 < e < 1 → Peu élastique : garder le niveau de contacts.",
  "why.elasticity.inelastic": "e = 0 → Inélastique : réduire, passer aux contacts à distance.",
  "why.elasticity.inverse": "e < 0 → Réaction inverse : ne pas ajouter de visites, chercher la cause.",
  "why.capital.segment": "{clients} {clients|client|clients} × {norm} {norm|visite|visites} = {need} {need|visite|visites}.",
  "why.capital.capital": "{weeks} {weeks|semaine|semaines} × {days} {days|jour|jours} × {per_day} {per_day|contact|contacts} = {capital} contacts par an.",
  "why.capital.need": "Somme des besoins des segments : {terms} = {need} visites.",
  "why.capital.ratio": "Besoin ÷ capital = {need} / {capital} = {ratio}.",
  "why.capital.reps": "On arrondit au nombre entier supérieur : {ratio} → {reps} {reps|commercial|commerciaux}.",
  "why.total": "Somme des montants positifs de la colonne = {total} €.",

  // The command line.
  "cli.done": "Exercice écrit : {student} (élève, {n} {n|question|questions}) et {corrige} (corrigé).",
  "cli.methods": "Méthodes : {methods}.",
  "cli.skipped": "Méthode « {method} » laissée de côté : {reason}",
  "cli.case": "{title} : {student} et {corrige}",

  "cli.help":
    "pac exercice <clients.xlsx|.csv> [--methodes abc,pr,rp,rfm,contacts,elasticite,capital] [--out DOSSIER] [--titre TEXTE] [--sheet FEUILLE] [--lang fr|en] [--replace]\n\nÉcrit deux classeurs à partir des mêmes données : l'exercice de l'élève (<nom>-eleve.xlsx : cellules jaunes à remplir, vérification verte ou rouge, score) et le corrigé de l'enseignant (<nom>-corrige.xlsx : chaque réponse en formule, avec le pourquoi). Sans --methodes, toutes les méthodes que les colonnes permettent. « pr » pose aussi les rangs R et P. Voir docs/exercices.md.",
  "cli.unknown_method": "Méthode inconnue « {value} » dans --methodes : choisissez parmi {list}.",
  "cli.unknown_option": "Option inconnue pour « pac exercice » : {option}. Options : --methodes, --out, --titre, --sheet, --lang, --replace.",
  "cli.missing_value": "L'option {option} attend une valeur.",
  "cli.missing_file": "Indiquez le tableau clients : pac exercice clients.xlsx (ou .csv).",
  "cli.extra_arg": "Un seul fichier à la fois : « {value} » est en trop.",
  "cli.bad_cases": "Le fichier des cas « {path} » est illisible ou incomplet ({why}).",
  "cli.out_is_file": "--out attend un dossier, et « {path} » est un fichier.",

  // Why a method cannot be asked on this data.
  "reason.no_ca": "aucun client n'a de CA.",
  "reason.no_potential": "il faut une colonne Potentiel remplie pour chaque client.",
  "reason.no_contacts": "il faut une colonne Contacts remplie pour chaque client.",
  "reason.no_rfm": "il faut les colonnes Récence, Fréquence et Montant pour chaque client.",
  "reason.no_elasticity": "il faut le CA et les contacts de N-1 et de N, et une élasticité définie pour au moins un client.",
  "reason.none_left": "aucune méthode ne peut être posée sur ces données.",
} as const;

export type ExerciseKey = keyof typeof exerciseFr;
