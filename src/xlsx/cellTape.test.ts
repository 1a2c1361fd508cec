import { inflateRawSync } from "node:zlib";
import fc from "fast-check";
import { nodeWorkerCode } from "../../test/support/nodeWorker";
import { formula, rowFormulas, ROW } from "../plan/cells";
import type { PlanValue, SheetPlan } from "../plan/types";
import { ByteSink } from "./byteSink";
import { encodeTape, TapeWriter, type TapeChunk } from "./cellTape";
import { sheetTape, sheetXmlBlocks } from "./sheetXml";
import { SharedStrings, StyleTable } from "./styles";
import { crc32, feedTapes, nodeZlibCodec, type ZipCodec } from "./zip";
import { useNodeWorker } from "./zlibWorker";
import { openXlsx } from "./readRows";
import { writeXlsx } from "./write";

const decode = (blocks: Uint8Array[]): string => Buffer.concat(blocks).toString("utf8");

function options(): Parameters<typeof sheetTape>[1] {
  return { styles: new StyleTable(), strings: new SharedStrings(5), shift: { xf: 2, dxf: 0 }, links: { tables: [] }, selected: false };
}

/** A codec whose stream says, chunk after chunk, busy or not as `pattern` goes: both ways in one part. */
function alternating(codec: ZipCodec, pattern: readonly boolean[]): ZipCodec {
  return {
    ...codec,
    stream: (level) => {
      const inner = codec.stream!(level);
      let k = 0;
      return { ...inner, push: (b) => inner.push(b), pushTape: inner.pushTape?.bind(inner), end: () => inner.end(), busy: () => pattern[k++ % pattern.length] };
    },
  };
}

describe("encodeTape (the one writer of cells)", () => {
  it("writes each kind of cell as Excel reads it: numbers, errors, booleans, texts in the cell and shared, formulas and their results; an address only on a row's first cell, after a gap and on a formula", () => {
    const tape = new TapeWriter();
    tape.raw("<sheetData>");
    tape.row(7);
    tape.blank(0, 3);
    tape.number(1, 0, -12.5);
    tape.number(2, 4, Infinity);
    tape.boolean(3, 0, true);
    tape.inline(4, 0, " a < b & 'c' \u0001é😀");
    tape.sharedString(26, 9, 41);
    tape.endRow();
    tape.row(8, '" ht="30" customHeight="1">');
    tape.formula(0, 0, 3, "A1<B1");
    tape.formula(1, 0, "oui", "IF(A1>0,\"oui\",\"non\")", { si: 4, last: 90 });
    tape.formula(2, 5, false, "IF(A2>0,\"oui\",\"non\")", { si: 4 });
    tape.formula(3, 0, null, "NOW()");
    tape.formula(4, 0, NaN, "1/0");
    tape.endRow();
    tape.raw("</sheetData>");
    const sink = new ByteSink();
    encodeTape(tape.take(true) as TapeChunk, sink);
    expect(decode(sink.finish())).toBe(
      "<sheetData>" +
        '<row r="7"><c r="A7" s="3"/><c><v>-12.5</v></c><c s="4" t="e"><v>#NUM!</v></c><c t="b"><v>1</v></c>' +
        '<c t="inlineStr"><is><t xml:space="preserve"> a &lt; b &amp; &apos;c&apos; é😀</t></is></c><c r="AA7" s="9" t="s"><v>41</v></c></row>' +
        '<row r="8" ht="30" customHeight="1"><c r="A8"><f>A1&lt;B1</f><v>3</v></c>' +
        '<c r="B8" t="str"><f t="shared" ref="B8:B90" si="4">IF(A1&gt;0,&quot;oui&quot;,&quot;non&quot;)</f><v>oui</v></c>' +
        '<c r="C8" s="5" t="b"><f t="shared" si="4"/><v>0</v></c><c r="D8"><f>NOW()</f></c><c r="E8"><f>1/0</f></c></row>' +
        "</sheetData>",
    );
  });

  it("an unknown operation is an error, never bytes written at random", () => {
    expect(() => encodeTape({ ints: new Int32Array([99]), nums: new Float64Array(0), texts: [] }, new ByteSink())).toThrow("unknown operation 99");
  });
});

