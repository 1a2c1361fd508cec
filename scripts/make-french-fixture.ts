/**
 * Builds test/fixtures/french-clients.json: a 60-client table as a French rep's workbook gives it (French
 * headers, amounts as French text with non-breaking spaces and "€", dates as "jj/mm/aaaa" text or Excel
 * serials, a blank row, two duplicated clients, a name starting with "=", a "Total" row at the bottom), and,
 * beside it, the values the reader must find, taken from the numbers before they were formatted.
 * Deterministic (fixed seed): run `npx tsx scripts/make-french-fixture.ts` to rebuild the same file.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { mulberry32 } from "../test/support/random";

const random = mulberry32(60);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** "12 345,67 €" with the given thousands space (U+00A0 as Excel writes it, U+202F, or a plain space). */
function euros(value: number, space: string, withSign: boolean): string {
  const [int, dec] = Math.abs(value).toFixed(2).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, space);
  return `${value < 0 ? "-" : ""}${grouped},${dec}${withSign ? "\u00a0€" : ""}`;
}

/** An amount as it may come: a number, or French text in one of several spellings. */
function amountCell(value: number): unknown {
  const style = Math.floor(random() * 5);
  if (style === 0) return value;
  if (style === 1) return euros(value, "\u00a0", true);
  if (style === 2) return euros(value, "\u202f", false);
  if (style === 3) return euros(value, " ", true);
  return euros(value, "", false);
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function serial(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
}

const PREFIXES = ["Boulangerie", "Garage", "Pharmacie", "Cave", "Librairie", "Fromagerie", "Quincaillerie", "Café", "Hôtel", "Épicerie"];
const NAMES = ["Dupont", "Martin", "Lefèvre", "Moreau", "Girard", "Bonnet", "Rousseau", "Fontaine", "Chevalier", "Mercier", "Lambert", "Faure"];

interface Client {
  id: string;
  name: string;
  periods: [number, number];
  contactsBefore: number;
  contacts: number;
  potential: number;
  lastPurchase?: string;
  frequency: number;
  isProspect: boolean;
  /** The prospect cell as typed: "oui", "non" or left blank (then the reader leaves `isProspect` unset). */
  prospectCell: string;
}

const clients: Client[] = [];
for (let k = 1; k <= 60; k++) {
  const prospect = k % 15 === 0;
  const ca2024 = prospect ? 0 : Math.round(random() ** 2 * 90_000_00) / 100;
  const ca2025 = prospect ? 0 : Math.round(ca2024 * (0.6 + random() * 0.9) * 100) / 100 + (k === 7 ? -ca2024 * 2 : 0);
  const y = 2025;
  const m = 1 + Math.floor(random() * 12);
  const d = 1 + Math.floor(random() * 28);
  clients.push({
    id: `CL${String(k).padStart(3, "0")}`,
    name: k === 23 ? "=Dupont & Fils" : `${pick(PREFIXES)} ${pick(NAMES)}`,
    periods: [ca2024, Math.round(ca2025 * 100) / 100],
    contactsBefore: prospect ? 0 : 1 + Math.floor(random() * 12),
    contacts: 1 + Math.floor(random() * 12),
    potential: Math.round((ca2024 + 5000 + random() * 80_000) / 100) * 100,
    ...(prospect ? {} : { lastPurchase: iso(y, m, d) }),
    frequency: prospect ? 0 : 1 + Math.floor(random() * 20),
    isProspect: prospect,
    prospectCell: prospect ? "oui" : random() < 0.5 ? "non" : "",
  });
}

const HEADER = ["Code client", "Raison sociale", "CA 2024", "CA 2025", "Nb visites 2024", "Nb visites 2025", "Potentiel", "Date dernier achat", "Nb commandes", "Prospect"];
function row(c: Client): unknown[] {
  let date: unknown = null;
  if (c.lastPurchase) {
    const [y, m, d] = c.lastPurchase.split("-").map(Number);
    date = random() < 0.7 ? `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}` : serial(y, m, d);
  }
  return [
    c.id,
    c.name,
    amountCell(c.periods[0]),
    amountCell(c.periods[1]),
    random() < 0.2 ? String(c.contactsBefore) : c.contactsBefore,
    c.contacts,
    euros(c.potential, "\u00a0", true),
    date,
    c.frequency,
    c.prospectCell,
  ];
}

const rows: unknown[][] = [HEADER];
clients.forEach((c, k) => {
  rows.push(row(c));
  if (k === 29) rows.push([null, "", null, null, null, null, null, null, null, null]);
});
// Two duplicated clients: CL017 copied as it is (a copy-paste), CL042 with a second account's figures.
const copy17 = [...rows[17]];
rows.splice(40, 0, copy17);
const second42: Client = { ...clients[41], periods: [1000, 2500.5], contactsBefore: 1, contacts: 2, potential: 4000, frequency: 3, lastPurchase: "2025-12-30" };
rows.push(row(second42));
const sum = (k: 0 | 1): number => Math.round(rows.slice(1).reduce((s, r) => s + (r[0] ? valueOf(r[2 + k]) : 0), 0) * 100) / 100;
function valueOf(cell: unknown): number {
  if (typeof cell === "number") return cell;
  return Number(String(cell).replace(/[\s\u00a0\u202f€]/g, "").replace(",", "."));
}
rows.push(["Total", "", euros(sum(0), "\u00a0", true), euros(sum(1), "\u00a0", true), null, null, null, null, null, null]);

// What the reader must find when duplicates are merged: CL017 once, CL042 with both accounts added up.
const merged = clients.map((c) =>
  c.id !== "CL042"
    ? c
    : {
        ...c,
        periods: [c.periods[0] + 1000, c.periods[1] + 2500.5] as [number, number],
        contactsBefore: c.contactsBefore + 1,
        contacts: c.contacts + 2,
        potential: c.potential + 4000,
        frequency: c.frequency + 3,
        lastPurchase: "2025-12-30",
      },
);
const out = {
  description:
    "60 clients, French headers and number formats, a blank row (sheet row 32), CL017 repeated exactly (row 41), CL042 on a second row with other figures (row 64), a name starting with \"=\" (CL023), a Total row at the bottom (row 65). Built by scripts/make-french-fixture.ts.",
  rows,
  expected: merged.map((c) => ({
    id: c.id,
    name: c.name,
    periods: c.periods,
    contactsBefore: c.contactsBefore,
    contacts: c.contacts,
    potential: c.potential,
    lastPurchase: c.lastPurchase ?? null,
    frequency: c.frequency,
    ...(c.prospectCell === "" ? {} : { isProspect: c.isProspect }),
  })),
};
const target = path.resolve(__dirname, "../test/fixtures/french-clients.json");
writeFileSync(target, `${JSON.stringify(out, null, 1)}\n`);
console.log(`wrote ${target}: ${rows.length - 1} data rows`);
