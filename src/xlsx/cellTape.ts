import { columnLetter } from "../plan/cells";
import { ByteSink } from "./byteSink";
import { hasOuterSpace } from "./styles";
import { xmlSafe } from "./xmlText";

/**
 * A sheet's XML as the writer resolved it, cell by cell, before it is written out as bytes (issue 12): numbers
 * in typed arrays, texts in a list. The sheet writer (`sheetTape` in ./sheetXml) decides every cell (its value,
 * style id, shared string, shared formula), and `encodeTape` writes the XML bytes, on the same thread (the
 * browser, the tests) or on Node's compression thread (./nodeWorker), which then deflates them: the part of
 * writing that costs the most (tags, numbers and texts as UTF-8, about 1.3 s of a 100 000-client plan) leaves
 * the thread that makes the rows. The bytes are the same either way: `encodeTape` is the only writer of cells.
 * The page's compression worker does not take tapes: its `CompressionStream` is already the slower of the two
 * threads there (measured, 10 000 clients in Chromium: the sheets took 1.2 s instead of 1.0 s when it did).
 * Measured again once cells lost their addresses (a third less XML to deflate): every chunk to the worker, the
 * step took 1.08–1.15 s instead of 0.98–1.02 s; a chunk to it only while it had less than one or two in hand,
 * as Node's thread takes them, 0.94–1.10 s against 0.92–1.08 s in alternate runs. Its deflate alone takes
 * about 0.5 s of the step's 1.0 s (a Chromium trace), the page's rows 0.8 s.
 */
export interface TapeChunk {
  /** Operations and their integer arguments (see the `OP_` constants). */
  readonly ints: Int32Array;
  /** The numbers of the cells, in order. */
  readonly nums: Float64Array;
  /** The texts (UTF-8 text, cells' long texts, formulas, cached text results), in order. */
  readonly texts: string[];
}

// Operations: the code, then its integer arguments. A cell's row is the last row opened.
/** Text, as UTF-8: (text). */
const OP_TEXT = 1;
/** `<row r="n">`, or `<row r="n` then ASCII attributes: (n, text or −1). */
const OP_ROW = 2;
/** `</row>`. */
const OP_ROW_END = 4;
/** A cell without a value, styled: (col, xf). */
const OP_BLANK = 5;
/** A number: (col, xf), and a number. */
const OP_NUMBER = 6;
/** A boolean: (col, xf, 0 or 1). */
const OP_BOOLEAN = 7;
/** A text in its cell: (col, xf, text). */
const OP_INLINE = 8;
/** A shared string: (col, xf, id). */
const OP_SHARED_STRING = 9;
/**
 * A formula: (col, xf, result kind, [result], form, …the form's arguments). The result kind is one of the
 * `RESULT_` constants: a boolean (0 or 1) or a text follows it, a number is the next of `nums`. The form is one
 * of the `FORM_` constants.
 */
const OP_FORMULA = 10;

/** No cached result. */
const RESULT_NONE = 0;
const RESULT_NUMBER = 1;
const RESULT_BOOLEAN = 2;
const RESULT_TEXT = 3;

/** `<f>formula</f>`: (text). */
const FORM_PLAIN = 0;
/** A shared formula's first row, `<f t="shared" ref="X5:X90" si="3">formula</f>`: (si, last row, text). */
const FORM_SHARED_FIRST = 1;
/** A row below it, `<f t="shared" si="3"/>`: (si). */
const FORM_SHARED = 2;

/** A chunk is handed over once its integers pass this (about 800 rows of 40 cells). */
const CHUNK_INTS = 1 << 17;

/** A formula's cached result, as the tape takes it. */
export type TapeResult = number | boolean | string | null;

/** Writes a tape, chunk by chunk: `take` gives the chunk written so far once it is big enough. */
export class TapeWriter {
  private ints = new Int32Array(CHUNK_INTS + 1024);
  private n = 0;
  private nums = new Float64Array(CHUNK_INTS >> 2);
  private m = 0;
  private texts: string[] = [];

