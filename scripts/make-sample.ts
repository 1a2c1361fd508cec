/**
 * The bundled demo workbook: `npm run sample` (or `npx tsx scripts/make-sample.ts [out.xlsx]`) writes
 * `assets/sample/clients-demo.xlsx`. Its "Lisez-moi" sheet speaks to the manager who opens the file: no
 * developer command in it.
 *
 * A fictional wholesaler, « Emballages Rhône-Alpes Distribution SAS » (packaging and hygiene supplies for
 * businesses), and its portfolio: 150 clients and 30 prospects, one row each, French headers. Everything comes
 * from a seeded PRNG (mulberry32), and the file is byte-stable: fixed workbook dates and fixed zip entry times,
 * so re-running the script changes nothing unless the generator changes.
 *
 * What the portfolio is made to contain (checked by `checkCoverage` on every run, so the demo never loses a case):
 * - CA per year log-normal (median ≈ 12 k€, a few clients above 200 k€): the Pareto shape, about 20 % of clients
 *   making 70-80 % of CA;
 * - every maturity phase D / C / M / V (new clients with no CA before, growing, stable, declining, and lost
 *   clients with no CA in the last year);
 * - every elasticity reading (Élastique, Peu élastique, Inélastique with an unchanged CA, Réaction inverse) and
 *   the undefined cases (same visits both years, no visits the year before), two clients never visited;
 * - potential above CA for most clients, a few underestimated (penetration rate above 100 %);
 * - company names of varied legal forms, with accents, an apostrophe, a comma, one starting with "=" and one
 *   with "+" (they must stay text in every written sheet);
 * - the prospects' four criteria of Pascal Py's rule (SPEC §11), scored 1 to 5: 18 retained (some exactly on
 *   the boundary of 3), and écartés for every rule: pertinence, crédibilité, and double attractivité failing on
 *   either side. They come from their own seeded PRNG, so the clients' values do not move when they change;
 * - a « Satisfaction » score 1 to 5 per client (the ideal-client matrix, SPEC §13), from its own PRNG too;
 * - a « Journal » sheet (`generateJournal`): the invoice lines of every client by product family, whose sums are
 *   exactly the table's CA 2024 and CA 2025 (the rolling years N-1 and N before 20/12/2025), drawn so that every
 *   engagement class of SPEC §12 appears (a FiLo family stopped, a LiFo family stopped, a LiLo family bought in
 *   N, neither); `assets/sample/types.csv` is the rep's « Famille;Type » table that `npm run demo` passes.
 *
 * The same generator, with `clients: 100_000`, feeds `bench/plan.bench.ts`.
 */
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { PROSPECT_REASONS, scoreProspects } from "../src/engine/prospects";
import { mulberry32 } from "../test/support/random";

/** The headers of the sample, in column order; each is recognised by `src/io` (see test/cli/sample.test.ts). */
export const SAMPLE_HEADERS = [
  "Client",
  "Raison sociale",
  "Ville",
  "Secteur",
  "CA 2023",
  "CA 2024",
  "CA 2025",
  "Visites 2024",
  "Visites 2025",
  "Nb commandes 2025",
  "Potentiel",
  "Date dernier achat",
  "Prospect",
  "Pertinence",
  "Crédibilité",
  "Attractivité pour nous",
  "Notre attractivité",
  "Satisfaction",
] as const;

export const SAMPLE_SEED = 20250601;
export const SAMPLE_CLIENTS = 150;
export const SAMPLE_PROSPECTS = 30;
/** The latest purchase date of the sample: the default reference date of `src/io` is the day after. */
export const SAMPLE_LAST_DAY = Date.UTC(2025, 11, 19);
/** Workbook creation and modification date, and the time of every zip entry. */
const FIXED_DATE = new Date(Date.UTC(2025, 11, 20, 9, 0, 0));
const DAY_MS = 86_400_000;

export type Phase = "D" | "C" | "M" | "V" | "lost";
export type Reading = "elastic" | "low" | "inelastic" | "inverse" | "same" | "none";

/** One row of the sample. Prospects have no CA, no orders, no purchase date. */
export interface SampleClient {
  readonly code: string;
  readonly name: string;
  readonly city: string;
  readonly sector: string;
  /** CA 2023, 2024, 2025 (whole euros); null for a prospect. */
  readonly ca: readonly [number, number, number] | null;
  readonly visits: readonly [number, number];
  readonly orders: number | null;
  readonly potential: number;
  /** UTC midnight; null when the client never bought. */
  readonly lastPurchase: Date | null;
  readonly prospect: boolean;
  /** A prospect's pertinence, crédibilité, attractivité pour nous, notre attractivité (1 to 5); null for a client. */
  readonly criteria: readonly [number, number, number, number] | null;
  /** A client's satisfaction / value brought, 1 to 5 (SPEC §13); null for a prospect. */
  readonly satisfaction: number | null;
  /** What the generator aimed at (not written to the file). */
  readonly phase?: Phase;
  readonly reading?: Reading;
}

