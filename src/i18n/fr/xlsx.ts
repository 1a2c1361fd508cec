/**
 * Every message of the .xlsx reader (`src/xlsx/readRows.ts`, `src/xlsx/unzip.ts`): a file it refuses, and why.
 * French is the reference. `{file}` is the workbook as named by the caller (« clients.xlsx », or « Le classeur »
 * when the caller gave no name); `{part}` a part of the package (« xl/worksheets/sheet1.xml »); `{sheet}` a sheet
 * name; sizes (`{size}`, `{limit}`) are already written with their unit.
 */
export const xlsxMessagesFr = {
  NOT_ZIP: "{file}\u00a0: ce n'est pas un fichier .xlsx lisible (pas d'archive ZIP complète\u00a0: fichier tronqué ou d'un autre format).",
  ZIP_DAMAGED: "{file}\u00a0: l'archive ZIP est abîmée ({where}).",
  ZIP_ENCRYPTED: "{file}\u00a0: la partie «\u00a0{part}\u00a0» est chiffrée\u00a0; enregistrez le classeur sans mot de passe depuis Excel.",
  ZIP_METHOD: "{file}\u00a0: la partie «\u00a0{part}\u00a0» utilise une méthode de compression que le lecteur ne connaît pas (n°\u00a0{method})\u00a0; enregistrez le classeur depuis Excel.",
  ZIP_DUPLICATE: "{file}\u00a0: deux parties portent le même nom, «\u00a0{part}\u00a0»\u00a0: le classeur est ambigu, il n'est pas lu.",
  PART_CRC: "{file}\u00a0: la partie «\u00a0{part}\u00a0» est abîmée (somme de contrôle CRC-32 {actual} au lieu de {expected}).",
  PART_SIZE: "{file}\u00a0: la partie «\u00a0{part}\u00a0» ne se décompresse pas à la taille annoncée ({size})\u00a0: fichier abîmé ou piégé.",
  PART_INFLATE: "{file}\u00a0: la partie «\u00a0{part}\u00a0» ne se décompresse pas (données compressées abîmées).",
  LIMIT_PARTS: "{file}\u00a0: le classeur compte {n} parties, au-delà de la limite de {limit} parties.",
  LIMIT_PART_SIZE: "{file}\u00a0: la partie «\u00a0{part}\u00a0» ferait {size} une fois décompressée, au-delà de la limite de {limit} par partie.",
  LIMIT_TOTAL_SIZE: "{file}\u00a0: le classeur ferait {size} une fois décompressé, au-delà de la limite de {limit} au total.",
  NO_WORKBOOK: "{file}\u00a0: l'archive ne contient pas de classeur Excel (partie «\u00a0xl/workbook.xml\u00a0» absente).",
  MISSING_PART: "{file}\u00a0: la partie «\u00a0{part}\u00a0» de la feuille «\u00a0{sheet}\u00a0» est absente de l'archive.",
  XML_INVALID: "{file}\u00a0: la partie «\u00a0{part}\u00a0» n'est pas du XML valide ({reason}).",
  XML_ENCODING: "{file}\u00a0: la partie «\u00a0{part}\u00a0» n'est pas du texte UTF-8 valide.",
  ROW_BEYOND_GRID: "{file}\u00a0: la feuille «\u00a0{sheet}\u00a0» cite la ligne {row}, hors de la grille d'Excel (lignes 1 à 1\u00a0048\u00a0576).",
  CELL_BEYOND_GRID:
    "{file}\u00a0: la feuille «\u00a0{sheet}\u00a0» cite la cellule «\u00a0{ref}\u00a0», hors de la grille d'Excel (1\u00a0048\u00a0576 lignes × 16\u00a0384 colonnes, de A1 à XFD1048576).",
  CELL_TOO_LONG:
    "{file}\u00a0: la cellule {ref} de la feuille «\u00a0{sheet}\u00a0» contient {n} caractères, au-delà de la limite d'Excel ({limit} caractères par cellule).",
  CELL_OUTSIDE_ROW: "{file}\u00a0: la feuille «\u00a0{sheet}\u00a0» a une cellule hors de toute ligne (<c> hors d'un élément <row>).",
  SHARED_STRING_MISSING: "{file}\u00a0: la cellule {ref} de la feuille «\u00a0{sheet}\u00a0» renvoie au texte partagé n°\u00a0{index}, absent du classeur.",
  LIMIT_CELLS:
    "{file}\u00a0: la feuille «\u00a0{sheet}\u00a0» demanderait plus de {n} cases pour {size} de XML (cellules isolées loin à droite)\u00a0: fichier piégé ou abîmé.",
} as const;

export type XlsxMessageKey = keyof typeof xlsxMessagesFr;

/** Words the messages are built from. */
export const xlsxWordsFr = {
  /** `{file}` when the caller gave no file name. */
  workbook: "Le classeur",
  /** `{file}` for a named file. */
  named: "«\u00a0{name}\u00a0»",
  /** Where the zip is damaged (`{where}` of ZIP_DAMAGED). */
  directory: "répertoire central illisible",
  local: "en-tête local de «\u00a0{part}\u00a0» illisible",
  truncated: "archive tronquée",
  /** Sizes. */
  bytes: "{n} {n|octet|octets}",
  kib: "{n}\u00a0Kio",
  mib: "{n}\u00a0Mio",
  gib: "{n}\u00a0Gio",
} as const;

export type XlsxWordKey = keyof typeof xlsxWordsFr;

/**
 * The XML parser's (saxes) diagnostics, by their English start, as `{reason}` of XML_INVALID; `{name}` is what
 * follows the colon (a tag, an attribute). A diagnostic not listed here is shown as saxes words it.
 */
export const xmlReasonsFr: Readonly<Record<string, string>> = {
  "undefined entity": "entité non définie",
  "unclosed tag": "balise non fermée\u00a0: {name}",
  "unmatched closing tag": "balise fermante sans balise ouvrante\u00a0: {name}",
  "unexpected end": "fin inattendue du document",
  "text data outside of root node": "texte hors de l'élément racine",
  "disallowed character": "caractère interdit",
  "duplicate attribute": "attribut en double\u00a0: {name}",
  "documents may contain only one root": "plusieurs éléments racines",
  "document must contain a root element": "aucun élément racine",
  "malformed character entity": "référence de caractère invalide",
  "unbound namespace prefix": "préfixe d'espace de noms non déclaré\u00a0: {name}",
};