  /** Room for `count` more integers and `numbers` more numbers. */
  private room(count: number, numbers: number): void {
    if (this.n + count > this.ints.length) {
      const grown = new Int32Array(Math.max(this.ints.length * 2, this.n + count));
      grown.set(this.ints.subarray(0, this.n));
      this.ints = grown;
    }
    if (this.m + numbers > this.nums.length) {
      const grown = new Float64Array(this.nums.length * 2 + numbers);
      grown.set(this.nums.subarray(0, this.m));
      this.nums = grown;
    }
  }

  private op2(op: number, a: number): void {
    this.room(2, 0);
    this.ints[this.n++] = op;
    this.ints[this.n++] = a;
  }

  private op3(op: number, a: number, b: number): void {
    this.room(3, 0);
    const ints = this.ints;
    ints[this.n++] = op;
    ints[this.n++] = a;
    ints[this.n++] = b;
  }

  private op4(op: number, a: number, b: number, c: number): void {
    this.room(4, 0);
    const ints = this.ints;
    ints[this.n++] = op;
    ints[this.n++] = a;
    ints[this.n++] = b;
    ints[this.n++] = c;
  }

  private text(text: string): number {
    return this.texts.push(text) - 1;
  }

  /** Any text, written as UTF-8 as it is (the sheet's head and tail). */
  raw(text: string): void {
    this.op2(OP_TEXT, this.text(text));
  }

  /** Opens row `number` (1-based), with ASCII attributes after its number (`" ht="20" customHeight="1">`) or none. */
  row(number: number, attributes?: string): void {
    this.op3(OP_ROW, number, attributes === undefined ? -1 : this.text(attributes));
  }

  endRow(): void {
    this.room(1, 0);
    this.ints[this.n++] = OP_ROW_END;
  }

  /** A cell of the open row with a style and no value. */
  blank(col: number, xf: number): void {
    this.op3(OP_BLANK, col, xf);
  }

  number(col: number, xf: number, value: number): void {
    this.op3(OP_NUMBER, col, xf);
    this.room(0, 1);
    this.nums[this.m++] = value;
  }

  boolean(col: number, xf: number, value: boolean): void {
    this.op4(OP_BOOLEAN, col, xf, value ? 1 : 0);
  }

  /** A text written in its cell (`t="inlineStr"`): never read as a formula. */
  inline(col: number, xf: number, text: string): void {
    this.op4(OP_INLINE, col, xf, this.text(text));
  }

  /** A shared string, by its id in the workbook's table. */
  sharedString(col: number, xf: number, id: number): void {
    this.op4(OP_SHARED_STRING, col, xf, id);
  }

  /**
   * A formula and its cached result: written whole (`shared` undefined), or as the first row of shared formula
   * `si` down to row `last` (1-based), or as a row below it (`last` undefined: `formula` is not written).
   */
  formula(col: number, xf: number, result: TapeResult, formula: string, shared?: { si: number; last?: number }): void {
    this.room(8, 1);
    const ints = this.ints;
    ints[this.n++] = OP_FORMULA;
    ints[this.n++] = col;
    ints[this.n++] = xf;
    if (typeof result === "number") {
      ints[this.n++] = RESULT_NUMBER;
      this.nums[this.m++] = result;
    } else if (typeof result === "boolean") {
      ints[this.n++] = RESULT_BOOLEAN;
      ints[this.n++] = result ? 1 : 0;
    } else if (typeof result === "string") {
      ints[this.n++] = RESULT_TEXT;
      ints[this.n++] = this.text(result);
    } else ints[this.n++] = RESULT_NONE;
    if (shared === undefined) {
      ints[this.n++] = FORM_PLAIN;
      ints[this.n++] = this.text(formula);
    } else if (shared.last !== undefined) {
      ints[this.n++] = FORM_SHARED_FIRST;
      ints[this.n++] = shared.si;
      ints[this.n++] = shared.last;
      ints[this.n++] = this.text(formula);
    } else {
      ints[this.n++] = FORM_SHARED;
      ints[this.n++] = shared.si;
    }
  }