const ACTIVITIES = [
  "Boulangerie", "Brasserie", "Comptoir", "Établissements", "Fromagerie", "Garage", "Imprimerie", "Menuiserie",
  "Maison", "Pharmacie", "Quincaillerie", "Transports", "Laboratoires", "Hôtel", "Restaurant", "Charpente",
  "Plomberie", "Boucherie", "Épicerie", "Domaine", "Clinique", "Cabinet", "Logistique", "Traiteur", "Pâtisserie",
  "Blanchisserie", "Cave", "Crèche", "Atelier", "Serrurerie",
];
const FAMILY_NAMES = [
  "Martel", "Duvernay", "Lefèvre", "Noël", "Rochebrune", "Gaillard", "Bérard", "Chassagne", "Vial", "Morel",
  "Perrin", "Faure", "Giraud", "Mercier", "Besson", "Chevalier", "Fontaine", "Brunet", "Arnaud", "Collet",
  "Picard", "Renaud", "Ollier", "Jacquemet", "Dufresne", "Pélissier", "Chaumont", "Rivière", "Baudin", "Ferrand",
];
const PLACES = ["du Vercors", "des Trois Vallées", "de la Croix-Rousse", "du Pilat", "des Dombes", "de Belledonne", "du Beaujolais", "de l'Isère"];
/** Legal forms, with weights close to French SME statistics (SAS and SARL first). */
const LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ["SAS", 30], ["SARL", 30], ["SASU", 10], ["EURL", 10], ["SA", 7], ["SNC", 4], ["SCOP", 3], ["EI", 4], ["GIE", 2],
];
const CITIES = [
  "Lyon", "Villeurbanne", "Saint-Étienne", "Grenoble", "Vienne", "Bourg-en-Bresse", "Annecy", "Chambéry", "Valence",
  "Roanne", "Vénissieux", "Écully", "Bourgoin-Jallieu", "Montélimar", "Mâcon", "Oyonnax", "Givors", "Tarare",
];
const SECTORS = [
  "Boulangerie-pâtisserie", "Restauration", "Hôtellerie", "BTP", "Industrie agroalimentaire", "Commerce de détail",
  "Santé", "Logistique", "Viticulture", "Services aux entreprises",
];

/** Names placed on purpose (index in the client list → name): text safety, CSV quoting, accents. */
const SPECIAL_NAMES: ReadonlyMap<number, string> = new Map([
  [17, "=Équilibre Conseil SAS"],
  [63, "+Plus Services Nord-Isère SARL"],
  [41, "L'Atelier du Goût SARL"],
  [88, "Dupont, Fils & Cie SNC"],
  [120, "Société Française de Câblage « SFC » SA"],
]);

/** Phase mix of the clients (shares), so every phase appears in 150 clients. */
const PHASES: readonly (readonly [Phase, number])[] = [["D", 0.06], ["C", 0.28], ["M", 0.36], ["V", 0.25], ["lost", 0.05]];
/** Wanted elasticity readings per phase (shares); the draw falls back to "same" when it cannot be met. */
const READINGS: Readonly<Record<Exclude<Phase, "D" | "lost">, readonly (readonly [Reading, number])[]>> = {
  C: [["elastic", 0.45], ["low", 0.3], ["inverse", 0.15], ["same", 0.1]],
  M: [["inelastic", 0.25], ["elastic", 0.15], ["low", 0.25], ["inverse", 0.15], ["same", 0.2]],
  V: [["elastic", 0.35], ["low", 0.25], ["inverse", 0.3], ["same", 0.1]],
};

interface Draw {
  readonly uniform: () => number;
  readonly normal: () => number;
  readonly int: (lo: number, hi: number) => number;
  readonly pick: <T>(list: readonly T[]) => T;
  readonly weighted: <T>(list: readonly (readonly [T, number])[]) => T;
}

function draw(seed: number): Draw {
  const uniform = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(uniform() * (hi - lo + 1));
  return {
    uniform,
    normal: () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()),
    int,
    pick: (list) => list[Math.floor(uniform() * list.length)],
    weighted: (list) => {
      const total = list.reduce((s, [, w]) => s + w, 0);
      let x = uniform() * total;
      for (const [value, w] of list) {
        x -= w;
        if (x < 0) return value;
      }
      return list[list.length - 1][0];
    },
  };
}

