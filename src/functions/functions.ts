/*
 * The PAC.* custom functions. The JSDoc of each function is its Excel metadata: CustomFunctionsMetadataPlugin
 * reads it to build functions.json (English) and appends the CustomFunctions.associate() calls to this file at
 * build time; the French metadata (functions.fr-FR.json) is made from src/i18n/functions.fr-FR.json.
 * Each function is a thin wrapper: the scoring lives in src/engine, the cell parsing in ./cells and ./columns.
 * Ranges and results are typed `any[][]` because the metadata generator rejects union types; the wrappers read
 * them as `unknown` at the boundary.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { abcCells } from "./abc";
import { allocateCells, capitalCell } from "./capital";
import { contactsCells } from "./contacts";
import { elasticityCells } from "./elasticity";
import { engagementCells } from "./engagement";
import { idealCells } from "./ideal";
import { maturityCells } from "./maturity";
import { prCells } from "./pr";
import { prospectCells } from "./prospect";
import { quarterRankCells } from "./quarterRank";
import { rfmCells } from "./rfm";

/**
 * RFM score of each client (Recency, Frequency, Monetary), 1 to 5 per criterion by default. Recency is in days: pass reference date minus last purchase date, e.g. =PAC.RFM(DATE(2025,12,31)-B2:B200, C2:C200, D2:D200). Needs all three values of a client.
 * @customfunction RFM
 * @param recency_days Days since the last purchase (reference date minus last purchase date), one per client.
 * @param frequency Number of purchases in the period, one per client.
 * @param monetary Amount bought in the period, one per client.
 * @param [classes] Number of classes (2 to 10, default 5), or a range of break points (three rows R, F, M) for a fixed grid.
 * @param [output] "code" (default, e.g. 543), "sum", "r", "f", "m", "segment" or "all" (three columns R, F, M).
 * @param [weights] Three weights for R, F, M in the sum (default 1, 1, 1).
 * @returns One result per client.
 */
export function rfm(
  recency_days: any[][],
  frequency: any[][],
  monetary: any[][],
  classes?: any[][],
  output?: string,
  weights?: any[][],
): any[][] {
  return rfmCells(recency_days, frequency, monetary, classes, output, weights);
}

/**
 * ABC class (Pareto 20/80) of each client: A = the top clients that together make 80% of sales, B = up to 95%, C = the rest.
 * @customfunction ABC
 * @param amounts Amount per client (sales or margin), one column or one row. Blank cells give a blank result.
 * @param [threshold_a] Class A threshold in % of sales (default 80; 20 in "clients" mode).
 * @param [threshold_b] Class B threshold in % of sales (default 95; 50 in "clients" mode).
 * @param [mode] "amount" (default, cumulative share of sales) or "clients" (20% / 50% of the number of clients).
 * @returns One class A, B or C per client.
 */
export function abc(amounts: any[][], threshold_a?: number, threshold_b?: number, mode?: string): any[][] {
  return abcCells(amounts, threshold_a, threshold_b, mode);
}

/**
 * P-R penetration of each client: P = interquartile rank of its potential, R = of its realised sales; code "P1-R3", gap R-P, penetration rate, or target (Develop / Maintain / Secure).
 * @customfunction P_R
 * @param potential Potential per client (its total purchases of the category, all suppliers).
 * @param realised Realised sales per client, same size as potential.
 * @param [output] "code" (default), "gap", "rate" or "target".
 * @returns One result per client.
 */
export function p_r(potential: any[][], realised: any[][], output?: string): any[][] {
  return prCells(potential, realised, output);
}

/**
 * Elasticity of sales to contacts between two periods: % change of sales / % change of contacts. #N/A when undefined (sales N-1 = 0, contacts N-1 = 0 or contacts unchanged).
 * @customfunction ELASTICITY
 * @param ca_before Sales in period N-1 (a cell or a column).
 * @param ca_after Sales in period N.
 * @param contacts_before Contacts in period N-1.
 * @param contacts_after Contacts in period N.
 * @param [output] "value" (default) or "reading" (Elastic, Low elasticity, Inelastic, Inverse reaction).
 * @returns One result per client.
 */
export function elasticity(
  ca_before: any[][],
  ca_after: any[][],
  contacts_before: any[][],
  contacts_after: any[][],
  output?: string,
): any[][] {
  return elasticityCells(ca_before, ca_after, contacts_before, contacts_after, output);
}

/**
 * Interquartile rank 1 to 4 of each client: the quarter of the total amount it falls in (rank 1 = the biggest clients making the first quarter of the total). The R indicator on sales, the P indicator on potential.
 * @customfunction QUARTER_RANK
 * @param amounts Amount per client (sales or potential).
 * @returns One rank 1 to 4 per client.
 */
export function quarter_rank(amounts: any[][]): any[][] {
  return quarterRankCells(amounts);
}