  /**
   * The chunk written so far, when it is big enough (or `all`), and a new one started; else undefined. Its
   * arrays are views into the writer's, read until the writer writes again: a reader that keeps them longer
   * (one that sends them to another thread) copies them. Copying each chunk (about 1 MB) cost the browser's
   * page 70 ms of the 1 s it takes to write 10 000 clients' sheets.
   */
  take(all = false): TapeChunk | undefined {
    if (this.n === 0 || (!all && this.n < CHUNK_INTS)) return undefined;
    const chunk: TapeChunk = { ints: this.ints.subarray(0, this.n), nums: this.nums.subarray(0, this.m), texts: this.texts };
    this.n = 0;
    this.m = 0;
    this.texts = [];
    return chunk;
  }
}

const ENCODER = new TextEncoder();
const letters: string[] = [];
/** `<c r="AB` for each column, made once. */
const cellStarts: Uint8Array[] = [];
function cellStart(col: number): Uint8Array {
  return (cellStarts[col] ??= ENCODER.encode(`<c r="${(letters[col] ??= columnLetter(col))}`));
}

/**
 * `<c r="B12" s="3"`, or `<c s="3"` when the cell is `next`, the column after the row's previous cell; no style
 * id when 0. Gives the column after this cell. ECMA-376 makes a cell's `r` optional: a cell without one is the
 * column after the previous cell of its row, as Excel, LibreOffice, exceljs and openpyxl read it. The first cell
 * of a row (`next` −1), a cell after a gap and a formula's cell (given −1) keep theirs. At 100 000 clients the
 * addresses were a quarter of the sheets' XML and, all different, the part deflate compresses least: the package
 * weighed 50 MB with them, 33 MB without (issue 12).
 */
function openCell(sink: ByteSink, col: number, row: number, xf: number, next: number): number {
  if (col === next) sink.ascii("<c");
  else {
    sink.bytes(cellStart(col));
    sink.uint(row);
    sink.ascii('"');
  }
  if (xf !== 0) {
    sink.ascii(' s="');
    sink.uint(xf);
    sink.ascii('"');
  }
  return col + 1;
}

/** A cell's text in the cell, never read as a formula. */
function inlineText(sink: ByteSink, text: string): void {
  sink.ascii(hasOuterSpace(text) ? ' t="inlineStr"><is><t xml:space="preserve">' : ' t="inlineStr"><is><t>');
  sink.escaped(xmlSafe(text));
  sink.ascii("</t></is></c>");
}

/** A finite number in `<v>`, or Excel's #NUM! error for the others. */
function numberValue(sink: ByteSink, value: number): void {
  if (!Number.isFinite(value)) return sink.ascii(' t="e"><v>#NUM!</v></c>');
  sink.ascii("><v>");
  sink.number(value);
  sink.ascii("</v></c>");
}