/** Exactly `round(share × n)` of each value (largest shares first absorb the rounding), in a shuffled order. */
function quota<T>(items: readonly (readonly [T, number])[], n: number, d: Draw): T[] {
  const out: T[] = [];
  items.forEach(([value, share], k) => {
    const count = k === items.length - 1 ? n - out.length : Math.min(n - out.length, Math.round(share * n));
    for (let i = 0; i < count; i++) out.push(value);
  });
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(d.uniform() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function companyName(d: Draw): string {
  const form = d.weighted(LEGAL_FORMS);
  switch (d.int(0, 3)) {
    case 0:
      return `${d.pick(ACTIVITIES)} ${d.pick(FAMILY_NAMES)} ${form}`;
    case 1:
      return `${d.pick(FAMILY_NAMES)} & Fils ${form}`;
    case 2:
      return `${d.pick(ACTIVITIES)} ${d.pick(PLACES)} ${form}`;
    default:
      return `${d.pick(FAMILY_NAMES)}-${d.pick(FAMILY_NAMES)} ${form}`;
  }
}

/** The elasticity reading of a CA and contacts pair, as SPEC §5 defines it ("none" when undefined). */
export function readingOf(caBefore: number, caNow: number, before: number, now: number): Reading {
  if (caBefore === 0 || before === 0) return "none";
  if (now === before) return "same";
  const e = ((caNow - caBefore) / caBefore) / ((now - before) / before);
  if (Math.abs(e) < 1e-9) return "inelastic";
  if (e >= 1 - 1e-9) return "elastic";
  return e > 0 ? "low" : "inverse";
}

/** Visits of year N for the wanted reading, or undefined when the numbers cannot give it. */
function visitsFor(reading: Reading, g: number, before: number, d: Draw): number | undefined {
  const sign = g > 0 ? 1 : -1;
  switch (reading) {
    case "same":
    case "none":
      return before;
    case "inelastic":
      return Math.max(0, before + (d.uniform() < 0.5 ? 1 : -1) * d.int(1, 2));
    case "elastic": {
      // |Δc / c| ≤ |g|, same direction.
      const max = Math.floor(Math.abs(g) * before + 1e-9);
      return max < 1 ? undefined : before + sign * d.int(1, max);
    }
    case "low": {
      // |Δc / c| > |g|, same direction.
      const min = Math.floor(Math.abs(g) * before) + 1;
      const max = sign > 0 ? min + 3 : before;
      return min > max ? undefined : before + sign * d.int(min, max);
    }
    case "inverse": {
      const max = sign > 0 ? before : 4;
      return max < 1 ? undefined : before - sign * d.int(1, max);
    }
  }
}

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

function growthFor(phase: Exclude<Phase, "D" | "lost">, d: Draw): number {
  switch (phase) {
    case "C":
      return 0.12 + 0.5 * d.uniform();
    case "M":
      return -0.09 + 0.18 * d.uniform();
    case "V":
      return -(0.12 + 0.45 * d.uniform());
  }
}

export interface GenerateOptions {
  readonly clients?: number;
  readonly prospects?: number;
  readonly seed?: number;
}

/**
 * The sample portfolio: `clients` customers then `prospects` prospects, each with a unique code
 * ("C001"…, "P001"…, wider codes beyond 999). Deterministic for a given seed and size.
 */
export function generateClients(options: GenerateOptions = {}): SampleClient[] {
  const n = options.clients ?? SAMPLE_CLIENTS;
  const nProspects = options.prospects ?? SAMPLE_PROSPECTS;
  const d = draw(options.seed ?? SAMPLE_SEED);
  const width = Math.max(3, String(Math.max(n, nProspects)).length);
  const phases = quota(PHASES, n, d);
  const usedNames = new Set<string>(SPECIAL_NAMES.values());
  const uniqueName = (): string => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const name = companyName(d);
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
    return companyName(d);
  };
  const out: SampleClient[] = [];
  // Its own PRNG, so that adding the column moved no other value of the sample.
  const satisfaction = draw((options.seed ?? SAMPLE_SEED) + 16);

  for (let i = 0; i < n; i++) {
    const phase = phases[i];
    const name = SPECIAL_NAMES.get(i) ?? uniqueName();
    // Two clients never visited, whatever their phase.
    const neverVisited = i === 33 || i === 97;
    const size = Math.min(1_500_000, Math.exp(Math.log(12_000) + 1.45 * d.normal()));
    let ca: [number, number, number];
    let visits: [number, number];
    let reading: Reading;
    const baseVisits = Math.max(1, Math.min(24, Math.round(2 + Math.log(size / 2_000) * 2.2 + d.normal())));

    if (phase === "D") {
      ca = [0, 0, Math.round(size * 0.6)];
      visits = [d.int(0, 2), Math.max(2, Math.round(baseVisits * 0.8))];
      reading = "none";
    } else if (phase === "lost") {
      const before = Math.round(size * 0.7);
      ca = [Math.round(before * (0.9 + 0.4 * d.uniform())), before, 0];
      visits = [baseVisits, d.int(0, Math.max(0, baseVisits - 1))];
      reading = readingOf(before, 0, visits[0], visits[1]);
    } else {
      let chosen: { ca: [number, number, number]; visits: [number, number]; reading: Reading } | undefined;
      const wanted = d.weighted(READINGS[phase]);
      for (let attempt = 0; attempt < 8 && !chosen; attempt++) {
        const before = Math.round(size);
        const g = wanted === "inelastic" ? 0 : growthFor(phase, d);
        const now = wanted === "inelastic" ? before : Math.round(before * (1 + g));
        const prevYear = i % 11 === 5 ? 0 : Math.round(before / (1 + (-0.15 + 0.4 * d.uniform())));
        const v1 = wanted === "elastic" ? Math.max(baseVisits, Math.ceil(1 / Math.max(Math.abs(g), 0.01))) : baseVisits;
        const v2 = visitsFor(wanted, (now - before) / before, Math.min(v1, 30), d);
        if (v2 === undefined || v2 < 0) continue;
        const got = readingOf(before, now, Math.min(v1, 30), v2);
        if (got === wanted) chosen = { ca: [prevYear, before, now], visits: [Math.min(v1, 30), v2], reading: got };
      }
      if (!chosen) {
        const before = Math.round(size);
        const now = Math.round(before * (1 + growthFor(phase, d)));
        chosen = { ca: [Math.round(before * 0.95), before, now], visits: [baseVisits, baseVisits], reading: "same" };
      }
      ({ ca, visits, reading } = chosen);
    }
    if (neverVisited) {
      visits = [0, 0];
      reading = "none";
    }

    const caNow = ca[2];
    const underestimated = caNow > 0 && i % 23 === 7;
    const potentialBase = caNow > 0 ? caNow : ca[1];
    // Potential / CA: log-normal around 2.2, so that small clients with a large potential (P-R "Développer") and
    // large clients near their potential ("Sécuriser") both appear.
    const ratio = underestimated ? 0.6 + 0.3 * d.uniform() : Math.max(1.05, Math.min(12, Math.exp(Math.log(phase === "D" ? 3.5 : 2.2) + 0.85 * d.normal())));
    const potential = roundTo(potentialBase * ratio, 500);
    const orders = caNow > 0 ? Math.max(1, Math.min(52, Math.round(caNow / (1_500 + 2_500 * d.uniform())))) : 0;
    let lastDay: number;
    if (i === 0) lastDay = SAMPLE_LAST_DAY;
    else if (caNow > 0) {
      const recency = Math.min(330, Math.floor((-Math.log(1 - d.uniform()) * 330) / (orders + 1)));
      lastDay = SAMPLE_LAST_DAY - recency * DAY_MS;
    } else lastDay = Date.UTC(2024, 1, 1) + d.int(0, 300) * DAY_MS;

    out.push({
      code: `C${String(i + 1).padStart(width, "0")}`,
      name,
      city: d.pick(CITIES),
      sector: d.pick(SECTORS),
      ca,
      visits,
      orders,
      potential,
      lastPurchase: new Date(lastDay),
      prospect: false,
      criteria: null,
      satisfaction: satisfaction.weighted(SATISFACTION),
      phase,
      reading,
    });
  }

  const criteria = prospectCriteria(nProspects, (options.seed ?? SAMPLE_SEED) + 14);
  for (let i = 0; i < nProspects; i++) {
    const before = d.uniform() < 0.3 ? 1 : 0;
    out.push({
      code: `P${String(i + 1).padStart(width, "0")}`,
      name: uniqueName(),
      city: d.pick(CITIES),
      sector: d.pick(SECTORS),
      ca: null,
      visits: [before, d.int(0, 3)],
      orders: null,
      potential: roundTo(Math.exp(Math.log(20_000) + 0.9 * d.normal()), 500),
      lastPurchase: null,
      prospect: true,
      criteria: criteria[i],
      satisfaction: null,
    });
  }
  return out;
}

/** Satisfaction scores 1 to 5 and their weights: mostly 3 and 4, a few very unhappy or delighted clients. */
const SATISFACTION: readonly (readonly [number, number])[] = [[1, 0.06], [2, 0.16], [3, 0.34], [4, 0.29], [5, 0.15]];

/** What a prospect's criteria are drawn to show: retained, or the rule that makes it écarté (SPEC §11). */
type ProspectProfile = "retained" | "pertinence" | "credibility" | "attractiveness" | "ourAttractiveness";
/** Shares of the profiles: 18 retained and 12 écartés of 30, every rule failing at least twice. */
const PROFILES: readonly (readonly [ProspectProfile, number])[] = [
  ["retained", 0.6],
  ["pertinence", 0.1333],
  ["credibility", 0.1],
  ["attractiveness", 0.1],
  ["ourAttractiveness", 0.0667],
];

/**
 * The four criteria of `n` prospects (pertinence, crédibilité, attractivité pour nous, notre attractivité), 1
 * to 5, from their own PRNG: a criterion that must pass is 3 to 5 (3 one time in four, the boundary), one that
 * fails is 1 or 2, the criteria after the failing one are free (1 to 5: the rule stops at the first failure).
 */
export function prospectCriteria(n: number, seed: number): (readonly [number, number, number, number])[] {
  const d = draw(seed);
  const pass = (): number => (d.uniform() < 0.25 ? 3 : d.int(3, 5));
  const fail = (): number => d.int(1, 2);
  const free = (): number => d.int(1, 5);
  return quota(PROFILES, n, d).map((profile) => {
    switch (profile) {
      case "retained":
        return [pass(), pass(), pass(), pass()] as const;
      case "pertinence":
        return [fail(), free(), free(), free()] as const;
      case "credibility":
        return [pass(), fail(), free(), free()] as const;
      case "attractiveness":
        return [pass(), pass(), fail(), pass()] as const;
      case "ourAttractiveness":
        return [pass(), pass(), pass(), fail()] as const;
    }
  });
}

/**
 * Throws unless the sample holds every case the demo is meant to show (see the file comment).
 * @throws Error naming the missing cases.
 */
export function checkCoverage(clients: readonly SampleClient[]): void {
  const missing: string[] = [];
  const customers = clients.filter((c) => !c.prospect);
  for (const phase of ["D", "C", "M", "V", "lost"] as const) if (!customers.some((c) => c.phase === phase)) missing.push(`phase ${phase}`);
  for (const reading of ["elastic", "low", "inelastic", "inverse", "same", "none"] as const) {
    if (!customers.some((c) => c.ca && readingOf(c.ca[1], c.ca[2], c.visits[0], c.visits[1]) === reading)) missing.push(`reading ${reading}`);
  }
  if (!customers.some((c) => c.ca && c.potential < c.ca[2])) missing.push("underestimated potential");
  if (customers.filter((c) => c.visits[0] === 0 && c.visits[1] === 0).length < 2) missing.push("two clients never visited");
  if (!clients.some((c) => c.name.startsWith("="))) missing.push('a name starting with "="');
  if (!clients.some((c) => c.name.startsWith("+"))) missing.push('a name starting with "+"');
  if (!clients.some((c) => c.prospect)) missing.push("prospects");
  const prospects = clients.filter((c) => c.prospect && c.criteria);
  const column = (k: number): number[] => prospects.map((c) => (c.criteria as readonly number[])[k]);
  const scored = scoreProspects({ pertinence: column(0), credibility: column(1), attractiveness: column(2), ourAttractiveness: column(3) });
  const reasons = new Set(Array.from(scored.reason, (r) => PROSPECT_REASONS[r]));
  for (const reason of ["rules_met", "pertinence", "credibility", "double_attractiveness"] as const) {
    if (!reasons.has(reason)) missing.push(`prospects ${reason === "rules_met" ? "retained" : `écartés on ${reason}`}`);
  }
  if (!prospects.some((c, k) => scored.retained[k] === 1 && c.criteria?.includes(3))) missing.push("a retained prospect on the boundary of 3");
  if (!prospects.some((c) => c.criteria && c.criteria[2] < 3 && c.criteria[0] >= 3 && c.criteria[1] >= 3)) missing.push("an écarté on attractivité pour nous");
  if (!prospects.some((c) => c.criteria && c.criteria[3] < 3 && c.criteria[2] >= 3 && c.criteria[0] >= 3 && c.criteria[1] >= 3)) {
    missing.push("an écarté on notre attractivité");
  }
  if (missing.length > 0) throw new Error(`make-sample: the sample lacks ${missing.join(", ")}`);
}

/** Header row then one row per client, as raw cell values (Dates for dates, null for blanks). */
export function sampleRows(clients: readonly SampleClient[]): unknown[][] {
  const rows: unknown[][] = [[...SAMPLE_HEADERS]];
  for (const c of clients) {
    rows.push([
      c.code,
      c.name,
      c.city,
      c.sector,
      c.ca ? c.ca[0] : null,
      c.ca ? c.ca[1] : null,
      c.ca ? c.ca[2] : null,
      c.visits[0],
      c.visits[1],
      c.orders,
      c.potential,
      c.lastPurchase,
      c.prospect ? "Oui" : "Non",
      ...(c.criteria ? c.criteria : [null, null, null, null]),
      c.satisfaction,
    ]);
  }
  return rows;
}


/** The journal's headers, in column order (recognised by `src/io`: client, invoice, date, family, amount). */
export const JOURNAL_HEADERS = ["N° facture", "Date", "Client", "Famille", "Montant HT"] as const;

/**
 * The product families of the wholesaler and the type the rep gives each (Pascal Py ch. 6): the core products
 * kept to the end (FiLo), an entry product dropped early (FiFo), add-ons dropped first when a client leaves
 * (LiFo), and equipment a client buys only when engaged, and keeps (LiLo).
 */
export const SAMPLE_FAMILIES: readonly (readonly [string, "FiLo" | "FiFo" | "LiFo" | "LiLo"])[] = [
  ["Cartons et caisses", "FiLo"],
  ["Papier et essuyage", "FiLo"],
  ["Films et sacs", "FiFo"],
  ["Produits d'hygiène", "LiFo"],
  ["Calage et protection", "LiFo"],
  ["Distributeurs et équipements", "LiLo"],
];

/** First day (UTC ms) of the rolling years N-1 and N before the default reference date 20/12/2025 (SPEC §7). */
export const SAMPLE_N1_START = Date.UTC(2023, 11, 20);
export const SAMPLE_N_START = Date.UTC(2024, 11, 20);

/** What the journal of one client is drawn to show (SPEC §12's first rule that holds). */
export type JournalProfile = "loss_likely" | "revenue_at_risk" | "engaged" | "to_build";

const CORE = 0;
const TISSUE = 1;
const FILM = 2;
const LIFO_FAMILIES = [3, 4];
const LILO = 5;
/** Relative weight of each family in a client's spend. */
const FAMILY_WEIGHT = [5, 2, 1.5, 1.2, 1, 2.5];

/** The profile of a client from its phase (shares per phase), drawn from the journal's own PRNG. */
function journalProfile(c: SampleClient, d: Draw): JournalProfile {
  switch (c.phase) {
    case "lost":
      return "loss_likely";
    case "D":
      return "to_build";
    case "V":
      return d.weighted([["loss_likely", 0.35], ["revenue_at_risk", 0.4], ["to_build", 0.25]] as const);
    case "M":
      return d.weighted([["engaged", 0.35], ["revenue_at_risk", 0.2], ["to_build", 0.45]] as const);
    default:
      return d.weighted([["engaged", 0.45], ["to_build", 0.55]] as const);
  }
}

/** Whole euros of `total` shared by `weights` (largest remainder, so they add up exactly). */
function shares(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, k) => [r - Math.floor(r), k] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let j = 0; left > 0; j = (j + 1) % order.length, left--) out[order[j][1]]++;
  return out;
}

