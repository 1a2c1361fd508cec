/**
 * Writes a client table as large as an Excel sheet allows (1 048 575 clients under one header row), for the
 * full-sheet measurement of `pac plan` and `pac score` (issue 11.6). Deterministic (a fixed linear congruential
 * generator), so two runs give the same file. Not committed as data: run it when you measure.
 *
 *   npx tsx scripts/make-big-clients.ts /tmp/big.csv [rows]
 */
import { createWriteStream } from "node:fs";

const path = process.argv[2] ?? "big-clients.csv";
const rows = Number(process.argv[3] ?? 1_048_575);
let seed = 12345;
const next = (): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};

const out = createWriteStream(path);
out.write("Client;CA 2024;CA 2025;Potentiel;Visites 2024;Visites 2025\n");
let buffer = "";
for (let i = 1; i <= rows; i++) {
  const ca24 = Math.round(next() ** 3 * 200_000);
  const ca25 = Math.round(ca24 * (0.7 + next() * 0.6));
  const potential = Math.round(ca25 * (1 + next() * 3)) + 1000;
  const v24 = 1 + Math.floor(next() * 12);
  const v25 = 1 + Math.floor(next() * 12);
  buffer += `C${String(i).padStart(7, "0")};${ca24};${ca25};${potential};${v24};${v25}\n`;
  if (buffer.length > 1 << 20) {
    out.write(buffer);
    buffer = "";
  }
}
out.end(buffer);