describe("cells written without their address", () => {
  // A cell: null (none written), a number, a short text, or a styled blank (written, with no value).
  const cell = fc.oneof(fc.constant(null), fc.integer({ min: -1000, max: 1000 }), fc.string({ minLength: 1, maxLength: 6 }).map((t) => `t${t}`));

  it("every value reads back in its own column, whatever the gaps, the styled blanks and where a row starts", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.tuple(fc.nat(11), fc.nat(14)), { maxLength: 6 }),
        async (rows, left, blanks) => {
          // Blocks of one row each, so that null leaves a gap (a block's null is a cell not written).
          const blocks = rows.map((values, r) => ({ row: r, col: left + (r % 3), values: [values] }));
          // Styled cells without a value: written as <c s="…"/>, each one a cell the reader must count.
          const formats = blanks.map(([r, c]) => ({ range: { row: r, col: c, rows: 1, cols: 1 }, style: { fill: "#FFEEAA" } }));
          const bytes = await writeXlsx({ sheets: [{ name: "S", blocks, formats }] });
          const read = openXlsx(bytes).rows("S");
          for (let r = 0; r < rows.length; r++) {
            rows[r].forEach((v, j) => {
              const got = read[r]?.[left + (r % 3) + j] ?? null;
              expect([r, j, got]).toEqual([r, j, v]);
            });
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe("feedTapes on Node's compression thread", () => {
  beforeAll(() => useNodeWorker(nodeWorkerCode()), 60_000);

  const value: fc.Arbitrary<PlanValue> = fc.oneof(
    fc.constant(null),
    fc.double({ noNaN: false }),
    fc.integer({ min: -1e6, max: 1e9 }),
    fc.boolean(),
    fc.string({ maxLength: 8 }),
    fc.string({ minLength: 65, maxLength: 90, unit: "binary" }),
    fc.tuple(fc.string({ maxLength: 12 }), fc.oneof(fc.double(), fc.boolean(), fc.string({ maxLength: 6 }))).map(([f, r]) => formula(`LEN("${f}")`, r)),
  );

  it("writes out the same XML as this thread, chunk by chunk, whichever thread writes each chunk", async () => {
    const zlib = nodeZlibCodec() as ZipCodec;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(value, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        async (rows, repeat, pattern) => {
          // Rows of random cells, then long columns of formulas filled down (shared), past a chunk's size.
          const start = rows.length + 1;
          const double = rowFormulas(`A${ROW}*2`);
          const label = rowFormulas(`"n°"&${ROW}`);
          const filled = Array.from({ length: repeat }, (_, i) => [double(start + i + 1, i * 2), label(start + i + 1, `n°${i}`)]);
          const sheet: SheetPlan = {
            name: "S",
            blocks: [
              { row: 0, col: 0, values: rows },
              { row: start, col: 1, values: filled },
            ],
            formats: [{ range: { row: 0, col: 0, rows: rows.length + repeat + 2, cols: 2 }, style: { bold: true } }],
            rowHeights: [{ row: 1, height: 22 }],
          };
          const here = decode([...sheetXmlBlocks(sheet, options())]);
          const { entry } = await feedTapes("s.xml", sheetTape(sheet, options()), { codec: alternating(zlib, pattern) });
          const raw = (await entry).raw;
          const there = inflateRawSync(raw.compressed);
          expect(there.toString("utf8")).toBe(here);
          expect(raw.size).toBe(there.length);
          expect(raw.crc).toBe(crc32(there));
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it("a chunk the thread cannot write out fails the part, with the thread's reason", async () => {
    const bad: TapeChunk = { ints: new Int32Array([99]), nums: new Float64Array(0), texts: [] };
    const { entry } = await feedTapes("s.xml", [bad], { codec: nodeZlibCodec() as ZipCodec });
    await expect(entry).rejects.toThrow("unknown operation 99");
  });
});