/** The families a client bought in N-1 and in N, for its profile (amounts permitting). */
function familySets(profile: JournalProfile, c: SampleClient, d: Draw): { n1: number[]; n: number[] } {
  const ca = c.ca as readonly [number, number, number];
  const lifo = d.pick(LIFO_FAMILIES);
  const tissue = d.uniform() < 0.6;
  const film = d.uniform() < 0.55;
  const keepsFilm = d.uniform() < 0.3;
  const n1 = new Set<number>([CORE]);
  const n = new Set<number>([CORE]);
  if (tissue) {
    n1.add(TISSUE);
    n.add(TISSUE);
  }
  if (film) {
    n1.add(FILM);
    if (keepsFilm) n.add(FILM);
  }
  switch (profile) {
    case "loss_likely":
      // A FiLo family stopped (the second one when there is one, else the core: a lost client stops it all).
      n1.add(TISSUE);
      n.delete(TISSUE);
      if (d.uniform() < 0.5) n1.add(lifo);
      break;
    case "revenue_at_risk":
      n1.add(lifo);
      break;
    case "engaged":
      n.add(LILO);
      if (c.phase === "M" && d.uniform() < 0.6) n1.add(LILO);
      if (d.uniform() < 0.3) {
        n1.add(lifo);
        n.add(lifo);
      }
      break;
    case "to_build":
      if (d.uniform() < 0.1) n.add(lifo);
      break;
  }
  if (ca[2] === 0) n.clear();
  if (ca[1] === 0) n1.clear();
  return { n1: [...n1].sort((a, b) => a - b), n: [...n].sort((a, b) => a - b) };
}

