import type { ImportedClient } from "../../io/clientTable";

/**
 * A small fixed portfolio for the plan and xlsx tests: ten clients and two prospects, every method fed, with
 * the awkward cases — a name that looks like a formula ("=SOMME(A1)", "+33 Export", "-Remise", "@Home"), a
 * client without potential, one without recency, one whose elasticity is undefined (no contact in N-1), one
 * with no CA in the last period.
 */
export const FIXTURE_CLIENTS: readonly ImportedClient[] = Object.freeze([
  c("C01", "Boulangerie Martin", 48_000, [40_000, 48_000], 10, 12, 120_000, 5, 14),
  c("C02", "=SOMME(A1)", 31_000, [30_000, 31_000], 8, 8, 40_000, 12, 9),
  c("C03", "Garage Dupont", 22_500, [25_000, 22_500], 6, 9, 90_000, 30, 6),
  c("C04", "+33 Export", 15_000, [9_000, 15_000], 4, 6, 20_000, 8, 7),
  c("C05", "Hôtel du Lac", 9_800, [10_000, 9_800], 6, 4, 60_000, 60, 4),
  c("C06", "-Remise Pro", 6_200, [6_000, 6_200], 0, 3, 7_000, 90, 3),
  c("C07", "@Home Déco", 4_100, [5_000, 4_100], 3, 2, undefined, 120, 2),
  c("C08", "Café de la Gare", 2_600, [2_600, 2_600], 2, 4, 15_000, undefined, 2),
  c("C09", "Pharmacie Centrale", 1_200, [0, 1_200], 1, 2, 8_000, 200, 1),
  c("C10", "Atelier Rivière", 0, [3_000, 0], 2, 3, 5_000, 400, 1),
  { id: "P01", row: 12, name: "Prospect Alpha", isProspect: true },
  { id: "P02", row: 13, name: "Prospect Bêta", isProspect: true },
]);

function c(
  id: string,
  name: string,
  ca: number,
  periods: [number, number],
  contactsBefore: number,
  contacts: number,
  potential: number | undefined,
  recencyDays: number | undefined,
  frequency: number,
): ImportedClient {
  const client: { -readonly [K in keyof ImportedClient]: ImportedClient[K] } = {
    id,
    row: Number(id.slice(1)) + 1,
    name,
    ca,
    monetary: ca,
    periods,
    contactsBefore,
    contacts,
    frequency,
    isProspect: false,
  };
  if (potential !== undefined) client.potential = potential;
  if (recencyDays !== undefined) client.recencyDays = recencyDays;
  return client;
}

/**
 * `n` generated clients (deterministic, every field fed, a name that looks like a formula every 50 rows) and
 * `n / 10` prospects: enough rows for the writers' large-table path.
 */
export function generatedClients(n: number): ImportedClient[] {
  const clients: ImportedClient[] = [];
  for (let i = 0; i < n; i++) {
    const ca = 500 + ((i * 7919) % 40_000) * (i % 7 === 0 ? 5 : 1);
    clients.push({
      id: `G${String(i + 1).padStart(5, "0")}`,
      row: i + 2,
      name: i % 50 === 0 ? `=Client ${i}` : `Client ${i} & fils`,
      ca,
      monetary: ca,
      periods: [ca * (0.7 + ((i * 13) % 60) / 100), ca],
      contactsBefore: 1 + (i % 9),
      contacts: 1 + ((i * 5) % 11),
      potential: ca * (1 + ((i * 17) % 30) / 10),
      recencyDays: (i * 37) % 400,
      frequency: 1 + ((i * 11) % 25),
      isProspect: false,
    });
  }
  for (let k = 0; k < Math.floor(n / 10); k++) clients.push({ id: `P${k + 1}`, row: n + k + 2, name: `Prospect ${k + 1}`, isProspect: true });
  return clients;
}
