import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { pac, tempDir } from "./run";

/**
 * `node bin/pac.js` writes its sheets' XML out on the compression thread (src/xlsx/nodeWorker.ts, bundled by
 * bin/pac.js), and this thread writes out what that thread cannot take in time; in jest there is no such thread.
 * Both must give the same workbook, part for part, with sizes and CRCs a strict reader checks.
 */
describe("bin/pac.js plan: the compression thread's workbook", () => {
  const tmp = tempDir("pac-worker-");
  afterAll(() => tmp.remove());

  it("is the workbook written on one thread, part for part, and every part's CRC and size check", async () => {
    // 6 000 clients: the Cibles sheet is several chunks of its tape.
    let seed = 7;
    const next = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const lines = ["Client;Raison sociale;CA 2024;CA 2025;Potentiel;Visites 2024;Visites 2025"];
    for (let i = 1; i <= 6000; i++) {
      const ca24 = Math.round(next() ** 3 * 200_000);
      lines.push(`C${String(i).padStart(5, "0")};Société n° ${i} & fils;${ca24};${Math.round(ca24 * (0.7 + next() * 0.6))};${Math.round(ca24 * 3) + 1000};${1 + Math.floor(next() * 12)};${1 + Math.floor(next() * 12)}`);
    }
    writeFileSync(tmp.path("clients.csv"), lines.join("\n") + "\n");
    const bin = join(__dirname, "..", "..", "bin", "pac.js");
    const run = spawnSync(process.execPath, [bin, "plan", tmp.path("clients.csv"), "--out", tmp.path("worker.xlsx")], { encoding: "utf8", timeout: 120_000 });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const here = await pac(["plan", tmp.path("clients.csv"), "--out", tmp.path("here.xlsx")]);
    expect(here.code).toBe(0);
    const load = (name: string): Promise<JSZip> => JSZip.loadAsync(readFileSync(tmp.path(name)), { checkCRC32: true });
    const [worker, alone] = await Promise.all([load("worker.xlsx"), load("here.xlsx")]);
    const names = Object.keys(alone.files).sort();
    expect(Object.keys(worker.files).sort()).toEqual(names);
    expect(names).toContain("xl/worksheets/sheet3.xml");
    for (const name of names) {
      const [a, b] = await Promise.all([worker.file(name)!.async("nodebuffer"), alone.file(name)!.async("nodebuffer")]);
      expect({ name, same: a.equals(b) }).toEqual({ name, same: true });
      // The size written in the package is the part's (JSZip checked the CRC).
      expect((worker.files[name] as unknown as { _data: { uncompressedSize: number } })._data.uncompressedSize).toBe(a.length);
    }
  }, 180_000);
});
