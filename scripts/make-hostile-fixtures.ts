// Writes the crafted attacks of issue 11 (test/fixtures/hostile/hostile.ts) to a folder, for trying them by hand:
//   npx tsx scripts/make-hostile-fixtures.ts [folder]      (default: /tmp/pac-hostile)
//   node bin/pac.js score /tmp/pac-hostile/zip-bomb.xlsx  → exit code 2 and one French line
// The test suite builds the same files in memory (test/fuzz/hostile.test.ts): nothing big is stored in the repository.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hostileFixtures } from "../test/fixtures/hostile/hostile";

const folder = process.argv[2] ?? "/tmp/pac-hostile";
mkdirSync(folder, { recursive: true });
for (const [name, bytes] of Object.entries(hostileFixtures())) {
  writeFileSync(join(folder, name), bytes);
  console.log(`${join(folder, name)} (${bytes.length} octets)`);
}