/** The XML of a chunk, written to `sink` (a chunk holds whole rows: `take` is called between rows). */
export function encodeTape(chunk: TapeChunk, sink: ByteSink): void {
  const { ints, nums, texts } = chunk;
  let row = 0;
  /** The column after the open row's last cell: a cell there goes without its address (−1: none yet). */
  let next = -1;
  let m = 0;
  for (let i = 0; i < ints.length; ) {
    switch (ints[i]) {
      case OP_TEXT:
        sink.write(texts[ints[i + 1]]);
        i += 2;
        break;
      case OP_ROW:
        row = ints[i + 1];
        next = -1;
        sink.ascii('<row r="');
        sink.uint(row);
        sink.ascii(ints[i + 2] < 0 ? '">' : texts[ints[i + 2]]);
        i += 3;
        break;
      case OP_ROW_END:
        sink.ascii("</row>");
        i += 1;
        break;
      case OP_BLANK:
        next = openCell(sink, ints[i + 1], row, ints[i + 2], next);
        sink.ascii("/>");
        i += 3;
        break;
      case OP_NUMBER:
        next = openCell(sink, ints[i + 1], row, ints[i + 2], next);
        numberValue(sink, nums[m++]);
        i += 3;
        break;
      case OP_BOOLEAN:
        next = openCell(sink, ints[i + 1], row, ints[i + 2], next);
        sink.ascii(ints[i + 3] === 1 ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>');
        i += 4;
        break;
      case OP_INLINE:
        next = openCell(sink, ints[i + 1], row, ints[i + 2], next);
        inlineText(sink, texts[ints[i + 3]]);
        i += 4;
        break;
      case OP_SHARED_STRING:
        next = openCell(sink, ints[i + 1], row, ints[i + 2], next);
        sink.ascii(' t="s"><v>');
        sink.uint(ints[i + 3]);
        sink.ascii("</v></c>");
        i += 4;
        break;
      case OP_FORMULA: {
        const col = ints[i + 1];
        // A formula's cell keeps its address: exceljs places a shared formula's first cell and the cells below by it.
        next = openCell(sink, col, row, ints[i + 2], -1);
        const kind = ints[i + 3];
        i += 4;
        // The cached result's value: read now, written after the formula.
        let result: number | string = 0;
        if (kind === RESULT_NUMBER) result = nums[m++];
        else if (kind === RESULT_BOOLEAN || kind === RESULT_TEXT) result = ints[i++];
        sink.ascii(kind === RESULT_BOOLEAN ? ' t="b">' : kind === RESULT_TEXT ? ' t="str">' : ">");
        const form = ints[i];
        if (form === FORM_SHARED) {
          sink.ascii('<f t="shared" si="');
          sink.uint(ints[i + 1]);
          sink.ascii('"/>');
          i += 2;
        } else {
          let text: string;
          if (form === FORM_SHARED_FIRST) {
            const letter = (letters[col] ??= columnLetter(col));
            sink.ascii('<f t="shared" ref="');
            sink.ascii(letter);
            sink.uint(row);
            sink.ascii(":");
            sink.ascii(letter);
            sink.uint(ints[i + 2]);
            sink.ascii('" si="');
            sink.uint(ints[i + 1]);
            sink.ascii('">');
            text = texts[ints[i + 3]];
            i += 4;
          } else {
            sink.ascii("<f>");
            text = texts[ints[i + 1]];
            i += 2;
          }
          sink.escaped(xmlSafe(text));
          sink.ascii("</f>");
        }
        if (kind === RESULT_NUMBER) {
          if (Number.isFinite(result)) {
            sink.ascii("<v>");
            sink.number(result as number);
            sink.ascii("</v>");
          }
        } else if (kind === RESULT_BOOLEAN) sink.ascii(result === 1 ? "<v>1</v>" : "<v>0</v>");
        else if (kind === RESULT_TEXT) {
          sink.ascii("<v>");
          sink.escaped(xmlSafe(texts[result as number]));
          sink.ascii("</v>");
        }
        sink.ascii("</c>");
        break;
      }
      default:
        throw new Error(`cell tape: unknown operation ${ints[i]} at ${i}`);
    }
  }
}

/** The XML of a tape's chunks, as blocks of about 1 MiB given as they fill (written on this thread). */
export function* tapeBytes(chunks: Iterable<TapeChunk>): Generator<Uint8Array, void, undefined> {
  const sink = new ByteSink();
  for (const chunk of chunks) {
    encodeTape(chunk, sink);
    if (sink.blocks.length > 0) yield* sink.blocks.splice(0);
  }
  yield* sink.finish();
}