/** `count` days (UTC ms) in [from, to], sorted; Fi families early in the span, Li families late. */
function lineDays(count: number, from: number, to: number, late: boolean, d: Draw): number[] {
  const days = Math.max(0, Math.floor((to - from) / DAY_MS));
  const lo = late ? Math.floor(days * 0.75) : 0;
  const hi = late ? days : Math.max(0, Math.floor(days * 0.6));
  return Array.from({ length: count }, () => from + d.int(lo, hi) * DAY_MS).sort((a, b) => a - b);
}

/**
 * The invoice lines of the sample's clients (header first): per client, per rolling year, per family bought,
 * one to three lines whose amounts add up to the table's CA 2024 (N-1) and CA 2025 (N) exactly; no line after the
 * client's « Date dernier achat », and its last line on that day when it bought in N. Deterministic, from its own
 * PRNG. Returns the rows and each client's drawn profile (for the tests).
 */
export function generateJournal(clients: readonly SampleClient[], seed = SAMPLE_SEED + 18): { rows: unknown[][]; profiles: Map<string, JournalProfile> } {
  const d = draw(seed);
  const rows: unknown[][] = [[...JOURNAL_HEADERS]];
  const profiles = new Map<string, JournalProfile>();
  const lines: [number, string, string, number][] = [];
  for (const c of clients) {
    if (c.prospect || !c.ca || !c.lastPurchase) continue;
    const profile = journalProfile(c, d);
    profiles.set(c.code, profile);
    const sets = familySets(profile, c, d);
    const last = c.lastPurchase.getTime();
    const periods: [number[], number, number, number][] = [
      [sets.n1, c.ca[1], SAMPLE_N1_START, Math.min(SAMPLE_N_START - DAY_MS, last)],
      [sets.n, c.ca[2], SAMPLE_N_START, Math.min(SAMPLE_LAST_DAY, last)],
    ];
    periods.forEach(([families, total, from, to], p) => {
      if (total <= 0 || families.length === 0) return;
      const amounts = shares(total, families.map((f) => FAMILY_WEIGHT[f]));
      families.forEach((f, k) => {
        const count = amounts[k] < 300 ? 1 : d.int(1, 3);
        const parts = shares(amounts[k], Array.from({ length: count }, () => 0.5 + d.uniform()));
        const days = lineDays(count, from, to, SAMPLE_FAMILIES[f][1].startsWith("Li") && p === 0, d);
        // The client's last purchase (table) is its last line, on the core family (in N-1 for a lost client).
        if (f === CORE && (p === 1 || c.ca?.[2] === 0)) days[days.length - 1] = to;
        parts.forEach((amount, j) => {
          if (amount > 0) lines.push([days[j], c.code, SAMPLE_FAMILIES[f][0], amount]);
        });
      });
    });
  }
  lines.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]) || a[2].localeCompare(b[2]));
  lines.forEach(([day, code, family, amount], k) => {
    rows.push([`F${String(k + 1).padStart(5, "0")}`, new Date(day), code, family, amount]);
  });
  return { rows, profiles };
}