/**
 * Contact profitability quadrant of each client: Skeletons, Contact eaters, Cash cows or Golden geese, from its contacts and sales against two split points (medians by default).
 * @customfunction CONTACTS
 * @param contacts Contacts received in the period, per client.
 * @param amounts Sales (or margin) produced in the period, per client.
 * @param [split_contacts] Split point for contacts (default: the median).
 * @param [split_amounts] Split point for sales (default: the median).
 * @returns One quadrant per client.
 */
export function contacts(contacts: any[][], amounts: any[][], split_contacts?: number, split_amounts?: number): any[][] {
  return contactsCells(contacts, amounts, split_contacts, split_amounts);
}

/**
 * Maturity phase of each client from its sales per period: D (start), C (growth), M (maturity) or V (decline), from the change between the last two periods.
 * @customfunction MATURITY
 * @param periods_range One row per client, one column per period, oldest first (at least two periods).
 * @param [threshold] Growth threshold in % (default 10).
 * @returns One phase per client.
 */
export function maturity(periods_range: any[][], threshold?: number): any[][] {
  return maturityCells(periods_range, threshold);
}

/**
 * Yearly contact capital of a sales rep: working weeks x field days per week x contacts per day, e.g. 45 x 4 x 3 = 540.
 * @customfunction CAPITAL
 * @param weeks Working weeks in the year (e.g. 52 - 5 holidays - 1 training - 1 seminar = 45).
 * @param days_per_week Field days per week.
 * @param contacts_per_day Contacts (visits) per field day.
 * @returns The number of contacts possible in the year.
 */
export function capital(weeks: number, days_per_week: number, contacts_per_day: number): number {
  return capitalCell(weeks, days_per_week, contacts_per_day);
}

/**
 * Shares a contact capital out in whole contacts, in proportion to weights, by the largest remainder method: the results always add up to the capital.
 * @customfunction ALLOCATE
 * @param capital Whole number of contacts to share out.
 * @param weights_range One weight per line (e.g. clients x yearly norm).
 * @returns One whole number of contacts per line.
 */
export function allocate(capital: number, weights_range: any[][]): any[][] {
  return allocateCells(capital, weights_range);
}

/**
 * Prospect targeting (Pascal Py's rule of relevance, credibility and double attractiveness): "retained" when relevance, credibility and both attractiveness scores are at least 3 out of 5, else "rejected"; or the Ep effort score 0 to 100, or the reason.
 * @customfunction PROSPECT
 * @param relevance Relevance 1 to 5: our offer answers a need the prospect really has.
 * @param credibility Credibility 1 to 5: we are credible to this prospect (references, size, proximity).
 * @param attractiveness_to_us Attractiveness to us 1 to 5: what the prospect can bring (potential, solvency).
 * @param our_attractiveness Our attractiveness to it 1 to 5: what we bring it that its current supplier does not.
 * @param [weights] Four weights of the criteria in the Ep score (default equal), not all zero.
 * @param [output] "status" (default: retained / rejected), "ep" (effort score 0 to 100) or "reason".
 * @returns One result per prospect.
 */
export function prospect(
  relevance: any[][],
  credibility: any[][],
  attractiveness_to_us: any[][],
  our_attractiveness: any[][],
  weights?: any[][],
  output?: string,
): any[][] {
  return prospectCells(relevance, credibility, attractiveness_to_us, our_attractiveness, weights, output);
}

/**
 * Ideal-client matrix: what the client brings us (productivity, sales per contact) against what we bring it (a value or satisfaction score 1 to 5): Ideal clients, Happy clients, Clients at risk or Clients to avoid, against two split points (medians by default).
 * @customfunction IDEAL
 * @param productivity Productivity per client: sales (or margin) divided by the contacts received.
 * @param value Value brought to the client or its satisfaction, scored 1 to 5 by the rep.
 * @param [split_productivity] Split point for productivity (default: the median).
 * @param [split_value] Split point for the value (default: the median).
 * @returns One class per client.
 */
export function ideal(productivity: any[][], value: any[][], split_productivity?: number, split_value?: number): any[][] {
  return idealCells(productivity, value, split_productivity, split_value);
}

/**
 * Fidelity engagement by product type (Pascal Py): from two client x family tables (a pivot table of the journal for last year N-1 and for year N) and the type of each family (FiLo, FiFo, LiFo, LiLo): Client loss likely (a FiLo family stopped), Sales at risk (a LiFo family stopped), Engaged (a LiLo family bought in N) or Loyalty to build; or the sales at risk, or the reason.
 * @customfunction ENGAGEMENT
 * @param spend_n1 Spend per client (rows) and family (columns) in N-1; a blank cell means nothing bought.
 * @param spend_n Spend per client and family in N, same size.
 * @param types One type per family column: FiLo, FiFo, LiFo or LiLo (blank: untyped).
 * @param [families] The family names (the pivot's header row), for the reasons.
 * @param [output] "class" (default), "risk" (N-1 sales of the families stopped) or "reason".
 * @returns One result per client.
 */
export function engagement(spend_n1: any[][], spend_n: any[][], types: any[][], families?: any[][], output?: string): any[][] {
  return engagementCells(spend_n1, spend_n, types, families, output);
}
