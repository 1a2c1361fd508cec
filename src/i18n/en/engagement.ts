import type { EngagementLabelKey, EngagementWhyKey } from "../fr/engagement";

/** English labels of engagement and the ideal-client matrix (same keys as the French catalogue). */
export const engagementLabelsEn: Record<EngagementLabelKey, string> = {
  "ideal.class.ideal": "Ideal clients",
  "ideal.class.happy": "Happy clients",
  "ideal.class.at_risk": "Clients at risk",
  "ideal.class.avoid": "Clients to avoid",
  "ideal.reading.ideal": "target first; we bring them a lot and they pay it back well",
  "ideal.reading.happy": "not very profitable but happy with us; keep them, ask for recommendations",
  "ideal.reading.at_risk": "profitable but we do not bring them enough: they may put us in competition, secure them",
  "ideal.reading.avoid": "too much time for little sales; reduce the time spent",
  "ideal.column.productivity": "Productivity",
  "ideal.column.ca": "Sales",
  "ideal.column.contacts": "Contacts",
  "ideal.column.value": "Value brought",
  "engagement.type.FiLo": "FiLo (first in, last out): core products, kept to the end",
  "engagement.type.FiFo": "FiFo (first in, first out): entry products, dropped early",
  "engagement.type.LiFo": "LiFo (last in, first out): add-ons, the first dropped when a client starts to leave",
  "engagement.type.LiLo": "LiLo (last in, last out): products of a deeply engaged client, who keeps them",
  "engagement.not_classed": "Not classed",
};

export const engagementWhyEn: Record<EngagementWhyKey, string> = {
  "engagement.why.loss_likely":
    "Stopped buying the family “{family}” ({type}, €{amount} in N-1): client loss likely; sales at risk €{atRisk} ({stopped} {stopped|family|families} stopped).",
  "engagement.why.revenue_at_risk":
    "Stopped buying the family “{family}” ({type}, €{amount} in N-1): risk of losing sales; sales at risk €{atRisk} ({stopped} {stopped|family|families} stopped).",
  "engagement.why.engaged": "Buys the family “{family}” ({type}) in N and stopped no family: engaged client.",
  "engagement.why.engaged_stopped":
    "Buys the family “{family}” ({type}) in N: engaged client; {stopped} minor {stopped|family|families} stopped, sales at risk €{atRisk}.",
  "engagement.why.to_build": "No FiLo or LiFo family stopped, no LiLo family bought in N: loyalty to build.",
  "engagement.why.to_build_stopped":
    "No FiLo or LiFo family stopped, no LiLo family bought in N: loyalty to build; {stopped} other {stopped|family|families} stopped, sales at risk €{atRisk}.",
  "engagement.why.not_classed": "No purchase in N-1 or N: engagement not computed.",
  "engagement.warning.untyped_family":
    "The family “{family}” has no type in the type table: it decides no class (stopping it counts in the sales at risk).",
  "engagement.portfolio":
    "{lossLikely} {lossLikely|client|clients} likely lost, {atRiskClients} with sales at risk, {engaged} engaged, {toBuild} to win over; sales at risk €{totalAtRisk}.",
  "engagement.proposal":
    "Proposed type {type}: first bought at a median {position} of the history of its {buyers} {buyers|buyer|buyers} ({first}); {kept} of the {active} {active|buyer|buyers} still active in N still buy it ({last}). To confirm.",
  "engagement.proposal.no_active":
    "No proposed type: none of its {buyers} {buyers|buyer|buyers} buys anything in N (first bought at a median {position} of their history).",
  "engagement.proposal.no_buyer": "No proposed type: no purchase of this family (only returns or cancellations).",
  "engagement.not_covered":
    "Engagement not computed: it compares the families bought in N-1 and in N, and the journal does not cover N-1 (see the dates above).",
  "ideal.why":
    "Productivity {productivity} ({pSide} {pKind} {splitProductivity}), value brought {value} ({vSide} {vKind} {splitValue}) → {cls}: {reading}.",
  "ideal.splits": "Split points: {pKind} of productivity = {splitProductivity}; {vKind} of the value brought = {splitValue} (“high” means strictly above).",
  "ideal.unclassed.blank": "Not classed: “{column}” is blank.",
  "ideal.unclassed.not_number": "Not classed: “{column}” is “{value}”, not a number.",
  "ideal.unclassed.out_of_range": "Not classed: “{column}” is {value}, outside the 1 to 5 scale.",
  "ideal.unclassed.zero_contacts": "Not classed: no contact in the period, productivity undefined.",
  "ideal.unclassed.negative_contacts": "Not classed: “{column}” is {value}, a number of contacts cannot be negative.",
  "ideal.warning.blank": "Client row {row}: “{column}” is blank; this client is not placed in the ideal-client matrix.",
  "ideal.warning.not_number": "Client row {row}: “{column}” is “{value}”, not a number; this client is not placed in the ideal-client matrix.",
  "ideal.warning.out_of_range": "Client row {row}: “{column}” is {value}, outside the 1 to 5 scale; this client is not placed in the ideal-client matrix.",
  "ideal.warning.zero_contacts": "Client row {row}: no contact, productivity undefined; this client is not placed in the ideal-client matrix.",
  "ideal.warning.negative_contacts": "Client row {row}: “{column}” is {value}, negative; this client is not placed in the ideal-client matrix.",
};
