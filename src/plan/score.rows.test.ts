import fc from "fast-check";
import { classifyAbc, contactMatrix } from "../engine";
import { quarterRanksDetailed } from "../engine/quarterRanks";
import type { ImportedClient } from "../io/clientTable";
import { linesOf } from "./rows";
import { reasonText, scorePortfolio } from "./score";
import { resultLabels } from "./summary";
import { TARGET_COLUMNS, buildTargetsSheet } from "./targetsSheet";

/*
 * scorePortfolio keeps each method's results as the engine's columns and gives every client a row view built
 * from them, its explanation made when read (issue 12): these properties check, on generated portfolios, that
 * each client's view says what the engine's own row functions say for it, explanation included.
 */

const amount = fc.oneof(fc.integer({ min: -50, max: 5000 }), fc.constantFrom(0, 100, 100, 250), fc.double({ min: 1, max: 1e6, noNaN: true }));

const client = fc.record(
  {
    ca: fc.option(amount, { nil: undefined }),
    potential: fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: undefined }),
    contacts: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    isProspect: fc.boolean().map((p) => (p ? true : undefined)),
  },
  { requiredKeys: [] },
);

const portfolio = fc.array(client, { minLength: 2, maxLength: 40 }).map((list) =>
  list.map(
    (c, i): ImportedClient => ({
      id: `C${i + 1}`,
      row: i + 2,
      ...(c.ca !== undefined ? { ca: c.ca } : {}),
      ...(c.potential !== undefined ? { potential: c.potential } : {}),
      ...(c.contacts !== undefined ? { contacts: c.contacts } : {}),
      ...(c.isProspect ? { isProspect: true } : {}),
    }),
  ),
);

/** What `run` returns, or undefined when the engine refuses the list (the method then does not run). */
function attempt<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

/** The clients (not prospects) having every field `has` asks for, with their positions. */
function kept(clients: readonly ImportedClient[], has: (c: ImportedClient) => boolean): number[] {
  return clients.flatMap((c, i) => (c.isProspect !== true && has(c) ? [i] : []));
}

describe("scorePortfolio: each client's view is the engine's row (property)", () => {
  it("ABC, R, P and the contact matrix, values and explanations", () => {
    fc.assert(
      fc.property(portfolio, (clients) => {
        const scored = scorePortfolio(clients, {}).clients;
        const withCa = kept(clients, (c) => c.ca !== undefined);
        if (withCa.length > 0) {
          const amounts = withCa.map((i) => clients[i].ca as number);
          const abc = attempt(() => classifyAbc(amounts));
          const r = attempt(() => quarterRanksDetailed(amounts));
          withCa.forEach((i, k) => {
            const view = scored[i].abc;
            const row = abc?.[k];
            expect(view && { cls: view.cls, rank: view.rank, share: view.share, before: view.before, cumulativeShare: view.cumulativeShare, warning: view.warning, why: view.why }).toEqual(
              row && { ...row, warning: row.warning },
            );
            expect(scored[i].r && { rank: scored[i].r?.rank, before: scored[i].r?.before, why: scored[i].r?.why }).toEqual(r && { rank: r[k].rank, before: r[k].before, why: r[k].why });
          });
        }
        const withPotential = kept(clients, (c) => c.potential !== undefined);
        if (withPotential.length > 0) {
          const p = attempt(() => quarterRanksDetailed(withPotential.map((i) => clients[i].potential as number)));
          withPotential.forEach((i, k) => expect(scored[i].p && { rank: scored[i].p?.rank, why: scored[i].p?.why }).toEqual(p && { rank: p[k].rank, why: p[k].why }));
        }
        const matrix = kept(clients, (c) => c.ca !== undefined && c.contacts !== undefined);
        if (matrix.length > 1 && matrix.length === kept(clients, (c) => c.contacts !== undefined).length) {
          const rows = attempt(() =>
            contactMatrix(
              matrix.map((i) => clients[i].contacts as number),
              matrix.map((i) => clients[i].ca as number),
            ),
          );
          if (rows) {
            const engine = rows;
            matrix.forEach((i, k) => {
              const view = scored[i].contacts;
              expect(view && { quadrant: view.quadrant, contactsHigh: view.contactsHigh, amountHigh: view.amountHigh, productivity: view.productivity, why: view.why }).toEqual({
                quadrant: engine[k].quadrant,
                contactsHigh: engine[k].contactsHigh,
                amountHigh: engine[k].amountHigh,
                productivity: engine[k].productivity,
                why: engine[k].why,
              });
            });
          }
        }
        // The sentences are made on each read, the same each time.
        for (const c of scored) expect(c.why).toEqual(c.reasons.map((reason) => reasonText(reason, "fr")));
      }),
      { numRuns: 150 },
    );
  });
});

