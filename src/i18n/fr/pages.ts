/**
 * Texts of the two pages themselves, before the wizard starts (French, the reference catalogue): what the
 * add-in page says when office.js, loaded from Microsoft's CDN, is missing or when the page is opened
 * outside Excel. `{app}` is the address of the standalone page.
 */
export const pagesFr = {
  "addin.officeMissing.title": "La bibliothèque office.js de Microsoft n'a pas pu être chargée",
  "addin.officeMissing.body":
    "Le complément PAC Commercial a besoin d'office.js, que Microsoft fournit depuis appsforoffice.microsoft.com. Ce site n'a pas répondu (connexion coupée, pare-feu ou proxy qui le filtre). Vérifiez l'accès à appsforoffice.microsoft.com, puis fermez et rouvrez le volet.",
  "addin.officeSilent.title": "Excel ne répond pas au complément",
  "addin.officeSilent.body":
    "office.js est chargé, mais Excel n'a pas signalé qu'il était prêt après {seconds} secondes. Fermez et rouvrez le volet ; si le problème persiste, rechargez le classeur.",
  "addin.outsideOffice.title": "Cette page est celle du complément Excel",
  "addin.outsideOffice.body": "Elle ne fonctionne que dans Excel, où le bouton PAC Commercial de l'onglet Accueil l'ouvre.",
  "addin.standalone": "Sans Excel, l'assistant fonctionne aussi dans un navigateur, sur un fichier .xlsx ou .csv\u00a0: ",
  "addin.standaloneLink": "ouvrir l'assistant dans le navigateur",
} as const;

export type PagesKey = keyof typeof pagesFr;
