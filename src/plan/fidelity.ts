import {
  engagement as engagementOf,
  engagementWarningWhy,
  idealClients,
  idealWarningWhy,
  isEngineError,
  proposeFamilyTypes,
  type EngagementResult,
  type FamilyHistory,
  type FamilySpend,
  type IdealResult,
  type TypeProposals,
} from "../engine";
import { errorMessage, explain, type Lang } from "../i18n";
import type { CatalogueTextKey } from "../i18n/catalogue";
import type { ImportedClient } from "../io/client";
import type { Remark } from "./remarks";

/** Why a fidelity method was not computed: a text of the catalogue module, with its params. */
export interface FidelityReason {
  readonly key: CatalogueTextKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

/**
 * Where the journal's family spend comes from and what the rep said about the types. `families` is indexed like
 * `ids` (the journal's clients, in its order): the input itself when it is a journal, or a journal sheet beside
 * a client table, matched by client id.
 */
export interface FidelityInput {
  /** The clients scored, in the portfolio's order (the value / satisfaction, contacts and CA of the ideal client). */
  readonly clients: readonly ImportedClient[];
  readonly journal?: {
    readonly ids: readonly string[];
    readonly families: FamilyHistory;
  };
  /** Why there is no family spend: no journal with a product column, or a journal that does not cover N-1. */
  readonly journalMissing?: "no_journal" | "not_covered";
  /** The rep's table, one type per journal family ("FiLo"… or "" untyped); absent: engagement is not computed. */
  readonly types?: readonly string[];
  /** Split points of the ideal-client matrix; default the medians. */
  readonly idealSplits?: { readonly productivity?: number; readonly value?: number };
}

/**
 * Engagement (SPEC §12) and the ideal-client matrix (§13) of a portfolio, each with its rows mapped to the
 * portfolio's clients (`rowOf[i]`, −1 for a prospect or a client the method did not see) or the reason it was not
 * computed. The proposed types are there whenever a journal is: shown for the rep to confirm, never used.
 */
export interface Fidelity {
  readonly engagement?: EngagementResult;
  /** Engagement row of portfolio client i, or −1. */
  readonly engagementRow?: Int32Array;
  readonly engagementMissing?: FidelityReason;
  /** Families typed in the rep's table (for the PAC's note). */
  readonly typedFamilies: number;
  readonly proposals?: TypeProposals;
  readonly ideal?: IdealResult;
  readonly idealRow?: Int32Array;
  readonly idealMissing?: FidelityReason;
  /** Journal clients absent from the client table (ignored). */
  readonly unmatched: number;
  /** Remarks for the « Remarques » sheet, in the chosen language. */
  readonly remarks: readonly Remark[];
}

/** The spend of the journal's clients re-indexed on the portfolio's customers (CSR, customers only). */
function spendOfCustomers(clients: readonly ImportedClient[], ids: readonly string[], spend: FamilySpend): { spend: FamilySpend; rowOf: Int32Array; matched: number } {
  const where = new Map<string, number>();
  ids.forEach((id, k) => {
    if (!where.has(id)) where.set(id, k);
  });
  const rowOf = new Int32Array(clients.length).fill(-1);
  const start = [0];
  const family: number[] = [];
  const n1: number[] = [];
  const n0: number[] = [];
  let matched = 0;
  const seen = new Set<number>();
  clients.forEach((c, i) => {
    if (c.isProspect === true) return;
    rowOf[i] = start.length - 1;
    const k = where.get(c.id);
    if (k !== undefined && !seen.has(k)) {
      seen.add(k);
      matched++;
      for (let p = spend.start[k]; p < spend.start[k + 1]; p++) {
        family.push(spend.family[p]);
        n1.push(spend.spendN1[p]);
        n0.push(spend.spendN[p]);
      }
    }
    start.push(family.length);
  });
  return {
    spend: { families: spend.families, start: Int32Array.from(start), family: Int32Array.from(family), spendN1: Float64Array.from(n1), spendN: Float64Array.from(n0) },
    rowOf,
    matched,
  };
}

/**
 * Computes engagement and the ideal-client matrix for the written plan, the CLI and the wizard (pure).
 * - Engagement runs only with a journal's family spend covering N-1 **and** the rep's types (`types`): without
 *   them the reason says so and the proposed types are given for confirmation (never used silently).
 * - The ideal-client matrix runs on the customers when some of them have a value / satisfaction score:
 *   productivity = CA / contacts (N), each split at the median; a client without a score, contacts or CA is left
 *   out with a remark naming its row.
 * Prospects are in neither.
 */
export function computeFidelity(input: FidelityInput, lang: Lang = "fr"): Fidelity {
  const { clients } = input;
  const remarks: Remark[] = [];
  let unmatched = 0;
  let typedFamilies = 0;
  let engagement: EngagementResult | undefined;
  let engagementRow: Int32Array | undefined;
  let engagementMissing: FidelityReason | undefined;
  let proposals: TypeProposals | undefined;

  if (!input.journal) {
    engagementMissing = { key: input.journalMissing === "not_covered" ? "fid.reason.not_covered" : "fid.reason.no_journal" };
  } else {
    const { ids, families } = input.journal;
    proposals = proposeFamilyTypes(families);
    const sub = spendOfCustomers(clients, ids, families);
    unmatched = new Set(ids).size - sub.matched;
    if (sub.matched === 0) engagementMissing = { key: "fid.reason.no_match" };
    else if (!input.types) engagementMissing = { key: "fid.reason.no_types" };
    else {
      try {
        engagement = engagementOf(sub.spend, input.types);
        engagementRow = sub.rowOf;
        typedFamilies = input.types.filter((t) => t !== "").length;
        for (const w of engagement.warnings) remarks.push({ message: explain(engagementWarningWhy(w), lang), kind: "info" });
      } catch (e) {
        if (!isEngineError(e)) throw e;
        engagementMissing = { key: "fid.reason.failed", params: { error: errorMessage(e.code, e.params, lang) } };
      }
    }
  }

  let ideal: IdealResult | undefined;
  let idealRow: Int32Array | undefined;
  let idealMissing: FidelityReason | undefined;
  const customers: number[] = [];
  clients.forEach((c, i) => {
    if (c.isProspect !== true) customers.push(i);
  });
  if (!customers.some((i) => clients[i].value !== undefined)) idealMissing = { key: "fid.reason.no_value" };
  else if (!customers.some((i) => clients[i].contacts !== undefined)) idealMissing = { key: "fid.reason.no_contacts" };
  else {
    try {
      ideal = idealClients(
        {
          ca: customers.map((i) => clients[i].ca),
          contacts: customers.map((i) => clients[i].contacts),
          value: customers.map((i) => clients[i].value),
        },
        {
          ...(input.idealSplits?.productivity !== undefined ? { splitProductivity: input.idealSplits.productivity } : {}),
          ...(input.idealSplits?.value !== undefined ? { splitValue: input.idealSplits.value } : {}),
        },
      );
      idealRow = new Int32Array(clients.length).fill(-1);
      customers.forEach((i, k) => {
        (idealRow as Int32Array)[i] = k;
      });
      for (const w of ideal.warnings) {
        const c = clients[customers[w.index]];
        remarks.push({ row: c.row, client: c.id, message: explain(idealWarningWhy(w, c.row), lang), kind: "skipped" });
      }
    } catch (e) {
      if (!isEngineError(e)) throw e;
      idealMissing = { key: "fid.reason.failed", params: { error: errorMessage(e.code, e.params, lang) } };
    }
  }

  return {
    ...(engagement ? { engagement, engagementRow } : {}),
    ...(engagementMissing ? { engagementMissing } : {}),
    typedFamilies,
    ...(proposals ? { proposals } : {}),
    ...(ideal ? { ideal, idealRow } : {}),
    ...(idealMissing ? { idealMissing } : {}),
    unmatched,
    remarks,
  };
}