/** The rep's table « Famille;Type » of the sample (`assets/sample/types.csv`), French CSV, CRLF. */
export function sampleTypesCsv(): string {
  return ["Famille;Type", ...SAMPLE_FAMILIES.map(([family, type]) => `${family};${type}`)].join("\r\n") + "\r\n";
}

const README_LINES = [
  "Classeur de démonstration de PAC Commercial — données fictives.",
  "",
  "Entreprise : Emballages Rhône-Alpes Distribution SAS (fictive), grossiste en emballages et produits d'hygiène pour les professionnels.",
  "Feuille « Clients » : 150 clients et 30 prospects (colonne Prospect = Oui), une ligne chacun.",
  "CA 2023, CA 2024, CA 2025 : chiffre d'affaires HT en euros ; Visites : visites du commercial dans l'année ;",
  "Nb commandes 2025 : nombre de commandes ; Potentiel : achats annuels du client dans la catégorie, tous fournisseurs ;",
  "Date dernier achat : date de la dernière facture.",
  "Pertinence, Crédibilité, Attractivité pour nous, Notre attractivité : notes de 1 à 5 données par le commercial à chaque prospect (règle de Pascal Py : un prospect est retenu quand les quatre notes sont au moins à 3).",
  "Satisfaction : note de 1 à 5 donnée par le commercial, ce que nous apportons au client (matrice du client idéal).",
  "Feuille « Journal » : les factures des clients par famille de produits (N° facture, Date, Client, Famille, Montant HT) ; elles font exactement les CA 2024 et CA 2025 de la feuille Clients.",
  "Les familles ont chacune un type (FiLo, FiFo, LiFo, LiLo, d'après Pascal Py) donné par le commercial dans le fichier types.csv fourni à côté : il dit quels clients cessent d'acheter leurs produits de base et sont sur le départ.",
  "",
  "Pour obtenir le plan : dans Excel, onglet Accueil, bouton PAC Commercial (le complément), puis suivez les cinq étapes de l'assistant.",
  "Le plan est écrit dans les feuilles Cibles, Contacts, PAC et Remarques, qui se lisent et se recalculent ensuite sans le complément.",
  "",
  "Toute ressemblance avec des entreprises existantes serait fortuite.",
];

