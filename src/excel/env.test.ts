import { libraryHas, NOTES_API, REQUIRED_API, resolveSupports, sheetNotes } from "./env";

/** Classes as office.js defines them on the Excel namespace (`Excel.NoteCollection = …`). */
class Marker {}
const library = (...names: string[]): Record<string, unknown> => Object.fromEntries(names.map((n) => [n, Marker]));

describe("libraryHas(version, excel)", () => {
  it.each([
    { version: NOTES_API, excel: library("WorksheetCustomPropertyCollection", "NoteCollection"), has: true },
    { version: NOTES_API, excel: library("WorksheetCustomPropertyCollection"), has: false },
    { version: REQUIRED_API, excel: library("WorksheetCustomPropertyCollection"), has: true },
    { version: REQUIRED_API, excel: library("NoteCollection"), has: false },
    // A marker that is not a class (a stray property) does not count.
    { version: NOTES_API, excel: { NoteCollection: {} }, has: false },
    // No marker for this version: the host's answer stands.
    { version: "1.7", excel: library(), has: true },
    // office.js not loaded at all.
    { version: "1.7", excel: undefined, has: false },
    { version: NOTES_API, excel: null, has: false },
  ])("libraryHas($version) on $excel is $has", ({ version, excel, has }) => {
    expect(libraryHas(version, excel)).toBe(has);
  });
});

describe("sheetNotes(ws)", () => {
  const noop = (): void => undefined;
  const complete = { add: noop, getItemOrNullObject: noop, load: noop };
  it.each([
    { name: "a worksheet of ExcelApi 1.18", ws: { notes: complete }, found: true },
    { name: "a worksheet without notes (office.js older than 1.18)", ws: {}, found: false },
    { name: "notes null", ws: { notes: null }, found: false },
    { name: "notes a string", ws: { notes: "notes" }, found: false },
    { name: "notes without getItemOrNullObject", ws: { notes: { add: noop, load: noop } }, found: false },
    {
      name: "a notes getter that throws",
      ws: Object.defineProperty({}, "notes", {
        get() {
          throw new TypeError("not implemented");
        },
      }),
      found: false,
    },
  ])("sheetNotes($name) is found: $found, and never throws", ({ ws, found }) => {
    expect(sheetNotes(ws as unknown as Excel.Worksheet) !== undefined).toBe(found);
  });
});

describe("resolveSupports({}) asks the host and the loaded office.js", () => {
  const g = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete g.Office;
    delete g.Excel;
  });

  it.each([
    { host: ["1.12", "1.18"], lib: ["WorksheetCustomPropertyCollection", "NoteCollection"], v112: true, v118: true },
    // The defect this guards: Excel reports 1.18, the old office.js copy stops at 1.15.
    { host: ["1.12", "1.18"], lib: ["WorksheetCustomPropertyCollection"], v112: true, v118: false },
    { host: ["1.12"], lib: ["WorksheetCustomPropertyCollection", "NoteCollection"], v112: true, v118: false },
    { host: [], lib: ["WorksheetCustomPropertyCollection", "NoteCollection"], v112: false, v118: false },
  ])("host $host, library $lib: 1.12 $v112, 1.18 $v118", ({ host, lib, v112, v118 }) => {
    g.Office = { context: { requirements: { isSetSupported: (set: string, v: string) => set === "ExcelApi" && host.includes(v) } } };
    g.Excel = library(...lib);
    const supports = resolveSupports({});
    expect([supports(REQUIRED_API), supports(NOTES_API)]).toEqual([v112, v118]);
  });

  it("resolveSupports({}) without office.js supports nothing", () => {
    expect(resolveSupports({})(REQUIRED_API)).toBe(false);
  });
});
