import type { LabelKey, WhyKey } from "../fr/methods";

export const labelsEn: Record<LabelKey, string> = {
  "rfm.segment.champions": "Champions",
  "rfm.segment.loyal": "Loyal customers",
  "rfm.segment.potential_loyalist": "Potential loyalists",
  "rfm.segment.new": "New customers",
  "rfm.segment.promising": "Promising",
  "rfm.segment.need_attention": "Need attention",
  "rfm.segment.about_to_sleep": "About to sleep",
  "rfm.segment.at_risk": "At risk",
  "rfm.segment.cant_lose": "Can't lose them",
  "rfm.segment.hibernating": "Hibernating",
  "pr.target.develop": "Develop",
  "pr.target.maintain": "Maintain",
  "pr.target.secure": "Secure",
  "elasticity.reading.elastic": "Elastic",
  "elasticity.reading.low": "Low elasticity",
  "elasticity.reading.inelastic": "Inelastic",
  "elasticity.reading.inverse": "Inverse reaction",
  "contacts.quadrant.cash_cow": "Cash cows",
  "contacts.quadrant.skeleton": "Skeletons",
  "contacts.quadrant.golden_goose": "Golden geese",
  "contacts.quadrant.contact_eater": "Contact eaters",
  "contacts.side.high": "above",
  "contacts.side.low": "at or below",
  "contacts.split.median": "the median",
  "contacts.split.user": "the chosen split",
  "maturity.phase.D": "Start",
  "maturity.phase.C": "Growth",
  "maturity.phase.M": "Maturity",
  "maturity.phase.V": "Decline",
  "maturity.shape.ascending": "Ascending (rising) maturity",
  "maturity.shape.descending": "Descending (rejuvenating) configuration",
  "maturity.shape.u_curve": "U-shaped curve",
  "maturity.shape.balanced": "Balanced",
  "family.entretien": "Maintenance",
  "family.stimulation": "Stimulation",
  "family.conquete": "Conquest",
};