/**
 * The demo workbook: a "Clients" sheet (the table), a "Journal" sheet when `journal` rows are given (the bundled
 * sample; the benches leave it out), and a "Lisez-moi" sheet; fixed dates.
 */
export function sampleWorkbook(clients: readonly SampleClient[], journal?: readonly (readonly unknown[])[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "PAC Commercial";
  wb.lastModifiedBy = "PAC Commercial";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const sheet = wb.addWorksheet("Clients", { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  sheet.addRows(sampleRows(clients));
  const widths = [9, 40, 18, 26, 12, 12, 12, 12, 12, 18, 12, 18, 10, 12, 12, 14, 14, 12];
  widths.forEach((w, k) => {
    sheet.getColumn(k + 1).width = w;
  });
  for (const k of [5, 6, 7, 11]) sheet.getColumn(k).numFmt = '#,##0 "€"';
  sheet.getColumn(12).numFmt = "dd/mm/yyyy";
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SAMPLE_HEADERS.length } };
  if (journal) {
    const lines = wb.addWorksheet("Journal", { views: [{ state: "frozen", ySplit: 1 }] });
    lines.addRows(journal.map((r) => [...r]));
    [12, 12, 9, 30, 14].forEach((w, k) => {
      lines.getColumn(k + 1).width = w;
    });
    lines.getColumn(2).numFmt = "dd/mm/yyyy";
    lines.getColumn(5).numFmt = '#,##0 "€"';
    lines.getRow(1).font = { bold: true };
  }
  const readme = wb.addWorksheet("Lisez-moi");
  README_LINES.forEach((line, k) => {
    readme.getCell(k + 1, 1).value = line === "" ? null : line;
  });
  readme.getColumn(1).width = 120;
  readme.getCell(1, 1).font = { bold: true };
  return wb;
}

/**
 * Rewrites the modification time of every entry of a zip file (local headers and central directory), so the
 * same content always gives the same bytes. The CRCs cover the data only, so nothing else changes.
 * @throws Error when the buffer is not a zip file.
 */
export function fixZipTimes(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  let eocd = -1;
  for (let p = out.length - 22; p >= Math.max(0, out.length - 65_557); p--) {
    if (out.readUInt32LE(p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new Error("fixZipTimes: not a zip file (no end of central directory)");
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let k = 0; k < entries; k++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error("fixZipTimes: bad central directory entry");
    out.writeUInt16LE(dosTime, p + 12);
    out.writeUInt16LE(dosDate, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error("fixZipTimes: bad local header");
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

/** The .xlsx bytes of a workbook, the same on every run for the same content. */
export async function stableXlsx(wb: ExcelJS.Workbook): Promise<Buffer> {
  const raw = await wb.xlsx.writeBuffer();
  return fixZipTimes(Buffer.from(raw as ArrayBuffer), FIXED_DATE);
}

export const SAMPLE_PATH = join(__dirname, "..", "assets", "sample", "clients-demo.xlsx");
export const SAMPLE_TYPES_PATH = join(__dirname, "..", "assets", "sample", "types.csv");

async function main(): Promise<void> {
  const target = process.argv[2] ?? SAMPLE_PATH;
  const clients = generateClients();
  checkCoverage(clients);
  const bytes = await stableXlsx(sampleWorkbook(clients, generateJournal(clients).rows));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
  if (process.argv[2] === undefined) writeFileSync(SAMPLE_TYPES_PATH, sampleTypesCsv());
  console.log(`${target} : ${clients.filter((c) => !c.prospect).length} clients, ${clients.filter((c) => c.prospect).length} prospects, ${bytes.length} octets.`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