describe("the Cibles lines, read from the methods' columns, say what each client's view says (property)", () => {
  const rich = fc
    .array(
      fc.record({
        ca: fc.option(amount, { nil: undefined }),
        potential: fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: undefined }),
        contacts: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
        contactsBefore: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
        before: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
        recencyDays: fc.integer({ min: 0, max: 400 }),
        frequency: fc.integer({ min: 1, max: 30 }),
        isProspect: fc.boolean().map((p) => (p ? true : undefined)),
      }),
      { minLength: 2, maxLength: 40 },
    )
    .map((list) =>
      list.map(
        (c, i): ImportedClient => ({
          id: `C${i + 1}`,
          row: i + 2,
          ...(c.ca !== undefined ? { ca: c.ca, monetary: Math.max(0, c.ca), recencyDays: c.recencyDays, frequency: c.frequency } : {}),
          ...(c.ca !== undefined && c.before !== undefined ? { periods: [c.before, c.ca] } : {}),
          ...(c.potential !== undefined ? { potential: c.potential } : {}),
          ...(c.contacts !== undefined ? { contacts: c.contacts } : {}),
          ...(c.contactsBefore !== undefined ? { contactsBefore: c.contactsBefore } : {}),
          ...(c.isProspect ? { isProspect: true } : {}),
        }),
      ),
    );

  it("class, ranks, P-R, RFM, quadrant, phase, elasticity, planned contacts", () => {
    const col = (header: string): number => TARGET_COLUMNS.findIndex((c) => c.header === header);
    const labels = resultLabels("fr");
    // How many clients had each result, over the runs: the property must see every method at work.
    const seen = { rfm: 0, segment: 0, contacts: 0, maturity: 0, elasticity: 0, pr: 0 };
    fc.assert(
      fc.property(rich, (clients) => {
        const portfolio = scorePortfolio(clients, {});
        const block = buildTargetsSheet(portfolio, "fr", { liveMax: 0 }).blocks.find((b) => b.row === 1 && b.col === 0);
        const lines = block ? linesOf(block.values) : [];
        expect(lines).toHaveLength(clients.length);
        portfolio.clients.forEach((c, i) => {
          const line = lines[i];
          seen.rfm += c.rfm ? 1 : 0;
          seen.segment += c.rfm?.segment ? 1 : 0;
          seen.contacts += c.contacts ? 1 : 0;
          seen.maturity += c.maturity?.phase ? 1 : 0;
          seen.elasticity += c.elasticity ? 1 : 0;
          seen.pr += c.pr ? 1 : 0;
          const expected: Record<string, unknown> = {
            "col.rank": c.abc?.rank ?? null,
            "col.share": c.abc?.share ?? null,
            "col.cumulative": c.abc?.cumulativeShare ?? null,
            "col.abc": c.abc?.cls ?? null,
            "col.r": c.r?.rank ?? null,
            "col.p": c.p?.rank ?? null,
            "col.pr_code": c.pr?.code ?? null,
            "col.pr_gap": c.pr?.gap ?? null,
            "col.pr_target": c.pr ? labels.targets[c.pr.target] : null,
            "col.rate": c.pr?.rate ?? null,
            "col.rfm_r": c.rfm?.r ?? null,
            "col.rfm_code": c.rfm?.code ?? null,
            "col.rfm_sum": c.rfm?.sum ?? null,
            "col.rfm_segment": c.rfm?.segment ? labels.segments[c.rfm.segment] : null,
            "col.contacts_n": c.contacts ? (c.source.contacts ?? null) : null,
            "col.quadrant": c.contacts ? labels.quadrants[c.contacts.quadrant] : null,
            "col.maturity": c.maturity?.phase ?? null,
            "col.elasticity": c.elasticity?.value ?? null,
            "col.elasticity_reading": c.elasticity ? labels.readings[c.elasticity.reading] : null,
            "col.planned": c.allocation?.total ?? null,
          };
          for (const [header, value] of Object.entries(expected)) expect([header, line[col(header)]]).toEqual([header, value]);
        });
      }),
      { numRuns: 150 },
    );
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(0);
  });
});