export const whyEn: Record<WhyKey, string> = {
  "abc.A":
    "Class A: the clients ranked ahead make {before} of sales (under {threshold}); with this one the total reaches {cumulative}.",
  "abc.B": "Class B: the clients ranked ahead already make {before} of sales (at least {thresholdA}, under {thresholdB}).",
  "abc.C": "Class C: the clients ranked ahead already make {before} of sales (at least {threshold}).",
  "abc.C_nonpositive": "Class C: zero or negative amount ({amount}), no weight in sales.",
  "abc.clients.A": "Class A: rank {rank} of {n}, within the first {count} clients ({share} of clients).",
  "abc.clients.B": "Class B: rank {rank} of {n}, after the first {countA} and within the first {count}.",
  "abc.clients.C": "Class C: rank {rank} of {n}, after the first {count} clients.",
  "abc.tie": "Tied with a better-ranked client: same class.",
  "quartile.rank":
    "Rank {rank}: the clients ranked ahead make {before} of the total, i.e. quarter {rank} of the total amount (interquartile method, not quartiles of clients).",
  "quartile.nonpositive": "Rank 4: zero or negative amount ({amount}).",
  "rfm.score": "{criterion} = {score}/{k}: between {from} (included) and {to} (excluded) of the other clients do worse.",
  "rfm.score_top": "{criterion} = {score}/{k}: at least {from} of the other clients do worse.",
  "rfm.score_single": "{criterion} = {score}/{k}: only client in the list.",
  "rfm.grid": "{criterion} = {score}/{k}: value at least {from} and under {to} on the grid.",
  "rfm.grid_low": "{criterion} = {score}/{k}: value under {to}, below the first break point of the grid.",
  "rfm.grid_high": "{criterion} = {score}/{k}: value at least {from}, the last break point of the grid.",
  "rfm.segment": "R = {r} and F = {f}: segment “{segment}”.",
  "pr.code":
    "{code}: potential rank P{p}, realised rank R{r}; gap R − P = {gap} → {target}.",
  "pr.over_one": "Penetration rate {rate} > 100%: the potential is probably underestimated.",
  "pr.code_no_rate":
    "{code}: potential rank P{p}, realised rank R{r}; gap R − P = {gap} → {target}. No penetration rate: zero or negative potential ({potential}).",
  "elasticity.value":
    "Sales {caBefore} → {caAfter} (change {caChange}) for contacts {contactsBefore} → {contactsAfter} (change {contactsChange}): elasticity {value} → {reading}.",
  "contacts.quadrant":
    "{contacts} contacts ({contactsSide} {contactsKind} {splitContacts}) for sales of {amount} ({amountSide} {amountsKind} {splitAmount}) → {quadrant}.",
  "contacts.splits":
    "Split points: {contactsKind} of contacts = {splitContacts}; {amountsKind} of sales = {splitAmount} (“high” means strictly above).",
  "maturity.D": "Start: no sales in the previous period, {last} in the last one.",
  "maturity.C": "Growth: sales {prev} → {last}, change {growth} (above +{threshold}).",
  "maturity.M": "Maturity: sales {prev} → {last}, change {growth} (between −{threshold} and +{threshold}).",
  "maturity.V": "Decline: sales {prev} → {last}, change {growth} (below −{threshold}).",
  "maturity.none": "Not classed: no sales in either of the last two periods.",
  "maturity.none_negative":
    "Not classed: no sales in the previous period and negative sales ({last}) in the last one (returns?).",
  "maturity.shape.u_curve":
    "U-shaped curve: starting clients (D {d}) and declining clients (V {v}) each outnumber growing (C {c}) and mature ones (M {m}); the portfolio renews itself at both ends: secure the newcomers and decide, client by client, whether to revive or reduce the effort on the declining ones. {classed} classed {classed|client|clients}, {unclassed} not classed.",
  "maturity.shape.ascending":
    "Ascending (rising) maturity: M + V make {mvShare} of the {classed} classed {classed|client|clients} (over 50%); the portfolio is ageing: plan conquest and rejuvenation. D {d}, C {c}, M {m}, V {v}, not classed {unclassed}.",
  "maturity.shape.descending":
    "Descending (rejuvenating) configuration: D + C make {dcShare} of the {classed} classed {classed|client|clients} (over 50%); a young portfolio: develop and secure the new clients. D {d}, C {c}, M {m}, V {v}, not classed {unclassed}.",
  "maturity.shape.balanced":
    "Balanced: no U-shaped curve, and neither M + V ({mvShare}) nor D + C ({dcShare}) is over 50% of the {classed} classed {classed|client|clients}; D {d}, C {c}, M {m}, V {v}, not classed {unclassed}.",
  "maturity.shape.none": "No classed client ({unclassed} not classed): no portfolio shape.",
  "allocation.entretien": "Maintenance: norm {norm} contacts a year for class {cls}, {planned} planned.",
  "allocation.entretien_scaled":
    "Maintenance: norm {norm} contacts a year for class {cls}, cut to {planned} because needs ({need}) exceed the budget ({budget}).",
  "allocation.stimulation": "Stimulation: P-R gap {gap}, {planned} extra “turbo” {planned|visit|visits}.",
  "allocation.stimulation_elastic": "Stimulation: elasticity {elasticity} (at least 1), {planned} extra “turbo” {planned|visit|visits}.",
  "allocation.stimulation_capped_gap":
    "Stimulation: P-R gap {gap}, {planned} extra “turbo” {planned|visit|visits}, the client's cap ({cap}, as many as its maintenance norm).",
  "allocation.stimulation_capped_elastic":
    "Stimulation: elasticity {elasticity} (at least 1), {planned} extra “turbo” {planned|visit|visits}, the client's cap ({cap}, as many as its maintenance norm).",
  "allocation.stimulation_not_eligible": "No “turbo” visit: neither a P-R gap of at least 1 nor an elasticity of at least 1.",
  "allocation.stimulation_no_ca":
    "No “turbo” visit: elastic, but no sales in the last period ({ca}) and no P-R gap of at least 1, so no potential to capture; minimal, remote contact.",
  "allocation.stimulation_no_cap": "No “turbo” visit: the maintenance norm of class {cls} is zero, and so is its cap.",
  "allocation.prospect": "Conquest: prospect with score {score}, {planned} {planned|contact|contacts} of the {budget} for conquest.",
  "allocation.families":
    "Capital of {capital} contacts: maintenance {entretien} ({entretienShare}), stimulation {stimulation} ({stimulationShare}), conquest {conquete} ({conqueteShare}), rounded by the largest-remainder method.",
  "allocation.scaled":
    "Maintenance needs ({need} contacts) exceed the maintenance budget ({budget}): each norm is cut to {ratio} of its value.",
  "allocation.unused":
    "{unused} unused maintenance {unused|contact|contacts} (needs {need} for a budget of {budget}) go to stimulation.",
  "allocation.stimulation_pool":
    "No client has a P-R gap of at least 1 or an elasticity of at least 1, and no retained prospect can take them: {pool} stimulation {pool|contact stays|contacts stay} an unassigned reserve.",
  "allocation.stimulation_capped":
    "The “turbo” caps ({cap} of each client's maintenance norm) leave {pool} stimulation {pool|contact|contacts} that no retained prospect can take: {pool|it stays|they stay} an unassigned reserve.",
  "allocation.stimulation_to_conquest":
    "No client has a P-R gap of at least 1 or an elasticity of at least 1: the {pool} stimulation {pool|contact|contacts} go to conquest, to the retained prospects.",
  "allocation.capped_to_conquest":
    "The “turbo” caps ({cap} of each client's maintenance norm) leave {pool} stimulation {pool|contact|contacts}: {pool|it goes|they go} to conquest, to the retained prospects.",
  "allocation.conquest_capped":
    "{prospects} retained {prospects|prospect|prospects} at the cap of {cap} contacts per prospect: {pool} conquest {pool|contact remains|contacts remain} to plan, on new prospects.",
  "allocation.conquest_pool": "No retained prospect: the {pool} conquest {pool|contact|contacts} stay one pool to plan.",
  "allocation.none": "No contact planned.",
};
