import { cellToLabel, normaliseCell } from "./cells";

/** Fields of a one-row-per-client table. CA per period (several columns) is not a field but `periods`. */
export type TableField =
  | "id"
  | "name"
  | "ca"
  | "potential"
  | "frequency"
  | "recency"
  | "lastPurchase"
  | "firstPurchase"
  | "contacts"
  | "contactsBefore"
  | "prospect"
  // The four prospect criteria of Pascal Py's rule, scored 1 to 5 (SPEC §11).
  | "pertinence"
  | "credibility"
  | "attractiveness"
  | "ourAttractiveness"
  // What we bring the client, scored 1 to 5 by the rep: the ideal-client matrix (SPEC §13).
  | "value";

/** Fields of a sales journal (one row per invoice line). */
export type JournalField = "id" | "name" | "invoice" | "date" | "quantity" | "unitPrice" | "amount";

/** Every field id, as used in `missing` lists and in the i18n labels; "periods" stands for the CA-per-period columns. */
export type FieldId = TableField | JournalField | "periods";

export const TABLE_FIELDS: readonly TableField[] = [
  "id", "name", "ca", "potential", "frequency", "recency", "lastPurchase", "firstPurchase", "contacts", "contactsBefore", "prospect",
  "pertinence", "credibility", "attractiveness", "ourAttractiveness", "value",
];
export const JOURNAL_FIELDS: readonly JournalField[] = ["id", "name", "invoice", "date", "quantity", "unitPrice", "amount"];

/** Where a field was found. `confidence` is 1 for an exact known header or a user override, lower for partial matches. */
export interface FieldMatch {
  readonly column: number;
  readonly header: string;
  readonly confidence: number;
  readonly source: "detected" | "override";
  /** The period the header names, when it names one ("2024", "N-1", "N"). */
  readonly label?: string;
}

/** A CA-per-period column of a client table. */
export interface PeriodMatch extends FieldMatch {
  readonly label: string;
}

export interface ColumnRef {
  readonly column: number;
  readonly header: string;
}

/** A period named in a header: a calendar year, or N−k relative to the current year N. */
export type PeriodTag = { readonly kind: "year"; readonly year: number } | { readonly kind: "relative"; readonly offset: number };

export function periodLabel(tag: PeriodTag): string {
  return tag.kind === "year" ? String(tag.year) : tag.offset === 0 ? "N" : `N-${tag.offset}`;
}

/** Words that never change what a header means: articles, units, "HT", "réalisé". */
const STOPWORDS: ReadonlySet<string> = new Set([
  "de", "du", "des", "d", "la", "le", "les", "l", "en", "par", "au", "aux", "a", "the", "of", "per", "in", "by",
  "ht", "ttc", "eur", "euro", "euros", "e", "k", "keur", "annuel", "annuelle", "annual", "realise", "realises", "actual",
]);

