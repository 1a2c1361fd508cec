/**
 * Speed of readJournal on a 1 000 000-line journal (target: under 2 s in Node on the 2-core CI machine).
 * Run: npx tsx bench/journal.bench.ts [lines] [runs]    (add --expose-gc through node for steadier memory figures:
 *      node --expose-gc --import tsx bench/journal.bench.ts)
 * The journal is generated deterministically (same seed every run), shaped like the online-retail sample, once
 * with Date objects as exceljs gives them and once with Excel serial numbers as Office.js gives them.
 * Wall time can be inflated by other processes on a shared machine: CPU time is printed beside it.
 */
import { readJournal } from "../src/io";
import { generateJournal } from "../test/fixtures/journalGenerator";

const lines = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 5);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const gc = (globalThis as { gc?: () => void }).gc;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const dates of ["exceljs", "office"] as const) {
  const t0 = performance.now();
  const journal = generateJournal({ lines, dates });
  const genMs = performance.now() - t0;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const wall: number[] = [];
  const cpu: number[] = [];
  let extraHeap = 0;
  let clients = 0;
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    const start = performance.now();
    const result = readJournal(journal.rows);
    wall.push(performance.now() - start);
    const c1 = process.cpuUsage(c0);
    cpu.push((c1.user + c1.system) / 1000);
    extraHeap = Math.max(extraHeap, process.memoryUsage().heapUsed - heapBefore);
    clients = result.clients.length;
    if (result.report.journal?.linesUsed !== lines - journal.expected.linesWithoutCustomer) throw new Error("unexpected line count");
    gc?.();
  }
  console.log(
    `readJournal, ${lines.toLocaleString("fr-FR")} lines (${dates} dates) -> ${clients} clients: ` +
      `wall median ${median(wall).toFixed(0)} ms (best ${Math.min(...wall).toFixed(0)}, first ${wall[0].toFixed(0)}), ` +
      `CPU median ${median(cpu).toFixed(0)} ms, over ${runs} runs | generation ${genMs.toFixed(0)} ms | ` +
      `input heap ${mb(heapBefore)}, heap kept after a read ≤ ${mb(Math.max(0, extraHeap))}, rss ${mb(process.memoryUsage().rss)}`,
  );
}
