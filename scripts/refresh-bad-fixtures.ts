/**
 * Rewrites the `expect` block of every test/fixtures/bad/*.json from what the readers return today.
 * Only for a deliberate change of messages or rules: read the diff of the fixtures before keeping it.
 * Run: npx tsx scripts/refresh-bad-fixtures.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BAD_DIR, loadBadFixtures, observe } from "../test/io/badCorpus";

for (const fixture of loadBadFixtures()) {
  const file = path.join(BAD_DIR, fixture.file);
  const raw = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  raw.expect = observe(fixture);
  const compact = JSON.stringify(raw.rows).length > 4000;
  writeFileSync(file, `${compact ? JSON.stringify(raw) : JSON.stringify(raw, null, 1)}\n`);
}
console.log(`refreshed ${BAD_DIR}`);