/** Lower case, no accents, "œ" as "oe", "n°" as "numero", punctuation as spaces. */
export function normaliseHeaderText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/\bn\s*[°º]/g, "numero ")
    .replace(/[’'`´]/g, " ")
    .replace(/(\d)\s*[-_−–]\s*(\d)/g, "$1 $2")
    .replace(/[^a-z0-9\-−–]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

interface ParsedHeader {
  readonly text: string;
  readonly tokens: readonly string[];
  readonly period?: PeriodTag;
}

const PREVIOUS_WORDS = /\b(?:precedent|precedente|anterieur|anterieure|last year|previous year|prior year|annee derniere|annee precedente)\b/;
const CURRENT_WORDS = /\b(?:en cours|annee courante|this year|current year|current|actuel|actuelle)\b/;

/** Splits a header into meaningful tokens and the period it names, if any. */
export function parseHeader(raw: string): ParsedHeader {
  let text = normaliseHeaderText(raw);
  let period: PeriodTag | undefined;
  const relative = /(?:^|\s)(?:annee\s+|year\s+)?n\s*[-−– ]\s*(\d)(?=\s|$)/.exec(text);
  if (relative) {
    period = { kind: "relative", offset: Number(relative[1]) };
    text = text.replace(relative[0], " ");
  } else {
    const years = [...text.matchAll(/(?:^|\s|fy)((?:19[5-9]|20\d)\d)(?=\s|$)/g)];
    if (years.length > 0) {
      period = { kind: "year", year: Number(years[years.length - 1][1]) };
      text = text.replace(/(?:^|\s)(?:fy)?(?:19[5-9]|20\d)\d(?=\s|$)/g, " ");
    } else if (PREVIOUS_WORDS.test(text)) {
      period = { kind: "relative", offset: 1 };
      text = text.replace(PREVIOUS_WORDS, " ");
    } else if (CURRENT_WORDS.test(text)) {
      period = { kind: "relative", offset: 0 };
      text = text.replace(CURRENT_WORDS, " ");
    } else if (/(?:^|\s)(?:annee\s+)?n$/.test(text) && /\s/.test(text)) {
      period = { kind: "relative", offset: 0 };
      text = text.replace(/(?:^|\s)(?:annee\s+)?n$/, " ");
    }
  }
  const tokens = text.replace(/[-−–]/g, " ").split(" ").filter((t) => t !== "" && !STOPWORDS.has(t));
  return { text: tokens.join(" "), tokens, period };
}

/** A known header of a field, normalised as `parseHeader` does, split once into its tokens. */
interface Phrase {
  readonly text: string;
  readonly tokens: readonly string[];
  /** The confidence of an exact match. */
  readonly confidence: number;
}

interface FieldRule {
  readonly phrases: readonly Phrase[];
  /** A header containing one of these tokens is never this field ("CA potentiel" is not CA). */
  readonly exclude?: readonly string[];
  /**
   * Every token of the phrases: a header with none of them matches no phrase. Most cells looked at are data
   * (names, amounts, dates in the rows under a title), and this set turns them away without trying each phrase.
   */
  readonly words: ReadonlySet<string>;
}

function rule(phrases: Readonly<Record<string, number>>, exclude?: readonly string[]): FieldRule {
  const list: Phrase[] = [];
  const words = new Set<string>();
  for (const [p, confidence] of Object.entries(phrases)) {
    const text = parseHeader(p).text;
    const tokens = text.split(" ");
    list.push({ text, tokens, confidence });
    for (const t of tokens) words.add(t);
  }
  return { phrases: list, exclude, words };
}

const ID_PHRASES = {
  "code client": 1, "client id": 0.95, "id client": 0.95, "customer id": 1, "customerid": 1, "customer code": 0.95,
  "customer number": 0.95, "customer no": 0.95, "n° client": 0.95, "numero client": 0.95, "num client": 0.9,
  "no client": 0.9, "ref client": 0.9, "reference client": 0.9, "identifiant client": 0.95, "identifiant": 0.85,
  "id": 0.8, "code": 0.6, "client": 0.85, "clients": 0.85, "customer": 0.85, "customers": 0.8, "compte client": 0.85,
  "compte": 0.6, "account": 0.6, "account id": 0.9, "code tiers": 0.9, "tiers": 0.7, "raison sociale": 0.7,
  "nom client": 0.7, "client name": 0.7, "customer name": 0.7, "nom": 0.5, "name": 0.5, "societe": 0.6,
  "entreprise": 0.6, "company": 0.6, "enseigne": 0.6,
};
const NAME_PHRASES = {
  "raison sociale": 0.95, "nom client": 0.9, "nom du client": 0.9, "client name": 0.9, "customer name": 0.95, "nom": 0.85,
  "name": 0.85, "societe": 0.8, "company": 0.8, "entreprise": 0.8, "enseigne": 0.8, "libelle": 0.6,
  "designation client": 0.7, "client": 0.6, "customer": 0.6,
};
const ID_EXCLUDE = ["date", "ca", "montant", "nb", "nombre", "type", "statut", "status", "potentiel", "potential", "visites", "contacts", "ville", "city", "pays", "country", "adresse", "address", "email", "mail", "telephone", "phone", "commercial", "vendeur", "region", "secteur",
  "article", "produit", "product", "item", "sku", "stock", "stockcode", "famille", "categorie", "category", "satisfaction"];

/** Words of the criteria headers: "Attractivité du prospect" is a criterion, not the prospect flag. */
const CRITERION_WORDS = ["attractivite", "attractiveness", "pertinence", "relevance", "credibilite", "credibility"];

const TABLE_RULES: Readonly<Record<TableField, FieldRule>> = {
  id: rule(ID_PHRASES, ID_EXCLUDE),
  name: rule(NAME_PHRASES, ID_EXCLUDE),
  ca: rule(
    {
      "ca": 1, "chiffre d'affaires": 1, "chiffre affaires": 1, "ca client": 1, "montant": 0.8, "montant achats": 0.8,
      "montant total": 0.8, "achats": 0.7, "ventes": 0.85, "revenue": 0.95, "revenues": 0.95, "sales": 0.95,
      "turnover": 0.95, "amount": 0.75, "monetary": 0.8, "monetaire": 0.8, "ca realise": 1,
    },
    ["potentiel", "potential", "objectif", "objectifs", "target", "marge", "margin", "moyen", "moyenne", "average",
      "panier", "part", "share", "evolution", "growth", "prevision", "forecast", "budget", "taux", "rate", "date", "variation", "ecart"],
  ),
  potential: rule({ "potentiel": 1, "potential": 1, "ca potentiel": 1, "potentiel achat": 1, "potentiel d'achat": 1, "potentiel client": 1 }, ["taux", "rate", "part", "share"]),
  frequency: rule(
    {
      "frequence": 1, "frequency": 1, "frequence achat": 1, "nb commandes": 1, "nombre de commandes": 1, "commandes": 0.85,
      "orders": 0.9, "nb orders": 1, "number of orders": 1, "nb factures": 0.95, "nombre de factures": 0.95, "factures": 0.8,
      "invoices": 0.85, "nb achats": 0.95, "nombre d'achats": 0.95, "purchases": 0.8, "nb transactions": 0.9, "transactions": 0.8,
    },
    ["montant", "amount", "value", "valeur", "ca", "chiffre", "revenue", "sales", "panier", "date", "derniere", "dernier", "last", "premiere", "premier", "first"],
  ),
  recency: rule(
    {
      "recence": 1, "recency": 1, "jours depuis dernier achat": 1, "nb jours depuis dernier achat": 1, "days since last purchase": 1,
      "jours sans achat": 0.9, "anciennete dernier achat": 0.9, "recence jours": 1,
    },
    ["date"],
  ),
  lastPurchase: rule(
    {
      "date dernier achat": 1, "dernier achat": 0.95, "date derniere commande": 1, "derniere commande": 0.95,
      "date derniere facture": 1, "derniere facture": 0.9, "last purchase": 1, "last purchase date": 1, "last order": 0.95,
      "last order date": 1, "date of last purchase": 1, "dernier achat le": 0.95,
    },
    ["jours", "days", "nb", "recence", "recency", "montant", "amount", "ca"],
  ),
  firstPurchase: rule(
    {
      "date premier achat": 1, "premier achat": 0.95, "date premiere commande": 1, "premiere commande": 0.95,
      "first purchase": 1, "first purchase date": 1, "first order": 0.95, "first order date": 1, "client depuis": 0.9,
      "customer since": 0.9, "date creation": 0.7, "date creation client": 0.8, "date ouverture compte": 0.7,
    },
    ["jours", "days", "montant", "amount", "ca"],
  ),
  contacts: rule(
    {
      "contacts": 1, "contact": 0.9, "nb contacts": 1, "nombre de contacts": 1, "visites": 1, "visite": 0.9, "nb visites": 1,
      "nombre de visites": 1, "visits": 1, "nb visits": 1, "appels": 0.9, "nb appels": 0.95, "calls": 0.9, "rdv": 0.8,
      "nb rdv": 0.9, "rendez vous": 0.8, "actions commerciales": 0.7,
    },
    ["date", "derniere", "dernier", "last", "cout", "cost", "prochaine", "next", "type", "productivite", "ca", "montant"],
  ),
  contactsBefore: rule({}),
  prospect: rule(
    { "prospect": 1, "prospects": 1, "est prospect": 1, "is prospect": 1, "prospect oui non": 1, "statut": 0.6, "status": 0.6, "type client": 0.6, "type": 0.5 },
    ["date", "nb", "nombre", ...CRITERION_WORDS],
  ),
  pertinence: rule(
    { "pertinence": 1, "pertinence offre": 0.95, "note pertinence": 1, "score pertinence": 1, "relevance": 1, "relevance score": 1, "pertinence prospect": 1 },
    ["taux", "rate"],
  ),
  credibility: rule(
    { "credibilite": 1, "note credibilite": 1, "score credibilite": 1, "credibility": 1, "credibility score": 1, "credibilite prospect": 1 },
    ["taux", "rate"],
  ),
  attractiveness: rule(
    {
      "attractivite pour nous": 1, "attractivite du prospect": 1, "attractivite prospect": 1, "attractivite client": 0.9,
      "attractiveness to us": 1, "attractiveness for us": 1, "prospect attractiveness": 1, "attractivite": 0.6, "attractiveness": 0.6,
    },
    ["notre", "nos", "our", "lui", "eux", "them", "it", "him", "her"],
  ),
  ourAttractiveness: rule(
    {
      "notre attractivite": 1, "notre attractivite pour lui": 1, "notre attractivite pour eux": 1, "attractivite pour lui": 1,
      "attractivite pour eux": 1, "attractivite pour le prospect": 0.95, "our attractiveness": 1, "our attractiveness to it": 1,
      "our attractiveness to them": 1, "attractiveness to them": 1, "attractiveness to it": 1, "attractiveness for them": 1,
    },
    ["nous"],
  ),
  value: rule(
    {
      "satisfaction": 1, "satisfaction client": 1, "note satisfaction": 1, "note de satisfaction": 1, "score satisfaction": 1,
      "niveau de satisfaction": 1, "valeur apportee": 1, "valeur apportee au client": 1, "valeur apportee client": 1,
      "valeur percue": 0.9, "note client": 0.85, "customer satisfaction": 1, "satisfaction score": 1, "csat": 0.9,
      "value brought": 1, "value delivered": 0.95, "value to client": 0.95, "value to customer": 0.95, "client value score": 0.8,
    },
    ["date", "taux", "rate", "nb", "nombre", "ca", "montant", "amount", "enquete", "survey"],
  ),
};

const JOURNAL_RULES: Readonly<Record<JournalField, FieldRule>> = {
  id: rule(ID_PHRASES, ID_EXCLUDE),
  name: rule(NAME_PHRASES, ID_EXCLUDE),
  invoice: rule(
    {
      "facture": 0.95, "n° facture": 1, "numero facture": 1, "num facture": 1, "no facture": 1, "invoice": 1,
      "invoice no": 1, "invoice number": 1, "invoiceno": 1, "invoice id": 1, "piece": 0.8, "n° piece": 0.9,
      "numero piece": 0.9, "document": 0.6, "commande": 0.7, "n° commande": 0.85, "order": 0.7, "order id": 0.85,
      "order number": 0.85, "bon de commande": 0.75, "ticket": 0.7, "transaction": 0.7, "transaction id": 0.85,
    },
    ["date", "montant", "amount", "total", "ligne", "line", "quantite", "quantity"],
  ),
  date: rule(
    {
      "date": 0.9, "date facture": 1, "invoice date": 1, "invoicedate": 1, "date commande": 0.95, "order date": 0.95,
      "date vente": 0.95, "date piece": 0.95, "date operation": 0.9, "date achat": 0.95, "purchase date": 0.95,
      "transaction date": 0.95, "jour": 0.6, "day": 0.6, "date de facturation": 1,
    },
    ["echeance", "due", "paiement", "payment", "naissance", "creation", "premier", "premiere", "first"],
  ),
  quantity: rule({ "quantite": 1, "qte": 1, "qty": 1, "quantity": 1, "quantites": 1, "unites": 0.8, "units": 0.8 }, ["prix", "price", "montant", "amount"]),
  unitPrice: rule(
    { "prix unitaire": 1, "pu": 0.95, "price": 0.95, "unit price": 1, "unitprice": 1, "prix": 0.85, "tarif": 0.75, "prix de vente": 0.9, "pu net": 0.95, "prix unitaire net": 1 },
    ["total", "montant", "amount", "quantite", "quantity"],
  ),
  amount: rule(
    {
      "montant": 1, "montant ligne": 1, "total": 0.8, "total ligne": 0.95, "amount": 1, "line total": 1, "line amount": 1,
      "ca": 0.9, "chiffre d'affaires": 0.9, "revenue": 0.9, "sales": 0.85, "valeur": 0.6, "value": 0.6, "montant net": 0.95,
      "prix total": 0.9, "total price": 0.9,
    },
    ["unitaire", "unit", "pu", "potentiel", "potential", "tva", "vat", "taxe", "tax", "remise", "discount"],
  ),
};

/** Where the product family of a journal line is read, in order of preference. */
export type FamilyKind = "family" | "product" | "description";
export const FAMILY_KINDS: readonly FamilyKind[] = ["family", "product", "description"];

/** The family column of a journal: a family column, else a product code, else a description. */
export interface FamilyColumnMatch extends FieldMatch {
  readonly kind: FamilyKind;
}

const NOT_A_PRODUCT = ["client", "customer", "facture", "invoice", "date", "montant", "amount", "prix", "price", "quantite", "quantity", "qty", "ca", "total"];

const FAMILY_RULES: Readonly<Record<FamilyKind, FieldRule>> = {
  family: rule(
    {
      "famille": 1, "famille produit": 1, "famille de produits": 1, "famille article": 1, "sous famille": 0.8, "categorie": 0.9,
      "categorie produit": 1, "category": 0.9, "product category": 1, "product family": 1, "family": 0.9, "gamme": 0.85,
      "gamme produit": 0.9, "product line": 0.9, "rayon": 0.7, "univers": 0.6,
    },
    NOT_A_PRODUCT,
  ),
  product: rule(
    {
      "produit": 1, "produits": 0.9, "product": 1, "code produit": 1, "product code": 1, "article": 0.95, "code article": 1,
      "reference": 0.85, "ref": 0.6, "reference produit": 1, "ref produit": 1, "reference article": 1, "ref article": 1,
      "stockcode": 1, "stock code": 1, "sku": 1, "item": 0.85, "item code": 1, "item no": 1, "product id": 1, "productid": 1,
      "ean": 0.8, "code ean": 0.8,
    },
    [...NOT_A_PRODUCT, "description", "libelle", "designation", "nom", "name", "famille", "family", "categorie", "category", "gamme"],
  ),
  description: rule(
    {
      "description": 1, "designation": 1, "libelle produit": 1, "libelle article": 1, "product description": 1,
      "item description": 1, "product name": 0.9, "nom produit": 0.9, "libelle": 0.6,
    },
    NOT_A_PRODUCT,
  ),
};

/**
 * The product-family column of a sales journal, from its header row: a family column ("Famille", "Catégorie",
 * "Product family"…) is preferred over a product code ("Produit", "Article", "Référence", "StockCode", "SKU"…),
 * itself preferred over a description ("Description", "Désignation"…), whatever their confidences; columns in
 * `taken` (the journal's other fields) are skipped. Undefined when none is found.
 * @example detectFamilyColumn(["Invoice", "StockCode", "Description"]) // { column: 1, header: "StockCode", kind: "product", … }
 */
export function detectFamilyColumn(header: readonly unknown[], taken: ReadonlySet<number> = new Set()): FamilyColumnMatch | undefined {
  const raw = header.map(headerText);
  const parsed = raw.map(parseHeader);
  for (const kind of FAMILY_KINDS) {
    let best: FamilyColumnMatch | undefined;
    parsed.forEach((p, column) => {
      if (taken.has(column)) return;
      const confidence = scoreHeader(p, FAMILY_RULES[kind]);
      if (confidence >= MIN_CONFIDENCE && (!best || confidence > best.confidence)) {
        best = { column, header: raw[column], confidence, source: "detected", kind };
      }
    });
    if (best) return best;
  }
  return undefined;
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Confidence (0..1) that a parsed header is the field of `fieldRule`: exact match, or the phrase inside the header. */
function scoreHeader(header: ParsedHeader, fieldRule: FieldRule): number {
  if (header.tokens.length === 0) return 0;
  let known = false;
  for (const t of header.tokens) {
    if (fieldRule.words.has(t)) {
      known = true;
      break;
    }
  }
  if (!known) return 0;
  if (fieldRule.exclude?.some((t) => header.tokens.includes(t))) return 0;
  let best = 0;
  for (const { text, tokens, confidence } of fieldRule.phrases) {
    if (text === header.text) {
      best = Math.max(best, confidence);
      continue;
    }
    if (containsRun(header.tokens, tokens)) {
      const extra = header.tokens.length - tokens.length;
      best = Math.max(best, confidence * Math.max(0.6, 0.9 - 0.05 * (extra - 1)));
    }
  }
  return Math.round(best * 100) / 100;
}

/** Below this, a header is not taken as the field (the user can still choose it). */
export const MIN_CONFIDENCE = 0.4;

/** The text of a header cell (numbers such as 2024 become "2024"; blanks ""). */
export function headerText(value: unknown): string {
  return cellToLabel(normaliseCell(value)) ?? "";
}

export interface Candidate<F extends FieldId> {
  readonly field: F;
  readonly column: number;
  readonly confidence: number;
}

/** Every (field, column) pair above `MIN_CONFIDENCE`, best first, ties by column then field order. */
function candidates<F extends FieldId>(headers: readonly ParsedHeader[], rules: Readonly<Record<F, FieldRule>>, fields: readonly F[]): Candidate<F>[] {
  const list: Candidate<F>[] = [];
  headers.forEach((header, column) => {
    fields.forEach((field) => {
      const confidence = scoreHeader(header, rules[field]);
      if (confidence >= MIN_CONFIDENCE) list.push({ field, column, confidence });
    });
  });
  return list.sort((a, b) => b.confidence - a.confidence || a.column - b.column || fields.indexOf(a.field) - fields.indexOf(b.field));
}

/** A second column that scored as well as the chosen one for a field: the user should confirm. */
export interface Ambiguity {
  readonly field: FieldId;
  readonly chosen: ColumnRef;
  readonly other: ColumnRef;
}

export interface Detection<F extends FieldId> {
  readonly fields: Partial<Record<F, FieldMatch>>;
  readonly ambiguities: readonly Ambiguity[];
}

/**
 * Greedy assignment: the best-scoring (field, column) pair first, each column used once and each field once.
 * The client id is required: when only a name-like column was found, it becomes the id.
 */
function assign<F extends FieldId>(
  raw: readonly string[],
  headers: readonly ParsedHeader[],
  rules: Readonly<Record<F, FieldRule>>,
  fields: readonly F[],
  taken: Set<number>,
): Detection<F> {
  const result: Partial<Record<F, FieldMatch>> = {};
  const ambiguities: Ambiguity[] = [];
  for (const c of candidates(headers, rules, fields)) {
    const chosen = result[c.field];
    if (chosen) {
      if (!taken.has(c.column) && c.confidence === chosen.confidence && c.confidence >= 0.8) {
        ambiguities.push({ field: c.field, chosen: { column: chosen.column, header: chosen.header }, other: { column: c.column, header: raw[c.column] } });
      }
      continue;
    }
    if (taken.has(c.column)) continue;
    taken.add(c.column);
    const period = headers[c.column].period;
    result[c.field] = {
      column: c.column,
      header: raw[c.column],
      confidence: c.confidence,
      source: "detected",
      ...(period ? { label: periodLabel(period) } : {}),
    };
  }
  return { fields: result, ambiguities };
}

export interface TableDetection extends Detection<TableField> {
  readonly periods: readonly PeriodMatch[];
  /** Period columns left out (mixed years and N/N-1, or a second column for the same period). */
  readonly droppedPeriods: readonly (ColumnRef & { readonly reason: "mixed" | "duplicate"; readonly kept?: ColumnRef })[];
  /** Contact columns beyond the two latest periods. */
  readonly droppedContacts: readonly ColumnRef[];
}

function tagOrder(tag: PeriodTag): number {
  return tag.kind === "year" ? tag.year : -tag.offset;
}

/**
 * Finds the columns of a client table from its header row. CA columns naming a period ("CA 2024",
 * "CA N-1", "Chiffre d'affaires année N", a bare "2025") become `periods`, oldest first; years and N-k are not
 * mixed (years win). Contact columns naming periods give `contacts` (latest) and `contactsBefore` (previous).
 */
export function detectTableColumns(header: readonly unknown[]): TableDetection {
  const raw = header.map(headerText);
  const parsed = raw.map(parseHeader);
  const taken = new Set<number>();

  // Period columns first: CA-like headers with a period, and bare years.
  const caRule = TABLE_RULES.ca;
  const periodCandidates: { column: number; tag: PeriodTag; confidence: number }[] = [];
  const contactCandidates: { column: number; tag?: PeriodTag; confidence: number }[] = [];
  parsed.forEach((p, column) => {
    const contactScore = scoreHeader(p, TABLE_RULES.contacts);
    if (contactScore >= MIN_CONFIDENCE && scoreHeader(p, caRule) < contactScore) {
      contactCandidates.push({ column, tag: p.period, confidence: contactScore });
      return;
    }
    if (!p.period) return;
    if (p.tokens.length === 0 && p.period.kind === "year") {
      periodCandidates.push({ column, tag: p.period, confidence: 0.6 });
      return;
    }
    const score = scoreHeader(p, caRule);
    if (score >= MIN_CONFIDENCE) periodCandidates.push({ column, tag: p.period, confidence: score });
  });

  const droppedPeriods: (ColumnRef & { reason: "mixed" | "duplicate"; kept?: ColumnRef })[] = [];
  const hasYears = periodCandidates.some((c) => c.tag.kind === "year");
  const byLabel = new Map<string, { column: number; tag: PeriodTag; confidence: number }>();
  for (const c of periodCandidates) {
    if (hasYears && c.tag.kind === "relative") {
      droppedPeriods.push({ column: c.column, header: raw[c.column], reason: "mixed" });
      continue;
    }
    const label = periodLabel(c.tag);
    const kept = byLabel.get(label);
    if (kept) {
      droppedPeriods.push({ column: c.column, header: raw[c.column], reason: "duplicate", kept: { column: kept.column, header: raw[kept.column] } });
      continue;
    }
    byLabel.set(label, c);
  }
  const periods: PeriodMatch[] = [...byLabel.values()]
    .sort((a, b) => tagOrder(a.tag) - tagOrder(b.tag))
    .map((c) => ({ column: c.column, header: raw[c.column], confidence: c.confidence, source: "detected" as const, label: periodLabel(c.tag) }));
  for (const p of periods) taken.add(p.column);
  for (const d of droppedPeriods) taken.add(d.column);

  // Contacts: the latest period is `contacts`, the one before `contactsBefore`; without periods, the best column.
  const fields: Partial<Record<TableField, FieldMatch>> = {};
  const droppedContacts: ColumnRef[] = [];
  const dated = contactCandidates.filter((c) => c.tag);
  const plain = contactCandidates.filter((c) => !c.tag).sort((a, b) => b.confidence - a.confidence || a.column - b.column);
  // "Visites N-1" beside a plain "Visites": the plain one is period N.
  if (plain.length > 0 && dated.length > 0 && dated.every((c) => c.tag?.kind === "relative" && c.tag.offset > 0)) {
    const current = plain.shift() as (typeof plain)[number];
    dated.push({ ...current, tag: { kind: "relative", offset: 0 } });
  }
  const asMatch = (c: { column: number; tag?: PeriodTag; confidence: number }): FieldMatch => ({
    column: c.column,
    header: raw[c.column],
    confidence: c.confidence,
    source: "detected",
    ...(c.tag ? { label: periodLabel(c.tag) } : {}),
  });
  if (dated.length > 0) {
    const datedYears = dated.some((c) => c.tag?.kind === "year");
    const usable = dated.filter((c) => !datedYears || c.tag?.kind === "year").sort((a, b) => tagOrder(b.tag as PeriodTag) - tagOrder(a.tag as PeriodTag));
    fields.contacts = asMatch(usable[0]);
    taken.add(usable[0].column);
    if (usable.length > 1 && tagOrder(usable[1].tag as PeriodTag) !== tagOrder(usable[0].tag as PeriodTag)) {
      fields.contactsBefore = asMatch(usable[1]);
      taken.add(usable[1].column);
    }
    for (const c of dated) if (!taken.has(c.column)) droppedContacts.push({ column: c.column, header: raw[c.column] });
  } else if (plain.length > 0) {
    fields.contacts = asMatch(plain[0]);
    taken.add(plain[0].column);
  }
  for (const c of plain) if (!taken.has(c.column) && dated.length > 0) droppedContacts.push({ column: c.column, header: raw[c.column] });
  for (const c of droppedContacts) taken.add(c.column);

  const rest = TABLE_FIELDS.filter((f) => f !== "contacts" && f !== "contactsBefore");
  const detection = assign(raw, parsed, TABLE_RULES, rest, taken);
  Object.assign(fields, detection.fields);
  // The client id is required: a lone name-like column is the id.
  if (!fields.id && fields.name) {
    fields.id = fields.name;
    delete fields.name;
  }

  return { fields, periods, droppedPeriods, droppedContacts, ambiguities: detection.ambiguities };
}

/** Finds the columns of a sales journal from its header row. */
export function detectJournalColumns(header: readonly unknown[]): Detection<JournalField> {
  const raw = header.map(headerText);
  const parsed = raw.map(parseHeader);
  const detection = assign(raw, parsed, JOURNAL_RULES, JOURNAL_FIELDS, new Set<number>());
  const fields = { ...detection.fields };
  if (!fields.id && fields.name) {
    fields.id = fields.name;
    delete fields.name;
  }
  return { fields, ambiguities: detection.ambiguities };
}

/** How many fields a header row yields as a table or as a journal: used to tell a header from a data row. */
export function recognisedFieldCount(header: readonly unknown[]): number {
  const t = detectTableColumns(header);
  const j = detectJournalColumns(header);
  return Math.max(Object.keys(t.fields).length + t.periods.length, Object.keys(j.fields).length);
}
